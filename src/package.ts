/** Where the package's own files are (its version, its built-in rules), from wherever this module runs: src/ or dist/. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package version, read once from package.json. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The repository's rules/ folder: the built-in rule pack, its lexicon and the classifier's training sentences. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../rules', import.meta.url));
