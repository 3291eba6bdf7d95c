// Hostile inputs: each must finish, at a throughput in the range of normal text.
// Quote the figures as ratios to the 'normal' row, measured in one run.
import { clean } from '../dist/index.js';
const cases = {
  'lt x100k': '<'.repeat(100000),
  'short lines x1M': Array.from({ length: 1000000 }, (_, i) => 'ab ' + (i % 7)).join('\n'),
  'one 10MB line': 'This is a sentence of the article, with words. '.repeat(220000),
  'nested brackets 50k': '('.repeat(50000) + 'x' + ')'.repeat(50000),
  'near-miss tags': '< p class="x" '.repeat(50000),
  'long line no punct 1MB': 'word '.repeat(200000),
  'big para in lines': 'Title of the page here\n\n' + Array.from({ length: 2000 }, (_, i) => `Line ${i} of the article body, with enough words to matter.`).join('\n') + '\n' + 'This is a sentence of the article. '.repeat(30000),
  'normal x': 'Title of a page\n\n' + 'The body paragraph of the article says something long enough to count here.\n\n'.repeat(20000),
};
for (const [name, doc] of Object.entries(cases)) {
  const t = process.hrtime.bigint();
  const r = clean(doc);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(name.padEnd(24), (doc.length / 1e6).toFixed(2).padStart(6), 'MB', s.toFixed(2).padStart(6), 's', ((doc.length / 1e6) / s).toFixed(1).padStart(6), 'MB/s', 'removed', r.removed.length);
}
