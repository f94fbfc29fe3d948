import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { format } from '../../src/formatters/gitlab.js';
import { FILING_PATH, fileResult, fundingFinding, makeContext, sampleResults, vagueFinding } from './sample-results.js';

/**
 * The Code Quality report as GitLab documents it (docs: ci/testing/code_quality, "Code Quality report format"):
 * a JSON array of issues, each with description, check_name, fingerprint, severity (info, minor, major, critical,
 * blocker) and location.path with location.lines.begin (or location.positions.begin.line); the path is relative to
 * the repository root, and fingerprints identify an issue across pipelines, so they must be unique.
 */
const GITLAB_CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^(\\./|/)' } },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } },
          positions: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'object', required: ['line'], properties: { line: { type: 'integer', minimum: 1 } } } },
          },
        },
        anyOf: [{ required: ['lines'] }, { required: ['positions'] }],
      },
    },
  },
} as const;

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

const report = (results = sampleResults()) => JSON.parse(format(results, makeContext())) as Issue[];

describe('gitlab formatter', () => {
  it('writes a report of the shape GitLab documents', () => {
    const validate = new Ajv({ allErrors: true }).compile(GITLAB_CODE_QUALITY_SCHEMA);
    const valid = validate(report());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('gives one issue per finding with the rule, message, severity and lines', () => {
    const issues = report();
    expect(issues).toHaveLength(5);
    expect(issues[1]).toMatchObject({
      description: fundingFinding.message,
      check_name: 'funding-arithmetic',
      severity: 'major',
      location: { path: '申报表/社区党建.yaml', lines: { begin: fundingFinding.start.line, end: fundingFinding.end.line } },
    });
    expect(issues.map((issue) => issue.severity)).toEqual(['info', 'major', 'minor', 'major', 'major']);
  });

  it('makes every fingerprint unique, even for the same finding twice in one file', () => {
    const issues = report([fileResult(FILING_PATH, [vagueFinding, vagueFinding])]);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(2);
  });

  it('keeps a fingerprint when only the line moves, and changes it with the file', () => {
    const moved = { ...vagueFinding, start: { line: 40, column: 1 }, end: { line: 40, column: 3 } };
    const [before] = report([fileResult(FILING_PATH, [vagueFinding])]);
    const [after] = report([fileResult(FILING_PATH, [moved])]);
    const [elsewhere] = report([fileResult(FILING_PATH.replace('社区党建', '两新党建'), [vagueFinding])]);
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(elsewhere.fingerprint).not.toBe(before.fingerprint);
  });

  it('writes an empty array when nothing was found', () => {
    expect(format([fileResult(FILING_PATH, [])], makeContext())).toBe('[]');
  });
});
