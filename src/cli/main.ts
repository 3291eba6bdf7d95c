#!/usr/bin/env node
/**
 * The deboil CLI: read files, folders, globs or stdin, clean each text, and
 * write the results to stdout or mirrored into --out-dir. One bad input
 * never stops the batch; it is named on stderr and the exit code says so.
 */
// First: V8 flags must be set before the pipeline's code is optimised.
import './v8-tuning.js';
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { reporter } from 'vfile-reporter';
// Straight from the pipeline, not index.ts: index.ts also exports cleanStream, whose worker pool a .txt run need not load.
import { VFile } from 'vfile';
import type { Removal } from '../pipeline/compiler.js';
import { toMessages } from '../pipeline/report.js';
import type { DeboilOptions, RuleId } from '../pipeline/preset.js';
import { buildOptions, ruleIds, UsageError } from './cleaning-options.js';
import { writeFileAtomic } from '../io/atomic.js';
import { decodeInput } from '../io/decode.js';
import { describeError, expandInputs, findCollisions, readInput, type Input } from '../io/inputs.js';
import { toJson } from '../io/json.js';
import { renderReport, type ReportDocument } from '../io/report.js';
import { AtomicStream } from '../io/atomic-stream.js';
import { errorLine, type ErrorRecord } from '../io/error-records.js';
import { formatOf, HtmlInputError, recordOutputName, type FormatInfo } from '../io/formats.js';
import { DEFAULT_BATCH } from '../io/line-batches.js';
import type { CleaningPool } from '../batch/pool.js';
import type { RecordRun, RecordSink } from '../batch/record-input.js';
import { ResumeState } from '../batch/resume.js';
import { BatchStats } from '../batch/stats.js';
import type { Progress } from '../batch/progress.js';

/** Same as pool.ts's; kept here so that a run of .txt files never loads the pool, warcio or the progress bar. */
const DEFAULT_TIMEOUT_MS = 30_000;

type Format = 'text' | 'json';

interface CliArgs {
  inputs: string[];
  outDir?: string;
  format: Format;
  explain: boolean;
  config?: string;
  disable: RuleId[];
  enable: RuleId[];
  report?: string;
  reportLimit: number;
  threshold?: number | 'precision' | 'recall';
  jsonl: boolean;
  textField: string;
  idField: string;
  jobs: number;
  maxDocBytes: number;
  timeoutMs: number;
  errors?: string;
  resume: boolean;
  strict: boolean;
  quiet: boolean;
}

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

// yargs drops a lone `-` from positionals (yargs/yargs#1312), so it travels
// as a token that no real argument can be (argv strings never contain NUL).
const STDIN = '\0-';
const restoreDash = (v: string | undefined) => (v === STDIN ? '-' : v);

