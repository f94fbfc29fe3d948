import filingSchema from '../../schemas/filing.schema.json' with { type: 'json' };
import unitSchema from '../../schemas/unit.schema.json' with { type: 'json' };
import rulesetSchema from '../../schemas/ruleset.schema.json' with { type: 'json' };
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import type { DocumentKind } from '../types.js';

/** A JSON Schema as loaded; only the keywords the navigation below reads are typed. */
export interface SchemaNode {
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode | SchemaNode[];
  enum?: unknown[];
  examples?: unknown[];
  default?: unknown;
  $ref?: string;
  definitions?: Record<string, SchemaNode>;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  [keyword: string]: unknown;
}

export const FILING_SCHEMA = filingSchema as SchemaNode;
export const UNIT_SCHEMA = unitSchema as SchemaNode;
export const RULESET_SCHEMA = rulesetSchema as SchemaNode;
export const CONFIG_SCHEMA = configSchema as SchemaNode;

export function schemaForKind(kind: DocumentKind): SchemaNode {
  return kind === 'unit' ? UNIT_SCHEMA : FILING_SCHEMA;
}

/** Follows a local `#/definitions/…` reference, merging the referring node's own title/description over it. */
export function resolveRef(root: SchemaNode, node: SchemaNode): SchemaNode {
  if (!node.$ref?.startsWith('#/')) return node;
  const target = node.$ref
    .slice(2)
    .split('/')
    .reduce<unknown>((current, segment) => (current as Record<string, unknown> | undefined)?.[segment], root) as SchemaNode | undefined;
  if (!target) return node;
  const { $ref: _ref, ...own } = node;
  return { ...resolveRef(root, target), ...own };
}

/** The subschema describing the value at `path`, or undefined where the schema says nothing. */
export function schemaAt(root: SchemaNode, path: ReadonlyArray<string | number>): SchemaNode | undefined {
  let node: SchemaNode | undefined = resolveRef(root, root);
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') {
      const items: SchemaNode | SchemaNode[] | undefined = node.items;
      node = Array.isArray(items) ? (items[segment] ? resolveRef(root, items[segment]) : undefined) : items ? resolveRef(root, items) : undefined;
    } else if (node.properties?.[segment]) {
      node = resolveRef(root, node.properties[segment]);
    } else if (typeof node.additionalProperties === 'object') {
      node = resolveRef(root, node.additionalProperties);
    } else {
      return undefined;
    }
  }
  return node;
}
