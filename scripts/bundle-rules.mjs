// Bundles rules/ into dist/rules.json at build time, so that the CLI needs no YAML parser to start.
import { writeFileSync, mkdirSync } from 'node:fs';
import { readPackDir, buildRules, BUILTIN_RULES_DIR } from '../dist/rules/load.js';

const data = readPackDir(BUILTIN_RULES_DIR);
buildRules([data]); // fails the build on invalid rule data
mkdirSync('dist', { recursive: true });
writeFileSync('dist/rules.json', JSON.stringify(data));
console.error(`bundled ${data.rules.length} rules into dist/rules.json`);
