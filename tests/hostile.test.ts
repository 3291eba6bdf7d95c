/**
 * Hostile and odd inputs to the CLI (the built dist/cli/main.js, spawned on
 * temp files). Each has a clear, specific message or a documented outcome,
 * never a hang and never a crash; in a batch one bad input never stops the
 * others, and the exit code is 1 when something failed.
 *
 * Already covered in cli.test.ts: invalid UTF-8, UTF-16 and UTF-8 BOMs, NUL
 * bytes, a missing path, a folder without .txt files, a glob without matches.
 * The tests run as root, so none depends on file permissions.
 */
import { describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listing, tree } from './temp-tree.js';
import { splitSummary } from './helpers.js';
import { clean } from '../dist/index.js';

// Each test spawns the CLI, some several times: allow for a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = resolve(ROOT, 'dist/cli/main.js');

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** stderr without the closing summary line, which is in `summary`. */
  stderr: string;
  summary: string | null;
}

/** Run the CLI; a hang is killed after 30 s and shows as `signal`. */
function deboil(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input: '', encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, ...splitSummary(r.stderr) };
}


function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
}


const BODY_A = 'The city council voted on Tuesday to expand the bus network, adding three routes that connect the northern suburbs with the hospital district.\n';
const BODY_B = 'Officials said the new timetable would take effect in March, after a public consultation that drew more than two thousand written responses.\n';

/** No hang, no crash (an internal error is reported as such by the CLI). */
function expectNoCrash(r: Run) {
  expect(r.signal, 'killed after 30 s: the CLI hung').toBeNull();
  expect(r.stderr).not.toContain('internal error');
}

describe('paths that are not regular files', () => {
  it('refuses a FIFO named on the command line, without waiting for a writer', () => {
    const dir = tree({ 'good.txt': BODY_A });
    mkfifo(join(dir, 'pipe.txt'));
    const r = deboil(['pipe.txt', 'good.txt', '--format', 'json'], dir);
    expectNoCrash(r);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('deboil: pipe.txt: is a FIFO (named pipe), not a regular file; skipped\n');
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).path)).toEqual(['good.txt']);
  });

  it('refuses devices given explicitly: /dev/zero (endless) and /dev/null', () => {
    const dir = tree({ 'good.txt': BODY_A });
    const r = deboil(['/dev/zero', '/dev/null', 'good.txt', '--out-dir', 'out'], dir);
    expectNoCrash(r);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'deboil: /dev/zero: is a character device, not a regular file; skipped\n' + 'deboil: /dev/null: is a character device, not a regular file; skipped\n',
    );
    expect(listing(join(dir, 'out'))).toEqual(['good.txt']);
  });

  it('says a directory named where a file is expected is a directory without .txt files', () => {
    const dir = tree({ 'good.txt': BODY_A });
    mkdirSync(join(dir, 'notes.txt'));
    const r = deboil(['notes.txt', 'good.txt', '--format', 'json'], dir);
    expectNoCrash(r);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('deboil: notes.txt: no .txt files in this directory\n');
    expect(JSON.parse(r.stdout).path).toBe('good.txt');
  });

  it('a glob yields files only: a directory, a FIFO and a device link that match it are not inputs', () => {
    const dir = tree({ 'a.txt': BODY_A, 'b.txt': BODY_B });
    mkdirSync(join(dir, 'dir.txt'));
    mkfifo(join(dir, 'pipe.txt'));
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    const r = deboil(['*.txt', '--out-dir', 'out'], dir);
    expectNoCrash(r);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(listing(join(dir, 'out'))).toEqual(['a.txt', 'b.txt']);
  });
});

describe('symbolic links', () => {
  it('names a dangling symlink as such (exit 1) and cleans the rest', () => {
    const dir = tree({ 'good.txt': BODY_A });
    symlinkSync('nowhere.txt', join(dir, 'dangling.txt'));
    const r = deboil(['dangling.txt', 'good.txt', '--out-dir', 'out'], dir);
    expectNoCrash(r);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('deboil: dangling.txt: broken symbolic link (its target does not exist)\n');
    expect(listing(join(dir, 'out'))).toEqual(['good.txt']);
  });

  it('names a symlink loop given explicitly', () => {
    const dir = tree();
    symlinkSync('b.txt', join(dir, 'a.txt'));
    symlinkSync('a.txt', join(dir, 'b.txt'));
    const r = deboil(['a.txt'], dir);
    expectNoCrash(r);
    expect(r).toMatchObject({ status: 1, stdout: '', stderr: 'deboil: a.txt: too many levels of symbolic links\n' });
  });

  it('cleans a folder with a symlink loop once per real file, without following links', () => {
    const dir = tree({ 'in/top.txt': BODY_A, 'in/sub/deep.txt': BODY_B });
    symlinkSync('..', join(dir, 'in/sub/up')); // a loop: in/sub/up/sub/up/…
    symlinkSync('x.txt', join(dir, 'in/y.txt')); // y → x → y
    symlinkSync('y.txt', join(dir, 'in/x.txt'));
    symlinkSync('nowhere', join(dir, 'in/dangling.txt'));
    const r = deboil(['in', '--out-dir', 'out'], dir);
    expectNoCrash(r);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(listing(join(dir, 'out'))).toEqual(['sub/deep.txt', 'top.txt']);
  });
});

