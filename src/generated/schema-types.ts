// generated — run npm run generate (types from schemas/*.schema.json); do not edit by hand
/**
 * 项目计划开始日期，如 2022-01-01。
 */
export type DateText = string | null;
/**
 * 项目计划完成日期，如 2022-12-31。
 */
export type DateText1 = string | null;
/**
 * 申报表填报日期（部分表样）。
 */
export type DateText2 = string | null;
/**
 * 项目资金总额。
 */
export type Amount = number | string | null;
/**
 * 项目资金总额中的财政资金。
 */
export type Amount1 = number | string | null;
/**
 * 项目资金总额中的其他资金。
 */
export type Amount2 = number | string | null;
/**
 * 年度资金申请总额。
 */
export type Amount3 = number | string | null;
/**
 * 年度资金申请总额中的当年财政拨款。
 */
export type Amount4 = number | string | null;
/**
 * 年度资金申请总额中的上年结转资金。
 */
export type Amount5 = number | string | null;
/**
 * 年度资金申请总额中的其他资金。
 */
export type Amount6 = number | string | null;
/**
 * 资金测算、资金类型与执行计划。
 */
export type BudgetArrangement =
  | {
      资金测算?: BudgetCalculation;
      /**
       * 预算资金来源，如“财政拨款”。
       */
      资金类型?: string | null;
      /**
       * 资金和工作的执行进度安排。
       */
      执行计划?: string | null;
    }
  | string
  | null;
/**
 * 预算的测算过程：原文说明及拆分的测算项。
 */
export type BudgetCalculation = {
  /**
   * 资金测算的原文。
   */
  说明?: string | null;
  合计?: Amount7;
  /**
   * 逐项列出的测算金额，合计应等于项目资金总额。
   */
  明细?: BudgetItem[];
} | null;
/**
 * 原文中写明的项目预算合计，如“整个项目预算为102万”。
 */
export type Amount7 = number | string | null;
/**
 * 测算项金额，可带单位（万、万元、元）；不带单位时按“项目资金.单位”计。
 */
export type Amount8 = number | string | null;

/**
 * 一个支出项目的绩效目标申报表（一表一文件）。字段顺序与纸质表格一致：表头 → 项目资金 → 项目绩效目标 → 绩效指标 →（可选）项目经费情况说明。
 */
export interface Filing {
  /**
   * 表格标题原文，如“财政项目支出绩效目标申报表”“财政项目支出绩效目标填报表1”。
   */
  表名?: string;
  /**
   * 绩效目标对应的预算年度，取自表头“(2022年度)”，如 2022。
   */
  年度?: number;
  /**
   * 预算单位所在地区，如“上海市松江区”。供配置中的地区条件（如 ptlint:shanghai 规则集）使用；不填时从主管部门名称推断。
   */
  地区?: string | null;
  /**
   * 申报的支出项目名称。
   */
  项目名称?: string | null;
  /**
   * 2022年上海表样：经常性项目 / 一次性项目；2026年表样：其他运转类、特定目标类等。
   */
  项目类别?: string | null;
  /**
   * 部分表样有此栏，如“其他经常性项目”。
   */
  项目性质?: string | null;
  /**
   * 项目的主管部门（预算部门）全称。
   */
  主管部门?: string | null;
  /**
   * 部分表样在主管部门后附编码，如“308001”。
   */
  主管部门编码?: string | number | null;
  /**
   * 具体负责实施项目的单位全称。
   */
  实施单位?: string | null;
  计划开始日期?: DateText;
  计划完成日期?: DateText1;
  /**
   * 部分表样以一栏填写起止时间，如“2022年1月-2022年12月”。
   */
  项目起止时间?: string | null;
  /**
   * 项目负责人姓名（部分表样）。
   */
  项目负责人?: string | null;
  /**
   * 项目负责人联系电话（部分表样）。
   */
  联系电话?: string | number | null;
  填报日期?: DateText2;
  项目资金?: Funding;
  绩效目标?: Goals;
  /**
   * 绩效指标表，一行一个三级指标；一级、二级指标在每行重复填写（对应表格中的合并单元格）。
   */
  绩效指标?: IndicatorRow[] | null;
  项目经费情况说明?: Narrative;
  /**
   * 表格之外的说明。
   */
  备注?: string | null;
  /**
   * 本格式未收录的其他表样字段，按“栏目名: 内容”原样记录，不参与检查。
   */
  其他信息?: {
    [k: string]: string | number | boolean | null;
  };
}
/**
 * 项目资金栏：左侧为项目资金总额及其来源，右侧为年度资金申请总额及其来源。
 */
export interface Funding {
  /**
   * 表中金额的计量单位，表头“项目资金（元）”即为 元；部分省份表样为 万元。
   */
  单位?: "元" | "万元";
  项目资金总额?: ProjectTotal;
  年度资金申请总额?: AnnualRequest;
}
/**
 * 项目全周期资金总额 = 财政资金 + 其他资金。
 */
export interface ProjectTotal {
  合计?: Amount;
  财政资金?: Amount1;
  其他资金?: Amount2;
}
/**
 * 本预算年度申请的资金 = 当年财政拨款 + 上年结转资金 + 其他资金，且不超过项目资金总额。
 */
