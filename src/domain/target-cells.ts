import type { LintDocument } from '../document/lint-document.js';
import type { DocumentFacts } from '../engine/function-api.js';
import type { YamlPath } from '../types.js';

/**
 * What a scalar holds of an annual target: all of it (年度指标值), or one column of a template that splits it into
 * 比较符 / 数值 / 计量单位.
 */
export type TargetCellRole = 'whole' | 'comparator' | 'number' | 'unit';

export interface TargetCell {
  role: TargetCellRole;
  path: YamlPath;
  /** the scalar's value as the parser reads it */
  raw: string;
}

const SPLIT_COLUMNS: ReadonlyArray<readonly [field: string, role: TargetCellRole]> = [
  ['比较符', 'comparator'],
  ['数值', 'number'],
  ['计量单位', 'unit'],
];

/**
 * The scalars an indicator row writes its annual target in, in reading order, following the facts' choice between
 * the 年度指标值 column and the split columns. Blank columns are left out.
 */
export function targetCells(document: LintDocument, facts: DocumentFacts, rowPath: YamlPath): TargetCell[] {
  const { target, path } = facts.indicatorTarget(rowPath);
  if (path.length === rowPath.length) return [];
  if (path[path.length - 1] !== '数值') return target.kind === 'empty' ? [] : [{ role: 'whole', path, raw: target.raw }];
  return SPLIT_COLUMNS.flatMap(([field, role]) => {
    const cellPath = [...rowPath, field];
    const raw = document.sourceText(cellPath);
    return raw === undefined || raw.trim() === '' ? [] : [{ role, path: cellPath, raw }];
  });
}
