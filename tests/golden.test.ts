// Golden tests: the output for every corpus/*.txt must equal its hand-cleaned
// expected/*.txt (cleaned by hand per CLEANING.md, never from deboil's output).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = fs.readdirSync(path.join(root, 'corpus')).filter((f) => f.endsWith('.txt')).sort();

describe('golden files', () => {
  it('every corpus file has a hand-cleaned expected file', () => {
    const expected = fs.readdirSync(path.join(root, 'expected')).filter((f) => f.endsWith('.txt')).sort();
    expect(expected).toEqual(corpus);
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of corpus) {
    it(name, () => {
      const input = fs.readFileSync(path.join(root, 'corpus', name), 'utf8');
      const expected = fs.readFileSync(path.join(root, 'expected', name), 'utf8');
      // toBe on strings prints a line diff on failure.
      expect(clean(input).text).toBe(expected);
    });
  }
});
