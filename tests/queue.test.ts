/**
 * The distributed mode against a real Redis: `deboil queue add|status|drain|clean`
 * and `deboil worker` processes. Each suite starts its own redis-server on a
 * free loopback port without persistence. Without redis-server on PATH the
 * suite is skipped, and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { datasetPages, deboil, gzipPerRecord, jsonl, ROOT, snapshot, tree, wetRecords } from './batch-helpers.js';
import { freePort, hasRedis, killWorkers, startRedis, startWorker, status, waitFor, type RedisServer } from './queue-helpers.js';

if (!hasRedis) {
  console.warn('tests/queue.test.ts: SKIPPED the distributed-mode tests: redis-server is not on PATH. Install it (apt-get install redis-server) to run them; .ci/run does.');
}

const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const digests = (files: Record<string, Buffer>) => Object.fromEntries(Object.entries(files).map(([k, v]) => [k, digest(v)]));

/** Output line by id, from JSONL files (each id must appear once). */
function linesById(files: string[]): Map<string, string> {
  const byId = new Map<string, string>();
  for (const f of files) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (line === '') continue;
      const id = (JSON.parse(line) as { id: string }).id;
      if (byId.has(id)) throw new Error(`${id} appears twice (again in ${f})`);
      byId.set(id, line);
    }
  }
  return byId;
}

/** ≥ 2,000 documents with unique ids: the dataset pages (both sets), cut to their first 3,000 characters at a line end and repeated. */
function corpus(docs: number): { id: string; text: string; n: number }[] {
  const texts: { id: string; text: string }[] = [];
  for (const set of ['readability', 'sh']) {
    const dir = resolve(ROOT, '../shared/datasets', set, 'raw');
    for (const f of readdirSync(dir).sort()) {
      const text = readFileSync(join(dir, f), 'utf8');
      const cut = text.length > 3000 ? text.slice(0, text.lastIndexOf('\n', 3000) + 1 || 3000) : text;
      texts.push({ id: `${set}/${f}`, text: cut });
    }
  }
  return Array.from({ length: docs }, (_, i) => ({ id: `${texts[i % texts.length].id}#${Math.floor(i / texts.length)}`, text: texts[i % texts.length].text, n: i }));
}

