// Logistic regression for the line classifier, and the labels it learns
// from. Deterministic: full-batch gradient descent (Adam), no randomness.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import { createPreset, deboilParse, deboilCompile, lineClassifier, FEATURE_NAMES } from '../dist/index.js';
import { BREAK_FEATURES, cjkGap, forEachGap, lexiconKey, lexiconMaps, markLexicon, phraseIndex, stopwordsFor, wordFacts } from '../dist/util/line-breaks.js';
import { COMMENT_PHRASES, LEGAL_PHRASES, AD_LABELS } from '../dist/rules/legal-ads-comments.js';
import { RELATED_HEADERS, AUTHOR_BOX, EXPANDERS } from '../dist/rules/related-blocks.js';
import { CTA_PHRASES, STRONG_PROMPTS, COOKIE_NOTICES } from '../dist/rules/calls-to-action.js';
import { MENU_PHRASES } from '../dist/rules/navigation.js';
import { BYLINE_WORDS, STAMP_WORDS } from '../dist/rules/bylines-stamps.js';
import { MEDIA_LABELS } from '../dist/rules/captions-credits.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const datasetsRoot = process.env.DEBOIL_DATASETS ?? path.resolve(here, '../../shared/datasets');

const TOKEN = /[\p{L}\p{N}_]+/gu;
const tokens = (s) => s.match(TOKEN) ?? [];

/** Every document of every set: {set, id, language, fixture, raw, gold}. */
export function loadDatasets(root = datasetsRoot) {
  const docs = [];
  for (const set of fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'manifest.jsonl'))).sort()) {
    for (const line of fs.readFileSync(path.join(root, set, 'manifest.jsonl'), 'utf8').trim().split('\n')) {
      const m = JSON.parse(line);
      docs.push({
        set, id: m.id, language: (m.language ?? 'und').slice(0, 2).toLowerCase(), fixture: !!m.fixture,
        raw: fs.readFileSync(path.join(root, set, m.raw), 'utf8'), gold: fs.readFileSync(path.join(root, set, m.gold), 'utf8'),
      });
    }
  }
  return docs;
}

/**
 * Keep/drop label of each line, by aligning it with the gold text: a line of
 * 4+ tokens is article text when its token sequence occurs in the gold's;
 * a shorter line when it equals a gold line (so `Menu` is not article text
 * because the word occurs somewhere in the gold).
 */
export function labeller(gold) {
  const goldTokens = ' ' + tokens(gold).join(' ') + ' ';
  const goldLines = new Set(gold.split('\n').map((l) => tokens(l).join(' ')).filter(Boolean));
  return (text) => {
    const t = tokens(text);
    if (t.length === 0) return 0;
    const s = t.join(' ');
    return (t.length <= 3 ? goldLines.has(s) : goldTokens.includes(' ' + s + ' ')) ? 1 : 0;
  };
}

/** Features and labels of one document's classifiable lines. */
export function documentRows(raw, gold) {
  const rows = [];
  const label = labeller(gold);
  const collect = (features, lines) => {
    lines.forEach((node, i) => {
      const rule = node.data.removed?.rule;
      if ((rule !== undefined && rule !== 'main-content') || node.data.role === 'title') return;
      rows.push({ x: features[i], y: label(node.data.text) });
    });
  };
  const off = { 'line-classifier': false, 'syndication-wrappers': false, 'headline-suffix': false, duplicates: false };
  unified().use(deboilParse).use(createPreset({ rules: off })).use(lineClassifier, { collect }).use(deboilCompile).processSync(raw);
  return rows;
}

/** A page's non-blank lines. */
const pageLines = (raw) => raw.split('\n').filter((l) => l.trim());

/** A page as scrapers without line breaks give it: its non-blank lines joined with a space. */
export function oneLine(raw) {
  return pageLines(raw).join(' ') + '\n';
}

/**
 * The wording of labels that stand on a line of their own (comment, related
 * and author-box headers, prompts, menu items, legal links, ad labels,
 * bylines, stamps, media labels): the model of line breaks learns how much a
 * gap at their edges is a break, and keeps the list with its weights.
 */
