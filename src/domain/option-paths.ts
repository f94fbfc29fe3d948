import type { YamlPath } from '../types.js';
import { parseFieldPath } from './field-paths.js';

/**
 * Resolves a field path written in a rule's options (see parseFieldPath): `$.项目资金.年度资金申请总额.合计` is read
 * from the document root, `合计` or `明细` relative to the selected value.
 */
export function resolveOptionPath(written: string, selectedPath: YamlPath): YamlPath {
  return written.startsWith('$.') ? parseFieldPath(written.slice(2)) : [...selectedPath, ...parseFieldPath(written)];
}