describe.skipIf(!hasRedis)('distributed mode (BullMQ on a private redis-server)', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  }, 30_000);
  afterAll(async () => {
    killWorkers();
    await redis?.stop();
  });

  it('two workers, one SIGKILLed mid-run: every document comes out exactly once, equal to the local batch mode', { timeout: 600_000 }, async () => {
    const docs = corpus(2100);
    const dir = tree({ 'x.jsonl': jsonl(docs) });
    const q = 'kill-test';
    const add = deboil(['queue', 'add', 'x.jsonl', '--redis', redis.url, '--queue', q, '--out-dir', 'out', '--shard-docs', '100'], { cwd: dir });
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    expect(add.stdout).toContain('21 jobs (21 added, 0 already there)');

    const args = ['--redis', redis.url, '--queue', q, '--concurrency', '1', '--jobs', '1', '--lock-ms', '3000'];
    const a = startWorker(args);
    const b = startWorker(args);
    // Kill one worker once some, not all, jobs are done: with jobs still waiting, both are busy, so the kill hits a job mid-run.
    const before = await waitFor(redis.url, q, (s) => s.counts.completed >= 3, 300_000);
    expect(before.counts.waiting).toBeGreaterThan(0);
    a.child.kill('SIGKILL');
    expect(await a.exited).toBe(null);

    const after = await waitFor(redis.url, q, (s) => s.counts.completed + s.counts.failed === 21, 400_000);
    expect(after.counts).toEqual({ waiting: 0, active: 0, completed: 21, failed: 0, delayed: 0 });
    expect(after.totals.docs).toBe(docs.length);

    // SIGTERM: the surviving worker closes cleanly.
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    // The killed worker's job was found stalled and run again by the other one (its log is whole once it exited).
    expect(b.stderr()).toMatch(/stalled \(its worker stopped renewing the lock\): queued again/);

    const parts = readdirSync(join(dir, 'out')).filter((f) => /^x\.part-\d{5}\.jsonl$/.test(f)).sort();
    expect(parts).toEqual(Array.from({ length: 21 }, (_, i) => `x.part-${String(i).padStart(5, '0')}.jsonl`));
    // No temp files left behind by the killed worker, no errors files for clean input.
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(parts);

    const queued = linesById(parts.map((p) => join(dir, 'out', p)));
    const local = deboil(['x.jsonl', '--out-dir', 'local', '--quiet'], { cwd: dir });
    expect(local.status).toBe(0);
    const expected = linesById([join(dir, 'local/x.jsonl')]);
    expect([...queued.keys()].sort()).toEqual(docs.map((d) => d.id).sort());
    for (const [id, line] of expected) expect(queued.get(id), id).toBe(line);
  });

  it('adding the same inputs again adds nothing (same job ids); drain removes the waiting jobs', { timeout: 60_000 }, () => {
    const dir = tree({ 'a.jsonl': jsonl(corpus(250)), 'b.txt': 'Hello\n' });
    const q = 'readd';
    const args = ['queue', 'add', 'a.jsonl', 'b.txt', '--redis', redis.url, '--queue', q, '--out-dir', 'out', '--shard-docs', '100'];
    const first = deboil(args, { cwd: dir });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('4 jobs (4 added, 0 already there): 3 JSONL shards, 0 whole files, 1 .txt groups');
    const again = deboil(args, { cwd: dir });
    expect(again.stdout).toContain('4 jobs (0 added, 4 already there)');
    expect(status(redis.url, q).counts.waiting).toBe(4);
    // Other options are other jobs.
    const other = deboil([...args, '--disable', 'navigation'], { cwd: dir });
    expect(other.stdout).toContain('4 jobs (4 added, 0 already there)');
    expect(status(redis.url, q).counts.waiting).toBe(8);

    // Parts of an earlier run cut into more shards would mix into `cat out/a.part-*`: named before anything runs.
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out/a.part-00003.jsonl'), '{"id":"stale"}\n');
    const stale = deboil(args, { cwd: dir });
    expect(stale.stderr).toContain(`warning: ${join(dir, 'out/a.part-00003.jsonl')} is left from an earlier run`);

    const drain = deboil(['queue', 'drain', '--redis', redis.url, '--queue', q]);
    expect(drain.status).toBe(0);
    expect(drain.stdout).toContain('removed 8 waiting jobs');
    expect(status(redis.url, q).counts.waiting).toBe(0);
  });

  it('.jsonl.gz and WET whole files and .txt groups: outputs equal local mode byte for byte, a second run of the jobs gives the same bytes, failed records are in the errors file', { timeout: 180_000 }, async () => {
    const pages = datasetPages(8);
    const records = pages.map((text, i) => ({ id: `g${i}`, text, meta: { i } }));
    records.splice(3, 0, { id: 'thrower', text: 'A document that asks to fail. DEBOIL_TEST_THROW\n', meta: { i: -1 } });
    const dir = tree({
      'in/g.jsonl.gz': gzipSync(jsonl(records)),
      'in/t/one.txt': pages[0],
      'in/t/two.txt': pages[1],
      'in/bad.txt': Buffer.from([0x41, 0x00, 0x42]),
      'in/crawl.warc.wet.gz': gzipPerRecord(wetRecords(pages.slice(2, 5).map((text, i) => ({ id: `<urn:uuid:w${i}>`, url: `https://example.com/${i}`, text })))),
    });
    const q = 'rerun';
    const env = { DEBOIL_TEST_FAULTS: '1' };
    const addArgs = ['queue', 'add', 'in', '--redis', redis.url, '--queue', q, '--out-dir', 'out', '--shard-docs', '2'];
    expect(deboil(addArgs, { cwd: dir }).stdout).toContain('4 jobs (4 added, 0 already there): 0 JSONL shards, 2 whole files, 2 .txt groups');

    const runAll = async () => {
      const w = startWorker(['--redis', redis.url, '--queue', q, '--concurrency', '2', '--jobs', '1', '--lock-ms', '5000'], env);
      const s = await waitFor(redis.url, q, (x) => x.counts.completed + x.counts.failed === 4, 120_000);
      w.child.kill('SIGTERM');
      expect(await w.exited).toBe(0);
      return s;
    };
    const s1 = await runAll();
    expect(s1.counts.completed).toBe(4);
    expect(s1.totals.docs).toBe(8 + 3 + 2);
    expect(s1.totals.failed).toBe(2);
    const first = snapshot(join(dir, 'out'));

    const local = deboil(['in', '--out-dir', 'local', '--quiet'], { cwd: dir, env });
    expect(local.status).toBe(1); // bad.txt failed
    const localFiles = snapshot(join(dir, 'local'));
    for (const name of ['g.jsonl.gz', 'crawl.jsonl.gz', 't/one.txt', 't/two.txt']) expect(digest(first[name]), name).toBe(digest(localFiles[name]));

    const errorFiles = Object.keys(first).filter((k) => k.startsWith('deboil-errors/')).sort();
    expect(errorFiles).toHaveLength(2);
    const errors = errorFiles.flatMap((f) => first[f].toString('utf8').trim().split('\n').map((l) => JSON.parse(l)));
    expect(errors).toContainEqual({ path: join(dir, 'in/g.jsonl.gz'), line: 4, id: 'thrower', reason: expect.stringContaining('DEBOIL_TEST_THROW') });
    expect(errors).toContainEqual({ path: join(dir, 'in/bad.txt'), line: null, id: 'bad.txt', reason: expect.stringContaining('binary content') });

    // clean, add again: the same jobs run again and leave the same bytes.
    const cleaned = deboil(['queue', 'clean', '--redis', redis.url, '--queue', q]);
    expect(cleaned.stdout).toContain('removed 4 completed and 0 failed jobs, and the totals');
    expect(deboil(addArgs, { cwd: dir }).stdout).toContain('4 jobs (4 added, 0 already there)');
    // The totals went with the jobs: the second run is counted afresh.
    expect((await runAll()).totals.docs).toBe(8 + 3 + 2);
    expect(digests(snapshot(join(dir, 'out')))).toEqual(digests(first));
  });

  it('a job that keeps failing ends in failed with its reason and document ids; status lists it; clean --all empties the queue', { timeout: 120_000 }, async () => {
    const docs = corpus(30);
    const dir = tree({ 'grows.jsonl': jsonl(docs), 'gone.jsonl': jsonl(docs.slice(0, 5)) });
    const q = 'failing';
    const add = deboil(['queue', 'add', 'grows.jsonl', 'gone.jsonl', '--redis', redis.url, '--queue', q, '--out-dir', 'out', '--shard-docs', '20', '--attempts', '2', '--backoff-ms', '100'], { cwd: dir });
    expect(add.stdout).toContain('3 jobs (3 added');
    // After enqueueing: one input changes (its byte ranges no longer fit), one disappears.
    appendFileSync(join(dir, 'grows.jsonl'), jsonl([{ id: 'late', text: 'added later' }]));
    rmSync(join(dir, 'gone.jsonl'));

    const w = startWorker(['--redis', redis.url, '--queue', q, '--concurrency', '2', '--jobs', '1', '--lock-ms', '5000']);
    const s = await waitFor(redis.url, q, (x) => x.counts.failed === 3, 90_000);
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect(s.counts.completed).toBe(0);
    const reasons = s.failedJobs.map((j) => j.reason).sort();
    const grows = join(dir, 'grows.jsonl');
    // A changed input is not retried: no retry can mend it.
    const changed = s.failedJobs.filter((j) => j.reason.includes('changed since it was enqueued'));
    expect(changed).toHaveLength(2);
    for (const j of changed) expect(j.attempts).toBe(1);
    expect(reasons).toContainEqual(expect.stringContaining(`${grows} lines 1–20`));
    expect(reasons).toContainEqual(expect.stringContaining(`ids: ${docs.slice(0, 20).map((d) => d.id).join(', ')}`));
    expect(reasons).toContainEqual(expect.stringContaining(`ids: ${docs.slice(20).map((d) => d.id).join(', ')}`));
    // A missing input is retried (a shared file system may come back), then fails.
    const gone = s.failedJobs.find((j) => j.reason.includes('gone.jsonl'))!;
    expect(gone.reason).toContain(`cannot read ${join(dir, 'gone.jsonl')}: no such file or directory`);
    expect(gone.attempts).toBe(2);
    expect(existsSync(join(dir, 'out', 'grows.part-00000.jsonl'))).toBe(false);

    const text = deboil(['queue', 'status', '--redis', redis.url, '--queue', q, '--no-watch']);
    expect(text.stdout).toContain('queue failing: 0 waiting, 0 active, 0 completed, 3 failed, 0 delayed');
    expect(text.stdout).toMatch(/failed jobs:\n {2}deboil-[0-9a-f]{40} after \d attempts: /);
    // The live view ends once nothing is left to do, with exit 1 as a job failed.
    const watch = deboil(['queue', 'status', '--redis', redis.url, '--queue', q, '--watch', '--interval-ms', '100']);
    expect(watch.status).toBe(1);
    expect(watch.stderr).toContain('3/3 jobs');

    const clean = deboil(['queue', 'clean', '--all', '--redis', redis.url, '--queue', q]);
    expect(clean.stdout).toContain('removed entirely (0 completed, 3 failed jobs, and the totals)');
    expect(status(redis.url, q).counts).toEqual({ waiting: 0, active: 0, completed: 0, failed: 0, delayed: 0 });
  });

  it('bad usage and an unreachable Redis get clear errors', { timeout: 60_000 }, async () => {
    const dir = tree({ 'a.jsonl': jsonl([{ id: 'a', text: 'x' }]) });
    const noOut = deboil(['queue', 'add', 'a.jsonl', '--redis', redis.url], { cwd: dir });
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('Missing required argument: out-dir');
    const badUrl = deboil(['queue', 'status', '--redis', 'localhost:6379']);
    expect(badUrl.status).toBe(2);
    expect(badUrl.stderr).toContain('--redis localhost:6379: expected a redis:// or rediss:// URL');
    const port = await freePort();
    const down = deboil(['queue', 'status', '--redis', `redis://127.0.0.1:${port}`]);
    expect(down.status).toBe(1);
    expect(down.stderr).toContain(`cannot connect to Redis at redis://127.0.0.1:${port}`);
    const missing = deboil(['queue', 'add', 'nope.jsonl', '--redis', redis.url, '--queue', 'usage', '--out-dir', 'out'], { cwd: dir });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.jsonl: no such file or directory');
  });
});
