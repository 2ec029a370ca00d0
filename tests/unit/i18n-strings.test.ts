/**
 * Every word the user reads comes from public/_locales: this test parses the UI sources with
 * the TypeScript compiler and fails on hard-coded text, and checks that the two catalogs agree.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from '@/public/_locales/en/messages.json';
import id from '@/public/_locales/id/messages.json';

const ROOT = join(__dirname, '../..');
/** The popup, settings page and entrypoints; lib/page draws the picker and reveal UI in pages. */
const UI_DIRS = ['components', 'entrypoints', 'lib/page'];
const CODE_DIRS = ['components', 'entrypoints', 'lib'];

/**
 * Text that may appear as is. Keep it empty if at all possible: even the brand name comes from
 * `extName`.
 */
const ALLOWED: readonly string[] = [];

/** JSX props whose value the user reads (or hears, from a screen reader). */
const UI_PROP =
  /^(title|alt|placeholder|label|help|body|description|caption|heading|aria-(label|description|placeholder|roledescription|valuetext))$|(Label|Title|Text|Help)$/;

/** DOM properties whose value the user reads. */
const UI_DOM_PROPERTY = /^(title|textContent|innerText|placeholder|ariaLabel|alt)$/;

/** Names a translator goes by in the sources: t('key'), t()('key'), translate('key'). */
const TRANSLATORS = new Set(['t', 'translate']);

const HAS_LETTER = /\p{L}/u;

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

function parse(file: string): ts.SourceFile {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

function isTranslatorCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node)) return false;
  let callee: ts.Expression = node.expression;
  // t()('key'): the callee is itself a call of the translator getter.
  if (ts.isCallExpression(callee) && callee.arguments.length === 0) callee = callee.expression;
  if (ts.isPropertyAccessExpression(callee)) callee = callee.name;
  return ts.isIdentifier(callee) && TRANSLATORS.has(callee.text);
}

/** The literal text parts of a string or template expression. */
function literalParts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
  }
  return [];
}

/**
 * Literal text the expression can evaluate to. Call arguments are not followed (t('key'),
 * list.join(' · '), n.toLocaleString('id-ID')), nor nested JSX, which is checked on its own.
 */
function textsIn(expression: ts.Node): { text: string; node: ts.Node }[] {
  const found: { text: string; node: ts.Node }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) {
      return;
    }
    if (ts.isCallExpression(node)) return visit(node.expression);
    // Comparisons and lookups: `kind === 'error'`, `labels['person']` are not shown.
    if (ts.isBinaryExpression(node) && isComparison(node.operatorToken.kind)) return;
    if (ts.isElementAccessExpression(node)) return visit(node.expression);
    if (ts.isConditionalExpression(node)) {
      visit(node.whenTrue);
      visit(node.whenFalse);
      return;
    }
    const parts = literalParts(node);
    if (parts.length > 0) {
      for (const text of parts) found.push({ text, node });
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return found;
}

function isComparison(kind: ts.SyntaxKind): boolean {
  return (
    kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
    kind === ts.SyntaxKind.EqualsEqualsToken ||
    kind === ts.SyntaxKind.ExclamationEqualsToken ||
    kind === ts.SyntaxKind.InKeyword
  );
}

interface Finding {
  where: string;
  text: string;
}

