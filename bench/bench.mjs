// npm run bench [-- --quick]: batch throughput of the CLI on a JSONL corpus built
// from ../shared/datasets (repeated), with 1 and N workers, peak RSS of the whole
// process tree, the share of bytes sent through retext-english, two baselines
// (copy-through and a C4-style line filter, same I/O path), and single large
// documents, and the hostile inputs of bench/hostile.mjs. Prints tables and
// writes bench/results/latest.json.
//
// The corpus is cached under $TMPDIR/deboil-bench/ (never committed).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist/cli/main.js');
const DATASETS = resolve(ROOT, '../shared/datasets');
const args = process.argv.slice(2);
/** Documents per queue job in the distributed rows. */
const SHARD_DOCS = 1000;
/** Clock ticks per second (USER_HZ): 100 on Linux, whatever the kernel's own tick rate. */
const TICKS_PER_S = 100;

// Child modes: the baselines run as their own process, like the CLI, so RSS and start-up compare.
if (args[0] === '--baseline') await baseline(args[1], args[2], args[3]);
else if (args[0] === '--pipeline-loop') await pipelineLoop(Number(args[1]));
else await main();

/**
 * The pipeline alone, as a worker runs it (the CLI's V8 flags, no I/O, no
 * threads of ours): clean the dev pages once to warm up, then `rounds` times,
 * and print the milliseconds per round.
 */
async function pipelineLoop(rounds) {
  await import(pathToFileURL(join(ROOT, 'dist/cli/v8-tuning.js')).href);
  const { clean } = await import(pathToFileURL(join(ROOT, 'dist/index.js')).href);
  const texts = datasetTexts().map((t) => t.text);
  for (const t of texts) clean(t);
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) clean(t);
  console.log(((performance.now() - start) / rounds).toFixed(1));
}

/**
 * What the machine allows N workers: the pipeline loop alone, then N copies
 * of it at once (separate processes, nothing shared), then alone again, in
 * `trials` trials. On cores that share hardware (hyperthreads, or virtual
 * CPUs on them) each copy runs slower beside the others, and N workers can
 * not be expected to run more than N / that slowdown times as fast as one: a
 * ceiling for this pipeline (its memory traffic is what the copies contend
 * for) on this machine, itself as noisy as the trials it is the mean of. Each trial's slowdown is against the mean of the two runs
 * alone around it, as these machines' speed drifts.
 */
function describeCeiling(c) {
  return `${c.copies} copies of the pipeline loop at once (separate processes, no I/O) each ran ${c.slowdown.toFixed(2)}× slower than one alone (trials: ${c.slowdowns.map((x) => x.toFixed(2)).join(', ')}), so ${c.copies} workers of this pipeline can be expected to reach about ${c.ceiling.toFixed(2)}× one worker on this machine`;
}

async function machineCeiling(copies, trials = 3, rounds = 4) {
  const run = () =>
    new Promise((done, fail) => {
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--pipeline-loop', String(rounds)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('exit', (code) => (code === 0 ? done(Number(out)) : fail(new Error(`pipeline loop exited ${code}`))));
    });
  const slowdowns = [];
  for (let t = 0; t < trials; t++) {
    const before = await run();
    const together = await Promise.all(Array.from({ length: copies }, run));
    const after = await run();
    slowdowns.push(together.reduce((a, b) => a + b, 0) / copies / ((before + after) / 2));
  }
  const slowdown = slowdowns.reduce((a, b) => a + b, 0) / trials;
  return { copies, trials, slowdowns, slowdown, ceiling: copies / slowdown };
}

