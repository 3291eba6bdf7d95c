// npm run eval: score deboil on every set in ../shared/datasets with the
// datasets' "bow" metric (per-document bag-of-words P/R/F1, mean over
// documents), next to the do-nothing and C4-line baselines, in one run.
import { clean, defaultModel } from '../dist/index.js';
import { renderReport } from '../dist/io/report.js';
import { writeFileAtomic } from '../dist/io/atomic.js';
import { breakPage, documentRows, fit, fitBreaks, foldOf, loadDatasets, oneLine as joinLines } from './lr.mjs';

const args = process.argv.slice(2);
const worstN = Number(args[args.indexOf('--worst') + 1]) || 10;
const quiet = args.includes('--quiet');
// --one-line: every input's lines joined with a single space, as scrapers that drop line breaks give it.
const oneLine = args.includes('--one-line');
const reportAt = args.indexOf('--report');
const reportFile = reportAt >= 0 ? args[reportAt + 1] : undefined;

const TOKEN = /[\p{L}\p{N}_]+/gu;
const tokens = (s) => s.match(TOKEN) ?? [];
export function bow(output, gold) {
  const p = tokens(output), g = tokens(gold);
  if (!g.length && !p.length) return { p: 1, r: 1, f1: 1 };
  if (!p.length) return { p: 0, r: 0, f1: 0 };
  if (!g.length) return { p: 0, r: 1, f1: 0 };
  const left = new Map();
  for (const t of g) left.set(t, (left.get(t) ?? 0) + 1);
  let tp = 0;
  for (const t of p) { const c = left.get(t); if (c) { tp++; left.set(t, c - 1); } }
  const P = tp / p.length, R = tp / g.length;
  return { p: P, r: R, f1: P + R ? (2 * P * R) / (P + R) : 0 };
}

