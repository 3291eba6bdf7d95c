/**
 * Shallow line features for the line classifier: nothing here needs HTML or
 * a parse into words, so each line costs a few passes over its characters.
 * Each line is described by its own features and by those of the lines
 * just before and after it (jusText's and boilerpipe's context idea).
 */
import type { LineNode } from './tree.js';
import { isKept } from './tree.js';
import { caseOf, endsLikeSentence, isLetterOrDigit, isUnspaced, UNCASED, UPPER, wordCount } from './text.js';
import { hasDate } from './dates.js';
import { isBodyText } from './shape.js';

/** Names of the per-line features, in vector order. */
export const BASE_FEATURES = [
  'log_chars', 'log_words', 'ends_sentence', 'ends_colon', 'digit_ratio', 'upper_share', 'capitalised_words', 'punct_ratio',
  'stopword_density', 'bullet', 'separators', 'blank_before', 'blank_after', 'has_date', 'body_shape', 'removed_by_rule',
  'in_article', 'is_title', 'repeated', 'url_or_email', 'cjk_share', 'short',
] as const;

/** All feature names: the line's, the previous line's, the next line's, then position and context. */
export const FEATURE_NAMES: string[] = [
  ...BASE_FEATURES,
  ...BASE_FEATURES.map((f) => `prev_${f}`),
  ...BASE_FEATURES.map((f) => `next_${f}`),
  'rel_position', 'short_run', 'dist_body',
];

// `[^\s@]+`, not `\S+`: each `@` scans only to the next `@`, so a token full of `@` stays linear.
const URL_OR_EMAIL = /https?:\/\/|www\.|\S@[^\s@]+\.\w/;
const BULLET = /^[•·▪◦‣►▶■●○◆*–-]\s|^\d{1,3}[.)]\s/u;
const SEPARATOR = /[|•·▪»›]/g;
const UPPER_START = /^\p{Lu}/u;

/** Counts of one pass over a line's characters (most lines are ASCII: no regex, no string per character). */
interface CharCounts {
  digits: number;
  punct: number;
  /** Pieces between single spaces (`text.split(' ').length`), and those that open with a capital. */
  pieces: number;
  capitalised: number;
  /** Letters and digits runs (`[\p{L}\p{N}]+`), and those that are stopwords. */
  tokens: number;
  stop: number;
  /** Upper-case letters and cased letters (as `upperShare` counts them). */
  upper: number;
  cased: number;
  /** UTF-16 units of scripts written without spaces (as `cjkCount` counts them). */
  cjk: number;
}

function countChars(text: string, stopwords: Set<string>, readTokens: boolean): CharCounts {
  const out: CharCounts = { digits: 0, punct: 0, pieces: 1, capitalised: 0, tokens: 0, stop: 0, upper: 0, cased: 0, cjk: 0 };
  let lower = readTokens && stopwords.size > 0 ? text.toLowerCase() : '';
  // Lower-casing may change the length (`İ` → `i̇`): then the words are read off the lower-cased text, as it splits them.
  if (lower.length !== 0 && lower.length !== text.length) {
    const words = lower.match(/[\p{L}\p{N}]+/gu) ?? [];
    out.tokens = words.length;
    for (const w of words) if (stopwords.has(w)) out.stop++;
    readTokens = false;
    lower = '';
  }
  let pieceStart = true;
  let tokenStart = -1;
  for (let i = 0; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 32;
    if (c >= 0x0e00 && isUnspaced(c)) out.cjk++;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // A pair of surrogates is one code point; a lone one stays one unit, as `for … of` and the old split read it.
      c = text.codePointAt(i)!;
      if (c > 0xffff) width = 2;
    }
    if (c >= 48 && c <= 57) out.digits++;
    else if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) out.punct++;
    const letterCase = i < text.length ? caseOf(c) : UNCASED;
    if (letterCase !== UNCASED) {
      out.cased++;
      if (letterCase === UPPER) out.upper++;
    }
    if (i < text.length && pieceStart) {
      if (c >= 65 && c <= 90) out.capitalised++;
      else if (c >= 128 && UPPER_START.test(String.fromCodePoint(c))) out.capitalised++;
    }
    pieceStart = c === 32;
    if (c === 32 && i < text.length) out.pieces++;
    if (readTokens) {
      const inToken = i < text.length && isLetterOrDigit(c);
      if (inToken) {
        if (tokenStart < 0) tokenStart = i;
      } else if (tokenStart >= 0) {
        out.tokens++;
        if (lower !== '' && stopwords.has(lower.slice(tokenStart, i))) out.stop++;
        tokenStart = -1;
      }
    }
    i += width - 1;
  }
  return out;
}

