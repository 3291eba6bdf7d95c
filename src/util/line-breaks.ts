/**
 * Line breaks for text that came without them (a whole page on one line, as
 * many scrapers emit it). Every gap between two words gets a probability of
 * having been a line break, from a logistic regression over cheap features
 * of the words around it: terminal punctuation, capitals, stopwords of the
 * page's language, numbers, brackets, the same counts over a window, the
 * edges of boilerplate labels (`Leave a Reply`), and a learned lexicon of
 * words that start or end lines (`Advertisement`, `Subscribe`; not `said`).
 * A menu joined onto one line (`Home News Sport Sign In`) reads as a run of
 * capitalised words without stopwords; prose has stopwords and full stops.
 * Chinese and Japanese have neither words nor capitals to read: a gap
 * between two of their runs is a break after a sentence's end or next to a
 * short run (a menu item), and no break between two long ones (`cjkGap`).
 *
 * The weights are learned from the dev sets by `npm run train` (labels: where
 * each page's own line breaks were) and ship in `src/model/break-model.json`.
 *
 * @example
 *   `Skip to content Home News Sport Business Culture The minister said on Monday that … delay. Share this article Facebook Twitter Email`
 *   → `Skip to content` / `Home News` / `Sport` / `Business` / `Culture` /
 *     `The minister said on Monday that … delay.` / `Share this article Facebook Twitter Email`
 */
import shippedModel from '../model/break-model.json' with { type: 'json' };
import { detectLanguage, stopwordsOf } from './languages.js';
import { splitSentences } from './sentences.js';
import { CJK_PHRASE, isHanKana, isLetterOrDigit } from './text.js';
import type { LogisticModel } from './logistic.js';

/**
 * A trained logistic-regression model over BREAK_FEATURES: a gap whose
 * probability is above its threshold is a line break. `phrases` is the
 * wording of boilerplate labels (`Leave a Reply`, `Related Posts`) whose
 * edges the phrase features mark: the model's vocabulary, fixed when it was
 * trained.
 */
export interface BreakModel extends LogisticModel {
  phrases?: string[];
  /**
   * Words that often start (`before`) or end (`after`) a line on the pages
   * the model was trained on (`Share`, `Posted`, `ago`), each with the
   * log-odds of a line break next to it against the rate of breaks anywhere.
   */
  lexicon?: Lexicon;
}

export interface Lexicon {
  before: Record<string, number>;
  after: Record<string, number>;
}

/** The lexicon as look-ups. */
export interface LexiconMaps {
  before: Map<string, number>;
  after: Map<string, number>;
}

export function lexiconMaps(lexicon: Lexicon): LexiconMaps {
  return { before: new Map(Object.entries(lexicon.before)), after: new Map(Object.entries(lexicon.after)) };
}

/** Names of the gap features, in vector order (a = the word before the gap, b = the word after it). */
export const BREAK_FEATURES = [
  'a_ends_sentence', 'a_ends_comma', 'a_leads_on', 'b_capitalised', 'a_capitalised', 'window_capitalised', 'a_stopword', 'b_stopword',
  'window_stopwords', 'a_number', 'b_number', 'b_opens', 'a_closes', 'a_log_length', 'b_log_length', 'a_all_caps', 'b_all_caps',
  'window_sentence_ends', 'b_lower', 'b_capitalised_a_not_stopword', 'b_capitalised_times_window', 'after_capitalised', 'before_capitalised',
  'after_stopwords', 'before_stopwords', 'position', 'position_squared', 'log_since_sentence_end', 'log_until_sentence_end', 'b_capitalised_in_run',
  'b_starts_phrase', 'a_ends_phrase', 'b_label_word', 'a_label_word', 'b_starts_lines', 'a_ends_lines',
];

