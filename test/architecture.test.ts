// The house rules of docs/architecture.md, checked against the code: what each part may import, exit
// codes decided only by src/cli.ts, flag names only in the command line, one module per registered kind.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../src/kinds/index.js';
import { ROOT } from './support/cli.js';

const SRC = join(ROOT, 'src');

function sources(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [relative(ROOT, full).split('\\').join('/')] : [];
  });
}

/** The part a file of src/ belongs to: its folder, or its own name for a top-level file. */
function partOf(file: string): string {
  const [top, ...rest] = file.replace(/^src\//, '').split('/');
  return rest.length > 0 ? top! : top!.replace(/\.ts$/, '');
}

/** The modules of src/ a file imports at run time (type-only imports are erased, so they do not count). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [
    ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!),
    // A dynamic import loads code; `import('...').Name` in a type position does not.
    ...[...text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)(?!\.\w)/g)].map((m) => m[1]!),
  ];
  return specs.map((s) => posix.normalize(posix.join(posix.dirname(file), s)).replace(/\.js$/, '.ts'));
}

/** The table "What each part may import" of docs/architecture.md. */
function allowed(): Map<string, Set<string> | 'all' | 'all but cli'> {
  const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const table = /## What each part may import\n[\s\S]*?\n(\| part \| may import \|\n\|---\|---\|\n(?:\|.*\|\n)+)/.exec(doc)![1]!;
  const out = new Map<string, Set<string> | 'all' | 'all but cli'>();
  for (const row of table.split('\n').slice(2).filter(Boolean)) {
    const [, part, may] = /^\| `([^`]+)` \|(.*)\|$/.exec(row)!;
    const cell = may!.trim();
    out.set(part!, cell === 'every part' ? 'all' : cell === 'every part but `cli`' ? 'all but cli' : new Set([...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)));
  }
  return out;
}

describe('the architecture', () => {
  const files = sources();
  const rules = allowed();

  it('names every part of src/ in its import table', () => {
    expect([...new Set(files.map(partOf))].sort()).toEqual([...rules.keys()].sort());
  });

  it.each(files)('%s imports only what its part may', (file) => {
    const part = partOf(file);
    const may = rules.get(part)!;
    for (const target of runtimeImports(file)) {
      const other = partOf(target);
      if (other === part || may === 'all') continue;
      if (may === 'all but cli') expect(other, `${file} imports ${target}`).not.toBe('cli');
      else expect(may.has(other), `${file} imports ${target} (part ${other}), which ${part} may not`).toBe(true);
    }
  });

  it('decides exit codes only in src/cli.ts', () => {
    const exits = files.filter((f) => /process\.exit(?:Code)?\b/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(exits).toEqual(['src/cli.ts']);
  });

  it('names command-line flags only in src/cli.ts and src/cli/', () => {
    for (const file of files.filter((f) => f !== 'src/cli.ts' && !f.startsWith('src/cli/'))) {
      const code = readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(?:\/\/|\/?\*)/.test(l))
        .join('\n');
      const strings = code.match(/(['"`])(?:(?!\1)[^\\\n]|\\.)*\1/g) ?? [];
      const flags = strings.filter((s) => /(?:^|[\s(])--[a-z][a-z-]+/.test(s.slice(1, -1)));
      expect(flags, `${file} names a flag`).toEqual([]);
    }
  });

  it('registers exactly the kind modules of src/kinds/, each under its own name', () => {
    const modules = readdirSync(join(SRC, 'kinds')).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts').map((f) => f.replace(/\.ts$/, ''));
    expect(Object.keys(KINDS).sort()).toEqual(modules.sort());
    for (const [name, kind] of Object.entries(KINDS)) expect(kind.name).toBe(name);
  });
});
