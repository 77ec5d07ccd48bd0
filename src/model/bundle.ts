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

/**
 * Each model is decoded (its feature index built) on first use: a short punctuated call never needs
 * the boundary model, the largest, and building its index was a tenth of a cold start.
 */
export function models(): Models {
  if (!loaded) {
    const file = FILES.find((f) => existsSync(f));
    if (!file) throw new Error('the trained models are missing: run `npm run build`');
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { sentence: Record<string, unknown> };
    const lazy = <T extends object>(target: T, key: string, json: unknown): void => {
      let model: Model | undefined;
      Object.defineProperty(target, key, { enumerable: true, get: () => (model ??= modelFromJson(json as Parameters<typeof modelFromJson>[0])) });
    };
    const sentence = {} as Models['sentence'];
    lazy(sentence, 'first', raw.sentence.first);
    lazy(sentence, 'second', raw.sentence.second);
    const all = { sentence } as Models;
    for (const key of ['boundary', 'speech', 'salesTalk', 'call'] as const) lazy(all, key, raw[key]);
    loaded = all;
  }
  return loaded;
}
