/**
 * Rule `legal-ads-comments`: removes copyright and rights lines, terms and
 * privacy links, ad labels, and comment sections' prompts and counters.
 *
 * Why: these are the site's, not the article's; they repeat on every page.
 *
 * A comment's signature (`Alex on September 17, 2018 at 6:34 am said:`,
 * `joetoronto says:` over `November 19, 2019 at 6:34 am`) opens the comment
 * section too, also when the comment's text runs on after it (text that
 * came without line breaks).
 *
 * @example
 *   in:  `© Copyright Gannett 2018` / `Terms of Service Privacy Notice` / `Advertisement` / `3 comments`
 *   out: (all removed)
 */
import type { LineNode, LineRoot } from '../util/tree.js';
import { isKept, lineKey, removeLine, lineWords } from '../util/tree.js';
import { CharFacts, isAsciiLine, lineChars, phraseMatcher } from '../util/phrases.js';
import { endsWithOneOf } from '../util/text.js';
import { hasCalendarDate, isDateOnly } from '../util/dates.js';

export const ruleId = 'legal-ads-comments';

export const LEGAL_PHRASES = [
  'all rights reserved', 'copyright', 'terms of service', 'terms of use', 'terms and conditions', 'privacy policy', 'privacy notice', 'cookie policy',
  'your privacy rights', 'do not sell my', 'ad choices', 'adchoices', 'accessibility statement', 'contact us', 'about us',
  'alle rechte vorbehalten', 'datenschutz', 'datenschutzerklärung', 'impressum', 'nutzungsbedingungen', 'todos los derechos reservados',
  'política de privacidad', 'aviso legal', 'tous droits réservés', 'mentions légales', 'politique de confidentialité', 'todos os direitos reservados',
  'política de privacidade', 'tutti i diritti riservati', 'все права защищены', 'политика конфиденциальности', 'hak cipta', '版权所有', '版權所有',
  '无断转载', '無断転載', '著作権', '무단전재', '무단 전재', '저작권자',
];
const AD_WIDGET = /^(?:powered by|sponsored by|presented by|brought to you by|in partnership with|ads by)\s+\S+(?:\s+\S+){0,3}$/i;
export const AD_LABELS = [
  'advertisement', 'advertising', 'advertisements', 'ad', 'ads', 'sponsored', 'sponsored content', 'promoted', 'paid content', 'partner content',
  'anzeige', 'werbung', 'publicidad', 'publicité', 'publicidade', 'pubblicità', 'реклама', 'reklama', 'iklan', '广告', '広告', '광고', 'continue reading below',
  'story continues below advertisement', 'article continues below',
];
export const COMMENT_PHRASES = [
  'leave a comment', 'leave a reply', 'send your comment', 'enviá tu comentario', 'envía tu comentario', 'para poder comentar', 'to comment', 'log in to comment',
  'los comentarios publicados', 'comments are closed', 'comentarios cerrados', 'add a comment', 'post a comment', 'write a comment', 'comments', 'comment', 'show comments', 'view comments',
  'join the conversation', 'join the discussion', 'cancel reply', 'save my name, email, and website in this browser for the next time i comment',
  'your email address will not be published', 'required fields are marked', 'kommentar', 'kommentare', 'kommentar schreiben', 'commentaires',
  'laisser un commentaire', 'comentarios', 'deja un comentario', 'comentários', 'deixe um comentário', 'deixe seu comentário', 'commenti',
  'lascia un commento', 'комментарии', 'добавить комментарий', 'оставить комментарий', 'отменить ответ', 'komentar', 'tinggalkan balasan',
  '评论', '发表评论', 'コメント', '댓글',
];
/** `© …`, `(c) 2019`, `Copyright 2019 …`, `Copyright © …`: a rights notice, not a sentence about copyright. */
export const COPYRIGHT = /©|\(c\)\s*(?:19|20)\d\d|^copyright\b|\bcopyright\s*(?:©|\(c\)|(?:19|20)\d\d)/i;
/** `All rights reserved` in the languages of LEGAL_PHRASES. */
export const RIGHTS_RESERVED = /rights reserved|rechte vorbehalten|derechos reservados|direitos reservados|droits réservés|diritti riservati|права защищены/i;
const COMMENT_WORD = String.raw`(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|comentários?|commenti|комментари[йяев]{0,2}|komentar|评论|コメント|댓글)`;
/** `3 comments`, `[ 167 comments ]`, `Comments (12)`. */
const COMMENT_COUNT = new RegExp(String.raw`^[\[(]?\s*(?:\d+\s+${COMMENT_WORD}|${COMMENT_WORD}\s*[\[(]?\d+[\])]?)\s*[\])]?$`, 'iu');
/** Post meta that counts the comments: `Posted in Open thread | Permalink | 10 Comments`. */
const META_COMMENT_COUNT = new RegExp(String.raw`[|•·]\s*\d+\s+${COMMENT_WORD}\s*$`, 'iu');
/** A short header of a comment section: `Top Rated Comments`, `Reader comments`, `12 Responses to "…"`, `There are 13 comments`. */
/**
 * A line's comparison key (`lineKey`, lower-cased) holds one of these
 * wherever COPYRIGHT / RIGHTS_RESERVED can match its text: their `i` flag
 * reads case as lower-casing does. One native search each rules most lines
 * out before the regex scans them.
 */
