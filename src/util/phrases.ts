/**
 * Phrase lists: built-in wording for a kind of boilerplate plus the user's
 * own phrases (any language). A list compiles to one matcher; matching is
 * case-insensitive, ignores punctuation and works on whole words.
 *
 * Matching looks word n-grams up in a set instead of running one big
 * alternation regex over the line: the cost is a few hash look-ups per word,
 * whatever the length of the lists.
 */
import { comparable, fairWordCount, isLetterOrDigit, isUnspaced, wordCount } from './text.js';
import type { LineNode } from './tree.js';

export type PhraseKind =
  | 'navigation'
  | 'related'
  | 'byline'
  | 'caption'
  | 'cta'
  | 'legal'
  | 'syndication';

export type PhraseLists = Partial<Record<PhraseKind, string[]>>;

/** Scripts written without spaces: their phrases are matched as substrings. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

export interface Words {
  /** The text this analysis was made from. */
  source: string;
  key: string;
  /** How many words the analysed text has (runs of letters and digits of `key`). */
  count: number;
  /** The words themselves, made only when a matcher looks closer (see `mask`): most lines never need them. */
  words: string[] | undefined;
  /** The line holds characters of a script written without spaces. */
  unspaced: boolean;
  /** `key` is all ASCII: a case-insensitive regex then reads it as its lower-cased words do. */
  ascii: boolean;
  joined: string | undefined;
  /** Set when only the line's head was read (long lines); `has` and `ends` then read the whole line. */
  text: string | undefined;
  /** The whole line's analysis, once `has` or `ends` needed it. */
  full: Words | undefined;
  /**
   * Bits of the matchers that may have a phrase starting with one of the
   * words: each word's bits are looked up by a hash of the word, so a bit may
   * be set for a word that only shares a hash; a matcher with its bit set
   * then compares the words themselves (see `maskOf`).
   */
  mask: number;
  /** The same for the first word only (see `firstBits`). */
  first: number;
  /** The hash of the last word (`ends` looks closer only when a phrase ends with a word of that hash). */
  last: number;
  /** The registry size `mask` and `first` were computed for. */
  maskFor: number;
  /** Which of the characters that rules test for the analysed text holds (`CharFacts`). */
  chars: number;
  /** `wordCount` of the analysed text (white-space separated words; CJK counted by characters), counted in the same pass. */
  spacedWords: number;
}

/**
 * Characters some rules need before they run a regex: a line without any
 * is ruled out by a bit test (the bits are gathered in the analysis's one
 * pass over the line).
 */
export const CharFacts = {
  /** An ASCII digit (`\d` without the `u` flag). */
  DIGIT: 1,
  /** `|`, `•` or `·`, which join the items of a row. */
  BAR: 2,
  /** `/`. */
  SLASH: 4,
  /** A breadcrumb's separators besides `/`: `»`, `›`, `>`, `\`, `→` and `:` (of `::`); also `"`, which the analysed key has in place of `»`. */
  CRUMB: 8,
  /**
   * A run of LONG_ASCII_RUN or more ASCII letters and digits (tracking-ids'
   * IDs). A run in a line's raw text is one in its text too: decoding and
   * folding only join runs, but for a named reference's name, which is no ID.
   */
  ASCII_RUN: 16,
} as const;
/** How long a run of ASCII letters and digits sets `CharFacts.ASCII_RUN`. */
export const LONG_ASCII_RUN = 20;

/** CharFacts by ASCII code. */
const ASCII_FACTS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_FACTS[c] = CharFacts.DIGIT;
ASCII_FACTS[124] = CharFacts.BAR;
ASCII_FACTS[47] = CharFacts.SLASH;
for (const c of '>\\:"') ASCII_FACTS[c.charCodeAt(0)] = CharFacts.CRUMB;

/**
 * Per ASCII code, what the analysis asks of a character: its CharFacts, and
 * whether it is a letter or digit (`isLetterOrDigit`) or a blank that
 * `wordCount` splits words on (space, tab).
 */
const FACT_BITS = 15; // CharFacts' bits read from single characters
const LETTER = 16;
const BLANK = 32;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = ASCII_FACTS[c] | (isLetterOrDigit(c) ? LETTER : 0) | (c === 32 || c === 9 ? BLANK : 0);

/** CharFacts of a character beyond ASCII (ASCII ones are read from ASCII_CLASS). */
function nonAsciiFacts(c: number): number {
  return c === 0x2022 || c === 0xb7 ? CharFacts.BAR : c === 0xbb || c === 0x203a || c === 0x2192 ? CharFacts.CRUMB : 0;
}

/**
 * Phrases are matched on a line's head: `is` and `starts` never need more
 * (a line longer than PREFIX is never one phrase), and the few `has` and
 * `ends` calls on longer lines read the whole line once.
 */
