import { resolve } from 'node:path';
import { lintPaths } from '../../src/engine/run.js';
import type { Finding, Locale } from '../../src/types.js';

export const EXAMPLE_FOLDER = resolve('examples/001_a2faacda87b912c3');
export const EXAMPLE_FILING = '两新党建.yaml';

/** What `ptlint check <folder>` reports on one filing of the folder: what every editor must show for it. */
export async function expectedFindings(folder: string, fileName: string, locale: Locale = 'zh'): Promise<Finding[]> {
  const run = await lintPaths([folder], folder, { locale });
  if (!run.ok) throw new Error(`${folder} does not lint: ${run.problems.map((problem) => problem.message.en).join('; ')}`);
  const result = run.results.find((candidate) => candidate.filePath === resolve(folder, fileName));
  if (!result) throw new Error(`${fileName} is not in ${folder}`);
  return result.findings;
}
