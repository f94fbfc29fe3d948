// generated — run npm run generate (one entry per file in src/cli/commands/); do not edit by hand
import { command as check } from './check.js';
import { command as import_ } from './import.js';
import { command as lsp } from './lsp.js';
import { command as new_ } from './new.js';
import { command as rules } from './rules.js';

/** Every ptlint subcommand, by name (= file name). */
export const COMMANDS = {
  'check': check,
  'import': import_,
  'lsp': lsp,
  'new': new_,
  'rules': rules,
} as const;
