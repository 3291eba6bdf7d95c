/**
 * Temp folders for the CLI tests: `tree()` makes one with the given files,
 * `listing()` lists what is in one. Folders are removed after the test file.
 */
import { afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh temp dir with the given files (path → content), removed after the run. */
export function tree(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'deboil-test-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

/** Every file under `dir`, as sorted `/`-separated relative paths (dot files included). */
export const listing = (dir: string) => (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
  .filter((d) => d.isFile())
  .map((d) => join(d.parentPath, d.name).slice(dir.length + 1).split('\\').join('/'))
  .sort();
