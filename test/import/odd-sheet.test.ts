import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/import/import-document.js';
import { describePosition } from '../../src/import/source-model.js';

/**
 * A deliberately odd sheet: a note above the form, a label split over two rows, a field the schema does not know,
 * amounts in 万元, the target split into 比较符 / 数值 / 计量单位, a blank (unmerged) category cell, and cells outside
 * every column the form defines. Nothing may be lost silently.
 */
async function oddWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('奇怪的表');
  const put = (address: string, value: string | number): void => {
    sheet.getCell(address).value = value;
  };
  put('A1', '填报说明：请用黑色字迹填写');
  put('A2', '财政项目支出绩效目标申报表');
  put('A3', '（2024年度）');
  Object.entries({ A4: '项目名称', B4: '“智慧”培训', C4: '项目类别', D4: '一次性项目' }).forEach(([address, value]) => put(address, value));
  Object.entries({ A5: '主管部门', B5: '某某区教育局 308001', C5: '实施单位', D5: '某某区教师进修学院' }).forEach(([a, v]) => put(a, v));
  put('A6', '项目起');
  put('B6', '2024年1月-2024年12月');
  put('A7', '止时间');
  put('A8', '资金性质');
  put('B8', '一般公共预算');
  put('A9', '项目资金（万元）');
  sheet.mergeCells('A9:A11');
  Object.entries({ B9: '项目资金总额', D9: '年度资金申请总额', B10: '其中：财政资金', D10: '其中：当年财政拨款', B11: '其他资金', D11: '其他资金' }).forEach(([a, v]) => put(a, v));
  Object.entries({ C9: 102, E9: 102, C10: 102, E10: 102, C11: 0, E11: 0 }).forEach(([a, v]) => put(a, v));
  put('F11', '见附表');
  Object.entries({ A12: '项目绩效目标', B12: '项目总目标', D12: '年度总目标', D13: '完成全年培训任务' }).forEach(([a, v]) => put(a, v));
  const header = { A14: '绩效指标', B14: '一级指标', C14: '二级指标', D14: '三级指标', E14: '比较符', F14: '数值', G14: '计量单位' };
  Object.entries(header).forEach(([a, v]) => put(a, v));
  Object.entries({ B15: '产出指标', C15: '数量指标', D15: '培训人次', E15: '≥', F15: 500, G15: '人次' }).forEach(([a, v]) => put(a, v));
  Object.entries({ C16: '质量指标', D16: '培训合格率', E16: '≥', F16: 90, G16: '%' }).forEach(([a, v]) => put(a, v));
  Object.entries({ B17: '满意度指标', C17: '服务对象满意度指标', D17: '学员满意度', E17: '≥', F17: 90, G17: '%', H17: '请核实' }).forEach(([a, v]) => put(a, v));
  put('A19', '审核意见：同意');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('an odd sheet', async () => {
  const result = await importDocument(await oddWorkbook(), { displayPath: 'odd.xlsx', outDir: '/srv/out' });
  if (!result.ok) throw new Error(result.message.en);
  const [filing] = result.files;
  const data = parse(filing.text) as Record<string, unknown>;

  it('reports every cell it could not map at its sheet position', () => {
    const unmapped = result.issues.filter((issue) => issue.severity === 'unmapped').map((issue) => describePosition(issue.filePath, issue.position, 'en'));
    expect(unmapped.sort()).toEqual(['odd.xlsx:奇怪的表!A1', 'odd.xlsx:奇怪的表!A19', 'odd.xlsx:奇怪的表!F11', 'odd.xlsx:奇怪的表!H17']);
  });

  it('quotes the unmapped content in the report', () => {
    const messages = result.issues.filter((issue) => issue.severity === 'unmapped').map((issue) => issue.message.zh);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('“请核实”'), expect.stringContaining('“见附表”')]));
  });

  it('names the file after the project with its quotation marks dropped', () => {
    expect(result.files.map((file) => file.fileName)).toEqual(['智慧培训.yaml']);
  });

  it('joins the label split over two rows and says so beside the value', () => {
    expect(data['项目起止时间']).toBe('2024年1月-2024年12月');
    expect(filing.text).toMatch(/项目起止时间: 2024年1月-2024年12月 # 推断：标签“项目起”“止时间”跨行/);
  });

  it('keeps an unknown field under 其他信息 and notes it', () => {
    expect(data['其他信息']).toEqual({ 资金性质: '一般公共预算' });
    expect(result.issues).toContainEqual(expect.objectContaining({ severity: 'note', position: { kind: 'sheet', sheet: '奇怪的表', address: 'A8' } }));
  });

  it('splits a code off the 主管部门', () => {
    expect([data['主管部门'], data['主管部门编码']]).toEqual(['某某区教育局', '308001']);
  });

  it('reads the amounts in the unit the form states', () => {
    expect(data['项目资金']).toEqual({
      单位: '万元',
      项目资金总额: { 合计: 102, 财政资金: 102, 其他资金: 0 },
      年度资金申请总额: { 合计: 102, 当年财政拨款: 102, 其他资金: 0 },
    });
  });

  it('maps the split target columns and fills the blank category from the row above, noting it', () => {
    expect(data['绩效指标']).toEqual([
      { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '培训人次', 比较符: '≥', 数值: 500, 计量单位: '人次' },
      { 一级指标: '产出指标', 二级指标: '质量指标', 三级指标: '培训合格率', 比较符: '≥', 数值: 90, 计量单位: '%' },
      { 一级指标: '满意度指标', 二级指标: '服务对象满意度指标', 三级指标: '学员满意度', 比较符: '≥', 数值: 90, 计量单位: '%' },
    ]);
    expect(filing.text).toMatch(/三级指标: 培训合格率.*# 推断：一级指标随上一行/);
    expect(filing.text).not.toMatch(/三级指标: 培训人次.*#/);
  });

  it('takes the year from the line under the title and the lone goal by its column', () => {
    expect(data['年度']).toBe(2024);
    expect(data['绩效目标']).toEqual({ 项目总目标: null, 年度总目标: '完成全年培训任务' });
  });
});
