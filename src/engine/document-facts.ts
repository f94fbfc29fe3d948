import type { LintDocument } from '../document/lint-document.js';
import { parseMoney, type MoneyParse, type MoneyUnit } from '../values/money.js';
import { parseTarget, type ParsedTarget } from '../values/target.js';
import type { YamlPath } from '../types.js';
import { isBlankValue } from '../domain/blank-values.js';
import type { DocumentFacts, IndicatorTarget } from './function-api.js';

/**
 * Targets parsed so far in this process, by the text written. parseTarget is a pure function of its text and its
 * results are shared read-only like every fact, and filings draw their targets from a common vocabulary (100%, ≥95%,
 * ≥90%, 12月底前 …): most are parsed once for a run rather than once per filing. Bounded: when full it starts over.
 */
const targetsByText = new Map<string, ParsedTarget>();
const MAX_TARGETS_BY_TEXT = 10_000;

function parsedTarget(input: string | number | null | undefined): ParsedTarget {
  if (typeof input !== 'string') return parseTarget(input);
  let parsed = targetsByText.get(input);
  if (!parsed) {
    parsed = parseTarget(input);
    if (targetsByText.size >= MAX_TARGETS_BY_TEXT) targetsByText.clear();
    targetsByText.set(input, parsed);
  }
  return parsed;
}

/** Builds the facts rules share for one document; parses lazily and memoizes by path. */
export function documentFacts(document: LintDocument, defaultRegion: string): DocumentFacts {
  const targets = new Map<string, ParsedTarget>();
  const amounts = new Map<string, MoneyParse>();
  const data = (document.data ?? {}) as Record<string, unknown>;
  const funding = data['项目资金'] as Record<string, unknown> | undefined;
  const unit: MoneyUnit = funding?.['单位'] === '万元' ? '万元' : '元';
  const year = Number.isInteger(data['年度']) ? (data['年度'] as number) : undefined;
  const region = [data['地区'], data['主管部门'], data['实施单位'], data['单位名称']].filter((v) => typeof v === 'string' && v).join(' ') || defaultRegion;
  const facts: DocumentFacts = {
    year,
    region,
    indicatorTarget(rowPath: YamlPath): IndicatorTarget {
      const row = document.valueAt(rowPath);
      if (row === null || typeof row !== 'object') return { target: parseTarget(undefined), path: rowPath };
      const fields = row as Record<string, unknown>;
      if (!isBlankValue(fields['年度指标值']) || isBlankValue(fields['数值'])) {
        const path = '年度指标值' in fields ? [...rowPath, '年度指标值'] : rowPath;
        return { target: path === rowPath ? parseTarget(undefined) : facts.target(path), path };
      }
      const composed = [fields['比较符'], document.sourceText([...rowPath, '数值']) ?? fields['数值'], fields['计量单位']]
        .filter((part) => !isBlankValue(part))
        .join('');
      return { target: parsedTarget(composed), path: [...rowPath, '数值'] };
    },
    target(path: YamlPath): ParsedTarget {
      const key = path.join('\u0000');
      let parsed = targets.get(key);
      if (!parsed) {
        parsed = parsedTarget(document.sourceText(path) ?? (document.valueAt(path) as string | number | null | undefined));
        targets.set(key, parsed);
      }
      return parsed;
    },
    money(path: YamlPath): MoneyParse {
      const key = path.join('\u0000');
      let parsed = amounts.get(key);
      if (!parsed) {
        const written = document.sourceText(path);
        parsed = parseMoney(written ?? (document.valueAt(path) as string | number | null | undefined), unit);
        amounts.set(key, parsed);
      }
      return parsed;
    },
  };
  return facts;
}

