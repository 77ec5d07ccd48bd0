// The corpus's business calls (earnings calls, design meetings, service chats, a booking) are not
// sales calls; its sales calls are.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { CORPUS } from '../support/shared.js';

describe('the corpus', () => {
  it.each(readdirSync(join(CORPUS, 'business-calls')))('business-calls/%s is not judged as a sales call', (f) => {
    const r = analyze(readFileSync(join(CORPUS, 'business-calls', f), 'utf8'), { file: f });
    expect(r.salesCall).toBe(false);
  });
  it.each(readdirSync(join(CORPUS, 'sales-calls')))('sales-calls/%s is judged as a sales call', (f) => {
    const r = analyze(readFileSync(join(CORPUS, 'sales-calls', f), 'utf8'), { file: f });
    expect(r.salesCall).toBe(true);
  });
});
