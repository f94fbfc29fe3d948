/**
 * The printed labels of the forms and the indicator taxonomy, compared in their normalized form
 * (text-cleanup.normalizeLabel). Aliases seen in other provinces' templates map to the schema's key.
 */
import { normalizeLabel } from './text-cleanup.js';

export type HeaderKey =
  | '项目名称'
  | '项目类别'
  | '项目性质'
  | '主管部门'
  | '主管部门编码'
  | '实施单位'
  | '计划开始日期'
  | '计划完成日期'
  | '项目起止时间'
  | '项目负责人'
  | '联系电话'
  | '填报日期';

const HEADER_LABELS: Readonly<Record<string, HeaderKey>> = {
  项目名称: '项目名称',
  项目类别: '项目类别',
  项目性质: '项目性质',
  主管部门: '主管部门',
  主管部门名称: '主管部门',
  预算部门: '主管部门',
  主管部门编码: '主管部门编码',
  主管部门及代码: '主管部门',
  实施单位: '实施单位',
  项目实施单位: '实施单位',
  计划开始日期: '计划开始日期',
  项目开始日期: '计划开始日期',
  计划完成日期: '计划完成日期',
  项目完成日期: '计划完成日期',
  项目起止时间: '项目起止时间',
  项目期限: '项目起止时间',
  项目负责人: '项目负责人',
  联系电话: '联系电话',
  填报日期: '填报日期',
};

/** Where a funding label's amount goes; `其他资金` is on both sides and is resolved by its column. */
export type FundingSlot =
  | { side: 'total'; key: '合计' | '财政资金' | '其他资金' }
  | { side: 'annual'; key: '合计' | '当年财政拨款' | '上年结转资金' | '其他资金' }
  | { side: 'either'; key: '其他资金' };

const FUNDING_LABELS: Readonly<Record<string, FundingSlot>> = {
  项目资金总额: { side: 'total', key: '合计' },
  项目总资金: { side: 'total', key: '合计' },
  财政资金: { side: 'total', key: '财政资金' },
  年度资金申请总额: { side: 'annual', key: '合计' },
  年度资金总额: { side: 'annual', key: '合计' },
  当年财政拨款: { side: 'annual', key: '当年财政拨款' },
  上年结转资金: { side: 'annual', key: '上年结转资金' },
  上年结转: { side: 'annual', key: '上年结转资金' },
  其他资金: { side: 'either', key: '其他资金' },
};

export type MoneyUnitLabel = '元' | '万元';

export type GoalLabel = '项目总目标' | '年度总目标';

export type IndicatorColumnKey =
  | '一级指标'
  | '二级指标'
  | '三级指标'
  | '年度指标值'
  | '比较符'
  | '数值'
  | '计量单位'
  | '中期指标值'
  | '指标值类型'
  | '权重'
  | '绩效标准'
  | '指标解释'
  | '评分标准'
  | '备注';

const INDICATOR_COLUMN_LABELS: Readonly<Record<string, IndicatorColumnKey>> = {
  一级指标: '一级指标',
  二级指标: '二级指标',
  三级指标: '三级指标',
  年度指标值: '年度指标值',
  '年度(/项目)指标值': '年度指标值',
  '年度(项目)指标值': '年度指标值',
  指标值: '年度指标值',
  目标值: '年度指标值',
  比较符: '比较符',
  符号: '比较符',
  数值: '数值',
  指标值数值: '数值',
  计量单位: '计量单位',
  度量单位: '计量单位',
  单位: '计量单位',
  中期指标值: '中期指标值',
  实施期指标值: '中期指标值',
  指标值类型: '指标值类型',
  指标性质: '指标值类型',
  权重: '权重',
  分值: '权重',
  '权重(分值)': '权重',
  绩效标准: '绩效标准',
  指标解释: '指标解释',
  '评(扣)分标准': '评分标准',
  评分标准: '评分标准',
  扣分标准: '评分标准',
  备注: '备注',
};

