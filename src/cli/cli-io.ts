import { relative } from 'node:path';
import type { Command } from 'commander';
import { cliMessage } from '../i18n/cli-messages.js';
import type { Locale, SetupProblem } from '../types.js';

/** Where the CLI reads and writes; tests pass their own to run it in-process. */
export interface CliIO {
  cwd: string;
  /**
   * Writes to standard output. It may answer as Writable.write does: `false` when the text had to be buffered,
   * and then a writer that has more to say waits for `drain` on `stdoutStream` (process.stdout when absent).
   */
  stdout(text: string): void | boolean;
  stderr(text: string): void;
  /** whether stdout is a terminal that shows colour */
  colorSupported: boolean;
  /** whether stderr is an interactive terminal (progress bars go there) */
  interactive?: boolean;
  /** standard input, for commands that read it (e.g. `ptlint lsp --stdio`) */
  stdin?: NodeJS.ReadableStream;
  /** raw standard output stream, for commands that speak a protocol on it or wait for it to drain */
  stdoutStream?: NodeJS.WritableStream;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_SETUP = 2;

/**
 * One subcommand: src/cli/commands/<name>.ts exports `command`, registered by main.ts through the generated index.
 * `register` adds the subcommand to the program; its action reports the exit code through `setExitCode`.
 */
export interface CliCommand {
  register(program: Command, io: CliIO, setExitCode: (code: number) => void): void;
}

/** `file:line:column: message (code)` lines for problems that stop the run. */
export function renderSetupProblems(problems: readonly SetupProblem[], cwd: string, locale: Locale): string {
  const lines = problems.map((problem) => {
    const where = problem.start ? `:${problem.start.line}:${problem.start.column}` : '';
    const shown = problem.filePath.startsWith('/') ? relative(cwd, problem.filePath) || problem.filePath : problem.filePath;
    return `${shown}${where}: ${problem.message[locale]} (${problem.code})`;
  });
  return `${cliMessage('setupFailed', locale)}\n${lines.join('\n')}\n`;
}
