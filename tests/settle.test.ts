/**
 * Settling (src/pipeline/settle.ts): after the rules, `clean` looks again at
 * what they kept, as the output prints it, until a look changes nothing; what
 * a look removes is carried back onto the input's lines with its rule and span.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clean } from '../src/index.js';
import { outputTextMap, toOutputText } from '../src/util/text.js';

/** Every removal's text is the input's text at its span. */
function spansMatch(input: string, removed: ReturnType<typeof clean>['removed']): void {
  for (const r of removed) expect(input.slice(r.start, r.end)).toBe(r.text);
}

const SENTENCES = [
  'The council met on Tuesday and voted to expand the bus network.',
  'Three new routes will link the northern suburbs with the city centre.',
  'Officials said the new timetable would take effect in March.',
  'A consultation on fares is planned for the spring, the mayor said.',
  'Opposition members asked how the extra buses would be paid for.',
  'The transport committee will publish its costings next month.',
];

describe('settling', () => {
  it('removes in one call what only a look at the output shows to be boilerplate', () => {
    // `(end)` is cut from the line; what is left is a lone `Advertisement` label.
    const input = 'Advertisement(end)\n';
    const r = clean(input);
    expect(r.text).toBe('');
    expect(r.removed).toEqual([expect.objectContaining({ rule: 'legal-ads-comments', start: 0, end: 18, text: 'Advertisement(end)' })]);
  });

  it('is idempotent where one pass was not, and every span stays exact', () => {
    const inputs = [
      'Advertisement(end)\n',
      '< p class="x">\n:Skip to content&NewLine;\r\n3 comments(end)',
      `Opinion\r\n!?x\n&#13;\r\nГлавная » Интересное\r\n${SENTENCES[0]}\r\n• World\r\n<p>\r\n(Reporting by A; Editing by B)`,
    ];
    for (const input of inputs) {
      const r = clean(input);
      expect(clean(r.text).text).toBe(r.text);
      spansMatch(input, r.removed);
    }
  });

  it('judges a long line as the parser would once the lines around it are gone: prose stays whole, a page is cut', () => {
    // Four lines, 1,000 characters each on average: not unbroken text, so the
    // parser keeps the long line whole. The menu goes, and the output is one
    // line of over 2,000 characters: unbroken text, which the model of line
    // breaks cuts into sentences only, so it is a paragraph and stays whole.
    const long = Array.from({ length: 40 }, (_, i) => SENTENCES[i % SENTENCES.length].replace('.', ` (${i + 1}).`)).join(' ');
    const input = `Home\nNews\nSport\n${long}\n`;
    expect(long.length).toBeGreaterThan(2000);
    const r = clean(input);
    expect(r.text).toBe(long + '\n');
    expect(clean(r.text).text).toBe(r.text);
    spansMatch(input, r.removed);
    // With a menu glued onto it, the same line is a page: the output is cut, and cleaning it again changes nothing.
    const glued = `Home\nNews\nSport\nSkip to content Home News Sport Business Culture Travel Video ${long}\n`;
    const g = clean(glued);
    expect(g.text).not.toContain('Culture Travel');
    expect(g.text.trim().split('\n\n').length).toBeGreaterThan(1);
    expect(clean(g.text).text).toBe(g.text);
    spansMatch(glued, g.removed);
  });

  it('keeps the headline it found through the page around it', () => {
    // The breadcrumb names the headline; the output, without the breadcrumb, still opens with it.
    const input = `Fables > This month > The greedy dog\n\nThe greedy dog\n\nListen to the audio version now\n\n${SENTENCES.join('\n\n')}\n`;
    const r = clean(input);
    expect(r.title).toBe('The greedy dog');
    expect(clean(r.text).title).toBe('The greedy dog');
    expect(clean(r.text).text).toBe(r.text);
  });
});

describe('outputTextMap', () => {
  it('maps each character of a line\'s output text to the input it came from', () => {
    const raw = '  A&amp;B \t C&#8217;s\u200b  ';
    const map = outputTextMap(raw)!;
    const text = toOutputText(raw);
    expect(text).toBe('A&B C’s');
    const spans = [...text].map((_, i) => raw.slice(map.start[i], map.end[i]));
    expect(spans).toEqual(['A', '&amp;', 'B', ' \t ', 'C', '&#8217;', 's']);
  });

  it('replays toOutputText exactly on any line, so every span maps', () => {
    const pieces = fc.constantFrom('&amp;', '&lt;', '&#8217;', '&#x1F600;', '&#0;', '&bogus;', '&amp', '&', ';', ' ', '  ', '\t', '\u00a0', '\u200b', '\u202e', '\u3000', '\r', '&#10;', 'a', 'é', '😀', '<p>');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')), (raw) => {
        const map = outputTextMap(raw);
        expect(map).toBeDefined();
        const text = toOutputText(raw);
        expect(map!.start.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) {
          expect(map!.start[i]).toBeLessThan(map!.end[i]);
          if (i > 0) expect(map!.start[i]).toBeGreaterThanOrEqual(map!.start[i - 1]);
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
