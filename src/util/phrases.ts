/**
 * Phrase lists: built-in wording for a kind of boilerplate plus the user's
 * own phrases (any language). A list compiles to one matcher; matching is
 * case-insensitive, ignores punctuation and works on whole words.
 *
 * Matching looks word n-grams up in a set instead of running one big
 * alternation regex over the line: the cost is a few hash look-ups per word,
 * whatever the length of the lists.
 */
import { cjkCount, comparable } from './text.js';

export type PhraseKind =
  | 'navigation'
  | 'related'
  | 'byline'
  | 'caption'
  | 'cta'
  | 'legal'
  | 'syndication';

export type PhraseLists = Partial<Record<PhraseKind, string[]>>;

const WORD = /[\p{L}\p{N}]+/gu;
/** Scripts written without spaces: their phrases are matched as substrings. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

interface Words {
  key: string;
  words: string[];
  /** The line holds characters of a script written without spaces. */
  unspaced: boolean;
  joined?: string;
}

// Every rule's matchers look at every line of a document in turn, so the
// cache must hold a whole document's lines; it is emptied when it gets big.
const cache = new Map<string, Words>();
let lastText = '';
let lastWords: Words = { key: '', words: [], unspaced: false };
function wordsOf(text: string): Words {
  // One rule asks several matchers about the same line in a row.
  if (text === lastText) return lastWords;
  let w = cache.get(text);
  if (w === undefined) {
    if (cache.size > 8192) cache.clear();
    const key = comparable(text);
    w = { key, words: key.match(WORD) ?? [], unspaced: cjkCount(key) > 0 };
    cache.set(text, w);
  }
  lastText = text;
  lastWords = w;
  return w;
}

/** Phrases are short: `is` and `starts` only ever need a line's first characters. */
const PREFIX = 240;

export interface PhraseMatcher {
  /** The whole line is one of the phrases (punctuation ignored). */
  is(text: string): boolean;
  /** The line starts with one of the phrases. */
  starts(text: string): boolean;
  /** One of the phrases occurs in the line as whole words. */
  has(text: string): boolean;
}

export function phraseMatcher(...lists: Array<readonly string[] | undefined>): PhraseMatcher {
  const spaced = new Set<string>();
  const unspaced: string[] = [];
  const firsts = new Set<string>();
  let longest = 0;
  for (const phrase of lists.flatMap((l) => l ?? [])) {
    const words = comparable(phrase).match(WORD);
    if (!words) continue;
    if (UNSPACED.test(phrase)) unspaced.push(words.join(''));
    else {
      spaced.add(words.join(' '));
      firsts.add(words[0]);
      longest = Math.max(longest, words.length);
    }
  }
  /** Does a phrase start at word `i`? */
  const at = (words: string[], i: number): boolean => {
    if (!firsts.has(words[i])) return false;
    let gram = '';
    for (let n = 0; n < longest && i + n < words.length; n++) {
      gram = n === 0 ? words[i] : gram + ' ' + words[i + n];
      if (spaced.has(gram)) return true;
    }
    return false;
  };
  return {
    is(text) {
      if (text.length > PREFIX) return false;
      const w = wordsOf(text);
      if (w.words.length === 0) return false;
      if (w.words.length <= longest && firsts.has(w.words[0]) && spaced.has((w.joined ??= w.words.join(' ')))) return true;
      return w.unspaced && unspaced.length > 0 && unspaced.includes(w.words.join(''));
    },
    starts(text) {
      const { key, words, unspaced: cjk } = wordsOf(text.length > PREFIX ? text.slice(0, PREFIX) : text);
      if (words.length && at(words, 0)) return true;
      return cjk && unspaced.some((p) => key.startsWith(p));
    },
    has(text) {
      const { key, words, unspaced: cjk } = wordsOf(text);
      for (let i = 0; i < words.length; i++) if (at(words, i)) return true;
      return cjk && unspaced.some((p) => key.includes(p));
    },
  };
}
