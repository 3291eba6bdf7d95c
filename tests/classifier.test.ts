import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clean, defaultModel, detectLanguage, FEATURE_NAMES, type LineModel } from '../src/index.js';
import { documentFeatures } from '../src/util/features.js';
import { Line } from '../src/util/tree.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = (n: string) => fs.readFileSync(path.join(root, 'corpus', n), 'utf8');
const BODY = 'The article body is a long paragraph of plain prose that reads like the text of a story.';

/** A model that scores lines only by one feature. */
function oneFeatureModel(name: string, weight: number, bias: number): LineModel {
  const d = FEATURE_NAMES.length;
  const weights = new Array(d).fill(0);
  weights[FEATURE_NAMES.indexOf(name)] = weight;
  return { features: FEATURE_NAMES, mean: new Array(d).fill(0), scale: new Array(d).fill(1), weights, bias, threshold: 0.5 };
}

describe('language detection', () => {
  it('guesses the corpus languages', () => {
    expect(detectLanguage(corpus('000_4e410571edfb4a5e.txt'))).toBe('en');
    expect(detectLanguage(corpus('sh-ba07d1e64775.txt'))).toBe('de');
    expect(detectLanguage(corpus('sh-c4a3637c6696.txt'))).toBe('ru');
    expect(detectLanguage(corpus('rd-qq.txt'))).toBe('zh');
    expect(detectLanguage(corpus('rd-hukumusume.txt'))).toBe('ja');
    expect(detectLanguage(corpus('sh-0ec95c7261d1.txt'))).toBe('ko');
    expect(detectLanguage('1234 5678')).toBe('und');
  });
});

describe('line-classifier (opt-in)', () => {
  it('is off by default and the shipped model matches the features', () => {
    const input = corpus('004_59fd4cd5987390a4.txt');
    expect(clean(input).removed.some((r) => r.rule === 'line-classifier')).toBe(false);
    expect(defaultModel().features).toEqual(FEATURE_NAMES);
    expect(defaultModel().weights).toHaveLength(FEATURE_NAMES.length);
  });
  it('removes body lines the model scores under the threshold, naming the probability', () => {
    const input = `A headline for the test page\n\n${BODY}\n\nA short line in the article\n\n${BODY.replace('long', 'second')}\n`;
    // Long lines score high, short ones low.
    const model = oneFeatureModel('log_words', 40, -20);
    const r = clean(input, { rules: { 'line-classifier': true }, model });
    const removed = r.removed.find((x) => x.text === 'A short line in the article')!;
    expect(removed.rule).toBe('line-classifier');
    expect(removed.reason).toMatch(/p = 0\.\d\d < 0\.50/);
    expect(r.text).toContain(BODY);
    // The threshold is the knob: at 0 nothing is removed by the classifier.
    expect(clean(input, { rules: { 'line-classifier': true }, model, threshold: 0 }).text).toContain('A short line in the article');
  });

  it('runs when the precision/recall knob is set, and stays off for balanced or when turned off by id', () => {
    const input = corpus('004_59fd4cd5987390a4.txt');
    const ran = (options: Parameters<typeof clean>[1]) => clean(input, options).removed.some((r) => r.rule === 'line-classifier') || clean(input, options).text !== clean(input).text;
    expect(ran({ threshold: 0.9 })).toBe(true);
    expect(ran({ threshold: 'balanced' })).toBe(false);
    expect(ran({ threshold: 0.9, rules: { 'line-classifier': false } })).toBe(false);
  });

  it('trades precision for recall: the precision preset keeps fewer words, the recall preset more', () => {
    const words = (threshold?: 'precision' | 'recall') => {
      let n = 0;
      for (const name of fs.readdirSync(path.join(root, 'corpus')).filter((f) => f.endsWith('.txt'))) {
        n += clean(corpus(name), threshold ? { threshold } : undefined).text.split(/\s+/).length;
      }
      return n;
    };
    const balanced = words();
    expect(words('precision')).toBeLessThan(balanced);
    expect(words('recall')).toBeGreaterThan(balanced);
  });
});

describe('line features', () => {
  const features = (text: string, stopwords = new Set<string>()) => {
    const node = new Line(text, 1, 1, 0, text, false, false);
    const row = documentFeatures([node], stopwords)[0];
    return (name: string) => row[FEATURE_NAMES.indexOf(name)];
  };
  it('counts capitals, case, punctuation and stopwords by code point, a lone surrogate as one unit', () => {
    const f = features('Hello WORLD, the cat. Ça va', new Set(['the', 'va']));
    expect(f('capitalised_words')).toBeCloseTo(3 / 6);
    // Cased letters: H e l l o W O R L D t h e c a t Ç a v a (20), upper: H W O R L D Ç (7).
    expect(f('upper_share')).toBeCloseTo(7 / 20);
    expect(f('punct_ratio')).toBeCloseTo(2 / 27);
    expect(f('stopword_density')).toBeCloseTo(2 / 6);
    // `\uD800` alone is a piece of its own, and the `.` after it is still punctuation.
    expect(features('\uD800 Hello the')('capitalised_words')).toBeCloseTo(1 / 3);
    expect(features('x\uD800.1 A')('punct_ratio')).toBeCloseTo(1 / 6);
    // `İ` lower-cases to two units: the words are read off the lower-cased text.
    expect(features('İstanbul the city', new Set(['the']))('stopword_density')).toBeCloseTo(1 / 4);
  });
});
