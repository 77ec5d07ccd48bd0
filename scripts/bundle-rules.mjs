// Build step: bundles rules/ into dist/rules.json (so the CLI needs no YAML parser to start) and
// trains the classifier into dist/classifier.json (so runs need not load natural to train it).
import { writeFileSync, mkdirSync } from 'node:fs';
import { readPackDir, buildRules, BUILTIN_RULES_DIR, checkPattern } from '../dist/rules/load.js';
import { trainModel, modelToJson } from '../dist/kinds/classifier.js';

const data = readPackDir(BUILTIN_RULES_DIR);
buildRules([data], checkPattern); // fails the build on invalid rule data
mkdirSync('dist', { recursive: true });
writeFileSync('dist/rules.json', JSON.stringify(data));
writeFileSync('dist/classifier.json', modelToJson(trainModel()));
console.error(`bundled ${data.rules.length} rules into dist/rules.json and trained dist/classifier.json`);
