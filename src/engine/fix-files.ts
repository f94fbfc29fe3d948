import type { FileResult } from '../types.js';
import { applyFixes } from './apply-fixes.js';
import type { FileInput } from './lint.js';
import { lintInputs, type LintOptions, type LintRun, type SkipFile } from './run.js';

/** Passes of fix → re-lint before giving up on fixes that keep producing new fixes. */
const MAX_PASSES = 10;

export interface FixedFile {
  filePath: string;
  before: string;
  after: string;
}

export type FixRun = (LintRun & { ok: false }) | { ok: true; results: FileResult[]; fixed: FixedFile[] };

/**
 * Lints, applies every fix, and lints again until nothing more is fixed (at most MAX_PASSES). A file whose fixed
 * text no longer parses keeps its original text. Nothing is written here: `fixed` lists the new texts, and
 * `results` are the findings that remain in them.
 */
export async function fixInputs(inputs: readonly FileInput[], options: LintOptions & { skip?: SkipFile }): Promise<FixRun> {
  let run = await lintInputs(inputs, options);
  if (!run.ok) return run;
  const original = new Map(run.results.map((result) => [result.filePath, result.source ?? '']));
  let current = new Map(original);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    const next = new Map(current);
    for (const result of run.results) {
      if (result.findings.some((finding) => finding.ruleId === 'parse-error' || finding.ruleId === 'encoding-error')) continue;
      const { text, applied } = applyFixes(current.get(result.filePath) ?? '', result.findings);
      if (applied === 0) continue;
      next.set(result.filePath, text);
      changed = true;
    }
    if (!changed) break;
    const rerun = await lintInputs([...next].map(([filePath, text]) => ({ filePath, text })), options);
    if (!rerun.ok) return rerun;
    const broken = new Set(rerun.results.filter((result) => result.findings.some((finding) => finding.ruleId === 'parse-error')).map((result) => result.filePath));
    for (const filePath of broken) next.set(filePath, current.get(filePath) ?? '');
    current = next;
    run = broken.size > 0 ? await lintInputs([...current].map(([filePath, text]) => ({ filePath, text })), options) : rerun;
    if (!run.ok) return run;
    if (broken.size > 0) break;
  }
  const fixed = [...current]
    .filter(([filePath, text]) => text !== original.get(filePath))
    .map(([filePath, after]) => ({ filePath, before: original.get(filePath) ?? '', after }));
  return { ok: true, results: run.results, fixed };
}
