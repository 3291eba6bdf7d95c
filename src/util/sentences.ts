/**
 * Lines for text that comes without line breaks (a whole page on one line,
 * as many scrapers emit it): a cheap sentence splitter, one linear pass with
 * one regex, checked against retext-english in the tests; then `lineSpans`
 * cuts runs of capitalised words (menus, headline lists) inside a sentence.
 *
 * A sentence ends at `.`, `!`, `?` or `…` (with closing quotes or brackets)
 * followed by white space and a character that can open a sentence (not a
 * lower-case letter or a digit, so `e.g. this` and `p. 41` stay whole), or at
 * `。！？` in any case.
 */
// `(?<![.!?…])`: a run of `!!!…` is tried from its first mark only (else quadratic).
const BOUNDARY = /(?<![.!?…])[.!?…]+["'”’»)\]]*\s+(?=[^\s\p{Ll}\p{N}])|[。！？]+[」』）"”]*\s*/gu;

/** Sentence spans `[start, end)` of `text`, trailing white space left out. */
export function splitSentences(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    let end = m.index + m[0].length;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) spans.push([start, end]);
    start = m.index + m[0].length;
    if (m[0].length === 0) BOUNDARY.lastIndex++;
  }
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) spans.push([start, end]);
  return spans;
}

/** Runs of non-space characters in `text[from, to)`, as `[start, end)`. */
function tokensOf(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000) {
      if (start >= 0) out.push([start, i]);
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push([start, to]);
  return out;
}

/** A word that starts with a capital, after an opening quote or bracket at most. */
const CAPITALISED = /^["“‘'(\[]?\p{Lu}/u;
/** A word that leads on to the next one: `Milford police: After …`, `Politics &`. */
const LEADS_ON = /[,;:–—\-&/]$/u;
/** Words either side of a gap that decide whether it sits in a run of capitalised words. */
const RUN_WINDOW = 8;
/** The share of capitalised words in that window that makes a run: prose stays well under it. */
const RUN_SHARE = 0.6;

/**
 * The spans that stand for lines in text that came without line breaks:
 * its sentences, and inside a sentence, runs of capitalised words cut before
 * each capitalised word. Menus (`Home News Sport Sign In`), lists of
 * headlines in title case and footers lose their line breaks but not their
 * capitals; prose mixes a few capitalised names into mostly lower-case words,
 * so its sentences stay whole.
 *
 * @example
 *   `Home News Sport Weather Sign In The minister said on Monday that …`
 *   → `Home` / `News` / `Sport` / `Weather` / `Sign` / `In The minister said on Monday that …`
 */
export function lineSpans(text: string): Array<[number, number]> {
  // One token stream for the whole text: the window runs across sentence ends,
  // so a sentence that ends in a name (`… the Los Angeles Auto Show.`) is judged among its neighbours.
  const tokens = tokensOf(text, 0, text.length);
  const capital = tokens.map(([s, e]) => CAPITALISED.test(text.slice(s, Math.min(e, s + 3))));
  const out: Array<[number, number]> = [];
  let t = 0;
  for (const [a, b] of splitSentences(text)) {
    while (t < tokens.length && tokens[t][0] < a) t++;
    let start = a;
    for (let k = t + 1; k < tokens.length && tokens[k][0] < b; k++) {
      if (!capital[k]) continue;
      const [ps, pe] = tokens[k - 1];
      if (LEADS_ON.test(text.slice(Math.max(ps, pe - 1), pe))) continue;
      let caps = 0;
      const from = Math.max(0, k - RUN_WINDOW);
      const to = Math.min(tokens.length, k + RUN_WINDOW);
      for (let j = from; j < to; j++) if (capital[j]) caps++;
      if (caps >= RUN_SHARE * (to - from)) {
        out.push([start, pe]);
        start = tokens[k][0];
      }
    }
    out.push([start, b]);
  }
  return out;
}
