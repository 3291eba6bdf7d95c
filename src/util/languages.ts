/**
 * Languages: stopword lists for 58 languages (stopwords-iso, a maintained
 * collection) and a cheap document-level guess of the language from them,
 * with scripts deciding for Chinese, Japanese, Korean and Thai.
 */
import { createRequire } from 'node:module';
// The phrase matchers' word hash (FNV-1a over UTF-16 units); the detector's loop computes it the same way.
import { FNV_OFFSET, FNV_PRIME, hashWord } from './phrases.js';

const require = createRequire(import.meta.url);
const LISTS = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;

const STOPWORDS = new Map<string, Set<string>>();
const LANGS: string[] = [];
/** word → indices (into LANGS) of the languages whose list holds it */
const WORD_LANGS = new Map<string, number[]>();
for (const [lang, words] of Object.entries(LISTS)) {
  STOPWORDS.set(lang, new Set(words));
  const index = LANGS.push(lang) - 1;
  for (const w of words) {
    const langs = WORD_LANGS.get(w);
    if (langs) langs.push(index);
    else WORD_LANGS.set(w, [index]);
  }
}

/** The stopword set of a language (ISO 639-1), or an empty set. */
export function stopwordsOf(lang: string): Set<string> {
  return STOPWORDS.get(lang) ?? EMPTY;
}
const EMPTY = new Set<string>();

/**
 * The same words in typed arrays the detector reads in place: it hashes each
 * word as it scans, probes an open-addressing table by that hash, compares
 * the word's characters and counts its languages, with no string made per
 * word. A slice and a look-up in a map of 19,000 strings per word were most
 * of its time, and between two documents the rest of the pipeline pushes a
 * table of scattered strings and arrays out of the cache: each look-up here
 * touches three arrays.
 *
 * SLOTS: per slot, a word's hash and its entry's index + 1 (0: empty).
 * ENTRIES: per entry, where its characters start in WORD_UNITS, its length,
 * where its languages start in ENTRY_LANG_LIST, and how many there are.
 */
const SLOT_MASK = (1 << 15) - 1;
const SLOTS = new Int32Array(2 << 15);
const ENTRIES = new Int32Array(4 * WORD_LANGS.size);
let unitCount = 0;
let langCount = 0;
for (const [word, langs] of WORD_LANGS) {
  unitCount += word.length;
  langCount += langs.length;
}
const WORD_UNITS = new Uint16Array(unitCount);
const ENTRY_LANG_LIST = new Uint8Array(langCount);
/** No stopword is longer: a longer word is not looked up. */
let LONGEST = 0;
{
  let entry = 0;
  let units = 0;
  let listed = 0;
  for (const [word, langs] of WORD_LANGS) {
    const h = hashWord(word);
    let slot = h & SLOT_MASK;
    while (SLOTS[2 * slot + 1] !== 0) slot = (slot + 1) & SLOT_MASK;
    SLOTS[2 * slot] = h;
    SLOTS[2 * slot + 1] = entry + 1;
    ENTRIES[4 * entry] = units;
    ENTRIES[4 * entry + 1] = word.length;
    ENTRIES[4 * entry + 2] = listed;
    ENTRIES[4 * entry + 3] = langs.length;
    for (let i = 0; i < word.length; i++) WORD_UNITS[units++] = word.charCodeAt(i);
    for (const l of langs) ENTRY_LANG_LIST[listed++] = l;
    LONGEST = Math.max(LONGEST, word.length);
    entry++;
  }
}

/** The entry of the stopword `text.slice(start, end)` (hashed `h`), or -1; no slice is made. */
function stopwordEntry(text: string, start: number, end: number, h: number): number {
  const length = end - start;
  if (length > LONGEST) return -1;
  for (let slot = h & SLOT_MASK; SLOTS[2 * slot + 1] !== 0; slot = (slot + 1) & SLOT_MASK) {
    if (SLOTS[2 * slot] !== h) continue;
    const entry = SLOTS[2 * slot + 1] - 1;
    if (ENTRIES[4 * entry + 1] !== length) continue;
    const from = ENTRIES[4 * entry];
    let i = 0;
    while (i < length && WORD_UNITS[from + i] === text.charCodeAt(start + i)) i++;
    if (i === length) return entry;
  }
  return -1;
}

/**
 * Letters and digits, cheaply: ASCII exactly, and beyond it everything but
 * the punctuation, symbol and space blocks. A Unicode-property regex costs
 * about ten times more here, and stopwords hold no punctuation anyway.
 */
export function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c <= 0xbf) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xfe30 && c <= 0xfe4f) return false;
  if (c >= 0xff00 && c <= 0xff0f) return false;
  return !(c >= 0xff1a && c <= 0xff20) && c !== 0xfeff;
}
/**
 * Guess a document's language (ISO 639-1) from at most its first
 * `maxChars` characters (64 K by default): the script for CJK and Thai,
 * else the stopword list with the most hits (ties go to the list hit
 * first). Returns `und` when nothing points anywhere.
 */
export function detectLanguage(text: string, maxWords = 5000, maxChars = 65536): string {
  // The sample is read in place: a loop over a string cut out of another (a slice) reads each character several times slower.
  const length = Math.min(text.length, maxChars);
  let kana = 0;
  let han = 0;
  let hangul = 0;
  let thai = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x0e00) continue;
    if (c <= 0x0e7f) thai++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff)) han++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
  }
  if ((kana + han + hangul + thai) * 4 > length) {
    if (hangul >= kana + han && hangul >= thai) return 'ko';
    if (thai > kana + han) return 'th';
    return kana * 10 > han ? 'ja' : 'zh';
  }
  // Counts per language in an array, and the order of first hits for ties.
  const hits = new Int32Array(LANGS.length);
  const order: number[] = [];
  const lower = (length < text.length ? text.slice(0, length) : text).toLowerCase();
  let n = 0;
  let start = -1;
  let h = FNV_OFFSET;
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length) {
      const c = lower.charCodeAt(i);
      if (isWordChar(c)) {
        if (start < 0) {
          start = i;
          h = FNV_OFFSET;
        }
        h = Math.imul(h ^ c, FNV_PRIME);
        continue;
      }
    }
    if (start < 0) continue;
    const entry = stopwordEntry(lower, start, i, h);
    start = -1;
    if (entry >= 0) {
      const first = ENTRIES[4 * entry + 2];
      const last = first + ENTRIES[4 * entry + 3];
      for (let j = first; j < last; j++) {
        const l = ENTRY_LANG_LIST[j];
        if (hits[l]++ === 0) order.push(l);
      }
    }
    if (++n >= maxWords) break;
  }
  let best = 'und';
  let top = 0;
  for (const l of order) if (hits[l] > top) [best, top] = [LANGS[l], hits[l]];
  return top >= 3 ? best : 'und';
}