/** Copy-through (parse and write unchanged) or the C4 line filter, JSONL in → JSONL out. */
async function baseline(kind, input, output) {
  const out = createWriteStream(output);
  const lines = createInterface({ input: createReadStream(input, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  let buffer = '';
  for await (const line of lines) {
    const record = JSON.parse(line);
    if (kind === 'c4') record.text = c4Filter(record.text);
    buffer += JSON.stringify(record) + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((r) => out.once('drain', r));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise((r) => out.on('finish', r));
}

/** C4's line rules (Raffel et al. 2020), the cheap peer: keep lines that end in terminal punctuation, with ≥ 3 words, without boilerplate words. */
function c4Filter(text) {
  const kept = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!/[.!?"'”’]$/.test(t)) continue;
    if (t.split(/\s+/).length < 3) continue;
    if (/javascript|lorem ipsum|cookie|\{/i.test(t)) continue;
    kept.push(t);
  }
  return kept.join('\n');
}

function datasetTexts() {
  const texts = [];
  for (const set of readdirSync(DATASETS).sort()) {
    const raw = join(DATASETS, set, 'raw');
    if (!existsSync(raw)) continue;
    for (const f of readdirSync(raw).sort()) texts.push({ id: `${set}/${f}`, text: readFileSync(join(raw, f), 'utf8') });
  }
  return texts;
}

/** A JSONL corpus of at least `mb` MB: the dataset pages, repeated, each copy with its own id. */
function buildCorpus(texts, mb) {
  const dir = join(tmpdir(), 'deboil-bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `corpus-${mb}mb.jsonl`);
  if (existsSync(path) && statSync(path).size >= mb * 1e6) return path;
  // Written round by round: a 1 GB corpus is more than one string can hold.
  const fd = openSync(path, 'w');
  let size = 0;
  for (let round = 0; size < mb * 1e6; round++) {
    const chunk = texts.map(({ id, text }) => JSON.stringify({ id: `${id}#${round}`, text, source: 'shared/datasets' }) + '\n').join('');
    writeSync(fd, chunk);
    size += Buffer.byteLength(chunk);
  }
  closeSync(fd);
  return path;
}

/**
 * RSS and CPU time (user + system, in clock ticks) of a process and its
 * descendants: worker threads live inside the process, so its own figures
 * cover them.
 */
function treeUsage(pid) {
  let rss = 0;
  let ticks = 0;
  const visit = (p) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      // Fields 14 and 15 of stat, counted after the command name (which may hold spaces).
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      for (const tid of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').trim();
        for (const c of children ? children.split(/\s+/) : []) visit(c);
      }
    } catch {
      // The process ended between two reads.
    }
  };
  visit(pid);
  return { rss, ticks };
}

/**
 * Run a command, timing it and sampling its process tree every 50 ms: peak
 * RSS, and CPU seconds as of the last sample (up to 50 ms short). CPU
 * seconds over wall seconds shows how many cores a run kept busy.
 */
function measure(cmd, cmdArgs) {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const usage = treeUsage(child.pid);
      peak = Math.max(peak, usage.rss);
      ticks = Math.max(ticks, usage.ticks);
    }, 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - start) / 1000;
      if (code !== 0) fail(new Error(`${cmdArgs.join(' ')} exited ${code}: ${stderr}`));
      else done({ seconds, peakRssMb: peak / 1e6, cpuSeconds: ticks / TICKS_PER_S, stderr });
    });
  });
}

/** Bytes of the pipeline's input that reach retext-english: dist/ never imports it, so none. */
function retextShare() {
  const files = readdirSync(join(ROOT, 'dist'), { recursive: true }).filter((f) => f.endsWith('.js'));
  const importers = files.filter((f) => /from ['"]retext(-english)?['"]|import\(['"]retext/.test(readFileSync(join(ROOT, 'dist', f), 'utf8')));
  return { share: importers.length === 0 ? 0 : null, note: importers.length === 0 ? 'no module in dist/ imports retext or retext-english: 0 bytes are parsed by it' : `imported by ${importers.join(', ')}: not measured` };
}

/**
 * `npm run bench -- --memory`: peak RSS of the process tree when the CLI
 * cleans a 1 GB JSONL at the default --jobs (the batch issue's bound is
 * 300 MB). Only that run: it takes minutes.
 */
async function memoryRun() {
  const corpus = buildCorpus(datasetTexts(), 1000);
  const bytes = statSync(corpus).size;
  const outDir = join(tmpdir(), 'deboil-bench', 'out-memory');
  rmSync(outDir, { recursive: true, force: true });
  const load = loadavg()[0];
  console.error(`corpus ${corpus}: ${(bytes / 1e6).toFixed(0)} MB; load ${load.toFixed(2)}`);
  const r = await measure(process.execPath, [CLI, corpus, '--out-dir', outDir, '--quiet']);
  rmSync(outDir, { recursive: true, force: true });
  const result = { date: new Date().toISOString(), node: process.version, cores: availableParallelism(), corpusMb: bytes / 1e6, seconds: r.seconds, mbPerS: bytes / 1e6 / r.seconds, peakRssMb: r.peakRssMb, loadAverage1m: [load, loadavg()[0]] };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/memory.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`1 GB JSONL, default --jobs (${result.cores}): ${r.seconds.toFixed(0)} s, ${result.mbPerS.toFixed(1)} MB/s, peak RSS of the process tree ${r.peakRssMb.toFixed(0)} MB (bound: 300 MB); load ${load.toFixed(2)} → ${result.loadAverage1m[1].toFixed(2)}`);
  console.log('written: bench/results/memory.json');
}

