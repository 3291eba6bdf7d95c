/**
 * Put a plan's shard jobs on the queue. Each job has a deterministic id, so
 * adding the same inputs again is a no-op for the jobs BullMQ already holds
 * (waiting, active, completed or failed); `queue clean` first to redo them.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { jobId, JOB_NAME, type ShardJob } from './shard-job.js';

export interface EnqueueSettings {
  queue: string;
  /** Tries per job before it ends in `failed` (a stalled run does not count as one). */
  attempts: number;
  /** First retry delay; doubles with each retry. */
  backoffMs: number;
}

/** Jobs per addBulk round trip: big enough to be quick, small enough for one Redis call. */
const BULK = 500;

export async function enqueue(connection: Redis, jobs: readonly ShardJob[], s: EnqueueSettings): Promise<{ added: number; present: number }> {
  const queue = new Queue<ShardJob>(s.queue, { connection });
  try {
    const ids = jobs.map(jobId);
    // Which ids are there already, so that the report can say what this call added.
    const present = new Set<string>();
    for (let i = 0; i < ids.length; i += BULK) {
      const slice = ids.slice(i, i + BULK);
      const states = await Promise.all(slice.map((id) => queue.getJobState(id)));
      states.forEach((state, k) => state !== 'unknown' && present.add(slice[k]));
    }
    for (let i = 0; i < jobs.length; i += BULK) {
      await queue.addBulk(
        jobs.slice(i, i + BULK).map((data, k) => ({
          name: JOB_NAME,
          data,
          opts: { jobId: ids[i + k], attempts: s.attempts, backoff: { type: 'exponential', delay: s.backoffMs } },
        })),
      );
    }
    return { added: ids.filter((id) => !present.has(id)).length, present: present.size };
  } finally {
    await queue.close();
  }
}
