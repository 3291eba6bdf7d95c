/**
 * Reports: turn the removals recorded as plain data into vfile messages
 * (ruleId, source `deboil`, place), only when a report is asked for, so the
 * hot path never pays for `Error` objects and stack traces.
 */
import type { VFile } from 'vfile';
import type { Removal } from './compiler.js';

const preview = (text: string) => {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 80 ? one.slice(0, 77) + '…' : one;
};

/** Add one info message per removal to `file` and return them. */
export function toMessages(file: VFile, removed: Removal[]) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return removed.map((r) => {
      const message = file.info(`${r.reason}: “${preview(r.text)}”`, {
        place: { start: { line: r.line, column: r.column, offset: r.start }, end: { line: r.line, column: r.column + (r.end - r.start), offset: r.end } },
        ruleId: r.rule,
        source: 'deboil',
      });
      return message;
    });
  } finally {
    Error.stackTraceLimit = limit;
  }
}
