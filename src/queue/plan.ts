/**
 * `deboil queue add`'s plan: CLI operands → shard jobs. Inputs are expanded
 * as the local batch mode does (same relative output paths), then plain
 * JSONL is cut into line ranges, .jsonl.gz and WET stay whole (gzip cannot be
 * entered at an offset), and .txt files are grouped. Paths become absolute,
 * since a worker on another host resolves them on the shared file system.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expandInputs, describeError, type InputError } from '../io/inputs.js';
import { formatOf, recordOutputName } from '../io/formats.js';
import { lineShards } from '../io/line-shards.js';
import { errorsName, ERRORS_DIR, JOB_VERSION, partName, type CleaningSpec, type ShardJob } from './shard-job.js';

export interface PlanOptions {
  outDir: string;
  shardDocs: number;
  cleaning: CleaningSpec;
}

export interface Plan {
  jobs: ShardJob[];
  /** Operands that name nothing readable: each with its reason. */
  errors: InputError[];
  /** Output names claimed by two inputs: messages naming both. */
  collisions: string[];
  /** Parts left in DIR by an earlier run cut into more shards: `cat x.part-*` would mix them in. */
  stale: string[];
}

export async function planShards(operands: readonly string[], o: PlanOptions): Promise<Plan> {
  const outDir = resolve(o.outDir);
  const { inputs, errors } = await expandInputs(operands);
  const jobs: ShardJob[] = [];
  const texts: { path: string; rel: string }[] = [];
  const stale: string[] = [];
  const base = { version: JOB_VERSION, outDir, cleaning: o.cleaning };
  for (const input of inputs) {
    if (input.kind !== 'file') {
      errors.push({ input: '-', reason: 'stdin cannot be enqueued: workers read inputs from a shared file system' });
      continue;
    }
    const path = resolve(input.path);
    const format = formatOf(path);
    try {
      if (format.format === 'txt') {
        texts.push({ path, rel: input.rel });
      } else if (format.format === 'jsonl' && !format.gzip) {
        const { shards, size } = await lineShards(path, o.shardDocs);
        const next = join(outDir, partName(input.rel, shards.length));
        if (await exists(next)) stale.push(next);
        shards.forEach((s, shard) => {
          const output = partName(input.rel, shard);
          jobs.push({ ...base, source: { kind: 'range', path, size, shard, ...s }, output, errors: errorsName(output) });
        });
      } else {
        const { size } = await stat(path);
        const output = recordOutputName(input.rel);
        jobs.push({ ...base, source: { kind: 'file', path, size, format }, output, errors: errorsName(output) });
      }
    } catch (err) {
      errors.push({ input: input.path, reason: `cannot read: ${describeError(err)}` });
    }
  }
  for (let i = 0; i < texts.length; i += o.shardDocs) {
    const files = texts.slice(i, i + o.shardDocs);
    // Named after its files, not its place in this run, so that another `queue add` into the same folder cannot collide.
    const tag = createHash('sha256').update(files.map((f) => f.path).join('\n')).digest('hex').slice(0, 12);
    jobs.push({ ...base, source: { kind: 'texts', files }, output: '', errors: `${ERRORS_DIR}/txt-${tag}.errors.jsonl` });
  }
  return { jobs, errors, collisions: findOutputCollisions(jobs), stale };
}

const exists = (path: string) => stat(path).then(
  () => true,
  () => false,
);

/** Two shards that would write the same file (`a/x.jsonl` and `b/x.jsonl` given as files, say). */
function findOutputCollisions(jobs: readonly ShardJob[]): string[] {
  const seen = new Map<string, string>();
  const messages: string[] = [];
  const claim = (name: string, by: string) => {
    const first = seen.get(name);
    if (first === undefined) seen.set(name, by);
    else if (first !== by) messages.push(`${first} and ${by} would both be written to ${name}`);
  };
  for (const job of jobs) {
    const s = job.source;
    if (s.kind === 'texts') for (const f of s.files) claim(f.rel, f.path);
    else {
      claim(job.output, s.path);
      claim(job.errors, s.path);
    }
  }
  return messages;
}
