/** A progress bar on stderr (only when stderr is a terminal): count, rate in calls a second and time left. */

export interface ProgressBar {
  update(done: number, total: number): void;
  /** Clears the bar's line. */
  done(): void;
}

const NOOP: ProgressBar = { update: () => undefined, done: () => undefined };

/** A bar that redraws at most every `intervalMs`; a no-op when `enabled` is false. */
export function progressBar(write: (text: string) => void, enabled: boolean, now: () => number = Date.now, intervalMs = 100): ProgressBar {
  if (!enabled) return NOOP;
  const started = now();
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const t = now();
      if (done < total && t - last < intervalMs) return;
      last = t;
      drawn = true;
      write(`\r\x1b[K${renderProgress(done, total, (t - started) / 1000)}`);
    },
    done() {
      if (drawn) write('\r\x1b[K');
    },
  };
}

/** One line: "[#####.....] 12/40  3.2 calls/s  9s left". */
export function renderProgress(done: number, total: number, elapsedSeconds: number, width = 24): string {
  const share = total > 0 ? done / total : 1;
  const filled = Math.round(share * width);
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const left = rate > 0 ? Math.ceil((total - done) / rate) : undefined;
  const eta = left === undefined ? '' : `  ${formatSeconds(left)} left`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(1)} calls/s${eta}`;
}

function formatSeconds(s: number): string {
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
