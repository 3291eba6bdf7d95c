/**
 * Shared helpers of the batch tests: run the built CLI, make temp folders,
 * build JSONL and WET inputs (WET gzipped per record, as Common Crawl does).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Temp folders, shared with the other CLI tests. */
export { tree } from './temp-tree.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = resolve(ROOT, 'dist/cli/main.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function deboil(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, input: opts.input ?? '', encoding: 'utf8', env: { ...process.env, ...opts.env }, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}


/** Every file under `dir` (dot files included) → its bytes. */
export function snapshot(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (d.isFile()) out[join(d.parentPath, d.name).slice(dir.length + 1)] = readFileSync(join(d.parentPath, d.name));
  }
  return out;
}

export const jsonl = (records: unknown[]) => records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r)) + '\n').join('');
export const parseLines = (text: string) => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

// Long enough to read as article paragraphs, so no rule removes them.
export const BODY_A = 'The city council voted on Tuesday to expand the bus network, adding three routes that connect the northern suburbs with the hospital district.\n';
export const BODY_B = 'Officials said the new timetable would take effect in March, after a public consultation that drew more than two thousand written responses.\n';

/** Raw scraped pages from the shared datasets, to make inputs with real boilerplate. */
export function datasetPages(limit: number): string[] {
  const dir = resolve(ROOT, '../shared/datasets/sh/raw');
  return readdirSync(dir).sort().slice(0, limit).map((f) => readFileSync(join(dir, f), 'utf8'));
}

export function warcRecord(type: string, headers: Record<string, string>, body: string): Buffer {
  const b = Buffer.from(body);
  const head = ['WARC/1.0', `WARC-Type: ${type}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${b.length}`].join('\r\n') + '\r\n\r\n';
  return Buffer.concat([Buffer.from(head), b, Buffer.from('\r\n\r\n')]);
}

/** A WET file: a warcinfo record, then one conversion record per page. */
export function wetRecords(pages: { id: string; url: string; text: string }[]): Buffer[] {
  return [
    warcRecord('warcinfo', { 'WARC-Record-ID': '<urn:uuid:info>', 'Content-Type': 'application/warc-fields' }, 'software: deboil-test\r\n'),
    ...pages.map((p) => warcRecord('conversion', { 'WARC-Target-URI': p.url, 'WARC-Date': '2024-01-01T00:00:00Z', 'WARC-Record-ID': p.id, 'Content-Type': 'text/plain' }, p.text)),
  ];
}

/** Gzip each record on its own and concatenate the members, as Common Crawl writes .warc.wet.gz. */
export const gzipPerRecord = (records: Buffer[]) => Buffer.concat(records.map((r) => gzipSync(r)));
