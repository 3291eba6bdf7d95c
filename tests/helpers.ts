import { unified } from 'unified';
import { deboilParse } from '../src/pipeline/parser.js';
import { deboilCompile, type DeboilData } from '../src/pipeline/compiler.js';

/** Run one rule alone between the parser and the compiler. */
export function runRule(plugin: (...args: any[]) => any, input: string, options: object = {}) {
  const processor = unified().use(deboilParse).use(plugin as any, options).use(deboilCompile);
  const file = processor.processSync(input);
  const data = file.data.deboil as DeboilData;
  return { text: String(file.value), removed: data.removed, title: data.title };
}

/** Paragraphs of an output. */
export const paragraphs = (text: string) => text.split('\n\n').map((p) => p.trim()).filter(Boolean);

const SUMMARY = /^deboil: \d+ documents, .*\n$/m;

/**
 * A CLI run's stderr without its closing one-line summary, and the summary
 * apart (null when there is none), so tests can check each on its own.
 */
export function splitSummary(stderr: string): { stderr: string; summary: string | null } {
  const m = SUMMARY.exec(stderr);
  if (!m || m.index + m[0].length !== stderr.length) return { stderr, summary: null };
  return { stderr: stderr.slice(0, m.index), summary: m[0].trimEnd() };
}
