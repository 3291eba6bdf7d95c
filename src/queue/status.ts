/**
 * `queue status`: job counts from BullMQ, documents and MB done from the
 * totals the workers keep, the failed jobs with their reasons, and the
 * progress of the active ones. Printed once (plain or --json), or redrawn on
 * stderr as a live view until the queue has nothing left to do.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { describeSource, type ShardJob, type ShardProgress } from './shard-job.js';
import { readTotals, type Totals } from './totals.js';

export interface QueueStatus {
  queue: string;
  counts: { waiting: number; active: number; completed: number; failed: number; delayed: number };
  totals: Totals;
  failedJobs: { id: string; reason: string; attempts: number; shard: string }[];
  activeJobs: { id: string; shard: string; progress: ShardProgress | null }[];
}

/** Failed jobs listed in full; the rest are counted. */
const LISTED = 10;

export async function readStatus(queue: Queue<ShardJob>, connection: Redis): Promise<QueueStatus> {
  const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'completed', 'failed', 'delayed');
  const failed = await queue.getFailed(0, LISTED - 1);
  const active = await queue.getActive(0, LISTED - 1);
  const shard = (data: ShardJob | undefined) => (data?.source ? describeSource(data.source) : 'unknown');
  return {
    queue: queue.name,
    counts: { waiting: c.waiting + c.prioritized, active: c.active, completed: c.completed, failed: c.failed, delayed: c.delayed },
    totals: await readTotals(connection, queue.name),
    failedJobs: failed.map((j) => ({ id: String(j.id), reason: j.failedReason ?? '', attempts: j.attemptsMade, shard: shard(j.data) })),
    activeJobs: active.map((j) => ({ id: String(j.id), shard: shard(j.data), progress: typeof j.progress === 'object' ? (j.progress as unknown as ShardProgress) : null })),
  };
}

const mb = (n: number) => (n / 1e6).toFixed(1);

/** Nothing waiting, running or delayed, and something was run: the live view stops. */
export const isIdle = (s: QueueStatus) => s.counts.waiting + s.counts.active + s.counts.delayed === 0 && s.counts.completed + s.counts.failed > 0;

/** The one-shot report, one fact per line, for people and for grep. */
export function formatStatus(s: QueueStatus): string {
  const { counts: c, totals: t } = s;
  const lines = [
    `queue ${s.queue}: ${c.waiting} waiting, ${c.active} active, ${c.completed} completed, ${c.failed} failed, ${c.delayed} delayed`,
    `done: ${t.docs} documents, ${mb(t.bytesIn)} MB in, ${mb(t.bytesOut)} MB out, ${t.failed} records failed (listed in DIR/deboil-errors/)`,
  ];
  if (s.failedJobs.length) {
    lines.push(`failed jobs${c.failed > s.failedJobs.length ? ` (first ${s.failedJobs.length} of ${c.failed})` : ''}:`);
    for (const j of s.failedJobs) lines.push(`  ${j.id} after ${j.attempts} attempts: ${j.reason}`);
  }
  return lines.join('\n') + '\n';
}

/** The live view: a bar of jobs finished, the counts, throughput since the view started, the active shards. */
export function formatLive(s: QueueStatus, docsPerS: number, width = 30): string {
  const { counts: c, totals: t } = s;
  const total = c.waiting + c.active + c.completed + c.failed + c.delayed;
  const done = c.completed + c.failed;
  const filled = total ? Math.round((width * done) / total) : 0;
  const lines = [
    `deboil queue ${s.queue} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} jobs`,
    `  ${c.waiting} waiting, ${c.active} active, ${c.completed} completed, ${c.failed} failed, ${c.delayed} delayed`,
    `  ${t.docs} documents, ${mb(t.bytesIn)} MB in, ${mb(t.bytesOut)} MB out, ${t.failed} records failed, ${Math.round(docsPerS)} docs/s`,
  ];
  for (const j of s.activeJobs) {
    const p = j.progress;
    const pct = p?.bytesTotal ? ` ${Math.min(100, Math.round((100 * p.bytesRead) / p.bytesTotal))}%` : '';
    lines.push(`  active ${j.shard}${pct}${p ? `, ${p.docs} docs` : ''}`);
  }
  for (const j of s.failedJobs.slice(0, 3)) lines.push(`  failed ${j.id}: ${j.reason.slice(0, 200)}`);
  return lines.join('\n') + '\n';
}
