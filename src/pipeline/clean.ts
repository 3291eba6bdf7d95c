/**
 * `clean()`: run the pipeline on one document. Processors are built once per
 * options object and reused, so the per-document cost is the rules' work.
 */
import { unified, type PluggableList, type Processor } from 'unified';
import { VFile } from 'vfile';
import { deboilParse } from './parser.js';
import { deboilCompile, type Removal } from './compiler.js';
import { presetStages, type DeboilOptions } from './preset.js';
import { checkpoint } from './deadline.js';
import { settle } from './settle.js';

export interface CleanResult {
  /** The whole clean output: the headline first, then the body paragraphs. */
  text: string;
  /** The headline, or null when the page has none. */
  title: string | null;
  /** The language of the clean text (ISO 639-1), or `und`. */
  language: string;
  /** Every removed span, in input order. */
  removed: Removal[];
}

/** Per-call limits; they don't change the output, so they stay out of the options. */
export interface CleanLimits {
  /** Give up (throw a `DeadlineError`) when the document takes longer than this many milliseconds. */
  timeoutMs?: number;
  /** Or an absolute deadline in `Date.now()` milliseconds. The earlier of the two wins. */
  deadline?: number;
}

type DeboilProcessor = Processor<any, any, any, any, string>;

const cache = new WeakMap<object, DeboilProcessor>();
let defaultProcessor: DeboilProcessor | undefined;

/** A unified processor with deboil's parser, rules and compiler. */
export function createProcessor(options: DeboilOptions = {}): DeboilProcessor {
  // The preset's rules, with a deadline check before each stage (a no-op without a limit).
  const preset = presetStages(options);
  const stages: PluggableList = preset.flatMap(([id, plugin]) => [checkpoint(id), plugin]);
  const processor = unified().use(deboilParse, { breakModel: options.breakModel }).use(stages);
  // The learned classifier judges each line once, in its page's context: looking again at its
  // output would remove a little more each time (docs/precision-recall.md), so it is not settled.
  if (!preset.some(([id]) => id === 'line-classifier')) {
    const rules = unified().use(stages).freeze();
    processor.use(settle, { look: (tree, file) => void rules.runSync(tree as never, file), breakModel: options.breakModel });
  }
  return processor
    .use(checkpoint('compile'))
    .use(deboilCompile)
    .freeze() as unknown as DeboilProcessor;
}

function processorFor(options?: DeboilOptions): DeboilProcessor {
  if (!options) return (defaultProcessor ??= createProcessor());
  let p = cache.get(options);
  if (!p) cache.set(options, (p = createProcessor(options)));
  return p;
}

/** Clean one document. The VFile (with `data.deboil`) is returned by `cleanFile`. */
export function cleanFile(text: string, options?: DeboilOptions, path?: string, limits?: CleanLimits): VFile {
  const file = new VFile({ value: text, path });
  if (limits) {
    const deadline = Math.min(limits.deadline ?? Infinity, limits.timeoutMs === undefined ? Infinity : Date.now() + limits.timeoutMs);
    if (deadline !== Infinity) file.data.deadline = deadline;
  }
  processorFor(options).processSync(file);
  return file;
}

/**
 * Clean one document. With `limits`, a `DeadlineError` is thrown when the
 * document is still being cleaned past its deadline (checked between stages).
 */
export function clean(text: string, options?: DeboilOptions, limits?: CleanLimits): CleanResult {
  const file = cleanFile(text, options, undefined, limits);
  const data = file.data.deboil!;
  return { text: String(file.value), title: data.title, language: data.language, removed: data.removed };
}
