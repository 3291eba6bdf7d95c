// npm run train: learn the line classifier's weights and the model of line
// breaks from ../shared/datasets, and write them to src/model/line-model.json
// and src/model/break-model.json. Deterministic.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDatasets, documentRows, fit, breakPage, fitBreaks } from './lr.mjs';
import { BREAK_FEATURES } from '../dist/util/line-breaks.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const docs = loadDatasets();
const rows = docs.flatMap((d) => documentRows(d.raw, d.gold));
const positives = rows.filter((r) => r.y === 1).length;
console.log(`${docs.length} documents, ${rows.length} lines (${positives} article text)`);
const about = `logistic regression over ${rows[0].x.length} line features, trained by bench/train.mjs on ${docs.length} documents of ${[...new Set(docs.map((d) => d.set))].join(' + ')} (../shared/datasets)`;
const model = fit(rows, { about });
const out = path.resolve(here, '../src/model/line-model.json');
fs.writeFileSync(out, JSON.stringify(model, null, 1) + '\n');
let right = 0;
for (const { x, y } of rows) {
  let z = model.bias;
  for (let k = 0; k < x.length; k++) z += model.weights[k] * ((x[k] - model.mean[k]) / model.scale[k]);
  if ((z >= 0 ? 1 : 0) === y) right++;
}
console.log(`training accuracy ${(right / rows.length).toFixed(3)}; wrote ${path.relative(process.cwd(), out)}`);

// Line breaks of pages that come on one line: every gap between two words.
const pages = docs.map((d) => breakPage(d.raw));
const gaps = pages.reduce((n, p) => n + p.labels.length - 1, 0);
const breaks = pages.reduce((n, p) => n + p.labels.reduce((a, b) => a + b, 0), 0);
console.log(`${gaps} gaps between words of pages joined onto one line (${breaks} line breaks)`);
const breakModel = fitBreaks(pages, `logistic regression over ${BREAK_FEATURES.length} features of the gap between two words, trained by bench/train.mjs on ${docs.length} documents of ${[...new Set(docs.map((d) => d.set))].join(' + ')} (../shared/datasets), each joined onto one line`);
const breakOut = path.resolve(here, '../src/model/break-model.json');
fs.writeFileSync(breakOut, JSON.stringify(breakModel, null, 1) + '\n');
console.log(`wrote ${path.relative(process.cwd(), breakOut)}`);