export interface AnnualRequest {
  合计?: Amount3;
  当年财政拨款?: Amount4;
  上年结转资金?: Amount5;
  其他资金?: Amount6;
}
/**
 * 项目总目标（中长期目标）与年度总目标。
 */
export interface Goals {
  /**
   * 项目总目标覆盖的期间，表头“项目总目标（2022年-2022年）”中括号内的文字。
   */
  总目标期间?: string | null;
  /**
   * 项目实施期（中长期）的总体目标；一年期经常性项目常留空。
   */
  项目总目标?: string | null;
  /**
   * 本预算年度要达到的产出和效果，表样中也称“年度总体目标”。
   */
  年度总目标?: string | null;
}
/**
 * 绩效指标表中的一行。指标值可写在“年度指标值”一栏，或按部分省份表样拆为 比较符 / 数值 / 计量单位 三栏。
 */
export interface IndicatorRow {
  /**
   * 成本指标、产出指标、效益指标、满意度指标。
   */
  一级指标?: string | null;
  /**
   * 一级指标下的分类，如 数量指标、质量指标、时效指标、社会效益指标、服务对象满意度指标。
   */
  二级指标?: string | null;
  /**
   * 具体的指标名称：对象 + 可衡量的属性，如“党员群众满意度”“基层党组织培训次数”。
   */
  三级指标?: string | null;
  /**
   * 本年度要达到的值，如 ≥90%、=3次、≤1000元/次、6月30日前；2026年上海表样称“年度(/项目)指标值”。
   */
  年度指标值?: string | number | null;
  /**
   * 指标值拆栏表样中的比较符，如 ≥、≤、=。
   */
  比较符?: string | null;
  /**
   * 指标值拆栏表样中的数值。
   */
  数值?: string | number | null;
  /**
   * 指标值拆栏表样中的计量单位，如 %、次、元/人。
   */
  计量单位?: string | null;
  /**
   * 部分表样在年度指标值旁另有中期（实施期）指标值一栏。
   */
  中期指标值?: string | number | null;
  /**
   * 定量 或 定性。
   */
  指标值类型?: "定量" | "定性" | null;
  /**
   * 指标的权重或分值，各行之和通常为 100。
   */
  权重?: number | string | null;
  /**
   * 指标值的依据：历史标准、行业标准、计划标准等。
   */
  绩效标准?: string | null;
  /**
   * 指标的含义与计算方法。
   */
  指标解释?: string | null;
  /**
   * 指标的评分或扣分标准。
   */
  评分标准?: string | null;
  /**
   * 本行的备注。
   */
  备注?: string | null;
}
/**
 * 随申报表提交的项目说明（部分单位提供）。
 */
export interface Narrative {
  /**
   * 项目的主要内容和预算资金。
   */
  项目概述?: string | null;
  /**
   * 文件依据与工作职能，可写成一段文字或逐条列出。
   */
  立项依据?: string | string[] | null;
  /**
   * 负责实施的单位或科室。
   */
  实施主体?: string | null;
  /**
   * 实施内容和计划。
   */
  实施方案?: string | string[] | null;
  /**
   * 项目实施的起止时间。
   */
  实施周期?: string | null;
  年度预算安排?: BudgetArrangement;
  /**
   * 说明中的绩效目标文字。
   */
  绩效目标?: string | null;
}
/**
 * 资金测算中的一项，如“党建阵地建设 56万”。
 */
export interface BudgetItem {
  /**
   * 测算项名称。
   */
  名称: string;
  金额: Amount8;
  /**
   * 该项金额的测算依据。
   */
  依据?: string | null;
}
/**
 * 一个预算单位的绩效目标编报汇总：声明的项目个数与预算资金总额，以及合并项目与子项目的关系。与该单位的申报表放在同一文件夹中。
 */
export interface UnitSummary {
  /**
   * 汇总表标题原文，如“2022年财政支出项目绩效目标申报表”。
   */
  表名?: string;
  /**
   * 预算年度。
   */
  年度?: number;
  /**
   * 编报单位（部门）全称。
   */
  单位名称: string;
  /**
   * 开展绩效目标编报的预算单位个数。
   */
  预算单位数?: number | null;
  /**
   * 汇总中声明的编报绩效目标的项目个数，应等于本文件夹中该单位的申报表数。
   */
  编报项目数?: number | null;
  /**
   * 汇总中声明的项目预算资金合计，可带单位（如 165.00万元）；应等于各申报表年度资金申请总额之和。
   */
  项目预算资金?: number | string | null;
  /**
   * 汇总的原文，如“编报绩效目标的项目4个，涉及项目预算资金165.00万元”。
   */
  说明?: string | null;
  /**
   * 该单位申报的项目名称；不填时取同一文件夹中的全部申报表。
   */
  项目?: string[];
  /**
   * 合并（综合）项目与其子项目的关系：合并项目的资金应等于子项目之和，且不应与子项目重复申报。
   */
  合并项目?: UmbrellaRelation[];
}
/**
 * 一个合并项目及其子项目。
 */
export interface UmbrellaRelation {
  /**
   * 合并项目的名称。
   */
  项目名称: string;
  /**
   * 被合并的子项目名称。
   *
   * @minItems 1
   */
  子项目: [string, ...string[]];
}
