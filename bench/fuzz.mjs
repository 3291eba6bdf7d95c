// npm run fuzz [-- --cases N --seed S --workers W --corpus-share F]
//
// Runs the properties of bench/fuzz-lib.mjs on N generated cases (default
// 1,000,000): short strings (most well under 1 KB) and, for a share F
// (default 0.02), mutated corpus documents. The cases are split over worker
// threads (default: one per core). Every failing case is counted; the first
// few are replayed by fast-check (same seed, same path) so that it shrinks
// them, and each is printed with its shrunk counterexample and the seed and
// path that reproduce it (`--replay SEED:PATH`). Exit 1 when a case failed.
import os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseArgs } from 'node:util';

const CHUNK = 2000; // cases per fast-check run: progress reports, bounded memory
const SHRINK_LIMIT = 5; // failures shrunk and printed per worker, plus the first of each property

if (isMainThread) {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '20240104' },
      workers: { type: 'string', default: String(os.availableParallelism()) },
      'corpus-share': { type: 'string', default: '0.02' },
      replay: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const cases = values.replay ? 1 : Number(values.cases);
  const seed = Number(values.seed);
  const workers = values.replay ? 1 : Number(values.workers);
  const corpusShare = Number(values['corpus-share']);
  if (!(Number.isInteger(cases) && cases > 0) || !Number.isInteger(seed) || !(Number.isInteger(workers) && workers >= 1) || !(corpusShare >= 0 && corpusShare <= 1)) {
    console.error('usage: npm run fuzz -- [--cases N] [--seed S] [--workers W] [--corpus-share 0..1] [--replay SEED:PATH]');
    process.exit(2);
  }
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  let done = 0;
  let failed = 0;
  const reports = [];
  const kinds = {};
  const per = Math.floor(cases / workers);
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const share = w === workers - 1 ? cases - per * (workers - 1) : per;
      return new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { cases: share, seed: seed + w * 1_000_003, corpusShare, replay: values.replay } });
        worker.on('message', (m) => {
          if (m.type === 'failure') return reports.push(m);
          done += m.cases;
          failed += m.failed;
          for (const [k, v] of Object.entries(m.kinds ?? {})) kinds[k] = (kinds[k] ?? 0) + v;
          if (!values.quiet) process.stderr.write(`\r${done} / ${cases} cases, ${failed} failed, ${Math.round(done / elapsed())} cases/s   `);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${w} exited with code ${code}`))));
      });
    }),
  );
  const seconds = elapsed();
  if (!values.quiet) process.stderr.write('\n');
  for (const r of reports) {
    console.log(`\nFAILURE (replay: npm run fuzz -- --replay ${r.seed}:${r.path})`);
    console.log(`  ${r.message}`);
    console.log(`  shrunk counterexample: ${r.counterexample}`);
  }
  for (const [k, v] of Object.entries(kinds)) console.log(`  ${v} × ${k}`);
  console.log(`fuzz: ${done} cases in ${seconds.toFixed(1)} s (${Math.round(done / seconds)} cases/s) on ${workers} worker(s), seed ${seed}: ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
} else {
  const { fc, inputs, assertAll } = await import('./fuzz-lib.mjs');
  const { cases, seed, corpusShare, replay } = workerData;
  const arbitrary = inputs(Math.round(corpusShare * 1000), Math.round((1 - corpusShare) * 1000));

  /** Replay one case by seed and path so that fast-check shrinks it. */
  const shrink = (runSeed, path) => {
    const d = fc.check(fc.property(arbitrary, assertAll), { seed: runSeed, path: String(path) });
    if (!d.failed) return null;
    const error = d.errorInstance instanceof Error ? d.errorInstance.message : String(d.errorInstance);
    return { type: 'failure', seed: runSeed, path: d.counterexamplePath, message: error.split('\n')[0].slice(0, 1000), counterexample: JSON.stringify(d.counterexample[0]) };
  };

  if (replay) {
    const [runSeed, ...path] = replay.split(':');
    const r = shrink(Number(runSeed), path.join(':'));
    if (r) parentPort.postMessage(r);
    parentPort.postMessage({ type: 'progress', cases: 1, failed: r ? 1 : 0 });
  } else {
    let shrunk = 0;
    const shownKinds = new Set();
    for (let start = 0, chunk = 0; start < cases; start += CHUNK, chunk++) {
      const n = Math.min(CHUNK, cases - start);
      const runSeed = seed + chunk * 7919;
      // The property records failures instead of throwing, so fast-check runs
      // all n cases and every failure is counted; run i is path `i`.
      const failures = [];
      const kinds = {};
      let index = 0;
      fc.assert(
        fc.property(arbitrary, (x) => {
          const i = index++;
          try {
            assertAll(x);
          } catch (err) {
            // Tally by property: the message up to its first colon.
            const kind = String(err?.message ?? err).split(':')[0];
            failures.push([i, kind]);
            kinds[kind] = (kinds[kind] ?? 0) + 1;
          }
        }),
        { seed: runSeed, numRuns: n },
      );
      for (const [i, kind] of failures) {
        if (shrunk >= SHRINK_LIMIT && shownKinds.has(kind)) continue;
        shownKinds.add(kind);
        const r = shrink(runSeed, i);
        if (r) {
          shrunk++;
          parentPort.postMessage(r);
        }
      }
      parentPort.postMessage({ type: 'progress', cases: n, failed: failures.length, kinds });
    }
  }
}
