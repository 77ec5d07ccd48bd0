/** Compares measured workloads with buyerside's performance targets and adds the tool speed ratios. */
import { availableParallelism } from 'node:os';

const round = (n, d = 2) => Number(n.toFixed(d));

/** `merge` of 4,000 calls, any output format (issue #16): peak memory below this. */
export const MERGE_TARGET_MB = 300;
/** The 2,000-call batch dashboard (issue #16): bytes a call, and seconds from navigation to the first drawn row. */
export const DASHBOARD_TARGET = { kbPerCall: 10, renderS: 5 };

/** Whether one merge run (a measure.mjs result) met its target: it finished cleanly under the memory bound. */
export function mergePass(m) {
  return m.exitCode === 0 && m.peakMB !== null && m.peakMB < MERGE_TARGET_MB;
}

/** Whether the dashboard met both of its targets. */
export function dashboardPass({ kbPerCall, renderS }) {
  return kbPerCall < DASHBOARD_TARGET.kbPerCall && renderS < DASHBOARD_TARGET.renderS;
}

/** Seconds per word beyond the 1k-word call, so that process start-up cancels out. */
function marginal(row, base) {
  if (!row?.medianS || !base?.medianS || row.words <= base.words) return null;
  return (row.medianS - base.medianS) / (row.words - base.words);
}

/**
 * Annotates result rows with target, pass and detail, and explains the comparisons in notes.
 * @param {object[]} results rows from run.mjs, by id
 * @param {{ batchCalls: number, batchWords?: number }} context
 * @returns {{ rows: object[], targetNotes: string[] }}
 */
