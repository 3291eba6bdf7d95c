/**
 * Cut a plain JSONL file into byte ranges of at most N lines, by streaming it
 * once and counting newlines (nothing is decoded or parsed), so that a queue
 * can hand out shards of a file of any size without holding it.
 */
import { createReadStream } from 'node:fs';

export interface LineShard {
  /** Byte offset of the shard's first line. */
  start: number;
  /** Byte offset just past its last line (its `\n`, or the end of the file). */
  end: number;
  /** 1-based line number of its first line in the file. */
  firstLine: number;
  lines: number;
}

const NEWLINE = 10;

/** The shards of `path`, in order; an empty file gives one empty shard, so that it still gets an output. */
export async function lineShards(path: string, linesPerShard: number): Promise<{ shards: LineShard[]; size: number }> {
  const shards: LineShard[] = [];
  let offset = 0;
  let start = 0;
  let lines = 0;
  let firstLine = 1;
  let lastByte = NEWLINE;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, nl + 1)) {
      lines++;
      if (lines === linesPerShard) {
        const end = offset + nl + 1;
        shards.push({ start, end, firstLine, lines });
        start = end;
        firstLine += lines;
        lines = 0;
      }
    }
    offset += chunk.length;
    if (chunk.length) lastByte = chunk[chunk.length - 1];
  }
  // A last line without `\n` is a line too.
  if (offset > start) shards.push({ start, end: offset, firstLine, lines: lastByte === NEWLINE ? lines : lines + 1 });
  if (shards.length === 0) shards.push({ start: 0, end: 0, firstLine: 1, lines: 0 });
  return { shards, size: offset };
}
