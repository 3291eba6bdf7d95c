/**
 * Clean a group of .txt files: each is read and decoded as the local CLI
 * does, cleaned in the pool (as a one-record batch, so the event loop stays
 * free for BullMQ's lock renewal), and its clean text written to
 * `DIR/<rel>`, the path local `--out-dir` mode gives it.
 */
import { readFile } from 'node:fs/promises';
import { decodeInput } from '../io/decode.js';
import type { ErrorRecord } from '../io/error-records.js';
import { describeError } from '../io/inputs.js';
import { toJson } from '../io/json.js';
import type { CleaningPool } from '../batch/pool.js';
import { mapOrdered } from '../batch/ordered.js';
import type { TaskResult } from '../batch/worker.js';
import type { ShardJob, ShardProgress, ShardResult } from './shard-job.js';
import type { ShardOutputs } from './shard-outputs.js';

const FIELDS = { textField: 'text', idField: 'id' };

type Cleaned = { file: { path: string; rel: string }; bytesIn: number; result: TaskResult } | { file: { path: string; rel: string }; bytesIn: number; reason: string };

export async function cleanTextShard(job: ShardJob, pool: CleaningPool, files: ShardOutputs, progress: (p: ShardProgress) => void): Promise<ShardResult> {
  if (job.source.kind !== 'texts') throw new Error('not a text shard');
  const list = job.source.files;
  const clean = async (file: { path: string; rel: string }): Promise<Cleaned> => {
    let bytes: Buffer;
    try {
      bytes = await readFile(file.path);
    } catch (err) {
      return { file, bytesIn: 0, reason: `cannot read: ${describeError(err)}` };
    }
    try {
      const { text } = decodeInput(bytes, file.path);
      const line = Buffer.from(toJson({ id: file.rel, text }) + '\n');
      return { file, bytesIn: bytes.length, result: await pool.clean({ bytes: line, firstLine: 1, fields: FIELDS, inPlace: false }) };
    } catch (err) {
      // decodeInput's messages start with the path.
      const message = err instanceof Error ? err.message : String(err);
      return { file, bytesIn: bytes.length, reason: message.startsWith(`${file.path}: `) ? message.slice(file.path.length + 2) : message };
    }
  };
  async function* each() {
    yield* list;
  }
  const errors: ErrorRecord[] = [];
  const result: ShardResult = { docs: 0, failed: 0, bytesIn: 0, bytesOut: 0, textChars: 0, removedChars: 0, outputs: 0, errorsFile: null };
  let bytesRead = 0;
  for await (const done of mapOrdered(each(), clean, pool.jobs * 2)) {
    bytesRead += done.bytesIn;
    const failure = 'reason' in done ? done.reason : done.result.errors[0]?.reason;
    if (failure !== undefined || !('result' in done)) {
      result.failed++;
      errors.push({ path: done.file.path, line: null, id: done.file.rel, reason: failure ?? 'not cleaned' });
    } else {
      const record = JSON.parse(Buffer.from(done.result.out).toString('utf8')) as { text: string };
      const out = await files.open(done.file.rel);
      await out.write(record.text);
      await out.commit();
      result.docs++;
      result.outputs++;
      result.bytesIn += done.bytesIn;
      result.bytesOut += out.bytes;
      result.textChars += done.result.textChars;
      result.removedChars += done.result.removedChars;
    }
    progress({ docs: result.docs, bytesRead, bytesTotal: null });
  }
  result.errorsFile = await files.writeErrors(job.errors, errors);
  return result;
}
