/**
 * --resume after a SIGKILL: a batch of 24 JSONL files is killed once some,
 * not all, of its outputs exist; a re-run with --resume must leave exactly
 * the bytes an uninterrupted run leaves (outputs and errors file), with no
 * temp or state files behind.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, datasetPages, deboil, jsonl, snapshot, tree } from './batch-helpers.js';

const FILES = 24;
const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const digests = (dir: string) => Object.fromEntries(Object.entries(snapshot(dir)).map(([k, v]) => [k, digest(v)]));
const outputsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.jsonl') && n !== 'deboil-errors.jsonl').length : 0);

describe('--resume', { timeout: 180_000 }, () => {
  it('after a SIGKILL gives byte for byte what an uninterrupted run gives', async () => {
    const pages = datasetPages(60);
    const files: Record<string, string> = {};
    for (let f = 0; f < FILES; f++) {
      // Enough text per file that a run takes a while; a malformed line in some files fills the errors file.
      const records: unknown[] = pages.slice(0, 30).map((text, i) => ({ id: `f${f}-${i}`, text: pages[(i + f) % pages.length] }));
      if (f % 5 === 0) records.splice(3, 0, `{"id": "f${f}-broken"`);
      files[`in/part-${String(f).padStart(2, '0')}.jsonl`] = jsonl(records);
    }
    const dir = tree(files);

    const whole = deboil(['in', '--out-dir', 'whole', '--jobs', '1'], { cwd: dir });
    expect(whole.status).toBe(0);
    const expected = digests(join(dir, 'whole'));
    expect(Object.keys(expected)).toHaveLength(FILES + 1);

    // Kill the second run once a few outputs are in place.
    const child = spawn(process.execPath, [CLI, 'in', '--out-dir', 'killed', '--jobs', '1'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise((done) => child.on('exit', done));
    const outDir = join(dir, 'killed');
    while (outputsIn(outDir) < 3 && child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;
    const doneBefore = outputsIn(outDir);
    expect(doneBefore).toBeGreaterThanOrEqual(3);
    expect(doneBefore).toBeLessThan(FILES);
    expect(existsSync(join(outDir, '.deboil-state'))).toBe(true);

    const resumed = deboil(['in', '--out-dir', 'killed', '--jobs', '2', '--resume'], { cwd: dir });
    expect(resumed.status).toBe(0);
    // An output renamed into place just before the kill has no marker yet: that input is redone.
    const skipped = Number(/(\d+) inputs done before \(--resume\)/.exec(resumed.stderr)?.[1]);
    expect(skipped).toBeGreaterThanOrEqual(doneBefore - 1);
    expect(skipped).toBeLessThanOrEqual(doneBefore);
    expect(digests(outDir)).toEqual(expected);
  });
});
