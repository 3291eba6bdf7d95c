/**
 * Open an input as a stream of bytes, gunzipped when its name says so.
 * Node's gunzip reads multi-member gzip (Common Crawl gzips each WARC record
 * on its own) and is native, so it is also the fast path in front of warcio.
 */
import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface ByteSource {
  /** Decompressed bytes. */
  stream: AsyncIterable<Buffer>;
  /** Bytes read from disk (compressed, for .gz) so far: the progress bar counts these. */
  rawBytesRead(): number;
}

/** A slice of a plain (not gzipped) file, `end` exclusive: a queue shard of a JSONL file. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Reads of 1 MB keep system calls few without holding much. */
const READ_CHUNK = 1 << 20;

export function openBytes(path: string | null, gzip: boolean, range?: ByteRange): ByteSource {
  if (range && (gzip || path === null)) throw new Error('a byte range needs a plain file: gzip and stdin cannot be read from an offset');
  // createReadStream's `end` is inclusive; an empty range reads nothing.
  const slice = range ? { start: range.start, end: Math.max(range.start, range.end) - 1 } : {};
  const raw: Readable = path === null ? process.stdin : range && range.end <= range.start ? Readable.from([]) : createReadStream(path, { highWaterMark: READ_CHUNK, ...slice });
  let read = 0;
  async function* counted(source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      read += chunk.length;
      yield chunk;
    }
  }
  if (!gzip) return { stream: counted(raw), rawBytesRead: () => read };
  // pipeline() destroys every stage on an error, so a bad file fails the reader instead of hanging it.
  const gunzip = pipeline(counted(raw), createGunzip({ chunkSize: 256 * 1024 }), () => {});
  return { stream: gunzip, rawBytesRead: () => read };
}