/** Words either side of a gap that its window counts over. */
const WINDOW = 8;
/** Words either side for the near counts. */
const NEAR = 3;

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const ALL_UPPER = /^\p{Lu}{2,}$/u;
/** Characters that close a sentence, and those that may follow its mark (`."`, `.)`); by code, no string per test. */
function isSentenceMark(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}
function isAfterMark(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93 || c === 0x300d || c === 0x300f;
}
function isOpener(c: number): boolean {
  return c === 40 || c === 91 || c === 34 || c === 0x201c || c === 0x2018 || c === 0xab;
}
function isCloser(c: number): boolean {
  return c === 41 || c === 93 || c === 34 || c === 0x201d || c === 0x2019 || c === 0xbb;
}
function isComma(c: number): boolean {
  return c === 44 || c === 59 || c === 58;
}
/** A word that leads on to the next: `Politics &`, `Milford –`. */
function isLeader(c: number): boolean {
  return c === 0x2013 || c === 0x2014 || c === 45 || c === 38 || c === 47 || c === 124;
}

/** Upper case letter: ASCII by code, the rest by Unicode property. */
function isUpper(w: string, i: number): boolean {
  const c = w.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(w[i]);
}

function isLower(w: string, i: number): boolean {
  const c = w.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER.test(w[i]);
}

/** What the gap features need to know of one word. */
function wordFlags(w: string, key: string, stopwords: Set<string>): number {
  const first = w.charCodeAt(0);
  const last = w.charCodeAt(w.length - 1);
  // Capitals and numbers may sit behind one opening quote or bracket.
  const lead = w.length > 1 && isOpener(first) ? 1 : 0;
  let end = w.length - 1;
  while (end > 0 && isAfterMark(w.charCodeAt(end))) end--;
  let allCaps = w.length >= 2;
  for (let i = 0; allCaps && i < w.length; i++) allCaps = isUpper(w, i);
  if (allCaps && first >= 128) allCaps = ALL_UPPER.test(w);
  const c = w.charCodeAt(lead);
  return (
    (isUpper(w, lead) ? CAP : 0) | (stopwords.has(key) ? STOP : 0) |
    (isSentenceMark(w.charCodeAt(end)) ? END : 0) | (isComma(last) ? COMMA_END : 0) | (isLeader(last) ? LEADS : 0) |
    (c >= 48 && c <= 57 && (lead === 0 || first === 40 || first === 91) ? NUM : 0) | (isOpener(first) ? OPEN : 0) |
    (isCloser(last) ? CLOSE : 0) | (allCaps ? ALLCAPS : 0) | (isLower(w, 0) ? LOW : 0)
  );
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000;
}

/** Per-word facts, in typed arrays (a page on one line can hold millions of words). */
const CAP = 1;
const STOP = 2;
const END = 4;
const COMMA_END = 8;
const LEADS = 16;
const NUM = 32;
const OPEN = 64;
const CLOSE = 128;
const ALLCAPS = 256;
const LOW = 512;
const PHRASE_START = 1024;
const PHRASE_END = 2048;
const LABEL_WORD = 4096;

/** Phrases by their first word, each as its words (lower case, no punctuation at their edges). */
export type PhraseIndex = Map<string, string[][]>;

/** A word as phrases and the lexicon compare it: lower case, without the punctuation at its edges (`Reply:` → `reply`). */
export function lexiconKey(w: string): string {
  let a = 0;
  let b = w.length;
  while (a < b && !isLetterOrDigit(w.charCodeAt(a))) a++;
  while (b > a && !isLetterOrDigit(w.charCodeAt(b - 1))) b--;
  return (a === 0 && b === w.length ? w : w.slice(a, b)).toLowerCase();
}

/** Index phrases by their first word. */
export function phraseIndex(phrases: readonly string[]): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const phrase of phrases) {
    const words = phrase.split(/\s+/u).map(lexiconKey).filter(Boolean);
    if (words.length === 0) continue;
    const list = index.get(words[0]);
    if (list) list.push(words);
    else index.set(words[0], [words]);
  }
  return index;
}

/** Mark where a capitalised phrase of the index starts and ends among the words, from the words whose key opens one (`openers`). */
function markPhrases(text: string, facts: WordFacts, index: PhraseIndex, openers: readonly number[]): void {
  const { starts, ends, flags, count } = facts;
  for (const j of openers) {
    for (const words of index.get(lexiconKey(text.slice(starts[j], ends[j])))!) {
      if (j + words.length > count) continue;
      let k = 1;
      while (k < words.length && lexiconKey(text.slice(starts[j + k], ends[j + k])) === words[k]) k++;
      if (k < words.length) continue;
      // One capitalised word (`Home`, `Comments`) is a weaker sign than a phrase: a feature of its own.
      if (words.length === 1) flags[j] |= LABEL_WORD;
      else {
        flags[j] |= PHRASE_START;
        flags[j + words.length - 1] |= PHRASE_END;
      }
    }
  }
}

