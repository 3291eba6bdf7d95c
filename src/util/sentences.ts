/**
 * A cheap sentence splitter for text that comes without line breaks (a whole
 * page on one line, as many scrapers emit it). One linear pass with one
 * regex; checked against retext-english in the tests.
 *
 * A sentence ends at `.`, `!`, `?` or `…` (with closing quotes or brackets)
 * followed by white space and a character that can open a sentence (not a
 * lower-case letter or a digit, so `e.g. this` and `p. 41` stay whole), or at
 * `。！？` in any case.
 */
// `(?<![.!?…])`: a run of `!!!…` is tried from its first mark only (else quadratic).
const BOUNDARY = /(?<![.!?…])[.!?…]+["'”’»)\]]*\s+(?=[^\s\p{Ll}\p{N}])|[。！？]+[」』）"”]*\s*/gu;
/** White space (made once: a regex literal in a loop is a new object each time round). */
const WHITE_SPACE = /\s/;

/** Sentence spans `[start, end)` of `text`, trailing white space left out. */
export function splitSentences(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    let end = m.index + m[0].length;
    while (end > start && WHITE_SPACE.test(text[end - 1])) end--;
    if (end > start) spans.push([start, end]);
    start = m.index + m[0].length;
    if (m[0].length === 0) BOUNDARY.lastIndex++;
  }
  let end = text.length;
  while (end > start && WHITE_SPACE.test(text[end - 1])) end--;
  if (end > start) spans.push([start, end]);
  return spans;
}
