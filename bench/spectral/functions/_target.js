// A compact port of ptlint's src/values/target.ts (parseTarget) and DocumentFacts.indicatorTarget, for the peer
// ruleset only: same forms (deadline, bare comparator, qualitative, range, quantity), numbers as floats.
const PREFIX = ['大于或等于', '小于或等于', '大于等于', '小于等于', '不低于', '不少于', '不小于', '不高于', '不超过', '不大于', '不多于',
  '达到', '至少', '大于', '高于', '多于', '超过', '至多', '最多', '低于', '小于', '少于', '等于',
  '>=', '<=', '=>', '=<', '＞＝', '＜＝', '≥', '≤', '=', '>', '<', '⩾', '⩽', '≧', '≦', '＞', '＜', '＝'];
const PREFIX_DIRECTION = { '大于或等于': '≥', '大于等于': '≥', '不低于': '≥', '不少于': '≥', '不小于': '≥', '达到': '≥', '至少': '≥',
  '大于': '>', '高于': '>', '多于': '>', '超过': '>', '小于或等于': '≤', '小于等于': '≤', '不高于': '≤', '不超过': '≤', '不大于': '≤',
  '不多于': '≤', '至多': '≤', '最多': '≤', '低于': '<', '小于': '<', '少于': '<', '等于': '=', '>=': '≥', '<=': '≤', '=>': '≥', '=<': '≤',
  '＞＝': '≥', '＜＝': '≤', '≥': '≥', '≤': '≤', '=': '=', '>': '>', '<': '<', '⩾': '≥', '⩽': '≤', '≧': '≥', '≦': '≤', '＞': '>', '＜': '<', '＝': '=' };
