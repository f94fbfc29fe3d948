import type { YamlPath } from '../types.js';

/**
 * Field paths as rule options write them: keys joined by dots (`项目资金.项目资金总额.合计`); in a pattern, `*`
 * stands for any one key or row index (`绩效指标.*.年度指标值`). Field names never contain dots.
 */
export function parseFieldPath(dotted: string): string[] {
  return dotted.split('.');
}

/** Whether a concrete path is one the pattern describes, segment for segment. */
export function matchesFieldPattern(path: YamlPath, pattern: readonly string[]): boolean {
  return path.length === pattern.length && pattern.every((segment, index) => segment === '*' || segment === String(path[index]));
}

/** Whether the path lies at or below a path the pattern describes. */
export function isWithinFieldPattern(path: YamlPath, pattern: readonly string[]): boolean {
  return path.length >= pattern.length && matchesFieldPattern(path.slice(0, pattern.length), pattern);
}

/** `项目资金 › 项目资金总额 › 合计`, the way messages name a field. */
export function fieldLabel(path: YamlPath): string {
  return path.join(' › ');
}
