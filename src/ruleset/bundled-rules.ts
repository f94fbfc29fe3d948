import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { valueAtPath, type LintDocument, type NodePart } from '../document/lint-document.js';
import { packageRoot } from '../package-root.js';
import type { SourceFile } from '../source/source-file.js';
import type { SourceRange, YamlPath } from '../types.js';
import { BUNDLED_RULES } from './bundled-rules.generated.js';
import { parseYamlData } from './load-yaml-file.js';
import type { RuleSourceDocument } from './rule-types.js';

/** ptlint's rules/ folder as scripts/generate.mjs records it; paths relative to the package root, `/`-separated. */
export interface RulesSnapshot {
  /** every file under rules/ */
  listing: readonly string[];
  files: Readonly<Record<string, RuleFileSnapshot>>;
}

export interface RuleFileSnapshot {
  /** SHA-256 (hex) of the file's bytes */
  sha256: string;
  /** each `include` pattern of the file, expanded (sorted, as paths relative to the package root) */
  includes: Readonly<Record<string, readonly string[]>>;
  /** the file's data as the YAML loader produces it, as JSON */
  json: string;
}

/**
 * ptlint's own rule sets, served from the snapshot generated into bundled-rules.generated.ts instead of being
 * parsed as YAML on every start (parsing them was the largest part of a one-file run's start-up).
 *
 * The snapshot is only trusted for what it provably still describes: a file's data only while the file on disk has
 * exactly the recorded bytes (checked by hash each time a rule set is built, so an edited rule file — by a
 * developer, or with the language server running — is read as YAML like any other), and an `include` expansion
 * only while the files under rules/ are still exactly those recorded. Anything else returns undefined and the
 * caller parses or globs as before. One instance per rule set being built.
 */
export class BundledRules {
  private listingIsCurrent: boolean | undefined;

  constructor(
    private readonly root: string = packageRoot(),
    private readonly snapshot: RulesSnapshot = BUNDLED_RULES,
  ) {}

  /** The document of a bundled rule file from the snapshot; undefined when the file is not recorded or has changed. */
  document(filePath: string): RuleSourceDocument | undefined {
    const recorded = this.snapshot.files[this.key(filePath)];
    if (!recorded) return undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(filePath);
    } catch {
      return undefined;
    }
    if (createHash('sha256').update(bytes).digest('hex') !== recorded.sha256) return undefined;
    return new SnapshotRuleDocument(filePath, JSON.parse(recorded.json), bytes);
  }

  /**
   * The files an `include` pattern of a bundled rule file matches (absolute, sorted as a glob's result is sorted
   * by the rule set builder); undefined when the pattern is not recorded or rules/ has changed since.
   */
  includes(filePath: string, pattern: string): string[] | undefined {
    const recorded = this.snapshot.files[this.key(filePath)]?.includes[pattern];
    if (!recorded || !this.listingMatches()) return undefined;
    return recorded.map((path) => join(this.root, ...path.split('/')));
  }

  private key(filePath: string): string {
    return relative(this.root, filePath).split(sep).join('/');
  }

  private listingMatches(): boolean {
    if (this.listingIsCurrent === undefined) {
      const listing = listFiles(this.root, 'rules');
      const recorded = this.snapshot.listing;
      this.listingIsCurrent = listing !== undefined && listing.length === recorded.length && listing.every((path, index) => path === recorded[index]);
    }
    return this.listingIsCurrent;
  }
}

/** Every file under `folder` (relative to `root`), sorted as the generator sorts them; undefined when unreadable. */
function listFiles(root: string, folder: string): string[] | undefined {
  try {
    const files: string[] = [];
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) files.push(...(listFiles(root, path) ?? []));
      else files.push(path);
    }
    return files.sort();
  } catch {
    return undefined;
  }
}

/**
 * A bundled rule file's data from the snapshot. Positions (nodes, ranges, the source text) are only needed when a
 * message must point into the file; the YAML is parsed then, from the very bytes whose hash matched the snapshot.
 */
class SnapshotRuleDocument implements RuleSourceDocument {
  private parsed: LintDocument | undefined;

  constructor(
    readonly filePath: string,
    readonly data: unknown,
    private readonly bytes: Uint8Array,
  ) {}

  get source(): SourceFile {
    return this.parsedDocument().source;
  }

  nodeAt(path: YamlPath): ReturnType<LintDocument['nodeAt']> {
    return this.parsedDocument().nodeAt(path);
  }

  valueAt(path: YamlPath): unknown {
    return valueAtPath(this.data, path);
  }

  rangeOf(path: YamlPath, part?: NodePart): SourceRange {
    return this.parsedDocument().rangeOf(path, part);
  }

  private parsedDocument(): LintDocument {
    if (!this.parsed) {
      const loaded = parseYamlData(this.filePath, this.bytes, undefined);
      // the snapshot was generated from these very bytes, which therefore parse
      if (!loaded.ok) throw new Error(`ptlint: bundled rule file ${this.filePath} no longer parses`);
      this.parsed = loaded.document;
    }
    return this.parsed;
  }
}
