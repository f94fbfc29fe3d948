import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  FileResult,
  Finding,
  Fix,
  FormatContext,
  Locale,
  Position,
  RuleMeta,
  SeveritySetting,
} from '../types.js';
import { absolutePath, relativePath } from './shared.js';
import { PrettyJsonArray, streamingFormatter, type ReportWriter } from './streaming/report-writer.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/ptlint';
const SRCROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'ptlint/v1';

type Level = 'error' | 'warning' | 'note' | 'none';

interface Text {
  text: string;
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface Region {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  charOffset?: number;
  charLength?: number;
}

interface PhysicalLocation {
  artifactLocation: ArtifactLocation;
  region: Region;
}

interface SarifLocation {
  id?: number;
  message?: Text;
  physicalLocation: PhysicalLocation;
}

interface SarifFix {
  description?: Text;
  artifactChanges: Array<{
    artifactLocation: ArtifactLocation;
    replacements: Array<{ deletedRegion: Region; insertedContent: Text }>;
  }>;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: Text;
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  relatedLocations?: SarifLocation[];
  fixes?: SarifFix[];
}

interface ReportingDescriptor {
  id: string;
  name: string;
  shortDescription?: Text;
  fullDescription?: Text;
  help?: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration?: { level?: Level; enabled?: boolean };
  properties?: { tags: string[] };
}

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, paths relative to %SRCROOT% (the cwd),
 * columns in UTF-16 code units, all text in the run's locale.
 *
 * The run's rules come before its results, so a report written unit by unit lists the rules of `context.rules`
 * (every rule of every config that governs the run, as `ptlint check` passes them); a result whose rule is not
 * among them would get ruleIndex -1, SARIF's "no index". The whole-run form also lists rules that only the
 * results mention.
 */
export const format = streamingFormatter(
  (context) => sarifWriter(context, []),
  (results, context) => sarifWriter(context, resultOnlyRuleIds(results, context)),
);

function sarifWriter(context: FormatContext, extraRuleIds: readonly string[]): ReportWriter {
  const rules = [...context.rules.keys(), ...extraRuleIds].map((id) => descriptor(id, context.rules.get(id), context.locale));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const run = {
    tool: {
      driver: {
        name: 'ptlint',
        version: context.version,
        semanticVersion: context.version,
        informationUri: INFORMATION_URI,
        rules,
      },
    },
    language: context.locale === 'zh' ? 'zh-CN' : 'en-US',
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
    results: [],
    columnKind: 'utf16CodeUnits',
  };
  // the log laid out whole with no results, then cut open where the results go: runs[0].results sits 3 levels deep
  const empty = JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, null, 2);
  const resultsAt = empty.lastIndexOf('"results": [') + '"results": ['.length;
  const results = new PrettyJsonArray(3);
  return {
    begin: () => empty.slice(0, resultsAt),
    unit: (unitResults) => {
      const items: string[] = [];
      for (const result of unitResults) {
        if (result.findings.length === 0) continue;
        const artifact = artifactLocation(result.filePath, context.cwd);
        for (const finding of result.findings) items.push(results.item(toResult(finding, artifact, ruleIndex, context)));
      }
      return items.join('');
    },
    end: () => [results.close() + empty.slice(resultsAt + 1)],
    dispose() {},
  };
}

/** Rules that only appear in the results, in the order they first appear. */
function resultOnlyRuleIds(results: readonly FileResult[], context: FormatContext): string[] {
  const ids = new Set<string>();
  for (const result of results) for (const finding of result.findings) if (!context.rules.has(finding.ruleId)) ids.add(finding.ruleId);
  return [...ids];
}

function descriptor(id: string, rule: RuleMeta | undefined, locale: Locale): ReportingDescriptor {
  if (rule === undefined) return { id, name: pascalCase(id) };
  const description = rule.description[locale];
  const rationale = rule.rationale?.[locale];
  const helpUri = webUri(rule.docsUrl);
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: description },
    fullDescription: { text: rationale === undefined ? description : `${description}\n\n${rationale}` },
    help: { text: helpText(rule, locale), markdown: helpMarkdown(rule, locale) },
    ...(helpUri === undefined ? {} : { helpUri }),
    defaultConfiguration: defaultConfiguration(rule.severity),
    properties: { tags: tags(rule) },
  };
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}

const HELP_LABELS: Readonly<Record<Locale, { source: string; docs: string }>> = {
  zh: { source: '依据', docs: '文档' },
  en: { source: 'Source', docs: 'Documentation' },
};

function helpText(rule: RuleMeta, locale: Locale): string {
  const labels = HELP_LABELS[locale];
  const parts = [rule.description[locale], rule.rationale?.[locale]];
  if (rule.source !== undefined) parts.push(`${labels.source}: ${rule.source}`);
  const docs = webUri(rule.docsUrl);
  if (docs !== undefined) parts.push(`${labels.docs}: ${docs}`);
  return parts.filter((part) => part !== undefined).join('\n\n');
}

