import { toHalfWidth } from '../values/numerals.js';

/**
 * A date as filings write it, to the precision written: `2022-01-01`, `2022/1/1`, `2022.01.01`, `20220101`,
 * `2022年1月1日`, `2022年1月`, `2022-01`, `2022年`.
 */
export interface CalendarDate {
  year: number;
  month?: number;
  day?: number;
}

/** A start and an end, e.g. from `2022年1月-2022年12月` or from two date fields. */
export interface DatePeriod {
  start: CalendarDate;
  end: CalendarDate;
}

const YEAR_FIRST_DATE = String.raw`\d{4}\s*(?:年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?|[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{1,2})?)?`;
const COMPACT_DATE = String.raw`\d{8}`;
/** The end of a period may leave out the year it shares with the start: `2022年1月至12月`. */
const MONTH_DAY = String.raw`\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?`;
const PERIOD_SEPARATOR = String.raw`(?:-{1,2}|—{1,2}|–|~|至|到)`;

const MONTH_DAY_RE = new RegExp(`^${MONTH_DAY}$`, 'u');
const DATE_RE = new RegExp(String.raw`^(?:${COMPACT_DATE}|${YEAR_FIRST_DATE})$`, 'u');
const PERIOD_RE = new RegExp(
  String.raw`^(?<start>${COMPACT_DATE}|${YEAR_FIRST_DATE})\s*${PERIOD_SEPARATOR}\s*(?<end>${COMPACT_DATE}|${YEAR_FIRST_DATE}|${MONTH_DAY})$`,
  'u',
);

/** Reads one date; undefined when the text is no date or names a day that does not exist (`2022-02-30`). */
export function parseCalendarDate(input: unknown): CalendarDate | undefined {
  const text = normalizedText(input);
  return DATE_RE.test(text) ? dateFromDigits(text) : undefined;
}

/** Reads a period written as one text; undefined when it is not `<date> <separator> <date>`. */
export function parsePeriod(input: unknown): DatePeriod | undefined {
  const match = PERIOD_RE.exec(normalizedText(input));
  if (!match?.groups) return undefined;
  const start = dateFromDigits(match.groups.start);
  if (!start) return undefined;
  const endText = match.groups.end;
  const end = MONTH_DAY_RE.test(endText) ? dateFromDigits(`${start.year}年${endText}`) : dateFromDigits(endText);
  return end ? { start, end } : undefined;
}

/** The first day a date can mean, as a UTC day number (`2022年` → 2022-01-01). */
export function earliestDay(date: CalendarDate): number {
  return Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1);
}

/** The last day a date can mean, as a UTC day number (`2022年` → 2022-12-31). */
export function latestDay(date: CalendarDate): number {
  if (date.day !== undefined) return Date.UTC(date.year, (date.month ?? 1) - 1, date.day);
  const month = date.month ?? 12;
  return Date.UTC(date.year, month, 0);
}

/** Whether the end surely lies before the start, whatever day an imprecise date means. */
export function endsBeforeItStarts(period: DatePeriod): boolean {
  return latestDay(period.end) < earliestDay(period.start);
}

/** Whether the whole period fits in twelve months (`2022-01-01`–`2022-12-31`, `2022年-2022年`, `2022-07`–`2023-06`). */
export function lastsAtMostOneYear(period: DatePeriod): boolean {
  const start = new Date(earliestDay(period.start));
  const oneYearLater = Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate());
  return latestDay(period.end) < oneYearLater;
}

/** `2022-01-01`, `2022-01`, `2022`: a date at the precision it was written, for messages. */
export function formatCalendarDate(date: CalendarDate): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const parts = [String(date.year)];
  if (date.month !== undefined) parts.push(pad(date.month));
  if (date.day !== undefined) parts.push(pad(date.day));
  return parts.join('-');
}

function normalizedText(input: unknown): string {
  if (typeof input !== 'string' && typeof input !== 'number') return '';
  return toHalfWidth(String(input)).trim();
}

/**
 * Contract: `text` matched one of the date patterns, so its digit runs are year, month, day in order (an eight-digit
 * text is all three). Read by one scan of the text: periods and dates are read from every filing, some twice.
 */
function dateFromDigits(text: string): CalendarDate | undefined {
  const runs: number[] = [];
  if (text.length === 8 && isAsciiDigits(text)) runs.push(Number(text.slice(0, 4)), Number(text.slice(4, 6)), Number(text.slice(6, 8)));
  else {
    for (let index = 0; index < text.length && runs.length < 3; index++) {
      if (!isAsciiDigit(text.charCodeAt(index))) continue;
      const start = index;
      while (index + 1 < text.length && isAsciiDigit(text.charCodeAt(index + 1))) index++;
      runs.push(Number(text.slice(start, index + 1)));
    }
  }
  const [year, month, day] = runs;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (month === undefined || day < 1 || day > daysInMonth(year, month))) return undefined;
  const date: CalendarDate = { year };
  if (month !== undefined) date.month = month;
  if (day !== undefined) date.day = day;
  return date;
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiDigits(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (!isAsciiDigit(text.charCodeAt(index))) return false;
  return true;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in a month (1–12) of the proleptic Gregorian calendar, as `new Date(Date.UTC(year, month, 0)).getUTCDate()`
 * counts them — which reads the years 0–99 as 1900–1999, and so does this.
 */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1];
  const fullYear = year >= 0 && year <= 99 ? 1900 + year : year;
  return (fullYear % 4 === 0 && fullYear % 100 !== 0) || fullYear % 400 === 0 ? 29 : 28;
}
