/** The models trained at build time (scripts/train-models.mjs), loaded once per process on first use. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelFromJson, type Model } from './logistic.js';

export interface Models {
  boundary: Model;
  sentence: { first: Model; second: Model };
  speech: Model;
  salesTalk: Model;
  call: Model;
}

// Beside the compiled code (dist/models.json); from the TypeScript sources (tests), in dist/.
const FILES = [fileURLToPath(new URL('../models.json', import.meta.url)), fileURLToPath(new URL('../../dist/models.json', import.meta.url))];
let loaded: Models | undefined;

export function models(): Models {
  if (!loaded) {
    const file = FILES.find((f) => existsSync(f));
    if (!file) throw new Error('the trained models are missing: run `npm run build`');
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { sentence: Record<string, unknown> };
    const m = (x: unknown) => modelFromJson(x as Parameters<typeof modelFromJson>[0]);
    loaded = { boundary: m(raw.boundary), sentence: { first: m(raw.sentence.first), second: m(raw.sentence.second) }, speech: m(raw.speech), salesTalk: m(raw.salesTalk), call: m(raw.call) };
  }
  return loaded;
}
