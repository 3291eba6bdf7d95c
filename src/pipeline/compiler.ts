/**
 * Compiler: the line tree → the clean text. The headline first, then the
 * kept lines in input order, each its own paragraph, one blank line between
 * them, one final newline. It also collects every removal, in input order,
 * as plain data on `file.data`.
 */
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { LineNode, LineRoot } from '../util/tree.js';
import { isKept, printedLines } from '../util/tree.js';
import { detectLanguage } from '../util/languages.js';

/** One removed span. Offsets are UTF-16 indices into the input, `end` exclusive; line and column are 1-based. */
export interface Removal {
  rule: string;
  reason: string;
  start: number;
  end: number;
  line: number;
  column: number;
  text: string;
}

export interface DeboilData {
  title: string | null;
  /** The clean text's language: ISO 639-1 where the stopword lists have it, else `und`. */
  language: string;
  removed: Removal[];
}

/** The language guess reads the output's head: enough words to decide, at a bounded cost. */
const LANGUAGE_SAMPLE = 2048;
const LANGUAGE_WORDS = 200;

declare module 'vfile' {
  interface DataMap {
    deboil: DeboilData;
  }
}

/**
 * White space and invisible characters at a line's edges are normalized, not
 * removed. Control characters (NUL, ESC, …) are not white space: the output
 * keeps them, so a removed span must include them.
 */
function isEdgeSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) || c === 0x205f || c === 0x2060 || (c >= 0x2066 && c <= 0x2069);
}

function lineRemoval(node: LineNode): Removal {
  const value = node.value;
  let a = 0;
  let b = value.length;
  while (a < b && isEdgeSpace(value.charCodeAt(a))) a++;
  while (b > a && isEdgeSpace(value.charCodeAt(b - 1))) b--;
  const { line, column, offset = 0 } = node.position.start;
  const { rule, reason } = node.data.removed!;
  return { rule, reason, start: offset + a, end: offset + b, line, column: column + a, text: value.slice(a, b) };
}

export function compileTree(tree: LineRoot): { text: string; data: DeboilData } {
  const removed: Removal[] = [];
  const lines = tree.children;
  for (let i = 0; i < lines.length; i++) {
    const node = lines[i];
    if (!isKept(node)) {
      removed.push(lineRemoval(node));
      continue;
    }
    const cuts = node.data.cuts;
    if (cuts) {
      const { line, column, offset = 0 } = node.position.start;
      for (const cut of cuts) {
        removed.push({
          rule: cut.rule,
          reason: cut.reason,
          start: offset + cut.start,
          end: offset + cut.end,
          line,
          column: column + cut.start,
          text: node.value.slice(cut.start, cut.end),
        });
      }
    }
  }
  removed.sort((x, y) => x.start - y.start);
  // The same lines, in the same order, as settling looks at (printedLines).
  const printed = printedLines(tree);
  const title = printed.length && printed[0] === tree.data.title ? printed[0].data.text : null;
  const paragraphs = printed.map((node) => node.data.text);
  // The final newline goes onto the last paragraph before the join, so the text is one flat string (not a join plus a newline), which detectLanguage reads faster.
  if (paragraphs.length) paragraphs[paragraphs.length - 1] += '\n';
  const text = paragraphs.join('\n\n');
  const language = tree.data.language ?? detectLanguage(text, LANGUAGE_WORDS, LANGUAGE_SAMPLE);
  return { text, data: { title, language, removed } };
}

/** unified plugin: use `compileTree` as the processor's compiler. */
export function deboilCompile(this: Processor): void {
  (this as unknown as { compiler: (tree: LineRoot, file: VFile) => string }).compiler = (tree, file) => {
    const { text, data } = compileTree(tree);
    file.data.deboil = data;
    return text;
  };
}
