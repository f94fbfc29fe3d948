import type { Decimal } from 'decimal.js';
import type { LintDocument } from '../document/lint-document.js';
import { defineBatchFunction, type BatchContext, type RelatedReport } from '../engine/function-api.js';
import { indicatorNameKey } from '../domain/indicator-name-key.js';
import { indicatorRows } from '../domain/indicator-rows.js';
import { parseFieldPath } from '../domain/field-paths.js';
import { declaredUmbrellas, filingsByName, projectNameKey, projectNameOf, quoteName, unitFolders, type UnitFolder } from '../domain/unit-folders.js';
import type { YamlPath } from '../types.js';
import { formatYuan } from '../values/money.js';

interface Options {
  /** dotted path, in each filing, of the amount compared (e.g. 项目资金.年度资金申请总额.合计) */
  amount: string;
  /** largest number of filings whose amounts may add up to another's */
  maxParts: number;
  /** folders with more filings than this are checked for declared merges only, to bound the search */
  maxFilings: number;
  /** for an amount that adds up: the share of each part's indicators the merged filing must also carry (0: money alone) */
  corroboration: number;
  /** without an amount that adds up: the share of each part's indicators the merged filing must carry */
  partCoverage: number;
  /** …and the share of the merged filing's indicators that its parts, together but no single one alone, account for */
  unionCoverage: number;
  /** filings with fewer indicators than this are not compared by their indicators */
  minIndicators: number;
  /** indicator names at least this long also match when one contains the other (“七一”系列活动 / …活动次数) */
  minNameLength: number;
}

/** What the search needs to know about one filing. */
interface Profile {
  document: LintDocument;
  name: string;
  amountPath: YamlPath;
  yuan?: Decimal;
  /** the amount in fen (1/100 元) as an exact integer, for the subset-sum search; undefined below a fen */
  fen?: bigint;
  /** distinct 三级指标 names as compared (see indicatorNameKey) */
  indicators: string[];
}

/** Indicator name → the filings of a folder that carry it. */
type Holders = ReadonlyMap<string, ReadonlySet<Profile>>;

/**
 * Reports double counting within one unit's folder: a merged (综合) filing filed together with the sub-projects it
 * merges. Evidence, strongest first, one finding per merged filing:
 * - `declared`: a unit summary's 合并项目 names the merged project and its parts, and both are filed;
 * - `sumOfOthers`: its amount equals the exact sum of 2…maxParts other filings' amounts, and it carries (share
 *   `corroboration`) each of their indicators that the folder's other filings lack — a coincidence of round amounts,
 *   or of generic indicators, is not reported;
 * - `unionOfOthers`: its indicators are the union of two or more other filings' indicators.
 * The finding sits in the merged filing, with related locations in its parts. Searches other than the declared one
 * run only in folders of at most `maxFilings` filings. Selected value: any node of each document (`$`).
 */
export const ruleFunction = defineBatchFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['amount', 'maxParts', 'maxFilings', 'corroboration', 'partCoverage', 'unionCoverage', 'minIndicators', 'minNameLength'],
    properties: {
      amount: { type: 'string', minLength: 1 },
      maxParts: { type: 'integer', minimum: 2, maximum: 5 },
      maxFilings: { type: 'integer', minimum: 0 },
      corroboration: { type: 'number', minimum: 0, maximum: 1 },
      partCoverage: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      unionCoverage: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      minIndicators: { type: 'integer', minimum: 1 },
      minNameLength: { type: 'integer', minimum: 1 },
    },
  },
  messageIds: ['declared', 'sumOfOthers', 'unionOfOthers', 'partFiled', 'declaredHere', 'partIndicators'],
  run(targets, options, context) {
    for (const folder of unitFolders(targets.map((target) => target.document))) {
      const profiles = folder.filings.map((document) => profileOf(document, parseFieldPath(options.amount), context));
      const reported = reportDeclared(folder, profiles, context);
      if (profiles.length > options.maxFilings) continue;
      const holders = holdersByName(profiles);
      const matches = new NameMatches(options.minNameLength);
      for (const merged of profiles) {
        if (reported.has(merged)) continue;
        if (reportSumOfOthers(merged, profiles, holders, matches, options, context) || reportUnionOfOthers(merged, profiles, matches, options, context)) reported.add(merged);
      }
    }
  },
});

function profileOf(document: LintDocument, amountPath: YamlPath, context: BatchContext): Profile {
  const parsed = context.facts(document).money(amountPath);
  const yuan = parsed.ok ? parsed.yuan : undefined;
  const fen = yuan?.times(100);
  const name = projectNameOf(document);
  const indicators = indicatorRows(document.valueAt(['绩效指标']), ['绩效指标'], document).map((row) => indicatorNameKey(row.name, name));
  return {
    document,
    name,
    amountPath,
    yuan,
    fen: fen?.isInteger() ? BigInt(fen.toFixed(0)) : undefined,
    indicators: [...new Set(indicators.filter((indicator) => indicator !== ''))],
  };
}

