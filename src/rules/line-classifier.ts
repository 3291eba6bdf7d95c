/**
 * Rule `line-classifier`: the learned stage. For every line that no category
 * rule removed (and that is not the headline) it computes shallow features
 * of the line and its neighbours (length, stopword density in the page's
 * language, terminal punctuation, capitals, digits, separators, blank lines,
 * position, what the category rules and the content stage decided around it)
 * and a logistic-regression probability that the line is article text.
 * Lines under the threshold go; lines the content stage removed but the
 * model is sure of come back.
 *
 * Why: menus, teaser lists and footers are worded in ways no phrase list
 * foresees; weights learned from hand-labelled pages (`npm run train`) judge
 * their shape better than hand-tuned ones.
 *
 * The weights ship in `src/model/line-model.json`. `threshold` (0..1) trades
 * precision against recall: higher removes more.
 *
 * Off by default (turn it on with `rules: {'line-classifier': true}`): on
 * the dev sets, cross-validated, it gains little over the hand-written rules
 * yet (see `npm run eval`), and the sets' gold text leaves out standfirsts
 * that CLEANING.md keeps.
 *
 * @example
 *   in:  `Trending Latest Sections` / … / a long article paragraph … / `More from Science` / `Comment & Opinion`
 *   out: the article paragraph; the rest is removed with its probability in the reason
 */
import type { LineNode, LineRoot } from '../util/tree.js';
import { removeLine } from '../util/tree.js';
import { documentFeatures, FEATURE_NAMES } from '../util/features.js';
import { detectLanguage, stopwordsOf } from '../util/languages.js';
import type { LogisticModel } from '../util/logistic.js';
import shippedModel from '../model/line-model.json' with { type: 'json' };

export const ruleId = 'line-classifier';

/** A trained logistic-regression model over FEATURE_NAMES; its threshold is the balanced default. */
export type LineModel = LogisticModel;

export interface LineClassifierOptions {
  /** Model to use instead of the shipped one. */
  model?: LineModel;
  /** 0..1, higher removes more; defaults to the model's balanced threshold. */
  threshold?: number;
  /** Receives every document's features and lines, and changes nothing (used by `npm run train`). */
  collect?: (features: number[][], lines: LineNode[], language: string) => void;
}

/** The model that ships with the package. */
export function defaultModel(): LineModel {
  return shippedModel as LineModel;
}

export function probability(model: LineModel, x: number[]): number {
  let z = model.bias;
  for (let k = 0; k < x.length; k++) z += model.weights[k] * ((x[k] - model.mean[k]) / model.scale[k]);
  return 1 / (1 + Math.exp(-z));
}

function documentSample(lines: LineNode[]): string {
  let out = '';
  for (const node of lines) {
    out += node.data.text + '\n';
    if (out.length > 65536) break;
  }
  return out;
}

/**
 * Probability above which a line the content stage removed comes back. It
 * moves with the threshold, so one knob trades precision against recall:
 * 0.3 (the balanced default) restores at 0.9, `recall` (0.02) at about 0.53,
 * `precision` (0.7) only at 0.99.
 */
export function restoreThreshold(threshold: number): number {
  return Math.min(0.99, 0.5 + (threshold * 4) / 3);
}

export default function lineClassifier(options: LineClassifierOptions = {}) {
  return (tree: LineRoot): void => {
    const lines = tree.children;
    if (lines.length === 0) return;
    const language = detectLanguage(documentSample(lines));
    tree.data.language = language;
    const features = documentFeatures(lines, stopwordsOf(language));
    if (options.collect) {
      options.collect(features, lines, language);
      return;
    }
    const model = options.model ?? defaultModel();
    if (model.features.length !== FEATURE_NAMES.length) throw new Error(`line model has ${model.features.length} features, deboil computes ${FEATURE_NAMES.length}`);
    const threshold = options.threshold ?? model.threshold;
    // Bringing back what the content stage removed needs more certainty than removing.
    const restore = restoreThreshold(threshold);
    for (let i = 0; i < lines.length; i++) {
      const node = lines[i];
      const rule = node.data.removed?.rule;
      // The headline and the standfirst under it are the content stage's call.
      if ((rule !== undefined && rule !== 'main-content') || (rule === undefined && node.data.role !== 'body')) continue;
      const p = probability(model, features[i]);
      node.data.score = p;
      if (rule === 'main-content') {
        if (p >= restore) {
          node.data.removed = undefined;
          node.data.role = 'body';
        }
      } else if (p < threshold) {
        removeLine(node, ruleId, `scored as boilerplate (p = ${p.toFixed(2)} < ${threshold.toFixed(2)})`);
      }
    }
  };
}
