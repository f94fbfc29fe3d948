#!/usr/bin/env node
// The ptlint command: runs the compiled CLI (npm run build writes dist/).
import { main } from '../dist/src/cli/main.js';

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colorSupported: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
  interactive: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
