import { basename, dirname, extname, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type FileEvent,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import { engineDiagnosticMeta } from '../engine/engine-diagnostics.js';
import { packageVersion } from '../package-root.js';
import { filingSchemaUrl, filingSkeleton } from '../skeleton/filing-skeleton.js';
import type { FileResult, Locale } from '../types.js';
import { codeActionsFor, FIX_ALL_KIND } from './code-actions.js';
import { completionsAt } from './completion.js';
import { findingToDiagnostic, setupProblemsToDiagnostics } from './diagnostics.js';
import { schemaForRole, type DocumentRole } from './document-roles.js';
import { filingSymbols } from './document-symbols.js';
import { parseEditorDocument, type EditorDocument } from './editor-document.js';
import { hoverAt } from './hover.js';
import { LintScheduler } from './lint-scheduler.js';
import { FolderSettings, localeFrom, settingsFrom } from './settings.js';
import { taxonomyOf } from './taxonomy.js';
import { WorkspaceLinter } from './workspace-linter.js';

/** Short enough not to be noticed after the last keystroke, long enough that typing a word lints once. */
export const DEFAULT_DEBOUNCE_MS = 100;

export interface ServerOptions {
  /**
   * Quiet time after a change before the document is linted again (DEFAULT_DEBOUNCE_MS unless given): a burst of
   * keystrokes is linted once, after it; changes that arrive during a lint are coalesced into one more (see
   * LintScheduler). The bench passes 0 to measure the lint itself.
   */
  debounceMs?: number;
  /**
   * Told each time diagnostics for an edited version are sent: the server's own time from the moment that version's
   * change (or open) was applied to the document until its diagnostics were written to the connection's stream — debounce
   * included, the client's and the pipe's time excluded. For bench/lsp-latency.mjs.
   */
  onDiagnosticsTimed?: (timing: DiagnosticsTiming) => void;
}

export interface DiagnosticsTiming {
  uri: string;
  version: number;
  milliseconds: number;
}

/** The lint of one version of an open document; code actions and hovers use it only while that version is current. */
interface DocumentLint {
  version: number;
  result?: FileResult;
}

/**
 * The ptlint language server: a thin adapter between the LSP and the engine. Linting, config discovery and rule
 * metadata come from the engine as `ptlint check` uses them; this class only decides when to lint and converts
 * the results.
 */
class PtlintLanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly linter = new WorkspaceLinter((filePath) => this.openDocument(filePath)?.getText());
  private readonly scheduler: LintScheduler;
  private readonly lints = new Map<string, DocumentLint>();
  /** documents whose first content event has been handled (the open) */
  private readonly seen = new Set<string>();
  /** when the current version of each document arrived, while `onDiagnosticsTimed` is wanted */
  private readonly arrivals = new Map<string, { version: number; at: number }>();
  /** each open document's last parse for hovers, completion and the outline, which editors ask for after every edit */
  private readonly parses = new Map<string, { version: number; parsed: EditorDocument | undefined }>();
  private readonly settingsByFolder = new Map<string, Promise<FolderSettings>>();
  private readonly engineRuleIds = new Set(engineDiagnosticMeta().map((meta) => meta.id));
  private shutDown = false;
  private locale: Locale = 'zh';
  private workspaceFolders: string[] = [];
  private initializationOptions: unknown;
  private clientSupports = { pullsConfiguration: false, watchesFiles: false, registersConfigurationChange: false };

  constructor(
    private readonly connection: Connection,
    private readonly options: ServerOptions = {},
  ) {
    this.scheduler = new LintScheduler(options.debounceMs ?? DEFAULT_DEBOUNCE_MS, (uri) => this.lint(uri));
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.registerDynamicCapabilities());
    connection.onDidChangeConfiguration(() => {
      this.settingsByFolder.clear();
      this.relintOpenDocuments();
    });
    connection.onDidChangeWatchedFiles(({ changes }) => this.watchedFilesChanged(changes));
    connection.onCodeAction((params) => this.codeActions(params));
    connection.onHover((params) => this.hover(params));
    connection.onCompletion((params) => this.completion(params));
    connection.onDocumentSymbol(({ textDocument }) => this.documentSymbols(textDocument.uri));
    connection.onShutdown(() => {
      this.shutDown = true;
      this.scheduler.dispose();
    });
    this.documents.onDidChangeContent(({ document }) => this.contentChanged(document));
    this.documents.onDidSave(({ document }) => this.saved(document));
    this.documents.onDidClose(({ document }) => this.closed(document.uri));
    this.documents.listen(connection);
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.locale = localeFrom(params.initializationOptions, params.locale);
    this.initializationOptions = params.initializationOptions;
    const folderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.workspaceFolders = folderUris.map(filePathOf).filter((path): path is string => path !== undefined);
    const workspace = params.capabilities.workspace;
    this.clientSupports = {
      pullsConfiguration: Boolean(workspace?.configuration),
      watchesFiles: Boolean(workspace?.didChangeWatchedFiles?.dynamicRegistration),
      registersConfigurationChange: Boolean(workspace?.didChangeConfiguration?.dynamicRegistration),
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':'] },
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'ptlint', version: packageVersion() },
    };
  }

  private registerDynamicCapabilities(): void {
    if (this.clientSupports.registersConfigurationChange) void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'ptlint' });
    if (this.clientSupports.watchesFiles) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    }
  }

  private contentChanged(document: TextDocument): void {
    if (this.options.onDiagnosticsTimed) this.arrivals.set(document.uri, { version: document.version, at: performance.now() });
    if (!this.seen.has(document.uri)) {
      this.seen.add(document.uri);
      this.scheduler.schedule(document.uri, 0);
      return;
    }
    const filePath = filePathOf(document.uri);
    if (!filePath) return;
    void this.settingsFor(filePath).then((settings) => {
      if (settings.settings.run === 'onType') this.scheduler.schedule(document.uri);
    });
  }

  private async saved(document: TextDocument): Promise<void> {
    const filePath = filePathOf(document.uri);
    if (!filePath) return;
    const settings = await this.settingsFor(filePath);
    const role = this.linter.roleOf(filePath, document.getText(), settings);
    if (role === 'config' || role === 'ruleset') {
      // the configs on disk changed: for editors that do not watch files
      this.linter.clear();
      this.relintOpenDocuments();
    } else if (settings.settings.run === 'onSave') {
      this.scheduler.schedule(document.uri, 0);
    }
  }

  private closed(uri: string): void {
    this.scheduler.cancel(uri);
    this.lints.delete(uri);
    this.seen.delete(uri);
    this.arrivals.delete(uri);
    this.parses.delete(uri);
    if (!this.shutDown) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Files changed on disk: configs and rule files reload every config; any filing may change a batch result. */
  private watchedFilesChanged(changes: readonly FileEvent[]): void {
    const changed = changes.map((change) => filePathOf(change.uri)).filter((path): path is string => path !== undefined);
    const relevant = changed.filter((path) => !this.openDocument(path) || this.linter.isConfigInput(path));
    if (relevant.length === 0) return;
    if (relevant.some((path) => this.linter.isConfigInput(path))) this.linter.clear();
    this.relintOpenDocuments();
  }

  private relintOpenDocuments(): void {
    for (const document of this.documents.all()) this.scheduler.schedule(document.uri);
  }

  /** Lints the current version of a document and publishes the result, unless a newer version arrived meanwhile. */
  private async lint(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    const filePath = filePathOf(uri);
    if (!document || !filePath) return;
    const { version } = document;
    const text = document.getText();
    try {
      const settings = await this.settingsFor(filePath);
      const role: DocumentRole = settings.settings.enable ? this.linter.roleOf(filePath, text, settings) : 'other';
      if (role === 'filing') {
        await this.lintFiling(uri, filePath, version, text, settings);
        return;
      }
      const problems =
        role === 'config' ? await this.linter.checkConfig(filePath, text) : role === 'ruleset' ? this.linter.checkRuleSet(filePath, text) : [];
      if (this.documents.get(uri)?.version !== version) return;
      this.publish(uri, version, setupProblemsToDiagnostics(problems, filePath, this.locale));
    } catch (error) {
      this.connection.console.error(`ptlint: linting ${filePath} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  /** Publishes the batch's results for every open filing whose editor text is the text that was linted. */
  private async lintFiling(uri: string, filePath: string, version: number, text: string, settings: FolderSettings): Promise<void> {
    const outcome = await this.linter.lintFiling(filePath, text, settings, this.locale);
    const metas = await this.linter.ruleMetas(filePath, settings);
    if (this.documents.get(uri)?.version !== version) return;
    if (!outcome.ok) {
      this.publish(uri, version, setupProblemsToDiagnostics(outcome.problems, filePath, this.locale));
      return;
    }
    for (const result of outcome.results) {
      const open = result.filePath === filePath ? this.documents.get(uri) : this.openDocument(result.filePath);
      if (!open || withoutBom(open.getText()) !== result.source) continue;
      const diagnostics = result.findings.map((finding) => findingToDiagnostic(finding, metas.get(finding.ruleId)));
      this.publish(open.uri, open.version, diagnostics, result);
    }
  }

  /** Publishes a version's diagnostics and keeps its lint for code actions and hovers. */
  private publish(uri: string, version: number, diagnostics: Diagnostic[], result?: FileResult): void {
    if (this.shutDown) return;
    this.lints.set(uri, { version, result });
    const sent = this.connection.sendDiagnostics({ uri, version, diagnostics });
    const arrival = this.arrivals.get(uri);
    if (arrival?.version !== version) return;
    this.arrivals.delete(uri);
    // resolved once the message is encoded and written to the connection's stream
    void sent.then(() => this.options.onDiagnosticsTimed?.({ uri, version, milliseconds: performance.now() - arrival.at }));
  }

  private codeActions(params: CodeActionParams): CodeAction[] {
    const document = this.documents.get(params.textDocument.uri);
    const lint = this.lints.get(params.textDocument.uri);
    if (!document || !lint?.result || lint.version !== document.version) return [];
    return codeActionsFor({ uri: document.uri, diagnostics: params.context.diagnostics, only: params.context.only }, lint.result, this.locale);
  }

  private async hover(params: TextDocumentPositionParams): Promise<Hover | null> {
    const context = await this.editorContext(params.textDocument.uri);
    if (!context || context.role === 'other') return null;
    const { document, filePath, role, settings } = context;
    const parsed = this.parsed(document, filePath);
    if (!parsed) return null;
    const lint = this.lints.get(document.uri);
    const metas = await this.linter.ruleMetas(filePath, settings);
    return hoverAt({
      offset: document.offsetAt(params.position),
      locale: this.locale,
      parsed,
      schema: schemaForRole(role, parsed.document.kind === 'unit' ? 'unit' : 'filing'),
      findings: lint?.version === document.version ? (lint.result?.findings ?? []) : [],
      ruleMeta: (ruleId) => metas.get(ruleId),
      isFiling: role === 'filing',
    });
  }

  private async completion(params: TextDocumentPositionParams): Promise<CompletionItem[]> {
    const context = await this.editorContext(params.textDocument.uri);
    if (!context) return [];
    const { document, filePath, role, settings } = context;
    const text = document.getText();
    const parsed = role === 'filing' ? this.parsed(document, filePath) : undefined;
    const metas = await this.linter.ruleMetas(filePath, settings);
    const config = await this.linter.configFor(filePath, settings);
    return completionsAt({
      text,
      offset: document.offsetAt(params.position),
      locale: this.locale,
      role,
      schema: schemaForRole(role, parsed?.document.kind === 'unit' ? 'unit' : 'filing'),
      taxonomy: taxonomyOf(config?.ruleSet),
      rules: [...metas.values()].filter((meta) => !this.engineRuleIds.has(meta.id)),
      parsed,
      skeleton: (withModeline) =>
        filingSkeleton({
          projectName: basename(filePath, extname(filePath)),
          year: new Date().getFullYear(),
          schemaUrl: withModeline ? filingSchemaUrl(dirname(filePath)) : undefined,
        }),
      rangeOf: (range) => ({ start: document.positionAt(range.start), end: document.positionAt(range.end) }),
    });
  }

  private async documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    const context = await this.editorContext(uri);
    if (context?.role !== 'filing') return [];
    const { document, filePath } = context;
    const parsed = this.parsed(document, filePath);
    if (!parsed) return [];
    return filingSymbols(parsed.document, (range) => ({ start: document.positionAt(range.start), end: document.positionAt(range.end) }));
  }

  /** The document's current version parsed as the engine parses it, once per version. */
  private parsed(document: TextDocument, filePath: string): EditorDocument | undefined {
    const last = this.parses.get(document.uri);
    if (last?.version === document.version) return last.parsed;
    const parsed = parseEditorDocument(filePath, document.getText());
    this.parses.set(document.uri, { version: document.version, parsed });
    return parsed;
  }

  private async editorContext(uri: string): Promise<{ document: TextDocument; filePath: string; role: DocumentRole; settings: FolderSettings } | undefined> {
    const document = this.documents.get(uri);
    const filePath = filePathOf(uri);
    if (!document || !filePath) return undefined;
    const settings = await this.settingsFor(filePath);
    if (!settings.settings.enable) return undefined;
    return { document, filePath, role: this.linter.roleOf(filePath, document.getText(), settings), settings };
  }

  private settingsFor(filePath: string): Promise<FolderSettings> {
    const folder = this.workspaceFolders.filter((candidate) => filePath.startsWith(candidate + sep)).sort((a, b) => b.length - a.length)[0];
    let settings = this.settingsByFolder.get(folder ?? '');
    if (!settings) {
      settings = this.fetchSettings(folder);
      this.settingsByFolder.set(folder ?? '', settings);
    }
    return settings;
  }

  /** `initializationOptions`, overridden by the editor's `ptlint` section where it has one. */
  private async fetchSettings(folder: string | undefined): Promise<FolderSettings> {
    let pulled: unknown;
    if (this.clientSupports.pullsConfiguration) {
      try {
        pulled = await this.connection.workspace.getConfiguration({ scopeUri: folder ? pathToFileURL(folder).href : undefined, section: 'ptlint' });
      } catch {
        pulled = undefined;
      }
    }
    return new FolderSettings(settingsFrom({ ...asRecord(this.initializationOptions), ...asRecord(pulled) }), folder);
  }

  private openDocument(filePath: string): TextDocument | undefined {
    return this.documents.all().find((document) => filePathOf(document.uri) === filePath);
  }
}

/** Serves ptlint on a connection until the client exits. */
export function startLanguageServer(connection: Connection, options: ServerOptions = {}): void {
  new PtlintLanguageServer(connection, options);
  connection.listen();
}

function filePathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
