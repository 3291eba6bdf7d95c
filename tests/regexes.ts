/**
 * Every regular expression in src/, found with the TypeScript parser (not a
 * text search, which would trip over `/` in comments, strings and division):
 * RegularExpressionLiteral nodes, and `new RegExp(...)` / `RegExp(...)` calls.
 *
 * A `RegExp(...)` call whose arguments are not literals is evaluated
 * statically: string literals, templates (`String.raw` included), `+`,
 * `[...].join(sep)`, and identifiers bound by a top-level `const` of the same
 * file. Anything else (a pattern built at run time from data) cannot be
 * checked here and is reported as `unevaluated`, which the ReDoS test fails on
 * until the pattern is listed there by hand with a reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  /** `src/…/file.ts:line` */
  where: string;
  /** The variable the regex is assigned to, when there is one (for readable tables). */
  name: string | null;
  source: string;
  flags: string;
  kind: 'literal' | 'constructor';
}

export interface Unevaluated {
  where: string;
  text: string;
  why: string;
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listTs(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

class NotStatic extends Error {}

/** Top-level `const NAME = init` of a file. */
function topLevelConsts(sf: ts.SourceFile): Map<string, ts.Expression> {
  const consts = new Map<string, ts.Expression>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) consts.set(d.name.text, d.initializer);
  }
  return consts;
}

function evaluate(node: ts.Expression, consts: Map<string, ts.Expression>, depth = 0): string | string[] {
  if (depth > 20) throw new NotStatic('too deep');
  const ev = (n: ts.Expression) => evaluate(n, consts, depth + 1);
  const str = (n: ts.Expression) => {
    const v = ev(n);
    if (typeof v !== 'string') throw new NotStatic(`not a string: ${n.getText()}`);
    return v;
  };
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return ev(node.expression);
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => str(s.expression) + s.literal.text).join('');
  if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'String.raw') {
    const t = node.template;
    if (ts.isNoSubstitutionTemplateLiteral(t)) return t.rawText ?? t.text;
    return (t.head.rawText ?? t.head.text) + t.templateSpans.map((s) => str(s.expression) + (s.literal.rawText ?? s.literal.text)).join('');
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return str(node.left) + str(node.right);
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => str(e));
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join') {
    const list = ev(node.expression.expression);
    if (!Array.isArray(list)) throw new NotStatic(`join on a non-array: ${node.getText()}`);
    return list.join(node.arguments.length ? str(node.arguments[0]) : ',');
  }
  if (ts.isIdentifier(node) && consts.has(node.text)) return ev(consts.get(node.text)!);
  throw new NotStatic(`cannot evaluate ${ts.SyntaxKind[node.kind]} \`${node.getText().slice(0, 60)}\``);
}

function nameOf(node: ts.Node): string | null {
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
    if (ts.isPropertyAssignment(p) || ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p)) return p.name?.getText() ?? null;
  }
  return null;
}

/** Scan every `.ts` file under `srcDir`; paths in the result are relative to `root`. */
export function findRegexes(root: string, srcDir = path.join(root, 'src')): { found: FoundRegex[]; unevaluated: Unevaluated[] } {
  const found: FoundRegex[] = [];
  const unevaluated: Unevaluated[] = [];
  for (const file of listTs(srcDir)) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const consts = topLevelConsts(sf);
    const where = (n: ts.Node) => `${path.relative(root, file).split(path.sep).join('/')}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const slash = text.lastIndexOf('/');
        found.push({ where: where(n), name: nameOf(n), source: text.slice(1, slash), flags: text.slice(slash + 1), kind: 'literal' });
      } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
        const args = n.arguments ?? [];
        try {
          if (args.length === 0) throw new NotStatic('no arguments');
          const source = evaluate(args[0], consts);
          const flags = args.length > 1 ? evaluate(args[1], consts) : '';
          if (typeof source !== 'string' || typeof flags !== 'string') throw new NotStatic('not a string');
          found.push({ where: where(n), name: nameOf(n), source, flags, kind: 'constructor' });
        } catch (err) {
          if (!(err instanceof NotStatic)) throw err;
          unevaluated.push({ where: where(n), text: n.getText(sf).slice(0, 120), why: err.message });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { found, unevaluated };
}
