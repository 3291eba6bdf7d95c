/**
 * Rule `duplicates`: removes a paragraph that repeats an earlier kept one
 * word for word (ignoring white space, case of quote marks and quote style),
 * or repeats the opening sentences of an earlier paragraph (a teaser of the lede).
 * The first copy stays.
 *
 * Why: repeated pull quotes, standfirsts echoed in the body and doubled
 * captions inflate a corpus and bias an index.
 *
 * @example
 *   in:  `Kirby said the launch was "a concerning escalation."` … `Kirby said the launch was “a concerning escalation.”`
 *   out: (the second copy removed)
 */
import type { LineRoot } from '../util/tree.js';
import { isKept, lineKey, removeLine } from '../util/tree.js';

export const ruleId = 'duplicates';

const OPENING = 600;

export interface DuplicatesOptions {
  /** Lines shorter than this (in characters) may repeat: list bullets, `]`, short headings. */
  minLength?: number;
}

export default function duplicates(options: DuplicatesOptions = {}) {
  const minLength = options.minLength ?? 20;
  return (tree: LineRoot): void => {
    const seen = new Set<string>();
    // Prefixes of earlier paragraphs, at sentence ends: a teaser that repeats the lede.
    const openings = new Set<string>();
    const lines = tree.children;
    for (let i = 0; i < lines.length; i++) {
      const node = lines[i];
      if (!isKept(node) || node.data.text.length < minLength) continue;
      const key = lineKey(node);
      if (seen.has(key)) removeLine(node, ruleId, 'repeats an earlier paragraph');
      else if (key.length >= 40 && openings.has(key)) removeLine(node, ruleId, 'repeats the opening of an earlier paragraph');
      else {
        seen.add(key);
        // A teaser repeats a short opening: prefixes up to OPENING characters (bounded work on long lines).
        for (let i = key.indexOf('. '); i > 0 && i < OPENING; i = key.indexOf('. ', i + 2)) openings.add(key.slice(0, i + 1));
      }
    }
  };
}
