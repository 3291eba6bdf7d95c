/**
 * Batch cleaning end to end: JSONL, .jsonl.gz and WET in, JSONL out, the
 * errors file, stream-filter mode and its guarantees, worker failures.
 * Runs the built CLI (npm test builds dist/ first).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { clean } from '../dist/index.js';
import { BODY_A, BODY_B, CLI, datasetPages, deboil, gzipPerRecord, jsonl, parseLines, snapshot, tree, warcRecord, wetRecords } from './batch-helpers.js';

const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const deboilField = (text: string) => {
  const r = clean(text);
  return { title: r.title, language: r.language, removed_chars: r.removed.reduce((n, x) => n + x.end - x.start, 0), removed: r.removed };
};

describe('JSONL with malformed lines', { timeout: 60_000 }, () => {
  const pages = datasetPages(6);
  const lines = [
    { id: 'p0', text: pages[0], source: 'sh' },
    '{"id": "broken", "text": "no closing brace"',
    { id: 'p1', text: pages[1], source: 'sh' },
    '',
    { id: 'p2', text: pages[2] },
    '[1, 2, 3]',
    { id: 'no-text', body: 'the text is elsewhere' },
    { id: 'p3', text: pages[3] },
  ];
  const input = jsonl(lines);
  const valid = ['p0', 'p1', 'p2', 'p3'];
  const bad = [
    { line: 2, id: null, reason: expect.stringMatching(/^malformed JSON/) },
    { line: 4, id: null, reason: 'empty line, not a JSON record' },
    { line: 6, id: null, reason: 'not a JSON object' },
    { line: 7, id: 'no-text', reason: expect.stringContaining('no "text" field') },
  ];

  it('--out-dir: every valid record comes out in order, every bad one is in the errors file (exit 0; 1 with --strict)', () => {
    const dir = tree({ 'in.jsonl': input });
    const r = deboil(['in.jsonl', '--out-dir', 'out', '--jobs', '2'], { cwd: dir });
    expect(r.status).toBe(0);
    const out = parseLines(readFileSync(join(dir, 'out/in.jsonl'), 'utf8'));
    expect(out.map((o) => o.id)).toEqual(valid);
    expect(out[0]).toEqual({ id: 'p0', text: clean(pages[0]).text, source: 'sh', deboil: deboilField(pages[0]) });
    const errors = parseLines(readFileSync(join(dir, 'out/deboil-errors.jsonl'), 'utf8'));
    expect(errors).toEqual(bad.map((b) => ({ path: 'in.jsonl', ...b })));
    expect(r.stderr).toContain('in.jsonl:2: malformed JSON');
    expect(r.stderr).toMatch(/deboil: 4 documents, .* 4 failed/);
    expect(Object.keys(snapshot(join(dir, 'out'))).sort()).toEqual(['deboil-errors.jsonl', 'in.jsonl']);

    expect(deboil(['in.jsonl', '--out-dir', 'out2', '--strict'], { cwd: dir }).status).toBe(1);
  });

  it('filter mode: one output line per input line, each bad one in place as an error record; --errors gets them too', () => {
    const dir = tree();
    const r = deboil(['--jsonl', '--errors', join(dir, 'errors.jsonl')], { input });
    expect(r.status).toBe(0);
    const out = r.stdout.split('\n');
    expect(out.pop()).toBe('');
    expect(out).toHaveLength(lines.length);
    const parsed = out.map((l) => JSON.parse(l));
    expect(parsed.map((o) => o.id ?? null)).toEqual(['p0', null, 'p1', null, 'p2', null, null, 'p3']);
    expect(parsed[1]).toEqual({ deboil_error: { line: 2, reason: expect.stringMatching(/^malformed JSON/) }, raw: lines[1] });
    expect(parsed[3]).toEqual({ deboil_error: { line: 4, reason: 'empty line, not a JSON record' }, raw: '' });
    expect(parsed[6].deboil_error.line).toBe(7);
    expect(parsed[6].raw).toBe(JSON.stringify(lines[6]));
    expect(parseLines(readFileSync(join(dir, 'errors.jsonl'), 'utf8'))).toEqual(bad.map((b) => ({ path: '<stdin>', ...b })));
    expect(deboil(['--jsonl', '--strict'], { input }).status).toBe(1);
  });
});

describe('JSONL and WET inputs and outputs', { timeout: 60_000 }, () => {
  it('.jsonl.gz in, .jsonl.gz out, other fields kept, text replaced by clean().text', () => {
    const pages = datasetPages(3);
    const records = pages.map((text, i) => ({ meta: { n: i }, id: `d${i}`, text, url: `https://example.com/${i}` }));
    const dir = tree({ 'in/part-0.jsonl.gz': gzipSync(jsonl(records)) });
    const r = deboil(['in', '--out-dir', 'out'], { cwd: dir });
    expect(r.status).toBe(0);
    const out = parseLines(gunzipSync(readFileSync(join(dir, 'out/part-0.jsonl.gz'))).toString('utf8'));
    expect(out).toEqual(records.map((rec) => ({ ...rec, text: clean(rec.text).text, deboil: deboilField(rec.text) })));
    // Field order kept, deboil last.
    expect(Object.keys(out[0])).toEqual(['meta', 'id', 'text', 'url', 'deboil']);
  });

  it('--text-field and --id-field', () => {
    const input = jsonl([{ doc_id: 'x1', content: BODY_A, text: 'left alone' }, { doc_id: 'x2' }]);
    const r = deboil(['--jsonl', '--text-field', 'content', '--id-field', 'doc_id'], { input });
    const [a, b] = parseLines(r.stdout);
    expect(a).toEqual({ doc_id: 'x1', content: clean(BODY_A).text, text: 'left alone', deboil: deboilField(BODY_A) });
    expect(b.deboil_error.reason).toContain('no "content" field');
    expect(r.stderr).toContain('<stdin>:2: no "content" field');
  });

  it('a document that cleans to nothing is written, with empty text and the reason', () => {
    const r = deboil(['--jsonl'], { input: jsonl([{ id: 'e1', text: 'Home\nMenu\nShare this article\n' }, { id: 'e2', text: '' }]) });
    expect(r.status).toBe(0);
    const [a, b] = parseLines(r.stdout);
    expect(a.text).toBe('');
    expect(a.deboil.reason).toMatch(/^every line was removed as boilerplate \(most of it by [a-z-]+\)$/);
    expect(a.deboil.removed.length).toBeGreaterThan(0);
    expect(b).toMatchObject({ id: 'e2', text: '', deboil: { reason: 'the input text is empty' } });
  });

  it('WET, plain and gzipped per record (multi-member gzip): conversion records → {id, url, text, deboil}', () => {
    const pages = datasetPages(3).map((text, i) => ({ id: `<urn:uuid:${i}>`, url: `https://example.com/page-${i}`, text }));
    const records = wetRecords(pages);
    const dir = tree({ 'crawl/CC-1.warc.wet.gz': gzipPerRecord(records), 'crawl/CC-2.warc.wet': Buffer.concat(records) });
    const r = deboil(['crawl', '--out-dir', 'out'], { cwd: dir });
    expect(r.status).toBe(0);
    const expected = pages.map((p) => ({ id: p.id, url: p.url, text: clean(p.text).text, deboil: deboilField(p.text) }));
    expect(parseLines(gunzipSync(readFileSync(join(dir, 'out/CC-1.jsonl.gz'))).toString('utf8'))).toEqual(expected);
    expect(parseLines(readFileSync(join(dir, 'out/CC-2.jsonl'), 'utf8'))).toEqual(expected);
    expect(readFileSync(join(dir, 'out/deboil-errors.jsonl'), 'utf8')).toBe('');
  });

  it('a WARC of HTML responses gets "HTML input is not supported yet"; the other inputs go on', () => {
    const html = warcRecord('response', { 'WARC-Target-URI': 'https://example.com/', 'WARC-Record-ID': '<urn:uuid:h>', 'Content-Type': 'application/http; msgtype=response' }, 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Hello</p></body></html>');
    const dir = tree({ 'pages.warc.gz': gzipSync(html), 'ok.jsonl': jsonl([{ id: 'a', text: BODY_A }]) });
    const r = deboil(['pages.warc.gz', 'ok.jsonl', '--out-dir', 'out'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('deboil: pages.warc.gz: HTML input is not supported yet');
    expect(Object.keys(snapshot(join(dir, 'out'))).sort()).toEqual(['deboil-errors.jsonl', 'ok.jsonl']);
    expect(parseLines(readFileSync(join(dir, 'out/deboil-errors.jsonl'), 'utf8'))).toEqual([
      { path: 'pages.warc.gz', line: null, id: null, reason: expect.stringContaining('HTML input is not supported yet') },
    ]);
  });

  it('--jobs 1 and --jobs 2 write byte-identical outputs (several batches)', () => {
    const pages = datasetPages(40);
    const records = Array.from({ length: 700 }, (_, i) => (i % 97 === 5 ? '{oops' : { id: `r${i}`, text: pages[i % pages.length].slice(0, 1500) }));
    const dir = tree({ 'big.jsonl.gz': gzipSync(jsonl(records)), 'big2.jsonl': jsonl(records) });
    expect(deboil(['big.jsonl.gz', 'big2.jsonl', '--out-dir', 'one', '--jobs', '1'], { cwd: dir }).status).toBe(0);
    expect(deboil(['big.jsonl.gz', 'big2.jsonl', '--out-dir', 'two', '--jobs', '2'], { cwd: dir }).status).toBe(0);
    const one = snapshot(join(dir, 'one'));
    const two = snapshot(join(dir, 'two'));
    expect(Object.keys(one).sort()).toEqual(['big.jsonl.gz', 'big2.jsonl', 'deboil-errors.jsonl']);
    expect(Object.keys(two).sort()).toEqual(Object.keys(one).sort());
    for (const name of Object.keys(one)) expect(digest(two[name]), name).toBe(digest(one[name]));
    expect(parseLines(readFileSync(join(dir, 'one/big2.jsonl'), 'utf8'))).toHaveLength(700 - 8);
  });

  it('--max-doc-bytes turns a bigger document into an error record, not a crash', () => {
    const big = { id: 'big', text: 'x'.repeat(5000) };
    const input = jsonl([{ id: 'a', text: BODY_A }, big, { id: 'b', text: BODY_B }]);
    const r = deboil(['--jsonl', '--max-doc-bytes', '1000'], { input });
    expect(r.status).toBe(0);
    const out = parseLines(r.stdout);
    expect(out.map((o) => o.id ?? o.deboil_error.line)).toEqual(['a', 2, 'b']);
    expect(out[1].deboil_error.reason).toMatch(/^document of 5\d\d\d bytes is larger than the limit of 1000 bytes/);
  });

  it('cleans a document bigger than the small workers take (over 4 MB) in a worker of its own, the same as clean()', () => {
    const pages = datasetPages(3);
    let text = '';
    for (let i = 0; text.length < 4.5e6; i++) text += pages[i % pages.length] + '\n';
    const records = [{ id: 'a', text: pages[0] }, { id: 'big', text }, { id: 'b', text: pages[1] }];
    const r = deboil(['--jsonl'], { input: jsonl(records) });
    expect(r.status).toBe(0);
    expect(parseLines(r.stdout)).toEqual(records.map((rec) => ({ ...rec, text: clean(rec.text).text, deboil: deboilField(rec.text) })));
  });

  it('escapes U+2028, U+2029 and U+0085 in the JSON it writes', () => {
    const text = `A paragraph\u2028with a line separator\u2029and a paragraph separator\u0085and a next-line character, long enough to be kept as body text of the article.\n`;
    const r = deboil(['--jsonl'], { input: jsonl([{ id: 'u', text, note: '\u2028' }, '{bad \u2028']) });
    expect(r.stdout).not.toMatch(/[\u2028\u2029\u0085]/);
    expect(r.stdout).toContain('\\u2028');
    expect(r.stdout.split('\n')).toHaveLength(3);
    expect(parseLines(r.stdout)[0].note).toBe('\u2028');
  });

  it('stops quietly with exit 0 when stdout closes early (| head -1)', () => {
    const dir = tree({ 'in.jsonl': jsonl(Array.from({ length: 3000 }, (_, i) => ({ id: i, text: i % 2 ? BODY_A : BODY_B }))) });
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" --jsonl < in.jsonl | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(JSON.parse(r.stdout).id).toBe(0);
    expect(r.stderr).toContain('status=0');
    expect(r.stderr).not.toMatch(/EPIPE|internal error/);
  });

  it('folders yield .txt, .jsonl, .jsonl.gz, .warc.wet(.gz), mirrored', () => {
    const dir = tree({ 'in/a.txt': BODY_A, 'in/sub/b.jsonl': jsonl([{ id: 1, text: BODY_B }]), 'in/sub/c.warc.wet': Buffer.concat(wetRecords([{ id: '<x>', url: 'u', text: BODY_A }])), 'in/notes.md': 'no' });
    const r = deboil(['in', '--out-dir', 'out'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(Object.keys(snapshot(join(dir, 'out'))).sort()).toEqual(['a.txt', 'deboil-errors.jsonl', 'sub/b.jsonl', 'sub/c.jsonl']);
  });
});

describe('failures inside a worker', { timeout: 60_000 }, () => {
  const env = { DEBOIL_TEST_FAULTS: '1' };

  it('a document that throws is retried alone, then reported and skipped; the batch goes on', () => {
    const records = Array.from({ length: 12 }, (_, i) => ({ id: `d${i}`, text: (i % 2 ? BODY_A : BODY_B) + (i === 4 ? 'DEBOIL_TEST_THROW\n' : '') }));
    const dir = tree({ 'in.jsonl': jsonl(records) });
    const r = deboil(['in.jsonl', '--out-dir', 'out', '--jobs', '2'], { cwd: dir, env });
    expect(r.status).toBe(0);
    expect(parseLines(readFileSync(join(dir, 'out/in.jsonl'), 'utf8')).map((o) => o.id)).toEqual(records.map((x) => x.id).filter((id) => id !== 'd4'));
    expect(parseLines(readFileSync(join(dir, 'out/deboil-errors.jsonl'), 'utf8'))).toEqual([
      { path: 'in.jsonl', line: 5, id: 'd4', reason: 'failed twice, skipped: test fault: the document asked to throw (DEBOIL_TEST_THROW)' },
    ]);
    // Without the test variable the marker is just text.
    expect(deboil(['--jsonl'], { input: jsonl([records[4]]) }).stdout).toContain('"id":"d4"');
  });

  it('a .txt input that hangs is stopped after --timeout-ms too: named with the reason, skipped, the others cleaned (exit 1)', () => {
    const dir = tree({ 'in/a.txt': BODY_A, 'in/h.txt': BODY_B + 'DEBOIL_TEST_HANG\n', 'in/b.txt': BODY_B });
    const r = deboil(['in', '--out-dir', 'out', '--timeout-ms', '200', '--jobs', '1'], { cwd: dir, env });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/h\.txt: took longer than \d+ ms twice: its worker was stopped/);
    expect(readFileSync(join(dir, 'out/a.txt'), 'utf8')).toBe(clean(BODY_A).text);
    expect(readFileSync(join(dir, 'out/b.txt'), 'utf8')).toBe(clean(BODY_B).text);
    expect(existsSync(join(dir, 'out/h.txt'))).toBe(false);
  });

  it('a document that hangs: its worker is stopped after --timeout-ms (twice), it is reported in place, the rest comes out', () => {
    const records = [{ id: 'a', text: BODY_A }, { id: 'h', text: BODY_B + 'DEBOIL_TEST_HANG\n' }, { id: 'b', text: BODY_B }];
    const r = deboil(['--jsonl', '--timeout-ms', '200', '--jobs', '1'], { input: jsonl(records), env });
    expect(r.status).toBe(0);
    const out = parseLines(r.stdout);
    expect(out.map((o) => o.id ?? 'error')).toEqual(['a', 'error', 'b']);
    expect(out[1].deboil_error).toEqual({ line: 2, reason: expect.stringMatching(/^took longer than \d+ ms twice: its worker was stopped/) });
  });
});

describe('the errors file', { timeout: 60_000 }, () => {
  it('is not written for a run without failures when only .txt files are cleaned (as before)', () => {
    const dir = tree({ 'a.txt': BODY_A });
    expect(deboil(['a.txt', '--out-dir', 'out'], { cwd: dir }).status).toBe(0);
    expect(existsSync(join(dir, 'out/deboil-errors.jsonl'))).toBe(false);
  });
});
