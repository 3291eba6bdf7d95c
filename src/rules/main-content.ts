/**
 * Rule `main-content`: finds the article in the page and removes what is
 * around it: navigation and chrome before the headline, page meta between
 * the headline and the body, and everything after the article's end.
 *
 * Why: menus, teaser lists and footers are worded in ways no phrase list
 * foresees, but their shape and place give them away. The article is one
 * dense run of paragraphs; the headline sits directly above it; a related,
 * comments or author-box header after most of the article ends it.
 *
 * How:
 * - a body line is a sentence-shaped line (10+ words ending like a
 *   sentence, in any script) or a long line (25+ words);
 * - the article starts at the first body line and ends at the last body
 *   line before the first boundary header (set by `related-blocks`) that
 *   comes after most of the article's text; paragraph-shaped lines right
 *   after the last body line still belong to it;
 * - the headline is the nearest headline-shaped line (3 to 30 words, not a
 *   sentence, not a label) in the few kept lines above the start; lines
 *   between it and the body stay only if they read like a standfirst;
 * - a page with no body line is left as it is.
 *
 * @example
 *   in:  `বাংলা` / `White House: North Korea provided Russia …` / `Reuters` / `North Korea recently provided …`
 *   out: headline `White House: North Korea provided Russia …`, body `North Korea recently provided …`
 */
import type { LineNode, LineRoot } from '../util/tree.js';
import { isKept, removeLine } from '../util/tree.js';
import { endsLikeSentence, wordCount } from '../util/text.js';

export const ruleId = 'main-content';

export interface MainContentOptions {
  /** How many kept lines above the article's start are searched for the headline. */
  headlineWindow?: number;
}

export function isBodyLine(node: LineNode): boolean {
  const words = wordCount(node.data.text);
  return words >= 25 || (words >= 10 && endsLikeSentence(node.data.text));
}

function isHeadlineShaped(node: LineNode): boolean {
  const text = node.data.text;
  const words = wordCount(text);
  if (words < 3 || words > 30 || text.length > 250) return false;
  if (/[:,;]$|[^.][.]$/u.test(text)) return false;
  return /\p{L}/u.test(text);
}

function isStandfirst(node: LineNode): boolean {
  return wordCount(node.data.text) >= 8;
}

export default function mainContent(options: MainContentOptions = {}) {
  const window = options.headlineWindow ?? 4;
  return (tree: LineRoot): void => {
    const lines = tree.children;
    const body = lines.map((n) => isKept(n) && isBodyLine(n));
    const start = body.indexOf(true);
    if (start < 0) return;

    // Body text before each line, to tell an in-body header from one that ends the article.
    const mass: number[] = new Array(lines.length + 1).fill(0);
    for (let i = 0; i < lines.length; i++) mass[i + 1] = mass[i] + (body[i] ? lines[i].data.text.length : 0);
    let stop = lines.length;
    for (let i = start + 1; i < lines.length; i++) {
      if (lines[i].data.boundary && mass[lines.length] - mass[i] < mass[i] - mass[start]) {
        stop = i;
        break;
      }
    }
    let end = start;
    for (let i = start; i < stop; i++) if (body[i]) end = i;
    // Paragraph-shaped lines right after the last body line (a short closing paragraph).
    for (let i = end + 1; i < stop; i++) {
      const node = lines[i];
      if (!isKept(node) || !node.data.blankBefore || !node.data.blankAfter || wordCount(node.data.text) < 5) break;
      end = i;
    }

    // The headline: nearest headline-shaped line above the start.
    let title = -1;
    let seen = 0;
    for (let i = start - 1; i >= 0 && seen < window; i--) {
      if (!isKept(lines[i])) continue;
      seen++;
      if (isHeadlineShaped(lines[i]) && !(isStandfirst(lines[i]) && i + 1 < start && seen === 1 && wordCount(lines[i].data.text) > 15)) {
        title = i;
        break;
      }
    }
    // Prefer a headline above a standfirst: `Headline` / `Standfirst …` / body.
    if (title > 0 && isStandfirst(lines[title])) {
      for (let i = title - 1, k = 0; i >= 0 && k < 1; i--) {
        if (!isKept(lines[i])) continue;
        k++;
        if (isHeadlineShaped(lines[i]) && !isStandfirst(lines[i])) title = i;
      }
    }

    const first = title >= 0 ? title : start;
    for (let i = 0; i < first; i++) removeLine(lines[i], ruleId, 'page chrome before the article');
    for (let i = first + 1; i < start; i++) {
      if (!isStandfirst(lines[i])) removeLine(lines[i], ruleId, 'page meta between the headline and the article');
    }
    for (let i = end + 1; i < lines.length; i++) removeLine(lines[i], ruleId, 'after the article’s end');
    if (title >= 0) {
      lines[title].data.role = 'title';
      tree.data.title = lines[title];
    }
    for (let i = start; i <= end; i++) if (isKept(lines[i])) lines[i].data.role = 'body';
  };
}
