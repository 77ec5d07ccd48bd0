import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The suites in test/shared/ read ../shared (the team's corpus and evaluation sets, beside the
// repository). A user's clone has none: those suites are then left out, and this says so.
const shared = existsSync(fileURLToPath(new URL('../shared', import.meta.url)));
if (!shared) console.warn('buyerside: ../shared is absent, so the suites in test/shared/ (which read its corpus) are not run');

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: shared ? [] : ['test/shared/**'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