async function main() {
  if (args.includes('--memory')) return memoryRun();
  if (args.includes('--machine')) {
    console.log(`${describeCeiling(await machineCeiling(availableParallelism(), 5))}; load ${loadavg()[0].toFixed(2)}`);
    return;
  }
  // `npm run bench --quick` reaches the script as npm_config_quick, `npm run bench -- --quick` as an argument.
  const quick = args.includes('--quick') || process.env.npm_config_quick === 'true';
  const jobs = availableParallelism();
  const corpusMb = quick ? 40 : 200;
  const texts = datasetTexts();
  const corpus = buildCorpus(texts, corpusMb);
  const bytes = statSync(corpus).size;
  const docs = readFileSync(corpus, 'utf8').split('\n').length - 1;
  const outDir = join(tmpdir(), 'deboil-bench', 'out');
  const load = [loadavg()[0]];
  console.error(`corpus ${corpus}: ${(bytes / 1e6).toFixed(0)} MB, ${docs} docs; ${jobs} cores; load ${load[0].toFixed(2)}`);

  const rows = [];
  const row = (name, r, extra = {}) => {
    const result = { name, seconds: r.seconds, mbPerS: bytes / 1e6 / r.seconds, docsPerS: docs / r.seconds, peakRssMb: r.peakRssMb, cpuSeconds: r.cpuSeconds, coresBusy: r.cpuSeconds / r.seconds, ...extra };
    rows.push(result);
    console.error(`${name}: ${r.seconds.toFixed(1)} s`);
    return result;
  };
  rmSync(outDir, { recursive: true, force: true });
  row('copy-through (parse + write)', await measure(process.execPath, [fileURLToPath(import.meta.url), '--baseline', 'copy', corpus, join(tmpdir(), 'deboil-bench', 'copy.jsonl')]));
  row('C4 line filter', await measure(process.execPath, [fileURLToPath(import.meta.url), '--baseline', 'c4', corpus, join(tmpdir(), 'deboil-bench', 'c4.jsonl')]));
  const one = row('deboil --jobs 1', await measure(process.execPath, [CLI, corpus, '--out-dir', outDir, '--jobs', '1', '--quiet']));
  load.push(loadavg()[0]);
  const many = row(`deboil --jobs ${jobs}`, await measure(process.execPath, [CLI, corpus, '--out-dir', outDir, '--jobs', String(jobs), '--quiet']));
  load.push(loadavg()[0]);
  rmSync(outDir, { recursive: true, force: true });

  // Distributed: the same corpus through a local Redis, shards of 1,000 documents, 1 and 2 worker processes with N cleaning threads in all.
  const distributed = await distributedRuns(corpus, docs, jobs, outDir);
  // The local run again, after the queue runs: on a shared machine the load drifts, so the overhead is taken against the mean of both.
  const again = row(`deboil --jobs ${jobs} (again)`, await measure(process.execPath, [CLI, corpus, '--out-dir', outDir, '--jobs', String(jobs), '--quiet']));
  // And --jobs 1 again: the speed of these shared machines drifts by tens of percent within minutes, so the
  // speed-up is taken over two pairs run in mirrored order (1, N, …, N, 1), not one pair.
  const oneAgain = row('deboil --jobs 1 (again)', await measure(process.execPath, [CLI, corpus, '--out-dir', outDir, '--jobs', '1', '--quiet']));
  const localSeconds = (many.seconds + again.seconds) / 2;
  for (const d of distributed.runs) row(d.name, d, { workers: d.workers, overheadPct: 100 * (1 - localSeconds / d.seconds) });
  load.push(loadavg()[0]);
  rmSync(outDir, { recursive: true, force: true });

  const ceiling = jobs > 1 ? await machineCeiling(jobs) : null;
  if (ceiling) console.error(`${jobs} pipeline loops at once: each ${ceiling.slowdown.toFixed(2)}× slower than alone`);

  // Single documents: dataset pages concatenated up to the size, cleaned in this process after a warm-up.
  const { clean } = await import(join(ROOT, 'dist/index.js'));
  clean(texts.slice(0, 20).map((t) => t.text).join('\n'));
  const single = [];
  for (const mb of [1, 5, 50]) {
    let doc = '';
    for (let i = 0; doc.length < mb * 1e6; i++) doc += texts[i % texts.length].text + '\n';
    doc = doc.slice(0, mb * 1e6);
    const t = performance.now();
    clean(doc);
    const seconds = (performance.now() - t) / 1000;
    single.push({ mb, seconds, mbPerS: mb / seconds });
    console.error(`single ${mb} MB document: ${seconds.toFixed(2)} s`);
  }

  // Hostile inputs (the hardening issue): per-MB slowdown against normal text, in this process.
  const { runHostile, printHostile } = await import('./hostile.mjs');
  const hostile = runHostile(clean);

  const retext = retextShare();
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cores: jobs,
    quick,
    corpus: { mb: bytes / 1e6, docs },
    loadAverage1m: { start: load[0], afterJobs1: load[1], afterJobsN: load[2], afterRepeats: load[3] },
    distributed: distributed.note ?? { localDocsPerS: docs / localSeconds, runs: distributed.runs.map((d) => ({ workers: d.workers, docsPerS: docs / d.seconds, overheadPctVsLocal: 100 * (1 - localSeconds / d.seconds) })) },
    rows,
    // Both pairs' times summed: each pair's ratio is in the rows.
    speedup: (one.seconds + oneAgain.seconds) / (many.seconds + again.seconds),
    speedupPairs: [one.seconds / many.seconds, oneAgain.seconds / again.seconds],
    machineCeiling: ceiling,
    mbPerSPerCore: (2 * bytes / 1e6 / (many.seconds + again.seconds)) / jobs,
    retextEnglish: retext,
    singleDocuments: single,
    ratio50to5: single[2].seconds / single[1].seconds,
    hostile,
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/latest.json'), JSON.stringify(results, null, 2) + '\n');

  const pad = (s, n) => String(s).padEnd(n);
  const num = (x, d = 1) => x.toFixed(d).padStart(8);
  console.log(`\ncorpus: ${(bytes / 1e6).toFixed(0)} MB, ${docs} documents (JSONL); ${jobs} cores; 1-min load average ${load.map((l) => l.toFixed(2)).join(' → ')}\n`);
  console.log(`| ${pad('run', 30)} | ${pad('MB/s', 8)} | ${pad('docs/s', 8)} | ${pad('peak RSS MB', 11)} | ${pad('CPU s', 8)} | ${pad('cores busy', 10)} | ${pad('vs copy', 7)} | ${pad('vs C4', 7)} |`);
  console.log(`| ${'-'.repeat(30)} | ${'-'.repeat(8)} | ${'-'.repeat(8)} | ${'-'.repeat(11)} | ${'-'.repeat(8)} | ${'-'.repeat(10)} | ${'-'.repeat(7)} | ${'-'.repeat(7)} |`);
  for (const r of rows) console.log(`| ${pad(r.name, 30)} | ${num(r.mbPerS)} | ${num(r.docsPerS, 0)} | ${num(r.peakRssMb, 0).padStart(11)} | ${num(r.cpuSeconds)} | ${num(r.coresBusy, 2).padStart(10)} | ${num(r.mbPerS / rows[0].mbPerS, 3).padStart(7)} | ${num(r.mbPerS / rows[1].mbPerS, 3).padStart(7)} |`);
  if (distributed.note) console.log(`\ndistributed: ${distributed.note}`);
  for (const d of distributed.runs) console.log(`\ndistributed, ${d.workers} worker process${d.workers > 1 ? 'es' : ''} (${jobs} threads in all, shards of ${SHARD_DOCS} docs): ${(docs / d.seconds).toFixed(0)} docs/s vs local --jobs ${jobs} ${(docs / localSeconds).toFixed(0)} docs/s (mean of its two runs): overhead ${(100 * (1 - localSeconds / d.seconds)).toFixed(1)}%`);
  console.log(`\nspeed-up with ${jobs} workers: ${results.speedup.toFixed(2)}× over both pairs (first pair ${results.speedupPairs[0].toFixed(2)}×, mirrored pair ${results.speedupPairs[1].toFixed(2)}×); per core: ${results.mbPerSPerCore.toFixed(1)} MB/s`);
  if (ceiling) console.log(`machine: ${describeCeiling(ceiling)}`);
  console.log(`CPU per MB: --jobs 1 ${((one.cpuSeconds + oneAgain.cpuSeconds) / (2 * bytes / 1e6)).toFixed(3)} s, --jobs ${jobs} ${((many.cpuSeconds + again.cpuSeconds) / (2 * bytes / 1e6)).toFixed(3)} s (the work a second worker adds, whatever the machine's speed)`);
  console.log(`retext-english share of bytes: ${retext.share ?? 'unknown'} (${retext.note})`);
  console.log(`single documents: ${single.map((s) => `${s.mb} MB ${s.seconds.toFixed(2)} s (${s.mbPerS.toFixed(1)} MB/s)`).join(', ')}; 50 MB / 5 MB time: ${results.ratio50to5.toFixed(1)}×`);
  printHostile(hostile);
  console.log(`\nwritten: bench/results/latest.json`);
}