async function parseArgs(argv: string[]): Promise<CliArgs> {
  const end = argv.indexOf('--');
  const tokens = argv.map((a, i) => (a === '-' && (end === -1 || i < end) ? STDIN : a));
  const args = await yargs(tokens)
    .scriptName('deboil')
    .command('$0 [inputs..]', 'Strip boilerplate (navigation, related links, bylines, captions, prompts, …) from scraped article text.', (y) =>
      y.positional('inputs', { type: 'string', array: true, describe: 'Files, folders (every .txt under them), globs, or - for stdin (the default)' }),
    )
    .option('out-dir', { type: 'string', describe: 'Write each result to DIR/<path relative to its folder or glob>, atomically' })
    .option('format', { choices: ['text', 'json'] as const, default: 'text' as Format, describe: 'text, or JSON with title, text and removed spans (JSON Lines for several inputs)' })
    .option('explain', { type: 'boolean', default: false, describe: 'Report every removal (line:column, reason, rule) — on stderr, or on stdout with --out-dir' })
    .option('config', { type: 'string', describe: 'JSON config {rules, phrases} (default: ./deboil.config.json when present)' })
    .option('disable', { type: 'string', describe: 'Turn a rule off (repeatable)', coerce: ruleIds })
    .option('report', { type: 'string', describe: 'Write an HTML page showing each input with its removed spans highlighted by rule' })
    .option('report-limit', { type: 'number', default: 200, describe: 'At most this many documents on the --report page' })
    .option('threshold', { type: 'number', describe: 'Precision/recall knob 0..1: higher removes more (runs the learned line classifier at this threshold)' })
    .option('precision', { type: 'boolean', describe: 'Preset: remove more, keep less boilerplate (threshold 0.7)' })
    .option('recall', { type: 'boolean', describe: 'Preset: keep more of the article, and more boilerplate with it (threshold 0.02)' })
    .conflicts('precision', ['recall', 'threshold'])
    .conflicts('recall', 'threshold')
    .option('enable', { type: 'string', describe: 'Turn an opt-in rule on (repeatable): line-classifier', coerce: ruleIds })
    .option('jsonl', { type: 'boolean', default: false, describe: 'Read stdin as JSON Lines (stream-filter mode: one output line per input line, in order)' })
    .option('text-field', { type: 'string', default: 'text', describe: 'The JSONL field that holds the text' })
    .option('id-field', { type: 'string', default: 'id', describe: 'The JSONL field that holds the document id (for error reports)' })
    .option('jobs', { alias: 'j', type: 'number', default: availableParallelism(), describe: 'Worker threads for JSONL and WET input' })
    .option('max-doc-bytes', { type: 'number', default: 64 * 1024 * 1024, describe: 'A larger document becomes an error record instead of being cleaned' })
    .option('timeout-ms', { type: 'number', default: DEFAULT_TIMEOUT_MS, describe: 'Time one document may take (plus 1 s per MB) before its worker is stopped' })
    .option('errors', { type: 'string', describe: 'Write {path, line, id, reason} per failed record here (default with --out-dir: DIR/deboil-errors.jsonl)' })
    .option('resume', { type: 'boolean', default: false, describe: 'With --out-dir: skip the inputs an interrupted run finished, redo the rest' })
    .option('strict', { type: 'boolean', default: false, describe: 'Exit 1 when any record failed (default: 0, the failures are reported)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress bar' })
    .example('$0 page.txt', 'Clean one file to stdout')
    .example('curl -s https://… | $0 --explain', 'Clean stdin, report what was removed on stderr')
    .example('$0 corpus --out-dir out', 'Clean every .txt under corpus/ into out/, same relative paths')
    .example("$0 'scrapes/**/*.txt' --format json > clean.jsonl", 'One JSON line {path,title,text,removed} per file')
    .example('$0 --jsonl < in.jsonl > out.jsonl', 'Stream filter: one clean JSON line per input line')
    .example('$0 crawl/ --out-dir clean/ --resume', 'Clean every .jsonl(.gz) and .warc.wet(.gz) under crawl/, resuming an interrupted run')
    .example('$0 page.txt --disable navigation', 'Keep what the navigation rule would remove')
    .example('$0 corpus --out-dir out --report audit.html', 'Also write a page that shows what was removed, by rule')
    .example('$0 queue add crawl/ --redis redis://host:6379 --out-dir /shared/clean', 'Distributed: enqueue shards for `deboil worker` on many machines (deboil queue --help)')
    .epilog('Exit status: 0 all inputs cleaned, 1 some inputs failed (named on stderr), 2 usage error.')
    .strict()
    .fail((msg, err) => {
      throw new UsageError(msg || err?.message || 'invalid arguments');
    })
    .version(version)
    .help()
    .alias('h', 'help')
    .parseAsync();
  if (args.outDir === '') throw new UsageError('--out-dir needs a directory');
  const positive = (name: string, v: unknown) => {
    if (!(typeof v === 'number' && Number.isInteger(v) && v > 0)) throw new UsageError(`${name} must be a positive whole number`);
    return v;
  };
  return {
    // Operands after `--` land in `_`.
    inputs: [...((args.inputs as unknown[] | undefined) ?? []), ...args._].map((v) => restoreDash(String(v))!),
    outDir: restoreDash(args.outDir),
    format: args.format as Format,
    explain: args.explain,
    config: restoreDash(args.config),
    disable: (args.disable as RuleId[] | undefined) ?? [],
    enable: (args.enable as RuleId[] | undefined) ?? [],
    report: args.report,
    reportLimit: args.reportLimit as number,
    threshold: args.precision ? 'precision' : args.recall ? 'recall' : (args.threshold as number | undefined),
    jsonl: args.jsonl as boolean,
    textField: args.textField as string,
    idField: args.idField as string,
    jobs: positive('--jobs', args.jobs),
    maxDocBytes: positive('--max-doc-bytes', args.maxDocBytes),
    timeoutMs: positive('--timeout-ms', args.timeoutMs),
    errors: restoreDash(args.errors as string | undefined),
    resume: args.resume as boolean,
    strict: args.strict as boolean,
    quiet: args.quiet as boolean,
  };
}

