// The packed model file: every feature is found at its row, anything else is not found (names that
// share a prefix, differ only past ASCII, or are empty), the bytes are deterministic, and bytes that
// are not a model file are refused. Also checks the models the build wrote.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mapModel, predict } from '../../src/model/logistic.js';
import { hashName, packModel, unpackModel } from '../../src/model/packed.js';
import { models } from '../../src/model/bundle.js';

/** A model over these names with weights that tell the rows apart. */
function modelOf(names: readonly string[], K = 3) {
  const weights = new Float32Array(names.length * K).map((_, i) => (i % 7) - 3 + i / 1024);
  return mapModel({ classes: Array.from({ length: K }, (_, k) => `c${k}`), bias: [0.1, -0.2, 0.3].slice(0, K), index: new Map(names.map((n, i) => [n, i])), weights });
}

describe('packed model files', () => {
  it('find each feature at its row and nothing else, for any names', () => {
    const name = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('', 'a', 'ab', 'abc', 'é', 'e\u0301', 'b:27_point', '😀', 'x😀'));
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 60 }), fc.array(name, { maxLength: 20 }), (names, probes) => {
        const m = modelOf(names);
        const back = unpackModel(packModel(m));
        expect(back.size).toBe(names.length);
        expect(back.names()).toEqual(names);
        names.forEach((n, row) => expect(back.row(n)).toBe(row));
        for (const p of probes) {
          expect(back.row(p)).toBe(m.row(p));
          expect(predict(back, [p, ...names.slice(0, 3)])).toEqual(predict(m, [p, ...names.slice(0, 3)]));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tell apart names whose hashes share a slot', () => {
    // Names that land in the same slot of a table of 64, so that lookups must probe past each other.
    const same: string[] = [];
    for (let i = 0; same.length < 6; i++) if ((hashName(`f${i}`) & 63) === (hashName('f0') & 63)) same.push(`f${i}`);
    const names = [...same, ...Array.from({ length: 20 }, (_, i) => `other${i}`)];
    const back = unpackModel(packModel(modelOf(names)));
    names.forEach((n, row) => expect(back.row(n)).toBe(row));
    expect(back.row('f')).toBe(-1);
  });

  it('are the same bytes for the same model, and read from an unaligned buffer', () => {
    const bytes = packModel(modelOf(['a', 'b', 'c']));
    expect(Buffer.from(packModel(modelOf(['a', 'b', 'c']))).equals(Buffer.from(bytes))).toBe(true);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(unpackModel(shifted.subarray(3)).row('c')).toBe(2);
  });

  it('refuse bytes that are not a model file, naming it', () => {
    expect(() => unpackModel(new Uint8Array(10), 'x.bin')).toThrow(/x\.bin: not a buyerside model file/);
    const bytes = packModel(modelOf(['a']));
    expect(() => unpackModel(bytes.subarray(0, bytes.length - 1), 'y.bin')).toThrow(/y\.bin: not a buyerside model file/);
  });

  it('as built, find every feature of every model at its row', () => {
    const all = models();
    for (const m of [all.boundary, all.sentence.first, all.sentence.second, all.speech, all.salesTalk, all.call]) {
      const names = m.names();
      expect(names.length).toBe(m.size);
      expect(new Set(names).size).toBe(names.length);
      names.forEach((n, row) => {
        if (m.row(n) !== row) expect.fail(`${n}: row ${m.row(n)}, not ${row}`);
      });
    }
  });
});
