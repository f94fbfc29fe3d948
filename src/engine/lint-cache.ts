import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decodeBytes } from '../source/decode.js';
import { readSource } from '../source/read-source.js';
import type { ResolvedConfig } from '../config/config-resolver.js';
import { packageVersion } from '../package-root.js';
import type { FileResult } from '../types.js';
import type { LintUnit } from './run.js';
import { writeFileAtomically } from './write-atomically.js';

/**
 * `ptlint check --cache`: results are kept per unit (folder), keyed by the content of every file in the unit,
 * every rule set and config file that governs them, the rule selection and locale, and ptlint's version. A unit
 * is reused only when all of that is unchanged; batch rules make a unit's results depend on all of its files,
 * which is why the unit, not the file, is the cached thing. Results are stored without their source text (most of
 * their size, and the cache file is read whole on every run); a report that shows source gets it read again.
 */
interface CacheFile {
  version: string;
  units: Record<string, { key: string; results: FileResult[] }>;
}

export class LintCache {
  private readonly ruleSetKeys = new Map<ResolvedConfig['ruleSet'], string>();
  private dirty = false;

  private constructor(
    private readonly location: string,
    private readonly stored: CacheFile,
    private readonly runKey: string,
  ) {}

  /** Opens the cache; a missing, unreadable or foreign cache file starts empty rather than failing the run. */
  static async open(location: string, runKey: string): Promise<LintCache> {
    const version = packageVersion();
    try {
      // read in one synchronous call: for a cache of 100+ MB, fs.promises.readFile with an encoding reads in chunks
      // through a string decoder, several times slower, and nothing else can proceed before the cache is read
      const stored = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
      if (stored.version === version && typeof stored.units === 'object' && stored.units !== null) return new LintCache(location, stored, runKey);
    } catch {
      // no usable cache yet
    }
    return new LintCache(location, { version, units: {} }, runKey);
  }

  /** The unit's key: reads its files (handing their bytes back so they are not read twice). */
  keyOf(unit: LintUnit): { key: string; unit: LintUnit } {
    const hash = createHash('sha1').update(this.runKey);
    const files = unit.files.map(({ input, config }) => {
      // a file over the size limit is keyed by its size, never read (see readSource)
      const read = input.bytes !== undefined ? { bytes: input.bytes } : readSource(input.filePath, config.limits.maxFileBytes);
      hash.update(input.filePath).update('\u0000').update(this.ruleSetKey(config)).update('\u0000').update('bytes' in read ? read.bytes : `oversize ${read.oversizeBytes}`);
      return { input: { ...input, ...read }, config };
    });
    return { key: hash.digest('hex'), unit: { ...unit, files } };
  }

  has(folder: string, key: string): boolean {
    return this.stored.units[folder]?.key === key;
  }

  /**
   * The unit's stored results, in the order of its files. With `withSource`, each file is read and decoded again
   * for its text, as the lint reads and decodes it ('' where it cannot be read or decoded, as the lint gives).
   */
  results(unit: LintUnit, key: string, withSource: boolean): FileResult[] | undefined {
    const entry = this.stored.units[unit.folder];
    if (entry?.key !== key) return undefined;
    if (!withSource) return entry.results;
    return entry.results.map((result, index) => ({ ...result, source: sourceTextOf(unit.files[index]) }));
  }

  set(folder: string, key: string, results: readonly FileResult[]): void {
    this.stored.units[folder] = { key, results: results.map(({ source: _source, ...result }) => result) };
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (this.dirty) await writeFileAtomically(this.location, JSON.stringify(this.stored));
  }

  /** Hash of every file the rule set was built from (rule files, profiles, the config). */
  private ruleSetKey(config: ResolvedConfig): string {
    let key = this.ruleSetKeys.get(config.ruleSet);
    if (!key) {
      const hash = createHash('sha1');
      for (const file of [...config.ruleSet.files].sort()) hash.update(file).update('\u0000').update(readFileSync(file));
      hash.update(JSON.stringify(config.limits));
      key = hash.digest('hex');
      this.ruleSetKeys.set(config.ruleSet, key);
    }
    return key;
  }
}

function sourceTextOf(file: LintUnit['files'][number] | undefined): string {
  if (!file) return '';
  try {
    const read = readSource(file.input.filePath, file.config.limits.maxFileBytes);
    if (!('bytes' in read)) return '';
    const decoded = decodeBytes(read.bytes);
    return decoded.ok ? decoded.text : '';
  } catch {
    return '';
  }
}
