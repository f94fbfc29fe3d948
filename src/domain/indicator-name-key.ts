import { normalizeName } from './indicator-rows.js';
import { projectNameKey } from './unit-folders.js';

const BRACKETED_PREFIX = /^[(（【[](?<inside>[^)）】\]]*)[)）】\]]/u;

/**
 * A 三级指标 name as compared across filings: whitespace removed, and without a leading bracketed copy of the
 * filing's own project name, which some templates put before every name (`(党建工作及党群服务阵地建设展示) 沟通协调有效性`).
 */
export function indicatorNameKey(name: unknown, projectName: string): string {
  const normalized = normalizeName(name);
  const prefix = BRACKETED_PREFIX.exec(normalized);
  if (!prefix) return normalized;
  const projectKey = projectNameKey(projectName);
  if (projectKey === '' || projectNameKey(prefix.groups?.inside) !== projectKey) return normalized;
  return normalized.slice(prefix[0].length);
}
