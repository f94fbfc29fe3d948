// The real language server over stdio, with no debounce, for bench/lsp-latency.mjs, plus two bench-only messages:
//   ptlint/bench/timing (notification, server → client): the server's own time for each edited version, from the
//     change being applied to its diagnostics being written to stdout (ServerOptions.onDiagnosticsTimed);
//   ptlint/bench/memory (request): heap and resident memory after a full garbage collection (run with --expose-gc).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from '../dist/src/lsp/server.js';

const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
connection.onRequest('ptlint/bench/memory', () => {
  globalThis.gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  return { collected: typeof globalThis.gc === 'function', heapUsed, rss };
});
startLanguageServer(connection, {
  debounceMs: 0,
  onDiagnosticsTimed: (timing) => void connection.sendNotification('ptlint/bench/timing', timing),
});
