/**
 * The worker pool (piscina) with the failure rules of batch cleaning: a batch
 * that throws, crashes its worker or overruns its deadline is re-run one
 * document at a time; a document that fails on its own as well is reported
 * with the reason and skipped, and the batch goes on. An overrun aborts the
 * task, which makes piscina terminate that worker and start a fresh one.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { DeboilOptions } from '../pipeline/preset.js';
import { inPlaceErrorLine } from '../io/error-records.js';
import { idOf } from './record-cleaner.js';
import type { LinesTask, TaskResult, TextResult, TextTask, WorkerData } from './worker.js';

export interface PoolOptions {
  /** Worker threads (default: the number of cores). */
  jobs?: number;
  options?: DeboilOptions;
  /** Time one document may take, plus 1 s per MB of the batch (default 30 s). */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

const WORKER = new URL('./worker.js', import.meta.url).href;

class Overrun extends Error {}

/**
 * Memory: each worker is a V8 isolate that grows its heap lazily, so the
 * pool's workers get a small heap (the batch of small documents they clean
 * needs little) and a batch holding a big document goes to a separate
 * one-thread pool with no such limit, started only when needed and stopped
 * soon after. This keeps the process tree's peak RSS low on corpora of
 * ordinary pages without refusing documents up to --max-doc-bytes.
 */
const SMALL_BATCH_BYTES = 4 << 20;
/**
 * The young generation (where a document's line tree is made) is 16 MB per
 * worker. With 8 MB the collector copied and promoted each tree: on 54 MB of
 * pages, one worker took 14.6-14.9 s of user time with 8 MB and 11.2-12.5 s
 * with 16 MB; two workers 15.2-17.7 s (mean 16.4) against 13.0-17.1 s (mean
 * 15.4) over four pairs. It costs 17-27 MB of RSS per worker: the 1 GB run's
 * peak went from 238 to 272 MB at --jobs 2 (the bound is 300 MB).
 */
const SMALL_HEAP = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 };
const BIG_POOL_IDLE_MS = 2000;

export class CleaningPool {
  readonly jobs: number;
  private readonly timeoutMs: number;
  private readonly piscina: Piscina;
  private readonly workerData: WorkerData;
  private big: Piscina | undefined;

  constructor({ jobs, options, timeoutMs }: PoolOptions = {}) {
    this.jobs = Math.max(1, jobs ?? availableParallelism());
    this.timeoutMs = timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.workerData = { options };
    this.piscina = new Piscina({
      filename: WORKER,
      minThreads: this.jobs,
      maxThreads: this.jobs,
      // Idle workers stay: re-creating one re-loads the rules.
      idleTimeout: Number.MAX_SAFE_INTEGER,
      workerData: this.workerData,
      resourceLimits: SMALL_HEAP,
    });
  }

  /** The pool for a batch: big documents get a worker with an unlimited heap of their own. */
  private poolFor(size: number): Piscina {
    if (size <= SMALL_BATCH_BYTES) return this.piscina;
    return (this.big ??= new Piscina({ filename: WORKER, minThreads: 0, maxThreads: 1, idleTimeout: BIG_POOL_IDLE_MS, workerData: this.workerData }));
  }

  private runOnce(task: LinesTask): Promise<TaskResult> {
    // The input is copied, not moved: a re-run after a failure needs it.
    return this.runLimited(task.bytes.length, task, undefined) as Promise<TaskResult>;
  }

