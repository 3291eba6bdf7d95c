/**
 * Clean one record shard (a line range of a JSONL file, or a whole
 * .jsonl.gz / WET file) with the local batch engine: the same
 * cleanRecordInput, the same pool, the same record serialisation, so its
 * records equal what `deboil x.jsonl --out-dir D` writes for them.
 */
import { stat } from 'node:fs/promises';
import type { ErrorRecord } from '../io/error-records.js';
import { HtmlInputError, type FormatInfo } from '../io/formats.js';
import { DEFAULT_BATCH } from '../io/line-batches.js';
import { describeError } from '../io/inputs.js';
import { cleanRecordInput } from '../batch/record-input.js';
import type { CleaningPool } from '../batch/pool.js';
import { BatchStats } from '../batch/stats.js';
import type { ShardJob, ShardProgress, ShardResult } from './shard-job.js';
import type { ShardOutputs } from './shard-outputs.js';

/** A failure that no retry can mend (the input changed, an HTML WARC): the job fails at once. */
export class PermanentShardError extends Error {}

const PLAIN_JSONL: FormatInfo = { format: 'jsonl', gzip: false };

export async function cleanRecordShard(job: ShardJob, pool: CleaningPool, files: ShardOutputs, progress: (p: ShardProgress) => void): Promise<ShardResult> {
  const source = job.source;
  if (source.kind === 'texts') throw new Error('not a record shard');
  const size = await stat(source.path).then(
    (st) => st.size,
    (err) => {
      throw new Error(`cannot read ${source.path}: ${describeError(err)}`);
    },
  );
  // Byte ranges are only right for the file they were cut from.
  if (size !== source.size) throw new PermanentShardError(`${source.path} changed since it was enqueued (${source.size} bytes then, ${size} now): enqueue it again`);
  const format = source.kind === 'range' ? PLAIN_JSONL : source.format;
  const range = source.kind === 'range' ? { start: source.start, end: source.end, firstLine: source.firstLine } : undefined;
  const bytesTotal = source.kind === 'range' ? source.end - source.start : source.size;
  const { cleaning } = job;
  const stats = new BatchStats();
  const errors: ErrorRecord[] = [];
  const out = await files.open(job.output, format.gzip);
  try {
    await cleanRecordInput(
      source.path,
      source.path,
      format,
      out,
      {
        pool,
        fields: { textField: cleaning.textField, idField: cleaning.idField },
        limits: { ...DEFAULT_BATCH, maxLineBytes: cleaning.maxDocBytes },
        inPlace: false,
        stats,
        range,
        progress: (bytesRead) => progress({ docs: stats.docs, bytesRead, bytesTotal }),
      },
      (e) => {
        errors.push(e);
      },
    );
  } catch (err) {
    await out.abort();
    throw err instanceof HtmlInputError ? new PermanentShardError(`${source.path}: ${err.message}`) : err;
  }
  // The errors file first: once the output is in place, its errors are too.
  const errorsFile = await files.writeErrors(job.errors, errors);
  await out.commit();
  return {
    docs: stats.docs,
    failed: stats.failed,
    bytesIn: stats.bytesIn,
    bytesOut: stats.bytesOut,
    textChars: stats.textChars,
    removedChars: stats.removedChars,
    outputs: 1,
    errorsFile,
  };
}
