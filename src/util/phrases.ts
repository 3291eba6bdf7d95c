/**
 * Phrase lists: built-in wording for a kind of boilerplate plus the user's
 * own phrases (any language). A list compiles to one matcher; matching is
 * case-insensitive, ignores punctuation and works on whole words.
 *
 * Matching looks word n-grams up in a set instead of running one big
 * alternation regex over the line: the cost is a few hash look-ups per word,
 * whatever the length of the lists.
 */
import { comparable, isLetterOrDigit } from './text.js';
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
  words: string[];
  /** The line holds characters of a script written without spaces. */
  unspaced: boolean;
  joined?: string;
  /** Set when only the line's head was read (long lines); `has` and `ends` then read the whole line. */
  text?: string;
  /** The whole line's analysis, once `has` or `ends` needed it. */
  full?: Words;
  /** Bits of the matchers that have a phrase starting with one of `words` (see `maskOf`). */
  mask?: number;
  /** The registry size `mask` was computed for. */
  maskFor?: number;
  /** Bits of the matchers that have a phrase starting with the first word (see `firstBits`). */
  first?: number;
  /** The registry size `first` was computed for. */
  firstFor?: number;
}

/**
 * Phrases are matched on a line's head: `is` and `starts` never need more
 * (a line longer than PREFIX is never one phrase), and the few `has` and
 * `ends` calls on longer lines read the whole line once.
 */
const HEAD = 240;

const UNSPACED_CHAR = /[\u0e00-\u0e7f\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

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

/** The analysis of `text` (a line, or its head when `whole` is the longer line). Every field set: one object shape. */
function analyse(text: string, source = text, whole: string | undefined = undefined): Words {
  const key = comparable(text);
  return { source, key, words: wordsIn(key), unspaced: UNSPACED_CHAR.test(key), joined: undefined, text: whole, mask: undefined, maskFor: undefined, first: undefined, firstFor: undefined, full: undefined };
}

// Every rule's matchers look at every line of a document in turn, so the
// cache must hold a whole document's lines; it is emptied when it gets big.
const cache = new Map<string, Words>();
let lastText = '';
let lastWords: Words = analyse('');
function wordsOf(text: string): Words {
  // One rule asks several matchers about the same line in a row.
  if (text === lastText) return lastWords;
  let w = cache.get(text);
  if (w === undefined) {
    if (cache.size > 8192) cache.clear();
    // Long lines are body text: read their head only, once.
    w = text.length > HEAD ? analyse(text.slice(0, HEAD), text, text) : analyse(text);
    cache.set(text, w);
  }
  lastText = text;
  lastWords = w;
  return w;
}

/** A line node keeps its own analysis, so every matcher shares it without a cache look-up. */
function wordsOfInput(input: string | LineNode): Words {
  if (typeof input === 'string') return wordsOf(input);
  const data = input.data;
  // Through the shared cache: menus and footers repeat the same lines.
  if (data.phrases === undefined || data.phrases.source !== data.text) {
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
  return w.text === undefined ? w : (w.full ??= analyse(w.text));
}

/*
 * One shared index for \`has\`: each distinct phrase list gets a bit, and each
 * word maps to the bits of the lists that have a phrase starting with it. A
 * line's mask (one look-up per word, once per line) then tells every matcher
 * at once whether it needs to look closer.
 */
const BITS = 30;
const listBits = new Map<string, number>();
const wordBits = new Map<string, number>();

function registerList(key: string, firsts: Iterable<string>): number {
  let bit = listBits.get(key);
  if (bit !== undefined) return bit;
  if (listBits.size >= BITS) return 0; // no bit left: this matcher always looks closer
  bit = 1 << listBits.size;
  listBits.set(key, bit);
  for (const w of firsts) wordBits.set(w, (wordBits.get(w) ?? 0) | bit);
  return bit;
}

function maskOf(w: Words): number {
  if (w.maskFor !== listBits.size) {
    let mask = 0;
    for (const word of w.words) {
      const bits = wordBits.get(word);
      if (bits !== undefined) mask |= bits;
    }
    w.mask = mask;
    w.maskFor = listBits.size;
  }
  return w.mask!;
}

/**
 * The bits of the lists with a phrase that starts with the line's first
 * word: one look-up per line answers `is` and `starts` for every matcher
 * (most lines start with a word that opens no phrase).
 */
function firstBits(w: Words): number {
  if (w.firstFor !== listBits.size) {
    w.first = w.words.length === 0 ? 0 : (wordBits.get(w.words[0]) ?? 0);
    w.firstFor = listBits.size;
  }
  return w.first!;
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
  /** Last words of the phrases of two words or more (`ends` looks no further unless the line ends with one). */
  const lasts = new Set<string>();
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
      if (words.length > 1) lasts.add(words[words.length - 1]);
      longest = Math.max(longest, words.length);
    }
  }
  const bit = registerList([...spaced].sort().join('\n'), firsts);
  /** Can a phrase start at the line's first word? One bit test when the list has a bit. */
  const opens = (w: Words): boolean => (bit === 0 ? firsts.has(w.words[0]) : (firstBits(w) & bit) !== 0);
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
      if (w.words.length === 0) return false;
      if (w.words.length <= longest && opens(w) && spaced.has((w.joined ??= w.words.join(' ')))) return true;
      return w.unspaced && unspaced.length > 0 && unspaced.includes(w.words.join(''));
    },
    starts(line) {
      const w = wordsOfInput(line);
      if (w.words.length && opens(w) && at(w.words, 0)) return true;
      return w.unspaced && unspaced.some((p) => w.key.startsWith(p));
    },
    ends(line) {
      const { words } = allWordsOf(line);
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
      const { key, words, unspaced: cjk } = w;
      if (bit === 0 || (maskOf(w) & bit) !== 0) {
        for (let i = 0; i < words.length; i++) if (at(words, i)) return true;
      }
      return cjk && unspaced.some((p) => key.includes(p));
    },
  };
}
