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
import type { LinesTask, TaskError, TaskResult, WorkerData } from './worker.js';

export interface PoolOptions {
  /** Worker threads (default: the number of cores). */
  jobs?: number;
  options?: DeboilOptions;
  /** Time one document may take, plus 1 s per MB of the batch (default 30 s). */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

class Overrun extends Error {}

export class CleaningPool {
  readonly jobs: number;
  private readonly timeoutMs: number;
  private readonly piscina: Piscina;

  constructor({ jobs, options, timeoutMs }: PoolOptions = {}) {
    this.jobs = Math.max(1, jobs ?? availableParallelism());
    this.timeoutMs = timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const workerData: WorkerData = { options };
    this.piscina = new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: this.jobs,
      maxThreads: this.jobs,
      // Idle workers stay: re-creating one re-loads the rules.
      idleTimeout: Number.MAX_SAFE_INTEGER,
      workerData,
    });
  }

  private async runOnce(task: LinesTask): Promise<TaskResult> {
    const ms = this.timeoutMs + Math.ceil(task.bytes.length / 1e6) * 1000;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Overrun(`took longer than ${ms} ms`)), ms);
    try {
      // The input is copied, not moved: a re-run after a failure needs it.
      return (await this.piscina.run(task, { signal: controller.signal })) as TaskResult;
    } catch (err) {
      throw controller.signal.aborted ? controller.signal.reason : err;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Clean a batch of lines. Never rejects: what fails twice comes back as errors. */
  async clean(task: LinesTask): Promise<TaskResult> {
    try {
      return await this.runOnce(task);
    } catch {
      return this.cleanOneByOne(task);
    }
  }

  private async cleanOneByOne(task: LinesTask): Promise<TaskResult> {
    const text = Buffer.from(task.bytes).toString('utf8');
    const lines = text.split('\n');
    lines.pop();
    const outs: Uint8Array[] = [];
    const errors: TaskError[] = [];
    let docs = 0;
    let textChars = 0;
    let removedChars = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = task.firstLine + i;
      try {
        const r = await this.runOnce({ ...task, bytes: Buffer.from(lines[i] + '\n'), firstLine: line });
        outs.push(r.out);
        errors.push(...r.errors);
        docs += r.docs;
        textChars += r.textChars;
        removedChars += r.removedChars;
      } catch (err) {
        const reason = err instanceof Overrun ? `${err.message} twice: stopped and skipped` : `failed twice, skipped: ${err instanceof Error ? err.message : String(err)}`;
        errors.push({ line, id: idOfLine(lines[i], task.fields.idField), reason });
        if (task.inPlace) outs.push(Buffer.from(inPlaceErrorLine(line, reason, lines[i].replace(/\r$/, ''))));
      }
    }
    return { out: Buffer.concat(outs), errors, docs, textChars, removedChars };
  }

  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }
}

function idOfLine(line: string, idField: string): string | null {
  try {
    return idOf((JSON.parse(line) as Record<string, unknown>)[idField]);
  } catch {
    return null;
  }
}