function helpMarkdown(rule: RuleMeta, locale: Locale): string {
  const labels = HELP_LABELS[locale];
  const rationale = rule.rationale?.[locale];
  const parts = [`**${escapeMarkdown(rule.description[locale])}**`];
  if (rationale !== undefined) parts.push(escapeMarkdown(rationale));
  if (rule.source !== undefined) parts.push(`${labels.source}: ${escapeMarkdown(rule.source)}`);
  const docs = webUri(rule.docsUrl);
  if (docs !== undefined) parts.push(`[${labels.docs}](${docs})`);
  return parts.join('\n\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}

/**
 * Docs links are published only when they are web addresses: a file URL names a path on the
 * machine that ran ptlint, which means nothing to someone reading the alert on GitHub.
 */
function webUri(candidate: string | undefined): string | undefined {
  if (candidate === undefined || !URL.canParse(candidate)) return undefined;
  const { protocol } = new URL(candidate);
  return protocol === 'https:' || protocol === 'http:' ? candidate : undefined;
}

function defaultConfiguration(severity: SeveritySetting): { level?: Level; enabled?: boolean } {
  return severity === 'off' ? { enabled: false } : { level: level(severity) };
}

function level(severity: Exclude<SeveritySetting, 'off'>): Level {
  return severity === 'info' ? 'note' : severity;
}

function tags(rule: RuleMeta): string[] {
  const result = ['ptlint'];
  if (rule.fixable) result.push('fixable');
  if (rule.hasSuggestions) result.push('suggestions');
  return result;
}

/** `artifact`: the location of the finding's file, shared by its findings. */
function toResult(
  finding: Finding,
  artifact: ArtifactLocation,
  ruleIndex: ReadonlyMap<string, number>,
  context: FormatContext,
): SarifResult {
  const related = (finding.related ?? []).map(
    (location, index): SarifLocation => ({
      id: index + 1,
      message: { text: location.message },
      physicalLocation: physicalLocation(artifactLocation(location.filePath, context.cwd), location),
    }),
  );
  const fixes = sarifFixes(finding, artifact);
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: level(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(artifact, finding) }],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(related.length === 0 ? {} : { relatedLocations: related }),
    ...(fixes.length === 0 ? {} : { fixes }),
  };
}

function physicalLocation(
  artifact: ArtifactLocation,
  span: { start: Position; end: Position },
): PhysicalLocation {
  return {
    artifactLocation: artifact,
    region: {
      startLine: span.start.line,
      startColumn: span.start.column,
      endLine: span.end.line,
      endColumn: span.end.column,
    },
  };
}

/**
 * A URI reference relative to %SRCROOT%, each path segment percent-encoded; a file that cannot be
 * reached relatively (another drive) gets an absolute file URI instead.
 */
function artifactLocation(filePath: string, cwd: string): ArtifactLocation {
  const absolute = absolutePath(filePath, cwd);
  if (path.isAbsolute(path.relative(cwd, absolute))) return { uri: pathToFileURL(absolute).href };
  const uri = relativePath(absolute, cwd).split('/').map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SRCROOT };
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(path.resolve(directory)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** The finding's fix, then its suggestions; duplicates are dropped because SARIF wants them unique. */
function sarifFixes(finding: Finding, artifact: ArtifactLocation): SarifFix[] {
  const candidates = [
    ...(finding.fix === undefined ? [] : [{ fix: finding.fix, description: undefined }]),
    ...(finding.suggestions ?? []).map((suggestion) => ({ fix: suggestion.fix, description: suggestion.message })),
  ];
  if (candidates.length === 0) return [];
  if (candidates.length === 1) {
    const fix = sarifFix(candidates[0].fix, candidates[0].description, artifact);
    return fix === undefined ? [] : [fix];
  }
  const seen = new Set<string>();
  const fixes: SarifFix[] = [];
  for (const candidate of candidates) {
    const fix = sarifFix(candidate.fix, candidate.description, artifact);
    const key = JSON.stringify(fix);
    if (fix === undefined || seen.has(key)) continue;
    seen.add(key);
    fixes.push(fix);
  }
  return fixes;
}

/** Edits carry offsets only, so replacements use charOffset/charLength regions. */
function sarifFix(fix: Fix, description: string | undefined, artifact: ArtifactLocation): SarifFix | undefined {
  if (fix.edits.length === 0) return undefined;
  const replacements = fix.edits.map((edit) => ({
    deletedRegion: { charOffset: edit.range.start, charLength: edit.range.end - edit.range.start },
    insertedContent: { text: edit.text },
  }));
  return {
    ...(description === undefined ? {} : { description: { text: description } }),
    artifactChanges: [{ artifactLocation: artifact, replacements }],
  };
}
