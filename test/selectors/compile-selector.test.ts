import { describe, expect, it } from 'vitest';
import { compileSelector, SelectorSyntaxError } from '../../src/selectors/compile-selector.js';

const filing = {
  项目名称: '两新党建',
  项目资金: { 单位: '元', 项目资金总额: { 合计: 286700 } },
  绩效指标: [
    { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '新建党组织', 年度指标值: '>=1家' },
    { 一级指标: '满意度指标', 二级指标: '服务对象满意度指标', 三级指标: '群众满意度', 年度指标值: '>=90%' },
    { 一级指标: '效益指标', 二级指标: '社会效益指标', 三级指标: '覆盖率', 年度指标值: null },
  ],
};

describe('compileSelector', () => {
  it.each([
    ['$', [[]]],
    ['$.项目名称', [['项目名称']]],
    ['$.项目资金.项目资金总额.合计', [['项目资金', '项目资金总额', '合计']]],
    ["$['项目资金']['单位']", [['项目资金', '单位']]],
    ['$.绩效指标[1]', [['绩效指标', 1]]],
    ['$.绩效指标[*]', [['绩效指标', 0], ['绩效指标', 1], ['绩效指标', 2]]],
    ['$.绩效指标[*].三级指标', [['绩效指标', 0, '三级指标'], ['绩效指标', 1, '三级指标'], ['绩效指标', 2, '三级指标']]],
    ['$.项目资金.*', [['项目资金', '单位'], ['项目资金', '项目资金总额']]],
    ["$.绩效指标[?(@.一级指标 == '满意度指标')]", [['绩效指标', 1]]],
    ["$.绩效指标[?(@.一级指标 != '满意度指标')]", [['绩效指标', 0], ['绩效指标', 2]]],
    ['$.绩效指标[?(@.三级指标 =~ /率$/)]', [['绩效指标', 2]]],
    ["$.绩效指标[?(@.一级指标 =~ /效益|产出/ && @.年度指标值)]", [['绩效指标', 0]]],
    ['$.绩效指标[?(@.年度指标值)]', [['绩效指标', 0], ['绩效指标', 1]]],
    ['$.不存在', []],
    ['$.绩效指标[9]', []],
    ['$.项目名称[*]', []],
  ])('%s', (source, expectedPaths) => {
    const selected = compileSelector(source).select(filing);
    expect(selected.map((entry) => entry.path)).toEqual(expectedPaths);
  });

  it('hands back the selected values', () => {
    const [row] = compileSelector("$.绩效指标[?(@.三级指标 == '群众满意度')]").select(filing);
    expect(row.value).toBe(filing.绩效指标[1]);
  });

  it.each([
    ['绩效指标', 0, '必须以 $ 开头'],
    ['$..绩效指标', 2, '不支持递归'],
    ['$.绩效指标[', 7, '方括号'],
    ["$.绩效指标[?(@.一级指标 == 满意度)]", 19, '带引号'],
    ['$.绩效指标[?(@.三级指标 =~ /(/)]', 19, '正则表达式无效'],
    ['$.绩效指标[?(一级指标)]', 9, '@ 开头'],
    ['$.a b', 4, '意外的字符'],
  ])('rejects %s at character %i', (source, offset, wording) => {
    let caught: unknown;
    try {
      compileSelector(source);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SelectorSyntaxError);
    expect((caught as SelectorSyntaxError).offset).toBe(offset);
    expect((caught as SelectorSyntaxError).text.zh).toContain(wording);
  });
});
