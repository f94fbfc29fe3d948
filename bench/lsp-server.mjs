// The real language server over stdio, with no debounce, so that bench/lsp-latency.mjs measures the server's own
// work from didChange to publishDiagnostics.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from '../dist/src/lsp/server.js';

startLanguageServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout), { debounceMs: 0 });
