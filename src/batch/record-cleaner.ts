/**
 * One JSONL record in, one JSONL line out. Runs inside the workers: parsing,
 * cleaning and serialising all happen there, so the main thread only moves
 * bytes. Every field of the record is kept; the text field is replaced by
 * the clean text and a `deboil` field says what was removed.
 */
import { clean } from '../pipeline/clean.js';
import type { DeboilOptions } from '../pipeline/preset.js';
import type { Removal } from '../pipeline/compiler.js';
import { toJson } from '../io/json.js';

export interface RecordFields {
  textField: string;
  idField: string;
}

/** What a record could not be cleaned for, before cleaning started (bad JSON, no text). */
export interface RecordProblem {
  id: string | null;
  reason: string;
}

export interface CleanedRecord {
  line: string;
  textChars: number;
  removedChars: number;
}

export const idOf = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null);

/** Parse one line into a record whose text field is a string, or say why not. */
export function parseRecord(line: string, fields: RecordFields): { record: Record<string, unknown>; text: string } | RecordProblem {
  if (line.trim() === '') return { id: null, reason: 'empty line, not a JSON record' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { id: null, reason: `malformed JSON: ${(err as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { id: null, reason: 'not a JSON object' };
  const record = value as Record<string, unknown>;
  const text = record[fields.textField];
  if (typeof text !== 'string') {
    const reason = text === undefined ? `no "${fields.textField}" field (set another with --text-field)` : `"${fields.textField}" is not a string`;
    return { id: idOf(record[fields.idField]), reason };
  }
  return { record, text };
}

/** Why a document came out empty: so that an empty output can be accounted for. */
function emptyReason(text: string, removed: Removal[]): string {
  if (text.trim() === '') return 'the input text is empty';
  const byRule = new Map<string, number>();
  for (const r of removed) byRule.set(r.rule, (byRule.get(r.rule) ?? 0) + r.end - r.start);
  const top = [...byRule].sort((a, b) => b[1] - a[1])[0];
  return top ? `every line was removed as boilerplate (most of it by ${top[0]})` : 'no article text was found';
}

/** Clean a parsed record and serialise it, field order kept, `deboil` last. Throws when the cleaner does. */
export function cleanRecord(record: Record<string, unknown>, text: string, fields: RecordFields, options: DeboilOptions | undefined): CleanedRecord {
  const result = clean(text, options);
  let removedChars = 0;
  for (const r of result.removed) removedChars += r.end - r.start;
  const deboil: Record<string, unknown> = { title: result.title, language: result.language, removed_chars: removedChars, removed: result.removed };
  if (result.text === '') deboil.reason = emptyReason(text, result.removed);
  const out = { ...record, [fields.textField]: result.text, deboil };
  return { line: toJson(out) + '\n', textChars: text.length, removedChars };
}
