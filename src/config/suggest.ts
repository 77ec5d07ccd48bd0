/** "Did you mean": the known value nearest to a mistyped one, for errors that name a setting. */

/** Levenshtein distance, case-folded. */
function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** The nearest known value within a third of the value's length (at least 2 edits), else undefined; ties go to the first known. */
export function nearest(value: string, known: readonly string[]): string | undefined {
  if (value.length > 200) return undefined; // no quadratic work on a pasted paragraph
  const limit = Math.max(2, Math.floor(value.length / 3));
  // A known value the mistyped one begins ("warn" for "warning") is the likeliest meaning.
  const prefixed = value.length >= 3 ? known.find((k) => k.toLowerCase().startsWith(value.toLowerCase())) : undefined;
  if (prefixed !== undefined) return prefixed;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const k of known) {
    const d = distance(value, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "x"?` for the nearest known value, or ''. */
export function didYouMean(value: string, known: readonly string[]): string {
  const n = nearest(value, known);
  return n === undefined ? '' : `; did you mean "${n}"?`;
}
