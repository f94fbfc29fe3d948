/**
 * Joins a printed label that the extraction split over two rows (`项目起` / `止时间`, `项目绩效` / `目标`): a cell that
 * is the start of a known label, completed by the cell under it (or the next row's only cell).
 */
import { normalizeLabel } from './text-cleanup.js';
import type { SourceCell, SourceRow } from './source-model.js';
import { ALL_LABELS, matchLabel } from './vocabulary.js';

export function joinSplitLabels(rows: readonly SourceRow[]): SourceRow[] {
  const result = rows.map((row) => ({ ...row, cells: [...row.cells] }));
  for (let index = 0; index + 1 < result.length; index += 1) {
    const row = result[index];
    const next = result[index + 1];
    if (next.segment !== row.segment) continue;
    row.cells = row.cells.map((cell) => {
      if (!isLabelStart(cell.text)) return cell;
      const rest = next.cells.length === 1 ? next.cells[0] : next.cells.find((candidate) => candidate.column === cell.column);
      if (!rest || matchLabel(`${cell.text}${rest.text}`) === undefined) return cell;
      next.cells = next.cells.filter((candidate) => candidate !== rest);
      return joined(cell, rest);
    });
  }
  return result.filter((row) => row.cells.length > 0);
}

function isLabelStart(text: string): boolean {
  const label = normalizeLabel(text);
  if (label.length < 2 || matchLabel(text) !== undefined) return false;
  return ALL_LABELS.some((known) => known.length > label.length && known.startsWith(label));
}

function joined(head: SourceCell, rest: SourceCell): SourceCell {
  const text = `${head.text.trim()}${rest.text.trim()}`;
  const note = `标签“${head.text.trim()}”“${rest.text.trim()}”跨行，已合并为“${normalizeLabel(text)}”`;
  return { ...head, text, notes: [...(head.notes ?? []), note] };
}
