// Seeded random documents built from the kinds of lines scraped pages hold:
// clean() must return (never throw, never hang), keep its output idempotent,
// and account for every input character.
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { decodeEntities, INVISIBLE } from '../src/util/text.js';

function prng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

const PIECES = [
  'Home', 'Menu', '• World', 'Sun. Feb 25th, 2024', 'By admin', 'Reuters', 'Published : 5 Jan 2024, 03:27 AM', 'RELATED STORIES', 'Opinion',
  'Open full screen', 'FILE PHOTO: a caption. KCNA via REUTERS/File Photo', '< /p>', '<br/>', 'MENAFN04012024000071011013ID1107686670',
  '(end)', 'asj', '(Reporting by A; Editing by B)', 'Sign up for eNewsletter', '© 2024 Example. All rights reserved.', '3 comments',
  'A headline about something | Site', 'The body paragraph says a lot of things in a long sentence that ends properly here.',
  'Another paragraph of the article, long enough to count as body text for the content stage.', '1. an item', '+ Added item',
  'x = 1;', '}', '&amp; &#8217; &bogus;', '\u00a0\u200b', 'Read More', 'The End', '[Source hal. 41]', 'Главная » Интересное',
  '東京都に住む。ソウル 2024年', 'عربي', '«Quote»', '', '', '   ', '\t',
];

describe('random documents', () => {
  it('are cleaned without throwing, idempotently, accounting for every character', () => {
    const rand = prng(42);
    for (let n = 0; n < 1500; n++) {
      const lines: string[] = [];
      const count = Math.floor(rand() * 30);
      for (let k = 0; k < count; k++) lines.push(PIECES[Math.floor(rand() * PIECES.length)]);
      const sep = rand() < 0.1 ? '\r\n' : rand() < 0.1 ? '\r' : '\n';
      const input = lines.join(sep);
      const r = clean(input);
      expect(clean(r.text).text, JSON.stringify(input)).toBe(r.text);
      let rest = '';
      let pos = 0;
      for (const x of r.removed) {
        expect(x.start).toBeGreaterThanOrEqual(pos);
        rest += input.slice(pos, x.start) + '\n';
        pos = x.end;
      }
      rest += input.slice(pos);
      const squash = (s: string) => s.split(/\r\n|\r|\n/).map(decodeEntities).join('').replace(INVISIBLE, '').replace(/\s+/g, '');
      expect(r.text.replace(INVISIBLE, '').replace(/\s+/g, ''), JSON.stringify(input)).toBe(squash(rest));
    }
  });
});
