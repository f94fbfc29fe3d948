import { defineFilingFunction } from '../engine/function-api.js';
import { canonicalCategory, indicatorRows, type IndicatorRow } from '../domain/indicator-rows.js';
import { perOptions } from '../domain/per-document.js';
import { indicatorTargetOf } from '../domain/target-cells.js';
import type { TargetKind } from '../values/target.js';

interface Options {
  /** 一级指标 names (canonical) whose rows are counted; every row when omitted */
  level1?: string[];
  /** alias → canonical category name */
  aliases?: Record<string, string>;
  /** target kinds that count as quantified */
  quantifiedKinds: TargetKind[];
  /** target kinds left out of the count altogether (blank or unparseable values are other rules' findings) */
  ignoredKinds?: TargetKind[];
  /** report when the quantified rows are fewer than this share of the counted rows (0–1) */
  minShare?: number;
  /** report when the quantified rows are fewer than this many */
  minCount?: number;
  /** fewer counted rows than this are not judged */
  minRows?: number;
  /** how many unquantified rows the message quotes */
  quoteLimit?: number;
}

interface CountedRow {
  row: IndicatorRow;
  /** the target as written (untrimmed) */
  raw: string;
  quantified: boolean;
}

const PERCENT = 100;

/**
 * Counts how many indicator rows (optionally of some 一级 categories) state a quantified target — by default a
 * number, range or deadline — and reports when they are fewer than `minShare` of the rows or fewer than `minCount`.
 * Selected value: the 绩效指标 table. One finding per table: on the first counted row's 一级指标 when `level1`
 * narrows the rows, else on the table's key.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['quantifiedKinds'],
    anyOf: [{ required: ['minShare'] }, { required: ['minCount'] }],
    properties: {
      level1: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
      aliases: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
      quantifiedKinds: { type: 'array', minItems: 1, items: { enum: ['quantity', 'range', 'deadline', 'qualitative'] } },
      ignoredKinds: { type: 'array', items: { enum: ['empty', 'unparseable', 'qualitative', 'quantity', 'range', 'deadline'] } },
      minShare: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      minCount: { type: 'integer', minimum: 1 },
      minRows: { type: 'integer', minimum: 1 },
      quoteLimit: { type: 'integer', minimum: 1 },
    },
  },
  messageIds: ['belowShare', 'belowCount'],
  run(target, options, context) {
    const facts = context.facts(context.document);
    const { ignored } = sets(options);
    const counted: CountedRow[] = [];
    for (const row of rowsInScope(indicatorRows(target.value, target.path, context.document), options)) {
      const parsed = indicatorTargetOf(facts, row.path, row.fields).target;
      if (ignored.has(parsed.kind)) continue;
      counted.push({ row, raw: parsed.raw, quantified: options.quantifiedKinds.includes(parsed.kind) });
    }
    if (counted.length === 0 || counted.length < (options.minRows ?? 1)) return;
    const quantified = counted.filter((entry) => entry.quantified).length;
    const share = quantified / counted.length;
    const messageId =
      options.minCount !== undefined && quantified < options.minCount ? 'belowCount' : options.minShare !== undefined && share < options.minShare ? 'belowShare' : undefined;
    if (messageId === undefined) return;
    const data = {
      total: counted.length,
      quantified,
      share: `${Math.round(share * PERCENT)}%`,
      minShare: `${Math.round((options.minShare ?? 0) * PERCENT)}%`,
      minCount: options.minCount ?? 0,
      qualitative: quoteUnquantified(counted, options.quoteLimit ?? 3),
    };
    const place = options.level1 ? { path: [...counted[0].row.path, '一级指标'] } : { path: target.path, part: 'key' as const };
    context.report({ messageId, data, ...place });
  },
});

/** The options' lists as sets, built once per rule. */
const sets = perOptions((options: Options) => ({
  ignored: new Set<TargetKind>(options.ignoredKinds ?? []),
  level1: options.level1 && new Set(options.level1),
}));

function rowsInScope(rows: readonly IndicatorRow[], options: Options): readonly IndicatorRow[] {
  const wanted = sets(options).level1;
  if (!wanted) return rows;
  return rows.filter((row) => wanted.has(canonicalCategory(row.level1, options.aliases)));
}

/** `党组织引领企业（明显）、党建活动环境改善度（明显）等 3 项` */
function quoteUnquantified(counted: readonly CountedRow[], limit: number): string {
  const unquantified = counted.filter((entry) => !entry.quantified);
  const quoted = unquantified.slice(0, limit).map((entry) => `${entry.row.name}（${entry.raw.trim()}）`).join('、');
  return unquantified.length > limit ? `${quoted}…` : quoted;
}
