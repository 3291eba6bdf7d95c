/**
 * Clean one record input (JSONL, .jsonl.gz, WET) into a sink: batches of
 * lines go to the pool several at a time and come back in input order, and
 * each is written (waiting for the sink) before more input is read.
 */
import type { FormatInfo } from '../io/formats.js';
import { openBytes, type ByteRange } from '../io/byte-source.js';
import { inPlaceErrorLine, type ErrorRecord } from '../io/error-records.js';
import { lineBatches, type BatchLimits, type LineItem } from '../io/line-batches.js';
import { wetLineItems } from '../io/wet-records.js';
import { mapOrdered } from './ordered.js';
import type { CleaningPool } from './pool.js';
import type { RecordFields } from './record-cleaner.js';
import type { TaskResult } from './worker.js';
import type { BatchStats } from './stats.js';

export interface RecordSink {
  write(chunk: Uint8Array | string): Promise<void>;
  /** True when the reader went away (a closed stdout): stop early. */
  closed?(): boolean;
}

export interface RecordRun {
  pool: CleaningPool;
  fields: RecordFields;
  limits: BatchLimits;
  /** Stream-filter output: error records in place of bad lines. */
  inPlace: boolean;
  stats: BatchStats;
  /** Called after each batch with the bytes read from disk so far, for the progress bar. */
  progress?(rawBytesRead: number): void;
  /** Only this slice of a plain JSONL file, whose first line is line `firstLine` of the file (a queue shard). */
  range?: ByteRange & { firstLine: number };
}

/** WET documents are always serialised as {id, url, text}. */
const WET_FIELDS: RecordFields = { textField: 'text', idField: 'id' };

/**
 * `path` null reads stdin. Record problems go to `onError` (and in place when
 * asked); an unreadable input or an HTML WARC throws, naming the reason.
 */
export async function cleanRecordInput(path: string | null, name: string, format: FormatInfo, sink: RecordSink, run: RecordRun, onError: (e: ErrorRecord) => Promise<void> | void): Promise<void> {
  if (run.range && format.format !== 'jsonl') throw new Error('only plain JSONL can be read as a byte range');
  const source = openBytes(path, format.gzip, run.range);
  const fields = format.format === 'warc' ? WET_FIELDS : run.fields;
  const items: AsyncIterable<LineItem> = format.format === 'warc' ? wetLineItems(source.stream, run.limits) : lineBatches(source.stream, run.limits, run.range?.firstLine);
  const work = async (item: LineItem): Promise<[LineItem, TaskResult | null]> =>
    item.kind === 'lines' ? [item, await run.pool.clean({ bytes: item.bytes, firstLine: item.firstLine, fields, inPlace: run.inPlace })] : [item, null];
  const { stats } = run;
  // Twice the workers: one batch each running, one each waiting, so no worker idles while the main thread writes.
  for await (const [item, result] of mapOrdered(items, work, run.pool.jobs * 2)) {
    if (item.kind === 'problem') {
      stats.failed++;
      await onError({ path: name, line: item.line, id: item.id, reason: item.reason });
      if (run.inPlace) await sink.write(inPlaceErrorLine(item.line, item.reason));
    } else if (result) {
      stats.bytesIn += item.bytes.length;
      stats.docs += result.docs;
      stats.failed += result.errors.length;
      stats.textChars += result.textChars;
      stats.removedChars += result.removedChars;
      stats.bytesOut += result.out.length;
      await sink.write(result.out);
      for (const e of result.errors) await onError({ path: name, line: e.line, id: e.id, reason: e.reason });
    }
    run.progress?.(source.rawBytesRead());
    if (sink.closed?.()) break;
  }
}
