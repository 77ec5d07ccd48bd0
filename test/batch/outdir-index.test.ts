/** --out-dir with HTML writes index.html linking every call's page; a call whose page would be named index.html gets another name. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, cli, tempDir } from '../support/cli.js';

describe('--out-dir index', () => {
  it('links every call page from index.html', async () => {
    const dir = tempDir();
    const text = readFileSync(join(FIXTURES, 'calls', 'renewal-call-mixed.txt'), 'utf8');
    writeFileSync(join(dir, 'index'), text);
    writeFileSync(join(dir, 'b & #1.txt'), text.replace('Marcus', 'Mark'));
    const out = join(dir, 'out');
    const r = await cli(['analyze', 'index', 'b & #1.txt', '-f', 'html', '--out-dir', out], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['b & #1.txt.html', 'index.html', 'index~2.html']);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<a href="index~2.html">index</a>');
    expect(index).toContain('<a href="b%20&amp;%20%231.txt.html">b &amp; #1.txt</a>');
    expect(index).not.toMatch(/<script/);
    expect(readFileSync(join(out, 'index~2.html'), 'utf8')).toContain('<section class="call"');
  });
});
