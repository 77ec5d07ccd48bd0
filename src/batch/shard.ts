/** Sharding: a stable share of the inputs by a hash of each path, so a file stays in its shard as others are added. */

export interface Shard {
  /** 1-based index. */
  index: number;
  count: number;
}

/** Parses "K/N" (1 <= K <= N); undefined when malformed. */
export function parseShard(value: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!(count >= 1 && index >= 1 && index <= count && count <= 10000)) return undefined;
  return { index, count };
}

/** FNV-1a (32 bit) over the UTF-8 bytes of the path: stable across runs, machines and Node versions. */
export function pathHash(path: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(path, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Whether the shown path belongs to the shard. */
export function inShard(shownPath: string, shard: Shard): boolean {
  return pathHash(shownPath) % shard.count === shard.index - 1;
}
