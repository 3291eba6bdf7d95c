/**
 * Resumable --out-dir runs. Each finished input leaves a marker in
 * DIR/.deboil-state/: the file of its error records (often empty), written
 * after its output was renamed into place. `--resume` skips the inputs that
 * have one and redoes the rest; at the end the errors file is put together
 * from the markers in input order, so a resumed run gives the same bytes as
 * an uninterrupted one, and the state folder goes away.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AtomicStream } from '../io/atomic-stream.js';

export const STATE_DIR = '.deboil-state';

export class ResumeState {
  private constructor(
    readonly dir: string,
    /** Temp files of outputs being written: on the output's file system, and swept at every start. */
    readonly tmpDir: string,
  ) {}

  /** Without `resume`, earlier state is dropped; with it, only unfinished temp files are. */
  static async open(outDir: string, resume: boolean): Promise<ResumeState> {
    const dir = join(outDir, STATE_DIR);
    if (!resume) await rm(dir, { recursive: true, force: true });
    const tmpDir = join(dir, 'tmp');
    await rm(tmpDir, { recursive: true, force: true });
    await mkdir(join(dir, 'done'), { recursive: true });
    await mkdir(tmpDir, { recursive: true });
    return new ResumeState(dir, tmpDir);
  }

  /** The marker of the input whose output is `key`: its error records, once it is done. */
  markerPath(key: string): string {
    return join(this.dir, 'done', createHash('sha1').update(key).digest('hex') + '.jsonl');
  }

  async isDone(key: string): Promise<boolean> {
    return stat(this.markerPath(key)).then(
      () => true,
      () => false,
    );
  }

  /** Where an input's error records go while it runs; committing it marks the input done. */
  openMarker(key: string): Promise<AtomicStream> {
    return AtomicStream.open(this.markerPath(key), { tmpDir: this.tmpDir });
  }

  async finish(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
