// npm run bench:instructions [-- --rounds N] [-- --hostile NAME]: the CPU work
// of cleaning, counted in machine instructions by valgrind's cachegrind, not
// timed. Wall and CPU times on a shared machine vary by 10-30% from run to
// run; instruction counts with V8 made deterministic (--predictable
// --single-threaded-gc: no concurrent compiler or collector threads) repeat
// to about 0.5%, so two builds can be compared by one run each.
//
// It runs the dev-set pages through clean() once and N+1 times (N = 2 by
// default) and reports the difference divided by N: instructions per round
// with start-up and warm-up taken out, and per input byte. Needs valgrind
// (`apt-get install -y valgrind`); a run takes about a minute per round.
//
// `--cli-flags` sets the V8 flags the CLI sets for itself and its workers
// (src/cli/v8-tuning.ts) before the pipeline loads: compare a run with it
// and one without to see what they change, compile work included.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATASETS = resolve(ROOT, '../shared/datasets');

function datasetTexts() {
  const texts = [];
  for (const set of readdirSync(DATASETS).sort()) {
    const raw = join(DATASETS, set, 'raw');
    if (!existsSync(raw)) continue;
    for (const f of readdirSync(raw).sort()) texts.push(readFileSync(join(raw, f), 'utf8'));
  }
  return texts;
}

const args = process.argv.slice(2);
const child = args[0] === '--child';

if (child) {
  // Inside valgrind: clean the inputs `rounds` times.
  const [, rounds, hostile, cliFlags] = args;
  if (cliFlags === 'cli-flags') await import(pathToFileURL(join(ROOT, 'dist/cli/v8-tuning.js')).href);
  const { clean } = await import(pathToFileURL(join(ROOT, 'dist/index.js')).href);
  const texts = hostile ? [(await import(pathToFileURL(join(ROOT, 'bench/hostile.mjs')).href)).hostileCases()[hostile]] : datasetTexts();
  for (let r = 0; r < Number(rounds); r++) for (const t of texts) clean(t);
} else {
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const rounds = Number(option('--rounds', '2'));
  const hostile = option('--hostile', '');
  const cliFlags = args.includes('--cli-flags') ? 'cli-flags' : '';
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.error('bench:instructions needs valgrind on PATH (apt-get install -y valgrind)');
    process.exit(1);
  }
  const count = (n) => {
    const r = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', '--smc-check=all-non-file', process.execPath, '--predictable', '--single-threaded-gc', fileURLToPath(import.meta.url), '--child', String(n), hostile, cliFlags], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const m = /I\s+refs:\s+([\d,]+)/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`valgrind run failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
    return Number(m[1].replaceAll(',', ''));
  };
  const texts = hostile ? [(await import(pathToFileURL(join(ROOT, 'bench/hostile.mjs')).href)).hostileCases()[hostile]] : datasetTexts();
  if (texts[0] === undefined) throw new Error(`no hostile input named ${hostile}`);
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  const once = count(1);
  const more = count(1 + rounds);
  const perRound = (more - once) / rounds;
  const what = hostile ? `hostile input "${hostile}"` : `the dev-set pages (${texts.length} documents)`;
  console.log(`${what}${cliFlags ? ', with the CLI\'s V8 flags' : ''}, ${(bytes / 1e6).toFixed(2)} MB: ${(perRound / 1e9).toFixed(3)} G instructions per round, ${(perRound / bytes).toFixed(0)} per input byte (runs of 1 and ${1 + rounds} rounds: ${(once / 1e9).toFixed(2)} G, ${(more / 1e9).toFixed(2)} G)`);
}