/** The words of a text without line breaks, and what the gap features need to know of each. */
export interface WordFacts {
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint16Array;
  count: number;
  /** Per word, the lexicon's log-odds of a line break before / after it (0 for a word it does not hold). */
  before?: Float32Array;
  after?: Float32Array;
}

/** Fill in the lexicon's values for each word, from its key (`lexiconKey`; training gives each page a lexicon of its own). */
export function markLexicon(facts: WordFacts, keys: readonly string[], lexicon: LexiconMaps): void {
  const before = new Float32Array(facts.count);
  const after = new Float32Array(facts.count);
  for (let j = 0; j < facts.count; j++) {
    before[j] = lexicon.before.get(keys[j]) ?? 0;
    after[j] = lexicon.after.get(keys[j]) ?? 0;
  }
  facts.before = before;
  facts.after = after;
}

/** What `wordFacts` knows of a word wherever it stands. */
interface SeenWord {
  flags: number;
  before: number;
  after: number;
  /** Its key opens a phrase of the index, and it is capitalised. */
  opens: boolean;
}

/**
 * Find the words (runs of non-space characters) of `text` and their facts;
 * `phrases` marks where those phrases start and end, `lexicon` gives each
 * word its values (each word's key is made once, for both).
 */
export function wordFacts(text: string, stopwords: Set<string>, phrases?: PhraseIndex, lexicon?: LexiconMaps): WordFacts {
  let count = 0;
  for (let i = 0, inWord = false; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const flags = new Uint16Array(count);
  const before = lexicon && new Float32Array(count);
  const after = lexicon && new Float32Array(count);
  const index = phrases !== undefined && phrases.size > 0 ? phrases : undefined;
  const openers: number[] = [];
  let n = 0;
  let start = -1;
  // What each distinct word is, worked out once: words repeat (function words, a menu on every page of a list).
  const seen = new Map<string, SeenWord>();
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpace(text.charCodeAt(i));
    if (space && start >= 0) {
      starts[n] = start;
      ends[n] = i;
      const w = text.slice(start, i);
      let known = seen.get(w);
      if (known === undefined) {
        // The word's key, made once: stopwords, phrases and the lexicon all look it up.
        const key = lexiconKey(w);
        const f = wordFlags(w, key, stopwords);
        known = {
          flags: f,
          before: lexicon?.before.get(key) ?? 0,
          after: lexicon?.after.get(key) ?? 0,
          opens: index !== undefined && (f & CAP) !== 0 && index.has(key),
        };
        seen.set(w, known);
      }
      flags[n] = known.flags;
      if (before !== undefined && after !== undefined) {
        before[n] = known.before;
        after[n] = known.after;
      }
      if (known.opens) openers.push(n);
      n++;
      start = -1;
    } else if (!space && start < 0) start = i;
  }
  const facts: WordFacts = { starts, ends, flags, count, before, after };
  if (index !== undefined && openers.length > 0) markPhrases(text, facts, index, openers);
  return facts;
}

/** `Math.log1p` of the small counts the features take it of (lengths, words since or until a sentence end), from a table. */
const LOG1P = Float64Array.from({ length: 1024 }, (_, i) => Math.log1p(i));
function log1pOf(count: number): number {
  return count < 1024 ? LOG1P[count] : Math.log1p(count);
}

/**
 * Calls `gap(k, row)` for each gap between two words (k is the word after
 * it), with its features in `row`; the row is reused, so copy it to keep it.
 */
