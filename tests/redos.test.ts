/**
 * ReDoS: every regular expression in src/ (found by tests/regexes.ts with the
 * TypeScript parser) is checked with recheck, and its verdict must be `safe`.
 * A new regex is picked up by the scan with nothing to register, so adding
 * an unsafe one fails this test.
 *
 * - `vulnerable` always fails: fix the pattern (see the commit that made the
 *   current ones linear for the usual shapes: `(?<!\s)\s+`, `\s*(?:x\s*)?`
 *   instead of `\s*x?\s*`, classes that do not overlap their neighbours).
 * - `unknown` (recheck gave up in time) fails unless the pattern only ever
 *   sees input of bounded length: then the bound is written next to the
 *   pattern in src/, enforced there by a length check before the match, and
 *   listed in BOUNDED below.
 * - A `RegExp(...)` built from data at run time cannot be checked here: list
 *   it in BUILT_AT_RUN_TIME with the reason it is safe.
 *
 * recheck runs for real on every run (nothing cached), with its default
 * backend: the native binary that npm installs from the registry as the
 * optional dependency recheck-linux-x64 (nothing is downloaded at install
 * time); elsewhere it falls back to Java or to its pure Scala.js build, which
 * gives the same verdicts but is 5-50× slower.
 */
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { check, type Diagnostics } from 'recheck';
import { findRegexes, type FoundRegex } from './regexes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Patterns with an `unknown` verdict accepted because their input is bounded:
 * `file:name` → the bound, in UTF-16 code units, and where it is enforced.
 * None today: every pattern in src/ is `safe`.
 */
const BOUNDED: Record<string, { maxLength: number; enforcedBy: string }> = {};

/** `new RegExp(...)` calls whose pattern comes from data at run time: `file` → why it is safe. None today. */
const BUILT_AT_RUN_TIME: Record<string, string> = {};

const PARAMS = {
  // The whole check may take this long before recheck answers `unknown`.
  timeout: 30_000,
  // A seeded fuzzer, so a verdict reproduces. The per-match time limits are
  // 4× recheck's defaults, so a busy CI machine does not turn a slow linear
  // match into a `vulnerable` verdict; turning them off (step limits only)
  // makes some checks run past any sensible time.
  randomSeed: 0,
  attackTimeout: 4000,
  incubationTimeout: 1000,
  seedingTimeout: 400,
};

const cache = new Map<string, Promise<Diagnostics>>();
/** One check per distinct pattern in this run (the same split regex appears twice on a line). */
function verdict(source: string, flags: string): Promise<Diagnostics> {
  const key = `${flags}/${source}`;
  let d = cache.get(key);
  if (!d) cache.set(key, (d = check(source, flags, PARAMS)));
  return d;
}

const keyOf = (r: FoundRegex) => `${r.where.replace(/:\d+$/, '')}:${r.name ?? '?'}`;
const describeDiagnostics = (r: FoundRegex, d: Diagnostics) =>
  `${r.where} ${r.name ?? ''} /${r.source.length > 200 ? r.source.slice(0, 200) + '…' : r.source}/${r.flags}: ${d.status}` +
  (d.status === 'vulnerable' ? ` (${d.complexity.summary}; attack ${d.attack.pattern})` : d.status === 'unknown' ? ` (${d.error.kind})` : '');

const { found, unevaluated } = findRegexes(ROOT);

describe('the regex scan', () => {
  it('finds the regexes of src/, literals and RegExp constructors alike', () => {
    expect(found.length).toBeGreaterThan(100);
    const names = new Set(found.map(keyOf));
    for (const k of ['src/rules/stray-html.ts:TAG', 'src/util/text.ts:ENTITY', 'src/rules/captions-credits.ts:CREDIT_ONLY', 'src/util/sentences.ts:BOUNDARY']) expect(names, k).toContain(k);
    // The constructor's arguments are evaluated: TAG is the joined element list, not the expression's text.
    const tag = found.find((r) => keyOf(r) === 'src/rules/stray-html.ts:TAG')!;
    expect(tag).toMatchObject({ kind: 'constructor', flags: 'gi' });
    expect(new RegExp(tag.source, tag.flags).test('text< /p>')).toBe(true);
    // An entry for a pattern that is gone must go too.
    for (const k of Object.keys(BOUNDED)) expect(names, k).toContain(k);
  });

  it('lists every RegExp built from run-time data by hand', () => {
    expect(unevaluated.filter((u) => !(u.where.replace(/:\d+$/, '') in BUILT_AT_RUN_TIME))).toEqual([]);
  });

  describe('on a fixture', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deboil-redos-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(
      path.join(dir, 'src', 'a.ts'),
      [
        '// A comment with /(a+)+$/ in it is no regex, nor is a string: "/x+/".',
        "const s = 'a/b/c';",
        'const n = 4 / 2 / 1;',
        'const EVIL = /^(a+)+$/;',
        "const PART = String.raw`\\d+`;",
        "const BUILT = new RegExp(`^${PART}-` + ['x', 'y'].join('|'), 'u');",
        'export function f(input: string) { return new RegExp(input).test(s) || EVIL.test(s) || BUILT.test(s) || n > 1; }',
      ].join('\n'),
    );
    const scan = findRegexes(dir);

    it('finds literals and evaluates constructors, ignoring comments, strings and division', () => {
      expect(scan.found.map((r) => [r.where, r.name, r.source, r.flags, r.kind])).toEqual([
        ['src/a.ts:4', 'EVIL', '^(a+)+$', '', 'literal'],
        ['src/a.ts:6', 'BUILT', '^\\d+-x|y', 'u', 'constructor'],
      ]);
      expect(scan.unevaluated).toEqual([{ where: 'src/a.ts:7', text: 'new RegExp(input)', why: 'cannot evaluate Identifier `input`' }]);
    });

    it('would fail on an unsafe regex added to src/', async () => {
      const evil = scan.found.find((r) => r.name === 'EVIL')!;
      const d = await verdict(evil.source, evil.flags);
      expect(d.status).toBe('vulnerable');
    });
  });
});

// One check at a time: recheck's native agent runs them in turn anyway, and
// queued checks would count against each other's time limits.
describe('every regex in src/ is safe for recheck', () => {
  for (const r of found) {
    it(`${r.where} ${r.name ?? ''}`, async () => {
      const d = await verdict(r.source, r.flags);
      const bounded = BOUNDED[keyOf(r)];
      if (d.status === 'unknown' && bounded) return;
      expect(d.status, describeDiagnostics(r, d)).toBe('safe');
    }, 90_000);
  }
});
