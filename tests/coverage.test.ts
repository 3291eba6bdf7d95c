// Every character of the input is either in the output or in a removed
// span, apart from normalized white space and decoded entities.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { decodeEntities, INVISIBLE } from '../src/util/text.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Input minus removed spans, entities decoded, all white space dropped. */
function remainder(input: string, removed: { start: number; end: number }[]): string {
  let out = '';
  let pos = 0;
  for (const r of removed) {
    expect(r.start).toBeGreaterThanOrEqual(pos); // spans are sorted and disjoint
    out += input.slice(pos, r.start) + '\n';
    pos = r.end;
  }
  out += input.slice(pos);
  return out.split(/\r\n|\r|\n/).map((l) => decodeEntities(l)).join('\n').replace(INVISIBLE, '').replace(/\s+/g, '');
}

function check(input: string) {
  const result = clean(input);
  for (const r of result.removed) {
    expect(input.slice(r.start, r.end)).toBe(r.text);
    const before = input.slice(0, r.start);
    expect(r.line).toBe(before.split(/\r\n|\r|\n/).length);
    expect(r.column).toBe(r.start - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')));
  }
  expect(result.text.replace(INVISIBLE, '').replace(/\s+/g, '')).toBe(remainder(input, result.removed));
}

describe('output plus removed spans account for the input', () => {
  const corpus = fs.readdirSync(path.join(root, 'corpus')).filter((f) => f.endsWith('.txt'));
  for (const name of corpus) {
    it(name, () => check(fs.readFileSync(path.join(root, 'corpus', name), 'utf8')));
  }
  it('with CRLF and CR line ends, NBSP, zero-width characters and entities', () => {
    const text = fs.readFileSync(path.join(root, 'corpus', '000_4e410571edfb4a5e.txt'), 'utf8');
    check(text.replace(/\n/g, '\r\n'));
    check(text.replace(/\n/g, '\r'));
    check('Headline\u00a0with\u200b odd &amp; spaces\n\nThe body\u00a0\u00a0paragraph says something long enough to be a sentence of the article, really.\n\n< /p>Reuters\n');
  });
  it('positions are exact with CRLF (offsets count both characters)', () => {
    const input = 'bla\r\nবাংলা\r\nTitle of the page here\r\n\r\nThe article body is long enough to be a body line of text, surely.\r\n';
    const r = clean(input);
    const nav = r.removed.find((x) => x.text === 'বাংলা')!;
    expect(nav).toMatchObject({ start: 5, end: 10, line: 2, column: 1, rule: 'navigation' });
  });
});
