import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { format } from '../../src/formatters/html.js';
import type { RuleMeta } from '../../src/types.js';
import { CWD, FILING_PATH, ODD_MESSAGE, RULES, fileResult, makeContext, sampleResults, vagueFinding } from './sample-results.js';

const html = (results = sampleResults(), overrides: Parameters<typeof makeContext>[0] = {}) => format(results, makeContext(overrides));
const dom = (page: string) => parseDocument(page).children;
const byClass = (page: string, className: string) =>
  DomUtils.findAll((element) => (element.attribs.class ?? '').split(' ').includes(className), dom(page));
const texts = (page: string, className: string) => byClass(page, className).map((element) => DomUtils.textContent(element));

const UNIT_SOURCE = ['项目名称: 社区党建', '主管部门: 某某街道办事处', '实施单位: <b>某某</b>中心', '绩效指标:', '  - { 三级指标: 党建活动, 年度指标值: 明显 }', ''].join('\n');

describe('html formatter', () => {
  it('is one page that loads nothing from elsewhere', () => {
    const page = html();
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script[^>]+src=|<link|<img|<iframe|@import|url\(/i);
    const resources = DomUtils.findAll((element) => 'src' in element.attribs, dom(page));
    expect(resources).toEqual([]);
  });

  it('escapes messages, paths and quoted source', () => {
    const hostile = fileResult(`${CWD}/<img onerror=x>.yaml`, [{ ...vagueFinding, message: ODD_MESSAGE }], '<script>alert(1)</script>\n');
    const page = html([hostile]);
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img onerror');
    expect(page).not.toContain(`<"a"`);
    expect(texts(page, 'message')).toEqual([ODD_MESSAGE]);
  });

  it('counts files passed and failed, and findings by severity', () => {
    const cards = byClass(html(), 'card').map((card) => DomUtils.textContent(card));
    expect(cards).toEqual(['4文件', '1通过', '3未通过', '3错误', '1警告', '1提示']);
  });

  it('lists findings by rule, linking each rule that has a documentation page', () => {
    const page = html();
    const links = DomUtils.findAll((element) => element.name === 'a', dom(page)).map((link) => link.attribs.href);
    expect(links).toContain('https://ptlint.example/rules/funding-arithmetic');
    const rulesTable = byClass(page, 'by-rule')[0];
    expect(DomUtils.findAll((element) => element.name === 'tr', [rulesTable])).toHaveLength(1 + 5);
  });

  it('never links a rule page through a script URL', () => {
    const rules = new Map<string, RuleMeta>([...RULES, ['indicator-value-format', { ...RULES.get('indicator-value-format')!, docsUrl: 'javascript:alert(1)' }]]);
    expect(html(sampleResults(), { rules })).not.toContain('javascript:');
  });

  it('draws one chart bar per rule', () => {
    const chart = byClass(html(), 'chart')[0];
    const labels = DomUtils.findAll((element) => element.name === 'text' && element.attribs['text-anchor'] === 'end', [chart]);
    expect(labels.map((label) => DomUtils.textContent(label)).sort()).toEqual(['funding-arithmetic', 'indicator-value-format', 'parse-error', 'schema-violation', 'target-wording']);
  });

  it('groups findings by the 主管部门 and 实施单位 read from each filing', () => {
    const page = html([fileResult(FILING_PATH, [vagueFinding], UNIT_SOURCE)]);
    const cells = DomUtils.findAll((element) => element.name === 'td', [byClass(page, 'by-unit')[0]]).map((cell) => DomUtils.textContent(cell));
    // 主管部门, 实施单位, files, failed, errors, warnings, notes
    expect(cells).toEqual(['某某街道办事处', '<b>某某</b>中心', '1', '', '', '1', '']);
    expect(page).toContain('&lt;b&gt;某某&lt;/b&gt;中心');
  });

  it('quotes the offending text with its range marked', () => {
    const page = html();
    const marks = DomUtils.findAll((element) => element.name === 'mark', dom(page)).map((mark) => DomUtils.textContent(mark));
    expect(marks).toContain('明显');
    expect(texts(page, 'quote')).toContain('11  - { 一级指标: 效益指标, 三级指标: 党组织引领企业, 年度指标值: 明显 }');
  });

  it('speaks English when asked', () => {
    const page = html(sampleResults(), { locale: 'en' });
    expect(page).toContain('<html lang="en">');
    expect(byClass(page, 'card').map((card) => DomUtils.textContent(card))).toContain('3Failed');
  });
});