describe('line ends, invisible characters and scripts', () => {
  const lines = ['Bus network to grow by three routes', '', BODY_A.trim(), '', BODY_B.trim()];

  it('cleans lines that open with a long number, which a share-bar pattern once split in exponentially many ways', () => {
    // `[0-9]+` repeated without a separator: a run of n digits before a stray character took 2^(n-1) tries.
    const numbers = ['1'.repeat(60) + '\ufffd', '8'.repeat(45) + 'x', '2024 ' + '7'.repeat(50) + '?'];
    const dir = tree({ 'numbers.txt': [BODY_A, ...numbers, BODY_B].join('\n\n') + '\n' });
    const r = deboil(['numbers.txt'], dir);
    expectNoCrash(r);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(BODY_B.trim());
  });

  it('cleans CR-only and CRLF files exactly as the LF file', () => {
    const lf = lines.join('\n') + '\n';
    const expected = clean(lf).text;
    expect(expected).toContain(BODY_B.trim());
    const dir = tree({ 'cr.txt': lines.join('\r') + '\r', 'crlf.txt': lines.join('\r\n') + '\r\n', 'mixed.txt': lines.join('\r\n').replace('\r\n', '\r') });
    for (const name of ['cr.txt', 'crlf.txt', 'mixed.txt']) {
      const r = deboil([name], dir);
      expectNoCrash(r);
      expect(r.status, name).toBe(0);
      expect(r.stdout, name).toBe(expected);
      expect(r.stdout).not.toContain('\r');
    }
  });

  it('folds NBSP and drops zero-width and bidi controls, keeping the words', () => {
    const noisy = lines
      .map((l) => l.replace(/ /g, (_, i: number) => ['\u00a0', ' \u200b', '\u200e ', ' \u2066', '\u202b \u202c', '\t'][i % 6]))
      .join('\n');
    const dir = tree({ 'noisy.txt': '\ufeff' + noisy });
    const r = deboil(['noisy.txt'], dir);
    expectNoCrash(r);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u00a0\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\t]/);
    expect(r.stdout).toBe(clean(lines.join('\n')).text);
  });

  it('keeps right-to-left (Arabic, Hebrew) and CJK paragraphs as they are', () => {
    const arabic = 'قال المجلس البلدي يوم الثلاثاء إنه سيوسع شبكة الحافلات بثلاثة خطوط جديدة تربط الضواحي الشمالية بالمستشفى.';
    const hebrew = 'מועצת העיר הצביעה ביום שלישי על הרחבת רשת האוטובוסים בשלושה קווים חדשים שיחברו את הפרברים לבית החולים.';
    const chinese = '市议会周二投票决定扩大公交网络，新增三条线路，连接北部郊区和医院区，预计明年三月开始运营。';
    const japanese = '市議会は火曜日、バス路線網を拡大し、北部郊外と病院地区を結ぶ三つの新路線を追加することを決めた。';
    const dir = tree({ 'ar.txt': `${arabic}\n\n${hebrew}\n`, 'cjk.txt': `${chinese}\n\n${japanese}\n` });
    const ar = deboil(['ar.txt'], dir);
    expectNoCrash(ar);
    expect(ar).toMatchObject({ status: 0, stderr: '', stdout: `${arabic}\n\n${hebrew}\n` });
    const cjk = deboil(['cjk.txt'], dir);
    expectNoCrash(cjk);
    expect(cjk).toMatchObject({ status: 0, stderr: '', stdout: `${chinese}\n\n${japanese}\n` });
  });

  it('refuses a .txt document over --max-doc-bytes before reading it, with the size and the limit; the others are cleaned', () => {
    const dir = tree({ 'in/big.txt': BODY_A.repeat(50), 'in/small.txt': BODY_B });
    const r = deboil(['in', '--out-dir', 'out', '--max-doc-bytes', '1000'], dir);
    expectNoCrash(r);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/big\.txt: document of \d+ bytes is larger than --max-doc-bytes \(1000\); skipped/);
    expect(listing(join(dir, 'out'))).toEqual(['small.txt']);
  });

  it('gives an empty output for an empty file (exit 0), and an empty JSON text', () => {
    const dir = tree({ 'empty.txt': '' });
    expect(deboil(['empty.txt'], dir)).toMatchObject({ status: 0, stdout: '', stderr: '' });
    const json = deboil(['empty.txt', '--format', 'json'], dir);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ title: null, text: '', removed: [] });
  });
});

describe('a batch with every kind of bad input', () => {
  it('cleans every good input, names each bad one, exits 1, never crashes', () => {
    const dir = tree({ 'a.txt': BODY_A, 'sub/b.txt': BODY_B, 'nul.txt': Buffer.from('abc\0def') });
    mkfifo(join(dir, 'pipe.txt'));
    mkdirSync(join(dir, 'folder.txt'));
    symlinkSync('nowhere', join(dir, 'dangling.txt'));
    const args = ['pipe.txt', 'a.txt', '/dev/zero', 'folder.txt', 'dangling.txt', 'nul.txt', 'missing.txt', 'sub/b.txt', '--out-dir', 'out'];
    const r = deboil(args, dir);
    expectNoCrash(r);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual([
      'deboil: /dev/zero: is a character device, not a regular file; skipped',
      'deboil: dangling.txt: broken symbolic link (its target does not exist)',
      'deboil: folder.txt: no .txt files in this directory',
      'deboil: missing.txt: no such file or directory',
      'deboil: nul.txt: binary content (NUL byte at byte offset 3), skipped',
      'deboil: pipe.txt: is a FIFO (named pipe), not a regular file; skipped',
    ]);
    expect(r.summary).toMatch(/^deboil: 2 documents, .*, 3 failed, 3 inputs failed, /);
    expect(listing(join(dir, 'out'))).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(join(dir, 'out/b.txt'), 'utf8')).toBe(clean(BODY_B).text);
  });
});
