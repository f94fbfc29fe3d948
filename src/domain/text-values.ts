import { isMap, isScalar, type Node } from 'yaml';
import type { SourceRange, YamlPath } from '../types.js';
import { childNode, type LintDocument } from '../document/lint-document.js';
import { childPath } from './field-paths.js';
import { rangedNode } from './node-ranges.js';
import { perDocument } from './per-document.js';

/** A string value found under some node, with its path from the document root. */
export interface TextValue {
  path: YamlPath;
  text: string;
}

/** A string value of a document, with the YAML node it was read from when that node is known. */
export interface DocumentText extends TextValue {
  /** the node `document.nodeAt(path)` returns, when it is a scalar, collection or alias */
  node?: Node;
}

/**
 * Every string value of the document with its path, depth first in document order (a mapping's entries in the order
 * of its plain data), each with its node. Several rules read all of a filing's text (text-hygiene, placeholder-left,
 * target-below-baseline), so the document is walked once and the list shared. Nodes are found alongside the data,
 * stepping from node to child as document.nodeAt does for a whole path (see LintDocument.nodeAt), so that no path is looked
 * up again.
 */
export const documentTexts = perDocument((document: LintDocument): readonly DocumentText[] => {
  const texts: DocumentText[] = [];
  const visit = (path: YamlPath, value: unknown, node: unknown): void => {
    if (typeof value === 'string') {
      const ranged = path.length > 0 ? rangedNode(node) : undefined;
      texts.push(ranged ? { path, text: value, node: ranged } : { path, text: value });
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) visit(childPath(path, index), value[index], childNode(node, index));
    } else if (value !== null && typeof value === 'object') {
      // keys, not entries: no pair array per field of every filing
      const keys = Object.keys(value);
      const pairs = alignedPairs(node, keys);
      for (let index = 0; index < keys.length; index++) {
        const key = keys[index];
        visit(childPath(path, key), (value as Record<string, unknown>)[key], pairs ? pairs[index].value : childNode(node, key));
      }
    }
  };
  visit([], document.data, document.contents);
  return texts;
});

/**
 * The pairs of a mapping node when its i-th pair is the entry of the data's i-th key, for every key: then the keys
 * are distinct and each pair is the one childNode would find. Undefined for any other (duplicate or merge keys, an
 * integer-like key the data lists first), whose children are then looked up key by key.
 */
function alignedPairs(node: unknown, keys: readonly string[]): ReadonlyArray<{ value: unknown }> | undefined {
  if (!isMap(node) || node.items.length !== keys.length) return undefined;
  const pairs = node.items;
  for (let index = 0; index < keys.length; index++) {
    const key = pairs[index].key;
    if (!isScalar(key) || String(key.value) !== keys[index]) return undefined;
  }
  return pairs;
}

/**
 * The string values at or below `path`, whose plain data is `value` (a selected target), in document order, read
 * from the document's shared list. Mapping entries below `path` whose key is in `skipKeys` are left out with
 * everything under them.
 */
export function textsUnder(document: LintDocument, path: YamlPath, value: unknown, skipKeys?: ReadonlySet<string>): readonly DocumentText[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (value === null || typeof value !== 'object') return [];
  const all = documentTexts(document);
  const skips = skipKeys !== undefined && skipKeys.size > 0;
  if (path.length === 0 && !skips) return all;
  return all.filter((text) => startsWith(text.path, path) && !(skips && underSkippedKey(text.path, path.length, skipKeys)));
}

/** document.rangeOf(text.path): the range of the node the text was read from, looked up only when it is not known. */
export function textRange(document: LintDocument, text: DocumentText): SourceRange {
  const range = text.node?.range;
  return range ? { start: range[0], end: range[1] } : document.rangeOf(text.path);
}

function startsWith(path: YamlPath, prefix: YamlPath): boolean {
  if (path.length < prefix.length) return false;
  for (let index = 0; index < prefix.length; index++) if (path[index] !== prefix[index]) return false;
  return true;
}

/** Whether a mapping key in `skipKeys` lies on the path after its first `from` segments. */
function underSkippedKey(path: YamlPath, from: number, skipKeys: ReadonlySet<string>): boolean {
  for (let index = from; index < path.length; index++) {
    const segment = path[index];
    if (typeof segment === 'string' && skipKeys.has(segment)) return true;
  }
  return false;
}
