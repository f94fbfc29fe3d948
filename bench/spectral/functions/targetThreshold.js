import { indicatorTarget } from './_target.js';

// Port of ptlint's target-threshold for 满意度 rows: a lower bound of at least `min` in `unit`, below `ceiling`.
// ptlint selects the rows with a filter on 一级指标; here the filter is the first line of the function.
export default function targetThreshold(row, options, context) {
  if (row === null || typeof row !== 'object' || !String(row['一级指标'] ?? '').includes(options.level1Contains ?? '满意度')) return [];
  const { target, path } = indicatorTarget(row, context.path);
  if (target.kind !== 'quantity' && target.kind !== 'range') return [];
  const name = String(row['三级指标'] ?? '');
  const { min, ceiling, unit } = options;
  if (unit !== undefined && target.unit !== unit) return [{ message: `满意度指标“${name}”的目标 ${target.raw} 应为百分比（${unit}），如 ≥${min}%`, path }];
  if (target.value < min) return [{ message: `满意度指标“${name}”的目标 ${target.raw} 低于 ${min}%`, path }];
  if (ceiling !== undefined && target.value >= ceiling) return [{ message: `满意度指标“${name}”的目标 ${target.raw} 定为 ${ceiling}%，无法作为可考核的目标，建议设为 ≥${min}% 至 ≥95% 之间`, path }];
  if (target.kind === 'quantity' && target.comparator !== '≥' && target.comparator !== '>') return [{ message: `满意度指标“${name}”的目标 ${target.raw} 应写作下限，如 ≥${min}%`, path }];
  return [];
}
