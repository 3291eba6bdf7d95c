/**
 * Rule `main-content`: finds the article in the page and removes what is
 * around it: navigation and chrome before the headline, page meta between
 * the headline and the body, and everything after the article's end.
 *
 * Why: menus, teaser lists and footers are worded in ways no phrase list
 * foresees, but their shape and place give them away. The article is one
 * dense run of paragraphs; the headline sits directly above it; a related,
 * comments or author-box header near its end ends it.
 *
 * How:
 * - a body line is a sentence-shaped line (10+ words ending like a
 *   sentence, in any script) or a long line (25+ words), but not a list
 *   run on with commas (fewer than three words per item: kudos, tags); the
 *   items of a long list and the rows of a data table count as body lines;
 * - the article is the densest run of lines: body lines add their length,
 *   other lines subtract, and each further line of a run without body text
 *   subtracts more (a maximum-sum segment, linear time);
 * - a comments header or counter (set by `legal-ads-comments`) ends it, and
 *   a comment's signature bounds the search (comments are never the article); a
 *   related or author-box header (set by `related-blocks`) ends it when less
 *   than a third of the article's text follows, when another such header
 *   comes before the next body line (a row of widgets), or when dated
 *   teasers follow it (date stamps of one template between blurbs); paragraph-shaped lines right after
 *   the last body line still belong to it;
 * - the headline is the best headline-shaped line (3 to 30 words, not a
 *   sentence) among the few kept lines above the start: longer and nearer
 *   is better, name lists, dates and short all-caps labels are not; lines
 *   between it and the body stay only if they read like a standfirst;
 * - a page with no body line is left as it is.
 *
 * @example
 *   in:  `বাংলা` / `White House: North Korea provided Russia …` / `Reuters` / `North Korea recently provided …`
 *   out: headline `White House: North Korea provided Russia …`, body `North Korea recently provided …`
 */
import type { LineNode, LineRoot } from '../util/tree.js';
import { isKept, removeLine, lineKey, lineWords } from '../util/tree.js';
import { endsLikeSentence, endsWithMark, endsWithOneOf, hasLetter, isRegexSpace, startsLowerCase, upperShare, wordCount } from '../util/text.js';
import { isBodyText, isNameList } from '../util/shape.js';
import { CharFacts, lineChars } from '../util/phrases.js';
import { hasCalendarDate, hasDate, isDateOnly } from '../util/dates.js';

/** A run of white space. */
const SPACES = /\s+/;
/** Runs of digits and of letters (for `replace`, which starts from 0 whatever the last call left). */
const DIGIT_RUNS = /\d+/gu;
const LETTER_RUNS = /\p{L}+/gu;
/** A line wholly in brackets. */
const IN_BRACKETS = /^[(\[（【].*[)\]）】]$/u;
/** A word that starts with a capital, perhaps after a quote or bracket. */
const CAPITALISED = /^["“‘'(]?\p{Lu}/u;
/** A letter with case. */
const CASED_LETTER = /[\p{Lu}\p{Ll}]/u;
/** Every letter (for `match`, which starts from 0 whatever the last call left). */
const LETTERS = /\p{L}/gu;
/** Every letter with case (for `match`). */
const CASED_LETTERS = /[\p{Lu}\p{Ll}]/gu;
/** A citation in brackets: `(Reuters, 2019)`. */
const CITATION = /^[[(（][^[\]()（）]{2,80}[\])）]$/u;

export const ruleId = 'main-content';

const CRUMB_SEPARATOR = /\s(?:>|»|›|\/|→)\s/u;
/** Lines before `start` are all kept and all separate paragraphs. */
function opensClean(lines: LineNode[], start: number): boolean {
  for (let i = 0; i < start; i++) {
    const d = lines[i].data;
    if (d.removed || !d.blankBefore || !d.blankAfter) return false;
  }
  return true;
}

/** A line the navigation rule removed as a breadcrumb. */
function isCrumb(node: LineNode): boolean {
  return node.data.removed?.reason === 'breadcrumb';
}

/** A story's closing formula on its own line: `The End`, `おしまい`, `Конец`. */
const CLOSING_FORMULA = /^(?:the end|fin|ende|конец|fine|fim|おしまい|おわり|めでたし、?めでたし|完|끝)[.!。！]?$/iu;

/** A numbered or bulleted list item. */
const LIST_MARK = /^(?:\d{1,3}[.)]\s+\S|[•·▪◦‣*+–-]\s+\S)/u;
const WHITE_SPACE = /\s/;