/** 二级 → 一级 (domain.md §2); aliases keep their own spelling in the filing. */
const LEVEL2_PARENT: Readonly<Record<string, string>> = {
  经济成本指标: '成本指标',
  社会成本指标: '成本指标',
  生态环境成本指标: '成本指标',
  数量指标: '产出指标',
  质量指标: '产出指标',
  时效指标: '产出指标',
  进度指标: '产出指标',
  经济效益指标: '效益指标',
  社会效益指标: '效益指标',
  生态效益指标: '效益指标',
  环境效益指标: '效益指标',
  可持续影响指标: '效益指标',
  服务对象满意度指标: '满意度指标',
  社会公众或服务对象满意度指标: '满意度指标',
};

const LEVEL1_NAMES = new Set(['成本指标', '产出指标', '效益指标', '满意度指标']);

/** What a cell's text is, when it is one of the form's printed words rather than content. */
export type LabelMatch =
  | { kind: 'header'; key: HeaderKey }
  | { kind: 'funding'; slot: FundingSlot }
  /** `项目资金`, `项目资金（元）` or a lone `（元）`: the funding block and possibly its unit */
  | { kind: 'funding-block'; unit?: MoneyUnitLabel }
  | { kind: 'goals-block' }
  /** `项目总目标（2022年-2022年）`: the period is what the brackets hold */
  | { kind: 'goal'; key: GoalLabel; period?: string }
  | { kind: 'indicators-block' }
  | { kind: 'indicator-column'; key: IndicatorColumnKey }
  | { kind: 'category'; level: 1 | 2; name: string };

const PERIOD_RE = /^(项目总目标|中长期目标|长期目标|实施期目标)(?:\((.*)\))?$/;
const UNIT_RE = /^(?:项目资金)?(?:\((万元|元)\))?$/;

export function matchLabel(text: string): LabelMatch | undefined {
  const label = normalizeLabel(text);
  if (label === '') return undefined;
  const header = HEADER_LABELS[label];
  if (header) return { kind: 'header', key: header };
  const funding = FUNDING_LABELS[label];
  if (funding) return { kind: 'funding', slot: funding };
  const unit = UNIT_RE.exec(label);
  if (unit && label !== '') return { kind: 'funding-block', ...(unit[1] ? { unit: unit[1] === '万元' ? '万元' : '元' } : {}) };
  if (label === '项目绩效目标' || label === '绩效目标') return { kind: 'goals-block' };
  const overall = PERIOD_RE.exec(label);
  if (overall) return { kind: 'goal', key: '项目总目标', ...(overall[2] ? { period: periodAsWritten(text) } : {}) };
  if (['年度总目标', '年度总体目标', '年度目标', '年度绩效目标'].includes(label)) return { kind: 'goal', key: '年度总目标' };
  if (label === '绩效指标') return { kind: 'indicators-block' };
  const column = INDICATOR_COLUMN_LABELS[label];
  if (column) return { kind: 'indicator-column', key: column };
  return matchCategory(text);
}

export function matchCategory(text: string): LabelMatch | undefined {
  const label = normalizeLabel(text);
  if (LEVEL1_NAMES.has(label)) return { kind: 'category', level: 1, name: label };
  if (label in LEVEL2_PARENT) return { kind: 'category', level: 2, name: label };
  return undefined;
}

export function parentCategory(level2: string): string | undefined {
  return LEVEL2_PARENT[normalizeLabel(level2)];
}

/** Every printed label, normalized: a cell holding the start of one may be a label split over two lines. */
export const ALL_LABELS: readonly string[] = [
  ...Object.keys(HEADER_LABELS),
  ...Object.keys(FUNDING_LABELS),
  '项目资金',
  '项目绩效目标',
  '项目总目标',
  '年度总目标',
  '年度总体目标',
  '绩效指标',
  ...Object.keys(INDICATOR_COLUMN_LABELS),
  ...LEVEL1_NAMES,
  ...Object.keys(LEVEL2_PARENT),
];

/** The bracketed period of `项目总目标 (2022 年- 2022年)` with its inner spacing kept. */
function periodAsWritten(text: string): string {
  const match = /[(（]([^()（）]*)[)）]\s*$/.exec(text);
  return match ? match[1].trim() : '';
}
