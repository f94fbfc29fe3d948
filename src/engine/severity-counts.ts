import type { Finding } from '../types.js';

/** How many findings there are of each severity: what a FileResult's errorCount, warningCount and infoCount say. */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