// The datasets README's hand-written C4-style line filter.
function linesC4(raw) {
  return raw.split('\n').filter((line) => {
    const t = line.trim();
    const terminal = /[.!?…]['"”’»)\]]*$/.test(t) || /["”»]$/.test(t);
    return terminal && t.split(/\s+/).length >= 5 && !/javascript|cookie|lorem ipsum/i.test(t) && !/[{}]/.test(t);
  }).join('\n\n');
}

// The line classifier learns from these very sets, so every score of deboil
// here is cross-validated: each document is cleaned by a model trained on the
// other folds (k = 5, by document).
const K = 5;
const classifierOn = !args.includes('--no-classifier');
let foldModels = [];
const docs = loadDatasets();
if (classifierOn) {
  const all = docs.map((doc) => ({ fold: foldOf(doc, K), rows: documentRows(doc.raw, doc.gold) }));
  const threshold = defaultModel().threshold;
  foldModels = Array.from({ length: K }, (_, f) => ({ ...fit(all.filter((d) => d.fold !== f).flatMap((d) => d.rows)), threshold }));
}
// Pages on one line are cut into lines by the model of line breaks, which is
// learned from these sets too: cross-validated the same way.
let breakModels = [];
if (oneLine) {
  const all = docs.map((doc) => ({ fold: foldOf(doc, K), page: breakPage(doc.raw) }));
  breakModels = Array.from({ length: K }, (_, f) => fitBreaks(all.filter((d) => d.fold !== f).map((d) => d.page)));
}
// One options object per fold and setting (processors are cached per options object).
const optionsOf = (extra) => Array.from({ length: K }, (_, f) => ({ ...extra, ...(classifierOn ? { model: foldModels[f] } : {}), ...(oneLine ? { breakModel: breakModels[f] } : {}) }));
const withFold = (options) => (raw, doc) => clean(raw, options[foldOf(doc, K)]).text;
const systems = { none: (raw) => raw, 'lines-c4': linesC4, deboil: withFold(optionsOf({})) };
if (classifierOn) {
  // The learned stage at its balanced threshold, and the two presets of the precision/recall knob.
  systems['+classifier'] = withFold(optionsOf({ rules: { 'line-classifier': true } }));
  systems['--precision'] = withFold(optionsOf({ threshold: 'precision' }));
  systems['--recall'] = withFold(optionsOf({ threshold: 'recall' }));
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
const f3 = (x) => x.toFixed(3);

function diffTokens(a, b) {
  // tokens of a not matched in b (multiset)
  const left = new Map();
  for (const t of tokens(b)) left.set(t, (left.get(t) ?? 0) + 1);
  const out = [];
  for (const t of tokens(a)) { const c = left.get(t); if (c) left.set(t, c - 1); else out.push(t); }
  return out;
}

const results = {};
for (const set of [...new Set(docs.map((d) => d.set))]) {
  const rows = [];
  for (const doc of docs.filter((d) => d.set === set)) {
    const raw = oneLine ? joinLines(doc.raw) : doc.raw;
    const row = { id: doc.id, language: doc.language, fixture: doc.fixture, scores: {}, raw, gold: doc.gold };
    for (const [name, fn] of Object.entries(systems)) {
      const out = fn(raw, doc);
      row.scores[name] = bow(out, doc.gold);
      if (name === 'deboil') row.out = out;
    }
    rows.push(row);
  }
  results[set] = rows;
  const groups = [['all', rows]];
  if (rows.some((r) => r.fixture)) groups.push(['captured (fixture: false)', rows.filter((r) => !r.fixture)]);
  for (const [label, group] of groups) {
    console.log(`\n${set} — ${label}, ${group.length} documents${oneLine ? `, each input on one line (its line breaks learned, cross-validated, ${K}-fold by document)` : ''}${classifierOn ? ` (+classifier: deboil with the opt-in line classifier, cross-validated, ${K}-fold by document)` : ''}`);
    console.log('system       P      R      F1');
    for (const name of Object.keys(systems)) {
      const s = group.map((r) => r.scores[name]);
      console.log(`${name.padEnd(12)} ${f3(mean(s.map((x) => x.p)))}  ${f3(mean(s.map((x) => x.r)))}  ${f3(mean(s.map((x) => x.f1)))}`);
    }
  }
}

const all = Object.values(results).flat().filter((r) => !r.fixture);
const byLang = new Map();
for (const r of all) byLang.set(r.language, [...(byLang.get(r.language) ?? []), r]);
console.log('\nF1 per language (sh + captured readability pages)');
console.log('lang  docs  ' + Object.keys(systems).map((n) => n.padEnd(11)).join(' '));
for (const [lang, rs] of [...byLang].sort((a, b) => b[1].length - a[1].length)) {
  const f = (n) => f3(mean(rs.map((r) => r.scores[n].f1))).padEnd(11);
  console.log(`${lang.padEnd(5)} ${String(rs.length).padStart(4)}  ${Object.keys(systems).map(f).join(' ')}`);
}

const worst = Object.entries(results).flatMap(([set, rs]) => rs.filter((r) => !r.fixture).map((r) => ({ set, ...r })))
  .sort((a, b) => a.scores.deboil.f1 - b.scores.deboil.f1).slice(0, worstN);
if (!quiet) {
  console.log(`\n${worstN} worst documents (deboil F1)`);
  for (const r of worst) {
    const kept = diffTokens(r.out, r.gold);
    const lost = diffTokens(r.gold, r.out);
    console.log(`- ${r.set}/${r.id} [${r.language}] F1 ${f3(r.scores.deboil.f1)} (P ${f3(r.scores.deboil.p)}, R ${f3(r.scores.deboil.r)})`);
    console.log(`    wrongly kept (${kept.length} tokens): ${kept.slice(0, 25).join(' ')}`);
    console.log(`    wrongly removed (${lost.length} tokens): ${lost.slice(0, 25).join(' ')}`);
  }
}
if (reportFile) {
  const docs = worst.map((r) => {
    const result = clean(r.raw);
    const kept = diffTokens(r.out, r.gold);
    const lost = diffTokens(r.gold, r.out);
    return {
      path: `${r.set}/${r.id} [${r.language}]`, input: r.raw, title: result.title, removed: result.removed,
      notes: [
        `F1 ${f3(r.scores.deboil.f1)} (P ${f3(r.scores.deboil.p)}, R ${f3(r.scores.deboil.r)})`,
        `wrongly kept (${kept.length} tokens): ${kept.slice(0, 60).join(' ')}`,
        `wrongly removed (${lost.length} tokens): ${lost.slice(0, 60).join(' ')}`,
      ],
    };
  });
  await writeFileAtomic(reportFile, renderReport(docs, `deboil: the ${worstN} worst dev-set documents`));
  console.log(`\nwrote ${reportFile}`);
}
