/**
 * What the mapping stages produce and the YAML writer consumes: the filing's fields in the order they will be
 * written, each value with the position it came from and the inferences made to get it.
 */
import type { SourcePosition } from './source-model.js';
import type { HeaderKey, IndicatorColumnKey, MoneyUnitLabel } from './vocabulary.js';

export interface Sourced<T> {
  value: T;
  position?: SourcePosition;
  /** inferences behind the value, written as `# 推断：…` */
  notes: string[];
}

export function sourced<T>(value: T, position?: SourcePosition, notes: readonly string[] = []): Sourced<T> {
  return { value, ...(position ? { position } : {}), notes: [...notes] };
}

/** An amount exactly as printed (`1411700.00`, `1,100,000.00`, `102万`), or null for a blank cell. */
export type AmountText = string | null;

export type TotalKey = '合计' | '财政资金' | '其他资金';
export type AnnualKey = '合计' | '当年财政拨款' | '上年结转资金' | '其他资金';

export interface FundingDraft {
  unit?: Sourced<MoneyUnitLabel>;
  total: Map<TotalKey, Sourced<AmountText>>;
  annual: Map<AnnualKey, Sourced<AmountText>>;
}

export interface GoalsDraft {
  period?: Sourced<string>;
  /** present when the form prints the field, null when it is blank */
  overall?: Sourced<string | null>;
  annual?: Sourced<string | null>;
}

export interface IndicatorDraft {
  fields: Map<IndicatorColumnKey, string | null>;
  position: SourcePosition;
  notes: string[];
}

export interface BudgetItemDraft {
  名称: string;
  金额: string;
  依据?: string;
}

export interface BudgetCalculationDraft {
  说明: string;
  合计?: string;
  明细: BudgetItemDraft[];
  notes: string[];
}

export interface BudgetArrangementDraft {
  资金测算?: BudgetCalculationDraft;
  资金类型?: string;
  执行计划?: string;
}

export type NarrativeKey = '项目概述' | '立项依据' | '实施主体' | '实施方案' | '实施周期' | '年度预算安排' | '绩效目标';

export type NarrativeValue = string | string[] | BudgetArrangementDraft | null;

export interface NarrativeDraft {
  sections: Array<{ key: NarrativeKey; value: Sourced<NarrativeValue> }>;
  /** the narrative's title as printed, e.g. `项目经费情况说明1` */
  title: string;
  position: SourcePosition;
}

export interface FilingDraft {
  ordinal: number;
  position: SourcePosition;
  表名?: Sourced<string>;
  年度?: Sourced<number>;
  /** in the order the form prints them */
  header: Array<{ key: HeaderKey; value: Sourced<string | null> }>;
  /** labelled fields the schema does not know, kept as printed */
  otherInfo: Array<{ label: string; value: Sourced<string | null> }>;
  funding?: FundingDraft;
  goals?: GoalsDraft;
  indicators?: { columns: IndicatorColumnKey[]; rows: IndicatorDraft[] };
  narrative?: NarrativeDraft;
}

export interface UmbrellaDraft {
  项目名称: string;
  子项目: string[];
  /** why the relation was inferred */
  note: string;
}

export interface UnitSummaryDraft {
  /** what the header comment says the summary was taken from */
  origin: string;
  表名?: string;
  年度?: Sourced<number>;
  单位名称: Sourced<string>;
  预算单位数?: number;
  编报项目数?: number;
  项目预算资金?: string;
  说明?: string;
  项目?: string[];
  合并项目: UmbrellaDraft[];
}

export function headerValue(draft: FilingDraft, key: HeaderKey): string | null | undefined {
  return draft.header.find((entry) => entry.key === key)?.value.value;
}