const HEAD = 240;

/** A UTF-16 unit of a script written without spaces (Thai, Hangul, kana, CJK). */
function isUnspacedUnit(c: number): boolean {
  return (
    (c >= 0x0e00 && c <= 0x0e7f) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3130 && c <= 0x318f) ||
    (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff)
  );
}

/*
 * One shared index for `has`: each distinct phrase list gets a bit, and each
 * word's hash maps to the bits of the lists that have a phrase starting with
 * a word of that hash. A line's mask (one look-up per word, once per line)
 * then tells every matcher at once whether it needs to look closer.
 */
const BITS = 30;
const listBits = new Map<string, number>();
const hashBits = new Map<number, number>();

function registerList(key: string, firsts: Iterable<string>): number {
  let bit = listBits.get(key);
  if (bit !== undefined) return bit;
  if (listBits.size >= BITS) return 0; // no bit left: this matcher always looks closer
  bit = 1 << listBits.size;
  listBits.set(key, bit);
  for (const w of firsts) {
    const h = hashWord(w);
    hashBits.set(h, (hashBits.get(h) ?? 0) | bit);
  }
  return bit;
}

/** FNV-1a over a word's UTF-16 units: the key of the word-to-lists index, with no string made per word. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Words of a lower-cased line: runs of letters and digits (`\w` without `_`), one pass, ASCII fast. */
function wordsIn(key: string): string[] {
  const words: string[] = [];
  let start = -1;
  let i = 0;
  while (i <= key.length) {
    let width = 1;
    let inWord = false;
    if (i < key.length) {
      const c = key.charCodeAt(i);
      // Only a high surrogate starts a code point of two units.
      const cp = c < 0xd800 ? c : key.codePointAt(i)!;
      if (cp > 0xffff) width = 2;
      inWord = isLetterOrDigit(cp);
    }
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(key.slice(start, i));
      start = -1;
    }
    i += width;
  }
  return words;
}

/**
 * The analysis of `text` (a line, or its head when `whole` is the longer
 * line), in one pass over its key: the words as `wordsIn` cuts them are
 * counted and hashed, not made, and their lists' bits gathered. Every field
 * set: one object shape.
 */
function analyse(text: string, source = text, whole: string | undefined = undefined, key = comparable(text)): Words {
  let count = 0;
  let mask = 0;
  let first = 0;
  let last = 0;
  let chars = 0;
  let unspaced = false;
  let ascii = true;
  let h = FNV_OFFSET;
  let inWord = false;
  // wordCount's words and CJK units (lower-casing and quote folding change neither).
  let spaced = 0;
  let inSpaced = false;
  let cjk = 0;
  let asciiRun = 0;
  let i = 0;
  while (i <= key.length) {
    let width = 1;
    let letter = false;
    if (i < key.length) {
      const c = key.charCodeAt(i);
      if (c < 128) {
        // ASCII: one table read answers every question below.
        const k = ASCII_CLASS[c];
        chars |= k & FACT_BITS;
        if ((k & BLANK) !== 0) inSpaced = false;
        else if (!inSpaced) {
          inSpaced = true;
          spaced++;
        }
        letter = (k & LETTER) !== 0;
        if (letter) {
          h = Math.imul(h ^ c, FNV_PRIME);
          if (++asciiRun === LONG_ASCII_RUN) chars |= CharFacts.ASCII_RUN;
        } else asciiRun = 0;
      } else {
        asciiRun = 0;
        chars |= nonAsciiFacts(c);
        // wordCount's own tests (isWordSpace, isUnspaced), written out: as calls they cost 1% of the whole pipeline's instructions.
        if (c === 0xa0 || c === 0x3000) inSpaced = false;
        else {
          if (!inSpaced) {
            inSpaced = true;
            spaced++;
          }
          if (c >= 0x0e00 && isUnspaced(c)) cjk++;
        }
        ascii = false;
        if (!unspaced && isUnspacedUnit(c)) unspaced = true;
        // Only a high surrogate starts a code point of two units.
        const cp = c < 0xd800 ? c : key.codePointAt(i)!;
        if (cp > 0xffff) width = 2;
        letter = isLetterOrDigit(cp);
        if (letter) {
          h = Math.imul(h ^ c, FNV_PRIME);
          if (width === 2) h = Math.imul(h ^ key.charCodeAt(i + 1), FNV_PRIME);
        }
      }
    }
    if (letter) inWord = true;
    else if (inWord) {
      const bits = hashBits.get(h) ?? 0;
      mask |= bits;
      if (count === 0) first = bits;
      last = h;
      count++;
      h = FNV_OFFSET;
      inWord = false;
    }
    i += width;
  }
  return { source, key, count, words: undefined, unspaced, ascii, joined: undefined, text: whole, full: undefined, mask, first, last, maskFor: listBits.size, chars, spacedWords: fairWordCount(spaced, cjk) };
}

