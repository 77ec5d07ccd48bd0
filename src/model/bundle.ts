/** The models trained at build time (scripts/train-models.mjs), loaded once per process on first use. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelFromJson, type Model } from './logistic.js';

export interface Models {
  boundary: Model;
  sentence: { first: Model; second: Model };
  speech: Model;
  salesTalk: Model;
  call: Model;
}

const FILE = fileURLToPath(new URL('../models.json', import.meta.url));
let loaded: Models | undefined;

export function models(): Models {
  if (!loaded) {
    const raw = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown> & { sentence: Record<string, unknown> };
    const m = (x: unknown) => modelFromJson(x as Parameters<typeof modelFromJson>[0]);
    loaded = { boundary: m(raw.boundary), sentence: { first: m(raw.sentence.first), second: m(raw.sentence.second) }, speech: m(raw.speech), salesTalk: m(raw.salesTalk), call: m(raw.call) };
  }
  return loaded;
}