function base(node: LineNode, stopwords: Set<string>, counts: Map<string, number>, rule: string | undefined): number[] {
  const text = node.data.text;
  const n = text.length || 1;
  const words = wordCount(text);
  const k = countChars(text, stopwords, text.length <= 2000);
  return [
    Math.log1p(text.length) / 6,
    Math.log1p(words) / 4,
    endsLikeSentence(text) ? 1 : 0,
    /[:：]$/.test(text) ? 1 : 0,
    k.digits / n,
    k.cased ? k.upper / k.cased : 0,
    k.capitalised / k.pieces,
    k.punct / n,
    k.tokens ? k.stop / k.tokens : 0,
    BULLET.test(text) ? 1 : 0,
    (text.match(SEPARATOR)?.length ?? 0) >= 2 ? 1 : 0,
    node.data.blankBefore ? 1 : 0,
    node.data.blankAfter ? 1 : 0,
    text.length <= 200 && hasDate(text) ? 1 : 0,
    isBodyText(text, words) ? 1 : 0,
    rule !== undefined && rule !== 'main-content' ? 1 : 0,
    isKept(node) && node.data.role === 'body' ? 1 : 0,
    node.data.role === 'title' ? 1 : 0,
    (counts.get(text) ?? 0) > 1 ? 1 : 0,
    URL_OR_EMAIL.test(text) ? 1 : 0,
    k.cjk / n,
    words < 5 ? 1 : 0,
  ];
}

/**
 * Feature vectors of every line of a document, in line order. `removedBy`
 * gives the rule that removed each line before the classifier ran.
 */
export function documentFeatures(lines: LineNode[], stopwords: Set<string>): number[][] {
  const counts = new Map<string, number>();
  for (const node of lines) counts.set(node.data.text, (counts.get(node.data.text) ?? 0) + 1);
  const own = lines.map((node) => base(node, stopwords, counts, node.data.removed?.rule));
  const zero = new Array<number>(BASE_FEATURES.length).fill(0);
  // Runs of short lines (menus, teaser lists) and the distance to the nearest body-shaped line.
  const shortRun = new Array<number>(lines.length).fill(0);
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && own[j][21] === 1) j++;
    for (let k = i; k < j; k++) shortRun[k] = j - i;
    i = j === i ? i + 1 : j;
  }
  const dist = new Array<number>(lines.length).fill(lines.length);
  let last = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    if (own[i][14] === 1) last = i;
    dist[i] = i - last;
  }
  last = Infinity;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (own[i][14] === 1) last = i;
    dist[i] = Math.min(dist[i], last - i);
  }
  const n = Math.max(lines.length - 1, 1);
  const width = BASE_FEATURES.length;
  return lines.map((_, i) => {
    const row = new Array<number>(FEATURE_NAMES.length);
    const prev = own[i - 1] ?? zero;
    const next = own[i + 1] ?? zero;
    for (let k = 0; k < width; k++) {
      row[k] = own[i][k];
      row[width + k] = prev[k];
      row[2 * width + k] = next[k];
    }
    row[3 * width] = i / n;
    row[3 * width + 1] = Math.log1p(shortRun[i]) / 3;
    row[3 * width + 2] = Math.log1p(Math.min(dist[i], 50)) / 4;
    return row;
  });
}
