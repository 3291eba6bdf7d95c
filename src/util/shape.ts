/** Line shapes that several rules share. */
import { CJK_PHRASE, cjkCount, endsLikeSentence, endsWithOneOf, wordCount } from './text.js';

/** What joins names in a list: a comma or `and`. */
const NAME_JOINER = /,|\s(?:and|&|y|und|et|e)\s/u;
/** What separates the words of a list of names. */
const NAME_SEPARATOR = /[\s,]+/u;
/** A capitalised word of a name. */
const NAME_WORD = /^[\p{Lu}][\p{L}.'’-]*$/u;
/** A run of white space, ideographic space included. */
const SPACE_RUN = /[\s\u3000]+/;

const SEPARATORS = /[▪•|·»›◦]/g;
/** Prose has punctuation somewhere; a tag cloud or a menu run does not. */
const PUNCTUATION = /[.,;:!?。、，！？،]/u;

/**
 * A body line: 10+ words ending like a sentence (any script), or 25+ words
 * with some punctuation; not a run of links joined by separators
 * (`International ▪ Politique ▪ …`) nor a tag cloud.
 */
export function isBodyText(text: string, words = wordCount(text)): boolean {
  if (words < 10 || isCommaList(text, words)) return false;
  if (endsLikeSentence(text) || (words >= 25 && PUNCTUATION.test(text)) || isUnspacedProse(text)) return (text.match(SEPARATORS)?.length ?? 0) < 3;
  return false;
}

/** A list run on with commas (`KuroKitsune, Senpaku, jennyjenka, …`, tags): fewer than three words per item; prose has more between its commas. */
function isCommaList(text: string, words: number): boolean {
  // Counted by index, with no array of matches (a line may be megabytes of names).
  let commas = 0;
  for (let i = text.indexOf(', '); i >= 0; i = text.indexOf(', ', i + 2)) if (++commas * 3 > words) return true;
  return false;
}

/**
 * Chinese and Japanese prose may use spaces where other scripts put commas;
 * its runs between spaces stay long (CJK_PHRASE characters or more on
 * average), while a tag cloud's are short.
 */
function isUnspacedProse(text: string): boolean {
  const cjk = cjkCount(text);
  if (cjk < 30 || cjk * 2 < text.length) return false;
  const runs = text.split(SPACE_RUN).filter(Boolean);
  return cjk / runs.length >= CJK_PHRASE;
}

const CONNECTOR = /^(?:and|&|y|und|et|e|de|da|van|von|der|den|la|le|di|del|dos)$/i;
/**
 * A list of names: `VICTOR TANGERMANN, FUTURISM`, `Lisa Kaczke and Trevor J.
 * Mitchell Sioux Falls Argus Leader`, `Al Goldis, Associated Press`. Every
 * word is capitalised or a connector, and names are joined by `,` or `and`.
 */
export function isNameList(text: string): boolean {
  // The cheap tests first: most lines are no list, and need no array of words.
  if (endsWithOneOf(text, '.!?:') || !NAME_JOINER.test(text)) return false;
  const words = text.split(NAME_SEPARATOR).filter(Boolean);
  if (words.length < 2 || words.length > 14) return false;
  return words.every((w) => CONNECTOR.test(w) || NAME_WORD.test(w));
}
