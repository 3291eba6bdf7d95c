/**
 * deboil: strip boilerplate out of scraped article text.
 *
 * `clean(text, options?)` returns `{text, title, removed}`. The preset and
 * every rule are exported for people who compose their own processor.
 */
export { clean, cleanFile, createProcessor, type CleanResult, type CleanLimits } from './pipeline/clean.js';
export { DeadlineError } from './pipeline/deadline.js';
export { createPreset, deboilPreset, RULE_IDS, THRESHOLD_PRESETS, type RuleId, type DeboilOptions, type ThresholdPreset } from './pipeline/preset.js';
export { deboilParse, parseLines } from './pipeline/parser.js';
export { deboilCompile, compileTree, type Removal, type DeboilData } from './pipeline/compiler.js';
export { toMessages } from './pipeline/report.js';
export type { LineNode, LineRoot, LineData, Verdict, Cut } from './util/tree.js';
export type { PhraseKind, PhraseLists } from './util/phrases.js';

export { default as strayHtml } from './rules/stray-html.js';
export { default as trackingIds } from './rules/tracking-ids.js';
export { default as navigation } from './rules/navigation.js';
export { default as bylinesStamps } from './rules/bylines-stamps.js';
export { default as captionsCredits } from './rules/captions-credits.js';
export { default as callsToAction } from './rules/calls-to-action.js';
export { default as legalAdsComments } from './rules/legal-ads-comments.js';
export { default as relatedBlocks } from './rules/related-blocks.js';
export { default as mainContent } from './rules/main-content.js';
export { default as lineClassifier, defaultModel, probability, type LineModel, type LineClassifierOptions } from './rules/line-classifier.js';
export { FEATURE_NAMES, documentFeatures } from './util/features.js';
export { BREAK_FEATURES, breakSpans, defaultBreakModel, type BreakModel } from './util/line-breaks.js';
export { detectLanguage } from './util/languages.js';
export { default as syndicationWrappers } from './rules/syndication-wrappers.js';
export { default as headlineSuffix } from './rules/headline-suffix.js';
export { default as duplicates } from './rules/duplicates.js';

// Batch cleaning: records in, records out, on worker threads.
export { cleanStream, type CleanStreamOptions, type CleanStreamSource } from './batch/clean-stream.js';
