/**
 * Rule `captions-credits`: removes media captions and photo credits.
 *
 * Why: a caption describes a picture the text reader cannot see; it often
 * repeats the article and carries credit strings (`KCNA via REUTERS/File
 * Photo`) that are not prose.
 *
 * What counts:
 * - a line opened by a photo label: `FILE PHOTO:`, `Photo:`, `Foto:`,
 *   `Credit:`, `Above:`, `Pictured:`, `(Bild: …)`;
 * - the next line after a media label alone on a line (`Open full screen`,
 *   `Open in mode full screen`, `Photo:`), and the label itself;
 * - a credit line (`AP Photo/Jane Doe`, `Getty Images`, `Jose Luis Magana/AP`)
 *   and a line ending in a bare agency credit after a sentence (`… briefing. AFP-Yonhap`);
 * - a short line directly above a credit line (the caption the credit belongs to);
 * - every copy of a caption (copies may differ in quote marks).
 *
 * @example
 *   in:  `FILE PHOTO: North Korean leader Kim Jong Un meets … KCNA via REUTERS/File Photo`
 *   out: (line removed)
 * @example
 *   in:  `Open full screen` / `John Kirby … addresses journalists …`
 *   out: (both removed)
 */
import type { LineNode, LineRoot } from '../util/tree.js';
import { isKept, removeLine, lineKey, lineWords } from '../util/tree.js';
import { phraseMatcher } from '../util/phrases.js';

