import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import * as deboil from '../src/index.js';
import { clean, cleanFile, DeadlineError, deboilPreset, RULE_IDS, toMessages } from '../src/index.js';
import { OPT_IN_RULES } from '../src/pipeline/preset.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seed = (n: string) => fs.readFileSync(path.join(root, 'corpus', n), 'utf8');

describe('clean()', () => {
  it('returns the text, the headline and the removals', () => {
    const r = clean(seed('000_4e410571edfb4a5e.txt'));
    expect(r.title).toBe('White House: North Korea provided Russia with ballistic missiles, launchers');
    expect(r.text.startsWith(r.title + '\n\n')).toBe(true);
    expect(r.removed.every((x) => RULE_IDS.includes(x.rule as never))).toBe(true);
  });
  it('gives a null title when the page has no headline', () => {
    const r = clean(seed('003_4b945914ce585b7a.txt'));
    expect(r.title).toBeNull();
    expect(r.text.startsWith('WASHINGTON, Jan 4 (KUNA) --')).toBe(true);
  });
  it('gives an empty output, not a crash, when nothing is left', () => {
    expect(clean('')).toEqual({ text: '', title: null, language: 'und', removed: [] });
    const r = clean('Home\nMenu\n© 2024 Example Inc. All rights reserved.\n');
    expect(r.text).toBe('');
    expect(r.removed.map((x) => x.rule)).toEqual(['navigation', 'navigation', 'legal-ads-comments']);
  });
  it('names the language of the clean text, or und', () => {
    const de = 'Die Regierung hat am Montag beschlossen, dass die neuen Regeln für alle Bürger gelten, die in der Stadt wohnen und dort arbeiten.\n';
    const en = 'The government decided on Monday that the new rules apply to all of the people who live in the city and work there.\n';
    expect(clean(de).language).toBe('de');
    expect(clean(en).language).toBe('en');
    expect(clean('').language).toBe('und');
  });

  it('gives up with a DeadlineError naming the stage when the deadline has passed', () => {
    expect(() => clean('Some text here.\n', undefined, { deadline: Date.now() - 1 })).toThrow(DeadlineError);
    try {
      clean('Some text here.\n', undefined, { deadline: Date.now() - 1 });
    } catch (error) {
      expect((error as DeadlineError).stage).toBe('stray-html');
    }
    // Parsing 5 MB alone takes longer than 1 ms, so a later stage notices.
    const big = 'A sentence of the article, long enough to be body text here.\n'.repeat(80000);
    expect(() => clean(big, undefined, { timeoutMs: 1 })).toThrow(/time limit exceeded before stage/);
  });

  it('gives the same result with a generous time limit', () => {
    const input = seed('000_4e410571edfb4a5e.txt');
    expect(clean(input, undefined, { timeoutMs: 60000 })).toEqual(clean(input));
  });

  it('turns a rule off by its id', () => {
    const input = seed('000_4e410571edfb4a5e.txt');
    expect(clean(input).removed.some((x) => x.text === 'বাংলা')).toBe(true);
    const r = clean(input, { rules: { navigation: false, 'main-content': false } });
    expect(r.text.startsWith('বাংলা\n\n')).toBe(true);
  });
  it("adds the user's own phrases, in any language", () => {
    const input = 'Titel des Artikels hier\n\nDer Artikel hat einen langen ersten Absatz mit vielen Wörtern darin, wirklich.\n\nSchnäppchen des Tages\n\nDer zweite Absatz ist auch lang genug, um ein Absatz des Artikels zu sein.\n';
    expect(clean(input).text).toContain('Schnäppchen des Tages');
    const r = clean(input, { phrases: { cta: ['Schnäppchen des Tages'] } });
    expect(r.text).not.toContain('Schnäppchen');
    expect(r.removed.find((x) => x.text === 'Schnäppchen des Tages')?.rule).toBe('calls-to-action');
  });
  it('leaves every hand-cleaned file as it is (cleaning a clean text changes nothing)', () => {
    for (const f of fs.readdirSync(path.join(root, 'expected')).filter((x) => x.endsWith('.txt'))) {
      const clean1 = fs.readFileSync(path.join(root, 'expected', f), 'utf8');
      expect(clean(clean1).text, f).toBe(clean1);
    }
  });
  it('is idempotent on the corpus', () => {
    for (const f of fs.readdirSync(path.join(root, 'corpus')).filter((x) => x.endsWith('.txt'))) {
      const once = clean(seed(f)).text;
      expect(clean(once).text, f).toBe(once);
    }
  });
});

describe('unified integration', () => {
  it('exports the preset and every rule plugin', () => {
    expect(Array.isArray(deboilPreset.plugins)).toBe(true);
    expect(deboilPreset.plugins!.length).toBe(RULE_IDS.length - OPT_IN_RULES.size);
    for (const name of ['strayHtml', 'trackingIds', 'navigation', 'bylinesStamps', 'captionsCredits', 'callsToAction', 'legalAdsComments', 'relatedBlocks', 'mainContent', 'syndicationWrappers', 'headlineSuffix', 'duplicates']) {
      expect(typeof (deboil as Record<string, unknown>)[name], name).toBe('function');
    }
  });
  it('composes into a processor of your own', () => {
    const p = unified().use(deboil.deboilParse).use(deboilPreset).use(deboil.deboilCompile);
    const file = p.processSync(new VFile(seed('004_59fd4cd5987390a4.txt')));
    expect(String(file.value)).toBe(fs.readFileSync(path.join(root, 'expected', '004_59fd4cd5987390a4.txt'), 'utf8'));
  });
  it('turns removals into vfile messages with ruleId, source and place', () => {
    const file = cleanFile(seed('000_4e410571edfb4a5e.txt'), undefined, 'seed.txt');
    const messages = toMessages(file, file.data.deboil!.removed);
    const byline = messages.find((m) => m.message.includes('“Reuters”'))!;
    expect(byline).toMatchObject({ ruleId: 'bylines-stamps', source: 'deboil', line: 7, column: 5 });
    const report = reporter([file]);
    expect(report).toMatch(/7:5-7:12\s+info\s+.*Reuters.*\s+bylines-stamps\s+deboil/);
  });
});
