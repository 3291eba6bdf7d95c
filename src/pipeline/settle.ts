/**
 * Settle: look again at what the rules kept, until a look changes nothing.
 *
 * A rule judges a line by the lines around it. Once other lines are gone, the
 * same rule can judge a kept line differently: `WASHINGTON (Reuters) -` is a
 * dateline above a body paragraph, and a stray line once the paragraph under
 * it is cut. Cleaning the output again would then remove more, and
 * CLEANING.md asks for idempotence. So each look runs the rules on the kept
 * lines exactly as the output prints them (headline first, each line its own
 * paragraph, entities already decoded) and maps what they remove back onto
 * the input's lines, so every removal still names its rule and its span.
 *
 * Most documents need one look that changes nothing; it costs a run of the
 * rules over the output, which is smaller than the input.
 */
import type { VFile } from 'vfile';
import type { LineNode, LineRoot } from '../util/tree.js';
import { currentRaw, cutSpan, isKept, Line, printedLines, removeLine } from '../util/tree.js';
import { outputTextMap } from '../util/text.js';
import { cutLine, isUnbroken, SEGMENT_LINES_OVER } from './parser.js';
import type { BreakModel } from '../util/line-breaks.js';

/** At most this many looks after the first pass (each is linear; they stop as soon as one changes nothing). */
export const MAX_LOOKS = 8;

export interface SettleOptions {
  /** Run the rules on a tree (the preset's stages, without parser or compiler). */
  look: (tree: LineRoot, file: VFile) => void;
  /** The parser's model of line breaks, to cut long output lines as the parser would. */
  breakModel?: BreakModel;
}

/**
 * When the output is text without line breaks (its other lines are gone), the
 * parser would cut its long lines into lines: cut them here too, on the
 * input's lines, so that cleaning the output again finds them cut.
 */
function segmentLongLines(tree: LineRoot, lines: LineNode[], breakModel: BreakModel | undefined): LineNode[] {
  // The output's length (a blank line between lines, a newline at the end); a single line by its text, as the parser measures it.
  const single = lines.length === 1;
  const length = single ? lines[0].data.text.length : lines.reduce((sum, node) => sum + node.data.text.length + 2, -1);
  if (!isUnbroken(length, lines.length) || !lines.some((node) => node.data.text.length > SEGMENT_LINES_OVER)) return lines;
  tree.children = tree.children.flatMap((node) => {
    if (!isKept(node) || node.data.text.length <= SEGMENT_LINES_OVER) return [node];
    const pieces = cutLine(node, single, breakModel);
    if (pieces.length > 1 && node === tree.data.title) tree.data.title = undefined;
    return pieces;
  });
  return printedLines(tree);
}

/** The tree the parser would make of the output: one line per paragraph, a blank line around each. */
function outputTree(lines: LineNode[]): LineRoot {
  let offset = 0;
  const children = lines.map((source, i): LineNode => {
    const value = source.data.text;
    const line = 2 * i + 1;
    const node: LineNode = new Line(value, line, 1, offset, value, true, true, true);
    // Same text, same analyses: the look reuses what the rules cached on the line.
    node.data.words = source.data.words;
    node.data.key = source.data.key;
    node.data.phrases = source.data.phrases;
    offset += value.length + 2;
    return node;
  });
  return { type: 'root', children, data: { length: Math.max(0, offset - 1) } };
}

/** Carry one look's removals back onto the input's lines. True when anything changed. */
function carryBack(tree: LineRoot, lines: LineNode[], look: LineRoot): boolean {
  let changed = false;
  look.children.forEach((node, i) => {
    const source = lines[i];
    const removed = node.data.removed;
    if (removed) {
      removeLine(source, removed.rule, removed.reason);
      changed = true;
      return;
    }
    const cuts = node.data.cuts;
    if (!cuts?.length) return;
    // The look's cuts are spans of the output text: map them onto the source line's current raw text.
    const map = outputTextMap(currentRaw(source));
    if (!map) return;
    changed = true;
    for (const cut of [...cuts].sort((a, b) => b.start - a.start)) cutSpan(source, map.start[cut.start], map.end[cut.end - 1], cut.rule, cut.reason);
  });
  // A headline the look picks is printed first; a look that picks none leaves the text as it is.
  const picked = look.data.title;
  if (picked && isKept(picked)) {
    const title = lines[look.children.indexOf(picked)];
    if (title !== tree.data.title) {
      tree.data.title = title;
      changed = true;
    }
  }
  return changed;
}

/**
 * True when a look could see something the rules did not: they removed or
 * cut a line, picked a headline that is not the first line, or a line prints
 * other than the input wrote it (entities decoded, invisible characters
 * dropped, white space folded inside it), since some rules read the input's
 * own text.
 * Otherwise the output is the input's lines in order, with only a blank line
 * more between them, and the look is skipped: it would cost as much as the
 * first pass (a page where nothing is boilerplate), and no rule judges a line
 * by that blank line alone (`npm run fuzz` checks idempotence on a million
 * cases).
 */
function changedByRules(tree: LineRoot): boolean {
  const title = tree.data.title;
  if (title && title !== tree.children[0]) return true;
  const lines = tree.children;
  for (let i = 0; i < lines.length; i++) {
    const node = lines[i];
    if (node.data.removed || node.data.cuts || !printsAsWritten(node)) return true;
  }
  return false;
}

/** The line's text is its input as written, but for ASCII white space after it (a piece of a text without line breaks ends in the gap before the next). */
function printsAsWritten(node: LineNode): boolean {
  const { value } = node;
  const { text } = node.data;
  if (text === value) return true;
  if (value.length <= text.length || !value.startsWith(text)) return false;
  for (let i = text.length; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c !== 32 && (c < 9 || c > 13)) return false;
  }
  return true;
}

/** unified plugin: after the rules, look again until a look changes nothing. */
export function settle(options: SettleOptions) {
  return (tree: LineRoot, file: VFile): void => {
    if (!changedByRules(tree)) return;
    for (let i = 0; i < MAX_LOOKS; i++) {
      const lines = segmentLongLines(tree, printedLines(tree), options.breakModel);
      if (lines.length === 0) return;
      const look = outputTree(lines);
      options.look(look, file);
      if (!carryBack(tree, lines, look)) return;
    }
  };
}
