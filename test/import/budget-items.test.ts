import { describe, expect, it } from 'vitest';
import { parseBudgetCalculation } from '../../src/import/budget-items.js';

describe('资金测算 items', () => {
  it('splits a total and its named parts', () => {
    const calculation = parseBudgetCalculation('按照往年的活动规模与参加人数，整个项目预算为102万，其中党建阵地建设预算56万，群团工作预算为46万。');
    expect(calculation.合计).toBe('102万');
    expect(calculation.明细).toEqual([
      { 名称: '党建阵地建设', 金额: '56万' },
      { 名称: '群团工作', 金额: '46万' },
    ]);
  });

  it('notes when the text states no total', () => {
    const calculation = parseBudgetCalculation('根据往年惯例，第一部分预算为20万元，第二部分12万元。');
    expect(calculation.合计).toBeUndefined();
    expect(calculation.明细).toEqual([
      { 名称: '第一部分', 金额: '20万元' },
      { 名称: '第二部分', 金额: '12万元' },
    ]);
    expect(calculation.notes).toContain('原文未写合计');
  });

  it('names an item by the sentence that gives its basis, keeping the basis', () => {
    const calculation = parseBudgetCalculation(
      '按往年惯例，书记培训项目的依据是：培训两到三天，人数300-500人左右，预算为14万。训练营的经费测算依据，时间为5至7天，按照现有培训标准测算为15万元。',
    );
    expect(calculation.明细).toEqual([
      { 名称: '书记培训项目', 金额: '14万', 依据: '培训两到三天，人数300-500人左右' },
      { 名称: '训练营', 金额: '15万元', 依据: '时间为5至7天，按照现有培训标准测算' },
    ]);
  });

  it('finds nothing in a text without amounts', () => {
    expect(parseBudgetCalculation('根据疫情实际发生情况，进行防疫物资购买。')).toMatchObject({ 明细: [], notes: [] });
  });
});
