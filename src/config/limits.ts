/** Bounds that keep one hostile file from exhausting time or memory; `limits` in .ptlintrc.yaml overrides them. */
export interface Limits {
  /** bytes a file may have before it is refused unread */
  maxFileBytes: number;
  /** YAML aliases a document may expand (billion-laughs guard) */
  maxAliases: number;
  /** nesting depth of mappings and sequences */
  maxDepth: number;
  /** time one rule may take on one file (or on one unit, for batch rules) before it is reported as failed */
  ruleMilliseconds: number;
}

/**
 * Nesting the YAML parser is allowed to reach whatever `maxDepth` says: past it the file is refused while being
 * read. The parser builds one token per open collection and the composer recurses once per level, so without a
 * ceiling 9 MB of `[` would cost minutes and gigabytes; 1,000 levels stay well inside the default call stack.
 * A `maxDepth` above it has no further effect.
 */
export const PARSER_DEPTH_CEILING = 1000;

export const DEFAULT_LIMITS: Readonly<Limits> = { maxFileBytes: 10 * 1024 * 1024, maxAliases: 100, maxDepth: 64, ruleMilliseconds: 2000 };

export function limitsFrom(configData: unknown): Limits {
  const configured = (configData as { limits?: Partial<Limits> } | undefined)?.limits ?? {};
  return { ...DEFAULT_LIMITS, ...configured };
}

/**
 * Nesting depth of plain data, measured without recursion so that depth itself cannot overflow the stack. Every
 * file is measured, so only collections are queued (scalars add no depth), each with its depth in a parallel stack.
 */
export function depthOf(data: unknown, stopAt: number): number {
  if (data === null || typeof data !== 'object') return 0;
  let deepest = 0;
  const pending: object[] = [data];
  const depths: number[] = [1];
  while (pending.length > 0) {
    const value = pending.pop()!;
    const depth = depths.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAt) return deepest;
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) {
      if (child !== null && typeof child === 'object') {
        pending.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return deepest;
}