/** A numbered or bulleted list item, or a line introducing a list (`/^…|\S:$/`, its end looked at without a scan of the line). */
function isListItem(text: string): boolean {
  return LIST_MARK.test(text) || (text.length >= 2 && text.endsWith(':') && !WHITE_SPACE.test(text.charAt(text.length - 2)));
}

const CODE_START = /^[)\]}]|^(?:--|\/\/) |^(?:SELECT|FROM|WHERE|GROUP BY|ORDER BY|JOIN|LEFT JOIN|INNER JOIN|WITH|HAVING|LIMIT|UNION|INSERT INTO|UPDATE|DELETE FROM|CREATE TABLE|VALUES)\b/u;
const BOX_DRAWING = /[\u2500-\u257f]/u;
/**
 * A line of program code or a text table: it ends in a brace, a semicolon, a
 * comma or an open bracket, opens with a closing bracket, a comment mark or
 * an SQL clause in capitals, or draws a box.
 */
function isCodeLine(text: string): boolean {
  return endsWithOneOf(text, '{};,(') || CODE_START.test(text) || BOX_DRAWING.test(text);
}

/** A chart's axis label or value drawn as text: a number alone (`$900`, `’18`, `40`, `12.5%`). */
const CHART_LABEL = /^[-+$€£¥’'(]?\d[\d.,]*[%)]?$/u;

/** A chart label with another right above or below it: a chart's axis (`’17` / `’18` / `’19`), not a label's value (`Words:` / `67379`). */
function onChartAxis(lines: LineNode[], i: number): boolean {
  return isChartLabel(lines, i) && (isChartLabel(lines, i - 1) || isChartLabel(lines, i + 1));
}

/** Line `k` is kept and a chart's label (a function of its own: a closure per call was garbage on every line). */
function isChartLabel(lines: LineNode[], k: number): boolean {
  return k >= 0 && k < lines.length && isKept(lines[k]) && CHART_LABEL.test(lines[k].data.text);
}

export interface MainContentOptions {
  /** How many kept lines above the article's start are searched for the headline. */
  headlineWindow?: number;
}

function isHeadlineShaped(node: LineNode): boolean {
  const text = node.data.text;
  const words = lineWords(node);
  // A related-content header (`Most Popular Today`, marked by that rule) is never a headline.
  if (words < 3 || words > 30 || text.length > 250 || node.data.boundary === 'related') return false;
  // A sentence, a label, a teaser cut short (`…`, `..`), a note in brackets or a list item is not a headline.
  if (endsWithOneOf(text, ':,;…') || text.endsWith('..') || IN_BRACKETS.test(text) || isListItem(text)) return false;
  // A full stop ends a sentence, unless the line is in title case (`… Earnings Release. Why You Shouldn’t Worry.`).
  if (text.length >= 2 && text.endsWith('.') && text.charAt(text.length - 2) !== '.' && !isTitleCase(text)) return false;
  return hasLetter(text);
}

const HAN_KANA = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/g;

/** Most longer words capitalised, as English headlines are written. */
function isTitleCase(text: string): boolean {
  const words = text.split(SPACES).filter((w) => w.length > 3);
  return words.length >= 3 && words.filter((w) => CAPITALISED.test(w)).length >= 0.8 * words.length;
}

/**
 * Between the headline and the body: a short line that is not prose, or a
 * line of capitalised words (a byline, a source, a section label), is page
 * meta; a standfirst or lower-case text (a list, code) belongs to the article.
 */
function isPageMeta(node: LineNode): boolean {
  if (isStandfirst(node)) return false;
  const text = node.data.text;
  const words = text.split(SPACES).filter((w) => hasLetter(w));
  if (words.length <= 1) return true;
  // Capitalisation tells only in cased scripts; a line mostly in others is judged by isStandfirst alone.
  const letters = text.match(LETTERS)?.length ?? 0;
  const casedLetters = text.match(CASED_LETTERS)?.length ?? 0;
  if (casedLetters * 2 < letters) return true;
  const cased = words.filter((w) => CASED_LETTER.test(w));
  const capitalised = cased.filter((w) => CAPITALISED.test(w)).length;
  return capitalised >= cased.length / 2;
}

function isStandfirst(node: LineNode): boolean {
  const words = lineWords(node);
  // Word counts of unspaced scripts are estimates: there a standfirst must read as a sentence.
  if ((node.data.text.match(HAN_KANA)?.length ?? 0) * 2 > node.data.text.length) return words >= 4 && endsLikeSentence(node.data.text);
  return words >= 8 || (words >= 4 && endsLikeSentence(node.data.text));
}

/** After the block a boundary header opens, the article goes on as paragraphs: the header was in the body. */
function resumes(lines: LineNode[], body: boolean[], header: number): boolean {
  for (let i = header + 1; i < lines.length; i++) {
    if (!isKept(lines[i])) continue;
    if (!(body[i] && lines[i].data.blankBefore && lines[i].data.blankAfter)) return false;
    // Paragraphs that run on into the page's footer are its disclaimers, not the article.
    for (let k = i + 1; k < lines.length; k++) {
      const boundary = lines[k].data.boundary;
      if (boundary === 'footer') return false;
      if (boundary !== undefined) break;
    }
    return true;
  }
  return false;
}

/**
 * A line of a hard-wrapped paragraph (plain-text pages, RFCs): it has a
 * sentence's worth of words, does not end one, and the next kept line goes on
 * in lower case. Judged on the kept lines alone, so the output reads the same.
 */
function runsOn(node: LineNode, next: LineNode | undefined): boolean {
  if (!next || lineWords(node) < 6 || lineWords(next) < 2 || endsLikeSentence(node.data.text)) return false;
  // `aeon.co Sex` under a teaser is its source, not the sentence going on.
  return startsLowerCase(next.data.text) && !DOMAIN_START.test(next.data.text);
}
/** A first token that is a domain, a path or an address. */
const DOMAIN_START = /^[^\s./@]+[./@]\S/u;

/** The items of a long list (a changelog, a list of steps) read as the article: LIST_LONG kept items in a row, of four words or more. */
const LIST_LONG = 6;
function markLongLists(lines: LineNode[], body: boolean[]): void {
  let run: number[] = [];
  const close = () => {
    if (run.length >= LIST_LONG) for (const k of run) if (lineWords(lines[k]) >= 4) body[k] = true;
    // Called on every line that is no item: a new array only when the run had items.
    if (run.length > 0) run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (!isKept(lines[i])) continue;
    if (LIST_MARK.test(lines[i].data.text) && !lines[i].data.text.endsWith(':')) run.push(i);
    else close();
  }
  close();
}

/** A number in a table cell: `5040`, `85%`, `$1,349.00`, `23/16`, `18:00`. */
export const CELL_NUMBER = /(?:^|\s)[-+$€£]?\d[\d.,:%/]*(?=\s|$)/gu;

/** `text.slice(start, end)` is wholly `[-+$€£]?\d[\d.,:%/]*`. */
function isCellNumberToken(text: string, start: number, end: number): boolean {
  let i = start;
  const c = text.charCodeAt(i);
  if (c === 45 || c === 43 || c === 36 || c === 0x20ac || c === 0xa3) i++;
  if (i >= end) return false;
  const d = text.charCodeAt(i);
  if (d < 48 || d > 57) return false;
  for (i++; i < end; i++) {
    const k = text.charCodeAt(i);
    if (!((k >= 48 && k <= 57) || k === 46 || k === 44 || k === 58 || k === 37 || k === 47)) return false;
  }
  return true;
}

/**
 * How many times CELL_NUMBER matches the text, without the array of its
 * matches (`match` made one per line checked): a match starts at the text's
 * start or after white space and ends at its end or before white space, with
 * none inside, so it is exactly a white-space separated token that is wholly
 * a number.
 */
export function countCellNumbers(text: string): number {
  let count = 0;
  let i = 0;
  while (i < text.length) {
    if (isRegexSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && !isRegexSpace(text.charCodeAt(i))) i++;
    if (isCellNumberToken(text, start, i)) count++;
  }
  return count;
}
/** Quotation marks: a line with a quoted title is a citation (`Federal Reserve Board, "Beige Book," Oct. 16, 2019`). */
const QUOTES = /["“”«»„]/u;
/**
 * A row of a data table, as the text prints it: a short line of which two or
 * more words, and a quarter or more, are numbers (`3 Kevin Harvick 5033 4 6`),
 * with no quotation. A deal (`SAVE $250.00 - Save up to $438 on …`) is mostly words.
 */
function isTableRow(node: LineNode): boolean {
  const words = lineWords(node);
  if (words < 2 || words > 15 || (lineChars(node) & CharFacts.DIGIT) === 0) return false;
  const numbers = countCellNumbers(node.data.text);
  return numbers >= 2 && numbers * 4 >= words && !QUOTES.test(node.data.text);
}

/** A table's header row: a few words that do not end like a sentence or a label (`Pos. Driver Points Wins`). */
function isTableHeader(node: LineNode): boolean {
  const words = lineWords(node);
  return words >= 3 && words <= 15 && !endsWithOneOf(node.data.text, '.:!?…');
}

/**
 * The rows of a data table (TABLE_LONG kept rows in a row), and the header
 * row right above them, are the article's content, as its paragraphs are.
 */
const TABLE_LONG = 4;
function markTables(lines: LineNode[], body: boolean[]): void {
  let run: number[] = [];
  let above = -1;
  const close = () => {
    if (run.length >= TABLE_LONG) {
      for (const k of run) body[k] = true;
      if (above >= 0 && isTableHeader(lines[above])) body[above] = true;
    }
    // Called on every line that is no row: a new array only when the run had rows.
    if (run.length > 0) run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (!isKept(lines[i])) continue;
    if (isTableRow(lines[i])) {
      run.push(i);
      continue;
    }
    close();
    above = i;
  }
  close();
}

/** Body lines; a repeat of an earlier line is no evidence of the article (the duplicates rule removes it later). */
function findBodyLines(lines: LineNode[]): boolean[] {
  const seenText = new Set<string>();
  const body = new Array<boolean>(lines.length).fill(false);
  let next: LineNode | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const n = lines[i];
    if (!isKept(n)) continue;
    body[i] = isBodyText(n.data.text, lineWords(n)) || runsOn(n, next);
    next = n;
  }
  markLongLists(lines, body);
  markTables(lines, body);
  for (let i = 0; i < lines.length; i++) {
    if (!isKept(lines[i])) continue;
    const key = lineKey(lines[i]);
    if (body[i] && seenText.has(key)) body[i] = false;
    seenText.add(key);
  }
  return body;
}

/**
 * The densest run: body lines count for their length, other lines against
 * it (short ones more, and each further line of a run without body text
 * more again, so a long footer cannot be bridged by a large article); list
 * items, code lines and a chart's axis cost little (a long code sample, list
 * or chart stays in). Returns [first, last] body line, or null.
 */
function densestRun(lines: LineNode[], body: boolean[], limit: number): [number, number] | null {
  let bestSum = 0;
  let sum = 0;
  let runStart = 0;
  let start = -1;
  let end = -1;
  let gap = 0;
  for (let i = 0; i < limit; i++) {
    const node = lines[i];
    let w: number;
    if (body[i]) {
      w = Math.min(node.data.text.length, 600);
      gap = 0;
    } else if (isKept(node) && (isListItem(node.data.text) || isCodeLine(node.data.text) || onChartAxis(lines, i))) {
      w = -2;
    } else {
      gap++;
      if (!isKept(node)) w = -10;
      else w = node.data.blankBefore && node.data.blankAfter && lineWords(node) >= 5 ? -15 : -40;
      w -= 2 * gap;
    }
    if (sum <= 0) {
      sum = 0;
      runStart = i;
    }
    sum += w;
    if (sum > bestSum) {
      bestSum = sum;
      start = runStart;
      end = i;
    }
  }
  if (start < 0) return null;
  while (start <= end && !body[start]) start++;
  return start > end ? null : [start, end];
}

/**
 * Where the comments begin: the first comment's signature with body text
 * above it (a comment is never part of the article, however long it is), or
 * the page's end.
 */
function firstComment(lines: LineNode[], body: boolean[]): number {
  let seenBody = false;
  for (let i = 0; i < lines.length; i++) {
    if (seenBody && lines[i].data.boundary === 'comment') return i;
    if (body[i]) seenBody = true;
  }
  return lines.length;
}

/**
 * The article's last line: a comments boundary ends it; a related or
 * author-box boundary when less than a third of its text follows; then
 * lines that still read as prose right after the last body line (a short
 * closing paragraph, a sentence broken over lines, a citation, a closing
 * formula) belong to it.
 */
const PROMPT_RUN = 3;
/** A run of prompts (sign-up forms, share bars) is a widget after the article, as a related block is. */
function opensPromptRun(lines: LineNode[], i: number): boolean {
  const byPrompt = (k: number) => k >= 0 && k < lines.length && lines[k].data.removed?.rule === 'calls-to-action';
  if (!byPrompt(i) || byPrompt(i - 1)) return false;
  for (let k = i + 1; k < i + PROMPT_RUN; k++) if (!byPrompt(k)) return false;
  return true;
}

/** Another boundary header comes before the next body line: a row of widgets (`Related`, `Read these next`, `Trending`) follows, not the article. */
function anotherHeaderFirst(lines: LineNode[], body: boolean[], header: number): boolean {
  for (let k = header + 1; k < lines.length; k++) {
    if (body[k] && isKept(lines[k])) return false;
    if (lines[k].data.boundary !== undefined || opensPromptRun(lines, k)) return true;
  }
  return false;
}

/**
 * A list of other stories after a boundary header: each teaser carries a
 * date stamp cut from one template (`Wednesday November 20, 2019`, `Tuesday
 * November 19, 2019`), with its blurb between them. DATED_TEASERS stamps of
 * one shape (digits and words aside), each after body text, make a list.
 */
const DATED_TEASERS = 2;
function stampShape(text: string): string {
  return text.replace(DIGIT_RUNS, '0').replace(LETTER_RUNS, 'a');
}
function datedTeasers(lines: LineNode[], body: boolean[], header: number, end: number): boolean {
  const shapes = new Map<string, number>();
  let bodySince = false;
  // Up to the next boundary: its own block is judged when the loop reaches it (and each line is read once).
  for (let k = header + 1; k <= end && lines[k].data.boundary === undefined; k++) {
    if (body[k]) bodySince = true;
    else if (bodySince && lines[k].data.removed?.rule === 'bylines-stamps' && isDateOnly(lines[k].data.text) && hasCalendarDate(lines[k].data.text)) {
      const shape = stampShape(lines[k].data.text);
      const n = (shapes.get(shape) ?? 0) + 1;
      if (n >= DATED_TEASERS) return true;
      shapes.set(shape, n);
      bodySince = false;
    }
  }
  return false;
}

function articleEnd(lines: LineNode[], body: boolean[], start: number, end: number): number {
  let mass = 0;
  for (let i = start; i <= end; i++) if (body[i]) mass += lines[i].data.text.length;
  let before = 0;
  for (let i = start; i <= end; i++) {
    const boundary = lines[i].data.boundary ?? (opensPromptRun(lines, i) ? 'related' : undefined);
    // Comments never come before the rest of an article; other blocks may sit inside it.
    const ends =
      boundary === 'comments' || boundary === 'comment'
        ? before > 0
        : boundary !== undefined && before > 0 && (mass - before < before / 2 || anotherHeaderFirst(lines, body, i) || datedTeasers(lines, body, i, end)) && !resumes(lines, body, i);
    if (ends) {
      end = i - 1;
      break;
    }
    if (body[i]) before += lines[i].data.text.length;
  }
  while (end > start && !body[end]) end--;
  for (let i = end + 1; i < lines.length; i++) {
    const node = lines[i];
    if (!isKept(node) || node.data.boundary) break;
    const words = lineWords(node);
    const paragraph = node.data.blankBefore && node.data.blankAfter && words >= 5;
    const prose = words >= 2 && endsWithMark(node.data.text, '.!?…。！？،؟,、，;；');
    // A source citation closing the article: `[Ni’matul Ukhuwah hal. 41]`.
    const citation = node.data.blankBefore && CITATION.test(node.data.text);
    const closing = node.data.blankBefore && CLOSING_FORMULA.test(node.data.text);
    if (!paragraph && !prose && !citation && !closing) break;
    end = i;
  }
  return end;
}

/**
 * The headline: the best headline-shaped line among the few kept lines
 * above the start. Longer is better, nearer is better; name lists, dates and
 * short all-caps labels are bylines and kickers; a line under a breadcrumb,
 * or the breadcrumb's last item, is taken outright. Returns its index or -1.
 */
function chooseHeadline(lines: LineNode[], start: number, window: number): number {
  let title = -1;
  let best = -Infinity;
  // The first body line itself may be a headline: one that ends in `?` or `!`, or in title case.
  if (isHeadlineShaped(lines[start]) && (endsWithOneOf(lines[start].data.text, '?!') || isTitleCase(lines[start].data.text))) {
    best = Math.min(lineWords(lines[start]), 10) - 3;
    title = start;
  }
  // Pages repeat their title: a line whose text already appeared above it is likelier the headline.
  const firstSeen = new Map<string, number>();
  const crumbTails = new Set<string>();
  for (let i = 0; i < start; i++) {
    const text = lines[i].data.text;
    if (text.length > 300) continue;
    if (!firstSeen.has(text)) firstSeen.set(text, i);
    if (isCrumb(lines[i])) crumbTails.add(text.split(CRUMB_SEPARATOR).pop()!);
  }
  let crumbTitle = -1;
  // Bylines and stamps follow the headline: a candidate above one is preferred.
  let belowByline = false;
  for (let i = start - 1, seen = 0; i >= 0 && seen < window; i--) {
    if (!isKept(lines[i])) {
      if (lines[i].data.removed!.rule === 'bylines-stamps') belowByline = true;
      continue;
    }
    const node = lines[i];
    const words = lineWords(node);
    if (crumbTitle < 0 && (crumbTails.has(node.data.text) || (i > 0 && isCrumb(lines[i - 1]))) && isHeadlineShaped(node)) {
      crumbTitle = i;
    }
    if (isHeadlineShaped(node)) {
      let score = Math.min(words, 10) - 1.5 * seen;
      if ((firstSeen.get(node.data.text) ?? i) < i) score += 3;
      if (belowByline) score += 3;
      if (isNameList(node.data.text)) score -= 6;
      if (words <= 4 && upperShare(node.data.text) > 0.9) score -= 4;
      if (hasDate(node.data.text)) score -= 5;
      if (score > best) {
        best = score;
        title = i;
      }
    }
    seen++;
  }
  if (crumbTitle >= 0) title = crumbTitle;
  // `Headline` / `Standfirst without a full stop` / body: the headline is the shorter line above.
  if (title > 0 && lineWords(lines[title]) >= 10) {
    for (let i = title - 1; i >= 0; i--) {
      if (!isKept(lines[i])) continue;
      const words = lineWords(lines[i]);
      if (isHeadlineShaped(lines[i]) && words >= 5 && words < lineWords(lines[title]) && !isNameList(lines[i].data.text)) title = i;
      break;
    }
  }
  // A text that opens with a headline-shaped paragraph, with nothing above
  // the body that any rule removed and every line its own paragraph (a page
  // without chrome, or an already clean text), opens with its headline.
  if (title > 0 && isHeadlineShaped(lines[0]) && lineWords(lines[0]) >= 3 && opensClean(lines, start)) title = 0;
  return title;
}

/**
 * Another article's headline dropped between two paragraphs: too long for a
 * section heading (13 to 18 words), not a sentence, not in title case (long
 * headings in title case are the article's own), with body text on both sides.
 */
function removeInBodyHeadlines(lines: LineNode[], body: boolean[], start: number, end: number): void {
  let prevBody = -1;
  for (let i = start; i <= end; i++) {
    if (!isKept(lines[i])) continue;
    if (body[i]) {
      prevBody = i;
      continue;
    }
    const node = lines[i];
    const words = lineWords(node);
    if (prevBody < 0 || words < 13 || words > 18 || isTitleCase(node.data.text) || endsWithOneOf(node.data.text, '.!?…:;,"”»)]。！？')) continue;
    let next = i + 1;
    while (next <= end && !isKept(lines[next])) next++;
    if (next <= end && body[next]) removeLine(node, ruleId, 'headline of another article between paragraphs');
  }
}

export default function mainContent(options: MainContentOptions = {}) {
  const window = options.headlineWindow ?? 6;
  return (tree: LineRoot): void => {
    const lines = tree.children;
    const body = findBodyLines(lines);
    const run = densestRun(lines, body, firstComment(lines, body));
    if (!run) return;
    let [start, end] = run;
    end = articleEnd(lines, body, start, end);
    const title = chooseHeadline(lines, start, window);
    if (title === start) {
      do start++;
      while (start <= end && !body[start]);
      if (start > end) return;
    }
    const first = title >= 0 ? title : start;
    for (let i = 0; i < first; i++) removeLine(lines[i], ruleId, 'page chrome before the article');
    for (let i = first + 1; i < start; i++) {
      const text = lines[i].data.text;
      if (isPageMeta(lines[i]) || isNameList(text) || (hasDate(text) && wordCount(text) < 25)) removeLine(lines[i], ruleId, 'page meta between the headline and the article');
    }
    for (let i = end + 1; i < lines.length; i++) removeLine(lines[i], ruleId, 'after the article’s end');
    if (title >= 0) {
      lines[title].data.role = 'title';
      tree.data.title = lines[title];
    }
    removeInBodyHeadlines(lines, body, start, end);
    for (let i = start; i <= end; i++) if (isKept(lines[i])) lines[i].data.role = 'body';
  };
}
