/**
 * Per-document time limits. The pipeline checks the clock between stages,
 * not inside them: every stage is linear in the document's size, so a
 * document overruns its limit by at most one stage's time (docs/limits.md).
 */
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** Absolute deadline, `Date.now()` milliseconds; set per document by `clean`. */
    deadline: number;
  }
}

/** Thrown by `clean` when a document runs past its deadline. */
export class DeadlineError extends Error {
  /** The stage that was about to start. */
  readonly stage: string;
  /** Milliseconds past the deadline when it was noticed. */
  readonly overrunMs: number;
  constructor(stage: string, overrunMs: number) {
    super(`deboil: time limit exceeded before stage ${stage} (${overrunMs} ms over)`);
    this.name = 'DeadlineError';
    this.stage = stage;
    this.overrunMs = overrunMs;
  }
}

/** unified plugin: before the named stage runs, fail when the document's deadline has passed. */
export function checkpoint(stage: string) {
  return function deboilCheckpoint() {
    return (_tree: unknown, file: VFile): void => {
      const deadline = file.data.deadline;
      if (deadline === undefined) return;
      const now = Date.now();
      if (now > deadline) throw new DeadlineError(stage, now - deadline);
    };
  };
}
