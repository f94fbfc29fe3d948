/**
 * Splits a document into its forms, the 项目经费情况说明 narratives between them, and what precedes the first of
 * either (a unit summary, a document title). A form starts at its 表 title and year line, found just above its
 * 项目名称 row; it ends where the next form or narrative starts, or its worksheet ends.
 */
import { normalizeLabel } from './text-cleanup.js';
import { singleCellText, type SourceRow } from './source-model.js';
import { matchLabel } from './vocabulary.js';

export interface FormRows {
  /** 1-based order in the document */
  ordinal: number;
  /** `财政项目支出绩效目标申报表` as printed, if the form has one */
  title?: SourceRow;
  /** `(2022年度)` */
  yearRow?: SourceRow;
  /** from the 项目名称 row to the form's end */
  rows: SourceRow[];
  /** the narrative printed before this form */
  narrative?: SourceRow[];
}

export interface DocumentParts {
  /** rows before the first form or narrative */
  prelude: SourceRow[];
  forms: FormRows[];
  /** narratives with no form after them */
  orphanNarratives: SourceRow[][];
}

const FORM_TITLE_RE = /绩效目标.*表\d*$/;
const YEAR_LINE_RE = /^\(?\d{4}年度?\)?$/;
const NARRATIVE_TITLE_RE = /项目经费情况说明\d*$/;
const LOOKBACK_ROWS = 3;

export function segmentDocument(rows: readonly SourceRow[]): DocumentParts {
  const anchors = rows.flatMap((row, index) => (row.cells.some((cell) => isProjectNameLabel(cell.text)) ? [index] : []));
  const starts = anchors.map((anchor, order) => formStart(rows, anchor, order === 0 ? 0 : anchors[order - 1] + 1));
  const narrativeStarts = rows.flatMap((row, index) => (isNarrativeTitle(row) && !anchors.includes(index) ? [index] : []));
  const boundaries = [...starts.map((start) => start.index), ...narrativeStarts].sort((a, b) => a - b);
  const endOf = (start: number): number => {
    const next = boundaries.find((boundary) => boundary > start) ?? rows.length;
    const segmentEnd = rows.findIndex((row, index) => index > start && row.segment !== rows[start].segment);
    return segmentEnd === -1 ? next : Math.min(next, segmentEnd);
  };

  const forms: FormRows[] = starts.map((start, order) => ({
    ordinal: order + 1,
    ...(start.title === undefined ? {} : { title: rows[start.title] }),
    ...(start.year === undefined ? {} : { yearRow: rows[start.year] }),
    rows: rows.slice(anchors[order], endOf(start.index)),
  }));
  const orphanNarratives: SourceRow[][] = [];
  for (const narrativeStart of narrativeStarts) {
    const end = endOf(narrativeStart);
    const narrative = rows.slice(narrativeStart, end);
    const following = starts.findIndex((start) => start.index === end);
    if (following === -1 || forms[following].narrative) orphanNarratives.push(narrative);
    else forms[following].narrative = narrative;
  }
  return { prelude: rows.slice(0, boundaries[0] ?? rows.length), forms, orphanNarratives };
}

interface FormStart {
  index: number;
  title?: number;
  year?: number;
}

/** The 项目名称 row, moved up over the form's title and year lines. */
function formStart(rows: readonly SourceRow[], anchor: number, earliest: number): FormStart {
  const start: FormStart = { index: anchor };
  for (let index = anchor - 1; index >= Math.max(earliest, anchor - LOOKBACK_ROWS); index -= 1) {
    const text = singleCellText(rows[index]);
    if (text === undefined || rows[index].segment !== rows[anchor].segment) break;
    const label = normalizeLabel(text);
    if (start.year === undefined && start.title === undefined && YEAR_LINE_RE.test(label)) start.year = index;
    else if (start.title === undefined && FORM_TITLE_RE.test(label)) start.title = index;
    else break;
    start.index = index;
  }
  return start;
}

function isProjectNameLabel(text: string): boolean {
  const match = matchLabel(text);
  return match?.kind === 'header' && match.key === '项目名称';
}

function isNarrativeTitle(row: SourceRow): boolean {
  const text = singleCellText(row);
  return text !== undefined && text.length <= 60 && NARRATIVE_TITLE_RE.test(normalizeLabel(text));
}
