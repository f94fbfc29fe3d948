import { defineFilingFunction, type FilingContext } from '../engine/function-api.js';
import { isBlankValue } from '../domain/blank-values.js';
import { fieldLabel } from '../domain/field-paths.js';
import { optionFieldPath } from '../domain/per-document.js';
import type { DocumentKind, YamlPath } from '../types.js';

/** Either groups of fields: the requirement is met when every field of one group is filled. */
interface AnyOfRequirement {
  anyOf: string[][];
}

type Requirement = string | AnyOfRequirement;

interface Options {
  /** dotted paths from the document root; a list counts as filled when one of its entries is */
  required: Requirement[];
  /** which documents the requirement applies to; filings only when omitted */
  documentKinds?: DocumentKind[];
}

/**
 * Reports required fields that are absent or left blank. A blank field is reported on its key; an absent one on
 * the nearest section that exists (at top level, the first key of the document). Of `anyOf` groups, the one the
 * document has most keys of is the one it is held to. Selected value: the document (`$`).
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['required'],
    properties: {
      required: {
        type: 'array',
        minItems: 1,
        items: {
          oneOf: [
            { type: 'string', minLength: 1 },
            {
              type: 'object',
              additionalProperties: false,
              required: ['anyOf'],
              properties: {
                anyOf: { type: 'array', minItems: 2, items: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } } },
              },
            },
          ],
        },
      },
      documentKinds: { type: 'array', minItems: 1, items: { enum: ['filing', 'unit'] } },
    },
  },
  messageIds: ['missing', 'blank', 'missingAnyOf'],
  run(_target, options, context) {
    if (!(options.documentKinds ?? ['filing']).includes(context.document.kind)) return;
    for (const requirement of options.required) {
      if (typeof requirement === 'string') checkField(optionFieldPath(options, requirement), context);
      else checkAnyOf(requirement.anyOf.map((group) => group.map((field) => optionFieldPath(options, field))), context);
    }
  },
});

function checkField(path: YamlPath, context: FilingContext): void {
  const { document } = context;
  if (document.nodeAt(path) === undefined) {
    context.report({ messageId: 'missing', data: { field: fieldLabel(path) }, range: absentFieldRange(path, context) });
  } else if (isBlankValue(document.valueAt(path))) {
    context.report({ messageId: 'blank', data: { field: fieldLabel(path) }, path, part: 'key' });
  }
}

function checkAnyOf(groups: YamlPath[][], context: FilingContext): void {
  const { document } = context;
  const filled = (path: YamlPath) => !isBlankValue(document.valueAt(path));
  if (groups.some((group) => group.every(filled))) return;
  const presentCount = (group: YamlPath[]) => group.filter((path) => document.nodeAt(path) !== undefined).length;
  const heldTo = groups.reduce((best, group) => (presentCount(group) > presentCount(best) ? group : best));
  if (presentCount(heldTo) === 0) {
    const alternatives = groups.map((group) => group.map(fieldLabel).join(' + ')).join(' | ');
    context.report({ messageId: 'missingAnyOf', data: { alternatives }, range: absentFieldRange(heldTo[0], context) });
    return;
  }
  for (const path of heldTo) checkField(path, context);
}

/** The key of the nearest enclosing section that exists, or of the document's first entry. */
function absentFieldRange(path: YamlPath, context: FilingContext) {
  const { document } = context;
  for (let length = path.length - 1; length > 0; length--) {
    const ancestor = path.slice(0, length);
    if (document.nodeAt(ancestor) !== undefined) return document.rangeOf(ancestor, 'key');
  }
  const data = document.data;
  const firstKey = data !== null && typeof data === 'object' ? Object.keys(data)[0] : undefined;
  return firstKey === undefined ? { start: 0, end: 0 } : document.rangeOf([firstKey], 'key');
}
