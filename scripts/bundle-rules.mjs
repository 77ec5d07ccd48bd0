// Build step: validates rules/ and bundles the rules into dist/rules.json (so the CLI needs no YAML
// parser, validator or pattern compiler to list them). Invalid rule data fails the build. The learned
// models are trained next, by scripts/train-models.mjs.
import { writeFileSync, mkdirSync } from 'node:fs';
import { loadBuiltinSources } from '../dist/rules/load.js';
import { bundleRules } from '../dist/rules/packs.js';
import { readyPatterns } from '../dist/rules/ready.js';

const loaded = loadBuiltinSources();
mkdirSync('dist', { recursive: true });
writeFileSync('dist/rules.json', JSON.stringify(bundleRules(loaded)));
// The patterns compiled once here, so that a start reads them ready-made (src/rules/ready.ts).
writeFileSync('dist/patterns.json', JSON.stringify(readyPatterns(loaded.rules, loaded.lexicon)));
console.error(`bundled ${loaded.rules.length} rules into dist/rules.json`);
