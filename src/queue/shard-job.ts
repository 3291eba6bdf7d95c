/**
 * What a queue job carries: a reference to a shard of the corpus (a byte
 * range of a JSONL file, a whole file, or a group of .txt paths), where its
 * output goes, and the cleaning options, so that every worker cleans alike.
 * Never document text: Redis holds the plan, the shared file system the data.
 */
import { createHash } from 'node:crypto';
import type { DeboilOptions } from '../pipeline/preset.js';
import type { FormatInfo } from '../io/formats.js';
import type { LineShard } from '../io/line-shards.js';

/** Bumped when the shape changes, so that a worker never misreads an older job. */
export const JOB_VERSION = 1;

/** The BullMQ job name of every deboil job. */
export const JOB_NAME = 'clean-shard';

export interface CleaningSpec {
  options: DeboilOptions;
  textField: string;
  idField: string;
  maxDocBytes: number;
  timeoutMs: number;
}

export type ShardSource =
  /** Lines `firstLine…` of a plain JSONL file, bytes [start, end). `size` is the file's size when it was enqueued. */
  | ({ kind: 'range'; path: string; size: number; shard: number } & LineShard)
  /** A whole .jsonl.gz or WET file: not seekable, so one job. */
  | { kind: 'file'; path: string; size: number; format: FormatInfo }
  /** Up to --shard-docs .txt files, each cleaned to `outDir/rel`. */
  | { kind: 'texts'; files: { path: string; rel: string }[] };

export interface ShardJob {
  version: number;
  source: ShardSource;
  /** Absolute: every worker resolves it the same way on the shared file system. */
  outDir: string;
  /** The output file, relative to outDir (for `texts`: each file's `rel`, so this is empty). */
  output: string;
  /** The shard's errors file, relative to outDir. */
  errors: string;
  cleaning: CleaningSpec;
}

/** What a finished job returns (and adds to the queue's totals). */
export interface ShardResult {
  docs: number;
  failed: number;
  bytesIn: number;
  bytesOut: number;
  textChars: number;
  removedChars: number;
  /** Outputs written, relative to outDir. */
  outputs: number;
  errorsFile: string | null;
}

/** Progress reported through job.updateProgress. */
export interface ShardProgress {
  docs: number;
  bytesRead: number;
  bytesTotal: number | null;
}

/**
 * The same shard, output and options always give the same id, so that adding
 * the same inputs again adds nothing (BullMQ ignores a job id it holds).
 * BullMQ ids must not be integers or contain ':'; a hex digest with a prefix is neither.
 */
export function jobId(job: ShardJob): string {
  const { version, source, outDir, output, errors, cleaning } = job;
  return 'deboil-' + createHash('sha256').update(JSON.stringify({ version, source, outDir, output, errors, cleaning })).digest('hex').slice(0, 40);
}

const pad = (n: number) => String(n).padStart(5, '0');

/** `a/x.jsonl`, shard 3 → `a/x.part-00003.jsonl`. */
export const partName = (rel: string, shard: number) => rel.replace(/\.jsonl$/i, '') + `.part-${pad(shard)}.jsonl`;

/** The folder of the shards' errors files, under DIR: apart, so that a glob of the outputs (`x.part-*.jsonl`) never picks one up. */
export const ERRORS_DIR = 'deboil-errors';

/** A shard's errors file: `a/x.part-00003.jsonl` → `deboil-errors/a/x.part-00003.errors.jsonl`, `x.jsonl.gz` → `deboil-errors/x.errors.jsonl`. */
export const errorsName = (output: string) => `${ERRORS_DIR}/${output.replace(/\.jsonl(\.gz)?$/i, '')}.errors.jsonl`;

/** Where a shard's documents are, for messages: `/data/x.jsonl lines 101–200`. */
export function describeSource(source: ShardSource): string {
  if (source.kind === 'range') return `${source.path} lines ${source.firstLine}–${source.firstLine + Math.max(0, source.lines - 1)} (bytes ${source.start}–${source.end})`;
  if (source.kind === 'file') return source.path;
  return `${source.files.length} .txt files (${source.files[0]?.path ?? ''}${source.files.length > 1 ? ' …' : ''})`;
}
