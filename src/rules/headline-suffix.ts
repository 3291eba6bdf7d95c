/**
 * Rule `headline-suffix`: cuts the trailing run of site and section names
 * from the headline, in one pass (`Title | Section | Site` → `Title`), and a
 * leading section label before ` | ` (`Opinion | Title` → `Title`).
 *
 * Why: the site name is not part of the article's title, and a corpus would
 * learn it as a sentence ending.
 *
 * A trailing part counts when it follows ` | `, ` - `, ` – `, ` — `, ` :: `,
 * ` » ` or ` · ` and is short (at most 4 words for `|`, `::`, `»` and `·`; at
 * most 3 for dashes, which also join real titles), while the title left has
 * more words than the part. An attribution joined by `:` stays
 * (`… at Ukraine: White House`).
 *
 * @example
 *   in:  `Korea North supplies missiles to Russia, White House says | War in Ukraine`
 *   out: `Korea North supplies missiles to Russia, White House says`
 */
import type { LineNode, LineRoot } from '../util/tree.js';
import { cutSpan, currentRaw, isKept } from '../util/tree.js';
import { wordCount } from '../util/text.js';

export const ruleId = 'headline-suffix';

// `(?<!\s)`: a match starts where a run of white space starts, so a long run
// without a separator is scanned once, not once per position (quadratic).
const SEPARATOR = /(?<!\s)\s+(\||::|»|·|-|–|—)\s+/gu;

export interface HeadlineSuffixOptions {}

export default function headlineSuffix(_options: HeadlineSuffixOptions = {}) {
  return (tree: LineRoot): void => {
    const node = tree.data.title;
    if (!node) return;
    // Cut until nothing more goes, so that a second pass finds nothing left to cut (a few rounds at most).
    for (let round = 0; round < 4 && isKept(node) && cutOnce(node); round++);
  };
}

/** One cut of a site or section name off the headline; false when there is none. */
function cutOnce(node: LineNode): boolean {
  const raw = currentRaw(node);
  const seps: Array<{ index: number; end: number; strong: boolean }> = [];
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(raw); m; m = SEPARATOR.exec(raw)) {
    seps.push({ index: m.index, end: m.index + m[0].length, strong: !/[-–—]/.test(m[1]) });
  }
  if (seps.length === 0) return false;
  // Walk from the right while each part is a short name.
  let cutFrom = -1;
  for (let k = seps.length - 1; k >= 0; k--) {
    const partEnd = k + 1 < seps.length ? seps[k + 1].index : raw.length;
    const part = raw.slice(seps[k].end, partEnd);
    const limit = seps[k].strong ? 4 : 3;
    const left = raw.slice(0, seps[k].index);
    if (wordCount(part) > limit || wordCount(left) <= wordCount(raw.slice(seps[k].end))) break;
    cutFrom = seps[k].index;
  }
  if (cutFrom >= 0) {
    cutSpan(node, cutFrom, raw.trimEnd().length, ruleId, 'site or section name after the headline');
    return true;
  }
  // `Section | Title`: a short leading label before a strong separator.
  const lead = seps[0];
  if (lead.strong && wordCount(raw.slice(0, lead.index)) <= 2 && wordCount(raw.slice(lead.end)) >= 3) {
    cutSpan(node, 0, lead.end, ruleId, 'section label before the headline');
    return true;
  }
  return false;
}
