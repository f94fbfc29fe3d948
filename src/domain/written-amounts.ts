import type { Decimal } from 'decimal.js';
import type { DocumentFacts } from '../engine/function-api.js';
import type { YamlPath } from '../types.js';

export interface WrittenAmount {
  path: YamlPath;
  /** exact, in 元 */
  yuan: Decimal;
}

/**
 * The amounts actually written at `paths`, in the order given. Blank amounts are someone else's finding
 * (required-fields) and malformed ones the schema's, so both are left out rather than read as 0.
 */
export function writtenAmounts(facts: DocumentFacts, paths: readonly YamlPath[]): WrittenAmount[] {
  const amounts: WrittenAmount[] = [];
  for (const path of paths) {
    const parsed = facts.money(path);
    if (parsed.ok) amounts.push({ path, yuan: parsed.yuan });
  }
  return amounts;
}