/** The words of an analysis, made the first time a matcher needs them. */
function wordsOfAnalysis(w: Words): string[] {
  return (w.words ??= wordsIn(w.key));
}

// Every rule's matchers look at every line of a document in turn, so the
// cache must hold a whole document's lines; it is emptied when it gets big,
// and when a new document starts (`startDocument`).
const cache = new Map<string, Words>();
let lastText = '';
/** A line's analysis. Long lines are body text: their head only is read, once. */
function analyseLine(text: string): Words {
  return text.length > HEAD ? analyse(text.slice(0, HEAD), text, text) : analyse(text);
}

const EMPTY_WORDS = analyse('');
let lastWords: Words = EMPTY_WORDS;
function wordsOf(text: string): Words {
  // One rule asks several matchers about the same line in a row.
  if (text === lastText) return lastWords;
  let w = cache.get(text);
  if (w === undefined) {
    if (cache.size > 8192) cache.clear();
    w = analyseLine(text);
    cache.set(text, w);
  }
  lastText = text;
  lastWords = w;
  return w;
}

/** A document of more lines than this repeats lines (a menu beside every item of a long list, a text cut into many like pieces): its analyses go through the cache. */
const CACHE_LINES = 1000;
let useCache = true;

/**
 * Start a document of `lines` lines: forget the last document's lines, and
 * use the cache only for a long document. Kept across documents, analyses
 * outlive the young generation and are promoted; on a page of a few hundred
 * lines a cache costs more than it saves (a table grown anew and an entry
 * per line); a long document with lines repeated thousands of times needs it.
 */
export function startDocument(lines: number): void {
  cache.clear();
  lastText = '';
  lastWords = EMPTY_WORDS;
  useCache = lines > CACHE_LINES;
}

/** A line node keeps its own analysis, so every matcher shares it without a cache look-up. */
function wordsOfInput(input: string | LineNode): Words {
  if (typeof input === 'string') return wordsOf(input);
  const data = input.data;
  if (data.phrases === undefined || data.phrases.source !== data.text) {
    if (!useCache) return (data.phrases = analyseLine(data.text));
    // Through the cache: menus and footers repeat the same lines.
    data.phrases = wordsOf(data.text);
    // The analysis holds an equal string (the cache's key): the line keeps that one, so the
    // check above compares one pointer from now on instead of two strings' characters.
    data.text = data.phrases.source;
  }
  return data.phrases;
}

/** The whole line's words, for `has` and `ends` on a line whose head alone was read. */
function allWordsOf(input: string | LineNode): Words {
  const w = wordsOfInput(input);
  if (w.text === undefined) return w;
  // The line's own comparison key (`lineKey`) is that of the whole text: no second lower-casing.
  return (w.full ??= analyse(w.text, w.text, undefined, typeof input !== 'string' && input.data.key !== undefined ? input.data.key : undefined));
}

/**
 * The bits of the lists that may have a phrase starting with one of the
 * line's words, for the registry as it is now (an analysis made before a
 * list was added is brought up to date from its words).
 */
function maskOf(w: Words): number {
  if (w.maskFor !== listBits.size) refreshBits(w);
  return w.mask;
}

/**
 * The bits of the lists that may have a phrase starting with the line's
 * first word: one look-up per line answers `is` and `starts` for every
 * matcher (most lines start with a word that opens no phrase).
 */
function firstBits(w: Words): number {
  if (w.maskFor !== listBits.size) refreshBits(w);
  return w.first;
}

function refreshBits(w: Words): void {
  const words = wordsOfAnalysis(w);
  let mask = 0;
  for (const word of words) mask |= hashBits.get(hashWord(word)) ?? 0;
  w.mask = mask;
  w.first = words.length === 0 ? 0 : (hashBits.get(hashWord(words[0])) ?? 0);
  w.maskFor = listBits.size;
}

/**
 * The line's comparison key (`comparable`) is all ASCII. A case-insensitive
 * regex then matches the line only where its lower-cased words would: a
 * phrase matcher over the same words is a cheap first test for it.
 */
export function isAsciiLine(input: string | LineNode): boolean {
  return allWordsOf(input).ascii;
}

/**
 * `wordCount` of the line's text, from its analysis when that read the
 * whole line (one pass over the line for both).
 */
export function lineWordCount(input: LineNode): number {
  const text = input.data.text;
  if (text.length > HEAD) return wordCount(text);
  return wordsOfInput(input).spacedWords;
}

