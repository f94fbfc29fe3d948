import { isCollection, isMap, isPair, isScalar, isSeq, visit, type Document, type Node, type Pair } from 'yaml';
import { DEFAULT_LIMITS } from '../config/limits.js';
import { composeBounded } from '../parse/compose-bounded.js';
import type { SourceRange, YamlPath } from '../types.js';

/** Where a position sits in a parsed document: on a mapping key, or inside the value at `path`. */
export interface NodeAtOffset {
  path: YamlPath;
  part: 'key' | 'value';
  /** the range of the key or the scalar value under the position */
  range: SourceRange;
}

/** The innermost key or scalar value under `offset`, in a document parsed from the editor's text. */
export function nodeAtOffset(contents: Node | null, offset: number): NodeAtOffset | undefined {
  return locate(contents, [], offset);
}

function locate(node: Node | null | undefined, path: YamlPath, offset: number): NodeAtOffset | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (!isScalar(key)) continue;
      const keyPath = [...path, String(key.value)];
      if (contains(key, offset)) return { path: keyPath, part: 'key', range: rangeOf(key) };
      const found = locate(pair.value as Node | null, keyPath, offset);
      if (found) return found;
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const found = locate(item as Node | null, [...path, index], offset);
      if (found) return found;
    }
    return undefined;
  }
  if (isScalar(node) && contains(node, offset)) return { path, part: 'value', range: rangeOf(node) };
  return undefined;
}

function contains(node: Node, offset: number): boolean {
  return node.range !== undefined && node.range !== null && node.range[0] <= offset && offset <= node.range[1];
}

function rangeOf(node: Node): SourceRange {
  return { start: node.range![0], end: node.range![1] };
}

/** What is being typed at the cursor, for completion. */
export interface CursorContext {
  /** a key of the mapping at `path`, or the value at `path` */
  kind: 'key' | 'value';
  path: YamlPath;
  /** text typed so far in the key or value; completions replace `replace` */
  typed: string;
  replace: SourceRange;
  /** the other entries of the mapping the cursor is in (for a value: its siblings), as plain data */
  siblings: Record<string, unknown>;
}

const MARKER = 'ptlintCursorMarker';

/**
 * Finds what the cursor is typing by parsing the text with a marker inserted at the cursor (a key needs a colon in
 * block context, or YAML would read it as the continuation of the value above), then locating the marker.
 */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const linePrefix = text.slice(lineStart, offset);
  const typingBlockKey = flowDepth(linePrefix) === 0 && !/:(\s|$)/.test(linePrefix.replace(/^[\s-]*/, ''));
  const patched = text.slice(0, offset) + MARKER + (typingBlockKey ? ':' : '') + text.slice(offset);
  const composed = composeBounded(patched, { uniqueKeys: false });
  if (!composed.ok) return undefined;
  const document = composed.document;
  let found: CursorContext | undefined;
  visit(document, {
    Scalar(key, node, ancestors) {
      const value = node.value;
      if (typeof value !== 'string' || !value.includes(MARKER)) return undefined;
      const typed = value.slice(0, value.indexOf(MARKER));
      const path = pathOf(ancestors, node);
      const pair = ancestors[ancestors.length - 1];
      const mapping = ancestors[ancestors.length - 2];
      const siblings = isPair(pair) && isMap(mapping) ? siblingData(mapping.items as Pair[], pair as Pair, document) : {};
      const kind = key === 'key' ? 'key' : 'value';
      found = { kind, path: kind === 'key' ? path.slice(0, -1) : path, typed, replace: { start: offset - typed.length, end: offset }, siblings };
      return visit.BREAK;
    },
  });
  return found;
}

type Ancestor = Document | Node | Pair;

/** The YAML path of `node` from the ancestors `visit` reports; a key's own path ends with the key. */
function pathOf(ancestors: readonly Ancestor[], node: Node): YamlPath {
  const path: Array<string | number> = [];
  const chain = [...ancestors, node];
  for (let index = 0; index < chain.length - 1; index++) {
    const ancestor = chain[index];
    const child = chain[index + 1];
    if (isSeq(ancestor)) path.push(ancestor.items.indexOf(child as Node));
    if (isPair(ancestor) && isScalar(ancestor.key)) path.push(String(ancestor.key.value).replace(MARKER, ''));
  }
  return path;
}

function siblingData(pairs: readonly Pair[], except: Pair, document: Document): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const pair of pairs) {
    if (pair === except || !isScalar(pair.key)) continue;
    const value = pair.value;
    data[String(pair.key.value)] = isScalar(value) ? value.value : expanded(value, document);
  }
  return data;
}

/** A sibling collection as plain data; undefined for one whose aliases expand past the limit (an alias bomb). */
function expanded(value: unknown, document: Document): unknown {
  if (!isCollection(value)) return undefined;
  try {
    return value.toJS(document, { maxAliasCount: DEFAULT_LIMITS.maxAliases });
  } catch {
    return undefined;
  }
}

/** Unclosed `{` and `[` before the cursor on its line, outside quotes. */
function flowDepth(linePrefix: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (const character of linePrefix) {
    if (quote) {
      if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === '{' || character === '[') {
      depth++;
    } else if (character === '}' || character === ']') {
      depth = Math.max(0, depth - 1);
    } else if (character === '#' && depth === 0) {
      break;
    }
  }
  return depth;
}
