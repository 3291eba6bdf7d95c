/**
 * The line tree that every stage works on, and the two ways a rule changes
 * it: remove a whole line, or cut a span out of a line. Both record plain
 * data (rule id, reason, span) on the node; reports are built from it later.
 */
import type { Node, Parent, Point, Position } from 'unist';
import { comparable, decodeEntities, INVISIBLE, normalizeSpace, toOutputText } from './text.js';
import { lineWordCount, type Words } from './phrases.js';
import { breakSpans, type BreakModel } from './line-breaks.js';

/** Why a rule removed something. */
export interface Verdict {
  rule: string;
  reason: string;
}

/** A span cut out of a line, in UTF-16 offsets relative to the line's start. */
export interface Cut extends Verdict {
  start: number;
  end: number;
}

export interface LineData {
  /** Current text: the line minus its cuts, entities decoded once, white space folded, trimmed; what the output prints. */
  text: string;
  /** A blank line (or the document's start) comes before / after this line. */
  blankBefore: boolean;
  blankAfter: boolean;
  /** Set when the whole line is removed. */
  removed?: Verdict;
  /** Spans cut out of the line. */
  cuts?: Cut[];
  /** Kept ranges of `value` (line-relative), present once something was cut. */
  kept?: Array<[number, number]>;
  /** This line opens a block that follows articles: related links, an author box, comments (which always end it), or the page footer. */
  boundary?: 'related' | 'author' | 'comments' | 'comment' | 'footer';
  /** Set by the content stage. */
  role?: 'title' | 'body';
  /** Probability that the line is article text, when a classifier ran. */
  score?: number;
  /** `wordCount(text)`, cached by `lineWords`; reset when the text changes. */
  words?: number;
  /** `comparable(text)`, cached by `lineKey`; reset when the text changes. */
  key?: string;
  /** The phrase matchers' analysis of the line's text (valid while its `source` is the text). */
  phrases?: Words;
  /** `value` is output text already (a settling look, `settle.ts`): entities are not decoded again. */
  decoded?: boolean;
}

/** One non-blank line of the input. */
export interface LineNode extends Node {
  type: 'line';
  /** The line exactly as in the input, without its line ending. */
  value: string;
  position: Position;
  data: LineData;
}

export interface RootData {
  /** Input length in UTF-16 code units. */
  length: number;
  /** The chosen headline line, if any. */
  title?: LineNode;
  /** The input came without line breaks and its lines were cut into sentences. */
  unbroken?: boolean;
  /** The document's language (ISO 639-1, or `und`), once the classifier guessed it. */
  language?: string;
}

export interface LineRoot extends Parent {
  type: 'root';
  children: LineNode[];
  data: RootData;
}

/** The position of a line that starts at column `column` of input line `line`: its two points are made when asked for. */
export class LinePosition implements Position {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly offset: number,
    readonly length: number,
  ) {}
  get start(): Point {
    return { line: this.line, column: this.column, offset: this.offset };
  }
  get end(): Point {
    return { line: this.line, column: this.column + this.length, offset: this.offset + this.length };
  }
  toJSON(): Position {
    return { start: this.start, end: this.end };
  }
}

/**
 * A line node. Its position is kept as numbers and made into points when
 * asked for, and it is its own `data`: one object per line instead of five
 * matters on inputs of a million short lines (the garbage collector's work
 * grows with them), and every rule's `node.data.text` is one read.
 */
export class Line implements LineNode, LineData {
  text: string;
  blankBefore: boolean;
  blankAfter: boolean;
  removed: Verdict | undefined = undefined;
  cuts: Cut[] | undefined = undefined;
  kept: Array<[number, number]> | undefined = undefined;
  boundary: LineData['boundary'] = undefined;
  role: LineData['role'] = undefined;
  score: number | undefined = undefined;
  words: number | undefined = undefined;
  key: string | undefined = undefined;
  phrases: Words | undefined = undefined;
  decoded: boolean;
  constructor(
    public value: string,
    readonly line: number,
    readonly column: number,
    readonly offset: number,
    text: string,
    blankBefore: boolean,
    blankAfter: boolean,
    decoded = false,
  ) {
    this.text = text;
    this.blankBefore = blankBefore;
    this.blankAfter = blankAfter;
    this.decoded = decoded;
  }
  get type(): 'line' {
    return 'line';
  }
  get data(): LineData {
    return this;
  }
  get position(): Position {
    return new LinePosition(this.line, this.column, this.offset, this.value.length);
  }
}

