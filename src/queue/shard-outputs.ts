/**
 * A job's files on the shared file system. Outputs and the errors file are
 * written to temp files and renamed, so a job run twice (after a stalled
 * worker, or by two workers at once) leaves the same bytes, never a mix.
 * The temp files of a job live in `DIR/.deboil-tmp/<job id>/`: a worker
 * that was killed leaves its temp files there, and the next run of the same
 * job (there always is one) sweeps them.
 */
import { mkdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AtomicStream } from '../io/atomic-stream.js';
import { errorLine, type ErrorRecord } from '../io/error-records.js';

export const TMP_DIR = '.deboil-tmp';

export class ShardOutputs {
  private constructor(
    readonly outDir: string,
    private readonly tmpDir: string,
  ) {}

  /** Sweep what an earlier run of this job left, and make room for this one. */
  static async open(outDir: string, jobId: string): Promise<ShardOutputs> {
    const tmpDir = join(outDir, TMP_DIR, jobId);
    await rm(tmpDir, { recursive: true, force: true });
    await mkdir(tmpDir, { recursive: true });
    return new ShardOutputs(outDir, tmpDir);
  }

  /** An output, relative to outDir, published by its `commit()`. */
  open(rel: string, gzip = false): Promise<AtomicStream> {
    return AtomicStream.open(join(this.outDir, rel), { gzip, tmpDir: this.tmpDir });
  }

  /**
   * The shard's error records, written only when there are any; a stale file
   * from an earlier run of different input is removed, so the folder always
   * says what the last run found.
   */
  async writeErrors(rel: string, errors: readonly ErrorRecord[]): Promise<string | null> {
    if (errors.length === 0) {
      await rm(join(this.outDir, rel), { force: true });
      return null;
    }
    const out = await this.open(rel);
    for (const e of errors) await out.write(errorLine(e));
    await out.commit();
    return rel;
  }

  /** Remove the job's temp folder (and the shared parent when it is empty); another run's files keep it. */
  async close(): Promise<void> {
    await rmdir(this.tmpDir).catch(() => {});
    await rmdir(join(this.outDir, TMP_DIR)).catch(() => {});
  }
}
