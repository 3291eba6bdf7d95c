/**
 * The progress bar: documents, MB, docs/s and ETA on stderr, only when a
 * person watches (stderr is a TTY) and --quiet is not given. The bar counts
 * bytes read from disk, the one total known before the run.
 */
import cliProgress from 'cli-progress';
import type { BatchStats } from './stats.js';

export interface Progress {
  update(bytesRead: number): void;
  stop(): void;
}

const silent: Progress = { update() {}, stop() {} };

export function createProgress(totalBytes: number, stats: BatchStats, enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'deboil {bar} {percentage}% | {docs} docs | {mb} MB | {rate} docs/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = () => {
    const seconds = (performance.now() - stats.started) / 1000;
    return { docs: stats.docs, mb: (stats.bytesIn / 1e6).toFixed(1), rate: seconds > 0 ? Math.round(stats.docs / seconds) : 0 };
  };
  bar.start(Math.max(1, totalBytes), 0, payload());
  return {
    update: (bytesRead) => bar.update(Math.min(bytesRead, totalBytes), payload()),
    stop: () => bar.stop(),
  };
}
