/**
 * Parser: text → a root of line nodes. Each non-blank input line becomes one
 * node that keeps its exact position (line, column, offset; CR LF and CR
 * counted as one line end). Blank and white-space-only lines are not nodes;
 * they only set `blankBefore` / `blankAfter` on their neighbours. Text that
 * comes without line breaks is cut into lines first (`src/util/line-breaks.ts`).
 */
import type { Processor } from 'unified';
import type { LineNode, LineRoot } from '../util/tree.js';
import { Line, segmentLine } from '../util/tree.js';
import { endsLikeSentence, nextOutputWork, startsLowerCase, toOutputText } from '../util/text.js';
import type { BreakModel } from '../util/line-breaks.js';
import { startDocument } from '../util/phrases.js';

export interface ParseOptions {
  /** Where to break text that came without line breaks (`src/util/line-breaks.ts`); the shipped model by default. */
  breakModel?: BreakModel;
}

/**
 * A document is unbroken when its lines are few for its length (a page
 * scraped onto one line): then each long line is cut where the model of
 * line breaks puts them, and each piece is cleaned as a line of its own.
 */
const UNBROKEN_LINE = 2000;
export const SEGMENT_LINES_OVER = 400;

/**
 * A paragraph rarely runs past this many characters (about 200 words): a
 * document of one line this long is a short page scraped onto one line.
 */
const SINGLE_LINE_PAGE = 1200;

/**
 * The lines a long line of an unbroken text is cut into. A text of a single
 * line (`single`) that cuts into sentences only (the last may lack its full
 * stop) is a paragraph of prose, not a page, and stays whole (CLEANING.md: a
 * kept line is never split).
 */
export function cutLine(node: LineNode, single: boolean, breakModel: BreakModel | undefined): LineNode[] {
  const pieces = segmentLine(node, breakModel);
  return single && pieces.every((piece, i) => endsLikeSentence(piece.data.text) || (i === pieces.length - 1 && readsAsProse(piece.data.text))) ? [node] : pieces;
}

/** A last sentence without its full stop (`… and the work goes on`): five words or more, most of them in lower case, as prose is and a menu is not. */
function readsAsProse(text: string): boolean {
  const words = text.split(' ');
  return words.length >= 5 && words.filter(startsLowerCase).length * 2 > words.length;
}

/** True when `lines` non-blank lines are few for `length` characters. */
export function isUnbroken(length: number, lines: number): boolean {
  return lines > 0 && (length / lines > UNBROKEN_LINE || (lines === 1 && length > SINGLE_LINE_PAGE));
}

/**
 * A text with a blank line in fewer than one gap between lines in this many
 * (every block on a line of its own, as many scrapers give it, perhaps with a
 * stray empty line) has no paragraph marks to read: each line is its own
 * paragraph, as in the output.
 */
const PARAGRAPH_MARKS = 50;

export function parseLines(doc: string, options: ParseOptions = {}): LineRoot {
  const children: LineNode[] = [];
  let offset = 0;
  let lineNo = 1;
  let blank = true;
  // Gaps between two lines with a blank line in them: paragraph marks (see PARAGRAPH_MARKS).
  let blankGaps = 0;
  const n = doc.length;
  // The next character at or after `offset` that makes a line need more than a trim (see nextOutputWork).
  let work = -1;
  // The next LF and CR, found with indexOf (native, much faster than a loop over characters).
  let lf = doc.indexOf('\n');
  let cr = doc.indexOf('\r');
  while (offset <= n) {
    if (lf >= 0 && lf < offset) lf = doc.indexOf('\n', offset);
    if (cr >= 0 && cr < offset) cr = doc.indexOf('\r', offset);
    const end = Math.min(lf < 0 ? n : lf, cr < 0 ? n : cr);
    const value = doc.slice(offset, end);
    if (work < offset) work = nextOutputWork(doc, offset);
    const text = value.length === 0 ? '' : work >= end ? value.trim() : toOutputText(value);
    if (text === '') {
      blank = true;
      if (children.length) children[children.length - 1].data.blankAfter = true;
    } else {
      if (blank && children.length) blankGaps++;
      children.push(new Line(value, lineNo, 1, offset, text, blank, false));
      blank = false;
    }
    if (end >= n) break;
    offset = end + (doc.charCodeAt(end) === 13 && doc.charCodeAt(end + 1) === 10 ? 2 : 1);
    lineNo++;
  }
  if (children.length) children[children.length - 1].data.blankAfter = true;
  if (blankGaps * PARAGRAPH_MARKS < children.length - 1) for (const c of children) c.data.blankBefore = c.data.blankAfter = true;
  // A single line is measured by its text, as settle.ts measures the output's one line.
  const single = children.length === 1;
  const root: LineRoot = isUnbroken(single ? children[0].data.text.length : n, children.length)
    ? { type: 'root', children: children.flatMap((c) => (c.value.length > SEGMENT_LINES_OVER ? cutLine(c, single, options.breakModel) : [c])), data: { length: n, unbroken: true } }
    : { type: 'root', children, data: { length: n } };
  startDocument(root.children.length);
  return root;
}

/** unified plugin: use `parseLines` as the processor's parser. */
export function deboilParse(this: Processor, options: ParseOptions = {}): void {
  // unified's typings model parsers on `this`; the cast keeps them quiet.
  (this as unknown as { parser: (doc: string) => LineRoot }).parser = (doc) => parseLines(doc, options);
}
