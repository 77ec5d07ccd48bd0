/**
 * A trained model as one binary file, ready to use as read: a start reads the bytes and looks
 * features up in a hash table built at build time, with no parsing and no Map to fill. Decoding the
 * JSON models and filling their Maps was a sixth of a cold three-line call (#12).
 *
 * Layout (little-endian; every section starts 4-byte aligned, the bias 8-byte aligned):
 *   header  8 × u32: magic, classes K, features D, table slots T (a power of two), name bytes, classes JSON bytes, 0, 0
 *   bias    K × f64
 *   weights D × K × f32, row by row
 *   table   T × i32: a row, or -1 for an empty slot (open addressing, linear probing)
 *   starts  (D + 1) × u32: where each row's name starts in the names
 *   names   UTF-8, the rows' names one after another
 *   classes UTF-8 JSON array of the class names
 */
import type { Model } from './logistic.js';

const MAGIC = 0x314d5342; // "BSM1" read as a little-endian u32
const HEADER_WORDS = 8;
/** How many looked-up names a model remembers before it starts again. */
const SEEN_LIMIT = 1 << 13;

/** A 32-bit hash of a string's UTF-16 code units (FNV-1a, then a final mix so the low bits spread). */
export function hashName(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const align = (n: number, to: number) => Math.ceil(n / to) * to;

/** The model as the bytes of its file. Deterministic: the same model gives the same bytes. */
export function packModel(model: Model): Uint8Array {
  const names = model.names();
  const K = model.classes.length;
  const D = names.length;
  const encoder = new TextEncoder();
  const encoded = names.map((n) => encoder.encode(n));
  const nameBytes = encoded.reduce((sum, e) => sum + e.length, 0);
  const classes = encoder.encode(JSON.stringify(model.classes));
  // At most half full, so that a probe for a feature the model does not know ends soon.
  let T = 1;
  while (T < 2 * D) T *= 2;
  const at = sections(K, D, T, nameBytes);
  const bytes = new Uint8Array(at.end + classes.length);
  const buffer = bytes.buffer;
  new Uint32Array(buffer, 0, HEADER_WORDS).set([MAGIC, K, D, T, nameBytes, classes.length, 0, 0]);
  new Float64Array(buffer, at.bias, K).set(model.bias);
  const weights = new Float32Array(buffer, at.weights, D * K);
  const table = new Int32Array(buffer, at.table, T).fill(-1);
  const starts = new Uint32Array(buffer, at.starts, D + 1);
  let offset = 0;
  names.forEach((name, row) => {
    const from = model.row(name);
    for (let k = 0; k < K; k++) weights[row * K + k] = model.weights[from * K + k]!;
    let slot = hashName(name) & (T - 1);
    while (table[slot] !== -1) slot = (slot + 1) & (T - 1);
    table[slot] = row;
    starts[row] = offset;
    bytes.set(encoded[row]!, at.names + offset);
    offset += encoded[row]!.length;
  });
  starts[D] = offset;
  bytes.set(classes, at.end);
  return bytes;
}

/** Where each section starts; `end` is where the classes JSON starts. */
function sections(K: number, D: number, T: number, nameBytes: number) {
  const bias = HEADER_WORDS * 4;
  const weights = bias + 8 * K;
  const table = weights + 4 * D * K;
  const starts = table + 4 * T;
  const names = starts + 4 * (D + 1);
  return { bias, weights, table, starts, names, end: align(names + nameBytes, 4) };
}

/**
 * A model over the bytes of its file (as `packModel` wrote them); the weights are views into them,
 * not copies. Throws on bytes that are not a model file.
 */
export function unpackModel(file: Uint8Array, name = 'model'): Model {
  // Typed-array views need aligned offsets; a Buffer from a small pool may not start aligned.
  const bytes = file.byteOffset % 8 === 0 ? file : new Uint8Array(file);
  const { buffer, byteOffset } = bytes;
  if (bytes.byteLength < HEADER_WORDS * 4) throw new Error(`${name}: not a buyerside model file (too short)`);
  const [magic, K, D, T, nameBytes, classBytes] = new Uint32Array(buffer, byteOffset, HEADER_WORDS) as unknown as number[];
  const at = sections(K!, D!, T!, nameBytes!);
  if (magic !== MAGIC || bytes.byteLength !== at.end + classBytes!) throw new Error(`${name}: not a buyerside model file (run \`npm run build\`)`);
  const decoder = new TextDecoder();
  const classes = JSON.parse(decoder.decode(bytes.subarray(at.end, at.end + classBytes!))) as string[];
  const bias = Array.from(new Float64Array(buffer, byteOffset + at.bias, K));
  const weights = new Float32Array(buffer, byteOffset + at.weights, D! * K!);
  const table = new Int32Array(buffer, byteOffset + at.table, T);
  const starts = new Uint32Array(buffer, byteOffset + at.starts, D! + 1);
  const names = bytes.subarray(at.names, at.names + nameBytes!);
  const mask = T! - 1;

  /** Whether row `row`'s name is `s`: bytes against code units while they are ASCII, decoded otherwise. */
  const isName = (row: number, s: string): boolean => {
    const a = starts[row]!;
    const b = starts[row + 1]!;
    // UTF-8 takes at least one byte per UTF-16 code unit.
    if (b - a < s.length) return false;
    let p = a;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return decoder.decode(names.subarray(a, b)) === s;
      if (names[p++] !== c) return false;
    }
    return p === b;
  };
  const probe = (s: string): number => {
    for (let slot = hashName(s) & mask; ; slot = (slot + 1) & mask) {
      const row = table[slot]!;
      if (row === -1) return -1;
      if (isName(row, s)) return row;
    }
  };
  // A batch asks for the same few thousand names again and again: V8 keeps a string's hash once
  // computed, so a Map answers a repeat far faster than hashing and comparing bytes in JS (#12).
  // Bounded, so a long batch with an open vocabulary does not grow it without end.
  const seen = new Map<string, number>();
  return {
    classes,
    bias,
    size: D!,
    weights,
    row(s: string): number {
      let row = seen.get(s);
      if (row === undefined) {
        row = probe(s);
        if (seen.size >= SEEN_LIMIT) seen.clear();
        seen.set(s, row);
      }
      return row;
    },
    names: () => Array.from({ length: D! }, (_, row) => decoder.decode(names.subarray(starts[row]!, starts[row + 1]!))),
  };
}
