import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  createConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type InitializeResult,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type SymbolInformation,
} from 'vscode-languageserver/node';
import { startLanguageServer, type ServerOptions } from '../../../src/lsp/server.js';

export interface ClientOptions {
  /** what the client answers to `workspace/configuration` for the `ptlint` section; null = the editor has none */
  settings?: Record<string, unknown> | null;
  initializationOptions?: Record<string, unknown>;
  locale?: string;
}

/**
 * An LSP client for tests, speaking JSON-RPC over any pair of streams: it records every publishDiagnostics and
 * answers the server's requests (configuration, capability registration) the way an editor does.
 */
export class LspTestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly registrations: Registration[] = [];
  private readonly waiters: Array<{ matches: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }> = [];

  constructor(
    readonly connection: MessageConnection,
    private readonly options: ClientOptions = {},
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (!waiter.matches(params)) continue;
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.options.settings ?? null));
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.listen();
  }

  /** The first diagnostics published for `uri` (already or from now on) that satisfy `matches`. */
  diagnostics(uri: string, matches: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const predicate = (params: PublishDiagnosticsParams) => params.uri === uri && matches(params);
    const earlier = this.published.find(predicate);
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolve) => this.waiters.push({ matches: predicate, resolve }));
  }

  /** Diagnostics for a version of `uri` published after this call. */
  nextDiagnostics(uri: string, matches: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ matches: (params) => params.uri === uri && matches(params), resolve }));
  }

  async initialize(workspaceFolder: string | undefined): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: workspaceFolder ? pathToFileURL(workspaceFolder).href : null,
      workspaceFolders: workspaceFolder ? [{ uri: pathToFileURL(workspaceFolder).href, name: 'workspace' }] : null,
      locale: this.options.locale,
      initializationOptions: this.options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: this.options.settings !== undefined,
          didChangeWatchedFiles: { dynamicRegistration: true },
          didChangeConfiguration: { dynamicRegistration: true },
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
          hover: { contentFormat: ['markdown'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(filePath: string, text: string, version = 1): Promise<string> {
    const uri = pathToFileURL(filePath).href;
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
    return uri;
  }

  /** Replaces the whole text, as a client with full-document sync does. */
  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Edits a range, as a client with incremental sync does. */
  edit(uri: string, version: number, range: Range, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  save(uri: string): Promise<void> {
    return this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  fileChanged(filePath: string): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(filePath).href, type: FileChangeType.Changed }],
    });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const actions = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
    return (actions ?? []).filter((action): action is CodeAction => 'title' in action && !('command' in action && typeof action.command === 'string'));
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result: CompletionItem[] | CompletionList | null = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  async symbols(uri: string): Promise<DocumentSymbol[]> {
    const result: DocumentSymbol[] | SymbolInformation[] | null = await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    return (result ?? []) as DocumentSymbol[];
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
  }

  async exit(): Promise<void> {
    await this.connection.sendNotification(ExitNotification.type);
  }
}

/**
 * A server and a client in this process, joined by two in-memory streams (as vscode-languageserver-node tests
 * itself). The server gets message readers rather than raw streams, so closing them never exits the process.
 */
export function startInProcess(clientOptions: ClientOptions = {}, serverOptions: ServerOptions = {}): { client: LspTestClient; dispose(): Promise<void> } {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startLanguageServer(serverConnection, serverOptions);
  const client = new LspTestClient(createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)), clientOptions);
  return {
    client,
    async dispose() {
      await client.shutdown();
      client.connection.dispose();
      serverConnection.dispose();
      toServer.destroy();
      toClient.destroy();
    },
  };
}
