/**
 * `deboil queue add|status|drain|clean` and `deboil worker`: the CLI of the
 * distributed mode (BullMQ on Redis). main.ts hands argv over when it starts
 * with `queue` or `worker`; this module parses it and runs the command.
 * Results go to stdout, logs to stderr; exit 0 ok, 1 something failed, 2 usage.
 */
import { availableParallelism } from 'node:os';
import yargs, { type Argv } from 'yargs';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RuleId } from '../pipeline/preset.js';
import { checkRedisUrl, DEFAULT_QUEUE, openRedis, RedisUrlError } from '../queue/connection.js';
import type { CleaningSpec, ShardJob } from '../queue/shard-job.js';
import { buildOptions, ruleIds, UsageError } from './cleaning-options.js';

const DEFAULT_REDIS = process.env.DEBOIL_REDIS ?? 'redis://127.0.0.1:6379';

const log = (line: string) => process.stderr.write(`deboil: ${line}\n`);

interface Common {
  redis: string;
  queue: string;
}

const positive = (name: string) => (v: unknown) => {
  if (!(typeof v === 'number' && Number.isInteger(v) && v > 0)) throw new UsageError(`${name} must be a positive whole number`);
  return v;
};

/** Connect for a one-shot command; a bad URL is a usage error, an unreachable server exit 1. */
async function withRedis<T>(c: Common, fn: (redis: Redis) => Promise<T>): Promise<T> {
  try {
    checkRedisUrl(c.redis);
  } catch (err) {
    throw err instanceof RedisUrlError ? new UsageError(err.message) : err;
  }
  const redis = await openRedis(c.redis, 'command');
  try {
    return await fn(redis);
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}

function commonFlags<T>(y: Argv<T>) {
  return y
    .option('redis', { type: 'string', default: DEFAULT_REDIS, describe: 'Redis URL (redis://[:password@]host:port[/db]); default $DEBOIL_REDIS or redis://127.0.0.1:6379' })
    .option('queue', { type: 'string', default: DEFAULT_QUEUE, describe: 'Queue name: several corpora can run side by side under different names' });
}

async function add(a: Common & Record<string, unknown>): Promise<number> {
  const { planShards } = await import('../queue/plan.js');
  const { enqueue } = await import('../queue/enqueue.js');
  const threshold = a.precision ? 'precision' : a.recall ? 'recall' : (a.threshold as number | undefined);
  const options = await buildOptions({ config: a.config as string | undefined, disable: (a.disable as RuleId[]) ?? [], enable: (a.enable as RuleId[]) ?? [], threshold });
  const cleaning: CleaningSpec = {
    options,
    textField: a.textField as string,
    idField: a.idField as string,
    maxDocBytes: positive('--max-doc-bytes')(a.maxDocBytes),
    timeoutMs: positive('--timeout-ms')(a.timeoutMs),
  };
  const outDir = a.outDir as string;
  if (!outDir) throw new UsageError('--out-dir needs a directory');
  const plan = await planShards(a.inputs as string[], { outDir, shardDocs: positive('--shard-docs')(a.shardDocs), cleaning });
  if (plan.collisions.length) throw new UsageError(`output name collision, nothing enqueued:\n  ${plan.collisions.join('\n  ')}`);
  for (const e of plan.errors) log(`${e.input}: ${e.reason}`);
  for (const path of plan.stale) log(`warning: ${path} is left from an earlier run cut into more shards (another --shard-docs): remove the extra parts, or a glob of the parts mixes them in`);
  if (plan.jobs.length === 0) {
    log('nothing to enqueue');
    return 1;
  }
  const attempts = positive('--attempts')(a.attempts);
  const { added, present } = await withRedis(a, (redis) => enqueue(redis, plan.jobs, { queue: a.queue, attempts, backoffMs: positive('--backoff-ms')(a.backoffMs) }));
  const kinds = (k: ShardJob['source']['kind']) => plan.jobs.filter((j) => j.source.kind === k).length;
  const docs = plan.jobs.reduce((n, j) => n + (j.source.kind === 'range' ? j.source.lines : j.source.kind === 'texts' ? j.source.files.length : 0), 0);
  process.stdout.write(
    `queue ${a.queue}: ${plan.jobs.length} jobs (${added} added, ${present} already there): ${kinds('range')} JSONL shards, ${kinds('file')} whole files, ${kinds('texts')} .txt groups; ` +
      `${docs} documents counted in JSONL shards and .txt groups; outputs under ${plan.jobs[0].outDir}\n`,
  );
  return plan.errors.length ? 1 : 0;
}

async function status(a: Common & { watch?: boolean; json: boolean; intervalMs: number }): Promise<number> {
  const { readStatus, formatStatus, formatLive, isIdle } = await import('../queue/status.js');
  return withRedis(a, async (redis) => {
    const queue = new Queue<ShardJob>(a.queue, { connection: redis });
    try {
      const live = !a.json && (a.watch ?? process.stderr.isTTY === true);
      if (!live) {
        const s = await readStatus(queue, redis);
        process.stdout.write(a.json ? JSON.stringify(s) + '\n' : formatStatus(s));
        return 0;
      }
      // Redraw in place: move up over the last frame and clear it.
      let drawn = 0;
      const start = { t: performance.now(), docs: -1 };
      let stop = false;
      const onSignal = () => (stop = true);
      process.once('SIGINT', onSignal);
      for (;;) {
        const s = await readStatus(queue, redis);
        if (start.docs < 0) start.docs = s.totals.docs;
        const seconds = (performance.now() - start.t) / 1000;
        const frame = formatLive(s, seconds > 0 ? (s.totals.docs - start.docs) / seconds : 0);
        process.stderr.write((drawn ? `\x1b[${drawn}A\x1b[J` : '') + frame);
        drawn = frame.split('\n').length - 1;
        if (isIdle(s)) return s.counts.failed ? 1 : 0;
        if (stop) return 0;
        await new Promise((r) => setTimeout(r, a.intervalMs));
        if (stop) return 0;
      }
    } finally {
      await queue.close();
    }
  });
}

async function drain(a: Common & { delayed: boolean }): Promise<number> {
  const { drainQueue } = await import('../queue/admin.js');
  const removed = await withRedis(a, (redis) => drainQueue(redis, a.queue, a.delayed));
  process.stdout.write(`queue ${a.queue}: removed ${removed} waiting${a.delayed ? ' and delayed' : ''} jobs; active jobs finish\n`);
  return 0;
}

async function clean(a: Common & { all: boolean; force: boolean }): Promise<number> {
  const { cleanQueue } = await import('../queue/admin.js');
  let r;
  try {
    r = await withRedis(a, (redis) => cleanQueue(redis, a.queue, a.all, a.force));
  } catch (err) {
    if (a.all && !a.force && /active/i.test((err as Error).message)) throw new UsageError(`queue ${a.queue} has active jobs: stop the workers first, or add --force`);
    throw err;
  }
  process.stdout.write(
    r.obliterated
      ? `queue ${a.queue}: removed entirely (${r.completed} completed, ${r.failed} failed jobs, and the totals); outputs stay on disk\n`
      : `queue ${a.queue}: removed ${r.completed} completed and ${r.failed} failed jobs, and the totals; outputs stay on disk\n`,
  );
  return 0;
}

async function worker(a: Common & { concurrency: number; jobs?: number; lockMs: number; quiet: boolean }): Promise<number> {
  try {
    checkRedisUrl(a.redis);
  } catch (err) {
    throw err instanceof RedisUrlError ? new UsageError(err.message) : err;
  }
  const { runWorker } = await import('../queue/worker.js');
  return runWorker({ redis: a.redis, queue: a.queue, concurrency: positive('--concurrency')(a.concurrency), threads: a.jobs === undefined ? undefined : positive('--jobs')(a.jobs), lockMs: positive('--lock-ms')(a.lockMs), quiet: a.quiet, log });
}

export async function runQueueCli(argv: string[]): Promise<number> {
  let action: (() => Promise<number>) | null = null;
  await yargs(argv)
    .scriptName('deboil')
    .command('queue', 'Distributed mode: enqueue shards of a corpus for `deboil worker`s on any number of machines (BullMQ on Redis)', (y) =>
      commonFlags(y)
        .command(
          'add <inputs..>',
          'Enqueue shard references (paths and byte ranges, never text) of JSONL, .jsonl.gz, WET and .txt inputs',
          (y) =>
            y
              .positional('inputs', { type: 'string', array: true, describe: 'Files, folders or globs on a file system every worker can read' })
              .option('out-dir', { type: 'string', demandOption: true, describe: 'Output folder, on a file system every worker can write' })
              .option('shard-docs', { type: 'number', default: 1000, describe: 'Documents per job: lines per JSONL shard, files per .txt group' })
              .option('attempts', { type: 'number', default: 3, describe: 'Tries per job before it ends in failed (a worker that died does not use one up)' })
              .option('backoff-ms', { type: 'number', default: 1000, describe: 'Delay before the first retry, doubled for each next one' })
              .option('config', { type: 'string', describe: 'JSON config {rules, phrases} (default: ./deboil.config.json when present); travels with the jobs' })
              .option('disable', { type: 'string', describe: 'Turn a rule off (repeatable)', coerce: ruleIds })
              .option('enable', { type: 'string', describe: 'Turn an opt-in rule on (repeatable): line-classifier', coerce: ruleIds })
              .option('threshold', { type: 'number', describe: 'Precision/recall knob 0..1: higher removes more' })
              .option('precision', { type: 'boolean', describe: 'Preset: remove more (threshold 0.7)' })
              .option('recall', { type: 'boolean', describe: 'Preset: keep more (threshold 0.02)' })
              .conflicts('precision', ['recall', 'threshold'])
              .conflicts('recall', 'threshold')
              .option('text-field', { type: 'string', default: 'text', describe: 'The JSONL field that holds the text' })
              .option('id-field', { type: 'string', default: 'id', describe: 'The JSONL field that holds the document id' })
              .option('max-doc-bytes', { type: 'number', default: 64 * 1024 * 1024, describe: 'A larger document becomes an error record' })
              .option('timeout-ms', { type: 'number', default: 30_000, describe: 'Time one document may take (plus 1 s per MB) before its thread is stopped' }),
          (a) => void (action = () => add(a as unknown as Common & Record<string, unknown>)),
        )
        .command(
          'status',
          'Jobs waiting, active, completed, failed, delayed; documents and MB done; failed jobs with their reasons',
          (y) =>
            y
              .option('watch', { type: 'boolean', describe: 'Live view on stderr until nothing is left to do (default on a terminal; --no-watch for one report)' })
              .option('json', { type: 'boolean', default: false, describe: 'One JSON object on stdout' })
              .option('interval-ms', { type: 'number', default: 1000, describe: 'Refresh interval of the live view' }),
          (a) => void (action = () => status(a as unknown as Common & { watch?: boolean; json: boolean; intervalMs: number })),
        )
        .command(
          'drain',
          'Remove the waiting jobs (active ones finish)',
          (y) => y.option('delayed', { type: 'boolean', default: false, describe: 'Also the delayed jobs (retries waiting for their backoff)' }),
          (a) => void (action = () => drain(a as unknown as Common & { delayed: boolean })),
        )
        .command(
          'clean',
          'Remove completed and failed jobs and the totals, so that adding the same inputs runs them again (outputs stay)',
          (y) =>
            y
              .option('all', { type: 'boolean', default: false, describe: 'Remove the whole queue and its totals (BullMQ obliterate)' })
              .option('force', { type: 'boolean', default: false, describe: 'With --all: even while jobs are active' }),
          (a) => void (action = () => clean(a as unknown as Common & { all: boolean; force: boolean })),
        )
        .demandCommand(1, 'give a queue command: add, status, drain or clean'),
    )
    .command(
      'worker',
      'Clean queued shards until stopped (SIGTERM/SIGINT: finish the active jobs, then exit)',
      (y) =>
        commonFlags(y)
          .option('concurrency', { type: 'number', default: availableParallelism(), describe: 'Jobs at once' })
          .option('jobs', { alias: 'j', type: 'number', describe: 'Cleaning threads (default: the number of cores)' })
          .option('lock-ms', { type: 'number', default: 30_000, describe: "A job's lock duration: a dead worker's jobs run again after 1-2 times this" })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Log only errors and stalls' }),
      (a) => void (action = () => worker(a as unknown as Common & { concurrency: number; jobs?: number; lockMs: number; quiet: boolean })),
    )
    .strict()
    .fail((msg, err) => {
      throw err instanceof UsageError ? err : new UsageError(msg || err?.message || 'invalid arguments');
    })
    .version(false)
    .help()
    .alias('h', 'help')
    .parseAsync();
  // --help and --version print and leave no action.
  if (!action) return 0;
  try {
    return await (action as () => Promise<number>)();
  } catch (err) {
    // Usage errors exit 2 in main.ts; the rest (Redis unreachable, an unreadable folder) are named here, without a stack.
    if (err instanceof UsageError) throw err;
    log(err instanceof Error ? err.message : String(err));
    return 1;
  }
}
