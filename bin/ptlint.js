#!/usr/bin/env node
// The ptlint command: runs the compiled CLI (npm run build writes dist/).
import module from 'node:module';

// On Node ≥ 22.1, V8's code cache for ptlint's modules is kept on disk between runs (Node's own compile cache, as
// TypeScript's tsc enables it; NODE_DISABLE_COMPILE_CACHE=1 turns it off). Node 20 has no such cache and skips
// this. It must be enabled before the CLI's modules load, hence the dynamic import below.
try {
  module.enableCompileCache?.();
} catch {
  // a cache that cannot be set up only costs speed
}

// A reader that stops early (`ptlint check … | head`) closes the pipe: the rest of the report is dropped, not an
// EPIPE stack trace, and the run still ends with its own exit code.
let stdoutClosed = false;
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
  process.stdout.emit('drain');
});

const { main } = await import('../dist/src/cli/main.js');
const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => stdoutClosed || process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colorSupported: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
  interactive: Boolean(process.stderr.isTTY),
});
process.exitCode = code;
