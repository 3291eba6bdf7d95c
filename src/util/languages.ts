/**
 * Languages: stopword lists for 58 languages (stopwords-iso, a maintained
 * collection) and a cheap document-level guess of the language from them,
 * with scripts deciding for Chinese, Japanese, Korean and Thai.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const LISTS = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;

const STOPWORDS = new Map<string, Set<string>>();
/** word → the languages whose list holds it */
const WORD_LANGS = new Map<string, string[]>();
for (const [lang, words] of Object.entries(LISTS)) {
  STOPWORDS.set(lang, new Set(words));
  for (const w of words) {
    const langs = WORD_LANGS.get(w);
    if (langs) langs.push(lang);
    else WORD_LANGS.set(w, [lang]);
  }
}

/** The stopword set of a language (ISO 639-1), or an empty set. */
export function stopwordsOf(lang: string): Set<string> {
  return STOPWORDS.get(lang) ?? EMPTY;
}
const EMPTY = new Set<string>();

const WORD = /[\p{L}\p{N}]+/gu;
const KANA = /[\u3040-\u30ff]/g;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/g;
const HANGUL = /[\uac00-\ud7af]/g;
const THAI = /[\u0e00-\u0e7f]/g;

/**
 * Guess a document's language (ISO 639-1) from at most its first 64 KB:
 * the script for CJK and Thai, else the stopword list with the most hits.
 * Returns `und` when nothing points anywhere.
 */
export function detectLanguage(text: string): string {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  const kana = sample.match(KANA)?.length ?? 0;
  const han = sample.match(HAN)?.length ?? 0;
  const hangul = sample.match(HANGUL)?.length ?? 0;
  const thai = sample.match(THAI)?.length ?? 0;
  const letters = sample.length;
  if ((kana + han + hangul + thai) * 4 > letters) {
    if (hangul >= kana + han && hangul >= thai) return 'ko';
    if (thai > kana + han) return 'th';
    return kana * 10 > han ? 'ja' : 'zh';
  }
  const hits = new Map<string, number>();
  let n = 0;
  for (const m of sample.toLowerCase().matchAll(WORD)) {
    const langs = WORD_LANGS.get(m[0]);
    if (langs) for (const l of langs) hits.set(l, (hits.get(l) ?? 0) + 1);
    if (++n >= 5000) break;
  }
  let best = 'und';
  let top = 0;
  for (const [l, c] of hits) if (c > top) [best, top] = [l, c];
  return top >= 3 ? best : 'und';
}
