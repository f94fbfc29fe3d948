/**
 * Maps a 项目经费情况说明 (seeds 001, 004): numbered section headings (`一、项目概述` … `七、绩效目标`) and their
 * lines. A section of several numbered or bulleted lines becomes a list, of one line a text; 年度预算安排 with
 * `1.资金测算：` / `2.资金类型：` / `3.执行计划：` parts becomes an object whose 资金测算 is split into items.
 */
import { parseBudgetCalculation } from './budget-items.js';
import { sourced, type BudgetArrangementDraft, type NarrativeDraft, type NarrativeKey, type NarrativeValue } from './drafts.js';
import type { IssueCollector } from './import-issues.js';
import { rowText, type SourceRow } from './source-model.js';
import { joinWrappedLines, wrapNote } from './text-cleanup.js';

const SECTIONS: readonly NarrativeKey[] = ['项目概述', '立项依据', '实施主体', '实施方案', '实施周期', '年度预算安排', '绩效目标'];
const SECTION_RE = new RegExp(`^(?:[一二三四五六七八九十]+[、.．]|\\d+[、.．])\\s*(${SECTIONS.join('|')})\\s*$`);
const NUMBERED_RE = /^(?:\d+[.、．]|[（(]\d+[)）]|[一二三四五六七八九十]+、)/;
const BUDGET_PART_RE = /^\d+[.、．]\s*(资金测算|资金类型|执行计划)[：:]\s*/;

const WHERE = { zh: '（项目经费情况说明）', en: '(in the narrative)' };

interface Line {
  text: string;
  row: SourceRow;
}

export function mapNarrative(rows: readonly SourceRow[], issues: IssueCollector): NarrativeDraft {
  const [titleRow, ...body] = rows;
  const narrative: NarrativeDraft = { sections: [], title: rowText(titleRow), position: titleRow.position };
  let current: { key: NarrativeKey; heading: SourceRow; lines: Line[] } | undefined;
  const flush = (): void => {
    if (current) narrative.sections.push({ key: current.key, value: sectionValue(current.key, current.heading, current.lines, issues) });
  };
  for (const row of body) {
    const heading = SECTION_RE.exec(rowText(row).trim())?.[1];
    const key = SECTIONS.find((section) => section === heading);
    if (key) {
      flush();
      current = { key, heading: row, lines: [] };
    } else if (current) {
      current.lines.push({ text: rowText(row).trim(), row });
    } else {
      issues.unmappedRows([row], WHERE);
    }
  }
  flush();
  return narrative;
}

function sectionValue(key: NarrativeKey, heading: SourceRow, lines: readonly Line[], issues: IssueCollector) {
  const notes: string[] = [];
  const joined = lines.map((line) => {
    const result = joinWrappedLines(line.text);
    if (result.gaps.length > 0) notes.push(wrapNote(result.gaps));
    return { ...line, text: result.text };
  });
  const position = joined[0]?.row.position ?? heading.position;
  if (key === '年度预算安排' && joined.some((line) => BUDGET_PART_RE.test(line.text))) {
    return sourced<NarrativeValue>(budgetArrangement(joined, issues), position, notes);
  }
  return sourced<NarrativeValue>(textOrList(joined), position, notes);
}

function textOrList(lines: readonly Line[]): NarrativeValue {
  if (lines.length === 0) return null;
  if (lines.length === 1) return lines[0].text;
  const listed = lines.every((line) => line.row.marker === 'list-item' || NUMBERED_RE.test(line.text));
  return listed ? lines.map((line) => line.text) : lines.map((line) => line.text).join('\n');
}

function budgetArrangement(lines: readonly Line[], issues: IssueCollector): BudgetArrangementDraft {
  const parts = new Map<string, string>();
  let currentPart: string | undefined;
  for (const line of lines) {
    const part = BUDGET_PART_RE.exec(line.text);
    if (part) {
      currentPart = part[1];
      parts.set(currentPart, line.text.slice(part[0].length));
    } else if (currentPart) {
      parts.set(currentPart, `${parts.get(currentPart)}\n${line.text}`);
    } else {
      issues.unmappedRows([line.row], WHERE);
    }
  }
  const calculation = parts.get('资金测算');
  return {
    ...(calculation === undefined ? {} : { 资金测算: parseBudgetCalculation(calculation) }),
    ...(parts.has('资金类型') ? { 资金类型: parts.get('资金类型') } : {}),
    ...(parts.has('执行计划') ? { 执行计划: parts.get('执行计划') } : {}),
  };
}
