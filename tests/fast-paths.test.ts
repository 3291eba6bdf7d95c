/**
 * The hot path answers some questions by hand-written scans instead of the
 * regex that defines them (bench/: a regex ending in `$` tries every position
 * of a line; a regex per character costs a call per character). Each scan
 * must give exactly the regex's answer: checked here against the regex on
 * generated strings, on every code point, or on the dev pages' lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { comparable, endsLikeSentence, isLetterOrDigit, TERMINAL, toOutputText, wordCount } from '../src/util/text.js';
import { Line, lineWords } from '../src/util/tree.js';
import { hasCalendarDate, isDateOnly, mayBeWord, MONTHS, WORDS } from '../src/util/dates.js';
import trackingIds from '../src/rules/tracking-ids.js';
import legalAdsComments, { COPYRIGHT, mayBeCopyright, mayReserveRights, RIGHTS_RESERVED } from '../src/rules/legal-ads-comments.js';
import { runRule } from './helpers.js';
import { CharFacts, lineChars } from '../src/util/phrases.js';
import { parseLines } from '../src/pipeline/parser.js';
import { detectLanguage, isWordChar } from '../src/util/languages.js';
import { createRequire } from 'node:module';
import { SOCIAL } from '../src/rules/calls-to-action.js';
import { AGENCIES, CREDIT_ONLY, ENDS_WITH_CREDIT, mayBeCreditOnly, mayEndWithCredit } from '../src/rules/captions-credits.js';
import { CELL_NUMBER, countCellNumbers } from '../src/rules/main-content.js';

const DATASETS = join(import.meta.dirname, '..', '..', 'shared', 'datasets');
function devLines(): string[] {
  const lines: string[] = [];
  for (const set of ['sh', 'readability']) {
    const dir = join(DATASETS, set, 'raw');
    for (const f of readdirSync(dir).sort()) for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) lines.push(line.trim());
  }
  return lines;
}

/** Strings made of the characters the patterns care about, and a few others (astral and lone surrogates too). */
const PIECES = ['.', '!', '?', '…', '。', '！', '？', '؟', '।', '॥', '۔', '።', '"', "'", '”', '’', '»', ')', ']', '）', '」', '』', '(', '（', '[', '「', '“', ' ', 'a', 'Z', '1', '😀', '\ud800', '\udc00', '\n'];
const marked = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

describe('endsLikeSentence', () => {
  it('answers as TERMINAL does, on generated strings', () => {
    fc.assert(fc.property(marked, (s) => endsLikeSentence(s) === TERMINAL.test(s)), { seed: 7, numRuns: 200_000 });
  });

  it('answers as TERMINAL does for credit brackets of every length around its limit of 30 code points', () => {
    for (let n = 0; n <= 33; n++) {
      for (const unit of ['a', '😀', '\ud800', '(']) {
        for (const before of ['Done.', 'Done. ', 'Done.  ', 'Done', 'Done.)']) {
          const s = `${before}(${unit.repeat(n)})`;
          expect(endsLikeSentence(s), JSON.stringify(s)).toBe(TERMINAL.test(s));
        }
      }
    }
  });

  it('answers as TERMINAL does on every line of the dev pages', () => {
    const wrong = devLines().filter((line) => endsLikeSentence(line) !== TERMINAL.test(line));
    expect(wrong).toEqual([]);
  });
});

describe('isLetterOrDigit', () => {
  it('answers as /[\\p{L}\\p{N}]/u does, on every code point', () => {
    const reference = /[\p{L}\p{N}]/u;
    const wrong: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) if (isLetterOrDigit(cp) !== reference.test(String.fromCodePoint(cp))) wrong.push(cp);
    expect(wrong).toEqual([]);
  });
});

