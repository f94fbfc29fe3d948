import { defineFilingFunction } from '../engine/function-api.js';
import { isBlankValue } from '../domain/blank-values.js';
import { fieldLabel } from '../domain/field-paths.js';
import { optionFieldPath } from '../domain/per-document.js';
import { isOneYearProject, PERIOD_FIELDS_SCHEMA, RECURRING_CRITERIA_SCHEMA, type PeriodFields, type RecurringCriteria } from '../domain/project-term.js';

interface Options {
  /** dotted path of the field, from the document root */
  field: string;
  /** category fields and words that mark a recurring (one-year) project */
  recurring: RecurringCriteria;
  /** where the project's period is stated; a period within twelve months also makes a one-year project */
  period?: PeriodFields;
}

/**
 * Reports a field the filing carries but leaves blank, as `blankOneYear` for a one-year project (recurring by
 * its category, or every stated period within twelve months) and `blankMultiYear` otherwise, so that a rule can
 * give the two cases different severities. An absent field is not reported: the template does not have it.
 * Selected value: the document (`$`).
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'recurring'],
    properties: {
      field: { type: 'string', minLength: 1 },
      recurring: RECURRING_CRITERIA_SCHEMA,
      period: PERIOD_FIELDS_SCHEMA,
    },
  },
  messageIds: ['blankOneYear', 'blankMultiYear'],
  run(_target, options, context) {
    const { document } = context;
    const path = optionFieldPath(options, options.field);
    if (document.nodeAt(path) === undefined || !isBlankValue(document.valueAt(path))) return;
    const oneYear = isOneYearProject(document.data, options.recurring, options.period ?? {});
    context.report({ messageId: oneYear ? 'blankOneYear' : 'blankMultiYear', data: { field: fieldLabel(path) }, path, part: 'key' });
  },
});
