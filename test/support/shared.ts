/**
 * Where ../shared is (the team's corpus and evaluation sets, beside the repository and never copied
 * into it). Only the suites in test/shared/ read it; vitest.config.ts leaves them out when it is absent.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED = resolve(fileURLToPath(new URL('../../../shared', import.meta.url)));
export const CORPUS = resolve(SHARED, 'corpus');

/** Whether ../shared is there. */
export function hasShared(): boolean {
  return existsSync(SHARED);
}
