import { join } from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type NodeModule } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/**
 * Starts the ptlint language server bundled in server/ for every YAML file. The server tells filings (by their
 * `$schema` modeline or the `ptlint.files` setting) from other YAML, which it leaves alone, and reads the
 * `ptlint.*` settings itself.
 */
export async function activate(context: ExtensionContext): Promise<void> {
  const server: NodeModule = { module: context.asAbsolutePath(join('server', 'ptlint.mjs')), args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient('ptlint', 'ptlint', { run: server, debug: server }, { documentSelector: [{ scheme: 'file', language: 'yaml' }] });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
