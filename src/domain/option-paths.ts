import type { YamlPath } from '../types.js';
import { optionFieldPath } from './per-document.js';

/**
 * Resolves a field path written in a rule's `options` (see parseFieldPath): `$.项目资金.年度资金申请总额.合计` is read
 * from the document root, `合计` or `明细` relative to the selected value. Paths are parsed once per options object
 * (see optionFieldPath), so a path from the root is shared: never mutate it.
 */
export function resolveOptionPath(written: string, selectedPath: YamlPath, options: object): YamlPath {
  return written.startsWith('$.') ? optionFieldPath(options, written.slice(2)) : [...selectedPath, ...optionFieldPath(options, written)];
}
