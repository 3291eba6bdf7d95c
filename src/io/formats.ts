/**
 * Input formats by file name. The extension decides how a file is read and
 * what its output is called, so a folder can mix plain text, JSONL and WET.
 */

export type Format = 'txt' | 'jsonl' | 'warc';

export interface FormatInfo {
  format: Format;
  /** The bytes on disk are gzip (one member or many, as Common Crawl writes them). */
  gzip: boolean;
}

/** Extensions that a folder or glob yields, longest first. */
export const RECORD_EXTENSIONS = ['.jsonl.gz', '.warc.wet.gz', '.warc.wet', '.jsonl'] as const;

/** The glob that picks every readable input out of a folder. */
export const FOLDER_GLOB = '**/*.{txt,jsonl,jsonl.gz,warc.wet,warc.wet.gz}';

/**
 * The format of a file name. Anything unrecognised is text, as it always was
 * for a file named on the command line. `.warc`/`.warc.gz` are read by the
 * WARC reader too, so that an HTML WARC gets a clear message.
 */
export function formatOf(name: string): FormatInfo {
  const n = name.toLowerCase();
  if (n.endsWith('.jsonl.gz')) return { format: 'jsonl', gzip: true };
  if (n.endsWith('.jsonl')) return { format: 'jsonl', gzip: false };
  if (n.endsWith('.warc.wet.gz') || n.endsWith('.warc.gz')) return { format: 'warc', gzip: true };
  if (n.endsWith('.warc.wet') || n.endsWith('.warc')) return { format: 'warc', gzip: false };
  return { format: 'txt', gzip: false };
}

/** A record input's output name: JSONL keeps its name, `x.warc.wet(.gz)` becomes `x.jsonl(.gz)`. */
export function recordOutputName(rel: string): string {
  return rel.replace(/\.warc(\.wet)?(\.gz)?$/i, (_m, _wet, gz: string | undefined) => '.jsonl' + (gz ?? ''));
}

/** A WARC of HTML pages: deboil cleans text, and says so rather than cleaning markup. */
export class HtmlInputError extends Error {}