// A closed stdout (`deboil … | head`) is not an error: stop writing to it and exit quietly.
let stdoutClosed = false;
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  stdoutClosed = true;
  if (err.code !== 'EPIPE') {
    process.stderr.write(`deboil: cannot write to stdout: ${describeError(err)}\n`);
    process.exitCode = 1;
  }
});
process.stderr.on('error', () => {});

/** Write and wait for the flush, so large outputs keep their order and respect back-pressure. */
function write(stream: NodeJS.WriteStream, chunk: string | Uint8Array): Promise<void> {
  if (stream === process.stdout && stdoutClosed) return Promise.resolve();
  return new Promise((done) => stream.write(chunk, () => done()));
}

const say = (line: string) => write(process.stderr, `deboil: ${line}\n`);
const nameOf = (input: Input) => (input.kind === 'stdin' ? '<stdin>' : input.path);

/** JSONL and WET records go through the worker pool; everything else is one text per file, as always. */
const formatFor = (input: Input, jsonl: boolean): FormatInfo =>
  input.kind === 'stdin' ? { format: jsonl ? 'jsonl' : 'txt', gzip: false } : formatOf(input.path);

/** Record errors shown on stderr; the rest are counted and go to the errors file only. */
const SHOWN_RECORD_ERRORS = 10;

/** Everything one run shares between its inputs. */
interface RunContext {
  args: CliArgs;
  options: DeboilOptions;
  batch: boolean;
  outName: (input: Input) => string;
  reportDocs: ReportDocument[];
  reportOmitted: number;
  pool: CleaningPool;
  stats: BatchStats;
}

/**
 * One text input, as the CLI always did it. Returns false when it failed
 * (already named on stderr); `onError` also gets the failure as a record.
 */
async function cleanTextInput(input: Input, ctx: RunContext, onError: (e: ErrorRecord) => Promise<void>): Promise<boolean> {
  const { args } = ctx;
  const name = nameOf(input);
  const fail = async (message: string, reason: string) => {
    ctx.stats.failed++;
    await say(message);
    await onError({ path: name, line: null, id: input.rel, reason });
    return false;
  };
  let text: string;
  try {
    const decoded = decodeInput(await readInput(input, args.maxDocBytes), name);
    for (const warning of decoded.warnings) await say(`warning: ${warning}`);
    text = decoded.text;
  } catch (err) {
    // decodeInput's messages already start with the name; read errors do not.
    const message = err instanceof Error && err.message.startsWith(`${name}: `) ? err.message : `${name}: ${describeError(err)}`;
    return fail(message, message.slice(name.length + 2));
  }

  // In a worker, so that --timeout-ms can stop a document that takes too long.
  let result: { title: string | null; text: string; language: string; removed: Removal[] };
  try {
    const { title, text: clean, language, removed } = await ctx.pool.cleanText(text);
    result = { title, text: clean, language, removed };
  } catch (err) {
    const reason = describeError(err);
    return fail(`${name}: ${reason}`, reason);
  }
  const { title, removed } = result;
  if (args.report !== undefined) {
    if (ctx.reportDocs.length < args.reportLimit) ctx.reportDocs.push({ path: name, input: text, title, removed });
    else ctx.reportOmitted++;
  }

  const toStdout = args.outDir === undefined;
  let output: string;
  if (toStdout) {
    const path = input.kind === 'stdin' ? '-' : input.path;
    output = args.format === 'text' ? result.text : toJson(ctx.batch ? { path, ...result } : result) + '\n';
    await write(process.stdout, output);
  } else {
    const outDir = resolve(args.outDir!);
    const target = resolve(outDir, ctx.outName(input));
    const inside = relative(outDir, target);
    if (inside === '..' || inside.startsWith('..' + sep) || isAbsolute(inside)) return fail(`${name}: output path ${target} would be outside --out-dir, skipped`, 'output path outside --out-dir');
    output = args.format === 'text' ? result.text : toJson(result) + '\n';
    try {
      await writeFileAtomic(target, output);
    } catch (err) {
      return fail(`${name}: cannot write ${target}: ${describeError(err)}`, `cannot write the output: ${describeError(err)}`);
    }
  }

  ctx.stats.addDocument(text.length, removed.reduce((n, r) => n + r.end - r.start, 0), Buffer.byteLength(text), Buffer.byteLength(output));

  if (args.explain) {
    const file = new VFile({ path: name, value: result.text });
    toMessages(file, removed);
    // vfile-reporter picks colours for stderr; decide for stdout ourselves.
    const explainTo = toStdout ? process.stderr : process.stdout;
    const color = explainTo === process.stderr || process.stdout.isTTY ? undefined : false;
    await write(explainTo, reporter([file], { quiet: false, verbose: false, color }) + '\n');
  }
  return true;
}

