// The cheap sentence splitter used for text without line breaks, checked
// against retext-english's sentence structure on the corpus's paragraphs
// (each paragraph parsed alone, so retext-english only ever sees a bounded piece).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root } from 'nlcst';
import { splitSentences } from '../src/util/sentences.js';
import { clean } from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const english = ['000_4e410571edfb4a5e.txt', '001_55da5f90b11d3137.txt', '002_2153946361cf1e12.txt', '003_4b945914ce585b7a.txt', '004_59fd4cd5987390a4.txt', 'sh-1ace8c85aaee.txt', 'sh-e7994d550087.txt', 'sh-5a822960e9a2.txt', 'sh-bd673bd79881.txt', 'rd-telegraph.txt'];

function retextStarts(text: string): number[] {
  const tree = unified().use(retextEnglish).parse(text) as Root;
  const starts: number[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) if (sentence.type === 'SentenceNode') starts.push(sentence.position!.start.offset!);
  }
  return starts;
}

describe('sentence splitting of unbroken text', () => {
  it('agrees with retext-english on at least 95% of sentence starts in the corpus', () => {
    let same = 0;
    let total = 0;
    for (const name of english) {
      for (const paragraph of fs.readFileSync(path.join(root, 'expected', name), 'utf8').split('\n\n')) {
        const ours = new Set(splitSentences(paragraph).map(([a]) => a));
        const theirs = retextStarts(paragraph);
        total += theirs.length;
        for (const s of theirs) if (ours.has(s)) same++;
      }
    }
    expect(total).toBeGreaterThan(150);
    expect(same / total).toBeGreaterThanOrEqual(0.95);
  });
  it('keeps abbreviations and numbers inside a sentence', () => {
    expect(splitSentences('See p. 41 for details. Then e.g. this one. 東京。大阪！')).toEqual([[0, 22], [23, 42], [43, 46], [46, 49]]);
  });
  it('cleans a page that comes on one line, with exact positions', () => {
    const page = fs.readFileSync(path.join(root, 'corpus', '000_4e410571edfb4a5e.txt'), 'utf8').split('\n').filter((l) => l.trim()).join(' ');
    const r = clean(page);
    // Its pieces are where the model of line breaks puts them: a sentence may share one with the next.
    expect(r.text).toContain('Moscow has been heavily reliant on Iran for drones and other weaponry for use against Ukraine.');
    for (const gone of ['বাংলা', 'RELATED STORIES', 'World welcomes 2024']) expect(r.text).not.toContain(gone);
    for (const x of r.removed) expect(page.slice(x.start, x.end)).toBe(x.text);
    for (const x of r.removed) expect(x.column).toBe(x.start + 1);
  });
});
