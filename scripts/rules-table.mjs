// Prints the README's rule table from rules/; with --write, updates README.md between its markers.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadRules } from '../dist/rules/load.js';
import { rulesTable, withRulesTable } from '../dist/rules/table.js';

const { rules } = loadRules();
if (process.argv.includes('--write')) writeFileSync('README.md', withRulesTable(readFileSync('README.md', 'utf8'), rules));
else console.log(rulesTable(rules));
