/**
 * Rule `tracking-ids`: cuts opaque machine identifiers, on their own line or
 * glued to the text: long letter-and-digit runs such as
 * `MENAFN04012024000071011013ID1107686670`, hex hashes, UTM query strings and
 * session tokens.
 *
 * Why: they carry no language, and in a corpus they are unique junk tokens.
 *
 * An ID is a run of 20+ ASCII letters and digits with at least 8 digits and
 * at least 2 letters (so long numbers in the body, such as phone numbers,
 * stay), or a 32+ hex run, or `utm_*=` / session parameters.
 *
 * @example
 *   in:  `MENAFN04012024000071011013ID1107686670`
 *   out: (line removed)
 * @example
 *   in:  `Read the story at example.com/a?utm_source=feed&utm_medium=rss today.`
 *   out: `Read the story at example.com/a? today.`
 */
import type { LineRoot } from '../util/tree.js';
import { cutSpan, currentRaw, isKept, removeLine } from '../util/tree.js';
import { CharFacts, lineChars, LONG_ASCII_RUN } from '../util/phrases.js';

export const ruleId = 'tracking-ids';

/** An ID is a run of this many ASCII letters and digits or more. */
const ID_RUN = LONG_ASCII_RUN;

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Runs of 20+ ASCII letters and digits that look like IDs. Any such run
 * covers one of every 20 positions, so only those are read first, and the
 * run around one is read only when it is a letter or digit: about a third
 * of the line's characters instead of all (a regex for the run tries every
 * position). Most lines have none, and get no array.
 */
function idRuns(text: string): Array<[number, number, string]> | undefined {
  let runs: Array<[number, number, string]> | undefined;
  // Every run that starts at `from` or later holds position from + ID_RUN - 1; `from` follows a non-alnum (or is 0).
  let from = 0;
  while (from + ID_RUN <= text.length) {
    const probe = from + ID_RUN - 1;
    if (!isAsciiAlnum(text.charCodeAt(probe))) {
      from = probe + 1;
      continue;
    }
    let start = probe;
    while (start > from && isAsciiAlnum(text.charCodeAt(start - 1))) start--;
    let end = probe + 1;
    while (end < text.length && isAsciiAlnum(text.charCodeAt(end))) end++;
    if (end - start >= ID_RUN && looksLikeId(text.slice(start, end))) (runs ??= []).push([start, end, 'opaque machine ID']);
    from = end + 1;
  }
  return runs;
}

/** `191119052250266`: a long number alone on a line is an ID (a date or a count is shorter). */
const NUMERIC_ID = /^\d{12,}$/;
const PARAMS = /(?:[?&]?(?:utm_[a-z]{1,20}|fbclid|gclid|mc_cid|mc_eid|jsessionid|phpsessid|sessionid|sid)=[^\s&#]{1,300})+/gi;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function looksLikeId(run: string): boolean {
  let digits = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  const letters = run.length - digits;
  if (digits >= 8 && letters >= 2) return true;
  return run.length >= 32 && /^[0-9a-f]+$/i.test(run) && digits > 0 && letters > 0;
}

export interface TrackingIdsOptions {}

export default function trackingIds(_options: TrackingIdsOptions = {}) {
  return (tree: LineRoot): void => {
    const lines = tree.children;
    for (let i = 0; i < lines.length; i++) {
      const node = lines[i];
      if (!isKept(node)) continue;
      const text = node.data.text;
      if (text.length >= 12 && isDigit(text.charCodeAt(0)) && NUMERIC_ID.test(text)) {
        removeLine(node, ruleId, 'numeric ID alone on a line');
        continue;
      }
      const raw = currentRaw(node);
      const params = raw.includes('=');
      // The line's analysis says whether its text has a run long enough (lineChars: all bits for a long line).
      const runs = (lineChars(node) & CharFacts.ASCII_RUN) !== 0 ? idRuns(raw) : undefined;
      if (runs === undefined && !params) continue;
      const spans = runs ?? [];
      if (params) {
        PARAMS.lastIndex = 0;
        for (let m = PARAMS.exec(raw); m; m = PARAMS.exec(raw)) spans.push([m.index, m.index + m[0].length, 'tracking or session parameter']);
      }
      // Outer spans first: an ID inside `sessionid=…` goes with its parameter,
      // else the `sessionid=` left behind is cut by a second pass (not idempotent).
      spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
      const cut: typeof spans = [];
      let reach = -1;
      for (const span of spans) {
        if (span[0] < reach) continue; // overlaps a span kept already
        cut.push(span);
        reach = span[1];
      }
      // Cut from the right so earlier offsets stay valid.
      for (let i = cut.length - 1; i >= 0; i--) {
        cutSpan(node, cut[i][0], cut[i][1], ruleId, cut[i][2]);
        if (!isKept(node)) break;
      }
    }
  };
}
