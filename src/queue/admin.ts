/**
 * `queue drain` and `queue clean`: tidying done with BullMQ's own Queue
 * methods, so that nothing here depends on BullMQ's key layout.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { resetTotals } from './totals.js';

/** Remove the waiting (and with `delayed`, the delayed) jobs; active jobs finish. Returns how many went. */
export async function drainQueue(connection: Redis, name: string, delayed: boolean): Promise<number> {
  const queue = new Queue(name, { connection });
  try {
    const before = await queue.getJobCounts('waiting', 'prioritized', 'delayed');
    await queue.drain(delayed);
    const after = await queue.getJobCounts('waiting', 'prioritized', 'delayed');
    const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    return sum(before) - sum(after);
  } finally {
    await queue.close();
  }
}

export interface CleanResult {
  completed: number;
  failed: number;
  obliterated: boolean;
}

/**
 * Remove the completed and failed jobs and the totals (outputs stay on
 * disk), so that adding the same inputs again runs and counts them again.
 * With `all`, the whole queue goes (BullMQ's obliterate); active jobs block
 * that unless `force`.
 */
export async function cleanQueue(connection: Redis, name: string, all: boolean, force: boolean): Promise<CleanResult> {
  const queue = new Queue(name, { connection });
  try {
    if (all) {
      const { completed, failed } = await queue.getJobCounts('completed', 'failed');
      await queue.obliterate({ force });
      await resetTotals(connection, name);
      return { completed, failed, obliterated: true };
    }
    let completed = 0;
    let failed = 0;
    // clean() removes at most `limit` per call: repeat until none is left.
    for (let n; (n = (await queue.clean(0, 1000, 'completed')).length); ) completed += n;
    for (let n; (n = (await queue.clean(0, 1000, 'failed')).length); ) failed += n;
    // The totals describe the jobs the queue holds: they go with them, so that a re-run counts afresh.
    await resetTotals(connection, name);
    return { completed, failed, obliterated: false };
  } finally {
    await queue.close();
  }
}
