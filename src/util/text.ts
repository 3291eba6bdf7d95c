/** Small text helpers shared by the parser, the rules and the compiler. */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

/** Zero-width and bidi control characters: invisible, dropped from output. */
export const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/**
 * Spaces folded inside a line (CLEANING.md: spaces, tabs and NBSP), and the
 * CR / LF that decoding `&#10;`, `&#13;` or `&NewLine;` puts into a line: a
 * line break inside a paragraph would make it two lines on a second pass.
 */
const FOLDABLE = /[ \t\u00A0\r\n]+/g;


/** The characters of a line that need folding or dropping: tab, NBSP, the invisible ones. */
const FOLD_CHARS = String.raw`\t\u00A0\u200B-\u200D\u2060\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069`;
/** What in a line needs folding (anything but single ASCII spaces), line ends aside. */
const FOLD_IN_LINE = new RegExp(`[${FOLD_CHARS}]| {2}`);

/** True when `text` needs more than a trim to fold (line ends come from decoding `&#10;`). */
function needsFold(text: string): boolean {
  return FOLD_IN_LINE.test(text) || text.includes('\n') || text.includes('\r');
}

/** A character that makes a line need more than a trim to print (`toOutputText`): a `&` to decode, or white space to fold. */
const OUTPUT_WORK = new RegExp(`[&${FOLD_CHARS}]| {2}`, 'g');

/**
 * The first offset at or after `from` where `doc` holds such a character
 * (Infinity when none). A line without one prints as itself trimmed, so one
 * native scan of the document spares each line its own tests.
 */
export function nextOutputWork(doc: string, from: number): number {
  OUTPUT_WORK.lastIndex = from;
  const m = OUTPUT_WORK.exec(doc);
  return m === null ? Infinity : m.index;
}

/** Fold white space, drop invisible characters, trim. Entities stay as they are. */
export function normalizeSpace(text: string): string {
  // Most lines need nothing but a trim: skip the two replaces for them.
  if (!needsFold(text)) return text.trim();
  return text.replace(INVISIBLE, '').replace(FOLDABLE, ' ').trim();
}

const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/**
 * Decode complete character references (`&amp;`, `&#8217;`, `&#x27;`) in one
 * pass. Text that decoding produces is not decoded again, so `&amp;lt;`
 * becomes `&lt;` (one level per pass, as CLEANING.md documents).
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    const decoded = decodeNamedCharacterReference(body);
    return decoded === false ? whole : decoded;
  });
}

/**
 * Decode entities once, after dropping invisible characters: dropping them
 * after decoding could complete a reference (`&amp\u200b;` → `&amp;`) that a
 * second pass would decode.
 */
export function decodeVisible(text: string): string {
  return text.includes('&') ? decodeEntities(text.replace(INVISIBLE, '')) : text;
}

/** The text a kept line prints as: white space folded, entities decoded once. */
export function toOutputText(text: string): string {
  return normalizeSpace(decodeVisible(text));
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** `LETTER_OR_DIGIT` answered for blocks of 256 code points, each block filled the first time one of its code points is asked about. */
const letterOrDigitBlocks: Array<Uint8Array | undefined> = [];

/** A letter or digit of any script, by code point (ASCII without a regex, the rest from a table filled by the regex). */
export function isLetterOrDigit(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
  const block = cp >> 8;
  let table = letterOrDigitBlocks[block];
  if (table === undefined) {
    table = new Uint8Array(256);
    for (let i = 0; i < 256; i++) table[i] = LETTER_OR_DIGIT.test(String.fromCodePoint((block << 8) | i)) ? 1 : 0;
    letterOrDigitBlocks[block] = table;
  }
  return table[cp & 255] === 1;
}

const WORD = /[\p{L}\p{N}_]+/gu;
/** Tokens as the dev-set metric counts them (`\w+` in Python's Unicode sense). */
export function tokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Scripts written without spaces between words: Han, Kana, Hangul, Thai (by code point ranges). */
export function isUnspaced(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0x0e00 && c <= 0x0e7f) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) ||
    (c >= 0x31f0 && c <= 0x31ff) || (c >= 0xff66 && c <= 0xff9f) || (c >= 0xd840 && c <= 0xd87f) // high surrogates of Han extensions
  );
}

/** Han and kana, and the full-width punctuation of Chinese and Japanese: scripts that put no spaces between words, nor (unlike Korean) between phrases as a rule. */
export function isHanKana(c: number): boolean {
  return (c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
}

/** Chinese and Japanese prose spaced like commas runs this many characters or more between spaces, on average; a menu item or a tag runs fewer. */
export const CJK_PHRASE = 8;

/** Number of CJK (and Thai) characters: these scripts write words without spaces. */
export function cjkCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isUnspaced(text.charCodeAt(i))) n++;
  return n;
}

