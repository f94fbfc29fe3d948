// generated — run npm run generate (one entry per file in src/functions/); do not edit by hand
import type { RuleFunction } from '../engine/function-api.js';
import { ruleFunction as amountsAddUp } from './amounts-add-up.js';
import { ruleFunction as categoriesPresent } from './categories-present.js';
import { ruleFunction as targetThreshold } from './target-threshold.js';
import { ruleFunction as textSimilarity } from './text-similarity.js';
import { ruleFunction as vagueTarget } from './vague-target.js';

/** Every built-in rule function, by name (= file name). */
export const BUILT_IN_FUNCTIONS: Readonly<Record<string, RuleFunction>> = {
  'amounts-add-up': amountsAddUp,
  'categories-present': categoriesPresent,
  'target-threshold': targetThreshold,
  'text-similarity': textSimilarity,
  'vague-target': vagueTarget,
};
