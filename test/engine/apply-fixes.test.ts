import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/apply-fixes.js';
import { writeFileAtomically } from '../../src/engine/write-atomically.js';
import type { Finding, TextEdit } from '../../src/types.js';
import { tempFolder } from '../support/temp-folder.js';

const position = { line: 1, column: 1 };
const withFix = (...edits: Array<[number, number, string]>): Finding => ({
  ruleId: 'r',
  severity: 'info',
  message: '',
  range: { start: edits[0][0], end: edits[0][1] },
  start: position,
  end: position,
  fingerprint: 'f',
  fix: { edits: edits.map(([start, end, text]): TextEdit => ({ range: { start, end }, text })) },
});

describe('applyFixes', () => {
  it('applies independent fixes in one pass, right to left', () => {
    expect(applyFixes('a >= 1, b >= 2', [withFix([2, 4, '≥']), withFix([10, 12, '≥'])])).toEqual({ text: 'a ≥ 1, b ≥ 2', applied: 2 });
  });

  it('skips a fix that overlaps one already taken: the narrower one goes first, the other waits for a re-lint', () => {
    expect(applyFixes('10.00(次)', [withFix([0, 8, '10次']), withFix([0, 5, '10'])])).toEqual({ text: '10(次)', applied: 1 });
  });

  it('takes all edits of a fix or none', () => {
    const result = applyFixes('(前缀) 甲\n(前缀) 乙', [withFix([0, 5, '']), withFix([4, 8, 'X'], [9, 14, ''])]);
    expect(result).toEqual({ text: '甲\n(前缀) 乙', applied: 1 });
  });

  it('counts nothing when a fix changes nothing', () => {
    expect(applyFixes('≥90%', [withFix([0, 1, '≥'])])).toEqual({ text: '≥90%', applied: 0 });
  });

  it('ignores findings without fixes and suggestions', () => {
    const suggestionOnly: Finding = { ...withFix([0, 1, 'x']), fix: undefined, suggestions: [{ message: 's', fix: { edits: [{ range: { start: 0, end: 1 }, text: 'x' }] } }] };
    expect(applyFixes('a', [suggestionOnly])).toEqual({ text: 'a', applied: 0 });
  });
});

describe('writeFileAtomically', () => {
  it('replaces the content, keeps the mode and leaves no temporary file', async () => {
    const folder = await tempFolder({ 'f.yaml': 'old\n' });
    const path = join(folder, 'f.yaml');
    const { chmod } = await import('node:fs/promises');
    await chmod(path, 0o640);
    await writeFileAtomically(path, 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder)).toEqual(['f.yaml']);
  });

  it('fails without touching the original when the folder cannot be written', async () => {
    await expect(writeFileAtomically('/proc/ptlint-cannot-write/f.yaml', 'x')).rejects.toThrow();
  });
});
