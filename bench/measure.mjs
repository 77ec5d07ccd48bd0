/** Runs one command as a whole process and measures its wall time and the peak memory of its process tree. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';
const PAGE = 4096;

/** True when GNU time is installed and understands `-f '%e %M'` (checked once; BENCH_NO_GNU_TIME=1 turns it off). */
export const hasGnuTime = (() => {
  if (process.env.BENCH_NO_GNU_TIME === '1' || !existsSync(TIME)) return false;
  const r = spawnSync(TIME, ['-f', '%e %M %U %S', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+(\.\d+)? \d+ [\d.]+ [\d.]+\s*$/m.test(r.stderr);
})();

/** How peak memory is measured, in words, for the report. */
export const memoryMethod = hasGnuTime
  ? 'max of GNU time %M (largest single process) and the summed RSS of the process tree sampled every 100 ms'
  : 'summed RSS of the process tree sampled every 100 ms, and each process\'s VmHWM as last seen (GNU time not installed)';

function readText(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Every descendant of `root` (and root itself), by scanning /proc for parent ids. */
function processTree(root) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readText(`/proc/${name}/stat`);
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

/** Samples the tree's summed RSS and each process's VmHWM until stopped. */
function startSampler(root, skipRoot) {
  const state = { peakTreeKB: 0, hwmKB: new Map(), samples: 0 };
  const sample = () => {
    if (!existsSync('/proc/self/stat')) return;
    let sum = 0;
    for (const pid of processTree(root)) {
      if (skipRoot && pid === root) continue;
      const statm = readText(`/proc/${pid}/statm`);
      if (statm) sum += (Number(statm.split(' ')[1]) * PAGE) / 1024;
      const hwm = /VmHWM:\s+(\d+)/.exec(readText(`/proc/${pid}/status`) ?? '');
      if (hwm) state.hwmKB.set(pid, Math.max(state.hwmKB.get(pid) ?? 0, Number(hwm[1])));
    }
    state.samples++;
    state.peakTreeKB = Math.max(state.peakTreeKB, sum);
  };
  const first = setTimeout(sample, 20);
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
      return state;
    },
  };
}

/**
 * Runs `cmd args` and resolves with its measurements; never rejects on a non-zero exit.
 * @param {{ cmd: string, args: string[], cwd: string, stdout?: string, stderr?: string, env?: object }} options
 *   stdout/stderr: a file path to write to; omitted means /dev/null
 * @returns {Promise<{ wallS: number, peakMB: number|null, timeMaxRssMB: number|null, treeRssMB: number|null, cpuS: number|null, exitCode: number|null, signal: string|null, samples: number }>}
 */
export async function measure({ cmd, args, cwd, stdout, stderr, env }) {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
  const timeFile = join(scratch, 'time');
  const out = openSync(stdout ?? '/dev/null', 'w');
  const err = openSync(stderr ?? '/dev/null', 'w');
  const [file, argv] = hasGnuTime ? [TIME, ['-f', '%e %M %U %S', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const started = process.hrtime.bigint();
  const child = spawn(file, argv, { cwd, stdio: ['ignore', out, err], env: { ...process.env, ...env } });
  const sampler = startSampler(child.pid, hasGnuTime);
  const { code, signal } = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (c, s) => resolve({ code: c, signal: s }));
  });
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  const sampled = sampler.stop();
  closeSync(out);
  closeSync(err);
  let timeMaxRssMB = null;
  let cpuS = null;
  let exitCode = code;
  if (hasGnuTime) {
    const text = readText(timeFile) ?? '';
    const m = /(\d+(?:\.\d+)?) (\d+) ([\d.]+) ([\d.]+)\s*$/.exec(text.trim());
    if (m) {
      timeMaxRssMB = Number(m[2]) / 1024;
      cpuS = Number(m[3]) + Number(m[4]);
    }
    // GNU time exits with the command's status, or 128+N when it was killed by signal N.
    const killed = /Command terminated by signal (\d+)/.exec(text);
    if (killed) exitCode = null;
  }
  rmSync(scratch, { recursive: true, force: true });
  const treeRssMB = sampled.samples ? sampled.peakTreeKB / 1024 : null;
  const hwmMB = sampled.hwmKB.size ? Math.max(...sampled.hwmKB.values()) / 1024 : null;
  const candidates = [timeMaxRssMB, treeRssMB, hasGnuTime ? null : hwmMB].filter((v) => v !== null);
  return {
    wallS,
    peakMB: candidates.length ? Math.max(...candidates) : null,
    timeMaxRssMB,
    treeRssMB,
    cpuS,
    exitCode,
    signal: signal ?? (exitCode === null ? 'killed' : null),
    samples: sampled.samples,
  };
}