export function forEachGap(words: WordFacts, gap: (k: number, row: Float64Array) => void): void {
  const { flags, starts, ends, count: n, before, after } = words;
  const bit = (i: number, f: number) => ((flags[i] & f) !== 0 ? 1 : 0);
  // Prefix sums, so each window is counted in constant time.
  const caps = new Int32Array(n + 1);
  const stops = new Int32Array(n + 1);
  const sentenceEnds = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    caps[i + 1] = caps[i] + bit(i, CAP);
    stops[i + 1] = stops[i] + bit(i, STOP);
    sentenceEnds[i + 1] = sentenceEnds[i] + bit(i, END);
  }
  // Words until the next sentence end (the count since the last one is kept as the loop goes).
  const until = new Int32Array(n);
  for (let i = n - 1, c = 0; i >= 0; i--) {
    c = bit(i, END) ? 0 : c + 1;
    until[i] = c;
  }
  // Per word, once: the log of its length, and of the words until the next sentence end.
  const logLength = new Float64Array(n);
  const logUntil = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    logLength[i] = log1pOf(ends[i] - starts[i]);
    logUntil[i] = log1pOf(until[i]);
  }
  const row = new Float64Array(BREAK_FEATURES.length);
  let since = bit(0, END) ? 0 : 1;
  for (let k = 1; k < n; k++) {
    const lo = Math.max(0, k - WINDOW);
    const hi = Math.min(n, k + WINDOW);
    const m = hi - lo;
    const capShare = (caps[hi] - caps[lo]) / m;
    const nearLo = Math.max(0, k - NEAR);
    const nearHi = Math.min(n, k + NEAR);
    const capB = bit(k, CAP);
    row[0] = bit(k - 1, END);
    row[1] = bit(k - 1, COMMA_END);
    row[2] = bit(k - 1, LEADS);
    row[3] = capB;
    row[4] = bit(k - 1, CAP);
    row[5] = capShare;
    row[6] = bit(k - 1, STOP);
    row[7] = bit(k, STOP);
    row[8] = (stops[hi] - stops[lo]) / m;
    row[9] = bit(k - 1, NUM);
    row[10] = bit(k, NUM);
    row[11] = bit(k, OPEN);
    row[12] = bit(k - 1, CLOSE);
    row[13] = logLength[k - 1];
    row[14] = logLength[k];
    row[15] = bit(k - 1, ALLCAPS);
    row[16] = bit(k, ALLCAPS);
    row[17] = (sentenceEnds[hi] - sentenceEnds[lo]) / m;
    row[18] = bit(k, LOW);
    row[19] = capB * (1 - bit(k - 1, STOP));
    row[20] = capB * capShare;
    row[21] = (caps[nearHi] - caps[k]) / (nearHi - k);
    row[22] = (caps[k] - caps[nearLo]) / (k - nearLo);
    row[23] = (stops[nearHi] - stops[k]) / (nearHi - k);
    row[24] = (stops[k] - stops[nearLo]) / (k - nearLo);
    const position = k / n;
    row[25] = position;
    row[26] = position * position;
    row[27] = log1pOf(since);
    row[28] = logUntil[k];
    row[29] = capB * (capShare >= 0.6 ? 1 : 0);
    row[30] = bit(k, PHRASE_START);
    row[31] = bit(k - 1, PHRASE_END);
    row[32] = bit(k, LABEL_WORD);
    row[33] = bit(k - 1, LABEL_WORD);
    row[34] = before === undefined ? 0 : before[k];
    row[35] = after === undefined ? 0 : after[k - 1];
    gap(k, row);
    since = bit(k, END) ? 0 : since + 1;
  }
}

/** The stopwords of the text's language (guessed from its head). */
export function stopwordsFor(text: string): Set<string> {
  // A few hundred words tell the language; the guess is made once per text.
  return stopwordsOf(detectLanguage(text, 500, 4000));
}

/** Weights with the model's scaling folded in: z = bias + Σ weight·x. */
interface Folded {
  phrases: PhraseIndex;
  lexicon: LexiconMaps | undefined;
  weights: Float64Array;
  bias: number;
  /** The threshold as a log-odds: z above it is a break (no `exp` per gap). */
  logit: number;
}
const folded = new WeakMap<BreakModel, Folded>();
function foldedOf(model: BreakModel): Folded {
  let f = folded.get(model);
  if (!f) {
    const weights = Float64Array.from(model.weights, (w, k) => w / model.scale[k]);
    let bias = model.bias;
    for (let k = 0; k < weights.length; k++) bias -= weights[k] * model.mean[k];
    const t = model.threshold;
    const lexicon = model.lexicon && lexiconMaps(model.lexicon);
    folded.set(model, (f = { phrases: phraseIndex(model.phrases ?? []), lexicon, weights, bias, logit: t <= 0 ? -Infinity : t >= 1 ? Infinity : Math.log(t / (1 - t)) }));
  }
  return f;
}

