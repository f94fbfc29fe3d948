/**
 * Maps the rows above 项目资金: label cells (项目名称, 主管部门, 计划开始日期, …) each followed by their value, or by
 * the next label when the form leaves the field blank.
 */
import { sourced, type FilingDraft, type Sourced } from './drafts.js';
import type { IssueCollector } from './import-issues.js';
import type { SourceCell, SourceRow } from './source-model.js';
import { joinWrappedLines, normalizeLabel, wrapNote } from './text-cleanup.js';
import { matchLabel, type HeaderKey } from './vocabulary.js';

type HeaderFields = Pick<FilingDraft, 'header' | 'otherInfo'>;

const CODE_SUFFIX_RE = /^(.*\S)\s+(\d{6,})$/;

export function mapHeaderRows(rows: readonly SourceRow[], issues: IssueCollector): HeaderFields {
  const fields: HeaderFields = { header: [], otherInfo: [] };
  for (const row of rows) {
    const cells = row.cells;
    let index = 0;
    while (index < cells.length) {
      const label = cells[index];
      const match = matchLabel(label.text);
      const values = followingValues(cells, index + 1);
      index += 1 + values.length;
      if (match?.kind === 'header') {
        issues.unmappedCells(values.slice(1), { zh: `（“${match.key}”栏多出的）`, en: `(beyond the value of ${match.key})` });
        addHeaderField(fields, match.key, label, values[0], issues);
      } else if (match === undefined && values.length > 0) {
        fields.otherInfo.push({ label: normalizeLabel(label.text), value: cellValue(label, values[0], ['未识别的栏目，原样记入其他信息']) });
        issues.note(label.position, {
          zh: `未识别的栏目“${label.text}”已记入“其他信息”`,
          en: `unknown field “${label.text}” kept under 其他信息`,
        });
        issues.unmappedCells(values.slice(1), { zh: '（表头）', en: '(in the form header)' });
      } else {
        issues.unmappedCells([label, ...values], { zh: '（表头）', en: '(in the form header)' });
      }
    }
  }
  return fields;
}

/** Cells after a label up to the next label. */
function followingValues(cells: readonly SourceCell[], from: number): SourceCell[] {
  const values: SourceCell[] = [];
  for (let index = from; index < cells.length && matchLabel(cells[index].text) === undefined; index += 1) values.push(cells[index]);
  return values;
}

function addHeaderField(fields: HeaderFields, key: HeaderKey, label: SourceCell, valueCell: SourceCell | undefined, issues: IssueCollector): void {
  const value = cellValue(label, valueCell);
  const code = key === '主管部门' && value.value !== null ? CODE_SUFFIX_RE.exec(value.value) : null;
  if (code) {
    setOnce(fields, '主管部门', { ...value, value: code[1] }, issues);
    setOnce(fields, '主管部门编码', { ...value, value: code[2], notes: [...value.notes, '编码由主管部门一栏末尾的数字拆出'] }, issues);
    return;
  }
  setOnce(fields, key, value, issues);
}

function setOnce(fields: HeaderFields, key: HeaderKey, value: Sourced<string | null>, issues: IssueCollector): void {
  const existing = fields.header.find((entry) => entry.key === key);
  if (!existing) {
    fields.header.push({ key, value });
  } else if (existing.value.value === null) {
    existing.value = value;
  } else if (value.value !== null && value.value !== existing.value.value && value.position) {
    issues.unmapped(value.position, {
      zh: `“${key}”出现两次且不一致（“${existing.value.value}”与“${value.value}”），保留前者`,
      en: `${key} appears twice with different values (“${existing.value.value}”, “${value.value}”); the first is kept`,
    });
  }
}

/** The value of a labelled field, line wraps between Chinese characters joined; the label's own notes carried over. */
function cellValue(label: SourceCell, valueCell: SourceCell | undefined, extraNotes: readonly string[] = []): Sourced<string | null> {
  const notes = [...(label.notes ?? []), ...extraNotes];
  if (!valueCell) return sourced(null, label.position, notes);
  const joined = joinWrappedLines(valueCell.text);
  if (joined.gaps.length > 0) notes.push(wrapNote(joined.gaps));
  return sourced(joined.text, valueCell.position, [...notes, ...(valueCell.notes ?? [])]);
}