/** Declared merges whose merged project and at least one part are both filed; returns the merged filings reported. */
function reportDeclared(folder: UnitFolder, profiles: readonly Profile[], context: BatchContext): Set<Profile> {
  const byName = filingsByName(folder.filings);
  const profileOfDocument = new Map(profiles.map((profile) => [profile.document, profile]));
  const reported = new Set<Profile>();
  for (const summary of folder.summaries) {
    for (const umbrella of declaredUmbrellas(summary)) {
      const parts = umbrella.parts.flatMap((part) => byName.get(projectNameKey(part.name)) ?? []).map((document) => profileOfDocument.get(document)!);
      if (parts.length === 0) continue;
      for (const document of byName.get(projectNameKey(umbrella.name)) ?? []) {
        const merged = profileOfDocument.get(document)!;
        if (reported.has(merged)) continue;
        reported.add(merged);
        context.report(document, {
          messageId: 'declared',
          path: merged.amountPath,
          data: { project: quoteName(merged.name), parts: umbrella.parts.map((part) => quoteName(part.name)).join('、'), filed: quotedNames(parts) },
          related: [{ document: summary, path: umbrella.path, messageId: 'declaredHere', data: { project: quoteName(merged.name) } }, ...parts.map(partAmount)],
        });
      }
    }
  }
  return reported;
}

function reportSumOfOthers(merged: Profile, profiles: readonly Profile[], holders: Holders, matches: NameMatches, options: Options, context: BatchContext): boolean {
  if (merged.fen === undefined || merged.fen <= 0n) return false;
  const total = merged.fen;
  const candidates = profiles.filter((part) => part !== merged && part.fen !== undefined && part.fen > 0n && part.fen < total);
  for (const parts of subsetsSummingTo(total, candidates, options.maxParts)) {
    const group = new Set([merged, ...parts]);
    const heldOutside = (name: string) => [...(holders.get(name) ?? [])].some((holder) => !group.has(holder));
    if (options.corroboration > 0 && !carriesEachPart(merged, parts, options.corroboration, matches, options, heldOutside)) continue;
    context.report(merged.document, {
      messageId: 'sumOfOthers',
      path: merged.amountPath,
      data: { project: quoteName(merged.name), amount: formatYuan(merged.yuan!), parts: quotedNames(parts), sum: amountSum(parts) },
      related: parts.map(partAmount),
    });
    return true;
  }
  return false;
}

function reportUnionOfOthers(merged: Profile, profiles: readonly Profile[], matches: NameMatches, options: Options, context: BatchContext): boolean {
  if (merged.indicators.length < options.minIndicators) return false;
  const parts = profiles.filter(
    (part) =>
      part !== merged &&
      part.indicators.length >= options.minIndicators &&
      matches.reaches(part.indicators, merged.indicators, options.partCoverage) &&
      !matches.reaches(merged.indicators, part.indicators, options.unionCoverage),
  );
  if (parts.length < 2 || !carriesEachPart(merged, parts, options.partCoverage, matches, options)) return false;
  const union = parts.flatMap((part) => part.indicators);
  const share = matches.share(merged.indicators, union);
  if (share < options.unionCoverage) return false;
  context.report(merged.document, {
    messageId: 'unionOfOthers',
    path: ['绩效指标'],
    part: 'key',
    data: { project: quoteName(merged.name), parts: quotedNames(parts), share: `${Math.round(share * 100)}%` },
    related: parts.map((part) => ({ document: part.document, path: ['绩效指标'], part: 'key', messageId: 'partIndicators', data: { project: quoteName(part.name) } })),
  });
  return true;
}

/**
 * Whether `merged` carries at least `share` of each part's indicators, among them one that no other part has: parts
 * copied from one template (the same indicators everywhere) are not what a merged filing merges. Names for which
 * `isGeneric` holds are no evidence (indicators the unit's other filings carry as well).
 */
function carriesEachPart(
  merged: Profile,
  parts: readonly Profile[],
  share: number,
  matches: NameMatches,
  options: Options,
  isGeneric: (name: string) => boolean = () => false,
): boolean {
  const { minIndicators } = options;
  return parts.every((part) => {
    if (part.indicators.length < minIndicators) return false;
    const carried = part.indicators.filter((name) => !isGeneric(name) && matches.any(name, merged.indicators));
    if (carried.length / part.indicators.length < share) return false;
    const otherParts = parts.filter((other) => other !== part).flatMap((other) => other.indicators);
    return carried.some((name) => !matches.any(name, otherParts));
  });
}

