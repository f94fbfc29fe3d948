import { defineFilingFunction, type FilingContext } from '../engine/function-api.js';
import { isBlankValue } from '../domain/blank-values.js';
import { endsBeforeItStarts, formatCalendarDate, parseCalendarDate, parsePeriod } from '../domain/calendar-dates.js';
import { fieldLabel } from '../domain/field-paths.js';
import { optionFieldPath, perOptions } from '../domain/per-document.js';
import {
  filedPeriods,
  isRecurringProject,
  PERIOD_FIELDS_SCHEMA,
  RECURRING_CRITERIA_SCHEMA,
  type FiledPeriod,
  type PeriodFields,
  type RecurringCriteria,
} from '../domain/project-term.js';
import type { YamlPath } from '../types.js';

interface Options {
  /** fields holding one date each, checked for form */
  dates?: string[];
  /** the project's own period: checked for form and order, and against the budget year for a recurring project */
  projectPeriod?: PeriodFields;
  /** other fields holding a whole period (e.g. the overall goal's), checked for form and order only */
  periods?: string[];
  /** category fields and words that mark a recurring project, which must run within its budget year */
  recurring?: RecurringCriteria;
}

/**
 * Reports malformed dates and periods, periods that end before they start, and a recurring project whose
 * period leaves its budget year (facts.year). Blank fields are left to required-fields and blank-field.
 * Selected value: the document (`$`).
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      dates: { type: 'array', items: { type: 'string', minLength: 1 } },
      projectPeriod: PERIOD_FIELDS_SCHEMA,
      periods: { type: 'array', items: { type: 'string', minLength: 1 } },
      recurring: RECURRING_CRITERIA_SCHEMA,
    },
  },
  messageIds: ['malformedDate', 'malformedPeriod', 'endBeforeStart', 'leavesBudgetYear'],
  run(_target, options, context) {
    const projectPeriod = options.projectPeriod ?? {};
    const otherPeriods = options.periods ?? [];
    for (const field of options.dates ?? []) reportMalformed(optionFieldPath(options, field), parseCalendarDate, 'malformedDate', context);
    for (const field of [...(projectPeriod.periods ?? []), ...otherPeriods]) reportMalformed(optionFieldPath(options, field), parsePeriod, 'malformedPeriod', context);

    const data = context.document.data;
    for (const period of filedPeriods(data, otherPeriodFields(options))) reportInverted(period, context);
    const year = context.facts(context.document).year;
    const recurring = options.recurring !== undefined && isRecurringProject(data, options.recurring);
    for (const period of filedPeriods(data, projectPeriod)) {
      if (reportInverted(period, context)) continue;
      if (recurring && year !== undefined) reportOutsideYear(period, year, context);
    }
  },
});

/** The other periods as PeriodFields, one object per rule, so that their parsed paths are remembered (optionFieldPath). */
const otherPeriodFields = perOptions((options: Options): PeriodFields => ({ periods: options.periods ?? [] }));

function reportMalformed(path: YamlPath, parse: (value: unknown) => unknown, messageId: string, context: FilingContext): void {
  const value = context.document.valueAt(path);
  if (isBlankValue(value) || parse(value) !== undefined) return;
  context.report({ messageId, data: { field: fieldLabel(path), value: String(value).trim() }, path });
}

/** Reports and returns true when the period ends before it starts. */
function reportInverted(period: FiledPeriod, context: FilingContext): boolean {
  if (!endsBeforeItStarts(period)) return false;
  context.report({
    messageId: 'endBeforeStart',
    data: {
      startField: fieldLabel(period.startPath),
      endField: fieldLabel(period.endPath),
      start: formatCalendarDate(period.start),
      end: formatCalendarDate(period.end),
    },
    path: period.endPath,
  });
  return true;
}

function reportOutsideYear(period: FiledPeriod, year: number, context: FilingContext): void {
  const outside = period.start.year !== year ? period.startPath : period.end.year !== year ? period.endPath : undefined;
  if (!outside) return;
  context.report({
    messageId: 'leavesBudgetYear',
    data: { year, start: formatCalendarDate(period.start), end: formatCalendarDate(period.end), field: fieldLabel(outside) },
    path: outside,
  });
}
