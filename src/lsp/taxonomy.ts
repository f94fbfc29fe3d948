import type { ResolvedRuleSet } from '../ruleset/resolve-ruleset.js';
import { FILING_SCHEMA, schemaAt } from '../schema/schemas.js';

/** 一级 → 二级 indicator names, for completing a row's categories. */
export interface Taxonomy {
  level1: string[];
  /** the 二级 names valid under a 一级; every known 二级 when the parent is unknown */
  level2Under(level1: string): string[];
}

const ROW = ['绩效指标', 0] as const;

/**
 * The taxonomy in force: the 一级 → 二级 lists given as options of the rule set's rules (indicator-category-valid
 * names the whole taxonomy; indicator-categories-required names the categories it requires), completed by the
 * filing schema's `examples` of 一级指标 and 二级指标 for what no rule names.
 */
export function taxonomyOf(ruleSet: ResolvedRuleSet | undefined): Taxonomy {
  const children = new Map<string, Set<string>>();
  for (const active of ruleSet?.activeRules(undefined, '') ?? []) collectLevels(active.options, children);
  const level1 = unique([...stringExamples([...ROW, '一级指标']), ...children.keys()]);
  const allLevel2 = unique([...[...children.values()].flatMap((names) => [...names]), ...stringExamples([...ROW, '二级指标'])]);
  return {
    level1,
    level2Under: (parent) => {
      const known = children.get(parent);
      return known && known.size > 0 ? [...known] : allLevel2;
    },
  };
}

/**
 * Reads 一级 → 二级 lists from rule options of either shape: `{ 产出指标: [数量指标, …] }` or
 * `[{ level1: 产出指标, level2: [数量指标, …] }]`, wherever they sit in the options.
 */
function collectLevels(options: unknown, into: Map<string, Set<string>>): void {
  if (Array.isArray(options)) {
    for (const entry of options) {
      const record = entry as { level1?: unknown; level2?: unknown } | null;
      if (record && typeof record.level1 === 'string' && Array.isArray(record.level2)) add(into, record.level1, record.level2);
      else collectLevels(entry, into);
    }
    return;
  }
  if (options === null || typeof options !== 'object') return;
  const level1Names = new Set(stringExamples([...ROW, '一级指标']));
  for (const [key, value] of Object.entries(options)) {
    if (level1Names.has(key) && Array.isArray(value)) add(into, key, value);
    else collectLevels(value, into);
  }
}

function add(into: Map<string, Set<string>>, level1: string, level2: unknown[]): void {
  const names = into.get(level1) ?? new Set<string>();
  for (const name of level2) if (typeof name === 'string') names.add(name);
  into.set(level1, names);
}

function stringExamples(path: ReadonlyArray<string | number>): string[] {
  return (schemaAt(FILING_SCHEMA, path)?.examples ?? []).filter((example): example is string => typeof example === 'string');
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
