import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';
import { renderReport } from '../src/io/report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('the --report audit page', () => {
  it('marks every removed span with its rule and reason, and escapes the text', () => {
    const input = '<b>Menu</b>\nHome\n\nA headline about the day & more\n\nThe article body is a long paragraph of plain prose that reads like a story.\n';
    const r = clean(input);
    const html = renderReport([{ path: 'a.txt', input, title: r.title, removed: r.removed }]);
    expect(html).toContain('<del class="r-navigation" title="navigation: menu or site navigation (2:1)">Home</del>');
    expect(html).toContain('&lt;b&gt;');
    expect(html).not.toContain('<b>Menu');
    expect(html).toContain('The article body is a long paragraph');
    expect((html.match(/<del /g) ?? []).length).toBe(r.removed.length);
  });
  it('is written by the CLI for a batch, capped by --report-limit', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deboil-report-'));
    const page = path.join(dir, 'audit.html');
    const run = spawnSync(process.execPath, [path.join(root, 'dist/cli/main.js'), path.join(root, 'corpus'), '--out-dir', path.join(dir, 'out'), '--report', page, '--report-limit', '3'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const html = fs.readFileSync(page, 'utf8');
    expect((html.match(/<section /g) ?? []).length).toBe(3);
    expect(html).toContain('28 more documents are not shown');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
