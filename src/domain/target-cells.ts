import type { LintDocument } from '../document/lint-document.js';
import type { DocumentFacts, IndicatorTarget } from '../engine/function-api.js';
import type { ParsedTarget } from '../values/target.js';
import type { YamlPath } from '../types.js';
import { perObject } from './per-document.js';

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
  /** for the whole target: facts.target(path), already parsed */
  target?: ParsedTarget;
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
export function targetCells(document: LintDocument, facts: DocumentFacts, rowPath: YamlPath, row: unknown): TargetCell[] {
  const { target, path } = indicatorTargetOf(facts, rowPath, row);
  if (path.length === rowPath.length) return [];
  if (path[path.length - 1] !== '数值') return target.kind === 'empty' ? [] : [{ role: 'whole', path, raw: target.raw, target }];
  return SPLIT_COLUMNS.flatMap(([field, role]) => {
    const cellPath = [...rowPath, field];
    const raw = document.sourceText(cellPath);
    return raw === undefined || raw.trim() === '' ? [] : [{ role, path: cellPath, raw }];
  });
}

/**
 * `facts.indicatorTarget(rowPath)`, remembered per row: some fifteen rules ask it of every indicator row, and each
 * call reads the row again and joins the target's path into a lookup key. `row` is the row's plain data (what
 * `document.valueAt(rowPath)` returns — the selected value of a per-row rule, an IndicatorRow's `fields`): the answer
 * is remembered under that object together with the path, since YAML aliases can put one row at two paths. The rows
 * are keys of an ordinary Map held per document (per facts), not of a WeakMap: weak keys cost the garbage collector
 * work on every collection, and the Map goes with the document anyway.
 */
export function indicatorTargetOf(facts: DocumentFacts, rowPath: YamlPath, row: unknown): IndicatorTarget {
  if (row === null || typeof row !== 'object') return facts.indicatorTarget(rowPath);
  const byRow = rowTargets(facts);
  const known = byRow.get(row);
  if (known && samePath(known.rowPath, rowPath)) return known.target;
  const target = facts.indicatorTarget(rowPath);
  byRow.set(row, { rowPath, target });
  return target;
}

const rowTargets = perObject((_facts: DocumentFacts) => new Map<object, { rowPath: YamlPath; target: IndicatorTarget }>());

function samePath(a: YamlPath, b: YamlPath): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
