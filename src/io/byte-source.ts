/**
 * Open an input as a stream of bytes, gunzipped when its name says so.
 * Node's gunzip reads multi-member gzip (Common Crawl gzips each WARC record
 * on its own) and is native, so it is also the fast path in front of warcio.
 */
import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface ByteSource {
  /** Decompressed bytes. */
  stream: AsyncIterable<Buffer>;
  /** Bytes read from disk (compressed, for .gz) so far: the progress bar counts these. */
  rawBytesRead(): number;
}

/** Reads of 1 MB keep system calls few without holding much. */
const READ_CHUNK = 1 << 20;

export function openBytes(path: string | null, gzip: boolean): ByteSource {
  const raw: Readable = path === null ? process.stdin : createReadStream(path, { highWaterMark: READ_CHUNK });
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
