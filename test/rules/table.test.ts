// The README's rule table is generated from rules/; this fails when someone forgets to regenerate it.
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadRules } from '../../src/rules/load.js';
import { withRulesTable } from '../../src/rules/table.js';

it('README lists every rule as rules/ defines it (node scripts/rules-table.mjs --write)', () => {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
  expect(withRulesTable(readme, loadRules().rules)).toBe(readme);
});
