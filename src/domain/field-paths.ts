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

/**
 * `[...path, segment]`, allocated at its exact size. Paths are built for every value the rules look at, and a spread
 * copy reserves room to grow (some 230 bytes for a three-segment path, against some 60 for this one); the common
 * short paths are written out as array literals, which V8 allocates exactly and faster than the spread.
 */
export function childPath(path: YamlPath, segment: string | number): YamlPath {
  switch (path.length) {
    case 0:
      return [segment];
    case 1:
      return [path[0], segment];
    case 2:
      return [path[0], path[1], segment];
    case 3:
      return [path[0], path[1], path[2], segment];
    case 4:
      return [path[0], path[1], path[2], path[3], segment];
    default:
      return [...path, segment];
  }
}
