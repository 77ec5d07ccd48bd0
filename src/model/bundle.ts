/**
 * The models trained at build time (scripts/train-models.mjs), one file each in dist/models/, each
 * read on first use only: a short punctuated call never needs the boundary model, the largest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Model } from './logistic.js';
import { unpackModel } from './packed.js';

export interface Models {
  boundary: Model;
  sentence: { first: Model; second: Model };
  speech: Model;
  salesTalk: Model;
  call: Model;
}

/** Each model's file name in the models folder, by where it sits in `Models`. */
export const MODEL_FILES = {
  boundary: 'boundary.bin',
  'sentence.first': 'sentence-first.bin',
  'sentence.second': 'sentence-second.bin',
  speech: 'speech.bin',
  salesTalk: 'sales-talk.bin',
  call: 'call.bin',
} as const;

// Beside the compiled code (dist/models/); from the TypeScript sources (tests), in dist/.
const DIRS = [fileURLToPath(new URL('../models', import.meta.url)), fileURLToPath(new URL('../../dist/models', import.meta.url))];
let loaded: Models | undefined;

/** The models; each file is read when its model is first used. */
export function models(): Models {
  if (!loaded) {
    const dir = DIRS.find((d) => existsSync(join(d, MODEL_FILES.call)));
    if (!dir) throw new Error('the trained models are missing: run `npm run build`');
    const lazy = <T extends object>(target: T, key: string, file: string): void => {
      let model: Model | undefined;
      Object.defineProperty(target, key, { enumerable: true, get: () => (model ??= unpackModel(readFileSync(join(dir, file)), file)) });
    };
    const sentence = {} as Models['sentence'];
    lazy(sentence, 'first', MODEL_FILES['sentence.first']);
    lazy(sentence, 'second', MODEL_FILES['sentence.second']);
    const all = { sentence } as Models;
    for (const key of ['boundary', 'speech', 'salesTalk', 'call'] as const) lazy(all, key, MODEL_FILES[key]);
    loaded = all;
  }
  return loaded;
}
