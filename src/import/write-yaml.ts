/**
 * Writes drafts as YAML in the layout of examples/: a modeline and a `来源` header comment, blank lines between
 * the form's parts, one flow mapping per indicator row, and `# 推断：…` beside every value that was inferred.
 * Amounts and numbers keep the digits they were printed with (`1411700.00` stays `1411700.00`).
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type {
  AmountText,
  BudgetArrangementDraft,
  FilingDraft,
  GoalsDraft,
  IndicatorDraft,
  NarrativeValue,
  UnitSummaryDraft,
} from './drafts.js';

export interface WriteContext {
  /** the schema's path relative to the folder the file is written to */
  schemaPath: string;
  /** the comment's `来源：` line, after the colon */
  origin: string;
}

const LONG_TEXT = 40;
const TO_STRING_OPTIONS = { lineWidth: 0, nullStr: '' } as const;

export function filingYaml(draft: FilingDraft, context: WriteContext): string {
  const root = new YAMLMap();
  if (draft.表名) add(root, '表名', plain(draft.表名.value), draft.表名.notes);
  if (draft.年度) add(root, '年度', new Scalar(draft.年度.value), draft.年度.notes);
  for (const { key, value } of draft.header) add(root, key, key === '联系电话' || key === '主管部门编码' ? plain(value.value) : text(value.value), value.notes);
  if (draft.otherInfo.length > 0) {
    const other = new YAMLMap();
    for (const { label, value } of draft.otherInfo) add(other, label, text(value.value), value.notes);
    add(root, '其他信息', other, [], { spaceBefore: true });
  }
  if (draft.funding) {
    const funding = new YAMLMap();
    if (draft.funding.unit) add(funding, '单位', plain(draft.funding.unit.value), draft.funding.unit.notes);
    for (const [side, amounts] of [['项目资金总额', draft.funding.total], ['年度资金申请总额', draft.funding.annual]] as const) {
      if (amounts.size === 0) continue;
      const map = new YAMLMap();
      for (const [key, amount] of amounts) add(map, key, amountScalar(amount.value), amount.notes);
      add(funding, side, map);
    }
    add(root, '项目资金', funding, [], { spaceBefore: true });
  }
  if (draft.goals) add(root, '绩效目标', goalsMap(draft.goals), [], { spaceBefore: true });
  if (draft.indicators) {
    const table = new YAMLSeq();
    for (const row of draft.indicators.rows) table.items.push(indicatorRow(row));
    add(root, '绩效指标', table, [], { spaceBefore: true });
  }
  if (draft.narrative) {
    const narrative = new YAMLMap();
    for (const { key, value } of draft.narrative.sections) add(narrative, key, narrativeNode(value.value), value.notes, { notesAbove: true });
    add(root, '项目经费情况说明', narrative, [], { spaceBefore: true });
  }
  return documentText(root, context, 'filing.schema.json');
}

export function unitSummaryYaml(summary: UnitSummaryDraft, context: WriteContext): string {
  const root = new YAMLMap();
  if (summary.表名) add(root, '表名', plain(summary.表名));
  if (summary.年度) add(root, '年度', new Scalar(summary.年度.value), summary.年度.notes);
  add(root, '单位名称', plain(summary.单位名称.value), summary.单位名称.notes);
  if (summary.预算单位数 !== undefined) add(root, '预算单位数', new Scalar(summary.预算单位数));
  if (summary.编报项目数 !== undefined) add(root, '编报项目数', new Scalar(summary.编报项目数));
  if (summary.项目预算资金 !== undefined) add(root, '项目预算资金', amountScalar(summary.项目预算资金));
  if (summary.说明 !== undefined) add(root, '说明', text(summary.说明));
  if (summary.项目 && summary.项目.length > 0) add(root, '项目', sequence(summary.项目.map(plain)), [], { spaceBefore: true });
  if (summary.合并项目.length > 0) {
    const umbrellas = sequence(
      summary.合并项目.map((umbrella) => {
        const map = flowMap();
        add(map, '项目名称', plain(umbrella.项目名称));
        const children = sequence(umbrella.子项目.map(plain));
        children.flow = true;
        add(map, '子项目', children);
        map.comment = comment([umbrella.note]);
        return map;
      }),
    );
    add(root, '合并项目', umbrellas, [], { spaceBefore: true });
  }
  return documentText(root, context, 'unit.schema.json');
}

function documentText(root: YAMLMap, context: WriteContext, schemaFile: string): string {
  const first = root.items[0]?.key;
  if (first instanceof Scalar) {
    const lines = [` yaml-language-server: $schema=${context.schemaPath.replace(/[^/\\]*$/, schemaFile)}`, ` 来源：${context.origin}`];
    first.commentBefore = [...lines, ...(first.commentBefore ? [first.commentBefore] : [])].join('\n');
  }
  const document = new Document(root);
  return document.toString(TO_STRING_OPTIONS);
}

