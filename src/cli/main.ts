#!/usr/bin/env node
/**
 * The deboil CLI: read files, folders, globs or stdin, clean each text, and
 * write the results to stdout or mirrored into --out-dir. One bad input
 * never stops the batch; it is named on stderr and the exit code says so.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { reporter } from 'vfile-reporter';
import { cleanFile, toMessages, RULE_IDS, type DeboilOptions, type RuleId } from '../index.js';
import { writeFileAtomic } from '../io/atomic.js';
import { ConfigError, loadConfig } from '../io/config.js';
import { decodeInput } from '../io/decode.js';
import { describeError, expandInputs, findCollisions, readInput, type Input } from '../io/inputs.js';
import { toJson } from '../io/json.js';
import { renderReport, type ReportDocument } from '../io/report.js';

/** Bad flags or operands that can never work: exit 2, before anything is written. */
class UsageError extends Error {}

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
}

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** `--disable a --disable b,c` → validated rule ids. */
function ruleIds(value: string | string[]): RuleId[] {
  const ids = [value].flat().flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const id of ids) if (!(RULE_IDS as readonly string[]).includes(id)) throw new Error(`unknown rule "${id}" for --disable (known: ${RULE_IDS.join(', ')})`);
  return ids as RuleId[];
}

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
    .example('$0 page.txt', 'Clean one file to stdout')
    .example('curl -s https://… | $0 --explain', 'Clean stdin, report what was removed on stderr')
    .example('$0 corpus --out-dir out', 'Clean every .txt under corpus/ into out/, same relative paths')
    .example("$0 'scrapes/**/*.txt' --format json > clean.jsonl", 'One JSON line {path,title,text,removed} per file')
    .example('$0 page.txt --disable navigation', 'Keep what the navigation rule would remove')
    .example('$0 corpus --out-dir out --report audit.html', 'Also write a page that shows what was removed, by rule')
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
  };
}

async function buildOptions(args: CliArgs): Promise<DeboilOptions> {
  let options: DeboilOptions;
  try {
    options = await loadConfig(args.config);
  } catch (err) {
    throw err instanceof ConfigError ? new UsageError(err.message) : err;
  }
  if (args.threshold !== undefined) {
    if (typeof args.threshold === 'number' && !(args.threshold >= 0 && args.threshold <= 1)) throw new UsageError('--threshold must be between 0 and 1');
    options = { ...options, threshold: args.threshold };
  }
  if (args.disable.length === 0 && args.enable.length === 0) return options;
  const rules = { ...options.rules };
  for (const id of args.enable) rules[id] = true;
  for (const id of args.disable) rules[id] = false;
  return { ...options, rules };
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
function write(stream: NodeJS.WriteStream, chunk: string): Promise<void> {
  if (stream === process.stdout && stdoutClosed) return Promise.resolve();
  return new Promise((done) => stream.write(chunk, () => done()));
}

const say = (line: string) => write(process.stderr, `deboil: ${line}\n`);
const nameOf = (input: Input) => (input.kind === 'stdin' ? '<stdin>' : input.path);

async function run(argv: string[]): Promise<number> {
  const args = await parseArgs(argv);
  const options = await buildOptions(args);
  if (args.inputs.length === 0 && process.stdin.isTTY) throw new UsageError('nothing to read: give files, folders or globs, or pipe text into stdin');

  const { inputs, errors, batch } = await expandInputs(args.inputs);
  const outName = (rel: string) => (args.format === 'json' ? rel.replace(/\.txt$/i, '') + '.json' : rel);
  if (inputs.filter((i) => i.kind === 'stdin').length > 1) throw new UsageError('stdin (-) can be read only once');
  if (args.outDir !== undefined) {
    if (inputs.some((i) => i.kind === 'stdin')) throw new UsageError('--out-dir needs named inputs: stdin has no file name to write under');
    const collisions = findCollisions(inputs, (rel) => join(args.outDir!, outName(rel)));
    if (collisions.length) throw new UsageError(`output name collision, nothing written:\n  ${collisions.join('\n  ')}`);
  } else if (batch && args.format === 'text') {
    throw new UsageError('several inputs (or a folder or glob) cannot share stdout as text: use --out-dir DIR, or --format json for JSON Lines');
  }

  const reportDocs: ReportDocument[] = [];
  let reportOmitted = 0;
  let failed = errors.length;
  for (const { input, reason } of errors) await say(`${input}: ${reason}`);

  const toStdout = args.outDir === undefined;
  const explainTo = toStdout ? process.stderr : process.stdout;
  for (const input of inputs) {
    if (toStdout && stdoutClosed) break;
    const name = nameOf(input);
    let text: string;
    try {
      const decoded = decodeInput(await readInput(input), name);
      for (const warning of decoded.warnings) await say(`warning: ${warning}`);
      text = decoded.text;
    } catch (err) {
      failed++;
      // decodeInput's messages already start with the name; read errors do not.
      await say(err instanceof Error && err.message.startsWith(`${name}: `) ? err.message : `${name}: ${describeError(err)}`);
      continue;
    }

    const file = cleanFile(text, options, name);
    const { title, language, removed } = file.data.deboil!;
    const result = { title, text: String(file.value), language, removed };
    if (args.report !== undefined) {
      if (reportDocs.length < args.reportLimit) reportDocs.push({ path: name, input: text, title, removed });
      else reportOmitted++;
    }

    if (toStdout) {
      const path = input.kind === 'stdin' ? '-' : input.path;
      await write(process.stdout, args.format === 'text' ? result.text : toJson(batch ? { path, ...result } : result) + '\n');
    } else {
      const outDir = resolve(args.outDir!);
      const target = resolve(outDir, outName(input.rel));
      const inside = relative(outDir, target);
      if (inside === '..' || inside.startsWith('..' + sep) || isAbsolute(inside)) {
        failed++;
        await say(`${name}: output path ${target} would be outside --out-dir, skipped`);
        continue;
      }
      try {
        await writeFileAtomic(target, args.format === 'text' ? result.text : toJson(result) + '\n');
      } catch (err) {
        failed++;
        await say(`${name}: cannot write ${target}: ${describeError(err)}`);
        continue;
      }
    }

    if (args.explain) {
      toMessages(file, removed);
      // vfile-reporter picks colours for stderr; decide for stdout ourselves.
      const color = explainTo === process.stderr || process.stdout.isTTY ? undefined : false;
      await write(explainTo, reporter([file], { quiet: false, verbose: false, color }) + '\n');
    }
  }
  if (args.report !== undefined) {
    try {
      await writeFileAtomic(resolve(args.report), renderReport(reportDocs, 'deboil report', reportOmitted));
    } catch (err) {
      failed++;
      await say(`cannot write the report ${args.report}: ${describeError(err)}`);
    }
  }
  return failed ? 1 : 0;
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
