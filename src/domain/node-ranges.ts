import { isAlias, isCollection, isMap, isScalar, isSeq, type Node } from 'yaml';

/* Steps from YAML node to child, for walks that follow the plain data and its nodes side by side (text-values). */

/** The child getIn steps to from `parent`: undefined once the path has left the collections. */
export function childNode(parent: unknown, key: string | number): unknown {
  return isCollection(parent) ? parent.get(key, true) : undefined;
}

/** The node, when it is one rangeOf takes the range of (a scalar, collection or alias). */
export function rangedNode(node: unknown): Node | undefined {
  return isScalar(node) || isMap(node) || isSeq(node) || isAlias(node) ? node : undefined;
}
