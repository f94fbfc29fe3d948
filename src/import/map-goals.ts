/**
 * Maps the 项目绩效目标 block: a label row (项目总目标 with its period, 年度总目标) and the goal texts under it.
 * Two texts side by side are 项目总目标 and 年度总目标. A lone text goes by its column where columns are reliable;
 * in extracted text its column means little, and it is taken as the 年度总目标, which every form must state
 * while one-year projects often leave the 项目总目标 blank.
 */
import { sourced, type GoalsDraft, type Sourced } from './drafts.js';
import type { IssueCollector } from './import-issues.js';
import type { SourceCell, SourceRow } from './source-model.js';
import { joinWrappedLines, wrapNote } from './text-cleanup.js';
import { matchLabel } from './vocabulary.js';

const WHERE = { zh: '（项目绩效目标栏）', en: '(in the goals block)' };

export function mapGoalRows(rows: readonly SourceRow[], columnsReliable: boolean, issues: IssueCollector): GoalsDraft {
  const goals: GoalsDraft = {};
  let overallColumn: number | undefined;
  let annualColumn: number | undefined;
  const textRows: SourceCell[][] = [];
  for (const row of rows) {
    const texts: SourceCell[] = [];
    for (const cell of row.cells) {
      const match = matchLabel(cell.text);
      if (match?.kind === 'goal' && match.key === '项目总目标') {
        overallColumn = cell.column;
        goals.overall = sourced(null, cell.position);
        if (match.period) goals.period = sourced(match.period, cell.position);
      } else if (match?.kind === 'goal') {
        annualColumn = cell.column;
        goals.annual = sourced(null, cell.position);
      } else if (match?.kind === 'goals-block' || cell.mergedFromAbove) {
        continue;
      } else if (match === undefined) {
        texts.push(cell);
      } else {
        issues.unmappedCells([cell], WHERE);
      }
    }
    if (texts.length > 0) textRows.push(texts);
  }

  const overall: SourceCell[] = [];
  const annual: SourceCell[] = [];
  const sideBySide = textRows.some((texts) => texts.length > 1);
  for (const texts of textRows) {
    if (sideBySide) {
      if (texts.length === 1) (texts[0].column === overallColumn ? overall : annual).push(texts[0]);
      else {
        overall.push(texts[0]);
        annual.push(texts[texts.length - 1]);
        issues.unmappedCells(texts.slice(1, -1), WHERE);
      }
    } else if (columnsReliable && texts[0].column === overallColumn) {
      overall.push(texts[0]);
    } else {
      annual.push(texts[0]);
    }
  }
  if (overall.length > 0) goals.overall = joinedGoal(overall);
  if (annual.length > 0) {
    goals.annual = joinedGoal(annual);
    if (!sideBySide && !columnsReliable && annualColumn !== undefined && annual.some((cell) => cell.column !== annualColumn)) {
      goals.annual.notes.push('文本中只有一栏目标文字且未对齐“年度总目标”栏，归入年度总目标');
    }
  }
  return goals;
}

/** Paragraphs of one goal, in order, one per line. */
function joinedGoal(cells: readonly SourceCell[]): Sourced<string | null> {
  const notes: string[] = [];
  const paragraphs = cells.flatMap((cell) => cell.text.split('\n')).map((paragraph) => {
    const joined = joinWrappedLines(paragraph.trim());
    if (joined.gaps.length > 0) notes.push(wrapNote(joined.gaps));
    return joined.text;
  });
  return sourced(paragraphs.filter((paragraph) => paragraph !== '').join('\n'), cells[0].position, notes);
}