export function mayBeCopyright(key: string): boolean {
  return key.includes('©') || key.includes('copyright') || key.includes('(c)');
}
export function mayReserveRights(key: string): boolean {
  return key.includes('serv') || key.includes('vorbehalt') || key.includes('защищ');
}

const COMMENTS_WORDS = ['comments', 'responses', 'replies', 'kommentare', 'commentaires', 'comentarios', 'comentários', 'commenti', 'комментарии', 'komentar'];
const COMMENTS_WORD = `(?:${COMMENTS_WORDS.join('|')})`;
const COMMENT_HEADER = new RegExp(String.raw`^(?:(?:[\p{L}'’-]+\s+){0,3}\d+\s+|(?:[\p{L}'’-]+\s+){1,3})${COMMENTS_WORD}(?:\s+(?:to|on|zu|sur|a|para)\s.{1,80})?$`, 'iu');
const FORM_FIELD = /^(?:name|e-?mail|email address|website|comment|имя|сайт|комментарий|nombre|correo electrónico|nome|sito web|kommentar)\s*\*?$/iu;

/** The verb of a comment's signature, and its colon. */
const SIGNED = /\b(?:said|says|wrote|writes)\s?:/iu;
/** A clock time, perhaps with `am` / `pm`: a signature dates a comment to the minute. */
const CLOCK = /\b\d{1,2}[:.]\d\d(?:\s?[ap]\.?m\b\.?)?/iu;
/** A head that ends in a clock time: `… on September 17, 2018 at 6:34 am`. */
const ENDS_IN_CLOCK = /\b\d{1,2}[:.]\d\d(?:\s?[ap]\.?m\.?)?,?\s*$/iu;

/**
 * A comment's signature: a name and `said:` dated to the minute, the date
 * right before the verb (`Alex on September 17, 2018 at 6:34 am said:`) or
 * right after it (`joetoronto says: November 19, 2019 at 6:34 am`, or on
 * the next line). A quote's lead-in (`The minister said:`) has no such
 * stamp, and a sentence that dates one (`A statement issued on Jan. 5, 2019
 * at 10:30 a.m. said:`) has more than a name before it.
 */
function isCommentSignature(text: string, next: LineNode | undefined): boolean {
  // Every signature has its colon within its first 160 characters: one look rules most lines out.
  const colon = text.indexOf(':');
  if (colon < 0 || colon >= 160) return false;
  const verb = SIGNED.exec(text.length > 160 ? text.slice(0, 160) : text);
  if (!verb) return false;
  const head = text.slice(0, verb.index).split(/\s+/u).filter(Boolean);
  if (head.length === 0 || head.length > 14) return false;
  if (ENDS_IN_CLOCK.test(text.slice(0, verb.index))) {
    // `<name> on <date> at <time>`: the stamp is the longest date-only tail; a name is all that is left.
    for (let k = 1; k < head.length; k++) {
      const stamp = head.slice(k).join(' ');
      if (!isDateOnly(stamp)) continue;
      const name = head.slice(0, k);
      if (name.length > 1 && /^(?:on|am|le|el|em|il)$/iu.test(name[name.length - 1])) name.pop();
      return hasCalendarDate(stamp) && isName(name);
    }
    return false;
  }
  if (!isName(head)) return false;
  const rest = text.slice(verb.index + verb[0].length).trimStart();
  // The stamp on the next line may be gone already (bylines-stamps runs first): it still dates the signature.
  if (rest === '') return next !== undefined && startsWithStamp(next.data.text);
  return startsWithStamp(rest);
}

