import { describe, expect, it } from 'vitest';
import { hashWord, phraseMatcher } from '../dist/util/phrases.js';
import { parseLines } from '../dist/pipeline/parser.js';

describe('phrase matchers', () => {
  it('match whole lines, heads, inner phrases and two-word endings', () => {
    const m = phraseMatcher(['read more', 'related stories', 'subscribe']);
    expect(m.is('Read more')).toBe(true);
    expect(m.is('Read more here')).toBe(false);
    expect(m.starts('Subscribe to our newsletter')).toBe(true);
    expect(m.starts('Please subscribe')).toBe(false);
    expect(m.has('Our related stories today')).toBe(true);
    expect(m.ends("Jane Doe's related stories")).toBe(true);
    // `ends` only counts phrases of two words or more.
    expect(m.ends('Please subscribe')).toBe(false);
  });

  it('see a list built after a line was first read (its first word is looked up again)', () => {
    const line = parseLines('Zanzibar quokka\n').children[0];
    expect(phraseMatcher(['hello']).is(line)).toBe(false);
    // The line's analysis is cached on the node; a newer list must still be consulted.
    expect(phraseMatcher(['zanzibar quokka']).is(line)).toBe(true);
    expect(phraseMatcher(['zanzibar']).starts(line)).toBe(true);
  });

  it('still match when there are more lists than index bits', () => {
    const matchers = Array.from({ length: 40 }, (_, i) => phraseMatcher([`marker${i} word`]));
    for (let i = 0; i < 40; i++) {
      expect(matchers[i].is(`Marker${i} word`)).toBe(true);
      expect(matchers[i].starts(`Marker${i} word and more`)).toBe(true);
      expect(matchers[i].is(`Marker${(i + 1) % 40} word`)).toBe(false);
    }
  });

  it('never take a word for another that only shares its hash', () => {
    // Two different words with one hash (found by search: there are many among 2^17 words).
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const word = `w${i.toString(36)}`;
      const other = seen.get(hashWord(word));
      if (other !== undefined) pair = [other, word];
      else seen.set(hashWord(word), word);
    }
    const [a, b] = pair;
    expect(a).not.toBe(b);
    expect(hashWord(a)).toBe(hashWord(b));
    const m = phraseMatcher([a, `${a} zebra`]);
    expect(m.is(a)).toBe(true);
    expect(m.is(b)).toBe(false);
    expect(m.starts(`${b} zebra`)).toBe(false);
    expect(m.has(`one ${b} zebra two`)).toBe(false);
    expect(m.has(`one ${a} zebra two`)).toBe(true);
    expect(m.ends(`one ${b} zebra`)).toBe(false);
    const last = phraseMatcher([`quokka ${a}`]);
    expect(last.ends(`one quokka ${b}`)).toBe(false);
    expect(last.ends(`one quokka ${a}`)).toBe(true);
  });
});