describe('hasCalendarDate', () => {
  /** The definition it had: a numeric date, or a digit and a month's name among the words of the lower-cased text. */
  const months = new Set(MONTHS);
  const reference = (text: string) =>
    /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\d{4}\s*年/.test(text) ||
    (/\d/.test(text) && text.toLowerCase().split(/[^\p{L}]+/u).some((w) => w.length > 2 && months.has(w)));

  it('finds a month named by a whole word only', () => {
    const cases = ['Nov 19, 2019', 'NOV. 19 2019', '19 ноября 2019', '3 décembre', 'Novel 19', 'xnov 19', 'nov19', '19nov', 'Sept. 3', 'no digit in November', '2019-11-19', '19.11.2019', '2019年', 'mai 5', 'Maine 5', 'İnov 5'];
    for (const text of cases) expect(hasCalendarDate(text), text).toBe(reference(text));
    expect(hasCalendarDate('Novel 19')).toBe(false);
    expect(hasCalendarDate('nov19')).toBe(true);
  });

  it('answers as that definition does on every line of the dev pages', () => {
    const wrong = devLines().filter((line) => hasCalendarDate(line) !== reference(line));
    expect(wrong).toEqual([]);
  });
});

describe('tracking-ids', () => {
  /** The definition: every whole run of 20+ ASCII letters and digits with 8+ digits and 2+ letters is cut. */
  const LONG_RUN = /[A-Za-z0-9]{20,}/g;
  const expectedCuts = (line: string) =>
    [...line.matchAll(LONG_RUN)].filter(([run]) => run.replace(/\D/g, '').length >= 8 && run.length - run.replace(/\D/g, '').length >= 2).map((m) => m[0]);

  // Runs of every length around 20, of letters and digits, between separators; each line starts with a word so that it is never a numeric ID alone.
  const run = fc.tuple(fc.integer({ min: 1, max: 45 }), fc.constantFrom('a1', 'ab12345678', '9', 'Z')).map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
  // Separators include what decoding and folding change between the raw line and its text: references, invisible characters, NBSP, the Kelvin sign (lower-cased to `k`).
  const separators = [' ', '-', '.', ' é ', '_', '&amp;', '&#65;', '&frac12;', '&CounterClockwiseContourIntegral;', '\u200b', '\u00a0', '\u212a', '  '];
  const line = fc.array(fc.tuple(run, fc.constantFrom(...separators)), { minLength: 1, maxLength: 8 }).map((parts) => 'Word ' + parts.map(([r, sep]) => r + sep).join(''));

  it('cuts exactly the runs the definition names, wherever they sit in the line', () => {
    fc.assert(
      fc.property(line, (text) => {
        const cut = runRule(trackingIds, text).removed.map((r) => r.text);
        expect(cut).toEqual(expectedCuts(text));
      }),
      { seed: 11, numRuns: 6000 },
    );
  });
});

describe("legal-ads-comments' comment headers", () => {
  // COMMENT_HEADER is case-insensitive over Unicode: `ſ` reads as `s` and the Kelvin sign as `k`, which lower-casing alone does not give.
  const cases: Array<[string, boolean]> = [
    ['Reader responses', true],
    ['TOP RATED REPLIES', true],
    ['Reader Responſes', true],
    ['Alle 3 \u212Aommentare', true],
    ['12 Responses to “A title”', true],
    ['Reader responsibilities', false],
    ['Responses', false],
  ];
  it.each(cases)('%s: removed as a header %s', (line, header) => {
    const { removed } = runRule(legalAdsComments, `An article's first paragraph goes on for a while here.\n\n${line}\n`);
    expect(removed.some((r) => r.text === line)).toBe(header);
  });
});