/**
 * A length in "words" that is fair across scripts: white-space separated
 * words, where a run of CJK characters counts one word per two characters.
 * One pass over char codes: it runs several times per line.
 */
export function wordCount(text: string): number {
  let words = 0;
  let cjk = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWordSpace(c)) inWord = false;
    else {
      if (!inWord) {
        inWord = true;
        words++;
      }
      if (c >= 0x0e00 && isUnspaced(c)) cjk++;
    }
  }
  return fairWordCount(words, cjk);
}

/** `\s` of a regex: ASCII white space, NBSP, U+1680, U+2000-U+200A, the line and paragraph separators, U+202F, U+205F, U+3000, BOM. */
export function isRegexSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const ANY_LETTER = /\p{L}/u;
/** The text holds a letter, in any script. */
export function hasLetter(text: string): boolean {
  return ANY_LETTER.test(text);
}

/** The white space `wordCount` separates words at. */
function isWordSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000;
}

/** `wordCount` from its two counts: white-space words, or one word per two CJK characters if that is more. */
export function fairWordCount(words: number, cjk: number): number {
  return cjk > 0 ? Math.max(words, Math.round(cjk / 2)) : words;
}

/**
 * Ends like a sentence, in any script, optionally followed by closing quotes
 * or brackets, or by a short credit in brackets (`… said. (Reuters)`), which
 * a later rule cuts: the line must read the same before and after that cut.
 */
export const TERMINAL = /[.!?…。！？؟।॥۔።]["'”’»)\]）」』]*(?: ?[(（][^()（）]{1,30}[)）])?$|["”»」』]$/u;

/**
 * `/[…]$/` without its scan: the text's last UTF-16 unit is one of `chars`
 * (characters of the BMP). A regex ending in `$` tries every position of the
 * line; this looks at one.
 */
export function endsWithOneOf(text: string, chars: string): boolean {
  return text.length > 0 && chars.includes(text.charAt(text.length - 1));
}

/** `/[<marks>]["'”’»)\]）」』]*$/`: one of `marks`, then closing quotes and brackets only, at the end. */
export function endsWithMark(text: string, marks: string): boolean {
  let i = text.length;
  while (i > 0 && isCloser(text.charCodeAt(i - 1))) i--;
  return i > 0 && marks.includes(text.charAt(i - 1));
}

/** `TERMINAL` read backwards from the line's end (a regex ending in `$` tries every sentence mark of the line in turn). */
export function endsLikeSentence(text: string): boolean {
  const end = text.length;
  if (end === 0) return false;
  const last = text.charCodeAt(end - 1);
  if (last === 0x22 || last === 0x201d || last === 0xbb || last === 0x300d || last === 0x300f) return true;
  if (last === 0x29 || last === 0xff09) {
    const open = creditBracketStart(text, end - 1);
    // ` (Reuters)`: the mark comes before the bracket and the one space the bracket may take.
    if (open >= 0 && marksEnd(text, open > 0 && text.charCodeAt(open - 1) === 32 ? open - 1 : open)) return true;
  }
  return marksEnd(text, end);
}

/** The index of the `(` that opens a bracket of 1 to 30 code points without brackets, closed at `close`; -1 if none. */
function creditBracketStart(text: string, close: number): number {
  let points = 0;
  for (let i = close - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) return points >= 1 ? i : -1;
    if (c === 0x29 || c === 0xff09) return -1;
    // A surrogate pair is one code point.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))) i--;
    if (++points > 30) return -1;
  }
  return -1;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** `text` up to `end` is a sentence mark followed by closing quotes and brackets only. */
function marksEnd(text: string, end: number): boolean {
  let i = end;
  while (i > 0 && isCloser(text.charCodeAt(i - 1))) i--;
  return i > 0 && isSentenceMark(text.charCodeAt(i - 1));
}

function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x29 || c === 0x5d || c === 0xff09 || c === 0x300d || c === 0x300f;
}

function isSentenceMark(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x61f || c === 0x964 || c === 0x965 || c === 0x6d4 || c === 0x1362;
}

const QUOTES = /[‘’‚‛′`´“”„‟″«»]/;
/** The single and the double quote marks `comparable` unifies (global: `replace` starts from 0 whatever the last call left). */
const SINGLE_QUOTES = /[‘’‚‛′`´]/g;
const DOUBLE_QUOTES = /[“”„‟″«»]/g;
/**
 * Lower-case and unify quote marks: for comparing lines. Its input is a
 * line's folded text (`normalizeSpace`), so white space needs no more work.
 */
export function comparable(text: string): string {
  const out = text.toLowerCase();
  return QUOTES.test(out) ? out.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"') : out;
}

