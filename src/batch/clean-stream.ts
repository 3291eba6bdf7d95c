/**
 * `cleanStream()`: the batch engine as a library call, for people who embed
 * deboil in their own ingestion code. Records in (an async iterable or an
 * object-mode Node stream), records out (a Node stream, which is also an
 * async iterable), one out per one in and in the same order; a record that
 * cannot be cleaned comes out as `{deboil_error: {line, reason}, raw?}` in
 * its place. Records travel to the workers as JSON, so they come back as
 * JSON values (a Date becomes a string).
 */
import { Readable } from 'node:stream';
import type { DeboilOptions } from '../pipeline/preset.js';
import { LineBatcher, tooBig, type LineItem } from '../io/line-batches.js';
import { CleaningPool } from './pool.js';
import { mapOrdered } from './ordered.js';
import type { TaskResult } from './worker.js';

export interface CleanStreamOptions extends DeboilOptions {
  /** The field that holds the text (default `text`). */
  textField?: string;
  /** The field that names the record in error reports (default `id`). */
  idField?: string;
  /** Worker threads (default: the number of cores). */
  jobs?: number;
  /** Time one document may take before its worker is stopped (default 30 000 ms, plus 1 s per MB). */
  timeoutMs?: number;
  /** A record whose JSON is larger becomes an error record (default 64 MB). */
  maxDocBytes?: number;
}

export type CleanStreamSource = AsyncIterable<unknown> | Iterable<unknown> | NodeJS.ReadableStream;

export function cleanStream(source: CleanStreamSource, options: CleanStreamOptions = {}): Readable {
  const { textField = 'text', idField = 'id', jobs, timeoutMs, maxDocBytes = 64 * 1024 * 1024, ...deboil } = options;
  return Readable.from(run(source as AsyncIterable<unknown>, { textField, idField, jobs, timeoutMs, maxDocBytes, deboil }));
}

interface RunOptions {
  textField: string;
  idField: string;
  jobs?: number;
  timeoutMs?: number;
  maxDocBytes: number;
  deboil: DeboilOptions;
}

/** A record as one JSON line, or why it cannot be one. */
function toLine(record: unknown): string | { reason: string } {
  if (typeof record === 'string') return record.includes('\n') ? { reason: 'a string record must be one JSON line' } : record;
  if (record instanceof Uint8Array) return toLine(Buffer.from(record).toString('utf8'));
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { reason: 'not a record (an object or a JSON line)' };
  try {
    return JSON.stringify(record);
  } catch (err) {
    return { reason: `cannot be serialised as JSON: ${(err as Error).message}` };
  }
}

async function* lineItems(source: AsyncIterable<unknown>, maxDocBytes: number): AsyncGenerator<LineItem> {
  const batcher = new LineBatcher();
  let n = 0;
  for await (const record of source) {
    n++;
    const line = toLine(record);
    const bytes = typeof line === 'string' ? Buffer.byteLength(line) : 0;
    if (typeof line !== 'string' || bytes > maxDocBytes) {
      const batch = batcher.flush();
      if (batch) yield batch;
      yield { kind: 'problem', line: n, id: null, reason: typeof line === 'string' ? tooBig(bytes, maxDocBytes) : line.reason };
      continue;
    }
    const batch = batcher.add(line + '\n', n, bytes + 1);
    if (batch) yield batch;
  }
  const last = batcher.flush();
  if (last) yield last;
}

async function* run(source: AsyncIterable<unknown>, o: RunOptions): AsyncGenerator<Record<string, unknown>> {
  const pool = new CleaningPool({ jobs: o.jobs, timeoutMs: o.timeoutMs, options: o.deboil });
  const fields = { textField: o.textField, idField: o.idField };
  const work = async (item: LineItem): Promise<[LineItem, TaskResult | null]> =>
    item.kind === 'lines' ? [item, await pool.clean({ bytes: item.bytes, firstLine: item.firstLine, fields, inPlace: true })] : [item, null];
  try {
    for await (const [item, result] of mapOrdered(lineItems(source, o.maxDocBytes), work, pool.jobs * 2)) {
      if (item.kind === 'problem') {
        yield { deboil_error: { line: item.line, reason: item.reason } };
        continue;
      }
      const text = Buffer.from(result!.out).toString('utf8');
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
        yield JSON.parse(text.slice(start, end)) as Record<string, unknown>;
      }
    }
  } finally {
    await pool.destroy();
  }
}
