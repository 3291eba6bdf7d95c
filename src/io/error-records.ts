/**
 * The two shapes a failed record takes in JSON. In the errors file:
 * `{path, line, id, reason}` (line 1-based; null, like id, when unknown). In a
 * stream filter's output, in the record's place, so that line N of the
 * output still belongs to line N of the input:
 * `{"deboil_error": {"line": N, "reason": "…"}, "raw": "<the line>"}`.
 */
import { toJson } from './json.js';

export interface ErrorRecord {
  path: string;
  line: number | null;
  id: string | null;
  reason: string;
}

export const errorLine = (e: ErrorRecord): string => toJson({ path: e.path, line: e.line, id: e.id, reason: e.reason }) + '\n';

/** `raw` is left out when the line was too big to hold. */
export const inPlaceErrorLine = (line: number, reason: string, raw?: string): string =>
  toJson(raw === undefined ? { deboil_error: { line, reason } } : { deboil_error: { line, reason }, raw }) + '\n';
