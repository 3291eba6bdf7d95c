/**
 * The preset: every rule, in the one order that works. Category rules run
 * first (each recognises one kind of boilerplate), then the content stage
 * finds the article, then the rules that need to know where it ends.
 */
import type { Pluggable, Preset } from 'unified';
import strayHtml from '../rules/stray-html.js';
import trackingIds from '../rules/tracking-ids.js';
import navigation from '../rules/navigation.js';
import bylinesStamps from '../rules/bylines-stamps.js';
import captionsCredits from '../rules/captions-credits.js';
import callsToAction from '../rules/calls-to-action.js';
import legalAdsComments from '../rules/legal-ads-comments.js';
import relatedBlocks from '../rules/related-blocks.js';
import mainContent from '../rules/main-content.js';
import lineClassifier, { type LineModel } from '../rules/line-classifier.js';
import syndicationWrappers from '../rules/syndication-wrappers.js';
import headlineSuffix from '../rules/headline-suffix.js';
import duplicates from '../rules/duplicates.js';
import type { PhraseKind, PhraseLists } from '../util/phrases.js';
import type { BreakModel } from '../util/line-breaks.js';

/** Every rule id, in pipeline order. */
export const RULE_IDS = [
  'stray-html',
  'tracking-ids',
  'navigation',
  'bylines-stamps',
  'captions-credits',
  'calls-to-action',
  'legal-ads-comments',
  'related-blocks',
  'main-content',
  'line-classifier',
  'syndication-wrappers',
  'headline-suffix',
  'duplicates',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Options shared by the library, the config file and the CLI. */
export interface DeboilOptions {
  /** Turn a rule off with `false`, or an opt-in rule (`line-classifier`) on with `true`. */
  rules?: Partial<Record<RuleId, boolean>>;
  /** Your own phrases per kind of boilerplate, in any language; they add to the built-in ones. */
  phrases?: PhraseLists;
  /**
   * The precision/recall knob: 0..1, higher removes more. A number or a
   * preset (`precision`, `recall`) runs the learned line classifier at that
   * threshold; `balanced` (the default) leaves it off, which scores best.
   */
  threshold?: number | ThresholdPreset;
  /** A line model of your own (see `npm run train`) instead of the shipped one. */
  model?: LineModel;
  /** A model of line breaks of your own (see `npm run train`), for text that comes without them. */
  breakModel?: BreakModel;
}

// `Function` keeps the table simple: each plugin takes its own options type.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const PLUGINS: Record<RuleId, [Function, PhraseKind | null]> = {
  'stray-html': [strayHtml, null],
  'tracking-ids': [trackingIds, null],
  navigation: [navigation, 'navigation'],
  'bylines-stamps': [bylinesStamps, 'byline'],
  'captions-credits': [captionsCredits, 'caption'],
  'calls-to-action': [callsToAction, 'cta'],
  'legal-ads-comments': [legalAdsComments, 'legal'],
  'related-blocks': [relatedBlocks, 'related'],
  'main-content': [mainContent, null],
  'line-classifier': [lineClassifier, null],
  'syndication-wrappers': [syndicationWrappers, 'syndication'],
  'headline-suffix': [headlineSuffix, null],
  duplicates: [duplicates, null],
};

export type ThresholdPreset = 'precision' | 'recall' | 'balanced';

/** The thresholds behind the presets, chosen on the dev sets (docs/precision-recall.md). */
export const THRESHOLD_PRESETS = { precision: 0.7, recall: 0.02 } as const;

/** The classifier threshold the options ask for, or undefined for the balanced default. */
export function classifierThreshold(options: DeboilOptions): number | undefined {
  const t = options.threshold;
  if (t === undefined || t === 'balanced') return undefined;
  return typeof t === 'number' ? t : THRESHOLD_PRESETS[t];
}

/** Rules that run only when turned on with `true`. */
export const OPT_IN_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['line-classifier']);

/** The rules that run for the given options, in order, each with its id and settings. */
export function presetStages(options: DeboilOptions = {}): Array<[RuleId, Pluggable]> {
  const stages: Array<[RuleId, Pluggable]> = [];
  for (const id of RULE_IDS) {
    const setting = options.rules?.[id];
    const threshold = classifierThreshold(options);
    // Setting the knob turns the classifier on, unless it is turned off by id.
    const on = setting ?? (id === 'line-classifier' ? threshold !== undefined : !OPT_IN_RULES.has(id));
    if (!on) continue;
    const [plugin, kind] = PLUGINS[id];
    const phrases = kind ? options.phrases?.[kind] : undefined;
    const settings = id === 'line-classifier' ? { threshold, model: options.model } : phrases ? { phrases } : {};
    stages.push([id, [plugin as Pluggable & Function, settings] as Pluggable]);
  }
  return stages;
}

/** Build the preset for the given options. */
export function createPreset(options: DeboilOptions = {}): Preset {
  return { plugins: presetStages(options).map(([, plugin]) => plugin) };
}

/** The default preset: every rule on, no extra phrases. */
export const deboilPreset: Preset = createPreset();
