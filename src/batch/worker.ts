/**
 * The worker thread (run by piscina): a batch of JSONL lines in, the output
 * lines back as one transferred buffer, so no big object is ever cloned
 * between threads.
 *
 * Test hook: with DEBOIL_TEST_FAULTS=1 in the environment, a document whose
 * text contains DEBOIL_TEST_THROW throws and one that contains
 * DEBOIL_TEST_HANG never returns, so that the tests can check retries and
 * hang detection. Without the variable the markers mean nothing.
 */
import { workerData } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { DeboilOptions } from '../pipeline/preset.js';
import { clean, type CleanResult } from '../pipeline/clean.js';
import { cleanRecord, idOf, parseRecord, type RecordFields } from './record-cleaner.js';
import { inPlaceErrorLine } from '../io/error-records.js';

export interface LinesTask {
  /** Whole lines, each ending in `\n`. */
  bytes: Uint8Array;
  firstLine: number;
  fields: RecordFields;
  /** Stream-filter output: an error record in a bad line's place, not only in `errors`. */
  inPlace: boolean;
}

export interface TaskError {
  line: number;
  id: string | null;
  reason: string;
}

export interface TaskResult {
  out: Uint8Array;
  errors: TaskError[];
  /** Records cleaned (empty results included). */
  docs: number;
  textChars: number;
  removedChars: number;
  /**
   * The document that threw: the batch stopped there, and `out` holds the
   * lines before it. The pool retries it alone and goes on after it.
   */
  threw?: TaskError;
}

/** One whole text (a .txt input) to clean, as `clean()` would. */
export interface TextTask {
  text: string;
}

export type TextResult = Pick<CleanResult, 'text' | 'title' | 'language' | 'removed'>;

export interface WorkerData {
  options?: DeboilOptions;
}

const { options } = (workerData ?? {}) as WorkerData;
const FAULTS = process.env.DEBOIL_TEST_FAULTS === '1';
const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function testFault(text: string): void {
  if (text.includes('DEBOIL_TEST_THROW')) throw new Error('test fault: the document asked to throw (DEBOIL_TEST_THROW)');
  if (text.includes('DEBOIL_TEST_HANG')) for (;;);
}

export default function cleanLines(task: LinesTask) {
  const text = decoder.decode(task.bytes);
  const lines = text.split('\n');
  lines.pop(); // every line ends in \n
  let out = '';
  const errors: TaskError[] = [];
  let docs = 0;
  let textChars = 0;
  let removedChars = 0;
  let threw: TaskError | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = task.firstLine + i;
    const parsed = parseRecord(lines[i], task.fields);
    if (!('record' in parsed)) {
      errors.push({ line, id: parsed.id, reason: parsed.reason });
      if (task.inPlace) out += inPlaceErrorLine(line, parsed.reason, lines[i].replace(/\r$/, ''));
      continue;
    }
    let cleaned;
    try {
      if (FAULTS) testFault(parsed.text);
      cleaned = cleanRecord(parsed.record, parsed.text, task.fields, options);
    } catch (err) {
      threw = { line, id: idOf(parsed.record[task.fields.idField]), reason: err instanceof Error ? err.message : String(err) };
      break;
    }
    out += cleaned.line;
    docs++;
    textChars += cleaned.textChars;
    removedChars += cleaned.removedChars;
  }
  // TextEncoder gives a buffer of its own (not Node's shared pool), safe to transfer.
  const bytes = encoder.encode(out);
  const result: TaskResult = { out: bytes, errors, docs, textChars, removedChars, threw };
  // Moved, not cloned: the buffer changes owner and the small rest is copied.
  const movable = { [Piscina.transferableSymbol]: bytes.buffer, [Piscina.valueSymbol]: result };
  return Piscina.move(movable as unknown as Parameters<typeof Piscina.move>[0]) as unknown as TaskResult;
}

/** A .txt input: cleaned in a worker too, so that --timeout-ms can stop it. */
export function cleanText(task: TextTask): TextResult {
  if (FAULTS) testFault(task.text);
  const { text, title, language, removed } = clean(task.text, options);
  return { text, title, language, removed };
}
