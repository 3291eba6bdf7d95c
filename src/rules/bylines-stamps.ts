/**
 * Rule `bylines-stamps`: removes bylines and agency names alone on a line,
 * and date / time stamps.
 *
 * Why: a byline or a stamp is page furniture around the article, not text
 * of it; a corpus that keeps them learns `Published : 5 Jan 2024` as prose.
 *
 * Recognised by shape in any language: a short line that starts with a
 * byline word (`By`, `Von`, `Por`, `Par`, `Текст:` …) or names a wire
 * agency and nothing else; a short line that starts with a stamp label
 * (`Published`, `Updated`, `Aktualisiert` …) and holds a date; a line that
 * is only a date or time; a reading time; a short line with an `@handle`
 * and a relative time. Add your own labels with the `byline` phrase list.
 *
 * @example
 *   in:  `Reuters` / `Published : 5 Jan 2024, 03:27 AM` / `By admin`
 *   out: (all three removed)
 */
import type { LineRoot } from '../util/tree.js';
import { isKept, removeLine, lineWords } from '../util/tree.js';
import { hasDate, isDateOnly } from '../util/dates.js';
import { CharFacts, lineChars, phraseMatcher } from '../util/phrases.js';
import { endsWithOneOf } from '../util/text.js';

/** `By ` before a name. */
const BY_PREFIX = /^by\s/i;

export const ruleId = 'bylines-stamps';

/** Words that open a byline. */
export const BYLINE_WORDS = [
  'by', 'posted by', 'written by', 'words by', 'story by', 'reported by', 'text by', 'author', 'authors',
  'von', 'autor', 'autorin', 'por', 'par', 'di', 'door', 'av', 'oleh', 'text', 'texto', 'testo', 'texte',
  'текст', 'автор', 'редакция', '文', '記者', '作者', '기자', 'posted on', 'publicado por', 'publié par', 'escrito por',
];
/** Labels that open a time stamp. */
export const STAMP_WORDS = [
  'published', 'updated', 'posted', 'last updated', 'last modified', 'modified', 'first published', 'created', 'date',
  'veröffentlicht', 'aktualisiert', 'publiziert', 'stand', 'publicado', 'actualizado', 'atualizado', 'publié', 'mis à jour',
  'pubblicato', 'aggiornato', 'опубликовано', 'обновлено', 'дата', 'diterbitkan', 'diperbarui', '发布时间', '更新', '公開日', '更新日', '입력', '수정', '기사입력', '등록', '발행',
];
/** Wire agencies and other sources that stand alone on a line as a byline. */
export const AGENCIES = [
  'reuters', 'thomson reuters', 'afp', 'agence france-presse', 'agence france presse', 'ap', 'associated press', 'the associated press',
  'yonhap', 'xinhua', 'kuna', 'dpa', 'efe', 'ansa', 'tass', 'ria novosti', 'interfax', 'bloomberg', 'pti', 'ians', 'ani', 'upi',
  'kyodo', 'jiji', 'bernama', 'antara', 'apa', 'sda', 'ats', 'europa press', 'lusa', 'agência brasil', 'nexinhua', 'cnn wire', 'staff', 'admin',
];

export interface BylinesStampsOptions {
  /** More byline or stamp labels, any language. */
  phrases?: string[];
}

/** `Write to Al Root at allen.root@dowjones.com`, `Contact the author: …`. */
const CONTACT = /^(?:write to|contact|email|e-mail|reach|follow)\b[^@]{0,80}@\S+$|^[^\s@]{1,40}@[^\s@]{1,40}\.[a-z]{2,10}$/iu;
/** `Le Monde | 04.05.2015 à 13h36 • Mis à jour … | Par Martin Untersinger`. */
const INNER_BYLINE = /(?:^|[|•·]\s*)(?:by|par|por|von|di|door|av|oleh|posted by|written by)\s+\p{Lu}/iu;
const HANDLE = /(?:^|\s)@[A-Za-z0-9_]{2,30}\b/;
const RELATIVE_TIME = /\b\d+\s*(?:min|mins|minutes?|hours?|hrs?|h|days?|weeks?|months?|years?)(?:\s+ago)?\b/i;
/** `Oct 15, 2015 · 18 min read`: a reading time anywhere in a short line. */
const MIN_READ = /\b\d+\s*min(?:ute)?s?\.?\s+(?:read|lesen|lectura|leitura|lecture|lettura)\b/i;
// `\s*(?:[:：]\s*)?\d.*`, not `\s*[:：]?\s*\d+.*`: overlapping quantifiers backtrack quadratically.
const READING_TIME = /^(?:\d+\s*(?:-\s*\d+\s*)?(?:min(?:ute)?s?|минут[аы]?|分)\.?\s*(?:read|reading|lesen|lesezeit|lectura|leitura|lecture|lettura|чтения)?|(?:reading time|lesezeit|tiempo de lectura|tempo de leitura|temps de lecture)\s*(?:[:：]\s*)?\d.*)$/i;

export default function bylinesStamps(options: BylinesStampsOptions = {}) {
  const byline = phraseMatcher(BYLINE_WORDS, options.phrases);
  const stamp = phraseMatcher(STAMP_WORDS, options.phrases);
  const agency = phraseMatcher(AGENCIES);
  return (tree: LineRoot): void => {
    const lines = tree.children;
    for (let i = 0; i < lines.length; i++) {
      const node = lines[i];
      if (!isKept(node)) continue;
      const text = node.data.text;
      if (text.length > 160) continue;
      const words = lineWords(node);
      // Dates, handles, addresses and reading times all need a digit or an `@`.
      const digit = (lineChars(node) & CharFacts.DIGIT) !== 0;
      const at = text.includes('@');
      if (words <= 1 && byline.is(node)) {
        // `por` / `César Salza`: the label alone, the name on the next line.
        removeLine(node, ruleId, 'byline');
        const next = lines[i + 1];
        if (next && isKept(next) && lineWords(next) <= 4 && !endsWithOneOf(next.data.text, '.!?')) removeLine(next, ruleId, 'byline');
      } else if (agency.is(node) || (words <= 4 && BY_PREFIX.test(text) && agency.is(text.slice(3)))) {
        removeLine(node, ruleId, 'agency or author name alone on a line (byline)');
      } else if (digit && words <= 20 && stamp.starts(node) && hasDate(text)) {
        removeLine(node, ruleId, 'publication or update time stamp');
      } else if (digit && isDateOnly(text)) {
        removeLine(node, ruleId, 'date or time stamp alone on a line');
      } else if (byline.starts(node) && (words <= 12 || (digit && words <= 25 && hasDate(text))) && !endsWithOneOf(text, '.!?')) {
        removeLine(node, ruleId, 'byline');
      } else if (at && words <= 10 && HANDLE.test(text) && (RELATIVE_TIME.test(text) || hasDate(text))) {
        removeLine(node, ruleId, 'byline with a handle and a time');
      } else if (digit && words <= 30 && INNER_BYLINE.test(text) && hasDate(text)) {
        removeLine(node, ruleId, 'byline with a date');
      } else if (at && words <= 14 && CONTACT.test(text)) {
        removeLine(node, ruleId, 'author contact line');
      } else if (digit && ((words <= 6 && READING_TIME.test(text)) || (words <= 12 && MIN_READ.test(text)))) {
        removeLine(node, ruleId, 'reading time');
      }
    }
  };
}
