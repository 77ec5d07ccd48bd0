#!/usr/bin/env node
/**
 * The floor for batch analysis: reads each file, lower-cases it, splits it into words and looks
 * each word up in a set, which is the least any word-level analysis must do. `npm run bench` runs it
 * as a process over the batch folder and compares buyerside's CPU time with its.
 *
 *   node bench/floor.mjs DIR   # prints files, words and hits
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SET = new Set(['our', 'we', 'platform', 'best', 'leading', 'you', 'your', 'why', 'what', 'how', 'price', 'today', 'team', 'problem']);
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/floor.mjs DIR');
  process.exit(2);
}
let files = 0;
let words = 0;
let hits = 0;
for (const name of readdirSync(dir).sort()) {
  const path = join(dir, name);
  if (!statSync(path).isFile()) continue;
  files++;
  for (const w of readFileSync(path, 'utf8').toLowerCase().split(/[^\p{L}\p{N}']+/u)) {
    if (!w) continue;
    words++;
    if (SET.has(w)) hits++;
  }
}
console.log(JSON.stringify({ files, words, hits }));
