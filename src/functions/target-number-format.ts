import { defineFilingFunction, type DocumentFacts } from '../engine/function-api.js';
import { indicatorNames } from '../domain/indicator-rows.js';
import { applyValueEdits, scalarEdits, type ValueEdit } from '../domain/scalar-spans.js';
import { targetCells, type TargetCell } from '../domain/target-cells.js';
import { toHalfWidth } from '../values/numerals.js';
import type { TextEdit } from '../types.js';
import type { ParsedTarget, Span } from '../values/target.js';

interface Options {
  /** `10.00` → `10`, `95.50` → `95.5` */
  trailingZeros?: boolean;
  /** `10(次)`, `10（次）` → `10次` */
  unitBrackets?: boolean;
  /** full-width digits and punctuation in the number and unit → ASCII: `９０％` → `90%` */
  fullWidth?: boolean;
}

const FULL_WIDTH = /[０-９．，％（）～〜－＋／]/u;
const OPENING_BRACKETS = ['(', '（'];
const CLOSING_BRACKETS = [')', '）'];

/**
 * Reports an annual target whose number or unit is not written plainly, with a fix: trailing zeros after the
 * decimal point, a unit in brackets, full-width digits or symbols. Only the number and unit are rewritten — the
 * comparator is comparator-consistency's — so both fixes apply in one pass. Thousands separators are kept: they are
 * standard in Chinese financial writing and mislead no one. Selected value: an indicator row.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      trailingZeros: { type: 'boolean' },
      unitBrackets: { type: 'boolean' },
      fullWidth: { type: 'boolean' },
    },
  },
  messageIds: ['plainer'],
  fixable: true,
  run(target, options, context) {
    const facts = context.facts(context.document);
    const cells = targetCells(context.document, facts, target.path, target.value);
    const edits = cells.map((cell) => cellEdits(cell, facts, options));
    const firstChanged = edits.findIndex((changes) => changes.length > 0);
    if (firstChanged < 0) return;
    const documentEdits = cells.flatMap((cell, index) => (edits[index].length > 0 ? [scalarEdits(context.document, cell.path, cell.raw, edits[index])] : []));
    context.report({
      messageId: 'plainer',
      path: cells[firstChanged].path,
      data: {
        name: indicatorNames(context.document, target.value).name,
        value: cells.map((cell) => cell.raw.trim()).join(''),
        suggested: cells.map((cell, index) => applyValueEdits(cell.raw, edits[index]).trim()).join(''),
      },
      fix: documentEdits.every((edits): edits is TextEdit[] => edits !== undefined) ? { edits: documentEdits.flat() } : undefined,
    });
  },
});

function cellEdits(cell: TargetCell, facts: DocumentFacts, options: Options): ValueEdit[] {
  switch (cell.role) {
    case 'whole':
    case 'number':
      return targetEdits(cell.target ?? facts.target(cell.path), options);
    case 'unit':
      return unitEdits(cell.raw, unitSpanOfCell(cell.raw), options);
    default:
      return [];
  }
}

/** Edits of a parsed value's numbers and unit, never touching its comparator. */
function targetEdits(target: ParsedTarget, options: Options): ValueEdit[] {
  if (target.kind === 'deadline') return options.fullWidth === false ? [] : halfWidthEdit(target.raw, [0, target.raw.length]);
  if (target.kind !== 'quantity' && target.kind !== 'range') return [];
  const { value, upper, unit } = target.spans ?? {};
  const edits = [value, upper].flatMap((span) => (span ? numeralEdit(target.raw, span, options) : []));
  /* Between the bounds of a range sit the separator and, when the lower bound has one, its unit. */
  const between: Span | undefined = value && upper ? [value[1], upper[0]] : undefined;
  if (between && options.fullWidth !== false) edits.push(...halfWidthEdit(target.raw, between));
  const unitIsBetween = between !== undefined && unit !== undefined && unit[1] <= between[1];
  if (unit && !unitIsBetween) edits.push(...unitEdits(target.raw, unit, options));
  return edits;
}

function numeralEdit(raw: string, span: Span, options: Options): ValueEdit[] {
  const written = raw.slice(span[0], span[1]);
  let numeral = options.fullWidth === false ? written : toHalfWidth(written);
  if (options.trailingZeros !== false && numeral.includes('.')) numeral = numeral.replace(/\.?0+$/u, '');
  return numeral === written ? [] : [{ span, text: numeral }];
}

/** The unit at `span`, with the brackets around it when it has them, rewritten plainly. */
function unitEdits(raw: string, span: Span, options: Options): ValueEdit[] {
  const unit = raw.slice(span[0], span[1]);
  const plainUnit = options.fullWidth === false ? unit : toHalfWidth(unit);
  const brackets = options.unitBrackets === false ? undefined : bracketsAround(raw, span);
  if (brackets) return [{ span: brackets, text: plainUnit }];
  return plainUnit === unit ? [] : [{ span, text: plainUnit }];
}

/** The span from the opening to the closing bracket around `span`, whitespace allowed inside, if both are there. */
function bracketsAround(raw: string, span: Span): Span | undefined {
  let open = span[0] - 1;
  while (open >= 0 && /\s/u.test(raw[open])) open--;
  let close = span[1];
  while (close < raw.length && /\s/u.test(raw[close])) close++;
  return OPENING_BRACKETS.includes(raw[open]) && CLOSING_BRACKETS.includes(raw[close]) ? [open, close + 1] : undefined;
}

/** A 计量单位 column: the unit inside optional brackets and whitespace. */
function unitSpanOfCell(raw: string): Span {
  const inner = /^\s*(?:[(（]\s*)?(?<unit>.*?)\s*(?:[)）]\s*)?$/du.exec(raw)?.indices?.groups?.unit;
  return inner ? [inner[0], inner[1]] : [0, raw.length];
}

function halfWidthEdit(raw: string, span: Span): ValueEdit[] {
  const text = raw.slice(span[0], span[1]);
  return FULL_WIDTH.test(text) ? [{ span, text: toHalfWidth(text) }] : [];
}
