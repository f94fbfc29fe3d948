import { normalizeName } from './_target.js';

// Port of ptlint's categories-present: each required 一级 has rows, and under it each required 二级.
export default function categoriesPresent(table, options, context) {
  if (!Array.isArray(table)) return [];
  const aliases = options.aliases ?? {};
  const canonical = (name) => aliases[name] ?? name;
  const rows = [];
  table.forEach((entry, index) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return;
    rows.push({ index, level1: normalizeName(entry['一级指标']), level2: normalizeName(entry['二级指标']) });
  });
  if (rows.length === 0) return [];
  const results = [];
  for (const { level1, level2: required = [] } of options.required) {
    const under = rows.filter((row) => canonical(row.level1) === level1);
    if (under.length === 0) {
      results.push({ message: `缺少一级指标“${level1}”：每个项目都应设置${level1}`, path: context.path });
      continue;
    }
    const present = new Set(under.map((row) => canonical(row.level2)));
    for (const level2 of required) {
      if (!present.has(level2)) results.push({ message: `“${level1}”下缺少二级指标“${level2}”`, path: [...context.path, under[0].index, '一级指标'] });
    }
  }
  return results;
}