export const BOUNDARY_PHRASES = [
  ...new Set(
    [COMMENT_PHRASES, RELATED_HEADERS, AUTHOR_BOX, EXPANDERS, CTA_PHRASES, STRONG_PROMPTS, COOKIE_NOTICES, MENU_PHRASES, LEGAL_PHRASES, AD_LABELS, BYLINE_WORDS, STAMP_WORDS, MEDIA_LABELS].flat(),
  ),
];
const boundaryIndex = phraseIndex(BOUNDARY_PHRASES);

/**
 * A page joined onto one line (as `oneLine` joins it): its text, the facts
 * of its words, each word's lexicon key, and per gap (before word k) its
 * label: 1 where the page had a line break.
 */
export function breakPage(raw) {
  const lines = pageLines(raw);
  const text = lines.join(' ');
  // Offsets of the spaces that joined two lines.
  const joins = [];
  let pos = 0;
  for (const l of lines) {
    pos += l.length;
    joins.push(pos);
    pos += 1;
  }
  const words = wordFacts(text, stopwordsFor(text), boundaryIndex);
  const keys = Array.from({ length: words.count }, (_, i) => lexiconKey(text.slice(words.starts[i], words.ends[i])));
  const labels = new Uint8Array(words.count);
  let j = 0;
  for (let k = 1; k < words.count; k++) {
    while (j < joins.length && joins[j] < words.ends[k - 1]) j++;
    labels[k] = j < joins.length && joins[j] < words.starts[k] ? 1 : 0;
  }
  return { text, words, keys, labels };
}

/**
 * Add a page's counts (sign 1) or take them away (sign -1): per word,
 * [gaps next to it, breaks among them, pages it is on], before it and after it.
 */
function addCounts(page, counts, sign) {
  const seen = new Set();
  const bump = (map, key, y, side) => {
    const c = map.get(key) ?? [0, 0, 0];
    c[0] += sign;
    c[1] += sign * y;
    if (!seen.has(side + key)) {
      seen.add(side + key);
      c[2] += sign;
    }
    map.set(key, c);
  };
  for (let k = 1; k < page.keys.length; k++) {
    bump(counts.before, page.keys[k], page.labels[k], 'b');
    bump(counts.after, page.keys[k - 1], page.labels[k], 'a');
  }
  counts.gaps += sign * (page.keys.length - 1);
  for (let k = 1; k < page.labels.length; k++) counts.breaks += sign * page.labels[k];
}

/** A word next to fewer gaps than this, or on fewer pages than LEXICON_PAGES, gets no lexicon value (a site's own name says nothing of other sites). */
const LEXICON_MIN = 20;
const LEXICON_PAGES = 3;
/** Pseudo-gaps at the base rate that smooth each word's rate. */
const SMOOTHING = 10;
const logit = (p) => Math.log(p / (1 - p));
function lexiconValue(c, base) {
  if (!c || c[0] < LEXICON_MIN || c[2] < LEXICON_PAGES) return 0;
  return logit((c[1] + SMOOTHING * base) / (c[0] + SMOOTHING)) - logit(base);
}

/** The counts of all pages (see `addCounts`). */
function countsOf(pages) {
  const counts = { before: new Map(), after: new Map(), gaps: 0, breaks: 0 };
  for (const page of pages) addCounts(page, counts, 1);
  return counts;
}

/** The lexicon of the model of line breaks, learned from pages: words next to LEXICON_MIN gaps or more, values rounded. */
export function lexiconOf(pages) {
  const counts = countsOf(pages);
  const base = counts.breaks / counts.gaps;
  const side = (map) => {
    const out = {};
    for (const [key, c] of [...map].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const v = Math.round(100 * lexiconValue(c, base)) / 100;
      if (Math.abs(v) >= 0.1) out[key] = v;
    }
    return out;
  };
  return { before: side(counts.before), after: side(counts.after) };
}

