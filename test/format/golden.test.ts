/** Renders the sample report in every format and compares with the committed golden files (UPDATE_GOLDEN=1 rewrites them). */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Formatter } from '../../src/format/types.js';
import { formatCsv } from '../../src/format/csv.js';
import { formatFindingsCsv } from '../../src/format/findings-csv.js';
import { formatNdjson } from '../../src/format/ndjson.js';
import { formatMarkdown } from '../../src/format/markdown.js';
import { formatHtml } from '../../src/format/html.js';
import { formatSarif } from '../../src/format/sarif.js';
import { formatJunit } from '../../src/format/junit.js';
import { formatGithub } from '../../src/format/github.js';
import { sampleReport } from './sample-report.js';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');

const CASES: Array<[file: string, formatter: Formatter, sort?: string]> = [
  ['report.csv', formatCsv],
  ['findings.csv', formatFindingsCsv],
  ['report.ndjson', formatNdjson],
  ['report.md', formatMarkdown],
  ['report.html', formatHtml],
  ['report.sarif', formatSarif],
  ['report.junit.xml', formatJunit],
  ['report.github.txt', formatGithub],
];

describe('golden files', () => {
  for (const [file, formatter, sort] of CASES) {
    it(`renders ${file}`, () => {
      const actual = formatter(sampleReport, { color: false, sort });
      const path = join(GOLDEN, file);
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(path, actual);
      }
      // A missing golden fails rather than being written, so CI never passes by creating its own expectation.
      expect(existsSync(path), `${file} has no golden file; run with UPDATE_GOLDEN=1`).toBe(true);
      expect(actual).toBe(readFileSync(path, 'utf8'));
    });

    it(`renders ${file} the same twice and leaves the report untouched`, () => {
      const before = JSON.stringify(sampleReport);
      expect(formatter(sampleReport, { color: false, sort })).toBe(formatter(sampleReport, { color: false, sort }));
      expect(JSON.stringify(sampleReport)).toBe(before);
    });
  }
});
