/** Maps JSON paths to offsets and lines in the file text with one iterative pass, so segments keep their place in the file. */

/** Containers deeper than this get no recorded position (keeps memory flat on absurd nesting). */
const MAX_DEPTH = 48;

/** Joins a path and a key or index in the `$.a.b[3]` notation used in messages. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

interface Frame {
  path: string | undefined;
  array: boolean;
  index: number;
  key: string | undefined;
  expectKey: boolean;
}

/** Line lookup for a parsed JSON document: `lineOf('$.segments[3]')` is where that value starts. */
export class JsonLines {
  private readonly starts = new Map<string, number>();
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    this.scan();
  }

  /** 1-based line where the object or array at `path` starts; falls back to the nearest recorded parent. */
  lineOf(path: string): number {
    return this.lineAt(this.offsetOf(path));
  }

  /** Offset in the text where the object or array at `path` starts (or its nearest recorded parent). */
  offsetOf(path: string): number {
    let p = path;
    for (;;) {
      const at = this.starts.get(p);
      if (at !== undefined) return at;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return 0;
      p = p.slice(0, cut);
    }
  }

  private lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** One pass over the text with an explicit stack: no recursion, whatever the nesting. */
  private scan(): void {
    const t = this.text;
    const stack: Frame[] = [];
    for (let i = 0; i < t.length; i++) {
      const c = t[i]!;
      const top = stack[stack.length - 1];
      if (c === '"') {
        const end = stringEnd(t, i);
        if (top && !top.array && top.expectKey) {
          top.key = decodeKey(t.slice(i, end + 1));
          top.expectKey = false;
        }
        i = end;
      } else if (c === '{' || c === '[') {
        let path: string | undefined;
        if (!top) path = '$';
        else if (top.path !== undefined && stack.length < MAX_DEPTH) {
          path = top.array ? joinPath(top.path, top.index) : joinPath(top.path, top.key ?? '');
        }
        if (path !== undefined) this.starts.set(path, i);
        stack.push({ path, array: c === '[', index: 0, key: undefined, expectKey: c === '{' });
      } else if (c === '}' || c === ']') {
        stack.pop();
      } else if (c === ',' && top) {
        if (top.array) top.index++;
        else top.expectKey = true;
      }
    }
  }
}

function stringEnd(t: string, open: number): number {
  let i = open + 1;
  while (i < t.length) {
    const c = t[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i;
    else i++;
  }
  return t.length - 1;
}

function decodeKey(raw: string): string {
  if (!raw.includes('\\')) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}
