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
    setupFiles: ['test/support/setup.ts'],
    exclude: shared ? [] : ['test/shared/**'],
    pool: 'forks',
    // Test files in one worker share loaded modules, so the built-in rules are read, validated and
    // compiled (and the classifier trained) once per worker, not once per file. No test changes
    // module state that another reads: the caches are of rules and stems, and cli() restores the cwd.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
