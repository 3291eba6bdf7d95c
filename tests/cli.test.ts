/**
 * End-to-end tests of the deboil CLI: spawn the built binary (npm test builds
 * dist/ first) on temp folders and check exit codes, streams and files.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listing, tree } from './temp-tree.js';
import { splitSummary } from './helpers.js';
import { clean, type DeboilOptions } from '../dist/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = resolve(ROOT, 'dist/cli/main.js');
const SAMPLE = 'corpus/000_4e410571edfb4a5e.txt';
const sample = readFileSync(resolve(ROOT, SAMPLE), 'utf8');
const golden = readFileSync(resolve(ROOT, 'expected/000_4e410571edfb4a5e.txt'), 'utf8');

interface Run {
  status: number | null;
  stdout: string;
  /** stderr without the closing summary line, which is in `summary`. */
  stderr: string;
  summary: string | null;
}

function deboil(args: string[], opts: { cwd?: string; input?: string | Buffer } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, input: opts.input ?? '', encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, ...splitSummary(r.stderr) };
}



// Long enough to read as article paragraphs, so no rule removes them.
const BODY_A = 'The city council voted on Tuesday to expand the bus network, adding three routes that connect the northern suburbs with the hospital district.\n';
const BODY_B = 'Officials said the new timetable would take effect in March, after a public consultation that drew more than two thousand written responses.\n';
const BODY_C = 'Critics argued that the plan did little for cyclists, and several residents asked why the old tram line could not simply be restored instead.\n';

const explainLine = (stderr: string, needle: string) => stderr.split('\n').find((l) => l.includes(needle)) ?? '';

