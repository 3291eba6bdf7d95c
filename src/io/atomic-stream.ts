/**
 * A file written as a stream and published atomically: bytes go to a temp
 * file (gzipped on the way when asked), and only `commit()` renames it onto
 * the target, so the target is either the old file or the whole new one.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

export class AtomicStream {
  /** Uncompressed bytes written. */
  bytes = 0;
  private constructor(
    readonly target: string,
    private readonly tmp: string,
    private readonly head: Writable,
    private readonly file: Writable,
  ) {}

  /** Open a temp file in `tmpDir` (same file system as the target; default: the target's folder). */
  static async open(target: string, options: { gzip?: boolean; tmpDir?: string } = {}): Promise<AtomicStream> {
    const dir = options.tmpDir ?? dirname(target);
    await mkdir(dir, { recursive: true });
    await mkdir(dirname(target), { recursive: true });
    const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    const file = createWriteStream(tmp);
    await once(file, 'open');
    if (!options.gzip) return new AtomicStream(target, tmp, file, file);
    const gzip = createGzip();
    gzip.pipe(file);
    gzip.on('error', (err) => file.destroy(err));
    return new AtomicStream(target, tmp, gzip, file);
  }

  /** Write, waiting for `drain` when the stream's buffer is full. */
  async write(chunk: Uint8Array | string): Promise<void> {
    if (chunk.length === 0) return;
    this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    // once() rejects on 'error', and a file error destroys the gzip stage with it.
    if (!this.head.write(chunk)) await once(this.head, 'drain');
  }

  /** Flush, close and rename onto the target. */
  async commit(): Promise<void> {
    this.head.end();
    await finished(this.file);
    await rename(this.tmp, this.target);
  }

  /** Drop the temp file; the target is untouched. */
  async abort(): Promise<void> {
    this.head.destroy();
    this.file.destroy();
    await rm(this.tmp, { force: true }).catch(() => {});
  }
}
