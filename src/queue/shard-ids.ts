/**
 * The document ids of a shard, for the reason of a job that failed: so that
 * what was not cleaned can be named and redone. Best effort: an input that
 * cannot be read has no ids to give, and then the shard's lines say it.
 */
import { open } from 'node:fs/promises';
import { idOf } from '../batch/record-cleaner.js';
import type { ShardJob } from './shard-job.js';

/** Ids past this many are counted, not listed: a failed reason should stay readable. */
const MAX_LISTED = 1000;

export async function shardIds(job: ShardJob): Promise<string> {
  const s = job.source;
  if (s.kind === 'texts') return list(s.files.map((f) => f.rel));
  if (s.kind === 'file') return `every document of ${s.path}`;
  let text: string;
  try {
    const handle = await open(s.path);
    try {
      const buf = Buffer.alloc(s.end - s.start);
      await handle.read(buf, 0, buf.length, s.start);
      text = buf.toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return `unknown (the input cannot be read): lines ${s.firstLine}–${s.firstLine + Math.max(0, s.lines - 1)} of ${s.path}`;
  }
  const ids = text.split('\n').flatMap((l, i) => {
    if (l.trim() === '') return [];
    try {
      return [idOf((JSON.parse(l) as Record<string, unknown>)[job.cleaning.idField]) ?? `line ${s.firstLine + i}`];
    } catch {
      return [`line ${s.firstLine + i}`];
    }
  });
  return list(ids);
}

function list(ids: string[]): string {
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return ids.length > MAX_LISTED ? `${shown} … and ${ids.length - MAX_LISTED} more` : shown;
}