/** Words that sentences have and commenters' names do not. */
const FUNCTION_WORD = /^(?:a|an|the|in|of|to|for|by|with|from|at|as|and|or|but|is|are|was|were|has|had|have|be|been|this|that|these|those|its|his|her|their|our|my|your|it|he|she|they|we|who|which)$/iu;

/** A commenter's name or handle: at most four words, no comma, none of them a function word. */
function isName(words: string[]): boolean {
  return words.length > 0 && words.length <= 4 && words.every((w) => !w.includes(',') && !FUNCTION_WORD.test(w));
}

/** The text opens with a date and its time: `November 19, 2019 at 6:34 am …`. */
function startsWithStamp(text: string): boolean {
  const clock = CLOCK.exec(text.length > 60 ? text.slice(0, 60) : text);
  return clock !== null && isDateOnly(text.slice(0, clock.index + clock[0].length)) && hasCalendarDate(text.slice(0, clock.index));
}

export interface LegalAdsCommentsOptions {
  /** More legal, ad or comment wording, any language. */
  phrases?: string[];
}

export default function legalAdsComments(options: LegalAdsCommentsOptions = {}) {
  const legal = phraseMatcher(LEGAL_PHRASES, options.phrases);
  const ads = phraseMatcher(AD_LABELS);
  const comments = phraseMatcher(COMMENT_PHRASES);
  // `Comments made by …` is a sentence: only wording of two words or more opens a longer line.
  const commentNotice = phraseMatcher(COMMENT_PHRASES.filter((p) => p.includes(' ')));
  // COMMENT_HEADER ends on one of these words: on an ASCII line, a line without one is no header (one bit test instead of the regex).
  const commentsWord = phraseMatcher(COMMENTS_WORDS);
  /** A long copyright notice (`© 2019 Beachbody, LLC. All rights reserved. … trademarks …`) opens the page's footer. */
  const isNotice = (node: LineNode) => mayReserveRights(lineKey(node)) && mayBeCopyright(lineKey(node)) && RIGHTS_RESERVED.test(node.data.text) && COPYRIGHT.test(node.data.text);
  const footer = (node: LineNode) => {
    removeLine(node, ruleId, 'copyright notice');
    node.data.boundary = 'footer';
  };
  return (tree: LineRoot): void => {
    const lines = tree.children;
    for (let i = 0; i < lines.length; i++) {
      const node = lines[i];
      if (!isKept(node)) continue;
      const text = node.data.text;
      const words = lineWords(node);
      if (isCommentSignature(text, lines[i + 1])) {
        removeLine(node, ruleId, 'signature of a comment');
        node.data.boundary = 'comment';
        continue;
      }
      if (words <= 80 && commentNotice.starts(node)) {
        removeLine(node, ruleId, 'comment section prompt or notice');
        node.data.boundary = 'comments';
        continue;
      }
      if (words > 30) {
        if (words <= 80 && isNotice(node)) footer(node);
        continue;
      }
      // Comment counters need a digit.
      const chars = lineChars(node);
      const digit = (chars & CharFacts.DIGIT) !== 0;
      if (ads.is(node) || AD_WIDGET.test(text)) {
        removeLine(node, ruleId, 'ad label');
        // An ad's own small print sits right beside its label: `Disclosures SmartAsset.com`.
        for (const j of [i - 1, i + 1]) {
          const side = lines[j];
          if (!side || !isKept(side) || (j < i ? side.data.blankAfter : node.data.blankAfter)) continue;
          if (lineWords(side) <= 4 && !endsWithOneOf(side.data.text, '.!?。')) removeLine(side, ruleId, 'small print of an ad');
        }
      }
      else if ((digit && COMMENT_COUNT.test(text)) || comments.is(node) || (words <= 12 && comments.starts(node)) || (words <= 12 && (commentsWord.has(node) || !isAsciiLine(node)) && COMMENT_HEADER.test(text)) || (digit && words <= 20 && (chars & CharFacts.BAR) !== 0 && META_COMMENT_COUNT.test(text))) {
        removeLine(node, ruleId, 'comment section prompt or counter');
        node.data.boundary = 'comments';
      }
      else if (FORM_FIELD.test(text)) removeLine(node, ruleId, 'comment form field');
      else if ((words <= 20 && mayBeCopyright(lineKey(node)) && COPYRIGHT.test(text)) || (words <= 15 && legal.has(node))) removeLine(node, ruleId, 'copyright, terms or privacy line');
      else if (isNotice(node)) footer(node);
    }
  };
}
