import { describe, expect, test } from 'vitest';
import { CodeActionKind, type Diagnostic } from 'vscode-languageserver/node';
import { codeActionsFor, FIX_ALL_KIND, nonOverlappingFixes } from '../../src/lsp/code-actions.js';
import { findingToDiagnostic } from '../../src/lsp/diagnostics.js';
import type { FileResult, Finding, Fix } from '../../src/types.js';
import { applyEdits } from './support/workspace.js';

const URI = 'file:///work/filing.yaml';
const SOURCE = ['绩效指标:', '  - { 三级指标: 𠀀满意度, 年度指标值: >=90.00% }', '  - { 三级指标: 合格率, 年度指标值: ＝１００% }', ''].join('\n');

/** A finding on the first occurrence of `text` in SOURCE, with a fix replacing it. */
function findingOn(text: string, replacement: string | undefined, ruleId = 'number-format'): Finding {
  const start = SOURCE.indexOf(text);
  const line = SOURCE.slice(0, start).split('\n').length;
  const column = start - SOURCE.lastIndexOf('\n', start - 1);
  const range = { start, end: start + text.length };
  const fix: Fix | undefined = replacement === undefined ? undefined : { edits: [{ range, text: replacement }] };
  return {
    ruleId,
    severity: 'info',
    message: `${text} → ${replacement}`,
    range,
    start: { line, column },
    end: { line, column: column + text.length },
    fix,
    fingerprint: `${ruleId}:${text}`,
  };
}

function resultOf(findings: Finding[]): FileResult {
  return { filePath: '/work/filing.yaml', kind: 'filing', findings, errorCount: 0, warningCount: 0, infoCount: findings.length, source: SOURCE };
}

function diagnosticOf(finding: Finding): Diagnostic {
  return findingToDiagnostic(finding, undefined);
}

describe('quick fix', () => {
  test("applies the finding's fix at the right place after a character outside the BMP", () => {
    const finding = findingOn('>=90.00%', '≥90%');
    const [fix, disable] = codeActionsFor({ uri: URI, diagnostics: [diagnosticOf(finding)], only: [CodeActionKind.QuickFix] }, resultOf([finding]), 'en');
    expect(fix.title).toBe('Fix: >=90.00% → ≥90%');
    expect(fix.isPreferred).toBe(true);
    expect(applyEdits(SOURCE, fix.edit!.changes![URI])).toContain('年度指标值: ≥90% }');
    expect(disable.title).toBe('Disable number-format for this line');
    expect(applyEdits(SOURCE, disable.edit!.changes![URI]).split('\n')[1]).toBe('  # ptlint-disable-next-line number-format -- ');
  });

  test('is not offered for diagnostics of other tools or of an older lint', () => {
    const finding = findingOn('>=90.00%', '≥90%');
    const foreign = { ...diagnosticOf(finding), source: 'yaml' };
    const stale = { ...diagnosticOf(finding), data: { fingerprint: 'gone' } };
    expect(codeActionsFor({ uri: URI, diagnostics: [foreign, stale], only: [CodeActionKind.QuickFix] }, resultOf([finding]), 'en')).toEqual([]);
  });
});

describe('fix all', () => {
  test('applies every fix that does not overlap an earlier one', () => {
    const first = findingOn('>=90.00%', '≥90%');
    const overlapping = { ...findingOn('90.00%', '90%'), fingerprint: 'overlapping' };
    const second = findingOn('＝１００%', '=100%');
    const unfixable = findingOn('合格率', undefined, 'vague-target');
    const result = resultOf([overlapping, first, second, unfixable].sort((a, b) => a.range.start - b.range.start));
    expect(nonOverlappingFixes(result.findings)).toEqual([first.fix, second.fix]);

    const [fixAll] = codeActionsFor({ uri: URI, diagnostics: [], only: [CodeActionKind.SourceFixAll] }, result, 'zh');
    expect(fixAll.kind).toBe(FIX_ALL_KIND);
    expect(applyEdits(SOURCE, fixAll.edit!.changes![URI])).toBe(SOURCE.replace('>=90.00%', '≥90%').replace('＝１００%', '=100%'));
  });

  test('is absent when nothing can be fixed, and not offered as a quick fix', () => {
    const unfixable = findingOn('合格率', undefined, 'vague-target');
    expect(codeActionsFor({ uri: URI, diagnostics: [], only: [FIX_ALL_KIND] }, resultOf([unfixable]), 'zh')).toEqual([]);
    const fixable = findingOn('>=90.00%', '≥90%');
    const quickFixes = codeActionsFor({ uri: URI, diagnostics: [diagnosticOf(fixable)], only: [CodeActionKind.QuickFix] }, resultOf([fixable]), 'zh');
    expect(quickFixes.map((action) => action.kind)).toEqual([CodeActionKind.QuickFix, CodeActionKind.QuickFix]);
  });
});
