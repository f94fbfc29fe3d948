import type { FileResult } from '../../../src/types.js';

/**
 * What no input may cause in one file's result: a `rule-failed` finding, or a finding or fix edit outside the text
 * (`textLength`: the length of the decoded text the positions refer to).
 */
export function resultDefects(result: FileResult, textLength: number): string[] {
  const defects: string[] = [];
  for (const finding of result.findings) {
    const where = `${finding.ruleId} ${finding.start.line}:${finding.start.column}`;
    if (finding.ruleId === 'rule-failed') defects.push(`${where} ${finding.message}`);
    if (!(finding.range.start >= 0 && finding.range.start <= finding.range.end && finding.range.end <= textLength)) defects.push(`${where} range ${finding.range.start}-${finding.range.end} outside the text (${textLength})`);
    if (finding.start.line < 1 || finding.start.column < 1) defects.push(`${where} position before the start of the file`);
    for (const edit of finding.fix?.edits ?? []) {
      if (!(edit.range.start >= 0 && edit.range.start <= edit.range.end && edit.range.end <= textLength)) defects.push(`${where} fix edit ${edit.range.start}-${edit.range.end} outside the text`);
    }
  }
  return defects;
}

