/**
 * The hand-labelled training data in rules/training/ (see its GUIDE.md): lone seller utterances,
 * and whole calls with every seller sentence labelled in context, with the calls' sales/not-sales
 * kind, sellers and ratings. Read at build time only.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface LabelledUtterance {
  text: string;
  label: string;
}

export interface LabelledCall {
  /** Path of the transcript. */
  path: string;
  sales: boolean;
  type: string;
  sellers: string[];
  rating?: number;
  /** Labelled seller sentences, in file order: the line they stand on and their text. */
  sentences: Array<{ line: number; text: string; label: string }>;
}

export interface TrainingData {
  utterances: LabelledUtterance[];
  calls: LabelledCall[];
}

function readCsv(file: string): Array<Record<string, string>> {
  const { parse } = require('csv-parse/sync') as typeof import('csv-parse/sync');
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
}

/** Reads a training folder: its *.csv utterance files and its calls/ folder. Files in name order. */
export function readTrainingData(dir: string): TrainingData {
  const utterances: LabelledUtterance[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
    for (const r of readCsv(join(dir, f))) utterances.push({ text: r.text ?? '', label: r.label ?? '' });
  }
  const calls: LabelledCall[] = [];
  const callDir = join(dir, 'calls');
  if (existsSync(callDir)) {
    const names = readdirSync(callDir).sort();
    const byFile = new Map<string, LabelledCall>();
    for (const f of names.filter((n) => n.endsWith('-calls.csv'))) {
      for (const r of readCsv(join(callDir, f))) {
        const call: LabelledCall = {
          path: join(callDir, r.file!),
          sales: r.sales === 'yes',
          type: r.type ?? '',
          sellers: (r.sellers ?? '').split(';').map((s) => s.trim()).filter(Boolean),
          ...(r.rating ? { rating: Number(r.rating) } : {}),
          sentences: [],
        };
        byFile.set(r.file!, call);
        calls.push(call);
      }
    }
    for (const f of names.filter((n) => n.endsWith('-sentences.csv'))) {
      for (const r of readCsv(join(callDir, f))) byFile.get(r.file!)?.sentences.push({ line: Number(r.line), text: r.text!, label: r.label! });
    }
  }
  return { utterances, calls };
}
