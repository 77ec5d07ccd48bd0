/** Checks buyerside's JSON and NDJSON output: it parses, and every input file appears exactly once. */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { basename } from 'node:path';

/** The file a parsed report object is about, if it names one. */
function fileOf(obj) {
  if (!obj || typeof obj !== 'object') return undefined;
  const name = obj.file ?? obj.path ?? obj.source;
  return typeof name === 'string' ? basename(name) : undefined;
}

/** Counts each expected basename among the seen names and describes what is missing, doubled or unexpected. */
function compare(seen, expected) {
  const counts = new Map(expected.map((f) => [basename(f), 0]));
  let unexpected = 0;
  for (const name of seen) {
    if (counts.has(name)) counts.set(name, counts.get(name) + 1);
    else unexpected++;
  }
  const missing = [...counts].filter(([, n]) => n === 0).map(([f]) => f);
  const doubled = [...counts].filter(([, n]) => n > 1).map(([f]) => f);
  const problems = [];
  if (missing.length) problems.push(`${missing.length} input file(s) missing, e.g. ${missing.slice(0, 3).join(', ')}`);
  if (doubled.length) problems.push(`${doubled.length} file(s) reported more than once, e.g. ${doubled.slice(0, 3).join(', ')}`);
  if (unexpected) problems.push(`${unexpected} report(s) for files that were not given`);
  return problems;
}

/**
 * Validates `--format json` output: one JSON document whose `calls` (and `errors`) name each input file once.
 * @returns {{ ok: boolean, problems: string[], calls: number, errors: number }}
 */
export function validateJson(path, expected) {
  let doc;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { ok: false, problems: [`output is not valid JSON: ${e.message}`], calls: 0, errors: 0 };
  }
  const calls = Array.isArray(doc?.calls) ? doc.calls : Array.isArray(doc) ? doc : [doc];
  const errors = Array.isArray(doc?.errors) ? doc.errors : [];
  const problems = compare([...calls, ...errors].map(fileOf).filter(Boolean), expected);
  if (errors.length) problems.push(`${errors.length} input error(s), e.g. ${errors[0].message ?? JSON.stringify(errors[0])}`);
  // Seller words are what buyerside judges sentence by sentence; buyer words only feed the metrics.
  const sellerWords = calls.reduce((n, c) => n + (c?.metrics?.sellerWords ?? 0), 0);
  return { ok: problems.length === 0, problems, calls: calls.length, errors: errors.length, sellerWords };
}

/**
 * Validates `--format ndjson` output by streaming it: each non-empty line is JSON, and the lines that
 * are about a file (a call report, or an input error) name each input file exactly once.
 * @returns {Promise<{ ok: boolean, problems: string[], lines: number, calls: number, errors: number }>}
 * Errors are lines of the form {"error": {file, message, code}}.
 */
export async function validateNdjson(path, expected) {
  const seen = [];
  const problems = [];
  let lines = 0;
  let calls = 0;
  let errors = 0;
  let other = 0;
  let firstError;
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    lines++;
    let obj;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      if (problems.length < 3) problems.push(`line ${lines} is not valid JSON: ${e.message}`);
      continue;
    }
    if (Array.isArray(obj?.calls)) {
      for (const call of obj.calls) if (fileOf(call)) { calls++; seen.push(fileOf(call)); }
      for (const err of obj.errors ?? []) if (fileOf(err)) { errors++; firstError ??= err.message; seen.push(fileOf(err)); }
      continue;
    }
    if (obj?.error && fileOf(obj.error)) {
      errors++;
      firstError ??= `${fileOf(obj.error)}: ${obj.error.message}`;
      seen.push(fileOf(obj.error));
      continue;
    }
    const name = fileOf(obj);
    if (!name) {
      other++;
      continue;
    }
    calls++;
    seen.push(name);
  }
  problems.push(...compare(seen, expected));
  if (other) problems.push(`${other} line(s) that are neither a call nor an error`);
  if (errors) problems.push(`${errors} input error(s), e.g. ${firstError}`);
  return { ok: problems.length === 0, problems, lines, calls, errors };
}
