// generated — run npm run generate (one entry per file in src/functions/); do not edit by hand
import type { RuleFunction } from '../engine/function-api.js';
import { ruleFunction as amountsAddUp } from './amounts-add-up.js';
import { ruleFunction as blankByTerm } from './blank-by-term.js';
import { ruleFunction as blankFields } from './blank-fields.js';
import { ruleFunction as categoriesPresent } from './categories-present.js';
import { ruleFunction as categoryFit } from './category-fit.js';
import { ruleFunction as categoryTaxonomy } from './category-taxonomy.js';
import { ruleFunction as columnTotal } from './column-total.js';
import { ruleFunction as comparatorConsistency } from './comparator-consistency.js';
import { ruleFunction as costCoversBudget } from './cost-covers-budget.js';
import { ruleFunction as costTargetForm } from './cost-target-form.js';
import { ruleFunction as doubleCounting } from './double-counting.js';
import { ruleFunction as duplicateEntries } from './duplicate-entries.js';
import { ruleFunction as fieldsPresent } from './fields-present.js';
import { ruleFunction as itemsAddUp } from './items-add-up.js';
import { ruleFunction as nameAffixes } from './name-affixes.js';
import { ruleFunction as nameVariants } from './name-variants.js';
import { ruleFunction as projectDates } from './project-dates.js';
import { ruleFunction as proseHygiene } from './prose-hygiene.js';
import { ruleFunction as quantifiedShare } from './quantified-share.js';
import { ruleFunction as repeatedIndicators } from './repeated-indicators.js';
import { ruleFunction as sharedNamePrefix } from './shared-name-prefix.js';
import { ruleFunction as statedBaseline } from './stated-baseline.js';
import { ruleFunction as targetForm } from './target-form.js';
import { ruleFunction as targetNumberFormat } from './target-number-format.js';
import { ruleFunction as targetNumber } from './target-number.js';
import { ruleFunction as targetParses } from './target-parses.js';
import { ruleFunction as targetPresent } from './target-present.js';
import { ruleFunction as targetThreshold } from './target-threshold.js';
import { ruleFunction as targetUnitFit } from './target-unit-fit.js';
import { ruleFunction as textLacksPatterns } from './text-lacks-patterns.js';
import { ruleFunction as textPatterns } from './text-patterns.js';
import { ruleFunction as textSimilarity } from './text-similarity.js';
import { ruleFunction as trivialFloor } from './trivial-floor.js';
import { ruleFunction as unitSummaryTotals } from './unit-summary-totals.js';
import { ruleFunction as vagueTarget } from './vague-target.js';

/** Every built-in rule function, by name (= file name). */
export const BUILT_IN_FUNCTIONS: Readonly<Record<string, RuleFunction>> = {
  'amounts-add-up': amountsAddUp,
  'blank-by-term': blankByTerm,
  'blank-fields': blankFields,
  'categories-present': categoriesPresent,
  'category-fit': categoryFit,
  'category-taxonomy': categoryTaxonomy,
  'column-total': columnTotal,
  'comparator-consistency': comparatorConsistency,
  'cost-covers-budget': costCoversBudget,
  'cost-target-form': costTargetForm,
  'double-counting': doubleCounting,
  'duplicate-entries': duplicateEntries,
  'fields-present': fieldsPresent,
  'items-add-up': itemsAddUp,
  'name-affixes': nameAffixes,
  'name-variants': nameVariants,
  'project-dates': projectDates,
  'prose-hygiene': proseHygiene,
  'quantified-share': quantifiedShare,
  'repeated-indicators': repeatedIndicators,
  'shared-name-prefix': sharedNamePrefix,
  'stated-baseline': statedBaseline,
  'target-form': targetForm,
  'target-number-format': targetNumberFormat,
  'target-number': targetNumber,
  'target-parses': targetParses,
  'target-present': targetPresent,
  'target-threshold': targetThreshold,
  'target-unit-fit': targetUnitFit,
  'text-lacks-patterns': textLacksPatterns,
  'text-patterns': textPatterns,
  'text-similarity': textSimilarity,
  'trivial-floor': trivialFloor,
  'unit-summary-totals': unitSummaryTotals,
  'vague-target': vagueTarget,
};
