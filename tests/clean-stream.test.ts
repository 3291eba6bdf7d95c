/**
 * cleanStream(): the library's batch API, fed an async iterable and a Node
 * stream; one output record per input record, in order, failures in place.
 */
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { clean, cleanStream } from '../dist/index.js';
import { BODY_A, BODY_B, datasetPages } from './batch-helpers.js';

async function collect(iterable: AsyncIterable<unknown>): Promise<Record<string, any>[]> {
  const out: Record<string, any>[] = [];
  for await (const r of iterable) out.push(r as Record<string, any>);
  return out;
}

describe('cleanStream', { timeout: 60_000 }, () => {
  it('cleans an async iterable of records, in order, keeping every field; bad records come out in place', async () => {
    const pages = datasetPages(300).slice(0, 300);
    async function* source() {
      for (let i = 0; i < 300; i++) {
        if (i === 7) yield 42;
        if (i === 9) yield '{"id": "broken"';
        yield { id: i, lang: 'x', text: pages[i % pages.length] };
      }
    }
    const out = await collect(cleanStream(source(), { jobs: 2 }));
    expect(out).toHaveLength(302);
    expect(out[7]).toEqual({ deboil_error: { line: 8, reason: 'not a record (an object or a JSON line)' } });
    expect(out[10]).toEqual({ deboil_error: { line: 11, reason: expect.stringMatching(/^malformed JSON/) }, raw: '{"id": "broken"' });
    const good = out.filter((r) => !('deboil_error' in r));
    expect(good.map((r) => r.id)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(good[0]).toMatchObject({ id: 0, lang: 'x', text: clean(pages[0]).text, deboil: { title: clean(pages[0]).title, removed: clean(pages[0]).removed } });
  });

  it('reads an object-mode Node stream and returns a Node stream, with its own field names and options', async () => {
    const input = Readable.from([{ body: 'Share this article\n' + BODY_A, key: 'k1' }, { body: BODY_B, key: 'k2' }]);
    const output = cleanStream(input, { textField: 'body', idField: 'key', jobs: 1, rules: { 'calls-to-action': false } });
    expect(output).toBeInstanceOf(Readable);
    const out = await collect(output);
    expect(out.map((r) => r.key)).toEqual(['k1', 'k2']);
    expect(out[0].body).toBe(clean('Share this article\n' + BODY_A, { rules: { 'calls-to-action': false } }).text);
    expect(out[1].body).toBe(clean(BODY_B).text);
  });

  it('turns a record over maxDocBytes into an error record', async () => {
    const out = await collect(cleanStream([{ text: 'y'.repeat(3000) }, { text: BODY_A }], { maxDocBytes: 1000, jobs: 1 }));
    expect(out[0].deboil_error.reason).toMatch(/larger than the limit of 1000 bytes/);
    expect(out[1].text).toBe(clean(BODY_A).text);
  });
});
