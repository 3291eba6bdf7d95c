/**
 * CLI operands → inputs. Each input carries `rel`, the path it gets under
 * `--out-dir`, so a folder or a glob is mirrored instead of flattened.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { FOLDER_GLOB } from './formats.js';

export type Input = { kind: 'file'; path: string; rel: string } | { kind: 'stdin'; rel: '-' };

export interface InputError {
  input: string;
  reason: string;
}

export interface Expanded {
  inputs: Input[];
  errors: InputError[];
  /** True when the operands may name any number of inputs (several operands, a folder or a glob). */
  batch: boolean;
}

const MAGIC = /[*?[{]/;
const READABLE: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory (a path segment is a file)',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
};

/** A short reason for a file-system error, without the path Node repeats in its message. */
export function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return (e?.code && READABLE[e.code]) || (e instanceof Error ? e.message : String(err));
}

/** `rel` uses `/` on every platform, as globs and output names do. */
const toRel = (from: string, to: string) => relative(from, to).split(sep).join('/');
const byRel = (a: Input, b: Input) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);

/** The leading segments of a glob without magic: `corpus/2024/*.txt` → `corpus/2024`. */
export function staticPrefix(pattern: string): string {
  const segments = pattern.split('/');
  const i = segments.findIndex((s) => MAGIC.test(s));
  const prefix = segments.slice(0, i).join('/');
  return prefix === '' && pattern.startsWith('/') ? '/' : prefix || '.';
}

/** One operand's inputs; `many` when it is a folder or a glob, which may name any number of files. */
async function expandOne(operand: string): Promise<{ many: boolean; got: Input[] | InputError }> {
  if (operand === '-') return { many: false, got: [{ kind: 'stdin', rel: '-' }] };
  let isDir: boolean;
  try {
    isDir = (await stat(operand)).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return { many: false, got: { input: operand, reason: describeError(err) } };
    if (!MAGIC.test(operand)) {
      const dangling = await lstat(operand).then((s) => s.isSymbolicLink(), () => false);
      return { many: false, got: { input: operand, reason: dangling ? 'broken symbolic link (its target does not exist)' : 'no such file or directory' } };
    }
    return { many: true, got: await expandGlob(operand) };
  }
  // Anything else that exists is one input; readInput refuses what is not a regular file.
  if (!isDir) return { many: false, got: [{ kind: 'file', path: operand, rel: basename(resolve(operand)) }] };
  // Symbolic links are not followed inside a folder or a glob: a link to a
  // parent folder would loop, and a link to a file would clean it twice.
  const found = await glob(FOLDER_GLOB, { cwd: operand, onlyFiles: true, dot: false, expandDirectories: false, followSymbolicLinks: false });
  if (found.length === 0) return { many: true, got: { input: operand, reason: 'no .txt files in this directory' } };
  return { many: true, got: found.map((rel): Input => ({ kind: 'file', path: join(operand, rel), rel })).sort(byRel) };
}

async function expandGlob(pattern: string): Promise<Input[] | InputError> {
  const matches = await glob(pattern, { onlyFiles: true, dot: false, absolute: true, expandDirectories: false, followSymbolicLinks: false });
  if (matches.length === 0) return { input: pattern, reason: 'no file matches this pattern' };
  const root = resolve(staticPrefix(pattern));
  // Show paths the way the pattern was written: relative stays relative.
  const show = (abs: string) => (isAbsolute(pattern) ? abs : relative('.', abs));
  return matches.map((abs): Input => ({ kind: 'file', path: show(abs), rel: toRel(root, abs) })).sort(byRel);
}

/** Expand every operand (none means stdin); an operand that names nothing is an error for it alone. */
export async function expandInputs(operands: readonly string[]): Promise<Expanded> {
  const list = operands.length ? operands : ['-'];
  const expanded: Expanded = { inputs: [], errors: [], batch: list.length > 1 };
  for (const operand of list) {
    const { many, got } = await expandOne(operand);
    if (Array.isArray(got)) expanded.inputs.push(...got);
    else expanded.errors.push(got);
    if (many) expanded.batch = true;
  }
  return expanded;
}

/** Pairs of inputs that would be written to the same output name, as messages. */
export function findCollisions(inputs: readonly Input[], outName: (rel: string) => string): string[] {
  const seen = new Map<string, Input>();
  const messages: string[] = [];
  const label = (i: Input) => (i.kind === 'stdin' ? '<stdin>' : i.path);
  for (const input of inputs) {
    const name = outName(input.rel);
    const first = seen.get(name);
    if (first) messages.push(`${label(first)} and ${label(input)} would both be written to ${name}`);
    else seen.set(name, input);
  }
  return messages;
}

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'something else';
}

/**
 * The whole input as bytes. Only regular files are read: a FIFO would block
 * until a writer comes (forever, in a batch) and a device such as /dev/zero
 * never ends. The file is opened non-blocking, so opening a FIFO returns at
 * once, and checked on the open handle, so it cannot change in between.
 */
/** A text input is one document, held whole: one over `maxBytes` is refused before it is read. */
export async function readInput(input: Input, maxBytes = Infinity): Promise<Buffer> {
  const tooBig = (size: number) => new Error(`${input.kind === 'file' ? input.path : '<stdin>'}: document of ${size} bytes is larger than --max-doc-bytes (${maxBytes}); skipped`);
  if (input.kind === 'file') {
    const handle = await open(input.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new Error(`${input.path}: is ${kindOf(info)}, not a regular file; skipped`);
      if (info.size > maxBytes) throw tooBig(info.size);
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    // Keep reading to the end (a writer must not get EPIPE), but hold nothing more.
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  if (size > maxBytes) throw tooBig(size);
  return Buffer.concat(chunks);
}