describe('deboil CLI: inputs and outputs', () => {
  it('mirrors a folder into --out-dir, nested paths included, only .txt files', () => {
    const dir = tree({ 'src/top.txt': BODY_A, 'src/a/b.txt': BODY_B, 'src/a/c/d.txt': BODY_C, 'src/notes.md': BODY_A });
    const r = deboil(['src', '--out-dir', 'out'], { cwd: dir });
    expect(r).toMatchObject({ status: 0, stderr: '', stdout: '' });
    // A folder run ends with the one-line summary, as a record batch does.
    expect(r.summary).toMatch(/^deboil: 3 documents, [\d.]+ MB in, [\d.]+ MB out, [\d.]+% removed, 0 failed, [\d.]+ s$/);
    expect(listing(join(dir, 'out'))).toEqual(['a/b.txt', 'a/c/d.txt', 'top.txt']);
    expect(readFileSync(join(dir, 'out/a/b.txt'), 'utf8')).toBe(clean(BODY_B).text);
    expect(readFileSync(join(dir, 'out/a/c/d.txt'), 'utf8')).toBe(clean(BODY_C).text);
    expect(readFileSync(join(dir, 'out/top.txt'), 'utf8')).toBe(BODY_A);
  });

  it('writes corpus files identical to clean() and leaves no temp files', () => {
    const out = tree();
    const r = deboil(['corpus', '--out-dir', out]);
    expect(r.status).toBe(0);
    const names = readdirSync(resolve(ROOT, 'corpus')).filter((n) => n.endsWith('.txt')).sort();
    expect(listing(out)).toEqual(names);
    for (const n of names) expect(readFileSync(join(out, n), 'utf8'), n).toBe(clean(readFileSync(resolve(ROOT, 'corpus', n), 'utf8')).text);
    // A second run overwrites in place, still without leftovers.
    expect(deboil(['corpus', '--out-dir', out]).status).toBe(0);
    expect(listing(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(listing(out)).toEqual(names);
  });

  it('names glob outputs relative to the static prefix of the pattern', () => {
    const dir = tree({ 'src/a/b.txt': BODY_B, 'src/a/c/d.txt': BODY_C, 'src/top.txt': BODY_A });
    const r = deboil(['src/a/**/*.txt', '--out-dir', 'out'], { cwd: dir });
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(listing(join(dir, 'out'))).toEqual(['b.txt', 'c/d.txt']);
  });

  it('writes a file named directly to DIR/<base name>', () => {
    const dir = tree({ 'src/a/b.txt': BODY_B });
    const r = deboil(['src/a/b.txt', '--out-dir', 'out'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(listing(join(dir, 'out'))).toEqual(['b.txt']);
    expect(readFileSync(join(dir, 'out/b.txt'), 'utf8')).toBe(clean(BODY_B).text);
  });

  it('refuses colliding output names, naming both sources, before writing anything', () => {
    const dir = tree({ 'x/top.txt': BODY_A, 'y/top.txt': BODY_B, 'z.txt': BODY_C });
    const r = deboil(['z.txt', 'x/top.txt', 'y/top.txt', '--out-dir', 'out'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('x/top.txt and y/top.txt would both be written to out/top.txt');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses several inputs on stdout as text (exit 2, nothing on stdout)', () => {
    const dir = tree({ 'a.txt': BODY_A, 'b.txt': BODY_B });
    const r = deboil(['a.txt', 'b.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/several inputs.*--format json/);
  });

  it('writes JSON Lines {path,title,text,removed} in input order with --format json', () => {
    const dir = tree({ 'b.txt': BODY_B, 'a.txt': BODY_A });
    writeFileSync(join(dir, 'sample.txt'), sample);
    const r = deboil(['b.txt', 'sample.txt', 'a.txt', '--format', 'json'], { cwd: dir });
    expect(r).toMatchObject({ status: 0, stderr: '' });
    const lines = r.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { path: 'b.txt', ...clean(BODY_B) },
      { path: 'sample.txt', ...clean(sample) },
      { path: 'a.txt', ...clean(BODY_A) },
    ]);
  });

  it('writes one JSON object (no path) for one input, and .json files under --out-dir', () => {
    const single = deboil([SAMPLE, '--format', 'json']);
    expect(single.status).toBe(0);
    expect(single.stdout.endsWith('}\n')).toBe(true);
    expect(JSON.parse(single.stdout)).toEqual(clean(sample));
    const out = tree();
    expect(deboil([SAMPLE, '--format', 'json', '--out-dir', out]).status).toBe(0);
    expect(listing(out)).toEqual(['000_4e410571edfb4a5e.json']);
    expect(readFileSync(join(out, '000_4e410571edfb4a5e.json'), 'utf8')).toBe(single.stdout);
  });

  it('cleans stdin to stdout (matches the golden file)', () => {
    const r = deboil([], { input: sample });
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe(golden);
    expect(deboil(['-'], { input: sample }).stdout).toBe(golden);
  });

  it('escapes U+2028, U+2029 and U+0085 in JSON output', () => {
    const text = `The committee\u2028published its report\u2029on Monday, and the minister\u0085said it would be read carefully before any decision.\n`;
    const r = deboil(['--format', 'json'], { input: text });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u2028\u2029\u0085]/);
    expect(r.stdout).toContain('\\u2028');
    expect(r.stdout).toContain('\\u2029');
    expect(r.stdout).toContain('\\u0085');
    expect(JSON.parse(r.stdout)).toEqual(clean(text));
  });
});

describe('deboil CLI: --explain', () => {
  it('reports each removal with line:column and rule id on stderr', () => {
    const r = deboil(['--explain', SAMPLE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(golden);
    const cases: Array<[string, number, string]> = [
      ['“বাংলা”', 1, 'navigation'],
      ['“Reuters”', 7, 'bylines-stamps'],
      ['“Published : 5 Jan 2024, 03:27 AM”', 8, 'bylines-stamps'],
      ['“Updated : 5 Jan 2024, 03:27 AM”', 9, 'bylines-stamps'],
      ['“RELATED STORIES”', 27, 'related-blocks'],
      ['“Opinion”', 41, 'related-blocks'],
    ];
    for (const [needle, line, rule] of cases) {
      const found = explainLine(r.stderr, needle);
      expect(found, needle).toMatch(new RegExp(`^\\s*${line}:5-${line}:\\d+\\s+info\\s.*\\s${rule}\\s+deboil$`));
    }
    expect(sample.split('\n')[26].trim()).toBe('RELATED STORIES'); // line 27, 1-based
    expect(sample.split('\n')[40].trim()).toBe('Opinion');
  });

  it('sends the report to stdout when the results go to --out-dir', () => {
    const out = tree();
    const r = deboil(['--explain', SAMPLE, '--out-dir', out]);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(explainLine(r.stdout, '“Reuters”')).toContain('bylines-stamps');
    expect(readFileSync(join(out, '000_4e410571edfb4a5e.txt'), 'utf8')).toBe(golden);
  });
});

describe('deboil CLI: encodings and failures', () => {
  it('decodes invalid UTF-8 with U+FFFD and warns with the byte offset (exit 0)', () => {
    const bytes = Buffer.concat([Buffer.from(BODY_A.slice(0, 40)), Buffer.from([0xc3, 0x28]), Buffer.from(BODY_A.slice(40))]);
    const dir = tree({ 'bad.txt': bytes });
    const r = deboil(['bad.txt'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('deboil: warning: bad.txt: invalid UTF-8 at byte offset 40, decoded with U+FFFD\n');
    expect(r.stdout).toBe(clean(BODY_A.slice(0, 40) + '\uFFFD(' + BODY_A.slice(40)).text);
  });

  it('decodes UTF-16LE with a BOM', () => {
    const dir = tree({ 'u16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]) });
    const r = deboil(['u16.txt'], { cwd: dir });
    expect(r).toMatchObject({ status: 0, stderr: '', stdout: golden });
  });

  it('strips a UTF-8 BOM', () => {
    const r = deboil([], { input: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BODY_A)]) });
    expect(r).toMatchObject({ status: 0, stderr: '', stdout: clean(BODY_A).text });
  });

  it('skips a binary (NUL) file with exit 1 and still writes the good input', () => {
    const dir = tree({ 'nul.txt': Buffer.from('abc\0def'), 'good.txt': BODY_A });
    const r = deboil(['nul.txt', 'good.txt', '--out-dir', 'out'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('deboil: nul.txt: binary content (NUL byte at byte offset 3), skipped\n');
    expect(listing(join(dir, 'out'))).toEqual(['good.txt']);
  });

  it('names a missing path (exit 1) and processes the others', () => {
    const dir = tree({ 'a.txt': BODY_A, 'b.txt': BODY_B });
    const r = deboil(['a.txt', 'missing.txt', 'b.txt', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('deboil: missing.txt: no such file or directory\n');
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).path)).toEqual(['a.txt', 'b.txt']);
  });

  it('reports a folder without .txt files and a glob without matches', () => {
    const dir = tree({ 'empty/readme.md': 'x', 'a.txt': BODY_A });
    const r = deboil(['empty', 'nope/*.txt', 'a.txt', '--out-dir', 'out'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('deboil: empty: no .txt files in this directory\ndeboil: nope/*.txt: no file matches this pattern\n');
    expect(listing(join(dir, 'out'))).toEqual(['a.txt']);
  });

  it('exits 2 on usage errors', () => {
    for (const args of [['--bogus', SAMPLE], ['--format', 'xml', SAMPLE], ['--disable', 'no-such-rule', SAMPLE], ['-', '-']]) {
      const r = deboil(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^deboil: /);
    }
    expect(deboil(['--bogus', SAMPLE]).stderr).toContain('Unknown argument: bogus');
  });

  it('stops quietly (exit 0) when stdout is closed early', () => {
    const para = (i: number) => `Paragraph ${i} reports that the regional office opened ${i} new files on the budget, a figure that surprised many observers.\n\n`;
    const dir = tree({ 'big.txt': Array.from({ length: 20000 }, (_, i) => para(i)).join('') });
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" big.txt | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout).toBe('0\n');
    expect(r.stderr).toBe('');
  });
});

describe('deboil CLI: options', () => {
  const nav: DeboilOptions = { rules: { navigation: false } };

  it('--disable navigation stops the navigation rule', () => {
    const r = deboil(['--disable', 'navigation', '--explain', SAMPLE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(clean(sample, nav).text);
    expect(r.stderr).not.toMatch(/\snavigation\s/);
    // main-content also drops page chrome before the article; with both off the switcher line stays.
    const both = deboil(['--disable', 'navigation', '--disable', 'main-content', SAMPLE]);
    expect(both.stdout.split('\n')).toContain('বাংলা');
    expect(both.stdout).toBe(clean(sample, { rules: { navigation: false, 'main-content': false } }).text);
  });

  it('a config file {"rules":{"navigation":false}} does the same, via --config or ./deboil.config.json', () => {
    const config = JSON.stringify({ rules: { navigation: false, 'main-content': false } });
    const dir = tree({ 'deboil.config.json': config, 'custom.json': config });
    const sampleAbs = resolve(ROOT, SAMPLE);
    const expected = clean(sample, { rules: { navigation: false, 'main-content': false } }).text;
    expect(expected.split('\n')).toContain('বাংলা');
    expect(deboil(['--config', join(dir, 'custom.json'), SAMPLE]).stdout).toBe(expected);
    expect(deboil([sampleAbs], { cwd: dir }).stdout).toBe(expected);
    const onlyNav = tree({ 'c.json': '{"rules":{"navigation":false}}' });
    expect(deboil(['--config', join(onlyNav, 'c.json'), SAMPLE]).stdout).toBe(clean(sample, nav).text);
  });

  it('rejects invalid config JSON or unknown keys with exit 2, naming the file', () => {
    const dir = tree({ 'broken.json': '{"rules":', 'odd.json': '{"rulez":{}}', 'badrule.json': '{"rules":{"nav":false}}', 'knob.json': '{"threshold":3}' });
    for (const name of ['broken.json', 'odd.json', 'badrule.json', 'knob.json']) {
      const r = deboil(['--config', name, resolve(ROOT, SAMPLE)], { cwd: dir });
      expect(r.status, name).toBe(2);
      expect(r.stderr.startsWith(`deboil: ${name}: `), r.stderr).toBe(true);
      expect(r.stdout).toBe('');
    }
  });

  it('takes the classifier and its threshold from the config file', () => {
    const dir = tree({ 'c.json': '{"rules":{"line-classifier":true},"threshold":0.9}' });
    const r = deboil(['--config', join(dir, 'c.json'), '--format', 'json', SAMPLE]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).text).toBe(clean(sample, { rules: { 'line-classifier': true }, threshold: 0.9 }).text);
    expect(JSON.parse(r.stdout).removed.some((x: { rule: string }) => x.rule === 'line-classifier')).toBe(true);
  });

  it('trades precision against recall with --precision, --recall or --threshold, and in the config file', () => {
    const text = (args: string[], cwd?: string) => JSON.parse(deboil([...args, '--format', 'json', resolve(ROOT, SAMPLE)], { cwd }).stdout).text;
    expect(text(['--precision'])).toBe(clean(sample, { threshold: 'precision' }).text);
    expect(text(['--recall'])).toBe(clean(sample, { threshold: 'recall' }).text);
    expect(text(['--threshold', '0.7'])).toBe(clean(sample, { threshold: 0.7 }).text);
    expect(text(['--precision'])).not.toBe(text([]));
    const dir = tree({ 'deboil.config.json': '{"threshold":"recall"}', 'bad.json': '{"threshold":"most"}' });
    expect(text([], dir)).toBe(clean(sample, { threshold: 'recall' }).text);
    const bad = deboil(['--config', 'bad.json', resolve(ROOT, SAMPLE)], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/"threshold" must be a number from 0 to 1, or "precision", "recall" or "balanced"/);
    const both = deboil(['--precision', '--recall', SAMPLE]);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/mutually exclusive|conflict/i);
  }, 60_000); // seven CLI runs: room for a loaded machine

  it('prints help with examples, and the version', () => {
    const help = deboil(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout.match(/^ {2}deboil /gm)?.length).toBeGreaterThanOrEqual(3);
    const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
    expect(deboil(['--version']).stdout.trim()).toBe(version);
  });
});
