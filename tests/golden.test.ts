// Golden tests: the output for every corpus/*.txt must equal its hand-cleaned
// expected/*.txt. Files listed in known-mismatches.json are pages where the
// cleaner still disagrees with the hand-cleaned file; they are asserted to
// differ (it.fails), so fixing one turns its test red until it is taken off
// the list. The list is a to-do list, never a way to accept a regression.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = fs.readdirSync(path.join(root, 'corpus')).filter((f) => f.endsWith('.txt')).sort();
const known: string[] = JSON.parse(fs.readFileSync(path.join(root, 'tests/known-mismatches.json'), 'utf8')).files;

describe('golden files', () => {
  it('every corpus file has a hand-cleaned expected file', () => {
    const expected = fs.readdirSync(path.join(root, 'expected')).filter((f) => f.endsWith('.txt')).sort();
    expect(expected).toEqual(corpus);
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  it('the known-mismatch list names only corpus files', () => {
    for (const f of known) expect(corpus).toContain(f);
  });

  for (const name of corpus) {
    const test = known.includes(name) ? it.fails : it;
    test(`${name}${known.includes(name) ? ' (known mismatch)' : ''}`, () => {
      const input = fs.readFileSync(path.join(root, 'corpus', name), 'utf8');
      const expected = fs.readFileSync(path.join(root, 'expected', name), 'utf8');
      // toBe on strings prints a line diff on failure.
      expect(clean(input).text).toBe(expected);
    });
  }

  it('every seed is matched exactly (seeds are never on the known-mismatch list)', () => {
    for (const f of known) expect(f).not.toMatch(/^00\d_/);
  });
});