export function defaultBreakModel(): BreakModel {
  return shippedModel as BreakModel;
}

/** A piece longer than this is no line a page would have: it is cut into sentences too (and stays bounded). */
const LONG_PIECE = 1000;
/**
 * Pieces cut apart but together no longer than this join into one row
 * (`Home News`, `The (AP`): the rules judge such a row as they judge its
 * items (the dev-set scores do not move), and a run of tiny pieces would
 * cost the pipeline a line each (0.9 MB of near-miss credits made 105,000
 * lines, 80,000 once joined). At 20 a menu's tail (`Home News Sport`) began
 * to pass for a headline.
 */
const SHORT_ROW = 12;

/** Characters of Chinese or Japanese between `a` and `b`. */
function hanKanaRun(text: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if (isHanKana(text.charCodeAt(i))) n++;
  return n;
}
/**
 * A gap between two runs of Chinese or Japanese: these scripts put no
 * spaces between words, so the model's word features tell nothing there.
 * The gap is a line break after a sentence's end, or next to a short run (a
 * menu item, a label); between two long runs (phrases of one paragraph,
 * spaced as commas) it is not. Undefined for other gaps.
 */
export function cjkGap(text: string, starts: Int32Array, ends: Int32Array, k: number): boolean | undefined {
  const a = text.charCodeAt(ends[k - 1] - 1);
  const b = text.charCodeAt(starts[k]);
  if (!isHanKana(a) || !isHanKana(b)) return undefined;
  // A sentence's end, perhaps inside its closing quote or bracket (`。」`, `！）`).
  const closes = a === 0x300d || a === 0x300f || a === 0xff09;
  const mark = closes && ends[k - 1] - 2 >= starts[k - 1] ? text.charCodeAt(ends[k - 1] - 2) : a;
  if (mark === 0x3002 || mark === 0xff01 || mark === 0xff1f || mark === 0xff0e) return true;
  return hanKanaRun(text, starts[k - 1], ends[k - 1]) < CJK_PHRASE || hanKanaRun(text, starts[k], ends[k]) < CJK_PHRASE;
}

/**
 * The spans `[start, end)` that stand for lines in `text`, a text without
 * line breaks; white space between them is left out. The text is cut at the
 * gaps the model judges to be line breaks, and a piece of more than
 * LONG_PIECE characters at its sentence ends; pieces that fit in SHORT_ROW
 * characters together join.
 */
export function breakSpans(text: string, model: BreakModel = defaultBreakModel()): Array<[number, number]> {
  const { phrases, lexicon, weights, bias, logit } = foldedOf(model);
  const words = wordFacts(text, stopwordsFor(text), phrases, lexicon);
  if (words.count === 0) return [];
  const out: Array<[number, number]> = [];
  const line = (a: number, b: number) => {
    const last = out[out.length - 1];
    if (last && b - last[0] <= SHORT_ROW && !isSentenceMark(text.charCodeAt(last[1] - 1))) {
      last[1] = b;
      return;
    }
    if (b - a <= LONG_PIECE) out.push([a, b]);
    else for (const [s, e] of splitSentences(text.slice(a, b))) out.push([a + s, a + e]);
  };
  let start = words.starts[0];
  forEachGap(words, (k, row) => {
    const cjk = cjkGap(text, words.starts, words.ends, k);
    if (cjk !== undefined) {
      if (cjk) {
        line(start, words.ends[k - 1]);
        start = words.starts[k];
      }
      return;
    }
    let z = bias;
    for (let j = 0; j < row.length; j++) z += weights[j] * row[j];
    if (z > logit) {
      line(start, words.ends[k - 1]);
      start = words.starts[k];
    }
  });
  line(start, words.ends[words.count - 1]);
  return out;
}
