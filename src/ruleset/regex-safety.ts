import { sep } from 'node:path';
import type { Diagnostics } from 'recheck';
import { packageRoot } from '../package-root.js';
import type { SchemaNode } from '../schema/schemas.js';
import type { LocalizedText, SetupProblem, YamlPath } from '../types.js';
import { setupProblem } from './load-yaml-file.js';
import type { WrittenAt } from './rule-types.js';

/**
 * Rule sets are data, and a regular expression in them is the one piece of data that can still cost unbounded time:
 * a pattern such as `(a+)+$` backtracks exponentially on a near-miss, so a single filing could hang every run that
 * uses the rule. Each pattern written in a rule file or config — an option the function's options schema declares
 * `format: 'regex'`, or a selector's `=~ /…/` — is therefore checked with recheck (automata theory plus fuzzing)
 * when the rule set loads; exponential backtracking is a setup problem `unsafe-regex` at the pattern's line and
 * column.
 *
 * What passes: patterns recheck proves safe, patterns with polynomial (super-linear but not exponential) matching
 * time, and patterns it cannot decide within CHECK_TIMEOUT_MS (it then reports "unknown"). Patterns in ptlint's own
 * rules/ are not checked at load time: they are part of the package and checked by its test suite instead
 * (test/reliability/regex-safety.test.ts), which keeps ordinary runs free of the checker's start-up cost.
 */

/** Flags the built-in functions compile option patterns with (`g` aside, which does not change backtracking). */
const OPTION_FLAGS = 'u';

/** Upper bound on recheck's time for one pattern; an undecided pattern is accepted rather than stall the run. */
const CHECK_TIMEOUT_MS = 5_000;

interface WrittenRegex {
  source: string;
  flags: string;
  at: WrittenAt;
  /** what the pattern is, for the message: `rule “x” option “ignore”`, `selector at character 12` */
  role: LocalizedText;
}

export interface Verdict {
  exponential: boolean;
  /** a JavaScript expression building an input that makes the pattern backtrack, as recheck writes it */
  attack?: string;
  /** the part of the pattern that backtracks */
  hotspot?: string;
}

/** Verdicts for the whole process: the language server reloads rule sets often, the patterns rarely change. */
const verdicts = new Map<string, Promise<Verdict>>();

/** Collects the patterns of one rule set as it is built, then checks them all at once. */
export class RegexSafetyCheck {
  private readonly pending = new Map<string, WrittenRegex>();

  /**
   * Queues every string in `options` that `schema` declares `format: 'regex'`. `locate` gives the places an option
   * may have been written (the layer that set the options, the rule's definition): the first place whose node holds
   * exactly that pattern is reported, else the first place.
   */
  addOptions(ruleId: string, schema: SchemaNode, options: unknown, locate: (optionPath: YamlPath) => WrittenAt[]): void {
    for (const { path, source } of regexOptions(schema, options)) {
      const places = locate(path);
      const at = places.find((place) => place.document.valueAt(place.path) === source) ?? places[0];
      const name = path.join('.');
      this.add({ source, flags: OPTION_FLAGS, at, role: { zh: `规则“${ruleId}”的选项“${name}”`, en: `rule “${ruleId}” option “${name}”` } });
    }
  }

  /** Queues the `=~ /…/` patterns of a selector that compiled; `at` is its `given` node. */
  addSelector(selector: string, at: WrittenAt): void {
    for (const { source, flags, offset } of selectorRegexes(selector)) {
      this.add({ source, flags, at, role: { zh: `选择器第 ${offset + 1} 个字符处`, en: `selector at character ${offset + 1}` } });
    }
  }

  /** One `unsafe-regex` problem per pattern that backtracks exponentially. */
  async problems(): Promise<SetupProblem[]> {
    const written = [...this.pending.values()];
    const checked = await Promise.all(written.map((regex) => verdictFor(regex.source, regex.flags)));
    return written.flatMap((regex, index) => (checked[index].exponential ? [unsafeRegexProblem(regex, checked[index])] : []));
  }

  private add(regex: WrittenRegex): void {
    if (isBundled(regex.at.document.filePath)) return;
    const range = regex.at.document.rangeOf(regex.at.path);
    this.pending.set(`${regex.flags}/${regex.source}@${regex.at.document.filePath}:${range.start}`, regex);
  }
}

function isBundled(filePath: string): boolean {
  return filePath.startsWith(`${packageRoot()}${sep}rules${sep}`);
}

