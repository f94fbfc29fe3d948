import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { EXAMPLE_FILING, EXAMPLE_FOLDER, expectedFindings } from './expected-findings.js';

interface NeovimDiagnostic {
  line: number;
  byte_column: number;
  severity: number;
  code: string;
  message: string;
}

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

test('Neovim shows the findings of ptlint check, at the same places', async () => {
  const file = join(EXAMPLE_FOLDER, EXAMPLE_FILING);
  const command = [process.execPath, resolve('bin/ptlint.js'), 'lsp', '--stdio'];
  const nvim = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${resolve('test/e2e/neovim-diagnostics.lua')}`], {
    env: { ...process.env, PTLINT_FILE: file, PTLINT_COMMAND: JSON.stringify(command) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  nvim.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  nvim.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exitCode = await new Promise<number | null>((resolveExit) => nvim.once('exit', resolveExit));
  expect(exitCode, stderr).toBe(0);

  const shown = stdout.trim().split('\n').map((line) => JSON.parse(line) as NeovimDiagnostic);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const expected = await expectedFindings(EXAMPLE_FOLDER, EXAMPLE_FILING);
  // Neovim converts the server's UTF-16 columns to byte columns of the UTF-8 line
  const byteColumn = (line: number, utf16Column: number) => Buffer.byteLength(lines[line].slice(0, utf16Column));
  const describe = (line: number, column: number, severity: number, code: string, message: string) => `${line}:${column} ${severity} ${code} ${message}`;
  expect(shown.map((diagnostic) => describe(diagnostic.line, diagnostic.byte_column, diagnostic.severity, diagnostic.code, diagnostic.message)).sort()).toEqual(
    expected
      .map((finding) => describe(finding.start.line - 1, byteColumn(finding.start.line - 1, finding.start.column - 1), SEVERITY[finding.severity], finding.ruleId, finding.message))
      .sort(),
  );
  expect(shown.some((diagnostic) => diagnostic.code === 'vague-target' && diagnostic.byte_column > 100)).toBe(true);
});
