import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { FileResult, SetupProblem } from '../types.js';
import { unreadable } from '../ruleset/load-yaml-file.js';
import { countSeverities } from './severity-counts.js';
import { writeFileAtomically } from './write-atomically.js';

/**
 * A baseline records the findings a backlog already has, so that adopting ptlint reports only new ones. Entries
 * are keyed by file (relative to the baseline's folder, so it works in any checkout), rule id and fingerprint
 * (rule id + YAML path + value hash): moving lines keeps an entry, changing the offending value retires it.
 */
export interface BaselineEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
  /** for people reading the file; not used for matching */
  message: string;
}

interface BaselineFile {
  version: 1;
  entries: BaselineEntry[];
}

const keyOf = (entry: Pick<BaselineEntry, 'file' | 'ruleId' | 'fingerprint'>) => `${entry.file}\u0000${entry.ruleId}\u0000${entry.fingerprint}`;

export async function writeBaseline(results: readonly FileResult[], baselinePath: string): Promise<void> {
  const folder = dirname(resolve(baselinePath));
  const entries = results.flatMap((result) =>
    result.findings.map((finding) => ({ file: relative(folder, result.filePath).split('\\').join('/'), ruleId: finding.ruleId, fingerprint: finding.fingerprint, message: finding.message })),
  );
  const baseline: BaselineFile = { version: 1, entries };
  await writeFileAtomically(resolve(baselinePath), JSON.stringify(baseline, null, 2) + '\n');
}

export type LoadedBaseline = { ok: true; entries: BaselineEntry[] } | { ok: false; problems: SetupProblem[] };

export async function readBaseline(baselinePath: string): Promise<LoadedBaseline> {
  let text: string;
  try {
    text = await readFile(baselinePath, 'utf8');
  } catch (error) {
    return { ok: false, problems: [unreadable(baselinePath, error)] };
  }
  try {
    const parsed = JSON.parse(text) as Partial<BaselineFile>;
    if (parsed.version !== 1 || !Array.isArray(parsed.entries)) throw new Error('version 1 with entries expected');
    return { ok: true, entries: parsed.entries };
  } catch (error) {
    return {
      ok: false,
      problems: [{ code: 'invalid-baseline', filePath: baselinePath, message: { zh: `基线文件格式不正确：${(error as Error).message}`, en: `invalid baseline file: ${(error as Error).message}` } }],
    };
  }
}

export interface BaselineApplied {
  results: FileResult[];
  /** entries that no longer match any finding: fixed since, or changed */
  stale: BaselineEntry[];
}

/** Drops findings recorded in the baseline and recounts; each entry absorbs one finding. */
export function applyBaseline(results: readonly FileResult[], entries: readonly BaselineEntry[], baselinePath: string): BaselineApplied {
  const folder = dirname(resolve(baselinePath));
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of entries) remaining.set(keyOf(entry), [...(remaining.get(keyOf(entry)) ?? []), entry]);
  const filtered = results.map((result) => {
    const file = relative(folder, result.filePath).split('\\').join('/');
    const findings = result.findings.filter((finding) => {
      const matches = remaining.get(keyOf({ file, ruleId: finding.ruleId, fingerprint: finding.fingerprint }));
      if (!matches || matches.length === 0) return true;
      matches.pop();
      return false;
    });
    const counts = countSeverities(findings);
    return { ...result, findings, errorCount: counts.error, warningCount: counts.warning, infoCount: counts.info };
  });
  return { results: filtered, stale: [...remaining.values()].flat() };
}
