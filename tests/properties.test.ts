/**
 * Property tests (fast-check) of clean(), the CI-sized run of `npm run fuzz`:
 * the generators and the properties are those of bench/fuzz-lib.mjs, where
 * each property is defined precisely (never throws; output shape; nothing
 * invented: each paragraph's UTF-16 code units are a subsequence of one
 * entity-decoded, white-space-folded input line, body paragraphs in input
 * order; removed spans plus output cover the input; idempotence, except
 * CLEANING.md's doubly escaped text, detected exactly).
 *
 * Fixed seeds, so a failure reproduces; fast-check prints the seed and the
 * path of the shrunk counterexample. 15,000 generated cases in all.
 *
 * Idempotence is asserted on strings of arbitrary code points and on the
 * corpus, but not yet on boilerplate glued to text or on documents with
 * joined or shuffled lines: there the content stage sometimes picks another
 * headline or article start on a second pass (`npm run fuzz` finds about 3
 * such cases in 10,000 short strings and 1 in 100 mutated documents, and
 * prints them shrunk). Once fixed, those runs should use assertAll.
 */
import { describe, expect, it } from 'vitest';
import { fc, assertAll, assertAllButIdempotence, anyUnicode, inputs, shortText, mutatedDoc, checkAll, checks, CORPUS } from '../bench/fuzz-lib.mjs';

describe('clean() properties', () => {
  it('all hold on strings of arbitrary code points', () => {
    fc.assert(fc.property(anyUnicode, assertAll), { seed: 4, numRuns: 4000 });
  }, 120_000);

  it('all hold on every corpus document as it is', () => {
    for (const doc of CORPUS) expect(checkAll(doc)).toBeNull();
  });

  it('never throws, invents nothing and covers the input, on short generated strings', () => {
    fc.assert(fc.property(shortText, assertAllButIdempotence), { seed: 1, numRuns: 9000 });
  }, 120_000);

  it('never throws, invents nothing and covers the input, on mutated corpus documents', () => {
    fc.assert(fc.property(mutatedDoc, assertAllButIdempotence), { seed: 2, numRuns: 1000 });
  }, 120_000);

  it('never throws, invents nothing and covers the input, on the mix npm run fuzz draws from', () => {
    fc.assert(fc.property(inputs(1, 49), assertAllButIdempotence), { seed: 3, numRuns: 1000 });
  }, 120_000);
});

describe('the property checks', () => {
  const r = (text: string, title: string | null = null, removed: object[] = []) => ({ text, title, language: 'und', removed }) as never;

  it('find a bad output shape', () => {
    expect(checks.checkShape(r('a\n\nb\n'))).toBeNull();
    expect(checks.checkShape(r('a\n\n\n\nb\n'))).toMatch(/blank line/);
    expect(checks.checkShape(r('a\nb\n'))).toMatch(/line break/);
    expect(checks.checkShape(r('a'))).toMatch(/end with/);
  });

  it('find invented text, and accept decoded entities and folded white space', () => {
    expect(checks.checkNothingInvented('x &amp; y\u00a0\u200b z', r('x & y z\n'))).toBeNull();
    expect(checks.checkNothingInvented('abc', r('abd\n'))).toMatch(/invented/);
    // Paragraphs keep the input's order; the headline may come from anywhere.
    expect(checks.checkNothingInvented('one\ntwo\nTitle', r('Title\n\none\n\ntwo\n', 'Title'))).toBeNull();
    expect(checks.checkNothingInvented('one\ntwo', r('two\n\none\n'))).toMatch(/in order/);
  });

  it('find removed spans that do not cover the input', () => {
    const removed = [{ rule: 'navigation', reason: 'menu', start: 0, end: 4, line: 1, column: 1, text: 'Home' }];
    expect(checks.checkCoverage('Home\nBody text', r('Body text\n', null, removed))).toBeNull();
    expect(checks.checkCoverage('Home\nBody text', r('Body text\n'))).toMatch(/do not cover/);
    expect(checks.checkCoverage('Home\nBody text', r('Body text\n', null, [{ ...removed[0], line: 2 }]))).toMatch(/input says 1:1/);
  });

  it('find lost idempotence, except for doubly escaped input', () => {
    expect(checks.checkIdempotent('x', r('Home\n'))).toMatch(/not idempotent/);
    expect(checks.checkIdempotent('5 &amp;lt; 6 and more words in this line of the article.', r('5 &lt; 6 and more words in this line of the article.\n'))).toBeNull();
    // A reference in the output without a doubly escaped input is no exception.
    expect(checks.checkIdempotent('5 < 6', r('5 &lt; 6 and more words in this line of the article.\n'))).toMatch(/no input line is doubly escaped/);
  });
});