  /** Run one worker task under the time limit (plus 1 s per MB); an overrun stops its worker. */
  private async runLimited(size: number, task: LinesTask | TextTask, name: string | undefined): Promise<unknown> {
    const ms = this.timeoutMs + Math.ceil(size / 1e6) * 1000;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Overrun(`took longer than ${ms} ms`)), ms);
    try {
      return await this.poolFor(size).run(task, { name, signal: controller.signal });
    } catch (err) {
      throw controller.signal.aborted ? controller.signal.reason : err;
    } finally {
      clearTimeout(timer);
    }
  }


  /**
   * Clean one whole text in a worker, with the same limit as a batch: it is
   * tried twice, and rejects with the reason when both tries fail.
   */
  async cleanText(text: string): Promise<TextResult> {
    const run = () => this.runLimited(text.length, { text }, 'cleanText') as Promise<TextResult>;
    try {
      return await run();
    } catch {
      try {
        return await run();
      } catch (err) {
        throw new Error(reasonOf(err));
      }
    }
  }


  /** Clean a batch of lines. Never rejects: what fails twice comes back as errors. */
  async clean(task: LinesTask): Promise<TaskResult> {
    let first: TaskResult;
    try {
      first = await this.runOnce(task);
    } catch {
      // An overrun or a dead worker: which document caused it is unknown, so each runs alone.
      return this.cleanOneByOne(task);
    }
    if (!first.threw) return first;
    // A document threw: the lines before it are done; retry it alone, then go on after it.
    const lines = splitLines(task.bytes);
    const at = first.threw.line - task.firstLine;
    const parts: TaskResult[] = [first];
    try {
      const again = await this.runOnce({ ...task, bytes: Buffer.from(lines[at] + '\n'), firstLine: first.threw.line });
      parts.push(again.threw ? this.failure(task, first.threw.line, lines[at], `failed twice, skipped: ${again.threw.reason}`) : again);
    } catch (err) {
      parts.push(this.failure(task, first.threw.line, lines[at], reasonOf(err)));
    }
    if (at + 1 < lines.length) parts.push(await this.clean({ ...task, bytes: Buffer.from(lines.slice(at + 1).join('\n') + '\n'), firstLine: first.threw.line + 1 }));
    return merge(parts);
  }

  private async cleanOneByOne(task: LinesTask): Promise<TaskResult> {
    const lines = splitLines(task.bytes);
    const parts: TaskResult[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = task.firstLine + i;
      try {
        const r = await this.runOnce({ ...task, bytes: Buffer.from(lines[i] + '\n'), firstLine: line });
        parts.push(r.threw ? this.failure(task, line, lines[i], `failed twice, skipped: ${r.threw.reason}`) : r);
      } catch (err) {
        // The batch's failure counts as this document's first.
        parts.push(this.failure(task, line, lines[i], reasonOf(err)));
      }
    }
    return merge(parts);
  }

  /** A document that failed twice: an error, and in a stream filter's output an error record in its place. */
  private failure(task: LinesTask, line: number, raw: string, reason: string): TaskResult {
    const out = task.inPlace ? encoder.encode(inPlaceErrorLine(line, reason, raw.replace(/\r$/, ''))) : new Uint8Array(0);
    return { out, errors: [{ line, id: idOfLine(raw, task.fields.idField), reason }], docs: 0, textChars: 0, removedChars: 0 };
  }

  async destroy(): Promise<void> {
    await Promise.all([this.piscina.destroy(), this.big?.destroy()]);
  }
}

function idOfLine(line: string, idField: string): string | null {
  try {
    return idOf((JSON.parse(line) as Record<string, unknown>)[idField]);
  } catch {
    return null;
  }
}

const encoder = new TextEncoder();

function splitLines(bytes: Uint8Array): string[] {
  const lines = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').split('\n');
  lines.pop(); // every line ends in \n
  return lines;
}

/** Why a document failed its second try (a crash of its worker, or an overrun). */
function reasonOf(err: unknown): string {
  if (err instanceof Overrun) return `${err.message} twice: its worker was stopped and the document skipped`;
  return `failed twice, skipped: ${err instanceof Error ? err.message : String(err)}`;
}

function merge(parts: TaskResult[]): TaskResult {
  return {
    out: Buffer.concat(parts.map((p) => p.out)),
    errors: parts.flatMap((p) => p.errors),
    docs: parts.reduce((n, p) => n + p.docs, 0),
    textChars: parts.reduce((n, p) => n + p.textChars, 0),
    removedChars: parts.reduce((n, p) => n + p.removedChars, 0),
  };
}
