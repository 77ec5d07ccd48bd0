#!/usr/bin/env node
// Checks the hand-written training data against rules/training/GUIDE.md: every sentence row names a
// call, a line of that call spoken by one of its sellers, and text found verbatim on that line; every
// label is one of the three; every sales call has a rating and sellers who speak in it.
//   node scripts/check-training.mjs [DIR ...]   (default: rules/training)
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parse } = require('csv-parse/sync');
const LABELS = new Set(['seller-centric', 'buyer-ownership', 'neutral']);
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['rules/training'];
const problems = [];
let sentenceRows = 0, utteranceRows = 0, callRows = 0;

const readCsv = (file) => parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: false });

/** The speaker and words of one transcript line, or undefined for a line that is not a turn. */
function turnOf(line) {
  const md = /^\s*\*\*([^*]{1,60}?):?\*\*:?\s*(.*)$/.exec(line);
  if (md) return { speaker: md[1].trim(), text: md[2] };
  const plain = /^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+)?([^:\[\]]{1,60}?):\s+(.*)$/.exec(line);
  if (plain) return { speaker: plain[1].trim(), text: plain[2] };
  return undefined;
}

function checkUtterances(file) {
  let rows;
  try { rows = readCsv(file); } catch (e) { problems.push(`${file}: not valid CSV: ${e.message}`); return; }
  rows.forEach((r, i) => {
    utteranceRows++;
    if (!r.text?.trim()) problems.push(`${file}:${i + 2}: empty text`);
    if (!LABELS.has(r.label)) problems.push(`${file}:${i + 2}: label "${r.label}" is not one of ${[...LABELS].join(', ')}`);
  });
}

function checkCallsDir(dir) {
  const callMeta = new Map();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('-calls.csv')).sort()) {
    let rows;
    try { rows = readCsv(join(dir, f)); } catch (e) { problems.push(`${join(dir, f)}: not valid CSV: ${e.message}`); continue; }
    rows.forEach((r, i) => {
      callRows++;
      const where = `${join(dir, f)}:${i + 2}`;
      if (callMeta.has(r.file)) problems.push(`${where}: ${r.file} is listed twice`);
      callMeta.set(r.file, r);
      if (!existsSync(join(dir, r.file))) problems.push(`${where}: no call file ${r.file}`);
      if (!['yes', 'no'].includes(r.sales)) problems.push(`${where}: sales must be yes or no`);
      if (r.sales === 'yes') {
        if (!/^[1-5]$/.test(r.rating ?? '')) problems.push(`${where}: a sales call needs a rating 1-5`);
        if (!r.sellers?.trim()) problems.push(`${where}: a sales call needs its sellers`);
      }
      if (existsSync(join(dir, r.file)) && r.sales === 'yes') {
        const speakers = new Set(readFileSync(join(dir, r.file), 'utf8').split(/\r?\n/).map(turnOf).filter(Boolean).map((t) => t.speaker));
        for (const s of r.sellers.split(';').map((x) => x.trim()).filter(Boolean)) {
          if (!speakers.has(s)) problems.push(`${where}: seller ${s} never speaks in ${r.file} (speakers: ${[...speakers].join(', ')})`);
        }
      }
    });
  }
  for (const f of readdirSync(dir).filter((f) => f.endsWith('-sentences.csv') || f === 'sentences.csv').sort()) {
    let rows;
    try { rows = readCsv(join(dir, f)); } catch (e) { problems.push(`${join(dir, f)}: not valid CSV: ${e.message}`); continue; }
    const covered = new Map();
    rows.forEach((r, i) => {
      sentenceRows++;
      const where = `${join(dir, f)}:${i + 2}`;
      if (!LABELS.has(r.label)) problems.push(`${where}: label "${r.label}" is not one of ${[...LABELS].join(', ')}`);
      const meta = callMeta.get(r.file);
      if (!meta) { problems.push(`${where}: ${r.file} is not in any *-calls.csv`); return; }
      const lines = readFileSync(join(dir, r.file), 'utf8').split(/\r?\n/);
      const line = lines[Number(r.line) - 1];
      const turn = line === undefined ? undefined : turnOf(line);
      if (!turn) { problems.push(`${where}: line ${r.line} of ${r.file} is not a turn`); return; }
      const sellers = new Set(meta.sellers.split(';').map((x) => x.trim()));
      if (!sellers.has(turn.speaker)) problems.push(`${where}: line ${r.line} is spoken by ${turn.speaker}, not a seller`);
      if (!turn.text.includes(r.text)) problems.push(`${where}: text not found verbatim on line ${r.line}: ${r.text.slice(0, 60)}`);
      covered.set(`${r.file}:${r.line}`, true);
    });
    // Every seller turn of every labelled call has at least one row.
    for (const file of new Set(rows.map((r) => r.file))) {
      const meta = callMeta.get(file);
      if (!meta || !existsSync(join(dir, file))) continue;
      const sellers = new Set(meta.sellers.split(';').map((x) => x.trim()));
      readFileSync(join(dir, file), 'utf8').split(/\r?\n/).forEach((line, i) => {
        const t = turnOf(line);
        if (t && sellers.has(t.speaker) && /\w/.test(t.text) && !covered.has(`${file}:${i + 1}`)) problems.push(`${join(dir, f)}: seller line ${i + 1} of ${file} has no rows`);
      });
    }
  }
}

for (const dir of dirs) {
  if (!existsSync(dir)) { problems.push(`${dir}: no such folder`); continue; }
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
    if (/^(utterances|sentences|more-sentences)/.test(f) && !f.endsWith('-calls.csv')) checkUtterances(join(dir, f));
  }
  if (existsSync(join(dir, 'calls')) && statSync(join(dir, 'calls')).isDirectory()) checkCallsDir(join(dir, 'calls'));
}
for (const p of problems) console.error(p);
console.error(`${problems.length} problems; ${callRows} calls, ${sentenceRows} call sentences, ${utteranceRows} utterances`);
process.exit(problems.length ? 1 : 0);