export function targets(results, { batchCalls, batchWords }) {
  const failed = results.filter((r) => r.medianS === null);
  for (const r of failed) Object.assign(r, { pass: false, detail: '(every run failed; see below)' });
  const by = Object.fromEntries(results.filter((r) => r.medianS !== null).map((r) => [r.id, r]));
  const notes = [];
  const baseline = by.baseline;
  for (const id of ['version', 'rules']) {
    const r = by[id];
    if (!r || !baseline) continue;
    const ratio = r.medianS / baseline.medianS;
    Object.assign(r, { target: '≤ 1.5× `node -e 0`', pass: ratio <= 1.5, detail: `(${round(ratio)}×)` });
  }
  const three = by['three-line'];
  if (three && baseline) {
    const ratio = three.medianS / baseline.medianS;
    const cpu = three.cpuS && baseline.cpuS ? ` wall; ${round(three.cpuS / baseline.cpuS)}× by CPU` : ' wall';
    Object.assign(three, { target: '≤ 2.5× `node -e 0`', pass: ratio <= 2.5, detail: `(${round(ratio)}×${cpu})` });
  }
  if (by['call-9k']) Object.assign(by['call-9k'], { target: '< 0.8 s cold', pass: by['call-9k'].medianS < 0.8 });

  const base = by['call-1k'];
  const m9 = marginal(by['call-9k'], base);
  if (base) Object.assign(base, { target: 'reference for linearity' });
  const m90 = marginal(by['call-90k'], base);
  if (m9 && m90) {
    Object.assign(by['call-90k'], { target: 'linear: marginal s/word ≤ 1.5× the 9k call\'s', pass: m90 <= 1.5 * m9, detail: `(${round(m90 / m9)}×)` });
  }
  const mMono = marginal(by['monologue-100k'], base);
  if (mMono && m90) {
    // Every word of a monologue is seller speech, which buyerside judges sentence by sentence; in a
    // call about half the words are the buyer's and only feed the metrics. So the fair comparison
    // is per seller word: that is what shows whether long turns cost more than normal ones.
    const perSeller = (row, m) => (row.sellerWords && row.words ? (m * row.words) / row.sellerWords : null);
    const sMono = perSeller(by['monologue-100k'], mMono);
    const s90 = perSeller(by['call-90k'], m90);
    if (sMono && s90) {
      Object.assign(by['monologue-100k'], { target: 'per seller word not slower than the 90k call (≤ 1.1×)', pass: sMono <= 1.1 * s90, detail: `(${round(sMono / s90)}× per seller word; ${round(mMono / m90)}× per word of any speaker)` });
    } else {
      Object.assign(by['monologue-100k'], { target: 'per word not slower than the 90k call (≤ 1.1×)', pass: mMono <= 1.1 * m90, detail: `(${round(mMono / m90)}×)` });
    }
  }
  if (base && (m9 || m90)) {
    const gap = by['call-9k'] ? by['call-9k'].medianS - base.medianS : null;
    if (gap !== null && gap < 0.2) notes.push(`The 9k call took only ${(gap * 1000).toFixed(0)} ms more than the 1k call, so the linearity ratio rests on a small difference and is noisy; compare the words/s of the 90k call and the batch as well.`);
    notes.push(`Linearity: marginal cost per word = (wall − wall of the 1k call) / (words − its words), which cancels start-up: 9k ${fmtRate(m9)}, 90k ${fmtRate(m90)}, monologue ${fmtRate(mMono)}.`);
  }

  const batch = by[`batch-${batchCalls}`];
  if (batch) {
    const checks = [];
    if (batchCalls === 1000) checks.push(['< 30 s', batch.medianS < 30]);
    checks.push(['≥ 1M words/s', batch.wordsPerS >= 1_000_000]);
    if (batch.peakMB !== null) checks.push(['< 300 MB', batch.peakMB < 300]);
    const missed = checks.filter(([, ok]) => !ok).map(([t]) => t);
    Object.assign(batch, { target: checks.map(([t]) => t).join(', '), pass: missed.length === 0, detail: missed.length ? `(missed ${missed.join(', ')})` : '' });
  }
  const floor = by[`floor-${batchCalls}`];
  const one = by[`batch-${batchCalls}-jobs1`];
  if (floor?.cpuS) {
    Object.assign(floor, { target: 'reference: the least a word-level analysis can cost' });
    for (const r of [one, batch]) {
      if (!r?.cpuS) continue;
      const ratio = r.cpuS / floor.cpuS;
      Object.assign(r, { target: [r.target, 'CPU ≤ 8× the floor'].filter(Boolean).join(', '), pass: (r.pass ?? true) && ratio <= 8, detail: `${r.detail ?? ''} (CPU ${round(ratio, 1)}× the floor)`.trim() });
    }
  }
  const big = by['batch-5000'];
  if (big && batch && batch.peakMB && big.peakMB) {
    const growth = big.peakMB / batch.peakMB;
    Object.assign(big, { target: `peak ≤ 1.25× the ${batchCalls}-call batch's, < 300 MB`, pass: growth <= 1.25 && big.peakMB < 300, detail: `(${round(growth)}×)` });
  }

  const used = results.filter((r) => r.cpuS && r.medianS && r.words > 100_000)
    .map((r) => `${r.id} ${(r.cpuS / r.medianS).toFixed(2)}`);
  if (used.length) notes.push(`Cores kept busy (cpu s / wall s, out of ${availableParallelism()}): ${used.join(', ')}.`);

  const sub = by['subset-buyerside'];
  for (const id of ['write-good', 'alex']) {
    const t = by[id];
    if (!t) continue;
    const total = batchWords;
    if (total && t.words < total) {
      const est = total / t.wordsPerS;
      notes.push(`${id} ran once on a stride subset (${t.words.toLocaleString('en-US')} words) because the whole batch would take ~${Math.round(est)} s at that rate; its words/s is extrapolated to the batch as is (it runs single-threaded, one file after another)${id === 'write-good' ? '; its CLI time includes annotating each suggestion with line and column, as a user would see it' : ''}.`);
    }
    if (sub?.wordsPerS) {
      const same = sub.wordsPerS / t.wordsPerS;
      const full = batch?.wordsPerS ? batch.wordsPerS / t.wordsPerS : null;
      Object.assign(t, { target: `buyerside ${round(same, 1)}× faster on the same files${full ? ` (${round(full, 1)}× with the full batch)` : ''}` });
    }
  }
  if (sub) Object.assign(sub, { target: 'same files as write-good and alex' });
  return { rows: results, targetNotes: notes };
}

function fmtRate(secondsPerWord) {
  return secondsPerWord ? `${Math.round(1 / secondsPerWord).toLocaleString('en-US')} words/s` : 'n/a';
}
