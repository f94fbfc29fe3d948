/**
 * The unit summary (单位汇总.yaml): taken from what the document states before its first form (seed 004: `编报绩效
 * 目标的项目4个，涉及项目预算资金165.00万元`), plus any umbrella relation the amounts reveal — a filing whose
 * money is exactly the sum of other filings' (seed 001: 党群综合服务 = “两新”党建 + 社区党建).
 */
import { Decimal } from 'decimal.js';
import { parseMoney, type MoneyUnit } from '../values/money.js';
import { headerValue, sourced, type FilingDraft, type UmbrellaDraft, type UnitSummaryDraft } from './drafts.js';
import type { IssueCollector } from './import-issues.js';
import { rowText, shortPosition, type SourceRow } from './source-model.js';
import { normalizeLabel, withoutExportMarkers, yearIn } from './text-cleanup.js';

const STATEMENT_RE = /编报绩效目标的项目|涉及项目预算资金|个预算单位/;
const SUMMARY_TITLE_RE = /绩效目标.*(?:申报|汇总)表$/;
const SECTION_HEADING_RE = /^绩效目标(?:设置|编报)情况$/;
/** subsets of at most this many other filings are tried when looking for an umbrella */
const MAX_UMBRELLA_CANDIDATES = 16;

export function mapUnitSummary(prelude: readonly SourceRow[], filings: readonly FilingDraft[], issues: IssueCollector): UnitSummaryDraft | undefined {
  const titleIndex = prelude.findIndex((row) => SUMMARY_TITLE_RE.test(normalizeLabel(rowText(row))));
  const statement = prelude.find((row) => STATEMENT_RE.test(rowText(row)));
  const umbrellas = findUmbrellas(filings);
  const used = new Set<SourceRow>();

  let summary: UnitSummaryDraft | undefined;
  if (statement) {
    summary = statedSummary(prelude, titleIndex, statement, filings, used);
  } else if (umbrellas.length > 0) {
    summary = inferredSummary(filings);
  }
  if (summary) summary.合并项目 = umbrellas;

  for (const row of prelude) {
    if (used.has(row)) continue;
    if (titleIndex !== -1 && row === prelude[titleIndex]) {
      issues.note(row.position, {
        zh: `文档标题“${rowText(row)}”未写明项目个数或资金，未导出单位汇总`,
        en: `the document title “${rowText(row)}” states no project count or total; no unit summary is written`,
      });
    } else if (SECTION_HEADING_RE.test(normalizeLabel(rowText(row)))) {
      continue;
    } else {
      issues.unmappedRows([row], { zh: '（首张表之前）', en: '(before the first form)' });
    }
  }
  return summary;
}

function statedSummary(
  prelude: readonly SourceRow[],
  titleIndex: number,
  statement: SourceRow,
  filings: readonly FilingDraft[],
  used: Set<SourceRow>,
): UnitSummaryDraft {
  const text = withoutExportMarkers(rowText(statement));
  used.add(statement);
  const title = titleIndex === -1 ? undefined : prelude[titleIndex];
  if (title) used.add(title);
  const titleText = title ? normalizeLabel(rowText(title)) : undefined;
  const unitRow = titleIndex > 0 ? prelude[titleIndex - 1] : undefined;
  const unitName = unitRow && rowText(unitRow).length <= 40 && !STATEMENT_RE.test(rowText(unitRow)) ? rowText(unitRow) : undefined;
  if (unitRow && unitName) used.add(unitRow);
  const year = yearIn(titleText ?? '') ?? yearIn(text);
  const count = /编报绩效目标的项目\s*(\d+)\s*个/.exec(text);
  const units = /(\d+)\s*个预算单位/.exec(text);
  const money = /项目预算资金\s*([\d,，.]+\s*(?:万元|万|元))/.exec(text);
  const name = unitName && unitRow ? sourced(unitName, unitRow.position) : inferredUnitName(filings);
  return {
    origin: `${shortPosition(statement.position)}的单位汇总说明`,
    ...(titleText ? { 表名: titleText } : {}),
    ...(year === undefined ? {} : { 年度: sourced(year, title?.position ?? statement.position) }),
    单位名称: name,
    ...(units ? { 预算单位数: Number(units[1]) } : {}),
    ...(count ? { 编报项目数: Number(count[1]) } : {}),
    ...(money ? { 项目预算资金: money[1].replace(/\s+/g, '') } : {}),
    说明: text,
    项目: filings.flatMap((filing) => {
      const project = headerValue(filing, '项目名称');
      return project ? [project] : [];
    }),
    合并项目: [],
  };
}

function inferredSummary(filings: readonly FilingDraft[]): UnitSummaryDraft {
  const years = new Set(filings.flatMap((filing) => (filing.年度 ? [filing.年度.value] : [])));
  return {
    origin: '各表资金之间的合并关系；原文未写单位汇总',
    ...(years.size === 1 ? { 年度: sourced([...years][0]) } : {}),
    单位名称: inferredUnitName(filings),
    合并项目: [],
  };
}

/** The 实施单位 most filings print; the others' spellings are named in the note. */
function inferredUnitName(filings: readonly FilingDraft[]): UnitSummaryDraft['单位名称'] {
  const counts = new Map<string, number>();
  for (const filing of filings) {
    const unit = headerValue(filing, '实施单位') ?? headerValue(filing, '主管部门');
    if (unit) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [name] = ranked[0] ?? ['（未知单位）'];
  const others = ranked.slice(1).map(([other]) => `“${other}”`);
  const note = others.length === 0 ? '取各表的实施单位' : `取多数申报表的实施单位；另有表写作${others.join('、')}`;
  return sourced(name, undefined, [note]);
}

/** Each filing whose amount equals the sum of two or more other filings' amounts. */
function findUmbrellas(filings: readonly FilingDraft[]): UmbrellaDraft[] {
  const amounts = filings.flatMap((filing) => {
    const name = headerValue(filing, '项目名称');
    const yuan = amountOf(filing);
    return name && yuan && yuan.greaterThan(0) ? [{ name, yuan }] : [];
  });
  const umbrellas: UmbrellaDraft[] = [];
  for (const candidate of amounts) {
    const others = amounts.filter((other) => other !== candidate && other.yuan.lessThan(candidate.yuan));
    if (others.length < 2 || others.length > MAX_UMBRELLA_CANDIDATES) continue;
    for (let mask = 1; mask < 1 << others.length; mask += 1) {
      const members = others.filter((_, bit) => (mask >> bit) & 1);
      if (members.length < 2) continue;
      const sum = members.reduce((total, member) => total.plus(member.yuan), new Decimal(0));
      if (!sum.equals(candidate.yuan)) continue;
      const names = members.map((member) => member.name);
      umbrellas.push({
        项目名称: candidate.name,
        子项目: names,
        note: `${candidate.name}的资金等于${names.join('与')}之和，视为合并项目`,
      });
      break;
    }
  }
  return umbrellas;
}

function amountOf(filing: FilingDraft): Decimal | undefined {
  const unit: MoneyUnit = filing.funding?.unit?.value ?? '元';
  for (const text of [filing.funding?.annual.get('合计')?.value, filing.funding?.total.get('合计')?.value]) {
    const parsed = parseMoney(text ?? null, unit);
    if (parsed.ok) return parsed.yuan;
  }
  return undefined;
}
