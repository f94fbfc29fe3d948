// Writes a corpus of N filings derived from examples/: names, amounts and indicator counts vary, and about one in
// ten carries a defect (a satisfaction floor below 80, a total that does not add up, a blank target). Filings are
// grouped ten to a folder, as a unit's submissions are, with a 单位汇总.yaml in every fifth folder.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same corpus. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function exampleFilings() {
  const folder = join(root, 'examples');
  return readdirSync(folder, { recursive: true })
    .filter((name) => name.endsWith('.yaml') && !name.endsWith('单位汇总.yaml'))
    .map((name) => readFileSync(join(folder, name), 'utf8'));
}

function vary(text, index, next) {
  let varied = text.replace(/^项目名称: (.*)$/m, (_, name) => `项目名称: ${name}（${index}）`);
  varied = varied.replace(/(合计|财政资金|当年财政拨款): (\d[\d,]*)(\.\d+)?/g, (whole, key, amount) => {
    const scaled = Math.round(Number(amount.replace(/,/g, '')) * (0.5 + next()));
    return `${key}: ${scaled}`;
  });
  const rows = varied.split('\n').filter((line) => line.startsWith('  - { 一级指标'));
  if (rows.length > 0) {
    const extra = Math.floor(next() * 8);
    const added = Array.from({ length: extra }, (_, k) => rows[Math.floor(next() * rows.length)].replace(/三级指标: ([^,]+)/, `三级指标: $1${k + 2}`));
    varied = varied.replace(rows[rows.length - 1], [rows[rows.length - 1], ...added].join('\n'));
  }
  const defect = next();
  if (defect < 0.03) varied = varied.replace(/(满意度, 年度指标值: )"?[^ ,}]+"?/, '$1"≥70%"');
  else if (defect < 0.06) varied = varied.replace(/当年财政拨款: (\d+)/, (_, amount) => `当年财政拨款: ${Number(amount) - 100}`);
  else if (defect < 0.1) varied = varied.replace(/(数量指标, 三级指标: [^,]+, 年度指标值: )("[^"]*"|[^ }]+)/, '$1');
  return varied;
}

export function generateCorpus(count, folder) {
  rmSync(folder, { recursive: true, force: true });
  const sources = exampleFilings();
  const next = random(20260101);
  for (let index = 0; index < count; index++) {
    const unit = Math.floor(index / 10);
    const path = join(folder, `unit-${String(unit).padStart(5, '0')}`, `filing-${String(index).padStart(6, '0')}.yaml`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, vary(sources[index % sources.length], index, next));
    if (index % 10 === 9 && unit % 5 === 0) {
      writeFileSync(join(dirname(path), '单位汇总.yaml'), `单位名称: 示例单位${unit}\n年度: 2026\n编报项目数: 10\n`);
    }
  }
  return folder;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 10_000);
  const folder = process.argv[3] ?? join(root, 'bench', 'out', `corpus-${count}`);
  generateCorpus(count, folder);
  console.log(`wrote ${count} filings to ${folder}`);
}
