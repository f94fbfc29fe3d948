// Port of ptlint's text-similarity: two fields identical, nearly identical (1 − Levenshtein / longer length), or
// one containing the other (share of the shorter text's character n-grams found in the longer).
function distance(a, b) {
  if (a.length < b.length) [a, b] = [b, a];
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

function containment(a, b, gram) {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length < gram) return shorter.length > 0 && longer.includes(shorter) ? 1 : 0;
  const inLonger = new Set();
  for (let i = 0; i + gram <= longer.length; i++) inLonger.add(longer.slice(i, i + gram));
  let shared = 0;
  const total = shorter.length - gram + 1;
  for (let i = 0; i < total; i++) if (inLonger.has(shorter.slice(i, i + gram))) shared++;
  return shared / total;
}

export default function textSimilarity(record, options, context) {
  if (record === null || typeof record !== 'object') return [];
  const [first, second] = options.fields;
  const ignore = new RegExp(options.ignore, 'gu');
  const a = String(record[first] ?? '').replace(ignore, '');
  const b = String(record[second] ?? '').replace(ignore, '');
  const minLength = options.minLength ?? 1;
  if (a.length < minLength || b.length < minLength) return [];
  const path = [...context.path, second];
  if (a === b) return [{ message: `“${second}”与“${first}”完全相同：年度总目标应写明本年度要完成的部分`, path }];
  const longer = Math.max(a.length, b.length);
  const score = longer === 0 ? 1 : 1 - distance(a, b) / longer;
  if (score >= options.threshold) return [{ message: `“${second}”与“${first}”几乎相同（相似度 ${Math.round(score * 100)}%）：年度总目标应写明本年度要完成的部分`, path }];
  if (options.containmentThreshold === undefined) return [];
  const contained = containment(a, b, options.gram ?? 4);
  if (contained >= options.containmentThreshold) {
    const [shorter, longerField] = a.length <= b.length ? [first, second] : [second, first];
    return [{ message: `“${longerField}”包含了“${shorter}”的 ${Math.round(contained * 100)}% 内容：两者只是详略不同，年度总目标应写明本年度要完成的部分`, path }];
  }
  return [];
}
