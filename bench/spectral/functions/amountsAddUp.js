// Port of ptlint's amounts-add-up (floats rounded to the fen instead of exact decimals): totals equal the sum of
// their parts, and one amount does not exceed another. 万元 amounts are scaled by 10,000.
const MONEY_RE = /^(?<amount>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?<unit>万元|万|元)?$/u;
const FULLWIDTH = /[０-９．，]/gu;
const halfWidth = (t) => t.replace(FULLWIDTH, (c) => (c === '．' ? '.' : c === '，' ? ',' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

function parseMoney(input, defaultUnit) {
  if (input === null || input === undefined) return { blank: true };
  const text = String(input).trim();
  if (text === '') return { blank: true };
  if (typeof input === 'number') return { fen: Math.round(input * (defaultUnit === '万元' ? 1000000 : 100)) };
  const match = MONEY_RE.exec(halfWidth(text));
  if (!match) return { malformed: true };
  const unit = match.groups.unit === undefined ? defaultUnit : match.groups.unit === '元' ? '元' : '万元';
  return { fen: Math.round(Number(match.groups.amount.replace(/,/g, '')) * (unit === '万元' ? 1000000 : 100)) };
}

const yuan = (fen) => (fen / 100).toFixed(2);

export default function amountsAddUp(funding, options, context) {
  if (funding === null || typeof funding !== 'object') return [];
  const unit = funding['单位'] === '万元' ? '万元' : '元';
  const at = (dotted) => {
    const segments = dotted.split('.');
    let value = funding;
    for (const segment of segments) value = value !== null && typeof value === 'object' ? value[segment] : undefined;
    return { ...parseMoney(value, unit), label: segments.join(' › '), path: [...context.path, ...segments] };
  };
  const results = [];
  for (const identity of options.sums ?? []) {
    const total = at(identity.total);
    const parts = identity.parts.map(at);
    if (total.fen === undefined || parts.every((p) => p.blank) || parts.some((p) => p.malformed)) continue;
    const sum = parts.reduce((acc, p) => acc + (p.fen ?? 0), 0);
    if (sum === total.fen) continue;
    results.push({
      message: `“${total.label}”为 ${yuan(total.fen)} 元，但 ${parts.map((p) => p.label.split(' › ').pop()).join(' + ')} 合计 ${yuan(sum)} 元，相差 ${yuan(Math.abs(total.fen - sum))} 元`,
      path: total.path,
    });
  }
  for (const bound of options.atMost ?? []) {
    const lesser = at(bound.lesser);
    const greater = at(bound.greater);
    if (lesser.fen === undefined || greater.fen === undefined || lesser.fen <= greater.fen) continue;
    results.push({ message: `“${lesser.label}”（${yuan(lesser.fen)} 元）超过了“${greater.label}”（${yuan(greater.fen)} 元）`, path: lesser.path });
  }
  return results;
}
