/**
 * Documents out of a WARC file, read with warcio. Common Crawl WET files hold
 * one `conversion` record (the page's text) per page; each becomes a
 * document with the record's id and target URI. HTML is not cleaned yet, so
 * a WARC of HTML responses stops with a message that says so.
 */
import { WARCParser } from 'warcio';
import { toJson } from './json.js';
import { HtmlInputError } from './formats.js';
import { LineBatcher, tooBig, type BatchLimits, type LineItem } from './line-batches.js';

export interface WetDocument {
  kind: 'document';
  /** 1-based record number in the file: the `line` of an error report. */
  record: number;
  id: string | null;
  url: string | null;
  text: string;
}



/** Records that carry no page content: they are not documents. */
const METADATA_TYPES = new Set(['warcinfo', 'request', 'metadata']);
const HTML = /text\/html|application\/xhtml|<!doctype html|<html/i;
const HEAD_BYTES = 8192;

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export async function* wetDocuments(bytes: AsyncIterable<Uint8Array>, maxDocBytes: number): AsyncGenerator<WetDocument | LineItem> {
  const parser = new WARCParser(bytes, { parseHttp: false });
  let n = 0;
  for await (const record of parser) {
    const type = record.warcType;
    if (METADATA_TYPES.has(type)) {
      await record.skipFully();
      continue;
    }
    n++;
    const id = record.warcHeader('WARC-Record-ID') ?? null;
    if (type === 'response' || type === 'resource' || type === 'revisit') {
      const head = utf8.decode((await record.readFully(false)).subarray(0, HEAD_BYTES));
      const payloadType = record.warcHeader('WARC-Identified-Payload-Type') ?? '';
      if (HTML.test(payloadType) || HTML.test(head)) {
        throw new HtmlInputError('HTML input is not supported yet: this WARC holds HTML response records; give deboil its WET file (the text conversion, .warc.wet.gz) instead');
      }
      yield { kind: 'problem', line: n, id, reason: `a WARC ${type} record, not a text conversion: not cleaned` };
      continue;
    }
    if (type !== 'conversion') {
      await record.skipFully();
      yield { kind: 'problem', line: n, id, reason: `a WARC ${type} record, not a text conversion: not cleaned` };
      continue;
    }
    const length = record.warcContentLength;
    if (length > maxDocBytes) {
      await record.skipFully();
      yield { kind: 'problem', line: n, id, reason: tooBig(length, maxDocBytes) };
      continue;
    }
    const text = utf8.decode(await record.readFully(false));
    yield { kind: 'document', record: n, id, url: record.warcTargetURI ?? null, text };
  }
}

/**
 * WET documents as JSONL batches `{id, url, text}`, so that they take the
 * same path through the workers as JSONL input. `line` is the record number.
 */
export async function* wetLineItems(bytes: AsyncIterable<Uint8Array>, limits: BatchLimits): AsyncGenerator<LineItem> {
  const batcher = new LineBatcher(limits);
  for await (const item of wetDocuments(bytes, limits.maxLineBytes)) {
    if (item.kind !== 'document') {
      const batch = batcher.flush();
      if (batch) yield batch;
      yield item;
      continue;
    }
    const line = toJson({ id: item.id, url: item.url, text: item.text }) + '\n';
    const batch = batcher.add(line, item.record, line.length);
    if (batch) yield batch;
  }
  const last = batcher.flush();
  if (last) yield last;
}
