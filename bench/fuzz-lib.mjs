// Generators and properties shared by tests/properties.test.ts (a CI-sized
// run) and bench/fuzz.mjs (npm run fuzz, a million cases). Both run the
// built library (dist/), as the CLI tests do.
//
// The properties, for one input x and r = clean(x):
//
// 1. clean never throws.
// 2. Shape: r.text is '' or paragraphs joined by exactly one blank line and
//    one final '\n'; no paragraph is empty, has a line break (CR or LF) or
//    white space at its edges.
// 3. Nothing invented: split x into lines at CR LF, CR and LF, as the parser
//    does, and fold each line: drop zero-width and bidi controls (INVISIBLE),
//    decode its entities once (decodeVisible does both, in that order, as the
//    cleaner does), turn every run of white space into one space, trim. Fold each output paragraph the same way,
//    without decoding (output is decoded already). Then every paragraph, as a
//    sequence of UTF-16 code units, is a subsequence of one folded input line, and
//    the body paragraphs (all but the headline, which is printed first) use
//    lines in input order.
// 4. Idempotence: clean(r.text).text === r.text. The one exception is
//    CLEANING.md's doubly escaped text, detected exactly: r.text still holds
//    a complete character reference (decoding it changes it) AND some input
//    line holds one after it is decoded once (`&amp;lt;`). Then each pass
//    decodes one level (and may clean what that uncovers), and cleaning
//    reaches a fixed point within 10 passes.
// 5. Coverage: the removed spans are in order, do not overlap, lie inside x,
//    carry x's text and the right line and column; and x with the removed
//    spans taken out (each replaced by a line break, so no entity forms
//    across one) equals r.text once both are decoded line by line
//    (decodeVisible) and all white space and invisible characters dropped.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { clean } from '../dist/index.js';
import { decodeEntities, decodeVisible, INVISIBLE } from '../dist/util/text.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LINE_BREAK = /\r\n|\r|\n/;

/** The corpus documents, read once. */
export const CORPUS = fs
  .readdirSync(path.join(ROOT, 'corpus'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => fs.readFileSync(path.join(ROOT, 'corpus', f), 'utf8'));

// ---------------------------------------------------------------- generators

/** Characters that parsers, folders and rules treat specially. */
const ODD_CHARS = [
  '\n', '\r', '\r\n', '\t', ' ', '  ', '\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c',
  '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u2029', '\u3000', '\u0085', '\u000b', '\u000c', '\u0000', '\u0001', '\u001b',
  '\u007f', '\ufffd', '<', '>', '&', ';', '#', '/', '"', "'", '=', '(', ')', '[', ']', '|', '•', '·', '»', '-', '–', '.', '!', '?', '…', ':', '@',
  '©', '*', '+', '1', '2024', 'x', 'A', 'é', 'ß', 'İ', '\ud83d\ude00', 'ٌ', '。',
];

/** Pieces of scraped pages: boilerplate, entities, tags, IDs, RTL and CJK text, prose. */
const PIECES = [
  'Home', 'Menu', '• World', 'Reuters', 'By admin', 'Published : 5 Jan 2024, 03:27 AM', 'RELATED STORIES', 'Opinion', 'Open full screen',
  'FILE PHOTO: a caption. KCNA via REUTERS/File Photo', 'Photo: AP', '(end)', 'asj', '(Reporting by A; Editing by B)', 'Sign up for eNewsletter',
  '© 2024 Example. All rights reserved.', '3 comments', 'Advertisement', 'Share this:', 'Read more', 'Skip to content', '5 min read',
  'Title of the page | Section | Site', 'WASHINGTON (Reuters) -', '(Yonhap)', 'date 2024-01-04 (MENAFN- Kuwait News Agency (KUNA))',
  '&amp;', '&lt;', '&gt;', '&nbsp;', '&#8217;', '&#x27;', '&#10;', '&#13;', '&NewLine;', '&Tab;', '&#0;', '&#xD800;', '&bogus;', '&amp;lt;',
  '&amp;amp;', '&#38;lt;', '&#x26;#8217;', '&', '&#', '&#x4', '1;', 'amp;',
  '<p>', '</p>', '< /p>', '< p class="StyledBodyHtmlParagraph-sc-48221190-4 hnvfyV">', '<br/>', '<br>', '<!-- c -->', '<The Palace: Tale>', '<a href="x">',
  'MENAFN04012024000071011013ID1107686670', '?utm_source=feed&utm_medium=rss', 'sessionid=8f14e45fceea167a5a36dedd4bea2543', 'https://example.com/a?b=c',
  'مرحبا بالعالم، هذه جملة عربية طويلة في نص المقال.', 'עברית: זה משפט ארוך בתוך גוף הכתבה.', '東京都に住む男性が逮捕された。', '北京时间2024年1月4日，新华社报道。',
  '서울 2024년 1월 4일 연합뉴스', 'Главная » Интересное',
  'The city council voted on Tuesday to expand the bus network, adding three routes.',
  'Officials said the new timetable would take effect in March, after a consultation.',
  '"Quoted words," she said. Another sentence follows! Does it? Yes…',
];

/** Short strings of any code point (astral planes included). */
const anyUnicode = fc.string({ unit: 'binary', maxLength: 120 });
/** Short strings mixing odd characters, pieces and plain characters. */
const oddMix = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ODD_CHARS) },
    { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
  ),
  maxLength: 40,
});
/** Documents of whole lines, with mixed line ends. */
const lineDoc = fc
  .tuple(
    fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES, '', '', '   ') }, { weight: 1, arbitrary: oddMix }), { maxLength: 25 }),
    fc.constantFrom('\n', '\n', '\n\n', '\r\n', '\r', '\r\n\r\n'),
  )
  .map(([lines, sep]) => lines.join(sep));