/** Share of letters that are upper case (0 when the text has no cased letters). */
export function upperShare(text: string): number {
  let upper = 0;
  let cased = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const k = caseOf(cp);
    if (k !== UNCASED) {
      cased++;
      if (k === UPPER) upper++;
    }
  }
  return cased ? upper / cased : 0;
}

const LOWER_START = /^\p{Ll}/u;
/** The text opens with a lower-case letter: prose going on, not a heading or a menu item. */
export function startsLowerCase(text: string): boolean {
  return LOWER_START.test(text);
}

export const UNCASED = 0;
export const LOWER = 1;
export const UPPER = 2;

/** Characters without case that lines are full of (quotes, dashes, symbols, CJK, Hangul): no case mapping to try. */
function isUncased(c: number): boolean {
  return (c < 0xc0 && c !== 0xb5) || (c >= 0x2000 && c <= 0x20ff) || (c >= 0x2190 && c <= 0x23ff) || (c >= 0x2500 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xff00 && c <= 0xff20);
}

/** The case of a code point: a letter with an upper- and a lower-case form is cased (ASCII without a string, most others ruled out by range). */
export function caseOf(cp: number): typeof UNCASED | typeof LOWER | typeof UPPER {
  if (cp < 128) return cp >= 65 && cp <= 90 ? UPPER : cp >= 97 && cp <= 122 ? LOWER : UNCASED;
  if (isUncased(cp)) return UNCASED;
  const ch = String.fromCodePoint(cp);
  const up = ch.toUpperCase();
  return ch.toLowerCase() === up ? UNCASED : ch === up ? UPPER : LOWER;
}

/** For `outputTextMap`: one UTF-16 unit is INVISIBLE, is FOLDABLE, or is trim's white space (JS `\s`). */
const isInvisible = (unit: string): boolean => unit.replace(INVISIBLE, '') === '';
const isFoldable = (unit: string): boolean => unit.replace(FOLDABLE, ' ') === ' ';
const TRIMMED = /\s/;

/**
 * `toOutputText(raw)` with, for each UTF-16 unit of the result, the span of
 * `raw` it came from (`start[i]`, `end[i]`), so that a span of a line's
 * output text can be mapped back onto the input. A decoded reference maps
 * every unit it gives to the whole reference; a folded run of white space
 * maps to the whole run. Returns undefined if the replay does not give
 * `toOutputText(raw)` exactly (the caller then cannot map).
 */
export function outputTextMap(raw: string): { start: number[]; end: number[] } | undefined {
  let units: string[] = [];
  let start: number[] = [];
  let end: number[] = [];
  const push = (s: string, a: number, b: number) => {
    units.push(s);
    start.push(a);
    end.push(b);
  };
  if (raw.includes('&')) {
    // As decodeVisible: drop invisible characters, then decode references once.
    const visible: number[] = [];
    let stripped = '';
    for (let i = 0; i < raw.length; i++) {
      if (isInvisible(raw[i])) continue;
      stripped += raw[i];
      visible.push(i);
    }
    visible.push(raw.length);
    let last = 0;
    for (const m of stripped.matchAll(ENTITY)) {
      const at = m.index;
      const decoded = decodeEntities(m[0]);
      for (let i = last; i < at; i++) push(stripped[i], visible[i], visible[i] + 1);
      if (decoded === m[0]) for (let i = at; i < at + m[0].length; i++) push(stripped[i], visible[i], visible[i] + 1);
      else for (const u of decoded.split('')) push(u, visible[at], visible[at + m[0].length - 1] + 1);
      last = at + m[0].length;
    }
    for (let i = last; i < stripped.length; i++) push(stripped[i], visible[i], visible[i] + 1);
  } else {
    for (let i = 0; i < raw.length; i++) push(raw[i], i, i + 1);
  }
  // As normalizeSpace: drop invisible characters and fold white space only when the line needs it, then trim.
  if (needsFold(units.join(''))) {
    const u2: string[] = [];
    const s2: number[] = [];
    const e2: number[] = [];
    for (let i = 0; i < units.length; i++) {
      if (isInvisible(units[i])) continue;
      // Every space kept so far stands for a run of foldable characters: a foldable one extends it.
      if (isFoldable(units[i]) && u2.length && u2[u2.length - 1] === ' ') {
        e2[e2.length - 1] = end[i];
        continue;
      }
      u2.push(isFoldable(units[i]) ? ' ' : units[i]);
      s2.push(start[i]);
      e2.push(end[i]);
    }
    units = u2;
    start = s2;
    end = e2;
  }
  let a = 0;
  let b = units.length;
  while (a < b && TRIMMED.test(units[a])) a++;
  while (b > a && TRIMMED.test(units[b - 1])) b--;
  const result = { start: start.slice(a, b), end: end.slice(a, b) };
  return units.slice(a, b).join('') === toOutputText(raw) ? result : undefined;
}
