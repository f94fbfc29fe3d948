import type { LintDocument } from '../document/lint-document.js';
import type { YamlPath } from '../types.js';
import { parseFieldPath } from './field-paths.js';

/**
 * Memoization for what rule functions derive again and again. The engine hands a rule the same options object for
 * every document it lints and every rule the same LintDocument, so keying on those objects turns work done per call
 * (compiling regular expressions, building sets, walking every string of a document) into work done once per run
 * or once per document. WeakMaps keep nothing alive (but for the last entry, below): a memo goes with its key. Weak
 * keys cost the garbage collector work in every collection, though, so keep them few (documents, options objects):
 * what is remembered per row or per value belongs in an ordinary Map held per document.
 *
 * Rules run document after document, so nearly every call asks for the same key as the call before (some 490 calls
 * per filing, 94% of them repeats): the last key and its value are kept beside the WeakMap and answered without a
 * lookup. That one entry is held strongly, until another key is asked for.
 *
 * Contract: a key is never mutated once derived from — rule options, documents and their plain data are read-only
 * while rules run — and derived values are shared, so callers must not mutate them either.
 */
export function perObject<Key extends object, Value>(derive: (key: Key) => Value): (key: Key) => Value {
  const memo = new WeakMap<Key, Value>();
  let lastKey: Key | undefined;
  let lastValue: Value | undefined;
  return (key) => {
    if (key === lastKey) return lastValue as Value;
    let value = memo.get(key);
    if (value === undefined && !memo.has(key)) {
      value = derive(key);
      memo.set(key, value);
    }
    lastKey = key;
    lastValue = value;
    return value as Value;
  };
}

/** What a rule derives from one document (every string of it, its rows), shared by every rule that needs it. */
export function perDocument<Value>(derive: (document: LintDocument) => Value): (document: LintDocument) => Value {
  return perObject(derive);
}

/** What a rule function derives from its options alone (compiled patterns, sets), once per options object. */
export function perOptions<Options extends object, Value>(derive: (options: Options) => Value): (options: Options) => Value {
  return perObject(derive);
}

const patternsByOptions = perObject((_options: object) => new Map<string, Map<string, RegExp>>());

/**
 * `new RegExp(source, flags)` for a pattern written in a rule's options, compiled the first time a rule asks for it
 * and then reused for every document: a pattern that does not compile still throws exactly where it always did.
 * A global or sticky pattern keeps state in lastIndex, so share one only through matchAll or replace, never exec or
 * test.
 */
export function optionPattern(options: object, source: string, flags: string): RegExp {
  const byFlags = patternsByOptions(options);
  let bySource = byFlags.get(flags);
  if (!bySource) {
    bySource = new Map();
    byFlags.set(flags, bySource);
  }
  let pattern = bySource.get(source);
  if (!pattern) {
    pattern = new RegExp(source, flags);
    bySource.set(source, pattern);
  }
  return pattern;
}

const pathsByOptions = perObject((_options: object) => new Map<string, YamlPath>());

/**
 * `parseFieldPath(dotted)` for a field path written in a rule's options (or in an object of them), parsed once per
 * options object. Besides the parsing, this spares lookups: the same key strings, read again and again, are found in
 * the plain data faster than fresh copies. The path is shared: never mutate it.
 */
export function optionFieldPath(options: object, dotted: string): YamlPath {
  const paths = pathsByOptions(options);
  let path = paths.get(dotted);
  if (!path) {
    path = parseFieldPath(dotted);
    paths.set(dotted, path);
  }
  return path;
}

const alternationsByOptions = perObject((_options: object) => new Map<readonly string[], RegExp | undefined>());

/**
 * The patterns of a list in a rule's options (Unicode flag) joined into one alternation, built once per options
 * object: a text it does not match matches none of them, and one scan of the alternation tells so faster than a
 * scan per pattern. Undefined when joining could change what a pattern means — a pattern refers back to a group by
 * number or name (it would see the other patterns' groups), or does not compile on its own.
 */
export function optionAlternation(options: object, sources: readonly string[]): RegExp | undefined {
  const alternations = alternationsByOptions(options);
  if (!alternations.has(sources)) alternations.set(sources, joinedPatterns(sources));
  return alternations.get(sources);
}

function joinedPatterns(sources: readonly string[]): RegExp | undefined {
  if (sources.length < 2 || sources.some((source) => /\\(?:[1-9]|k<)/u.test(source))) return undefined;
  try {
    // Each must compile alone: joined, a broken one could pair up with its neighbours (`)|(` reads `(?:)|()`).
    sources.forEach((source) => new RegExp(source, 'u'));
    return new RegExp(sources.map((source) => `(?:${source})`).join('|'), 'u');
  } catch {
    return undefined;
  }
}