/** Short generated strings, most well under 1 KB. */
export const shortText = fc.oneof({ weight: 3, arbitrary: anyUnicode }, { weight: 4, arbitrary: oddMix }, { weight: 3, arbitrary: lineDoc });

/** What can be injected into a document. */
const injection = fc.oneof(
  fc.constantFrom(
    '< p class="x">', '</p>', '< /p>', '<br/>', '<div>', 'MENAFN04012024000071011013ID1107686670', '&amp;', '&amp;lt;', '&#10;', '&nbsp;',
    '\u0000', '\u0001', '\u001b', '\u007f', '\u200b', '\u202e', '\u2066', '\u00a0', '\ufeff', '\r', '\r\n', '\n', '\t', '\u2028', '\ud800',
  ),
  oddMix,
);

/** One edit of a document. Positions are fractions of its length (0..1), so they fit any document. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('cut'), a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('join'), at: fc.double({ min: 0, max: 1, noNaN: true }), n: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('shuffle'), swaps: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 30 }) }),
  fc.record({ op: fc.constant('inject'), at: fc.double({ min: 0, max: 1, noNaN: true }), what: injection }),
  fc.record({ op: fc.constant('crlf'), sep: fc.constantFrom('\r\n', '\r') }),
);

function applyMutation(doc, m) {
  const at = (f) => Math.floor(f * doc.length);
  switch (m.op) {
    case 'cut': {
      const [a, b] = [at(m.a), at(m.b)].sort((x, y) => x - y);
      return doc.slice(a, b);
    }
    case 'join': {
      // Remove the next n line breaks after a point: lines run together.
      let i = at(m.at);
      let out = doc.slice(0, i);
      let n = m.n;
      for (; i < doc.length; i++) {
        const c = doc[i];
        if (n > 0 && (c === '\n' || c === '\r')) {
          n--;
          out += ' ';
          if (c === '\r' && doc[i + 1] === '\n') i++;
        } else out += c;
      }
      return out;
    }
    case 'shuffle': {
      const lines = doc.split('\n');
      for (const [x, y] of m.swaps) {
        const i = x % lines.length;
        const j = y % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      return lines.join('\n');
    }
    case 'inject':
      return doc.slice(0, at(m.at)) + m.what + doc.slice(at(m.at));
    case 'crlf':
      return doc.replace(/\n/g, m.sep);
  }
  throw new Error(`unknown mutation ${m.op}`);
}

/** A corpus document with a few edits: cut, lines joined or shuffled, tags, IDs and control characters injected. */
export const mutatedDoc = fc
  .tuple(fc.nat({ max: CORPUS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([i, ms]) => ms.reduce(applyMutation, CORPUS[i]));

// ---------------------------------------------------------------- properties

const fold = (s) => s.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
/** Text still holding a complete character reference that decoding would change. */
const hasReference = (s) => decodeEntities(s) !== s;

/**
 * True when `small` is a subsequence of `big`, in UTF-16 code units (the unit
 * of the API's offsets): a cut between two lone surrogates may join them into
 * one character, which adds no code unit to the text.
 */
function isSubsequence(small, big) {
  if (small.length === 0) return true;
  let i = 0;
  for (let k = 0; k < big.length; k++) if (big.charCodeAt(k) === small.charCodeAt(i) && ++i === small.length) return true;
  return false;
}

/** 1-based line and column of UTF-16 offsets given in increasing order (CR LF and CR end a line, as in the parser). */
function lineColumns(x) {
  let line = 1;
  let start = 0;
  let i = 0;
  return (offset) => {
    for (; i < offset; i++) {
      const c = x.charCodeAt(i);
      if (c === 10 || (c === 13 && x.charCodeAt(i + 1) !== 10)) {
        line++;
        start = i + 1;
      }
    }
    return { line, column: offset - start + 1 };
  };
}

const squash = (s) => s.replace(INVISIBLE, '').replace(/\s+/gu, '');

function checkShape(r) {
  if (r.text === '') return null;
  if (!r.text.endsWith('\n') || r.text.endsWith('\n\n')) return 'output must end with exactly one line break';
  for (const p of r.text.slice(0, -1).split('\n\n')) {
    if (p === '') return 'empty paragraph or more than one blank line between paragraphs';
    if (/[\r\n]/.test(p)) return `a paragraph holds a line break: ${JSON.stringify(p)}`;
    if (p.trim() !== p) return `a paragraph has white space at its edges: ${JSON.stringify(p)}`;
  }
  if (r.title !== null && !r.text.startsWith(r.title + '\n')) return 'the title is not the first paragraph';
  return null;
}

function checkNothingInvented(x, r) {
  if (r.text === '') return null;
  const lines = x.split(LINE_BREAK).map((l) => fold(decodeVisible(l)));
  let paragraphs = r.text.slice(0, -1).split('\n\n').map(fold);
  if (r.title !== null) {
    const title = paragraphs[0];
    if (!lines.some((l) => isSubsequence(title, l))) return `headline not found in any input line: ${JSON.stringify(title)}`;
    paragraphs = paragraphs.slice(1);
  }
  let line = 0;
  for (const p of paragraphs) {
    while (line < lines.length && !isSubsequence(p, lines[line])) line++;
    if (line === lines.length) return `paragraph not found in order in the input lines (invented text?): ${JSON.stringify(p)}`;
  }
  return null;
}

function checkIdempotent(x, r) {
  const twice = clean(r.text).text;
  if (twice === r.text) return null;
  if (!hasReference(r.text)) return `not idempotent: second pass gives ${JSON.stringify(twice)}`;
  // CLEANING.md's exception: doubly escaped input decodes one level per pass.
  if (!x.split(LINE_BREAK).some((l) => hasReference(decodeVisible(l)))) {
    return `output holds a character reference but no input line is doubly escaped: ${JSON.stringify(r.text)}`;
  }
  // Decoding may uncover more to clean (`&amp;lt;p>` → `<p>`, cut next pass): it must settle within a few passes.
  let y = twice;
  for (let pass = 0; pass < 10; pass++) {
    const next = clean(y).text;
    if (next === y) return null;
    y = next;
  }
  return `doubly escaped input does not settle in 10 passes: ${JSON.stringify(y)}`;
}

function checkCoverage(x, r) {
  let pos = 0;
  let rest = '';
  const lineColumn = lineColumns(x);
  for (const s of r.removed) {
    if (!(s.start >= pos && s.end > s.start && s.end <= x.length)) return `removed span out of order or bounds: ${JSON.stringify(s)}`;
    if (x.slice(s.start, s.end) !== s.text) return `removed span text differs from the input: ${JSON.stringify(s)}`;
    const lc = lineColumn(s.start);
    if (lc.line !== s.line || lc.column !== s.column) return `removed span at ${s.line}:${s.column}, input says ${lc.line}:${lc.column}`;
    rest += x.slice(pos, s.start) + '\n';
    pos = s.end;
  }
  rest += x.slice(pos);
  const kept = squash(rest.split(LINE_BREAK).map(decodeVisible).join('\n'));
  const out = squash(r.text);
  return kept === out ? null : `output plus removed spans do not cover the input: kept ${JSON.stringify(kept.slice(0, 300))} vs output ${JSON.stringify(out.slice(0, 300))}`;
}

/** The single checks, exported so that a test can show each one fails when it should. */
export const checks = { checkShape, checkNothingInvented, checkCoverage, checkIdempotent };

/** Check every property on one input; returns the first failure as a message, or null. Throws if clean throws. */
export function checkAll(x, { idempotence = true } = {}) {
  const r = clean(x);
  return checkShape(r) ?? checkNothingInvented(x, r) ?? checkCoverage(x, r) ?? (idempotence ? checkIdempotent(x, r) : null);
}

/** Like assertAll, without the idempotence property (for the inputs where it is known to fail). */
export function assertAllButIdempotence(x) {
  const failure = checkAll(x, { idempotence: false });
  if (failure) throw new Error(failure);
}

/** Short strings of any code point, alone (no boilerplate pieces glued to text). */
export { anyUnicode };

/** The inputs: mostly short strings, some mutated corpus documents (relative weights). */
export function inputs(corpusWeight = 1, shortWeight = 49) {
  return fc.oneof({ weight: shortWeight, arbitrary: shortText }, { weight: corpusWeight, arbitrary: mutatedDoc });
}

/** Throws (so fast-check shrinks) when a property fails for `x`. */
export function assertAll(x) {
  const failure = checkAll(x);
  if (failure) throw new Error(failure);
}

/** The fast-check property over `inputs(...)`. */
export function property(corpusWeight = 1, shortWeight = 49) {
  return fc.property(inputs(corpusWeight, shortWeight), assertAll);
}

export { fc };
