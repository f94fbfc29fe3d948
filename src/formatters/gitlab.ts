import { createHash } from 'node:crypto';
import type { Severity } from '../types.js';
import { relativePath } from './shared.js';
import { PrettyJsonArray, streamingFormatter, type CreateReportWriter } from './streaming/report-writer.js';

/** GitLab Code Quality severities; ptlint's error blocks a filing, which GitLab calls major (as eslint's formatter does). */
const SEVERITIES: Readonly<Record<Severity, 'info' | 'minor' | 'major'>> = { error: 'major', warning: 'minor', info: 'info' };

interface CodeQualityIssue {
  description: string;
  check_name: string;
  /** unique in the report, stable while the offending value stays the same wherever its line moves */
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * A GitLab Code Quality report (`artifacts:reports:codequality`): one issue per finding, paths relative to the
 * working folder (the repository root in a CI job).
 */
export const createWriter: CreateReportWriter = (context) => {
  const issues = new PrettyJsonArray(0);
  return {
    begin: () => '[',
    unit(results) {
      // occurrences are counted per file, and a file's results are all in one unit
      const seen = new Map<string, number>();
      let text = '';
      for (const result of results) {
        const path = relativePath(result.filePath, context.cwd);
        for (const finding of result.findings) {
          const identity = `${path}\u0000${finding.fingerprint}`;
          const occurrence = (seen.get(identity) ?? 0) + 1;
          seen.set(identity, occurrence);
          const issue: CodeQualityIssue = {
            description: finding.message,
            check_name: finding.ruleId,
            fingerprint: createHash('md5').update(occurrence === 1 ? identity : `${identity}\u0000${occurrence}`).digest('hex'),
            severity: SEVERITIES[finding.severity],
            location: { path, lines: { begin: finding.start.line, end: finding.end.line } },
          };
          text += issues.item(issue);
        }
      }
      return text;
    },
    end: () => [issues.close()],
    dispose() {},
  };
};

export const format = streamingFormatter(createWriter);
