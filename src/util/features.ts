/**
 * Shallow line features for the line classifier: nothing here needs HTML or
 * a parse into words, so each line costs a few passes over its characters.
 * Each line is described by its own features and by those of the lines
 * just before and after it (jusText's and boilerpipe's context idea).
 */
import type { LineNode } from './tree.js';
import { isKept } from './tree.js';
import { cjkCount, endsLikeSentence, upperShare, wordCount } from './text.js';
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

const WORD = /[\p{L}\p{N}]+/gu;
// `[^\s@]+`, not `\S+`: each `@` scans only to the next `@`, so a token full of `@` stays linear.
const URL_OR_EMAIL = /https?:\/\/|www\.|\S@[^\s@]+\.\w/;
const BULLET = /^[•·▪◦‣►▶■●○◆*–-]\s|^\d{1,3}[.)]\s/u;
const SEPARATOR = /[|•·▪»›]/g;

function base(node: LineNode, stopwords: Set<string>, counts: Map<string, number>, rule: string | undefined): number[] {
  const text = node.data.text;
  const n = text.length || 1;
  const words = wordCount(text);
  let digits = 0;
  let punct = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) punct++;
  }
  const tokens = text.length <= 2000 ? text.toLowerCase().match(WORD) ?? [] : [];
  let stop = 0;
  let capitalised = 0;
  for (const t of tokens) if (stopwords.has(t)) stop++;
  for (const w of text.split(' ')) if (/^\p{Lu}/u.test(w)) capitalised++;
  const spaceWords = text.split(' ').length;
  return [
    Math.log1p(text.length) / 6,
    Math.log1p(words) / 4,
    endsLikeSentence(text) ? 1 : 0,
    /[:：]$/.test(text) ? 1 : 0,
    digits / n,
    upperShare(text),
    capitalised / spaceWords,
    punct / n,
    tokens.length ? stop / tokens.length : 0,
    BULLET.test(text) ? 1 : 0,
    (text.match(SEPARATOR)?.length ?? 0) >= 2 ? 1 : 0,
    node.data.blankBefore ? 1 : 0,
    node.data.blankAfter ? 1 : 0,
    text.length <= 200 && hasDate(text) ? 1 : 0,
    isBodyText(text) ? 1 : 0,
    rule !== undefined && rule !== 'main-content' ? 1 : 0,
    isKept(node) && node.data.role === 'body' ? 1 : 0,
    node.data.role === 'title' ? 1 : 0,
    (counts.get(text) ?? 0) > 1 ? 1 : 0,
    URL_OR_EMAIL.test(text) ? 1 : 0,
    cjkCount(text) / n,
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
  return lines.map((_, i) => [
    ...own[i],
    ...(own[i - 1] ?? zero),
    ...(own[i + 1] ?? zero),
    i / n,
    Math.log1p(shortRun[i]) / 3,
    Math.log1p(Math.min(dist[i], 50)) / 4,
  ]);
}
