// The CLI with the classifier rules turned off, to measure what the classifier adds:
//   node ../shared/eval/score.mjs --data DIR --cli "node scripts/cli-without-classifier.mjs"
import { fileURLToPath } from 'node:url';
import { run } from '../dist/cli.js';

const config = fileURLToPath(new URL('../fixtures/eval/no-classifier.json', import.meta.url));
await run([...process.argv.slice(2), '--config', config]);
