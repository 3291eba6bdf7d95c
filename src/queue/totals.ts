/**
 * The queue's running totals (documents, bytes, failures of finished jobs) in
 * a Redis hash, so that `queue status` needs no scan of completed jobs (nor
 * keeps them: BullMQ's removeOnComplete would not lose the totals). Delivery
 * is at least once, so a job can finish twice; a set of counted job ids makes
 * each count once. `queue clean` resets both.
 */
import type { Redis } from 'ioredis';
import type { ShardResult } from './shard-job.js';

/** BullMQ's default key prefix: the totals sit beside the queue's own keys. */
const PREFIX = 'bull';

export const totalsKeys = (queue: string) => ({ totals: `${PREFIX}:${queue}:deboil:totals`, counted: `${PREFIX}:${queue}:deboil:counted` });

export const TOTAL_FIELDS = ['jobs', 'docs', 'failed', 'bytesIn', 'bytesOut', 'removedChars', 'textChars'] as const;
export type Totals = Record<(typeof TOTAL_FIELDS)[number], number>;

// SADD and the increments in one script: atomic, so a crash cannot count a job half.
const ADD = `
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return 0 end
for i = 2, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
return 1`;

export async function addTotals(redis: Redis, queue: string, jobId: string, r: ShardResult): Promise<void> {
  const { totals, counted } = totalsKeys(queue);
  const values: Totals = { jobs: 1, docs: r.docs, failed: r.failed, bytesIn: r.bytesIn, bytesOut: r.bytesOut, removedChars: r.removedChars, textChars: r.textChars };
  await redis.eval(ADD, 2, totals, counted, jobId, ...TOTAL_FIELDS.flatMap((f) => [f, String(values[f])]));
}

export async function readTotals(redis: Redis, queue: string): Promise<Totals> {
  const raw = await redis.hgetall(totalsKeys(queue).totals);
  return Object.fromEntries(TOTAL_FIELDS.map((f) => [f, Number(raw[f] ?? 0)])) as Totals;
}

export async function resetTotals(redis: Redis, queue: string): Promise<void> {
  const { totals, counted } = totalsKeys(queue);
  await redis.del(totals, counted);
}