function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/**
 * `deboil queue add` + `deboil worker` through a Redis started here (no persistence), timed from the
 * add until every job is completed. The workers are started (and have loaded the pipeline) first,
 * as long-running workers would have. Progress is read with BullMQ in this process, not by spawning
 * `queue status`, so that polling costs no CPU the workers need.
 */
async function distributedRuns(corpus, docs, jobs, outDir) {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) return { runs: [], note: 'skipped: redis-server is not on PATH (apt-get install redis-server)' };
  const { Queue } = await import('bullmq');
  const { Redis } = await import('ioredis');
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const connection = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: (n) => (n > 50 ? null : 100) });
  // Refused until redis-server listens: the retries handle it.
  connection.on('error', () => {});
  await new Promise((done, fail) => {
    connection.once('ready', done);
    server.once('exit', () => fail(new Error('redis-server exited')));
  });
  const runs = [];
  try {
    for (const workers of [1, 2]) {
      const queueName = `bench-${workers}`;
      const queue = new Queue(queueName, { connection });
      await queue.obliterate({ force: true });
      rmSync(outDir, { recursive: true, force: true });
      const threads = Math.max(1, Math.floor(jobs / workers));
      const children = [];
      // A failed run must not leave workers behind, reconnecting to a Redis that is gone.
      process.once('exit', () => children.forEach(({ child }) => child.exitCode === null && child.kill('SIGKILL')));
      for (let w = 0; w < workers; w++) {
        const child = spawn(process.execPath, [CLI, 'worker', '--redis', url, '--queue', queueName, '--concurrency', '2', '--jobs', String(threads), '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let log = '';
        child.stderr.on('data', (d) => (log += d));
        children.push({ child, log: () => log });
      }
      // A worker is ready when its pool is up: give it a moment, then check it is still alive.
      await new Promise((r) => setTimeout(r, 2000));
      const start = performance.now();
      let peak = 0;
      const usage = () => children.map((c) => treeUsage(c.child.pid)).reduce((a, b) => ({ rss: a.rss + b.rss, ticks: a.ticks + b.ticks }));
      // The workers' CPU while they clean: their loading before the add is not counted.
      const startTicks = usage().ticks;
      let ticks = startTicks;
      const timer = setInterval(() => {
        const u = usage();
        peak = Math.max(peak, u.rss);
        ticks = Math.max(ticks, u.ticks);
      }, 200);
      const add = spawnSync(process.execPath, [CLI, 'queue', 'add', corpus, '--redis', url, '--queue', queueName, '--out-dir', outDir, '--shard-docs', String(SHARD_DOCS)], { encoding: 'utf8' });
      if (add.status !== 0) throw new Error(`queue add failed: ${add.stderr}`);
      for (;;) {
        const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
        if (c.failed) throw new Error(`a benchmark job failed: ${JSON.stringify(c)}; ${children.map((x) => x.log()).join('\n')}`);
        if (c.waiting + c.active + c.delayed === 0 && c.completed > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const seconds = (performance.now() - start) / 1000;
      clearInterval(timer);
      for (const { child } of children) child.kill('SIGTERM');
      await Promise.all(children.map(({ child }) => new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)))));
      await queue.obliterate({ force: true });
      await queue.close();
      runs.push({ name: `queue: ${workers} worker${workers > 1 ? 's' : ''} × ${threads} threads`, workers, seconds, peakRssMb: peak / 1e6, cpuSeconds: (ticks - startTicks) / TICKS_PER_S });
      console.error(`distributed, ${workers} workers: ${seconds.toFixed(1)} s`);
    }
  } finally {
    await connection.quit().catch(() => {});
    server.kill('SIGTERM');
  }
  return { runs };
}