/** Hard-coded UI text in one .tsx/.ts file. */
export function hardCodedStrings(source: ts.SourceFile): Finding[] {
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!HAS_LETTER.test(trimmed) || ALLOWED.includes(trimmed)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    findings.push({ where: `${source.fileName}:${line + 1}`, text: trimmed });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    // {…} as a child of an element: what it evaluates to is shown.
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const { text, node: at } of textsIn(node.expression)) report(at, text);
    }
    if (ts.isJsxAttribute(node) && UI_PROP.test(node.name.getText(source)) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer)
        ? node.initializer.expression
        : node.initializer;
      if (value) for (const { text, node: at } of textsIn(value)) report(at, text);
    }
    // element.title = '…', document.title = `… · Brand`
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      UI_DOM_PROPERTY.test(node.left.name.text)
    ) {
      for (const { text, node: at } of textsIn(node.right)) report(at, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

/** Keys passed as literals to a translator. */
function translatedKeys(source: ts.SourceFile): { key: string; where: string }[] {
  const keys: { key: string; where: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (isTranslatorCall(node) && node.arguments[0]) {
      for (const { text } of textsIn(node.arguments[0])) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        keys.push({ key: text, where: `${source.fileName}:${line + 1}` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return keys;
}

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

const uiFiles = UI_DIRS.flatMap((dir) => filesUnder(dir, /\.tsx?$/));
const codeFiles = CODE_DIRS.flatMap((dir) => filesUnder(dir, /\.tsx?$/));
const htmlFiles = UI_DIRS.flatMap((dir) => filesUnder(dir, /\.html$/));
const catalogs = { id, en } as Record<string, Record<string, { message: string }>>;

describe('hard-coded UI text', () => {
  it('finds the UI sources', () => {
    expect(uiFiles.filter((file) => file.endsWith('.tsx')).length).toBeGreaterThan(10);
  });

  it('catches the kinds of hard-coded text it is meant to', () => {
    const sample = ts.createSourceFile(
      'sample.tsx',
      `const a = <p title="Judul">Halo {t('x')}</p>;
       const b = <b aria-label={open ? 'Tutup' : t('y')} placeholder={\`cari \${q}\`} />;
       const c = <Row label="Label" help={t('z')}>{cond && 'Teks'}{list.join(' · ')}</Row>;
       document.title = \`\${title} · Merek\`;
       const d = <i class="icon-button" data-x="abc">{' '}{n === 'x' ? 1 : 2}</i>;`,
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    expect(hardCodedStrings(sample).map((f) => f.text)).toEqual([
      'Judul',
      'Halo',
      'Tutup',
      'cari',
      'Label',
      'Teks',
      '· Merek',
    ]);
  });

  it('has none in components/, entrypoints/ and lib/page/', () => {
    const findings = uiFiles.flatMap((file) => hardCodedStrings(parse(file)));
    expect(findings.map((f) => `${f.where}: ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('has no text in the HTML pages: their titles are set from the catalogs', () => {
    for (const file of htmlFiles) {
      const html = readFileSync(join(ROOT, file), 'utf8');
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1].replace(/<[^>]*>/g, '') ?? '';
      expect({ file, text: `${title}${body}`.trim() }).toEqual({ file, text: '' });
    }
  });
});

describe('message catalogs', () => {
  it('have the same keys in Indonesian and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it('use keys the browser accepts', () => {
    for (const key of Object.keys(id)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('have the same {placeholders} in both languages', () => {
    for (const key of Object.keys(id)) {
      const english = catalogs.en[key]?.message ?? '';
      expect({ key, en: placeholders(english) }).toEqual({
        key,
        en: placeholders(catalogs.id[key].message),
      });
    }
  });

  it('hold every key the code translates, in both languages', () => {
    const used = codeFiles.flatMap((file) => translatedKeys(parse(file)));
    expect(used.length).toBeGreaterThan(50);
    const missing = used.filter(({ key }) => !(key in catalogs.id) || !(key in catalogs.en));
    expect(missing).toEqual([]);
  });

  it('hold every __MSG_key__ of the manifest and pages', () => {
    const sources = ['wxt.config.ts', ...htmlFiles].map((f) => readFileSync(join(ROOT, f), 'utf8'));
    const keys = sources.flatMap((text) => [...text.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect({ key, id: key in catalogs.id, en: key in catalogs.en }).toEqual({
        key,
        id: true,
        en: true,
      });
    }
  });

  it('have no messages the code never uses', () => {
    const text = [...codeFiles, 'wxt.config.ts', ...htmlFiles]
      .map((file) => readFileSync(join(ROOT, file), 'utf8'))
      .join('\n');
    const unused = Object.keys(id).filter(
      (key) => !new RegExp(`['"\`]${key}['"\`]|__MSG_${key}__`).test(text),
    );
    expect(unused).toEqual([]);
  });
});
