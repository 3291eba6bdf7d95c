/**
 * Phrase lists: built-in wording for a kind of boilerplate plus the user's
 * own phrases (any language). A list compiles to one matcher; matching is
 * case-insensitive and works on whole words.
 */
import { comparable } from './text.js';

export type PhraseKind =
  | 'navigation'
  | 'related'
  | 'byline'
  | 'caption'
  | 'cta'
  | 'legal'
  | 'syndication';

export type PhraseLists = Partial<Record<PhraseKind, string[]>>;

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Punctuation that may trail a label: `Related:`, `More ›`, `Read more »`. */
const TRAILING = /[\s:：|»›>…\-–—.]+$/u;

// Every matcher compares the same line: keep the last lines' comparable forms.
const keys = new Map<string, string>();
function key(text: string): string {
  let k = keys.get(text);
  if (k === undefined) {
    if (keys.size > 256) keys.clear();
    k = comparable(text);
    keys.set(text, k);
  }
  return k;
}

export interface PhraseMatcher {
  /** The whole line is one of the phrases (trailing label punctuation ignored). */
  is(text: string): boolean;
  /** The line starts with one of the phrases, followed by a word boundary. */
  starts(text: string): boolean;
  /** One of the phrases occurs in the line as whole words. */
  has(text: string): boolean;
}

export function phraseMatcher(...lists: Array<readonly string[] | undefined>): PhraseMatcher {
  const phrases = lists.flatMap((l) => l ?? []).map((p) => comparable(p).replace(TRAILING, '')).filter(Boolean);
  const set = new Set(phrases);
  const longest = phrases.reduce((m, p) => Math.max(m, p.length), 0);
  if (phrases.length === 0) return { is: () => false, starts: () => false, has: () => false };
  // Longest first so that an alternation prefers `related stories` over `related`.
  // Scripts written without spaces (Han, Kana, Hangul, Thai) have no word
  // boundaries to check, so their phrases match anywhere.
  const sorted = [...set].sort((a, b) => b.length - a.length);
  const spaced = sorted.filter((p) => !UNSPACED.test(p)).map(escape).join('|') || '(?!)';
  const unspaced = sorted.filter((p) => UNSPACED.test(p)).map(escape).join('|') || '(?!)';
  const startRe = new RegExp(`^(?:(?:${spaced})(?![\\p{L}\\p{N}])|(?:${unspaced}))`, 'u');
  const hasRe = new RegExp(`(?<![\\p{L}\\p{N}])(?:${spaced})(?![\\p{L}\\p{N}])|(?:${unspaced})`, 'u');
  return {
    is: (text) => text.length <= longest + 8 && set.has(key(text).replace(TRAILING, '')),
    starts: (text) => startRe.test(key(text)),
    has: (text) => hasRe.test(key(text)),
  };
}