/** True when the line is still in the output. */
export function isKept(node: LineNode): boolean {
  return node.data.removed === undefined;
}

/** Remove a whole line. The first rule to remove it is the one recorded. */
export function removeLine(node: LineNode, rule: string, reason: string): void {
  if (node.data.removed === undefined) node.data.removed = { rule, reason };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The line's word count (`wordCount` of its current text), computed once: every rule asks. */
export function lineWords(node: LineNode): number {
  return (node.data.words ??= lineWordCount(node));
}

/** The line's text as lines are compared (`comparable`), computed once: the content stage and the duplicates rule both ask. */
export function lineKey(node: LineNode): string {
  const data = node.data;
  if (data.key === undefined) {
    // The phrase matchers' analysis of the whole line (not of its head only) holds this very key.
    const words = data.phrases;
    const whole = words === undefined || words.source !== data.text ? undefined : words.text === undefined ? words : words.full;
    data.key = whole !== undefined ? whole.key : comparable(data.text);
  }
  return data.key;
}

/** Text of the line with its cuts applied, before white-space folding. */
export function currentRaw(node: LineNode): string {
  const kept = node.data.kept;
  if (!kept) return node.value;
  let out = '';
  for (const [a, b] of kept) out += node.value.slice(a, b);
  return out;
}

/**
 * True when joining the pieces' decoded texts does not give the decoded whole
 * (a reference formed across a join, `&#x4` + `1;`), or leaves a reference a
 * second pass would decode that no piece has alone (`&amp;` + `amp;`).
 */
function gluesReference(decodedWhole: string, decodedPieces: string[]): boolean {
  const joined = decodedPieces.join('');
  return decodedWhole !== joined || decodeEntities(joined) !== decodedPieces.map(decodeEntities).join('');
}

/**
 * Cut `[from, to)` of the line's current raw text (`currentRaw`) and record
 * it. Offsets are mapped back to the original line, so later rules can keep
 * working on the current text while spans stay exact.
 */
export function cutSpan(node: LineNode, from: number, to: number, rule: string, reason: string): void {
  if (to <= from) return;
  const kept = node.data.kept ?? [[0, node.value.length]];
  const next: Array<[number, number]> = [];
  const cuts = node.data.cuts ?? (node.data.cuts = []);
  const cutCount = cuts.length;
  let pos = 0;
  for (const [a, b] of kept) {
    const len = b - a;
    const lo = Math.max(from - pos, 0);
    const hi = Math.min(to - pos, len);
    if (hi <= 0 || lo >= len || hi <= lo) {
      next.push([a, b]);
    } else {
      if (lo > 0) next.push([a, a + lo]);
      cuts.push({ rule, reason, start: a + lo, end: a + hi });
      if (hi < len) next.push([a + hi, b]);
    }
    pos += len;
  }
  // A cut that would glue a character reference together (`&#x4<b>1;`,
  // `&amp;<p>amp;`) is not made: decoding the glued text would print a
  // character the input does not have, and a reference left in the output
  // would be decoded by a second pass.
  const before = node.data.kept;
  node.data.kept = next;
  const raw = currentRaw(node);
  if (node.data.decoded) {
    setText(node, normalizeSpace(raw), rule, reason);
    return;
  }
  const decode = (t: string) => decodeEntities(t.replace(INVISIBLE, ''));
  // With a `&`, the decoded line serves both the check and the new text (as `toOutputText` would decode it).
  const decoded = raw.includes('&') ? decode(raw) : undefined;
  if (decoded !== undefined && gluesReference(decoded, next.map(([a, b]) => decode(node.value.slice(a, b))))) {
    node.data.kept = before;
    cuts.length = cutCount;
    return;
  }
  setText(node, decoded === undefined ? toOutputText(raw) : normalizeSpace(decoded), rule, reason);
}

function setText(node: LineNode, text: string, rule: string, reason: string): void {
  node.data.text = text;
  node.data.words = undefined;
  node.data.key = undefined;
  // A cut that leaves only punctuation (`/` of `/(end)`) leaves nothing to read: the line goes with it.
  if (text === '' || !LETTER_OR_DIGIT.test(text)) removeLine(node, rule, reason);
}

/** Cut the first match of `pattern` (non-global) from the line's current text. */
export function cutMatch(node: LineNode, pattern: RegExp, rule: string, reason: string): boolean {
  const raw = currentRaw(node);
  const m = pattern.exec(raw);
  if (!m || m[0].length === 0) return false;
  cutSpan(node, m.index, m.index + m[0].length, rule, reason);
  return true;
}

/**
 * Cut a line into the lines its current text had before its line breaks were
 * lost (`breakSpans`; for text that came without them). The pieces partition the input line: each keeps
 * its part of the line with the cuts and kept ranges in it, so spans stay
 * exact. A piece with nothing to print joins the one before it.
 */
export function segmentLine(node: LineNode, breakModel?: BreakModel): LineNode[] {
  const raw = currentRaw(node);
  const spans = breakSpans(raw, breakModel);
  if (spans.length < 2) return [node];
  const kept = node.data.kept;
  // A piece's start in `raw` → its offset in the input line.
  const toValue = (r: number): number => {
    if (!kept) return r;
    let pos = 0;
    for (const [a, b] of kept) {
      if (r < pos + b - a) return a + r - pos;
      pos += b - a;
    }
    return node.value.length;
  };
  const { line, column, offset = 0 } = node.position.start;
  const piece = (from: number, to: number): LineNode => {
    const next: LineNode = new Line(node.value.slice(from, to), line, column + from, offset + from, '', true, true, node.data.decoded);
    if (kept) next.data.kept = kept.flatMap(([a, b]): Array<[number, number]> => (b <= from || a >= to ? [] : [[Math.max(a, from) - from, Math.min(b, to) - from]]));
    const cuts = node.data.cuts?.filter((c) => c.start >= from && c.start < to).map((c) => ({ ...c, start: c.start - from, end: Math.min(c.end, to) - from }));
    if (cuts?.length) next.data.cuts = cuts;
    const current = currentRaw(next);
    next.data.text = node.data.decoded ? normalizeSpace(current) : toOutputText(current);
    return next;
  };
  const bounds = [0, ...spans.slice(1).map(([a]) => toValue(a)), node.value.length];
  const out: LineNode[] = [];
  let from = 0;
  for (let k = 1; k < bounds.length; k++) {
    const next = piece(from, bounds[k]);
    if (next.data.text !== '') {
      out.push(next);
      from = bounds[k];
    } else if (k === bounds.length - 1 && out.length) {
      // Nothing to print at the end: the last piece takes the rest of the line.
      const last = out.pop()!;
      out.push(piece(last.position.start.offset! - offset, bounds[k]));
    } // else the next piece starts at `from` too
  }
  return out.length ? out : [node];
}

/** The lines the output prints, in its order: the headline first, then the body in input order. */
export function printedLines(tree: LineRoot): LineNode[] {
  const title = tree.data.title && isKept(tree.data.title) && tree.data.title.data.text !== '' ? tree.data.title : undefined;
  const lines = tree.children.filter((node) => node !== title && isKept(node) && node.data.text !== '');
  if (title) lines.unshift(title);
  return lines;
}

/** The kept lines, in order. */
export function keptLines(tree: LineRoot): LineNode[] {
  return tree.children.filter(isKept);
}