describe('lineChars', () => {
  it("has each character class exactly when the line's text has it (a breadcrumb separator at least when it has one)", () => {
    const lines = devLines().filter((l) => l.length > 0);
    lines.push('id a1b2c3d4e5f6g7h8i9j0', 'id a1b2c3d4e5f6g7h8i9j', 'Home » News', 'A › B', 'x → y', 'a :: b', 'a \\ b', '«quoted»', '• item', 'a · b', '12 | 3', 'no marks at all', 'x'.repeat(300) + ' 1');
    const wrong: string[] = [];
    for (const line of lines) {
      const node = parseLines(line + '\n').children[0];
      if (!node) continue;
      const chars = lineChars(node);
      const text = node.data.text;
      const has = (bit: number) => (chars & bit) !== 0;
      if (has(CharFacts.DIGIT) !== /\d/.test(text) && text.length <= 240) wrong.push(`digit: ${text}`);
      if (has(CharFacts.BAR) !== /[|•·]/.test(text) && text.length <= 240) wrong.push(`bar: ${text}`);
      if (has(CharFacts.SLASH) !== text.includes('/') && text.length <= 240) wrong.push(`slash: ${text}`);
      if (/[»›>\\→:]/u.test(text) && !has(CharFacts.CRUMB)) wrong.push(`crumb: ${text}`);
      if (/[A-Za-z0-9]{20}/.test(text) && !has(CharFacts.ASCII_RUN)) wrong.push(`run: ${text}`);
      // A long line's head alone was analysed: every bit is set, so no rule skips its regex.
      if (text.length > 240 && chars !== -1) wrong.push(`long: ${text.slice(0, 40)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("legal-ads-comments' first looks for a rights notice", () => {
  it('let through every line COPYRIGHT or RIGHTS_RESERVED matches', () => {
    const lines = devLines();
    lines.push('COPYRIGHT 2019 ACME', '© 2019', '(C) 2019 Foo', 'Copyright©', 'ALL RIGHTS RESERVED.', 'Tous droits RÉSERVÉS', 'Все права ЗАЩИЩЕНЫ', 'Alle Rechte VORBEHALTEN', 'Diritti Riservati');
    const missed = lines.filter((l) => (COPYRIGHT.test(l) && !mayBeCopyright(comparable(l))) || (RIGHTS_RESERVED.test(l) && !mayReserveRights(comparable(l))));
    expect(missed).toEqual([]);
    expect(lines.filter((l) => COPYRIGHT.test(l)).length).toBeGreaterThan(20);
  });
});

describe('lineWords', () => {
  it('equals wordCount of the text, counted in the phrase analysis or not', () => {
    const lines = devLines().filter((l) => l.length > 0);
    lines.push('İstanbul İzmir', '東京 大阪　名古屋', 'ab\u00a0cd\tef', '“Quoted” words «here»', '𠀋𠀋𠀋 two', 'ไทย ภาษา', 'x'.repeat(250) + ' tail');
    const wrong: string[] = [];
    for (const line of lines) {
      for (const node of parseLines(line + '\n').children) if (lineWords(node) !== wordCount(node.data.text)) wrong.push(node.data.text);
    }
    expect(wrong).toEqual([]);
  });

  it('equals wordCount of any text a line node holds, tabs and wide spaces too', () => {
    const piece = fc.constantFrom(' ', '\t', '\u00a0', '\u3000', 'a', 'Z', '7', '-', '.', 'é', '東', 'ไ', '한', '𠀋', '“', '\ud800');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        return lineWords(new Line(text, 1, 1, 0, text, true, true)) === wordCount(text);
      }),
      { seed: 3, numRuns: 50_000 },
    );
  });
});

describe('detectLanguage', () => {
  // The definition the detector's hashed look-up must answer as: each word of the lower-cased sample sliced out and looked up by string.
  const lists = createRequire(import.meta.url)('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;
  const langs = Object.keys(lists);
  const wordLangs = new Map<string, number[]>();
  langs.forEach((lang, index) => {
    for (const w of lists[lang]) wordLangs.set(w, [...(wordLangs.get(w) ?? []), index]);
  });
  function bySlices(text: string, maxWords = 5000, maxChars = 65536): string {
    const lower = text.slice(0, maxChars).toLowerCase();
    const hits = new Array<number>(langs.length).fill(0);
    const order: number[] = [];
    let n = 0;
    let start = -1;
    for (let i = 0; i <= lower.length; i++) {
      if (i < lower.length && isWordChar(lower.charCodeAt(i))) {
        if (start < 0) start = i;
        continue;
      }
      if (start < 0) continue;
      for (const l of wordLangs.get(lower.slice(start, i)) ?? []) if (hits[l]++ === 0) order.push(l);
      start = -1;
      if (++n >= maxWords) break;
    }
    let best = 'und';
    let top = 0;
    for (const l of order) if (hits[l] > top) [best, top] = [langs[l], hits[l]];
    return top >= 3 ? best : 'und';
  }
  const noCjk = (text: string) => ![...text.slice(0, 65536)].some((ch) => /[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/.test(ch));

  it('finds the language the stopword lists name, word by word as slices would, on every dev page', () => {
    let checked = 0;
    for (const set of ['sh', 'readability']) {
      const dir = join(DATASETS, set, 'raw');
      for (const f of readdirSync(dir).sort()) {
        const text = readFileSync(join(dir, f), 'utf8');
        if (!noCjk(text)) continue;
        expect(detectLanguage(text), f).toBe(bySlices(text));
        expect(detectLanguage(text, 60, 400), f).toBe(bySlices(text, 60, 400));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('finds every stopword of every list, whatever its length', () => {
    let checked = 0;
    for (const lang of langs) {
      for (const w of lists[lang]) {
        const text = `${w} ${w} ${w}`;
        if (!noCjk(text)) continue;
        expect(detectLanguage(text), text).toBe(bySlices(text));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15_000);
  });

  it('answers as slices would on text made of stopwords of every length, glued and cut', () => {
    const words = langs.flatMap((lang) => lists[lang].filter((_, i) => i % 7 === 0));
    const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom(' ', ', ', '-', 'x', 'İ', 'é', '1'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        return !noCjk(text) || detectLanguage(text) === bySlices(text);
      }),
      { seed: 11, numRuns: 20_000 },
    );
  });
});

describe("captions-credits' first looks for a credit", () => {
  // Pieces of credits and of the lines around them: agencies, the words after them, names (one astral), labels, separators, brackets, spaces.
  const pieces = [
    ...AGENCIES, 'Photo', 'Images', 'Pictures', 'Creative', 'Wire', 'Pool', 'File Photo', 'via Getty Images', 'file', 'photo', 'archive', 'pool',
    'Jane', 'Doe', "O'Neil", '𝐀da', 'Élise', 'photo', 'Photo:', 'credit', 'by', 'via', 'the briefing.', 'said.', '"', '’', ')', ']', '(', '[', '/', '-',
    ',', ' ', ' ', ' ', '\u2003', 'x', 'é', '1', 'ab',
  ];
  const lines = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((parts) => parts.join(''));

  it('let through every line CREDIT_ONLY and ENDS_WITH_CREDIT match, on generated lines', () => {
    let creditOnly = 0;
    let closing = 0;
    fc.assert(
      fc.property(lines, (line) => {
        if (CREDIT_ONLY.test(line)) {
          creditOnly++;
          if (!mayBeCreditOnly(line)) return false;
        }
        if (ENDS_WITH_CREDIT.test(line)) {
          closing++;
          if (!mayEndWithCredit(line)) return false;
        }
        return true;
      }),
      { seed: 5, numRuns: 300_000 },
    );
    // The generated lines reach both patterns often enough to mean something.
    expect(creditOnly).toBeGreaterThan(1000);
    expect(closing).toBeGreaterThan(300);
  });

  it('let through every dev line the patterns match, and keep most others out', () => {
    let matched = 0;
    let through = 0;
    const all = devLines().filter((line) => line !== '');
    for (const line of all) {
      if (CREDIT_ONLY.test(line)) {
        matched++;
        expect(mayBeCreditOnly(line), line).toBe(true);
      }
      if (ENDS_WITH_CREDIT.test(line)) expect(mayEndWithCredit(line), line).toBe(true);
      if (mayBeCreditOnly(line)) through++;
    }
    expect(matched).toBeGreaterThan(100);
    expect(through).toBeLessThan(all.length / 10);
  });
});

describe('parseLines', () => {
  it('gives each line the text toOutputText gives it, whether the document needs that work anywhere or not', () => {
    const piece = fc.constantFrom('a', 'Word', ' ', '  ', '\t', '\u00a0', '\u200b', '\ufeff', '&amp;', '&#65;', '&', '&lt;b&gt;', ';', '\n', '\r\n', '\r', '\n\n', 'é');
    const docs = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(docs, (doc) => {
        const expected = doc.split(/\r\n|\r|\n/).map(toOutputText).filter((text) => text !== '');
        return JSON.stringify(parseLines(doc).children.map((node) => node.data.text)) === JSON.stringify(expected);
      }),
      { seed: 13, numRuns: 30_000 },
    );
  });
});

describe("calls-to-action's share bar", () => {
  // The pattern as it was: a count was `[0-9]+`, which split a run of digits every possible way (exponential before a failure).
  const OLD_SOCIAL = /^(?:(?:share|tweet|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|pin|pint|tumblr|flipboard|pocket|messenger|sms|copy link|comments?|vk|ok|line|weibo|wechat|download|baixar|descargar|herunterladen|微博|微信|qq空间|[0-9]+)[\s,|•·/]*)+$/i;
  it('matches exactly the lines the old pattern matched, on generated bars (digit runs kept short for the old one)', () => {
    const piece = fc.constantFrom('Share', 'tweet', 'Email', 'x', 'X', 'pin', 'pint', 'Comments', 'comment', 'line', '微博', '1', '12', '345', ' ', ', ', ' | ', '•', '/', 'a', '!', '\ufffd', 'copy link');
    let matched = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const line = parts.join('');
        if (OLD_SOCIAL.test(line)) matched++;
        return SOCIAL.test(line) === OLD_SOCIAL.test(line);
      }),
      { seed: 17, numRuns: 100_000 },
    );
    expect(matched).toBeGreaterThan(1000);
  });
});

describe("main-content's table cells", () => {
  const byRegex = (text: string) => text.match(CELL_NUMBER)?.length ?? 0;
  it('counts as many numbers as the regex matches, on every dev line', () => {
    let lines = 0;
    let numbers = 0;
    for (const line of devLines()) {
      lines++;
      numbers += byRegex(line);
      expect(countCellNumbers(line), line).toBe(byRegex(line));
    }
    expect(lines).toBeGreaterThan(10_000);
    expect(numbers).toBeGreaterThan(5_000);
  });
  it('counts as many numbers as the regex matches, on generated lines (every kind of white space, signs, currency, marks)', () => {
    const piece = fc.constantFrom(
      '1', '23', '4567', '-', '+', '$', '€', '£', '¥', '.', ',', ':', '%', '/', 'a', 'x1', '(', '\u00a0', ' ', '  ', '\t', '\u1680', '\u2000', '\u200a', '\u200b',
      '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\n', '\v', '\f', '\r', '１', '٣', '😀',
    );
    let counted = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (parts) => {
        const line = parts.join('');
        counted += byRegex(line);
        return countCellNumbers(line) === byRegex(line);
      }),
      { seed: 23, numRuns: 200_000 },
    );
    expect(counted).toBeGreaterThan(20_000);
  });
});

describe("isDateOnly's first look at a line's first word", () => {
  const mayNot = (first: string) => !mayBeWord(first + ' 2019', first.length);
  it('lets every word of a date through, in any case', () => {
    const words = [...WORDS];
    expect(words.length).toBeGreaterThan(200);
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), (word, upper) => {
        const variant = [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
        // A variant whose lower case is no longer the word (a capital that lower-cases to something else) need not pass.
        return variant.toLowerCase() !== word || !mayNot(variant);
      }),
      { seed: 29, numRuns: 20_000 },
    );
    for (const word of words) expect(isDateOnly(`${word.toUpperCase()} 12, 2019`)).toBe(isDateOnly(`${word} 12, 2019`));
  });
  it('rules out only first parts that are no word of a date, on generated ASCII parts', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzAMJFSOND'.split(''));
    let ruledOut = 0;
    fc.assert(
      fc.property(fc.array(letter, { minLength: 1, maxLength: 9 }), (letters) => {
        const first = letters.join('');
        if (!mayNot(first)) return true;
        ruledOut++;
        return !WORDS.has(first.toLowerCase());
      }),
      { seed: 31, numRuns: 100_000 },
    );
    expect(ruledOut).toBeGreaterThan(50_000);
  });
  it('is the same isDateOnly on every dev line', () => {
    // Its definition without the first look: the first part, lower-cased, is a word of a date.
    let dates = 0;
    for (const line of devLines()) {
      if (isDateOnly(line)) dates++;
      const end = line.search(/[\s,.:/\-–—|•·()\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/u);
      const first = end < 0 ? line : line.slice(0, end);
      if (first.length > 0 && !/^[0-9]/.test(first) && WORDS.has(first.toLowerCase())) expect(mayBeWord(line, first.length), line).toBe(true);
    }
    expect(dates).toBeGreaterThan(100);
  });
});