function unsafeRegexProblem(regex: WrittenRegex, verdict: Verdict): SetupProblem {
  const shown = `/${regex.source}/${regex.flags}`;
  const hotspot = verdict.hotspot ? { zh: `，回溯发生在“${verdict.hotspot}”处`, en: ` (it backtracks in “${verdict.hotspot}”)` } : { zh: '', en: '' };
  const attack = verdict.attack ? { zh: `，例如匹配 ${verdict.attack} 时`, en: `, e.g. on ${verdict.attack}` } : { zh: '', en: '' };
  const range = regex.at.document.rangeOf(regex.at.path);
  return setupProblem(regex.at.document.source, 'unsafe-regex', range, {
    zh: `${regex.role.zh}的正则表达式 ${shown} 可能发生灾难性回溯：匹配时间随文字长度指数增长${attack.zh}${hotspot.zh}；请改写，避免嵌套或重叠的重复（如 (a+)+、(a|a)*）`,
    en: `${regex.role.en}: regular expression ${shown} can backtrack catastrophically — matching time grows exponentially with the text${attack.en}${hotspot.en}; rewrite it without nested or overlapping repetition such as (a+)+ or (a|a)*`,
  });
}

/** Whether a pattern backtracks exponentially, as recheck finds; remembered for the rest of the process. */
export function verdictFor(source: string, flags: string): Promise<Verdict> {
  const key = `${flags}/${source}`;
  let verdict = verdicts.get(key);
  if (!verdict) {
    verdict = checkPattern(source, flags);
    verdicts.set(key, verdict);
  }
  return verdict;
}

/**
 * recheck is loaded on first use: it is large (a Scala.js build) and only rule sets with patterns of their own need
 * it. Its default backend runs the native binary shipped in its optional platform package, else a pure-JavaScript
 * worker; both work offline. A checker that fails counts as undecided.
 */
async function checkPattern(source: string, flags: string): Promise<Verdict> {
  let diagnostics: Diagnostics;
  try {
    const { check } = await import('recheck');
    diagnostics = await check(source, flags, { timeout: CHECK_TIMEOUT_MS });
  } catch {
    return { exponential: false };
  }
  if (diagnostics.status !== 'vulnerable' || diagnostics.complexity.type !== 'exponential') return { exponential: false };
  const heat = diagnostics.hotspot.find((spot) => spot.temperature === 'heat');
  return { exponential: true, attack: diagnostics.attack.pattern, hotspot: heat ? source.slice(heat.start, heat.end) : undefined };
}

/** Strings in `value` at places `schema` declares `format: 'regex'`, with their option paths. */
export function regexOptions(schema: SchemaNode, value: unknown, path: YamlPath = []): Array<{ path: YamlPath; source: string }> {
  const found: Array<{ path: YamlPath; source: string }> = [];
  if (schema.format === 'regex' && typeof value === 'string') found.push({ path, source: value });
  for (const alternative of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...((schema.allOf as SchemaNode[] | undefined) ?? [])]) {
    found.push(...regexOptions(alternative, value, path));
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const itemSchema = Array.isArray(schema.items) ? schema.items[index] : schema.items;
      if (itemSchema) found.push(...regexOptions(itemSchema, item, [...path, index]));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const propertySchema = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (propertySchema) found.push(...regexOptions(propertySchema, item, [...path, key]));
    }
  }
  return dedupe(found);
}

function dedupe(found: Array<{ path: YamlPath; source: string }>): Array<{ path: YamlPath; source: string }> {
  const seen = new Set<string>();
  return found.filter(({ path }) => {
    const key = JSON.stringify(path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The `=~ /body/flags` patterns of a selector that compiled, with the offset of each `/` that opens one. Scans as
 * the selector parser reads (src/selectors/compile-selector.ts): quoted strings are skipped whole, a backslash keeps
 * the next character in the body, flags are `imsu`.
 */
export function selectorRegexes(selector: string): Array<{ source: string; flags: string; offset: number }> {
  const found: Array<{ source: string; flags: string; offset: number }> = [];
  let position = 0;
  while (position < selector.length) {
    const char = selector[position];
    if (char === "'" || char === '"') {
      const end = selector.indexOf(char, position + 1);
      position = end === -1 ? selector.length : end + 1;
    } else if (selector.startsWith('=~', position)) {
      position += 2;
      while (selector[position] === ' ' || selector[position] === '\t') position++;
      if (selector[position] !== '/') continue;
      const offset = position++;
      let source = '';
      while (position < selector.length && selector[position] !== '/') {
        if (selector[position] === '\\') source += selector[position++];
        source += selector[position++] ?? '';
      }
      position++;
      const flags = /^[imsu]*/.exec(selector.slice(position))![0];
      position += flags.length;
      found.push({ source, flags, offset });
    } else {
      position++;
    }
  }
  return found;
}
