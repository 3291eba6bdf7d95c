/**
 * Split a byte stream into batches of whole lines without decoding or
 * parsing anything: the main thread only finds newlines, workers do the rest.
 * Only one line is ever held whole, and a line longer than the document limit
 * is skipped as it streams by and reported, never buffered.
 */

export interface LineBatch {
  kind: 'lines';
  /** Whole lines, each ending in `\n` (one is added after a last line without it). */
  bytes: Buffer;
  /** 1-based line number of the first line. */
  firstLine: number;
  count: number;
}

/** A record reported instead of cleaned: too big to hold, or not a document. */
export interface ProblemRecord {
  kind: 'problem';
  line: number;
  id: string | null;
  reason: string;
}

export type LineItem = LineBatch | ProblemRecord;

/** The reason given for a document over the size limit. */
export function tooBig(bytes: number, max: number): string {
  return `document of ${bytes} bytes is larger than the limit of ${max} bytes (--max-doc-bytes), not cleaned`;
}

export interface BatchLimits {
  /** Lines per batch: enough to make a worker round trip cheap per document. */
  maxLines: number;
  /** Bytes per batch, so that a batch of long documents stays small. */
  maxBytes: number;
  /** A longer line becomes a ProblemRecord. */
  maxLineBytes: number;
}

export const DEFAULT_BATCH: Omit<BatchLimits, 'maxLineBytes'> = { maxLines: 256, maxBytes: 1 << 20 };

/**
 * Gathers lines made in memory (serialised records, WET documents) into
 * batches with the same limits as `lineBatches`.
 */
export class LineBatcher {
  private lines: string[] = [];
  private size = 0;
  private first = 0;

  constructor(private readonly limits: Omit<BatchLimits, 'maxLineBytes'> = DEFAULT_BATCH) {}

  /** Add line number `lineNo` (it ends in `\n`); returns the batch when it is full. */
  add(line: string, lineNo: number, bytes = Buffer.byteLength(line)): LineBatch | null {
    if (this.lines.length === 0) this.first = lineNo;
    this.lines.push(line);
    this.size += bytes;
    return this.lines.length >= this.limits.maxLines || this.size >= this.limits.maxBytes ? this.flush() : null;
  }

  /** The lines gathered so far as a batch, or null when there are none. */
  flush(): LineBatch | null {
    if (this.lines.length === 0) return null;
    const batch: LineBatch = { kind: 'lines', bytes: Buffer.from(this.lines.join('')), firstLine: this.first, count: this.lines.length };
    this.lines = [];
    this.size = 0;
    return batch;
  }
}

const NEWLINE = 10;

/** `startLine`: the line number of the first line, when the source is a slice of a file (a queue shard). */
export async function* lineBatches(source: AsyncIterable<Buffer | Uint8Array>, limits: BatchLimits, startLine = 1): AsyncGenerator<LineItem> {
  let parts: Uint8Array[] = [];
  let partsBytes = 0;
  let count = 0;
  let firstLine = startLine;
  let lineNo = startLine;
  // The line being read: its pieces are parts[partialFrom..], curLen bytes so far.
  let partialFrom = 0;
  let curLen = 0;
  let skipping = false;
  let skipped = 0;

  const flush = (): LineBatch | null => {
    if (count === 0) return null;
    const batch: LineBatch = { kind: 'lines', bytes: Buffer.concat(parts, partsBytes), firstLine, count };
    parts = [];
    partsBytes = 0;
    count = 0;
    partialFrom = 0;
    firstLine = lineNo;
    return batch;
  };
  /** Forget the pieces of the current line (it is too long) and start skipping it. */
  const dropPartial = () => {
    for (let i = partialFrom; i < parts.length; i++) partsBytes -= parts[i].length;
    parts.length = partialFrom;
  };

  for await (const chunk of source) {
    let pos = 0;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, pos);
      if (skipping) {
        if (nl === -1) {
          skipped += chunk.length - pos;
          break;
        }
        skipped += nl - pos;
        yield { kind: 'problem', line: lineNo, id: null, reason: tooBig(skipped, limits.maxLineBytes) };
        lineNo++;
        firstLine = lineNo;
        skipping = false;
        pos = nl + 1;
        continue;
      }
      const end = nl === -1 ? chunk.length : nl;
      const lineLen = curLen + (end - pos);
      if (lineLen > limits.maxLineBytes) {
        dropPartial();
        const batch = flush();
        if (batch) yield batch;
        curLen = 0;
        if (nl === -1) {
          skipping = true;
          skipped = lineLen;
          break;
        }
        yield { kind: 'problem', line: lineNo, id: null, reason: tooBig(lineLen, limits.maxLineBytes) };
        lineNo++;
        firstLine = lineNo;
        pos = nl + 1;
        continue;
      }
      const piece = chunk.subarray(pos, nl === -1 ? chunk.length : nl + 1);
      parts.push(piece);
      partsBytes += piece.length;
      if (nl === -1) {
        curLen = lineLen;
        break;
      }
      curLen = 0;
      count++;
      lineNo++;
      partialFrom = parts.length;
      pos = nl + 1;
      if (count >= limits.maxLines || partsBytes >= limits.maxBytes) yield flush()!;
    }
  }
  if (skipping) {
    // The batch before this line was flushed when skipping began.
    yield { kind: 'problem', line: lineNo, id: null, reason: tooBig(skipped, limits.maxLineBytes) };
    return;
  }
  if (curLen > 0) {
    parts.push(Buffer.from('\n'));
    partsBytes++;
    count++;
  }
  const last = flush();
  if (last) yield last;
}
