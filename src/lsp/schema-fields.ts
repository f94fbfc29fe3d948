import { CONFIG_SCHEMA, FILING_SCHEMA, RULESET_SCHEMA, UNIT_SCHEMA, type SchemaNode } from '../schema/schemas.js';
import type { YamlPath } from '../types.js';

const SCHEMAS_BY_ID = new Map([FILING_SCHEMA, UNIT_SCHEMA, RULESET_SCHEMA, CONFIG_SCHEMA].map((schema) => [String(schema.$id), schema]));

/** A subschema and the schema file its `$ref`s are relative to. */
interface Located {
  root: SchemaNode;
  node: SchemaNode;
}

/**
 * The schema of the value at `path`, as an editor offers it. Like `schemaAt` (src/schema/schemas.ts), but it also
 * follows references into the other ptlint schemas (a config's rule settings are defined in ruleset.schema.json)
 * and looks through `anyOf`/`oneOf`, so that an entry that may be one of several shapes offers the fields, values
 * and examples of all of them.
 */
export function fieldSchemaAt(root: SchemaNode, path: YamlPath): SchemaNode | undefined {
  let current: Located | undefined = flatten({ root, node: root });
  for (const segment of path) {
    if (!current) return undefined;
    const node: SchemaNode = current.node;
    const child: SchemaNode | undefined =
      typeof segment === 'number'
        ? Array.isArray(node.items)
          ? node.items[segment]
          : node.items
        : (node.properties?.[segment] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined));
    current = child ? flatten({ root: current.root, node: child }) : undefined;
  }
  return current?.node;
}

function flatten(located: Located): Located {
  const { root, node } = follow(located);
  const branches = [...(node.anyOf ?? []), ...(node.oneOf ?? [])].map((branch) => flatten({ root, node: branch }).node);
  if (branches.length === 0) return { root, node };
  const all = [node, ...branches];
  return {
    root,
    node: {
      ...node,
      properties: Object.assign({}, ...all.map((part) => part.properties ?? {})) as Record<string, SchemaNode>,
      items: node.items ?? branches.find((branch) => branch.items)?.items,
      enum: all.flatMap((part) => part.enum ?? []),
      examples: all.flatMap((part) => part.examples ?? []),
    },
  };
}

/** Follows `$ref` (local, or into another ptlint schema by its `$id`), keeping the referring node's own keywords. */
function follow({ root, node }: Located): Located {
  if (!node.$ref) return { root, node };
  const [file, pointer = ''] = node.$ref.split('#');
  const targetRoot = file ? SCHEMAS_BY_ID.get(file) : root;
  const target = pointer
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((current, segment) => (current as Record<string, unknown> | undefined)?.[segment], targetRoot) as SchemaNode | undefined;
  if (!targetRoot || !target) return { root, node };
  const { $ref: _ref, ...own } = node;
  const followed = follow({ root: targetRoot, node: target });
  return { root: followed.root, node: { ...followed.node, ...own } };
}