const SUFFIX = ['及以上', '以上', '及以下', '以下', '以内', '之内', '内'];
const SUFFIX_DIRECTION = { '及以上': '≥', '以上': '≥', '及以下': '≤', '以下': '≤', '以内': '≤', '之内': '≤', '内': '≤' };
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (list) => list.map(esc).join('|');
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const UNIT_PART = String.raw`(?:[%‰℃°]|[\p{Script=Han}A-Za-z²³·]+)`;
const UNIT = String.raw`${UNIT_PART}(?:\s*\/\s*${UNIT_PART})*`;
const TRAILING_UNIT = String.raw`(?:\(\s*(?<bracketedUnit>${UNIT})\s*\)|(?<unit>${UNIT}))?`;
const QUANTITY_RE = new RegExp(String.raw`^(?:(?<comparator>${alt(PREFIX)})\s*)?(?<value>[-+]?${NUM})\s*${TRAILING_UNIT}$`, 'u');
const SUFFIX_RE = new RegExp(String.raw`(?<suffix>${alt(SUFFIX)})$`, 'u');
const RANGE_RE = new RegExp(String.raw`^(?<value>${NUM})\s*(?:(?<lowerUnit>${UNIT})\s*)?(?<separator>-|~|—{1,2}|–|至|到)\s*(?<upper>${NUM})\s*${TRAILING_UNIT}$`, 'u');
const TAIL = String.raw`\s*(?<before>之前|以前|前)?\s*(?:完成)?$`;
const DEADLINE_RES = [
  new RegExp(String.raw`^(?:(?<year>\d{4})\s*年\s*)?(?<month>\d{1,2})\s*月\s*(?:(?<day>\d{1,2})\s*[日号]|(?<endOfMonth>底|末))?${TAIL}`, 'u'),
  new RegExp(String.raw`^(?:(?<year>\d{4})\s*)?年\s*(?<endOfYear>底|末)${TAIL}`, 'u'),
  new RegExp(String.raw`^(?<year>\d{4})(?<sep>[-/.])(?<month>\d{1,2})\k<sep>(?<day>\d{1,2})${TAIL}`, 'u'),
];
const QUALITATIVE_RE = /^\p{Script=Han}+(?:(?:\s*[/、,;；|]\s*|\s+)\p{Script=Han}+)*$/u;
const FULLWIDTH = /[０-９．，％（）～〜－＋／]/gu;
const FW_MAP = { '．': '.', '，': ',', '％': '%', '（': '(', '）': ')', '～': '~', '〜': '~', '－': '-', '＋': '+', '／': '/' };
const halfWidth = (t) => t.replace(FULLWIDTH, (c) => FW_MAP[c] ?? String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const number = (t) => Number(t.replace(/,/g, ''));
const normUnit = (u) => (u === undefined ? undefined : halfWidth(u).replace(/\s+/gu, ''));

export function parseTarget(input) {
  if (input === null || input === undefined) return { raw: '', kind: 'empty' };
  if (typeof input === 'number') return { raw: String(input), kind: 'quantity', comparator: '=', value: input };
  const raw = String(input);
  const trimmed = raw.trim();
  if (trimmed === '') return { raw, kind: 'empty' };
  const text = halfWidth(trimmed);
  if (/[月年]|^\d{4}[-/.]/u.test(text)) {
    for (const re of DEADLINE_RES) {
      const m = re.exec(text);
      if (m) {
        const month = m.groups.month === undefined ? 12 : Number(m.groups.month);
        if (month < 1 || month > 12) return { raw, kind: 'unparseable' };
        if (m.groups.day !== undefined) {
          const days = new Date(Date.UTC(m.groups.year ? Number(m.groups.year) : 2000, month, 0)).getUTCDate();
          const day = Number(m.groups.day);
          if (day < 1 || day > days) return { raw, kind: 'unparseable' };
        }
        return { raw, kind: 'deadline', comparator: m.groups.before ? '≤' : undefined, deadline: { month, text: trimmed } };
      }
    }
  }
  if (PREFIX_DIRECTION[text] || SUFFIX_DIRECTION[text]) return { raw, kind: 'unparseable' };
  if (QUALITATIVE_RE.test(text)) return { raw, kind: 'qualitative', word: trimmed };
  if (/-|~|—|–|至|到/u.test(text)) {
    const m = RANGE_RE.exec(text);
    if (m) {
      const g = m.groups;
      const upperUnit = normUnit(g.bracketedUnit ?? g.unit);
      if (g.lowerUnit && upperUnit && normUnit(g.lowerUnit) !== upperUnit) return { raw, kind: 'unparseable' };
      return { raw, kind: 'range', value: number(g.value), upper: number(g.upper), unit: upperUnit ?? normUnit(g.lowerUnit) };
    }
  }
  const suffix = SUFFIX_RE.exec(text);
  const head = suffix ? text.slice(0, suffix.index).trimEnd() : text;
  const m = QUANTITY_RE.exec(head);
  if (m) {
    const prefixDirection = m.groups.comparator && PREFIX_DIRECTION[m.groups.comparator];
    const suffixDirection = suffix && SUFFIX_DIRECTION[suffix.groups.suffix];
    if (prefixDirection && suffixDirection && prefixDirection.replace('>', '≥').replace('<', '≤') !== suffixDirection) return { raw, kind: 'unparseable' };
    return { raw, kind: 'quantity', comparator: prefixDirection || suffixDirection || '=', value: number(m.groups.value), unit: normUnit(m.groups.bracketedUnit ?? m.groups.unit) };
  }
  return { raw, kind: 'unparseable' };
}

const isBlank = (v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** The row's annual target: 年度指标值, or 比较符 + 数值 + 计量单位 when only the split columns are written. */
export function indicatorTarget(row, rowPath) {
  if (row === null || typeof row !== 'object') return { target: parseTarget(undefined), path: rowPath };
  if (!isBlank(row['年度指标值']) || isBlank(row['数值'])) {
    if (!('年度指标值' in row)) return { target: parseTarget(undefined), path: rowPath };
    return { target: parseTarget(row['年度指标值']), path: [...rowPath, '年度指标值'] };
  }
  const composed = [row['比较符'], row['数值'], row['计量单位']].filter((part) => !isBlank(part)).join('');
  return { target: parseTarget(composed), path: [...rowPath, '数值'] };
}

export const normalizeName = (v) => (v === null || v === undefined ? '' : String(v).replace(/[\s\u3000]+/g, ''));
