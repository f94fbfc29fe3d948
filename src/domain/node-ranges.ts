import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';

/** The node, when it is one rangeOf takes the range of (a scalar, collection or alias). */
export function rangedNode(node: unknown): Node | undefined {
  return isScalar(node) || isMap(node) || isSeq(node) || isAlias(node) ? node : undefined;
}
