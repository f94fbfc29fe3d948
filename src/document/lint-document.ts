import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { SourceFile } from '../source/source-file.js';
import type { DocumentKind, SourceRange, YamlPath } from '../types.js';

/** Which part of a mapping entry a range should cover. */
export type NodePart = 'key' | 'value' | 'entry';

export interface DocumentLimits {
  /** aliases a document may expand; guards against alias bombs */
  maxAliasCount: number;
}

/**
 * One parsed YAML file as the rules see it: plain data (`data`) for reading, and the YAML nodes behind it
 * so that every value maps back to the exact range of its key and of its value.
 */
export class LintDocument {
  readonly data: unknown;
  readonly kind: DocumentKind;

  constructor(
    readonly source: SourceFile,
    /** the root node (yaml's Document.contents) */
    readonly contents: Node | null,
    data: unknown,
  ) {
    this.data = data;
    this.kind = detectKind(data);
  }

  get filePath(): string {
    return this.source.filePath;
  }

  get text(): string {
    return this.source.text;
  }

  /**
   * The YAML node at `path`, or undefined when the path does not exist. Steps from collection to collection as
   * yaml's `getIn(path, true)` does (aliases and merge keys are not followed; of duplicate keys, see entryOf), in one
   * pass: rules ask this of every value they report on.
   */
  nodeAt(path: YamlPath): Node | undefined {
    let node: unknown = this.contents ?? undefined;
    for (const segment of path) node = childNode(node, segment);
    return isNodeLike(node) ? node : undefined;
  }

  /** The mapping entry whose key is the last segment of `path`. */
  pairAt(path: YamlPath): Pair<Node, Node | null> | undefined {
    if (path.length === 0) return undefined;
    const parent = this.nodeAt(path.slice(0, -1));
    return isMap(parent) ? entryOf(parent, path[path.length - 1]) : undefined;
  }

  /**
   * The source range of `path`: its value, its key, or the whole entry. A missing node falls back to the nearest
   * existing ancestor's key, so that a finding about an absent field sits on the section that should hold it.
   */
  rangeOf(path: YamlPath, part: NodePart = 'value'): SourceRange {
    let parent: unknown = this.contents ?? undefined;
    for (let index = 0; index < path.length - 1; index++) parent = childNode(parent, path[index]);
    // the entry at the last segment: its pair in a mapping (none in a sequence), and its value
    let pair: Pair<Node, Node | null> | undefined;
    let value: unknown = parent;
    if (path.length > 0) {
      const key = path[path.length - 1];
      pair = isMap(parent) ? entryOf(parent, key) : undefined;
      value = isMap(parent) ? pair?.value : childNode(parent, key);
    }
    const node = isNodeLike(value) ? value : undefined;
    if (part === 'key' && pair && isNodeLike(pair.key)) return nodeRange(pair.key);
    if (node && part !== 'entry') return nodeRange(node);
    if (pair) {
      const keyRange = isNodeLike(pair.key) ? nodeRange(pair.key) : undefined;
      const valueRange = isNodeLike(pair.value) ? nodeRange(pair.value) : undefined;
      if (keyRange && valueRange) return { start: keyRange.start, end: Math.max(keyRange.end, valueRange.end) };
      if (keyRange) return keyRange;
    }
    if (node) return nodeRange(node);
    if (path.length > 0) return this.rangeOf(path.slice(0, -1), 'key');
    return { start: 0, end: 0 };
  }

  /**
   * The scalar's text exactly as written (e.g. `1411700.00`, not the number 1411700), for values whose spelling
   * matters: money and 指标值.
   */
  sourceText(path: YamlPath): string | undefined {
    const node = this.nodeAt(path);
    if (!isScalar(node)) return undefined;
    if (node.value === null) return '';
    if (typeof node.source === 'string' && node.type === 'PLAIN') return node.source;
    return typeof node.value === 'string' ? node.value : String(node.value);
  }

  /** Plain data at `path`. */
  valueAt(path: YamlPath): unknown {
    return valueAtPath(this.data, path);
  }
}

/** The value at `path` in plain data (what YAML's toJS produces); undefined once the path leaves the data. */
export function valueAtPath(data: unknown, path: YamlPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * The node `nodeAt` steps to from `parent` under `key` (in a mapping, see entryOf), for walks over the data and its
 * nodes side by side.
 */
export function childNode(parent: unknown, key: string | number): unknown {
  if (isMap(parent)) return entryOf(parent, key)?.value;
  if (isSeq(parent)) {
    const index = typeof key === 'number' ? key : /^\d+$/.test(key) ? Number(key) : -1;
    return index >= 0 && index < parent.items.length ? parent.items[index] : undefined;
  }
  return undefined;
}

/**
 * A mapping's entry under `key`: the last whose key reads as `key`. The last, because the plain data holds the last
 * of duplicate keys (the file already has a duplicate-key error saying the later one overrides the earlier): what a
 * rule reads and where it reports must be the same entry. Rules ask this of every step of every path they report on,
 * so it returns the pair itself rather than a wrapper object.
 */
function entryOf(parent: YAMLMap, key: string | number): Pair<Node, Node | null> | undefined {
  const items = parent.items;
  if (items.length > SCANNED_MAPPING_SIZE) return keyIndexOf(parent).get(String(key));
  let wanted: string | undefined;
  for (let index = items.length - 1; index >= 0; index--) {
    const pair = items[index];
    if (!isScalar(pair.key)) continue;
    const written = pair.key.value;
    if (written === key || String(written) === (wanted ??= String(key))) return pair as Pair<Node, Node | null>;
  }
  return undefined;
}

/**
 * Mappings larger than this are looked up through an index built on first use: a hostile file with tens of
 * thousands of unknown keys gets a schema finding per key, and scanning the mapping for each would be quadratic.
 */
const SCANNED_MAPPING_SIZE = 32;
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair<Node, Node | null>>>();

function keyIndexOf(mapping: YAMLMap): Map<string, Pair<Node, Node | null>> {
  let index = keyIndexes.get(mapping);
  if (!index) {
    index = new Map();
    // later entries overwrite earlier ones: the last of duplicate keys wins, as in entryOf's scan
    for (const pair of mapping.items) if (isScalar(pair.key)) index.set(String(pair.key.value), pair as Pair<Node, Node | null>);
    keyIndexes.set(mapping, index);
  }
  return index;
}

function isNodeLike(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || (typeof value === 'object' && value !== null && 'range' in value && !isPair(value));
}

function nodeRange(node: Node): SourceRange {
  const range = node.range;
  if (!range) return { start: 0, end: 0 };
  return { start: range[0], end: range[1] };
}

/** A unit summary names its unit and no project; everything else is linted as a filing. */
function detectKind(data: unknown): DocumentKind {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'unknown';
  const record = data as Record<string, unknown>;
  if ('单位名称' in record && !('项目名称' in record)) return 'unit';
  return 'filing';
}
