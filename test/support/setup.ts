/** Runs before each test file (vitest's setupFiles): the temp folders a file made are removed after it. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './cli.js';

afterAll(removeTempDirs);
