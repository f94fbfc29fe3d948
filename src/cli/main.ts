import { Command, CommanderError } from 'commander';
import { packageVersion } from '../package-root.js';
import { EXIT_OK, EXIT_SETUP, type CliIO } from './cli-io.js';
import { COMMANDS } from './commands/index.generated.js';

export type { CliIO } from './cli-io.js';

/** Runs one ptlint command line; resolves to the exit code. Never throws for a user's mistake. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('ptlint')
    .description('财政项目支出绩效目标申报表质量检查 · lint Chinese budget performance-target filings')
    .version(packageVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();
  for (const command of Object.values(COMMANDS)) {
    command.register(program, io, (code) => {
      exitCode = code;
    });
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code) ? EXIT_OK : EXIT_SETUP;
    }
    throw error;
  }
  return exitCode;
}
