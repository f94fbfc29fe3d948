import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CONFIG_FILE_NAMES, ConfigResolver, type ConfigResult, type ResolvedConfig } from '../config/config-resolver.js';
import { engineDiagnosticMeta } from '../engine/engine-diagnostics.js';
import { finalizeFile, lintFileAlone, runUnitBatchRules, type FileInput, type FileState } from '../engine/lint.js';
import { prepareRun } from '../engine/run.js';
import { parseYamlData } from '../ruleset/load-yaml-file.js';
import { resolveConfigRuleSet, type ResolvedRuleSet } from '../ruleset/resolve-ruleset.js';
import { CONFIG_SCHEMA, RULESET_SCHEMA } from '../schema/schemas.js';
import type { FileResult, Locale, RuleMeta, SetupProblem } from '../types.js';
import { documentRole, type DocumentRole } from './document-roles.js';
import type { FolderSettings } from './settings.js';

export type FilingLint =
  | { ok: true; results: FileResult[]; config: ResolvedConfig }
  /** the filing's config (or a rule file it names) cannot be loaded */
  | { ok: false; problems: SetupProblem[] };

/**
 * Runs the engine for the editor: the same config discovery, rule sets and batches (a folder's filings) as
 * `ptlint check`, except that open documents are read from the editor instead of the disk.
 */
export class WorkspaceLinter {
  private readonly resolvers = new Map<string, ConfigResolver>();
  private readonly diskFiles = new DiskFiles();
  private readonly peerStates = new PeerStates();
  /** rule metadata per loaded rule set (this linter stands for "no rule set"); the maps are shared, never changed */
  private readonly metasByRuleSet = new WeakMap<object, Map<string, RuleMeta>>();
  /** rule files of every config loaded so far: a change to one of them reloads the configs */
  readonly knownRuleFiles = new Set<string>();
  private defaultRuleSetLoad: Promise<ResolvedRuleSet | undefined> | undefined;

  /** `openText` gives the editor's text of an open file, undefined for a file that is not open. */
  constructor(private readonly openText: (filePath: string) => string | undefined) {}

  /** Forgets every loaded config and rule set, e.g. after one of them changed. */
  clear(): void {
    for (const resolver of this.resolvers.values()) resolver.clear();
    this.knownRuleFiles.clear();
    this.defaultRuleSetLoad = undefined;
    this.peerStates.clear();
  }

  /** Whether a file is a config, or a rule file a loaded config was built from: changing it reloads the configs. */
  isConfigInput(filePath: string): boolean {
    return this.knownRuleFiles.has(filePath) || (CONFIG_FILE_NAMES as readonly string[]).includes(basename(filePath));
  }

  roleOf(filePath: string, text: string, settings: FolderSettings): DocumentRole {
    return documentRole(filePath, text, { isListedFiling: (path) => settings.isListedFiling(path), knownRuleFiles: this.knownRuleFiles });
  }

  async configFor(filePath: string, settings: FolderSettings): Promise<ResolvedConfig | undefined> {
    const configured = await this.configResultFor(filePath, settings);
    return configured.ok ? configured.config : undefined;
  }

  /**
   * Lints one filing together with the other filings of its folder (batch rules see them all), as `ptlint check`
   * lints that folder. Only the edited filing is linted again on every call: the per-file work on the others
   * (parse, schema, filing rules) is kept per content and config (see PeerStates), and the batch rules run over
   * all of them. Results come back for the edited filing and the other filings open in the editor (`openText`),
   * the only ones the editor shows.
   */
  async lintFiling(filePath: string, text: string, settings: FolderSettings, locale: Locale): Promise<FilingLint> {
    const configured = await this.configResultFor(filePath, settings);
    if (!configured.ok) return configured;
    const resolver = this.resolverFor(settings);
    const inputs: FileInput[] = [{ filePath, text }, ...(await this.peersOf(filePath, settings, resolver))];
    const prepared = await prepareRun(inputs, { resolver, skip: (path, config) => path !== filePath && config.ignores(path) });
    if (!prepared.ok) return prepared;
    const results: FileResult[] = [];
    for (const unit of prepared.units) {
      const states = unit.files.map(({ input, config }) => (input.filePath === filePath ? lintFileAlone(input, config) : this.peerStates.stateOf(input, config)));
      this.peerStates.keepOnly(unit.folder, new Set(unit.files.map(({ input }) => input.filePath)));
      // as the engine's finishUnit, finalizing only what the editor shows
      runUnitBatchRules(states);
      for (const state of states) {
        if (state.filePath === filePath || this.openText(state.filePath) !== undefined) results.push(finalizeFile(state, locale));
      }
    }
    return { ok: true, results, config: configured.config };
  }

  /** Schema violations of a config being edited, then the problems of the rule set it describes. */
  async checkConfig(filePath: string, text: string): Promise<SetupProblem[]> {
    const parsed = parseYamlData(filePath, new TextEncoder().encode(text), CONFIG_SCHEMA);
    if (!parsed.ok) return parsed.problems;
    const built = await resolveConfigRuleSet(parsed.document);
    return built.ok ? [] : built.problems;
  }

  /** Schema violations of a rule set being edited. */
  checkRuleSet(filePath: string, text: string): SetupProblem[] {
    const parsed = parseYamlData(filePath, new TextEncoder().encode(text), RULESET_SCHEMA);
    return parsed.ok ? [] : parsed.problems;
  }

