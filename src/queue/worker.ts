/**
 * `deboil worker`: a BullMQ Worker that cleans shard jobs. The cleaning runs
 * on the piscina pool, never on the main thread, so the event loop stays free
 * to renew the job locks; a worker that dies (SIGKILL, power cut) stops
 * renewing, its jobs are found stalled and another worker runs them again.
 * Outputs are written atomically and deterministically, so a second run of a
 * job is harmless: delivery is at least once, the result exactly once.
 */
import { availableParallelism } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { describeError } from '../io/inputs.js';
import { openRedis } from './connection.js';
import { PoolCache } from './pools.js';
import { cleanRecordShard, PermanentShardError } from './record-shard.js';
import { describeSource, JOB_VERSION, type ShardJob, type ShardProgress, type ShardResult } from './shard-job.js';
import { shardIds } from './shard-ids.js';
import { ShardOutputs } from './shard-outputs.js';
import { cleanTextShard } from './text-shard.js';
import { addTotals } from './totals.js';

export interface WorkerSettings {
  redis: string;
  queue: string;
  /** Jobs at once. */
  concurrency: number;
  /** Cleaning threads (default: the number of cores). */
  threads?: number;
  /** A job's lock lives this long without renewal; a dead worker's jobs are re-run after about twice this. */
  lockMs: number;
  quiet: boolean;
  log: (line: string) => void;
}

/**
 * A job may be found stalled this many times (its worker died, or its lock
 * lapsed on an overloaded machine) and still be run again; past that it
 * fails. One kill costs one stall.
 */
export const MAX_STALLED = 3;

/** job.updateProgress writes to Redis: at most this often per job. */
const PROGRESS_MS = 1000;

export async function runWorker(s: WorkerSettings): Promise<number> {
  const connection = await openRedis(s.redis, 'worker');
  const threads = s.threads ?? availableParallelism();
  const pools = new PoolCache(threads);

  const processor = async (job: Job<ShardJob, ShardResult>): Promise<ShardResult> => {
    const data = job.data;
    if (data?.version !== JOB_VERSION) throw new UnrecoverableError(`job ${job.id} has version ${data?.version}, this worker reads version ${JOB_VERSION}: run a matching deboil`);
    const started = performance.now();
    let last = 0;
    const progress = (p: ShardProgress) => {
      const now = performance.now();
      if (now - last < PROGRESS_MS) return;
      last = now;
      job.updateProgress({ ...p }).catch(() => {});
    };
    let result: ShardResult;
    try {
      const files = await ShardOutputs.open(data.outDir, job.id!);
      const pool = pools.get(data.cleaning);
      result = data.source.kind === 'texts' ? await cleanTextShard(data, pool, files, progress) : await cleanRecordShard(data, pool, files, progress);
      await files.close();
    } catch (err) {
      // The reason names the shard and its documents, so that a failed job says what was not cleaned.
      const reason = `${describeError(err)}; shard: ${describeSource(data.source)}; ids: ${await shardIds(data)}`;
      if (!s.quiet) s.log(`${job.id} attempt ${job.attemptsMade + 1} failed: ${reason}`);
      throw err instanceof PermanentShardError || err instanceof UnrecoverableError ? new UnrecoverableError(reason) : new Error(reason);
    }
    await job.updateProgress({ docs: result.docs, bytesRead: result.bytesIn, bytesTotal: result.bytesIn }).catch(() => {});
    await addTotals(connection, s.queue, job.id!, result);
    if (!s.quiet) s.log(`${job.id} done: ${describeSource(data.source)}: ${result.docs} documents, ${result.failed} failed, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };

  const worker = new Worker<ShardJob, ShardResult>(s.queue, processor, {
    connection,
    concurrency: s.concurrency,
    lockDuration: s.lockMs,
    // Check for stalled jobs as often as a lock lives: a dead worker's jobs are re-run after lockMs to 2 × lockMs.
    stalledInterval: s.lockMs,
    maxStalledCount: MAX_STALLED,
    autorun: false,
  });
  worker.on('error', (err) => s.log(`error: ${err.message}`));
  worker.on('stalled', (id) => s.log(`${id} stalled (its worker stopped renewing the lock): queued again`));

  let closing: Promise<void> | null = null;
  const close = (signal: string) => {
    if (closing) {
      s.log(`${signal} again: stopping now; the active jobs will be re-run by another worker`);
      process.exit(130);
    }
    // Without Redis no job can be finished or handed back: waiting for one would hang.
    if (connection.status !== 'ready') {
      s.log(`${signal}: Redis is unreachable, stopping now; the active jobs will be re-run`);
      process.exit(0);
    }
    s.log(`${signal}: finishing the active jobs, then stopping (${signal} again to stop at once)`);
    closing = worker.close();
  };
  process.on('SIGTERM', () => close('SIGTERM'));
  process.on('SIGINT', () => close('SIGINT'));

  if (!s.quiet) s.log(`waiting for jobs on queue "${s.queue}" at ${s.redis} (concurrency ${s.concurrency}, ${threads} cleaning threads, lock ${s.lockMs} ms)`);
  await worker.run();
  await closing;
  await pools.destroy();
  await connection.quit().catch(() => {});
  return 0;
}
