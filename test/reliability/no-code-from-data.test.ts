import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Rule sets, configs and filings are data: nothing in them may ever run as code. The cheapest guarantee is that
 * ptlint's source holds no way to run a string as code — no eval, no Function constructor, no vm module, no
 * import() of a computed name. This scan fails on any of them, so adding one is a deliberate, reviewed change.
 */
const CODE_FROM_STRING: ReadonlyArray<[string, RegExp]> = [
  ['eval', /\beval\s*\(/],
  ['Function constructor', /\bnew\s+Function\b|(?<![\w.$])Function\s*\(/],
  ['vm module', /['"](?:node:)?vm['"]|\bvm\.\w+/],
  ['import() of a computed name', /(?<![\w.$])import\s*\(\s*(?!['"])/],
  ['timer given a string', /\bset(?:Timeout|Interval|Immediate)\s*\(\s*['"`]/],
];

const srcFolder = join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?ts|[cm]?js)$/.test(entry.name) ? [path] : [];
  });
}

/** `file:line: kind: text` for every line of `text` that can run a string as code. */
function codeFromStringIn(fileName: string, text: string): string[] {
  return text.split('\n').flatMap((line, index) =>
    CODE_FROM_STRING.filter(([, pattern]) => pattern.test(line)).map(([kind]) => `${fileName}:${index + 1}: ${kind}: ${line.trim()}`),
  );
}

describe('nothing in src/ can run data as code', () => {
  it('the scan recognises every form it forbids', () => {
    const forbidden = [
      'const f = eval("1 + 1");',
      'const g = new Function("a", "return a");',
      'const h = Function("return this")();',
      "import { runInNewContext } from 'node:vm';",
      "const vm = require('vm');",
      'vm.runInThisContext(code);',
      'const module = await import(name);',
      'setTimeout("alert(1)", 10);',
    ];
    expect(forbidden.map((line) => codeFromStringIn('sample.ts', line).length)).toEqual(forbidden.map(() => 1));
    const allowed = ["const { check } = await import('recheck');", 'function evaluate(x) { return x; }', 'type T = typeof import("jschardet");', 'setTimeout(() => done(), 10);'];
    expect(allowed.flatMap((line) => codeFromStringIn('sample.ts', line))).toEqual([]);
  });

  it('no source file uses eval, new Function, vm or a computed import()', () => {
    const files = sourceFiles(srcFolder);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => codeFromStringIn(relative(srcFolder, file), readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