  /**
   * Every rule a file's config knows (the default profile's while that config is broken), plus the engine's own
   * diagnostics: for docs links, hovers and completion.
   */
  async ruleMetas(filePath: string, settings: FolderSettings): Promise<Map<string, RuleMeta>> {
    const ruleSet = (await this.configFor(filePath, settings))?.ruleSet ?? (await this.defaultRuleSet());
    const key = ruleSet ?? this;
    let metas = this.metasByRuleSet.get(key);
    if (!metas) {
      metas = new Map<string, RuleMeta>(engineDiagnosticMeta().map((meta) => [meta.id, meta]));
      for (const [id, rule] of ruleSet?.rules ?? []) metas.set(id, rule.meta);
      this.metasByRuleSet.set(key, metas);
    }
    return metas;
  }

  private async configResultFor(filePath: string, settings: FolderSettings): Promise<ConfigResult> {
    const configured = await this.resolverFor(settings).configFor(filePath);
    if (configured.ok) for (const file of configured.config.ruleSet.files) this.knownRuleFiles.add(file);
    return configured;
  }

  private defaultRuleSet(): Promise<ResolvedRuleSet | undefined> {
    this.defaultRuleSetLoad ??= resolveConfigRuleSet(undefined).then((built) => (built.ok ? built.ruleSet : undefined));
    return this.defaultRuleSetLoad;
  }

  private resolverFor(settings: FolderSettings): ConfigResolver {
    const key = settings.configPath ?? '';
    let resolver = this.resolvers.get(key);
    if (!resolver) {
      resolver = new ConfigResolver({ configPath: settings.configPath });
      this.resolvers.set(key, resolver);
    }
    return resolver;
  }

  /**
   * The other filings of the file's unit — its folder, which is what the engine batches — open ones with the
   * editor's text, leaving out any whose config cannot be loaded.
   */
  private async peersOf(filePath: string, settings: FolderSettings, resolver: ConfigResolver): Promise<FileInput[]> {
    const folder = dirname(filePath);
    const names = await readdir(folder).catch(() => []);
    const peers: FileInput[] = [];
    for (const name of names.sort()) {
      const peer = join(folder, name);
      if (peer === filePath || name.startsWith('.') || !/\.ya?ml$/.test(name)) continue;
      const open = this.openText(peer);
      const onDisk = open === undefined ? await this.diskFiles.read(peer) : undefined;
      const text = open ?? onDisk?.text;
      if (text === undefined || this.roleOf(peer, text, settings) !== 'filing') continue;
      if (!(await resolver.configFor(peer)).ok) continue;
      peers.push(open !== undefined ? { filePath: peer, text: open } : { filePath: peer, bytes: onDisk!.bytes });
    }
    return peers;
  }
}

interface DiskFile {
  bytes: Uint8Array;
  text: string;
}

/**
 * Files of the workspace as the CLI reads them (bytes, decoded by the engine), read again only when their size or
 * modification time changed. `text` is a lenient decoding for telling filings from other YAML.
 */
class DiskFiles {
  private readonly cache = new Map<string, { mtimeMs: number; size: number; file: DiskFile }>();

  async read(filePath: string): Promise<DiskFile | undefined> {
    try {
      const info = await stat(filePath);
      const cached = this.cache.get(filePath);
      if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.file;
      const bytes = await readFile(filePath);
      const file = { bytes, text: new TextDecoder().decode(bytes) };
      this.cache.set(filePath, { mtimeMs: info.mtimeMs, size: info.size, file });
      return file;
    } catch {
      this.cache.delete(filePath);
      return undefined;
    }
  }
}

/**
 * The other filings of a folder after the per-file stage (parse, schema, filing rules), for as long as their
 * content and config stay the same, so that an edit re-lints only the edited filing. Batch rules add findings to a
 * state, so every run gets a copy with its own list of findings; the parsed document is shared and never changed.
 * A kept state takes some 20 times its text in memory (~110 KB for a 2,500-character filing), so entries go when a
 * file leaves its folder's batch, and whole folders, least recently linted first, while the texts kept add up to
 * more than MAX_CHARACTERS (~40 MB of heap); the folder being linted always stays.
 */
class PeerStates {
  private static readonly MAX_CHARACTERS = 1_000_000;
  /** folder → file → the per-file state and what it was linted from; folders in order of last use */
  private readonly folders = new Map<string, Map<string, { content: Uint8Array | string; config: ResolvedConfig; state: FileState }>>();

  /** A fresh copy of the file's per-file state, linted now unless its content and config are the ones last linted. */
  stateOf(input: FileInput, config: ResolvedConfig): FileState {
    const folder = dirname(input.filePath);
    const files = this.folders.get(folder) ?? new Map();
    this.folders.delete(folder);
    this.folders.set(folder, files);
    // disk files keep their bytes object while unchanged on disk (DiskFiles); editor text is compared by value
    const content = input.text ?? input.bytes ?? '';
    let entry = files.get(input.filePath);
    if (!entry || entry.content !== content || entry.config !== config) {
      entry = { content, config, state: lintFileAlone(input, config) };
      files.set(input.filePath, entry);
      this.evictBeyondBudget(folder);
    }
    return { ...entry.state, pending: [...entry.state.pending] };
  }

  /** Forgets the files of `folder` that are no longer in its batch. */
  keepOnly(folder: string, filePaths: ReadonlySet<string>): void {
    const files = this.folders.get(folder);
    for (const filePath of files?.keys() ?? []) if (!filePaths.has(filePath)) files!.delete(filePath);
  }

  clear(): void {
    this.folders.clear();
  }

  private evictBeyondBudget(current: string): void {
    let characters = 0;
    for (const files of this.folders.values()) for (const { state } of files.values()) characters += state.source.text.length;
    for (const [folder, files] of this.folders) {
      if (characters <= PeerStates.MAX_CHARACTERS || folder === current) break;
      for (const { state } of files.values()) characters -= state.source.text.length;
      this.folders.delete(folder);
    }
  }
}
