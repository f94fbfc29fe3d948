import { createHash } from 'node:crypto';
import type { Formatter, Severity } from '../types.js';
import { relativePath } from './shared.js';

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
export const format: Formatter = (results, context) => {
  const seen = new Map<string, number>();
  const issues: CodeQualityIssue[] = results.flatMap((result) => {
    const path = relativePath(result.filePath, context.cwd);
    return result.findings.map((finding) => {
      const identity = `${path}\u0000${finding.fingerprint}`;
      const occurrence = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, occurrence);
      return {
        description: finding.message,
        check_name: finding.ruleId,
        fingerprint: createHash('md5').update(occurrence === 1 ? identity : `${identity}\u0000${occurrence}`).digest('hex'),
        severity: SEVERITIES[finding.severity],
        location: { path, lines: { begin: finding.start.line, end: finding.end.line } },
      };
    });
  });
  return JSON.stringify(issues, null, 2);
};
