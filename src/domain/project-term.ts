import { lastsAtMostOneYear, parseCalendarDate, parsePeriod, type DatePeriod } from './calendar-dates.js';
import { valueAtPath } from '../document/lint-document.js';
import { optionFieldPath } from './per-document.js';
import type { SchemaNode } from '../schema/schemas.js';
import type { YamlPath } from '../types.js';

/** Where a filing names what kind of project it is: e.g. fields 项目类别 / 项目性质 containing 经常性. */
export interface RecurringCriteria {
  fields: string[];
  words: string[];
}

/** Where a filing states the project's period: two date fields, and/or text fields holding a whole period. */
export interface PeriodFields {
  start?: string;
  end?: string;
  periods?: string[];
}

const FIELD_LIST: SchemaNode = { type: 'array', items: { type: 'string', minLength: 1 } };

/** The options schema of a RecurringCriteria, for functions that take one. */
export const RECURRING_CRITERIA_SCHEMA: SchemaNode = {
  type: 'object',
  additionalProperties: false,
  required: ['fields', 'words'],
  properties: { fields: FIELD_LIST, words: FIELD_LIST },
};

/** The options schema of a PeriodFields, for functions that take one. */
export const PERIOD_FIELDS_SCHEMA: SchemaNode = {
  type: 'object',
  additionalProperties: false,
  properties: { start: { type: 'string', minLength: 1 }, end: { type: 'string', minLength: 1 }, periods: FIELD_LIST },
};

/** A period read from a filing, with the paths its ends were read from. */
export interface FiledPeriod extends DatePeriod {
  startPath: YamlPath;
  endPath: YamlPath;
}

/** Whether any of the category fields contains one of the words marking a recurring (one-year) project. */
export function isRecurringProject(data: unknown, criteria: RecurringCriteria): boolean {
  return criteria.fields.some((field) => {
    const value = valueAtPath(data, optionFieldPath(criteria, field));
    return typeof value === 'string' && criteria.words.some((word) => value.includes(word));
  });
}

/** Every well-formed period the filing states; malformed or half-filled ones are left out. */
export function filedPeriods(data: unknown, fields: PeriodFields): FiledPeriod[] {
  const periods: FiledPeriod[] = [];
  if (fields.start && fields.end) {
    const startPath = optionFieldPath(fields, fields.start);
    const endPath = optionFieldPath(fields, fields.end);
    const start = parseCalendarDate(valueAtPath(data, startPath));
    const end = parseCalendarDate(valueAtPath(data, endPath));
    if (start && end) periods.push({ start, end, startPath, endPath });
  }
  for (const field of fields.periods ?? []) {
    const path = optionFieldPath(fields, field);
    const period = parsePeriod(valueAtPath(data, path));
    if (period) periods.push({ ...period, startPath: path, endPath: path });
  }
  return periods;
}

/** A one-year project: recurring by its category, or every period it states fits in twelve months. */
export function isOneYearProject(data: unknown, criteria: RecurringCriteria, fields: PeriodFields): boolean {
  if (isRecurringProject(data, criteria)) return true;
  const periods = filedPeriods(data, fields);
  return periods.length > 0 && periods.every(lastsAtMostOneYear);
}
