import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importDocument, type ImportedFile } from '../../src/import/import-document.js';

/** Two forms in one extracted text, written the way other templates and exports write them. */
const DOCUMENT = [
  '2023年财政项目支出绩效目标申报表',
  '项目名称：\t“乡村”振兴\t项目类别:\t一次性项目',
  '主管部门\t某某县农业农村局\t实施单位\t某某镇人民政府',
  '项目起\t2023年1月-2023年12月',
  '止时间',
  '项目资金（万元）\t项目资金总额\t50\t年度资金申请总额\t50',
  '\t其中：财政资金\t50\t其中：当年财政拨款\t50',
  '\t其他资金\t0\t其他资金\t0',
  '项目总目标\t\t年度总目标',
  '\t\t完成乡村道路修缮',
  '一级指标\t二级指标\t三级指标\t指标值',
  '\t\t道路修缮长度\t≥10公里',
  '产出指标\t数量指标\t新建路灯\t≥20盏',
  '\t时效指标\t完工时间\t12月31日前',
  '效益指标\t社会效益指标\t群众出行便利度\t提升',
  '满意度指标\t服务对象满意度指标\t村民满意度\t≥85％',
  '',
  '财政项目支出绩效目标申报表',
  '(2023 年度)',
  '项目名称\t教师培训\t项目类别\t经常性项目',
  '一级指标\t二级指标\t三级指标\t比较符\t数值\t计量单位',
  '产出指标\t数量指标\t培训人次\t≥\t500\t人次',
  '\t\t培训天数\t=\t5\t天',
].join('\n');

describe('forms in one extracted text', async () => {
  const result = await importDocument(Buffer.from(DOCUMENT), { displayPath: 'forms.txt', outDir: '/srv/out' });
  if (!result.ok) throw new Error(result.message.en);
  const byName = new Map(result.files.map((file: ImportedFile) => [file.fileName, file]));
  const village = byName.get('乡村振兴.yaml');
  const training = byName.get('教师培训.yaml');
  const data = (file: ImportedFile | undefined) => parse(file?.text ?? '') as Record<string, unknown>;

  it('writes one filing per form and leaves nothing unmapped', () => {
    expect([...byName.keys()].sort()).toEqual(['乡村振兴.yaml', '教师培训.yaml']);
    expect(result.issues.filter((issue) => issue.severity === 'unmapped')).toEqual([]);
  });

  it('takes the year from the title when no year line follows it, and says so', () => {
    expect(data(village)['年度']).toBe(2023);
    expect(village?.text).toMatch(/年度: 2023 # 推断：年度取自表名/);
    expect(data(training)['年度']).toBe(2023);
  });

  it('reads labels with full-width and ASCII colons alike, and joins a split label', () => {
    expect(data(village)).toMatchObject({ 项目名称: '“乡村”振兴', 项目类别: '一次性项目', 项目起止时间: '2023年1月-2023年12月' });
  });

  it('keeps amounts in the 万元 the form states', () => {
    expect(data(village)['项目资金']).toMatchObject({ 单位: '万元', 项目资金总额: { 合计: 50 } });
  });

  it('fills categories from below for the rows above a merged label, and from above after it', () => {
    const rows = data(village)['绩效指标'] as Array<Record<string, string>>;
    expect(rows.map((row) => [row['一级指标'], row['二级指标'], row['三级指标'], row['年度指标值']])).toEqual([
      ['产出指标', '数量指标', '道路修缮长度', '≥10公里'],
      ['产出指标', '数量指标', '新建路灯', '≥20盏'],
      ['产出指标', '时效指标', '完工时间', '12月31日前'],
      ['效益指标', '社会效益指标', '群众出行便利度', '提升'],
      ['满意度指标', '服务对象满意度指标', '村民满意度', '≥85％'],
    ]);
    const lines = village?.text.split('\n') ?? [];
    expect(lines.find((line) => line.includes('道路修缮长度'))).toContain('# 推断：一级、二级指标取自下方');
    expect(lines.find((line) => line.includes('完工时间'))).toContain('# 推断：一级指标随上一行');
    expect(lines.find((line) => line.includes('新建路灯'))).not.toContain('#');
  });

  it('maps comparator, number and unit columns by their order in extracted text', () => {
    expect(data(training)['绩效指标']).toEqual([
      { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '培训人次', 比较符: '≥', 数值: 500, 计量单位: '人次' },
      { 一级指标: '产出指标', 二级指标: '数量指标', 三级指标: '培训天数', 比较符: '=', 数值: 5, 计量单位: '天' },
    ]);
  });
});

describe('what cannot be a form', () => {
  it('reports a document with no 项目名称 at its first line', async () => {
    const result = await importDocument(Buffer.from('\n\n会议纪要\n同意立项'), { displayPath: 'notes.txt', outDir: '/srv/out' });
    expect(result).toMatchObject({ ok: true, files: [] });
    if (result.ok) expect(result.issues[0]).toMatchObject({ severity: 'unmapped', position: { kind: 'text', line: 3 } });
  });

  it('refuses a file type it has no reader for', async () => {
    const result = await importDocument(Buffer.from('x'), { displayPath: 'form.pdf', outDir: '/srv/out' });
    expect(result).toMatchObject({ ok: false, message: { en: expect.stringContaining('unsupported file type') } });
  });
});
