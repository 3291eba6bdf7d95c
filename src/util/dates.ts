/**
 * Recognise lines that are only a date and/or time, in many languages:
 * `Sun. Feb 25th, 2024`, `Friday, 12 Jan 2024`, `10:02 AM EST Nov 19, 2019`,
 * `30. Juli 2018`, `2018-10-09`, `19 ноября 2019`, `2024年1月5日`.
 */
import { FNV_OFFSET, FNV_PRIME, hashWord } from './phrases.js';
import { isRegexSpace } from './text.js';

/** What `isDateOnly` splits a line's parts at. */
const DATE_PART_SEPARATOR = /[\s,.:/\-–—|•·()]+/u;
/** Any digit. */
const ANY_DIGIT = /\d/;
/** A clock time: `10:02`, `18.30`. */
const CLOCK_TIME = /\b\d{1,2}[:.]\d{2}\b/;
/** A date in numbers: `2019-11-19`, `19.11.2019`, `2019年`. */
const NUMERIC_DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\d{4}\s*年/;

export const MONTHS = [
  // en
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  // de
  'januar', 'jänner', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember', 'okt', 'dez',
  // fr
  'janvier', 'février', 'mars', 'avril', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre', 'janv', 'févr', 'avr', 'juil', 'déc',
  // es / pt / it
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre',
  'janeiro', 'fevereiro', 'março', 'maio', 'junho', 'julho', 'setembro', 'outubro', 'novembro', 'dezembro',
  'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre', 'ene', 'abr', 'ago', 'dic', 'set', 'out', 'dez', 'fev',
  // nl / id
  'januari', 'februari', 'maart', 'mei', 'augustus', 'desember', 'agustus', 'oktober', 'pebruari', 'nopember',
  // ru (nominative and genitive)
  'январь', 'января', 'февраль', 'февраля', 'март', 'марта', 'апрель', 'апреля', 'май', 'мая', 'июнь', 'июня', 'июль', 'июля',
  'август', 'августа', 'сентябрь', 'сентября', 'октябрь', 'октября', 'ноябрь', 'ноября', 'декабрь', 'декабря',
];
const WEEKDAYS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo',
  'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'feira',
  'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica',
  'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье',
];
const TIME_WORDS = ['am', 'pm', 'a.m', 'p.m', 'est', 'edt', 'cst', 'cdt', 'pst', 'pdt', 'gmt', 'utc', 'bst', 'cet', 'cest', 'ist', 'kst', 'jst', 'msk', 'et', 'pt', 'hrs', 'h', 'uhr'];
const GLUE = ['at', 'on', 'the', 'of', 'de', 'del', 'do', 'da', 'di', 'le', 'um', 'am', 'à', 'a', 'г', 'года', 'в', 'y', 'e', 'et', 'und', 'and', 'updated', 'published'];

export const WORDS = new Set([...MONTHS, ...WEEKDAYS, ...TIME_WORDS, ...GLUE]);
/** FNV-1a hashes of WORDS (as `hashWord` makes them): a first part whose hash is none of these is no word of a date, and is never cut out of its line. */
const WORD_HASHES = new Set([...WORDS].map(hashWord));
const MONTH_SET = new Set(MONTHS);
const NUMBER_TOKEN = /^\d{1,4}(?:st|nd|rd|th|er|e|º|ª|\.|am|pm|h)?$/;
/** The longest word of WORDS: a longer first part rules a line out without a look-up. */
const LONGEST_WORD = Math.max(...[...WORDS].map((w) => w.length));
const CJK_DATE = /^\d{2,4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:\s*[（(][^）)]{1,3}[）)])?(?:\s*\d{1,2}[:：]\d{2})?$/u;

/** Where the first part of a line ends, as `isDateOnly` splits it (at `\s , . : / - – — | • · ( )`). */
function firstPartEnd(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isRegexSpace(c) || c === 44 || c === 46 || c === 58 || c === 47 || c === 45 || c === 0x2013 || c === 0x2014 || c === 124 || c === 0x2022 || c === 0xb7 || c === 40 || c === 41) return i;
  }
  return text.length;
}

/**
 * `text.slice(0, end).toLowerCase()` may be one of WORDS: its hash, with
 * ASCII capitals lowered as it goes, is one of theirs. A first part beyond
 * ASCII is not hashed (lower-casing it may change its length) and may be.
 */
export function mayBeWord(text: string, end: number): boolean {
  let h = FNV_OFFSET;
  for (let i = 0; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return true;
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return WORD_HASHES.has(h);
}

/** True when the line holds a date or time and nothing else. */
export function isDateOnly(text: string): boolean {
  if (text.length > 60 || !ANY_DIGIT.test(text)) return false;
  if (text.includes('年') && CJK_DATE.test(text)) return true;
  // Most lines fail on their first word: test it before splitting the whole line.
  const end = firstPartEnd(text);
  if (end > 0) {
    const c = text.charCodeAt(0);
    const digit = c >= 48 && c <= 57;
    if (!digit && (end > LONGEST_WORD || !mayBeWord(text, end))) return false;
    const first = text.slice(0, end).toLowerCase();
    if (digit ? !NUMBER_TOKEN.test(first) : !WORDS.has(first)) return false;
  }
  const parts = text.toLowerCase().split(DATE_PART_SEPARATOR).filter(Boolean);
  if (parts.length === 0) return false;
  let numbers = 0;
  let named = 0;
  for (const p of parts) {
    if (NUMBER_TOKEN.test(p)) numbers++;
    else if (WORDS.has(p)) named++;
    else return false;
  }
  // `2024` alone is a number, not a date; a date has two parts at least.
  return numbers >= 1 && numbers + named >= 2;
}

/** Starts with a date or time, e.g. `Published 10:02 AM EST Nov 19, 2019` minus the label. */
export function hasDate(text: string): boolean {
  return CLOCK_TIME.test(text) || hasCalendarDate(text);
}

/** Holds a day's date (not only a time): `Nov 19, 2019`, `2019-11-19`, `19.11.2019`, `2019年`. */
export function hasCalendarDate(text: string): boolean {
  return NUMERIC_DATE.test(text) || (ANY_DIGIT.test(text) && namesMonth(text.toLowerCase()));
}

/** Runs of three letters or more: each whole run of letters that could be a month's name. */
const LETTER_RUN = /\p{L}{3,}/gu;

/** A run of letters of the lower-cased text is a month's name (read run by run, with no array of words). */
function namesMonth(lower: string): boolean {
  LETTER_RUN.lastIndex = 0;
  for (let m = LETTER_RUN.exec(lower); m; m = LETTER_RUN.exec(lower)) if (MONTH_SET.has(m[0])) return true;
  return false;
}