/** Feature rows of a page's gaps, the lexicon's values from `lexicon` (maps), or none. */
function pageRows(page, maps) {
  const facts = { ...page.words };
  if (maps) markLexicon(facts, page.keys, maps);
  const rows = [];
  // Gaps between Chinese or Japanese runs are decided by rule (`cjkGap`), not by the model.
  forEachGap(facts, (k, row) => {
    if (cjkGap(page.text, facts.starts, facts.ends, k) === undefined) rows.push({ x: Array.from(row), y: page.labels[k] });
  });
  return rows;
}

/** Features and labels of the gaps between the words of a page joined onto one line, with a lexicon (see `lexiconOf`) or none. */
export function breakRows(raw, lexicon) {
  return pageRows(breakPage(raw), lexicon && lexiconMaps(lexicon));
}

/**
 * The training rows of pages: each page's lexicon values come from the
 * other pages' counts, so that no page's own breaks leak into its features
 * (the model would trust the lexicon more than it deserves on new pages).
 */
export function trainingRows(pages) {
  const counts = countsOf(pages);
  const rows = [];
  for (const page of pages) {
    addCounts(page, counts, -1);
    const base = counts.breaks / counts.gaps;
    const maps = { before: new Map(), after: new Map() };
    for (const key of page.keys) {
      if (maps.before.has(key)) continue;
      maps.before.set(key, lexiconValue(counts.before.get(key), base));
      maps.after.set(key, lexiconValue(counts.after.get(key), base));
    }
    for (const row of pageRows(page, maps)) rows.push(row);
    addCounts(page, counts, 1);
  }
  return rows;
}

/** Fit the model of line breaks (see src/util/line-breaks.ts) on pages (from `breakPage`). */
export function fitBreaks(pages, about = '') {
  const rows = trainingRows(pages);
  return { ...fit(rows, { iterations: 200, about, features: BREAK_FEATURES }), threshold: 0.3, phrases: BOUNDARY_PHRASES, lexicon: lexiconOf(pages) };
}

/** Fit a logistic regression; returns a model (src/util/logistic.ts) over `features`. */
export function fit(rows, { l2 = 1e-3, iterations = 400, rate = 0.05, about = '', features = FEATURE_NAMES } = {}) {
  const d = rows[0].x.length;
  const n = rows.length;
  const mean = new Array(d).fill(0);
  const scale = new Array(d).fill(0);
  for (const { x } of rows) for (let k = 0; k < d; k++) mean[k] += x[k] / n;
  for (const { x } of rows) for (let k = 0; k < d; k++) scale[k] += (x[k] - mean[k]) ** 2 / n;
  for (let k = 0; k < d; k++) scale[k] = Math.sqrt(scale[k]) || 1;
  const X = rows.map(({ x }) => Float64Array.from(x, (v, k) => (v - mean[k]) / scale[k]));
  const y = rows.map((r) => r.y);
  const w = new Float64Array(d);
  let b = 0;
  const m = new Float64Array(d + 1), v = new Float64Array(d + 1);
  const g = new Float64Array(d + 1);
  for (let it = 1; it <= iterations; it++) {
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = X[i];
      let z = b;
      for (let k = 0; k < d; k++) z += w[k] * xi[k];
      const err = 1 / (1 + Math.exp(-z)) - y[i];
      for (let k = 0; k < d; k++) g[k] += err * xi[k];
      g[d] += err;
    }
    for (let k = 0; k <= d; k++) {
      let grad = g[k] / n + (k < d ? l2 * w[k] : 0);
      m[k] = 0.9 * m[k] + 0.1 * grad;
      v[k] = 0.999 * v[k] + 0.001 * grad * grad;
      const step = (rate * (m[k] / (1 - 0.9 ** it))) / (Math.sqrt(v[k] / (1 - 0.999 ** it)) + 1e-8);
      if (k < d) w[k] -= step;
      else b -= step;
    }
  }
  const round = (x) => Math.round(x * 1e6) / 1e6;
  return {
    about,
    features: [...features],
    mean: mean.map(round),
    scale: scale.map(round),
    weights: Array.from(w, round),
    bias: round(b),
    threshold: 0.3,
  };
}

/** Deterministic fold of a document: a hash of its set and id. */
export function foldOf(doc, k) {
  let h = 2166136261;
  for (const ch of doc.set + '/' + doc.id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h % k;
}
