import { isAbsolute, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { Locale } from '../types.js';

/** The `ptlint.*` settings, per workspace folder (VS Code) or from `initializationOptions` (other editors). */
export interface PtlintSettings {
  enable: boolean;
  /** one config file for every filing instead of searching upward; '' searches. Relative to the workspace folder. */
  configPath: string;
  /** lint while typing, or only when the file is opened and saved */
  run: 'onType' | 'onSave';
  /** globs (relative to the workspace folder) of filings that carry no `$schema` modeline */
  files: string[];
}

export const DEFAULT_SETTINGS: Readonly<PtlintSettings> = { enable: true, configPath: '', run: 'onType', files: [] };

/** Reads settings as an editor sends them: missing or mistyped entries take their defaults. */
export function settingsFrom(raw: unknown): PtlintSettings {
  const given = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    enable: typeof given.enable === 'boolean' ? given.enable : DEFAULT_SETTINGS.enable,
    configPath: typeof given.configPath === 'string' ? given.configPath : DEFAULT_SETTINGS.configPath,
    run: given.run === 'onSave' ? 'onSave' : DEFAULT_SETTINGS.run,
    files: Array.isArray(given.files) ? given.files.filter((glob): glob is string => typeof glob === 'string') : [...DEFAULT_SETTINGS.files],
  };
}

/** `initializationOptions.locale`, else the editor's UI language: English editors get English messages. */
export function localeFrom(initializationOptions: unknown, clientLocale: string | undefined): Locale {
  const requested = (initializationOptions as { locale?: unknown } | null | undefined)?.locale;
  if (requested === 'zh' || requested === 'en') return requested;
  return clientLocale?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** The settings of one workspace folder, with paths resolved against it. */
export class FolderSettings {
  private readonly listed: (relativePath: string) => boolean;

  constructor(
    readonly settings: PtlintSettings,
    readonly folder: string | undefined,
  ) {
    const matcher = settings.files.length > 0 ? picomatch(settings.files, { dot: true }) : undefined;
    this.listed = (relativePath) => matcher?.(relativePath) ?? false;
  }

  /** The `configPath` setting as an absolute path, or undefined to search upward from each file. */
  get configPath(): string | undefined {
    if (!this.settings.configPath) return undefined;
    return isAbsolute(this.settings.configPath) ? this.settings.configPath : resolve(this.folder ?? process.cwd(), this.settings.configPath);
  }

  isListedFiling(filePath: string): boolean {
    if (!this.folder) return false;
    const relativePath = relative(this.folder, filePath).split('\\').join('/');
    return !relativePath.startsWith('..') && this.listed(relativePath);
  }
}