/** A label of up to three short words and its colon: `Photo:`, `(Bild:`. */
const SHORT_LABEL = /^[(\[]?[^\s:：]{1,20}(?:\s[^\s:：]{1,20}){0,2}\s*[:：]/u;

export const ruleId = 'captions-credits';

/** Labels that open a caption or a credit. */
export const CAPTION_LABELS = [
  'file photo', 'photo', 'photos', 'photograph', 'image', 'picture', 'pic', 'credit', 'credits', 'photo credit', 'image credit', 'image source',
  'caption', 'above', 'pictured', 'top', 'main image', 'foto', 'fotos', 'bild', 'bilder', 'bildquelle', 'quelle', 'crédit', 'crédito', 'créditos',
  'фото', 'фотография', 'источник фото', '사진', '写真', '图', '图片', '圖', 'gambar', 'sumber foto', 'video', 'vídeo', 'watch', 'watch this', 'now playing',
  'reproduciendo', 'mira esto', 'lecture en cours', 'jetzt läuft',
];
/** Media labels alone on a line; the next line is their caption. */
export const MEDIA_LABELS = [
  'open full screen', 'open in mode full screen', 'full screen', 'fullscreen', 'open gallery', 'view gallery', 'enlarge this image', 'enlarge image',
  'expand image', 'zoom', 'replay', 'play video', 'watch video', 'play', 'photo', 'image', 'foto', 'bild', 'фото', 'vergrößern', 'ampliar', 'agrandir', 'ingrandisci', 'увеличить',
];
/** Wire agencies and photo sources that credit a picture, as credits spell them. */
export const AGENCIES = [
  'AP', 'AFP', 'EPA', 'Associated Press', 'The Associated Press', 'EPA-EFE', 'Reuters', 'REUTERS', 'Getty Images', 'Getty', 'Shutterstock', 'iStock',
  'iStockphoto', 'Yonhap', 'Xinhua', 'Bloomberg', 'Alamy', 'dpa', 'DPA', 'KCNA', 'ANSA', 'TASS', 'PA', 'PA Wire', 'Sipa', 'NurPhoto', 'Anadolu',
  'WireImage', 'SOPA Images', 'LightRocket', 'Instagram', 'Twitter', 'Facebook', 'YouTube',
];
const AGENCY = `(?:${AGENCIES.join('|')})`;
/** Words a credit line may add after its agency (`Reuters Pictures`, `AP File Photo`). */
const CREDIT_SUFFIXES = ['Photo', 'Images', 'Pictures', 'Creative', 'Wire', 'Pool', 'File Photo', 'via Getty Images'];
/** Words a sentence's closing credit may add after its agency (`AP file photo`). */
const CLOSING_SUFFIXES = ['file', 'File', 'photo', 'Photo', 'archive', 'Archive', 'pool', 'Pool'];

/** The phrases' last words, by their last character: which words a line may end with, in a look or two. */
function lastWordsByChar(phrases: string[]): Map<number, string[]> {
  const table = new Map<number, string[]>();
  for (const phrase of phrases) {
    const word = phrase.split(/[\s-]/).pop()!;
    const c = word.charCodeAt(word.length - 1);
    const words = table.get(c) ?? [];
    if (!words.includes(word)) words.push(word);
    table.set(c, words);
  }
  return table;
}
/** True when `text` up to `end` ends with one of the table's words. */
function endsWithWordOf(text: string, end: number, table: Map<number, string[]>): boolean {
  const words = table.get(text.charCodeAt(end - 1));
  if (words === undefined) return false;
  for (const word of words) if (text.endsWith(word, end)) return true;
  return false;
}
/** `end` without one closing bracket of `brackets` (`)` or `)]`) at the end of `text`. */
function beforeBracket(text: string, brackets: string): number {
  const end = text.length;
  return end > 0 && brackets.includes(text.charAt(end - 1)) ? end - 1 : end;
}
/**
 * A whole line that is only a credit. The name after a `/` neither starts nor
 * ends with a space, so the spaces around it belong to `\s*` alone: a space
 * that either could take made `AP/ DPA/ DPA/ …` backtrack exponentially.
 */
const CREDIT_ONLY = new RegExp(
  String.raw`^[(\[]?(?:(?:photo|image|picture|credit|foto|bild|фото)s?\s*(?:by|credit|:|：|\/|-)?\s*)?` +
    String.raw`(?:[\p{Lu}][\p{L}.'’-]*,?\s+){0,4}(?:via\s+)?(?:[\p{Lu}][\p{L}.'’-]*\s*\/\s*)?${AGENCY}` +
    String.raw`(?:\s*(?:${CREDIT_SUFFIXES.join('|')}|\/\s*[\p{L}.'’-](?:[\p{L}.'’ -]{0,38}[\p{L}.'’-])?))*[)\]]?$`,
  'u',
);
/**
 * A sentence that ends in a bare credit: `… the briefing. AFP-Yonhap`. The
 * name after `-` or `/` ends in a letter, so it never competes with `\s+`
 * for a run of spaces (quadratic); the same goes for the first character
 * after the labels of INLINE_CREDIT and LABELLED_CREDIT below.
 */
/** A wire credit in brackets closing a line (`…(Yonhap)`): syndication-wrappers cuts it later. */
const BRACKET_CREDIT = / ?[(（][^()（）]{1,30}[)）]$/u;
const ENDS_WITH_CREDIT = new RegExp(
  String.raw`[.!?"”'’)]\s*(?:[\p{Lu}][\p{L}.'’-]*\s+){0,4}(?:\/\s*)?(?:via\s+)?${AGENCY}(?:[-\/][\p{L} ]{0,29}\p{L})?(?:\s+(?:[Ff]ile|[Ff]ile [Pp]hoto|[Aa]rchive|[Pp]ool))?\)?$`,
  'u',
);
/**
 * First looks for the two credit patterns above, true for every line they
 * match (tests/fast-paths.test.ts): CREDIT_ONLY's line ends, but for one
 * closing bracket, in an agency or one of its suffix words, or holds a `/`
 * (a name after it may end in any letter); ENDS_WITH_CREDIT's ends in an
 * agency or a suffix word, or in a name of up to 30 letters after `-` or
 * `/`. Most lines end otherwise and skip the patterns' backtracking over up
 * to four capitalised names.
 */
const CREDIT_ONLY_ENDS = lastWordsByChar([...AGENCIES, ...CREDIT_SUFFIXES]);
const CLOSING_CREDIT_ENDS = lastWordsByChar([...AGENCIES, ...CLOSING_SUFFIXES]);
export function mayBeCreditOnly(text: string): boolean {
  return text.includes('/') || endsWithWordOf(text, beforeBracket(text, ')]'), CREDIT_ONLY_ENDS);
}
export function mayEndWithCredit(text: string): boolean {
  const end = beforeBracket(text, ')');
  if (endsWithWordOf(text, end, CLOSING_CREDIT_ENDS)) return true;
  // Thirty letters of two UTF-16 units each at most, then the name's last letter.
  for (let i = end - 2; i >= 0 && i >= end - 62; i--) {
    const c = text.charCodeAt(i);
    if (c === 45 || c === 47) return true;
  }
  return false;
}
export { CREDIT_ONLY, ENDS_WITH_CREDIT };
/**
 * The two sentence-end patterns above try a match at every punctuation mark;
 * their credit word always sits near the line's end, so a cheap look at the
 * last 200 characters rules most lines out first.
 */
const AGENCY_NEAR_END = new RegExp(AGENCY, 'u');
const PHOTO_WORD_NEAR_END = /photo|image|picture|video/i;
const TAIL = 200;
function tailOf(text: string): string {
  return text.length > TAIL ? text.slice(-TAIL) : text;
}
/** A caption: a sentence ending in an agency credit or in `Photograph by …`. */
function endsWithCredit(text: string): boolean {
  // Both patterns end in a letter, a bracket or a word that is no full stop: a sentence's own end rules the line out.
  const last = text.charCodeAt(text.length - 1);
  if (last === 46 || last === 33 || last === 63) return false;
  return (mayEndWithCredit(text) && AGENCY_NEAR_END.test(tailOf(text)) && ENDS_WITH_CREDIT.test(text)) || (PHOTO_WORD_NEAR_END.test(tailOf(text)) && ENDS_WITH_PHOTO_BY.test(text));
}

/** A sentence followed by `Photograph by …`. */
const ENDS_WITH_PHOTO_BY = /[.!?"”'’]\s+(?:photo|photograph|image|picture|video)s?\s+(?:by|courtesy of|credit|:)\s[^.!?]{1,60}$/iu;
/** A credit that is only a social-media handle: `@paulinaporizkov`. */
const HANDLE_ONLY = /^@[\p{L}\p{N}_.]{2,40}$/u;
/** Gallery controls: `View all (4)`, `View gallery`, `3 / 12`, `Photo 2 of 9`. */
const GALLERY = /^(?:(?:view|see|open|show)\s+(?:all|gallery|photos?|images?|slideshow|more photos)(?:\s*\(\d+\))?|(?:photo|image|bild|foto|фото)?\s*\d{1,3}\s*(?:\/|of|von|de|из)\s*\d{1,3})$/iu;
/** A caption with an inline credit label at its end: `A man walks past …  Credit: Reuters`. */
const INLINE_CREDIT = /\s[(\[]?(?:credit|source|photo|photograph|picture|image|bild|foto|quelle|fuente|fonte|crédito|crédit|фото|источник)s?\s*:\s*[^.!?:()\s][^.!?:()]{0,79}[)\]]?$/iu;
/** `Photo by Jane Doe on Unsplash`, `Foto: LA NACION`, `(Bild: Hersteller)`. */
const LABELLED_CREDIT = /^[(\[]?(?:photo|image|picture|credit|foto|bild|фото|crédito|crédit|source)s?\s*(?:by|credit|:|：)\s*[^.!?\s][^.!?]{0,79}[)\]]?$/iu;

export interface CaptionsCreditsOptions {
  /** More caption or credit labels, any language. */
  phrases?: string[];
}

export default function captionsCredits(options: CaptionsCreditsOptions = {}) {
  const labels = phraseMatcher(CAPTION_LABELS, options.phrases);
  const media = phraseMatcher(MEDIA_LABELS);
  return (tree: LineRoot): void => {
    const lines = tree.children;
    const captions: string[] = [];
    const mark = (node: LineNode, reason: string) => {
      if (!isKept(node)) return;
      removeLine(node, ruleId, reason);
      captions.push(lineKey(node));
    };
    const isCredit = (text: string) =>
      text.length <= 120 && ((mayBeCreditOnly(text) && CREDIT_ONLY.test(text)) || LABELLED_CREDIT.test(text));
    for (let i = 0; i < lines.length; i++) {
      const node = lines[i];
      if (!isKept(node)) continue;
      const text = node.data.text;
      if (media.is(node)) {
        removeLine(node, ruleId, 'media label');
        const next = lines[i + 1];
        const prev = lines[i - 1];
        if (next && isKept(next) && (isCredit(next.data.text) || HANDLE_ONLY.test(next.data.text))) {
          // `caption` / `Фото` / `@credit`: the label sits between a caption and its credit.
          mark(next, 'photo credit');
          if (prev && isKept(prev) && lineWords(prev) <= 30 && prev.data.role === undefined) mark(prev, 'caption above a media label');
        } else if (next && isKept(next)) mark(next, 'caption under a media label');
        i++;
        continue;
      }
      const credit = isCredit(text);
      if (!credit && labels.starts(node) && SHORT_LABEL.test(text)) {
        mark(node, 'caption or credit label');
      } else if (GALLERY.test(text)) {
        mark(node, 'gallery control');
      } else if (!credit && text.length <= 600 && text.includes(':') && lineWords(node) >= 4 && INLINE_CREDIT.test(text)) {
        mark(node, 'caption with a credit');
      } else if (credit) {
        mark(node, 'photo credit');
        // The caption a credit belongs to sits directly above it.
        const prev = lines[i - 1];
        const words = prev ? lineWords(prev) : 0;
        if (prev && isKept(prev) && (prev.data.blankAfter ? words <= 15 : words <= 40) && prev.data.role === undefined) {
          mark(prev, 'caption above a photo credit');
        }
      } else if (text.length <= 600 && (endsWithCredit(text) || (text.endsWith(')') && endsWithCredit(text.replace(BRACKET_CREDIT, ''))))) {
        mark(node, 'caption ending in a photo credit');
      }
    }
    if (captions.length === 0) return;
    const seen = new Set(captions);
    for (let i = 0; i < lines.length; i++) {
      const node = lines[i];
      if (isKept(node) && node.data.text.length > 30 && seen.has(lineKey(node))) {
        removeLine(node, ruleId, 'copy of a caption');
      }
    }
  };
}
