import { isAlias, isCollection, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { LintDocument } from '../document/lint-document.js';
import type { SourceRange, YamlPath } from '../types.js';

/**
 * `document.rangeOf(path)` (the value's range), for rules that ask it of many values. rangeOf first finds the entry
 * holding the value (for key and entry ranges), then the node through YAML's getIn; the value's range needs only the
 * node, found here the way getIn finds it — `get(key, true)` from collection to collection — in one pass. Whatever
 * this does not resolve to a node with a range (a path through an alias or a merge key, a missing field) is left
 * to rangeOf itself, so the answer is always rangeOf's.
 */
export function valueRange(document: LintDocument, path: YamlPath): SourceRange {
  if (path.length > 0) {
    let node: unknown = document.document.contents;
    for (const segment of path) node = childNode(node, segment);
    const range = rangedNode(node)?.range;
    if (range) return { start: range[0], end: range[1] };
  }
  return document.rangeOf(path);
}

/** The child getIn steps to from `parent`: undefined once the path has left the collections. */
export function childNode(parent: unknown, key: string | number): unknown {
  return isCollection(parent) ? parent.get(key, true) : undefined;
}

/** The node, when it is one rangeOf takes the range of (a scalar, collection or alias). */
export function rangedNode(node: unknown): Node | undefined {
  return isScalar(node) || isMap(node) || isSeq(node) || isAlias(node) ? node : undefined;
}
