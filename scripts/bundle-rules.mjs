// Build step: validates rules/ and bundles the rules into dist/rules.json (so the CLI needs no YAML
// parser, validator or pattern compiler to list them), and trains the classifier into
// dist/classifier.json (so runs need not load natural to train it). Invalid rule data fails the build.
import { writeFileSync, mkdirSync } from 'node:fs';
import { loadBuiltinSources } from '../dist/rules/load.js';
import { bundleRules } from '../dist/rules/packs.js';
import { trainModel, modelToJson } from '../dist/kinds/classifier.js';

const loaded = loadBuiltinSources();
mkdirSync('dist', { recursive: true });
writeFileSync('dist/rules.json', JSON.stringify(bundleRules(loaded)));
writeFileSync('dist/classifier.json', modelToJson(trainModel()));
console.error(`bundled ${loaded.rules.length} rules into dist/rules.json and trained dist/classifier.json`);
