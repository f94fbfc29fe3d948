import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from '../../lsp/server.js';
import type { CliIO } from '../cli-io.js';

export function startStdioServer(io: CliIO): void {
  startLanguageServer(createConnection(ProposedFeatures.all, io.stdin ?? process.stdin, io.stdoutStream ?? process.stdout));
}