/** Why a record input could not be read at all. */
const inputFailure = (err: unknown) => (err instanceof HtmlInputError ? err.message : `cannot read: ${describeError(err)}`);

async function run(argv: string[]): Promise<number> {
  // The distributed mode has its own commands (a file named `queue` or `worker` is still `./queue`).
  if (argv[0] === 'queue' || argv[0] === 'worker') return (await import('./queue.js')).runQueueCli(argv);
  const args = await parseArgs(argv);
  const options = await buildOptions(args);
  if (args.inputs.length === 0 && process.stdin.isTTY) throw new UsageError('nothing to read: give files, folders or globs, or pipe text into stdin');

  const { inputs, errors, batch } = await expandInputs(args.inputs);
  const isRecords = (input: Input) => formatFor(input, args.jsonl).format !== 'txt';
  const outName = (input: Input) =>
    isRecords(input) ? recordOutputName(input.rel) : args.format === 'json' ? input.rel.replace(/\.txt$/i, '') + '.json' : input.rel;
  const hasRecords = inputs.some(isRecords);
  if (inputs.filter((i) => i.kind === 'stdin').length > 1) throw new UsageError('stdin (-) can be read only once');
  if (args.resume && args.outDir === undefined) throw new UsageError('--resume needs --out-dir');
  if (args.outDir !== undefined) {
    if (inputs.some((i) => i.kind === 'stdin')) throw new UsageError('--out-dir needs named inputs: stdin has no file name to write under');
    const byRel = new Map(inputs.map((i) => [i.rel, i]));
    const collisions = findCollisions(inputs, (rel) => join(args.outDir!, outName(byRel.get(rel)!)));
    if (collisions.length) throw new UsageError(`output name collision, nothing written:\n  ${collisions.join('\n  ')}`);
  } else if (hasRecords && inputs.some((i) => !isRecords(i))) {
    throw new UsageError('text files and JSONL/WET inputs cannot share stdout: use --out-dir DIR');
  } else if (!hasRecords && batch && args.format === 'text') {
    throw new UsageError('several inputs (or a folder or glob) cannot share stdout as text: use --out-dir DIR, or --format json for JSON Lines');
  }

  let failed = errors.length;
  for (const { input, reason } of errors) await say(`${input}: ${reason}`);
  const expansionErrors = errors.map(({ input, reason }): ErrorRecord => ({ path: input, line: null, id: null, reason }));

  // The errors file: named, or by default beside the outputs of a record run.
  const errorsPath = args.errors ?? (args.outDir !== undefined && hasRecords ? join(args.outDir, 'deboil-errors.jsonl') : undefined);
  const stats = new BatchStats();
  // Inputs that named nothing readable (missing, a dangling link, a folder without inputs) count in the summary too.
  stats.inputsFailed += errors.length;
  // Every document is cleaned in a worker, so that --timeout-ms can stop one that hangs.
  const pool: CleaningPool = new (await import('../batch/pool.js')).CleaningPool({ jobs: args.jobs, options, timeoutMs: args.timeoutMs });
  const ctx: RunContext = { args, options, batch, outName, reportDocs: [], reportOmitted: 0, pool, stats };
  const { cleanRecordInput } = hasRecords ? await import('../batch/record-input.js') : { cleanRecordInput: null };
  let totalBytes = 0;
  for (const input of inputs) if (input.kind === 'file' && isRecords(input)) totalBytes += await stat(input.path).then((s) => s.size, () => 0);
  const progress: Progress = hasRecords ? (await import('../batch/progress.js')).createProgress(totalBytes, stats, !args.quiet) : { update() {}, stop() {} };
  let bytesBefore = 0;
  let shown = 0;
  const showRecordError = async (e: ErrorRecord) => {
    if (shown++ < SHOWN_RECORD_ERRORS) await say(`${e.path}${e.line === null ? '' : `:${e.line}`}: ${e.reason}`);
  };
  const recordRun = (inPlace: boolean): RecordRun => ({
    pool,
    fields: { textField: args.textField, idField: args.idField },
    limits: { ...DEFAULT_BATCH, maxLineBytes: args.maxDocBytes },
    inPlace,
    stats,
    progress: (read) => progress.update(bytesBefore + read),
  });

  /** Clean one record input into `sink`; false (named on stderr, recorded) when the input could not be read. */
  const cleanRecords = async (input: Input, sink: RecordSink, inPlace: boolean, onError: (e: ErrorRecord) => Promise<void>): Promise<boolean> => {
    const name = nameOf(input);
    try {
      await cleanRecordInput!(input.kind === 'file' ? input.path : null, name, formatFor(input, args.jsonl), sink, recordRun(inPlace), onError);
      return true;
    } catch (err) {
      const reason = inputFailure(err);
      stats.inputsFailed++;
      await say(`${name}: ${reason}`);
      await onError({ path: name, line: null, id: null, reason });
      return false;
    } finally {
      if (input.kind === 'file') bytesBefore += await stat(input.path).then((s) => s.size, () => 0);
    }
  };

  try {
    if (args.outDir !== undefined) {
      const state = await ResumeState.open(resolve(args.outDir), args.resume);
      for (const input of inputs) {
        const key = outName(input);
        if (args.resume && (await state.isDone(key))) {
          stats.inputsSkipped++;
          continue;
        }
        const marker = await state.openMarker(key);
        const record = (e: ErrorRecord) => marker.write(errorLine(e));
        let ok: boolean;
        if (!isRecords(input)) ok = await cleanTextInput(input, ctx, record);
        else {
          const target = resolve(args.outDir, key);
          const out = await AtomicStream.open(target, { gzip: formatFor(input, false).gzip, tmpDir: state.tmpDir });
          ok = await cleanRecords(input, out, false, async (e) => {
            await record(e);
            if (e.line !== null) await showRecordError(e);
          });
          if (ok) await out.commit();
          else await out.abort();
        }
        if (!ok) failed++;
        // The marker last: an input counts as done only once its output is in place.
        await marker.commit();
      }
      if (errorsPath !== undefined) {
        const out = await AtomicStream.open(resolve(errorsPath));
        for (const e of expansionErrors) await out.write(errorLine(e));
        for (const input of inputs) for await (const chunk of createReadStream(state.markerPath(outName(input)))) await out.write(chunk as Buffer);
        await out.commit();
      }
      await state.finish();
    } else {
      const errorsOut = errorsPath === undefined ? null : await AtomicStream.open(resolve(errorsPath));
      for (const e of expansionErrors) await errorsOut?.write(errorLine(e));
      const stdoutSink: RecordSink = { write: (chunk) => write(process.stdout, chunk), closed: () => stdoutClosed };
      for (const input of inputs) {
        if (stdoutClosed) break;
        const record = async (e: ErrorRecord) => {
          await errorsOut?.write(errorLine(e));
        };
        const ok = isRecords(input)
          ? await cleanRecords(input, stdoutSink, true, async (e) => {
              await record(e);
              if (e.line !== null) await showRecordError(e);
            })
          : await cleanTextInput(input, ctx, record);
        if (!ok) failed++;
      }
      await errorsOut?.commit();
    }
  } finally {
    progress.stop();
    await pool.destroy();
  }
  if (shown > SHOWN_RECORD_ERRORS) await say(`… and ${shown - SHOWN_RECORD_ERRORS} more record errors${errorsPath ? ` in ${errorsPath}` : ''}`);
  // Record batches and folder runs end with the summary; text cleaned to stdout stays a plain filter.
  if (hasRecords || args.outDir !== undefined) await say(stats.summary(errorsPath));

  if (args.report !== undefined) {
    try {
      await writeFileAtomic(resolve(args.report), renderReport(ctx.reportDocs, 'deboil report', ctx.reportOmitted));
    } catch (err) {
      failed++;
      await say(`cannot write the report ${args.report}: ${describeError(err)}`);
    }
  }
  return failed || (args.strict && stats.failed) ? 1 : 0;
}

// Set exitCode rather than calling process.exit(), which would cut piped output short.
run(hideBin(process.argv)).then(
  (code) => {
    if (!process.exitCode) process.exitCode = code;
  },
  async (err: unknown) => {
    if (err instanceof UsageError) {
      await say(`${err.message}\nRun 'deboil --help' for usage.`);
      process.exitCode = 2;
    } else {
      await say(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exitCode = 1;
    }
  },
);
