// Logistic regression: learns a separable problem, the same data gives the same model, and a model
// written to its packed file and read back predicts the same.
import { describe, expect, it } from 'vitest';
import { predict, train, type Sample } from '../../src/model/logistic.js';
import { packModel, unpackModel } from '../../src/model/packed.js';

const samples: Sample[] = [];
for (let i = 0; i < 60; i++) {
  samples.push({ features: ['x', `noise:${i % 7}`], label: 1 });
  samples.push({ features: ['y', `noise:${i % 5}`], label: 0 });
}

describe('logistic regression', () => {
  it('learns which feature tells the classes apart', () => {
    const m = train(samples, { classes: ['no', 'yes'] });
    expect(predict(m, ['x'])[1]).toBeGreaterThan(0.9);
    expect(predict(m, ['y'])[1]).toBeLessThan(0.1);
    // A feature it never saw says nothing: the prior decides.
    expect(predict(m, ['never-seen'])[1]).toBeCloseTo(predict(m, [])[1]!, 10);
  });

  it('is deterministic: the same samples give the same weights', () => {
    expect(Buffer.from(packModel(train(samples, { classes: ['no', 'yes'] }))).equals(Buffer.from(packModel(train(samples, { classes: ['no', 'yes'] }))))).toBe(true);
  });

  it('round-trips through its packed file', () => {
    const m = train(samples, { classes: ['no', 'yes'] });
    const back = unpackModel(packModel(m));
    expect(back.names()).toEqual(m.names());
    expect(back.classes).toEqual(m.classes);
    for (const f of [['x'], ['y'], ['x', 'noise:3'], []]) expect(predict(back, f)).toEqual(predict(m, f));
  });

  it('takes weighted real-valued features', () => {
    const real: Sample[] = Array.from({ length: 80 }, (_, i) => ({ features: [['v', i % 2 ? 1 : -1] as const], label: i % 2 }));
    const m = train(real, { classes: ['a', 'b'], epochs: 30 });
    expect(predict(m, [['v', 1]])[1]).toBeGreaterThan(0.8);
    expect(predict(m, [['v', -1]])[1]).toBeLessThan(0.2);
  });
});
