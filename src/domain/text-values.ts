import type { YamlPath } from '../types.js';

/** A string value found under some node, with its path from the document root. */
export interface TextValue {
  path: YamlPath;
  text: string;
}

/**
 * Every string value at or below `path` (whose plain data is `value`), depth first in document order. Mapping
 * entries whose key is in `skipKeys` are left out with everything under them.
 */
export function* textValuesUnder(path: YamlPath, value: unknown, skipKeys: ReadonlySet<string> = new Set()): Generator<TextValue> {
  if (typeof value === 'string') {
    yield { path, text: value };
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* textValuesUnder([...path, index], item, skipKeys);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!skipKeys.has(key)) yield* textValuesUnder([...path, key], item, skipKeys);
    }
  }
}