/**
 * The CharFacts of the line's text. Read from the analysis when it read the
 * whole line, so a long line (whose head alone was analysed) has them all:
 * a rule then runs its regex, as without them.
 */
export function lineChars(input: LineNode): number {
  const w = wordsOfInput(input);
  return w.text === undefined ? w.chars : -1;
}

/** Phrases are short: a longer line is never one (and HEAD reads this much). */
const PREFIX = HEAD;

/** Matchers take a line's text, or the line node itself (faster: its analysis is kept on the node). */
export interface PhraseMatcher {
  /** The whole line is one of the phrases (punctuation ignored). */
  is(line: string | LineNode): boolean;
  /** The line starts with one of the phrases. */
  starts(line: string | LineNode): boolean;
  /** One of the phrases occurs in the line as whole words. */
  has(line: string | LineNode): boolean;
  /** The line ends with one of the phrases of two words or more (`Jane Doe's Most Recent Stories`). */
  ends(line: string | LineNode): boolean;
}

export function phraseMatcher(...lists: Array<readonly string[] | undefined>): PhraseMatcher {
  const spaced = new Set<string>();
  /** The first n words of each phrase longer than n: a gram that is none of these ends the look at a word early. */
  const prefixes = new Set<string>();
  /** The same from the end: the last n words of each phrase longer than n. */
  const suffixes = new Set<string>();
  const unspaced: string[] = [];
  const firsts = new Set<string>();
  /** Last words of the phrases of two words or more (`ends` looks no further unless the line ends with one), and their hashes. */
  const lasts = new Set<string>();
  const lastHashes = new Set<number>();
  let longest = 0;
  for (const phrase of lists.flatMap((l) => l ?? [])) {
    const words = wordsIn(comparable(phrase));
    if (words.length === 0) continue;
    if (UNSPACED.test(phrase)) unspaced.push(words.join(''));
    else {
      spaced.add(words.join(' '));
      for (let n = 1; n < words.length; n++) {
        prefixes.add(words.slice(0, n).join(' '));
        suffixes.add(words.slice(words.length - n).join(' '));
      }
      firsts.add(words[0]);
      if (words.length > 1) {
        lasts.add(words[words.length - 1]);
        lastHashes.add(hashWord(words[words.length - 1]));
      }
      longest = Math.max(longest, words.length);
    }
  }
  const bit = registerList([...spaced].sort().join('\n'), firsts);
  /** Can a phrase start at the line's first word? One bit test when the list has a bit. */
  const opens = (w: Words): boolean => (bit === 0 ? firsts.has(wordsOfAnalysis(w)[0]) : (firstBits(w) & bit) !== 0);
  /** Does a phrase start at word `i`? */
  const at = (words: string[], i: number): boolean => {
    if (!firsts.has(words[i])) return false;
    let gram = '';
    for (let n = 0; n < longest && i + n < words.length; n++) {
      gram = n === 0 ? words[i] : gram + ' ' + words[i + n];
      if (spaced.has(gram)) return true;
      if (!prefixes.has(gram)) return false;
    }
    return false;
  };
  return {
    is(line) {
      if ((typeof line === 'string' ? line : line.data.text).length > PREFIX) return false;
      const w = wordsOfInput(line);
      if (w.count === 0) return false;
      if (w.count <= longest && opens(w) && spaced.has((w.joined ??= wordsOfAnalysis(w).join(' ')))) return true;
      return w.unspaced && unspaced.length > 0 && unspaced.includes(wordsOfAnalysis(w).join(''));
    },
    starts(line) {
      const w = wordsOfInput(line);
      if (w.count > 0 && opens(w) && at(wordsOfAnalysis(w), 0)) return true;
      return w.unspaced && unspaced.some((p) => w.key.startsWith(p));
    },
    ends(line) {
      const w = allWordsOf(line);
      if (w.count < 2 || !lastHashes.has(w.last)) return false;
      const words = wordsOfAnalysis(w);
      if (words.length < 2 || !lasts.has(words[words.length - 1])) return false;
      let gram = '';
      for (let n = 1; n <= longest && n <= words.length; n++) {
        gram = n === 1 ? words[words.length - 1] : words[words.length - n] + ' ' + gram;
        if (n >= 2 && spaced.has(gram)) return true;
        if (!suffixes.has(gram)) return false;
      }
      return false;
    },
    has(line) {
      const w = allWordsOf(line);
      const { key, unspaced: cjk } = w;
      if (bit === 0 || (maskOf(w) & bit) !== 0) {
        const words = wordsOfAnalysis(w);
        for (let i = 0; i < words.length; i++) if (at(words, i)) return true;
      }
      return cjk && unspaced.some((p) => key.includes(p));
    },
  };
}
