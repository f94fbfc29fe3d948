import { isMap, isScalar } from 'yaml';
import { composeBounded } from '../parse/compose-bounded.js';
import type { FileResult, Finding, FormatContext, Locale, Severity } from '../types.js';
import { countSeverities, type SeverityCounts } from '../engine/severity-counts.js';
import { relativePath, severityWord } from './shared.js';
import { streamingFormatter, type CreateReportWriter } from './streaming/report-writer.js';
import { Spool } from './streaming/spool.js';

/**
 * One self-contained page for a reviewer: a summary (filings passed and failed, findings by rule and by unit, a
 * chart), then every file with its findings, the offending text quoted and each rule linked to its page. Styles,
 * script and chart are inline and nothing is fetched, so the page works offline and from an e-mail attachment.
 * Every piece of text from the results is escaped.
 */
export const createWriter: CreateReportWriter = (context) => {
  const text = LABELS[context.locale];
  // The summary opens the page but sums up every file, so the file sections wait in a spool while only the
  // tallies are kept: per severity, per rule, per unit — not the results.
  const sections = new Spool();
  const tally: RunTally = { files: 0, failed: 0, totals: { error: 0, warning: 0, info: 0 }, rules: new Map(), units: new Map() };
  return {
    begin: () => '',
    unit(results) {
      for (const result of results) {
        const file = describeFile(result, tally.files, context);
        addToTally(tally, file, text);
        sections.write(`${tally.files === 1 ? '' : '\n'}${fileSection(file, context, text)}`);
      }
      return '';
    },
    *end() {
      const head = [
        `<header><h1>${escapeHtml(text.title)}</h1><p class="meta">ptlint ${escapeHtml(context.version)} · ${escapeHtml(text.folder)} ${escapeHtml(context.cwd)}</p></header>`,
        summarySection(tally, text),
        rulesSection(tally.rules, context, text),
        unitsSection(tally.units, text),
        filtersBar(text),
      ].join('\n');
      yield `<!doctype html>
<html lang="${context.locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${head}
<main>`;
      yield* sections.drain();
      yield `</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
    },
    dispose: () => sections.dispose(),
  };
};

export const format = streamingFormatter(createWriter);

/** What the summary, rule and unit tables need of the files seen so far. */
interface RunTally {
  files: number;
  failed: number;
  totals: SeverityCounts;
  rules: Map<string, RuleCount>;
  /** by department and implementing unit, in the order first seen */
  units: Map<string, UnitGroup>;
}

interface UnitGroup {
  authority: string;
  unit: string;
  files: number;
  failed: number;
  counts: SeverityCounts;
}

function addToTally(tally: RunTally, file: FileView, text: Labels): void {
  const { findings } = file.result;
  tally.files += 1;
  if (file.failed) tally.failed += 1;
  for (const finding of findings) {
    tally.totals[finding.severity] += 1;
    const entry = tally.rules.get(finding.ruleId) ?? { id: finding.ruleId, counts: { error: 0, warning: 0, info: 0 }, total: 0 };
    entry.counts[finding.severity] += 1;
    entry.total += 1;
    tally.rules.set(finding.ruleId, entry);
  }
  if (file.result.kind === 'unknown') return;
  const authority = file.authority ?? text.unknownUnit;
  const unit = file.unit ?? text.unknownUnit;
  const key = `${authority}\u0000${unit}`;
  const group = tally.units.get(key) ?? { authority, unit, files: 0, failed: 0, counts: { error: 0, warning: 0, info: 0 } };
  group.files += 1;
  if (file.failed) group.failed += 1;
  for (const finding of findings) group.counts[finding.severity] += 1;
  tally.units.set(key, group);
}

interface FileView {
  result: FileResult;
  anchor: string;
  path: string;
  project?: string;
  authority?: string;
  unit?: string;
  failed: boolean;
}

interface Labels {
  locale: Locale;
  title: string;
  folder: string;
  summary: string;
  files: string;
  passed: string;
  failed: string;
  byRule: string;
  byUnit: string;
  rule: string;
  description: string;
  authority: string;
  unit: string;
  unknownUnit: string;
  filings: string;
  noFindings: string;
  chartTitle: string;
  show: string;
  onlyFailed: string;
  search: string;
  docs: string;
  kinds: Readonly<Record<FileResult['kind'], string>>;
}

const LABELS: Readonly<Record<Locale, Labels>> = {
  zh: {
    locale: 'zh',
    title: 'ptlint 申报表检查报告',
    folder: '检查目录',
    summary: '概况',
    files: '文件',
    passed: '通过',
    failed: '未通过',
    byRule: '按规则',
    byUnit: '按单位',
    rule: '规则',
    description: '说明',
    authority: '主管部门',
    unit: '实施单位',
    unknownUnit: '（未注明）',
    filings: '申报表',
    noFindings: '未发现问题',
    chartTitle: '各规则发现的问题数',
    show: '显示',
    onlyFailed: '只看未通过的',
    search: '筛选文字',
    docs: '规则说明',
    kinds: { filing: '申报表', unit: '单位汇总', unknown: '其他文件' },
  },
  en: {
    locale: 'en',
    title: 'ptlint report',
    folder: 'folder',
    summary: 'Summary',
    files: 'Files',
    passed: 'Passed',
    failed: 'Failed',
    byRule: 'By rule',
    byUnit: 'By unit',
    rule: 'Rule',
    description: 'Description',
    authority: 'Department (主管部门)',
    unit: 'Implementing unit (实施单位)',
    unknownUnit: '(not stated)',
    filings: 'Filings',
    noFindings: 'No findings',
    chartTitle: 'Findings per rule',
    show: 'Show',
    onlyFailed: 'Failed only',
    search: 'Filter text',
    docs: 'rule documentation',
    kinds: { filing: 'filing', unit: 'unit summary', unknown: 'other file' },
  },
};

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A file passes when it has no errors; warnings and notes are for the reviewer to weigh. */
function describeFile(result: FileResult, index: number, context: FormatContext): FileView {
  const fields = topLevelFields(result.source);
  const unit = result.kind === 'unit' ? fields['单位名称'] : fields['实施单位'];
  return {
    result,
    anchor: `file-${index + 1}`,
    path: relativePath(result.filePath, context.cwd),
    ...(fields['项目名称'] ? { project: fields['项目名称'] } : {}),
    ...(fields['主管部门'] ? { authority: fields['主管部门'] } : {}),
    ...(unit ? { unit } : {}),
    failed: result.errorCount > 0,
  };
}

/**
 * The text fields at the top of a filing or unit summary; nothing when the source is missing or broken. Read from
 * the top-level scalars without expanding anything (the file may be hostile: an alias bomb, nesting past the
 * parser's ceiling), through the same bounded composer the engine uses.
 */
function topLevelFields(source: string | undefined): Record<string, string> {
  if (source === undefined) return {};
  const composed = composeBounded(source, { uniqueKeys: false });
  if (!composed.ok || composed.document.errors.length > 0 || !isMap(composed.document.contents)) return {};
  const fields: Record<string, string> = {};
  for (const { key, value } of composed.document.contents.items) {
    if (!isScalar(key) || !isScalar(value)) continue;
    if (typeof value.value === 'string' || typeof value.value === 'number') fields[String(key.value)] = String(value.value).trim();
  }
  return fields;
}

function summarySection(tally: RunTally, text: Labels): string {
  const cards = [
    ['files', text.files, tally.files],
    ['passed', text.passed, tally.files - tally.failed],
    ['failed', text.failed, tally.failed],
    ...SEVERITIES.map((severity) => [severity, severityLabel(severity, text), tally.totals[severity]] as const),
  ]
    .map(([kind, label, count]) => `<div class="card ${kind}"><span class="count">${count}</span><span class="label">${escapeHtml(String(label))}</span></div>`)
    .join('');
  return `<section class="summary"><h2>${escapeHtml(text.summary)}</h2><div class="cards">${cards}</div>${passBar(tally.files, tally.failed, text)}</section>`;
}

function passBar(total: number, failed: number, text: Labels): string {
  if (total === 0) return '';
  const width = 600;
  const passedWidth = Math.round(((total - failed) / total) * width);
  return `<svg class="pass-bar" role="img" aria-label="${escapeHtml(`${text.passed} ${total - failed} / ${text.failed} ${failed}`)}" viewBox="0 0 ${width} 14" width="${width}" height="14">
<rect x="0" y="0" width="${passedWidth}" height="14" class="bar-passed"><title>${escapeHtml(`${text.passed}: ${total - failed}`)}</title></rect>
<rect x="${passedWidth}" y="0" width="${width - passedWidth}" height="14" class="bar-failed"><title>${escapeHtml(`${text.failed}: ${failed}`)}</title></rect>
</svg>`;
}

interface RuleCount {
  id: string;
  counts: Record<Severity, number>;
  total: number;
}

function rulesSection(byRule: ReadonlyMap<string, RuleCount>, context: FormatContext, text: Labels): string {
  const counts = [...byRule.values()].sort((a, b) => b.total - a.total || a.id.localeCompare(b.id));
  if (counts.length === 0) return '';
  const rows = counts
    .map((entry) => {
      const description = context.rules.get(entry.id)?.description[context.locale] ?? '';
      const cells = SEVERITIES.map((severity) => `<td class="num">${entry.counts[severity] || ''}</td>`).join('');
      return `<tr><td>${ruleLink(entry.id, context)}</td><td>${escapeHtml(description)}</td>${cells}<td class="num">${entry.total}</td></tr>`;
    })
    .join('');
  const head = SEVERITIES.map((severity) => `<th class="num">${escapeHtml(severityLabel(severity, text))}</th>`).join('');
  return `<section class="by-rule"><h2>${escapeHtml(text.byRule)}</h2>${ruleChart(counts, text)}
<table><thead><tr><th>${escapeHtml(text.rule)}</th><th>${escapeHtml(text.description)}</th>${head}<th class="num">Σ</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

const CHART_BAR_HEIGHT = 18;
const CHART_LABEL_WIDTH = 220;
const CHART_BAR_WIDTH = 420;

/** Horizontal bars, one per rule, split by severity. */
function ruleChart(counts: readonly RuleCount[], text: Labels): string {
  const max = Math.max(...counts.map((entry) => entry.total));
  const height = counts.length * (CHART_BAR_HEIGHT + 6) + 6;
  const bars = counts
    .map((entry, row) => {
      const y = 6 + row * (CHART_BAR_HEIGHT + 6);
      let x = CHART_LABEL_WIDTH;
      const segments = SEVERITIES.filter((severity) => entry.counts[severity] > 0)
        .map((severity) => {
          const width = Math.max(2, (entry.counts[severity] / max) * CHART_BAR_WIDTH);
          const rect = `<rect class="seg-${severity}" x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${CHART_BAR_HEIGHT}"><title>${escapeHtml(`${entry.id} · ${severityLabel(severity, text)}: ${entry.counts[severity]}`)}</title></rect>`;
          x += width;
          return rect;
        })
        .join('');
      const label = `<text x="${CHART_LABEL_WIDTH - 8}" y="${y + CHART_BAR_HEIGHT - 5}" text-anchor="end">${escapeHtml(entry.id)}</text>`;
      const total = `<text x="${(x + 6).toFixed(1)}" y="${y + CHART_BAR_HEIGHT - 5}">${entry.total}</text>`;
      return label + segments + total;
    })
    .join('\n');
  const width = CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 50;
  return `<svg class="chart" role="img" aria-label="${escapeHtml(text.chartTitle)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${escapeHtml(text.chartTitle)}</title>\n${bars}\n</svg>`;
}

function unitsSection(groups: ReadonlyMap<string, UnitGroup>, text: Labels): string {
  if (groups.size === 0) return '';
  const rows = [...groups.values()]
    .sort((a, b) => a.authority.localeCompare(b.authority, 'zh') || a.unit.localeCompare(b.unit, 'zh'))
    .map((group) => {
      const cells = SEVERITIES.map((severity) => `<td class="num">${group.counts[severity] || ''}</td>`).join('');
      return `<tr><td>${escapeHtml(group.authority)}</td><td>${escapeHtml(group.unit)}</td><td class="num">${group.files}</td><td class="num">${group.failed || ''}</td>${cells}</tr>`;
    })
    .join('');
  const head = SEVERITIES.map((severity) => `<th class="num">${escapeHtml(severityLabel(severity, text))}</th>`).join('');
  return `<section class="by-unit"><h2>${escapeHtml(text.byUnit)}</h2><table><thead><tr><th>${escapeHtml(text.authority)}</th><th>${escapeHtml(text.unit)}</th><th class="num">${escapeHtml(text.files)}</th><th class="num">${escapeHtml(text.failed)}</th>${head}</tr></thead><tbody>${rows}</tbody></table></section>`;
}

function filtersBar(text: Labels): string {
  const boxes = SEVERITIES.map(
    (severity) => `<label><input type="checkbox" data-severity-toggle value="${severity}" checked> ${escapeHtml(severityLabel(severity, text))}</label>`,
  ).join(' ');
  return `<nav class="filters"><span>${escapeHtml(text.show)}:</span> ${boxes} <label><input type="checkbox" id="only-failed"> ${escapeHtml(text.onlyFailed)}</label> <input type="search" id="filter-text" placeholder="${escapeHtml(text.search)}"></nav>`;
}

function fileSection(file: FileView, context: FormatContext, text: Labels): string {
  const { result } = file;
  const status = file.failed ? 'failed' : 'passed';
  const subtitle = [text.kinds[result.kind], file.project, file.unit].filter((part): part is string => Boolean(part)).map(escapeHtml).join(' · ');
  const perSeverity = countSeverities(result.findings);
  const counts = SEVERITIES.filter((severity) => perSeverity[severity] > 0)
    .map((severity) => `<span class="badge ${severity}">${perSeverity[severity]} ${escapeHtml(severityLabel(severity, text))}</span>`)
    .join(' ');
  const findings =
    result.findings.length === 0
      ? `<p class="clean">${escapeHtml(text.noFindings)}</p>`
      : `<ol class="findings">${result.findings.map((finding) => findingItem(finding, result.source, context, text)).join('\n')}</ol>`;
  return `<section class="file ${status}" id="${file.anchor}"><h3><span class="status ${status}">${escapeHtml(file.failed ? text.failed : text.passed)}</span> <code>${escapeHtml(file.path)}</code></h3><p class="subtitle">${subtitle} ${counts}</p>${findings}</section>`;
}

function findingItem(finding: Finding, source: string | undefined, context: FormatContext, text: Labels): string {
  const where = `${finding.start.line}:${finding.start.column}`;
  const quote = source === undefined ? '' : quoteSource(source, finding);
  return `<li class="finding" data-severity="${finding.severity}"><div class="head"><span class="badge ${finding.severity}">${escapeHtml(severityLabel(finding.severity, text))}</span> <span class="where">${escapeHtml(where)}</span> <span class="message">${escapeHtml(finding.message)}</span> ${ruleLink(finding.ruleId, context, text.docs)}</div>${quote}</li>`;
}

const QUOTE_MAX_LINES = 4;
const QUOTE_MAX_CHARS = 240;

/** The source lines the finding covers, numbered, its range marked. */
function quoteSource(source: string, finding: Finding): string {
  const start = Math.max(0, Math.min(finding.range.start, source.length));
  let end = Math.max(start, Math.min(finding.range.end, source.length));
  // a range that ends with its line break does not reach into the next line
  if (end > start && source[end - 1] === '\n') end -= 1;
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = source.indexOf('\n', Math.max(end, lineStart));
  const lineEnd = nextBreak === -1 ? source.length : nextBreak;
  const lines = source.slice(lineStart, lineEnd).split('\n').slice(0, QUOTE_MAX_LINES);
  let offset = lineStart;
  const rendered = lines.map((line, index) => {
    const markFrom = Math.max(0, Math.min(line.length, start - offset));
    const markTo = Math.max(markFrom, Math.min(line.length, end - offset));
    offset += line.length + 1;
    return `<span class="ln">${finding.start.line + index}</span>${markedLine(line, markFrom, markTo)}`;
  });
  return `<pre class="quote">${rendered.join('\n')}</pre>`;
}

/** A line with [markFrom, markTo) marked; a long line is cut to a window around the mark. */
function markedLine(line: string, markFrom: number, markTo: number): string {
  const windowStart = line.length > QUOTE_MAX_CHARS ? Math.max(0, Math.min(markFrom - 40, line.length - QUOTE_MAX_CHARS)) : 0;
  const windowEnd = Math.min(line.length, windowStart + QUOTE_MAX_CHARS);
  const part = (from: number, to: number): string => escapeHtml(line.slice(Math.max(from, windowStart), Math.min(to, windowEnd)));
  const mark = markTo > markFrom ? `<mark>${part(markFrom, markTo)}</mark>` : '';
  return `${windowStart > 0 ? '…' : ''}${part(windowStart, markFrom)}${mark}${part(markTo, windowEnd)}${windowEnd < line.length ? '…' : ''}`;
}

/** The rule id, linked to its page when that is a web or file address (never a script URL). */
function ruleLink(ruleId: string, context: FormatContext, title?: string): string {
  const url = context.rules.get(ruleId)?.docsUrl;
  const safe = url !== undefined && URL.canParse(url) && ['http:', 'https:', 'file:'].includes(new URL(url).protocol);
  const label = `<code class="rule">${escapeHtml(ruleId)}</code>`;
  if (!safe) return label;
  return `<a class="rule-link" href="${escapeHtml(url)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${label}</a>`;
}

function severityLabel(severity: Severity, text: Labels): string {
  return severityWord(severity, text.locale);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

const STYLE = `
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --passed: #2e7d32; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px; font: 14px/1.55 system-ui, -apple-system, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #1f2328; background: #fff; }
h1 { margin: 0 0 4px; font-size: 24px; }
h2 { margin: 28px 0 10px; font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { margin: 0 0 4px; font-size: 15px; }
.meta, .subtitle { color: var(--muted); margin: 0 0 6px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 110px; background: #f6f8fa; }
.card .count { display: block; font-size: 26px; font-weight: 600; }
.card .label { color: var(--muted); }
.card.failed .count, .card.error .count { color: var(--error); }
.card.warning .count { color: var(--warning); }
.card.info .count { color: var(--info); }
.card.passed .count { color: var(--passed); }
.pass-bar .bar-passed { fill: var(--passed); } .pass-bar .bar-failed { fill: var(--error); }
.chart text { font-size: 12px; fill: #1f2328; }
.seg-error { fill: var(--error); } .seg-warning { fill: #ef8f00; } .seg-info { fill: var(--info); }
table { border-collapse: collapse; margin: 10px 0; min-width: 60%; }
th, td { border: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td code.rule { white-space: nowrap; }
.filters { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: 8px 0; margin: 24px 0 8px; z-index: 1; }
.filters label { margin-right: 10px; }
.filters input[type=search] { padding: 3px 6px; min-width: 200px; }
section.file { border: 1px solid var(--line); border-left: 5px solid var(--passed); border-radius: 6px; padding: 12px 16px; margin: 12px 0; }
section.file.failed { border-left-color: var(--error); }
.status { font-size: 12px; padding: 1px 6px; border-radius: 10px; color: #fff; background: var(--passed); }
.status.failed { background: var(--error); }
.badge { display: inline-block; font-size: 12px; padding: 0 6px; border-radius: 10px; color: #fff; }
.badge.error { background: var(--error); } .badge.warning { background: #ef8f00; } .badge.info { background: var(--info); }
ol.findings { margin: 6px 0 0; padding-left: 20px; }
li.finding { margin: 8px 0; }
.where { color: var(--muted); font-variant-numeric: tabular-nums; }
.rule { font-size: 12px; color: var(--muted); }
a.rule-link { text-decoration: none; } a.rule-link:hover .rule { text-decoration: underline; color: var(--info); }
pre.quote { margin: 4px 0 0; padding: 6px 10px; background: #f6f8fa; border-radius: 4px; overflow-x: auto; white-space: pre; font: 12.5px/1.5 ui-monospace, "Noto Sans Mono CJK SC", monospace; }
pre.quote .ln { display: inline-block; min-width: 3em; color: var(--muted); user-select: none; }
mark { background: #ffe08a; padding: 0 1px; }
.clean { color: var(--passed); margin: 4px 0 0; }
[hidden] { display: none !important; }
`;

/** Filters: severities shown, failed files only, free text. */
const SCRIPT = `
(function () {
  var toggles = Array.prototype.slice.call(document.querySelectorAll('input[data-severity-toggle]'));
  var onlyFailed = document.getElementById('only-failed');
  var search = document.getElementById('filter-text');
  function apply() {
    var shown = toggles.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    var needle = search ? search.value.trim().toLowerCase() : '';
    document.querySelectorAll('li.finding').forEach(function (item) {
      var matches = shown.indexOf(item.getAttribute('data-severity')) !== -1 && (!needle || item.textContent.toLowerCase().indexOf(needle) !== -1);
      item.hidden = !matches;
    });
    document.querySelectorAll('section.file').forEach(function (section) {
      section.hidden = Boolean(onlyFailed && onlyFailed.checked && !section.classList.contains('failed'));
    });
  }
  toggles.forEach(function (box) { box.addEventListener('change', apply); });
  if (onlyFailed) onlyFailed.addEventListener('change', apply);
  if (search) search.addEventListener('input', apply);
  apply();
})();
`;
