// Hostile inputs: each must finish, at a throughput in the range of normal
// text. `npm run bench` prints this section; `npm run bench:hostile` runs it
// alone. Figures are ratios to normal text measured in the same run (the
// machines are shared): "normal" is the dev-set pages, cleaned one by one.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The cases the hardening issue names, plus near misses of the rules' patterns. */
export function hostileCases() {
  return {
    '100,000 `<`': '<'.repeat(100000),
    '1,000,000 short lines': Array.from({ length: 1000000 }, (_, i) => 'ab ' + (i % 7)).join('\n'),
    'one 10 MB line': 'This is a sentence of the article, with words. '.repeat(220000),
    '50,000 nested brackets': '('.repeat(50000) + 'x' + ')'.repeat(50000),
    'near-miss tags': '< p class="x" '.repeat(50000),
    'near-miss IDs and params': 'MENAFN0401 ID11076 utm_source= sessionid &amp &#x; '.repeat(20000),
    'near-miss credits and bylines': 'Photo: by The (AP Photo/ Published : 5 Jan By '.repeat(20000),
    '1 MB line without punctuation': 'word '.repeat(200000),
    'a 1 MB paragraph among lines':
      'Title of the page here\n\n' + Array.from({ length: 2000 }, (_, i) => `Line ${i} of the article body, with enough words to matter.`).join('\n') + '\n' + 'This is a sentence of the article. '.repeat(30000),
  };
}

function datasetPages() {
  const pages = [];
  const base = resolve(ROOT, '../shared/datasets');
  for (const set of readdirSync(base, { withFileTypes: true })) {
    if (!set.isDirectory()) continue;
    const raw = join(base, set.name, 'raw');
    let files;
    try {
      files = readdirSync(raw);
    } catch {
      continue;
    }
    for (const f of files) pages.push(readFileSync(join(raw, f), 'utf8'));
  }
  return pages;
}

/** Seconds per run of `fn`, repeated until a second has passed (small inputs need several runs). */
function timeIt(fn) {
  let runs = 0;
  const start = performance.now();
  do {
    fn();
    runs++;
  } while (performance.now() - start < 1000);
  return (performance.now() - start) / 1000 / runs;
}

/** Rounds of the whole table; each figure is the median over them. */
const ROUNDS = 3;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Run every case; returns rows with MB/s and the slowdown per MB against
 * normal text. The machines are shared and their load swings within
 * seconds, so normal text is timed again right before each case, each
 * slowdown is the ratio of those two neighbouring timings, and the table
 * holds the median of ROUNDS rounds (with the worst round beside it).
 */
export function runHostile(clean, rounds = ROUNDS) {
  const pages = datasetPages();
  const normalBytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
  for (const p of pages.slice(0, 50)) clean(p); // warm-up
  const normalRun = () => timeIt(() => {
    for (const p of pages) clean(p);
  });
  const cases = Object.entries(hostileCases());
  for (const [, doc] of cases) clean(doc.slice(0, 10000));
  const normals = [];
  const timings = cases.map(() => ({ seconds: [], slowdowns: [] }));
  for (let r = 0; r < rounds; r++) {
    cases.forEach(([, doc], k) => {
      const normalSeconds = normalRun();
      normals.push(normalSeconds);
      const mb = Buffer.byteLength(doc) / 1e6;
      const seconds = timeIt(() => clean(doc));
      timings[k].seconds.push(seconds);
      timings[k].slowdowns.push(seconds / mb / (normalSeconds / (normalBytes / 1e6)));
    });
  }
  const normalSeconds = median(normals);
  const rows = [{ name: 'normal text (dev-set pages)', mb: normalBytes / 1e6, seconds: normalSeconds, mbPerS: normalBytes / 1e6 / normalSeconds, slowdown: 1, worst: 1 }];
  cases.forEach(([name, doc], k) => {
    const mb = Buffer.byteLength(doc) / 1e6;
    const seconds = median(timings[k].seconds);
    rows.push({ name, mb, seconds, mbPerS: mb / seconds, slowdown: median(timings[k].slowdowns), worst: Math.max(...timings[k].slowdowns) });
  });
  return rows;
}

export function printHostile(rows) {
  console.log(`\nhostile inputs (slowdown = normal MB/s ÷ this MB/s, median of ${ROUNDS} rounds, worst round beside it; the target is at most 3×):\n`);
  console.log(`| ${'input'.padEnd(30)} | ${'MB'.padStart(6)} | ${'s/run'.padStart(7)} | ${'MB/s'.padStart(6)} | ${'slowdown'.padStart(8)} | ${'worst'.padStart(6)} |`);
  console.log(`| ${'-'.repeat(30)} | ${'-'.repeat(6)} | ${'-'.repeat(7)} | ${'-'.repeat(6)} | ${'-'.repeat(8)} | ${'-'.repeat(6)} |`);
  for (const r of rows) console.log(`| ${r.name.padEnd(30)} | ${r.mb.toFixed(2).padStart(6)} | ${r.seconds.toFixed(3).padStart(7)} | ${r.mbPerS.toFixed(1).padStart(6)} | ${(r.slowdown.toFixed(2) + '×').padStart(8)} | ${(r.worst.toFixed(2) + '×').padStart(6)} |`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { clean } = await import(join(ROOT, 'dist/index.js'));
  printHostile(runHostile(clean));
}