function goalsMap(goals: GoalsDraft): YAMLMap {
  const map = new YAMLMap();
  if (goals.period) add(map, '总目标期间', plain(goals.period.value), goals.period.notes);
  for (const [key, goal] of [['项目总目标', goals.overall], ['年度总目标', goals.annual]] as const) {
    if (goal) add(map, key, text(goal.value), goal.notes, { notesAbove: true });
  }
  return map;
}

function indicatorRow(row: IndicatorDraft): YAMLMap {
  const map = flowMap();
  for (const [key, value] of row.fields) add(map, key, key === '数值' || key === '年度指标值' || key === '权重' ? targetScalar(value) : plain(value));
  if (row.notes.length > 0) map.comment = comment(row.notes);
  return map;
}

function narrativeNode(value: NarrativeValue): Scalar | YAMLSeq | YAMLMap {
  if (value === null || typeof value === 'string') return text(value);
  if (Array.isArray(value)) return sequence(value.map(plain));
  return budgetArrangement(value);
}

function budgetArrangement(arrangement: BudgetArrangementDraft): YAMLMap {
  const map = new YAMLMap();
  const calculation = arrangement.资金测算;
  if (calculation) {
    const node = new YAMLMap();
    add(node, '说明', text(calculation.说明));
    if (calculation.合计 !== undefined) add(node, '合计', plain(calculation.合计));
    if (calculation.明细.length > 0) {
      const items = sequence(
        calculation.明细.map((item) => {
          const itemMap = item.依据 === undefined ? flowMap() : new YAMLMap();
          add(itemMap, '名称', plain(item.名称));
          add(itemMap, '金额', amountScalar(item.金额));
          if (item.依据 !== undefined) add(itemMap, '依据', plain(item.依据));
          return itemMap;
        }),
      );
      add(node, '明细', items, calculation.notes, { notesAbove: true });
    }
    add(map, '资金测算', node);
  }
  if (arrangement.资金类型 !== undefined) add(map, '资金类型', text(arrangement.资金类型));
  if (arrangement.执行计划 !== undefined) add(map, '执行计划', text(arrangement.执行计划));
  return map;
}

interface AddOptions {
  spaceBefore?: boolean;
  /** put the notes on their own line above the key (long or nested values) rather than after the value */
  notesAbove?: boolean;
}

function add(map: YAMLMap, key: string, value: Scalar | YAMLMap | YAMLSeq, notes: readonly string[] = [], options: AddOptions = {}): void {
  const keyNode = new Scalar(key);
  if (options.spaceBefore) keyNode.spaceBefore = true;
  if (notes.length > 0) {
    const isBlockScalar = value instanceof Scalar && (value.type === 'BLOCK_FOLDED' || value.type === 'BLOCK_LITERAL');
    if (options.notesAbove || isBlockScalar || !(value instanceof Scalar)) keyNode.commentBefore = comment(notes);
    else value.comment = comment(notes);
  }
  map.items.push(new Pair(keyNode, value));
}

function comment(notes: readonly string[]): string {
  return ` 推断：${notes.join('；')}`;
}

function plain(value: string | null): Scalar {
  return new Scalar(value);
}

/** Free text: several lines as a literal block, a long line folded (it stays on one line), else plain. */
function text(value: string | null): Scalar {
  const scalar = new Scalar(value);
  if (value !== null && value.includes('\n')) scalar.type = 'BLOCK_LITERAL';
  else if (value !== null && value.length > LONG_TEXT) scalar.type = 'BLOCK_FOLDED';
  return scalar;
}

/** A plain decimal is written as a YAML number with its printed decimals; anything else (`1,100,000.00`) as text. */
function amountScalar(value: AmountText): Scalar {
  if (value === null || !/^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,6})?$/.test(value)) return new Scalar(value);
  const scalar = new Scalar(Number(value));
  const decimals = value.split('.')[1]?.length ?? 0;
  if (decimals > 0) scalar.minFractionDigits = decimals;
  return scalar;
}

/**
 * A target as written: a number as a number, `=100%` quoted because YAML 1.1 readers (PyYAML) give a leading `=`
 * a meaning of its own, anything else plain where YAML allows.
 */
function targetScalar(value: string | null): Scalar {
  const scalar = amountScalar(value);
  if (typeof scalar.value === 'string' && scalar.value.startsWith('=')) scalar.type = 'QUOTE_DOUBLE';
  return scalar;
}

function flowMap(): YAMLMap {
  const map = new YAMLMap();
  map.flow = true;
  return map;
}

function sequence(items: ReadonlyArray<Scalar | YAMLMap>): YAMLSeq {
  const seq = new YAMLSeq();
  seq.items.push(...items);
  return seq;
}
