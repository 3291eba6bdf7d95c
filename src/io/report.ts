/**
 * The audit page: every document's input with each removed span highlighted
 * and labelled by the rule that removed it (hover for the reason), so a
 * person can see what deboil removed, and its mistakes, without reading code.
 */
import { RULE_IDS } from '../pipeline/preset.js';
import type { Removal } from '../pipeline/compiler.js';

export interface ReportDocument {
  path: string;
  input: string;
  title: string | null;
  removed: Removal[];
  /** Extra lines shown under the heading (scores, wrongly kept words …). */
  notes?: string[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// One hue per rule, spread around the colour wheel.
const hue = (rule: string) => Math.round((Math.max(0, (RULE_IDS as readonly string[]).indexOf(rule)) * 360) / RULE_IDS.length);

function renderDocument(doc: ReportDocument, index: number): string {
  const counts = new Map<string, number>();
  let body = '';
  let pos = 0;
  for (const r of doc.removed) {
    counts.set(r.rule, (counts.get(r.rule) ?? 0) + 1);
    body += escape(doc.input.slice(pos, r.start));
    body += `<del class="r-${r.rule}" title="${escape(`${r.rule}: ${r.reason} (${r.line}:${r.column})`)}">${escape(doc.input.slice(r.start, r.end))}</del><sup class="r-${r.rule}">${escape(r.rule)}</sup>`;
    pos = r.end;
  }
  body += escape(doc.input.slice(pos));
  const chips = [...counts].map(([rule, n]) => `<span class="chip r-${rule}">${escape(rule)} ×${n}</span>`).join(' ');
  const notes = (doc.notes ?? []).map((n) => `<p class="note">${escape(n)}</p>`).join('');
  return `<section id="doc-${index}"><h2>${escape(doc.path)}</h2>
<p>Headline: ${doc.title === null ? '<em>none</em>' : `<strong>${escape(doc.title)}</strong>`} · ${doc.removed.length} removed spans ${chips}</p>${notes}
<pre>${body}</pre></section>`;
}

/** A self-contained HTML page for a batch of documents. */
export function renderReport(docs: ReportDocument[], heading = 'deboil report', omitted = 0): string {
  const styles = RULE_IDS.map((r) => `.r-${r}{background:hsl(${hue(r)} 80% 88%);color:hsl(${hue(r)} 60% 25%)}`).join('\n');
  const legend = RULE_IDS.map((r) => `<span class="chip r-${r}">${r}</span>`).join(' ');
  const toc = docs.map((d, i) => `<li><a href="#doc-${i}">${escape(d.path)}</a> (${d.removed.length})</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(heading)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em;max-width:75em}
pre{white-space:pre-wrap;word-wrap:break-word;background:#fafafa;border:1px solid #ddd;padding:1em}
del{text-decoration:line-through;text-decoration-color:#0005}
sup{font-size:9px;padding:0 2px;border-radius:3px}
.chip{display:inline-block;padding:0 .4em;border-radius:.6em;font-size:12px}
.note{color:#555;margin:.2em 0}
${styles}
</style></head><body>
<h1>${escape(heading)}</h1>
<p>Struck-through text was removed; its label names the rule, and hovering shows the reason and the place (line:column). Everything else is kept.</p>
<p>Rules: ${legend}</p>
${omitted > 0 ? `<p><strong>${omitted} more documents are not shown.</strong></p>` : ''}
<ol>${toc}</ol>
${docs.map(renderDocument).join('\n')}
</body></html>
`;
}