/** The filings that carry each indicator name (exactly as compared). */
function holdersByName(profiles: readonly Profile[]): Holders {
  const holders = new Map<string, Set<Profile>>();
  for (const profile of profiles) {
    for (const name of profile.indicators) holders.set(name, (holders.get(name) ?? new Set<Profile>()).add(profile));
  }
  return holders;
}

/**
 * Indicator-name matching within one folder: names match when equal, or when one contains the other and both are at
 * least `minNameLength` long. The searches compare every filing's names with every other's, both ways and again for
 * each candidate merged filing; so each list of names is indexed once (as a set, for the equal names that make most
 * matches, and its names long enough to match by containment), and a share that only has to reach a threshold is
 * counted only until the answer is certain.
 */
class NameMatches {
  private readonly indexes = new WeakMap<readonly string[], { names: ReadonlySet<string>; long: readonly string[] }>();

  constructor(private readonly minNameLength: number) {}

  /** Whether some name of `among` matches `name`. */
  any(name: string, among: readonly string[]): boolean {
    const { names, long } = this.indexOf(among);
    if (names.has(name)) return true;
    if (name.length < this.minNameLength) return false;
    /* Only the shorter can lie in the longer; distinct names of equal length never contain each other. */
    return long.some((other) => (other.length < name.length ? name.includes(other) : other.length > name.length && other.includes(name)));
  }

  /** The share of `names` that some name of `among` matches. */
  share(names: readonly string[], among: readonly string[]): number {
    if (names.length === 0) return 0;
    return names.filter((name) => this.any(name, among)).length / names.length;
  }

  /**
   * `share(names, among) >= threshold`, stopping as soon as the count of matches, or the count still possible,
   * decides it (the share is that count over names.length, so both bounds compare exactly as the share would).
   */
  reaches(names: readonly string[], among: readonly string[], threshold: number): boolean {
    if (names.length === 0) return 0 >= threshold;
    let matched = 0;
    for (let index = 0; index < names.length; index++) {
      if (this.any(names[index], among)) matched++;
      if (matched / names.length >= threshold) return true;
      if ((matched + names.length - index - 1) / names.length < threshold) return false;
    }
    return matched / names.length >= threshold;
  }

  private indexOf(among: readonly string[]): { names: ReadonlySet<string>; long: readonly string[] } {
    let index = this.indexes.get(among);
    if (!index) {
      index = { names: new Set(among), long: among.filter((other) => other.length >= this.minNameLength) };
      this.indexes.set(among, index);
    }
    return index;
  }
}

/**
 * Every set of 2…maxParts candidates whose fen amounts add up to `total`, smaller sets first. Candidates are sorted
 * by amount so a partial sum that reaches the total ends its branch; the last member of a set is looked up by the
 * amount still missing, so the work grows as candidates^(maxParts−1), never over all subsets.
 */
function* subsetsSummingTo(total: bigint, candidates: readonly Profile[], maxParts: number): Generator<Profile[]> {
  const sorted = [...candidates].sort((a, b) => (a.fen! < b.fen! ? -1 : a.fen! > b.fen! ? 1 : 0));
  const indexesByAmount = new Map<bigint, number[]>();
  sorted.forEach((profile, index) => indexesByAmount.set(profile.fen!, [...(indexesByAmount.get(profile.fen!) ?? []), index]));
  for (let size = 2; size <= maxParts; size++) yield* extend([], 0, 0n, size);

  function* extend(chosen: Profile[], start: number, partial: bigint, size: number): Generator<Profile[]> {
    if (chosen.length === size - 1) {
      for (const index of indexesByAmount.get(total - partial) ?? []) if (index >= start) yield [...chosen, sorted[index]];
      return;
    }
    for (let index = start; index < sorted.length; index++) {
      const next = partial + sorted[index].fen!;
      if (next >= total) break;
      yield* extend([...chosen, sorted[index]], index + 1, next, size);
    }
  }
}

function partAmount(part: Profile): RelatedReport {
  return {
    document: part.document,
    path: part.amountPath,
    messageId: 'partFiled',
    data: { project: quoteName(part.name), amount: part.yuan ? formatYuan(part.yuan) : '' },
  };
}

function quotedNames(profiles: readonly Profile[]): string {
  return profiles.map((profile) => quoteName(profile.name)).join('、');
}

/** `“两新”党建 286,700.00 + 社区党建 1,125,000.00` */
function amountSum(parts: readonly Profile[]): string {
  return parts.map((part) => `${quoteName(part.name)} ${formatYuan(part.yuan!)}`).join(' + ');
}
