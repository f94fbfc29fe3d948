import type { LintDocument } from '../document/lint-document.js';
import { defineFilingFunction, type DocumentFacts } from '../engine/function-api.js';
import { indicatorRows, type IndicatorRow } from '../domain/indicator-rows.js';
import { scalarEdits, type ValueEdit } from '../domain/scalar-spans.js';
import { targetCells, type TargetCell } from '../domain/target-cells.js';
import { findSpelling } from '../values/comparators.js';
import { PREFERRED_SPELLINGS, PREFIX_COMPARATOR_SPELLINGS, spellComparator, type ComparatorSpelling, type PrefixComparatorStyle } from '../values/target.js';

interface Options {
  /** the style fixes write: symbol ≥ ≤, ascii >= <=, fullwidth ≧ ≦, word 不低于 不高于 */
  prefer: PrefixComparatorStyle;
  /** `mixed`: report only filings that mix styles; `always`: report every comparator not in the preferred style */
  when: 'mixed' | 'always';
}

/** A comparator written before a number, where it is written. */
interface WrittenComparator {
  row: IndicatorRow;
  cell: TargetCell;
  spelling: ComparatorSpelling;
  edit: ValueEdit['span'];
}

const PREFIX_STYLES = Object.keys(PREFERRED_SPELLINGS) as PrefixComparatorStyle[];

/**
 * Checks that a filing writes its comparators in one style, and offers a fix to the preferred one. `=`, `>` and
 * `<` read the same in the symbol and ascii styles, so `>=` beside `=` is consistent; `≥` beside `>=` is not.
 * Suffix comparators (`90%以上`) and deadlines (`6月30日前`) are not prefix styles and are not judged. Each fix
 * rewrites only the comparator, so it applies in the same pass as target-number-format's. Selected value: the
 * 绩效指标 table.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['prefer', 'when'],
    properties: {
      prefer: { enum: PREFIX_STYLES },
      when: { enum: ['mixed', 'always'] },
    },
  },
  messageIds: ['mixed', 'notPreferred'],
  fixable: true,
  run(target, options, context) {
    const facts = context.facts(context.document);
    const written = indicatorRows(target.value, target.path, context.document).flatMap((row) => writtenComparators(row, context.document, facts));
    const mixed = !PREFIX_STYLES.some((style) => written.every((comparator) => fitsStyle(comparator.spelling, style)));
    if (options.when === 'mixed' && !mixed) return;
    const spellings = [...new Set(written.filter((comparator) => !isShared(comparator.spelling)).map((comparator) => comparator.spelling.text))].join('、');
    for (const comparator of written) {
      const preferred = spellComparator(comparator.spelling.comparator, options.prefer);
      if (comparator.spelling.text === preferred) continue;
      const edits = scalarEdits(context.document, comparator.cell.path, comparator.cell.raw, [{ span: comparator.edit, text: preferred }]);
      context.report({
        messageId: mixed ? 'mixed' : 'notPreferred',
        path: comparator.cell.path,
        data: { name: comparator.row.name, value: comparator.cell.raw.trim(), written: comparator.spelling.text, preferred, spellings },
        fix: edits ? { edits } : undefined,
      });
    }
  },
});

function writtenComparators(row: IndicatorRow, document: LintDocument, facts: DocumentFacts): WrittenComparator[] {
  return targetCells(document, facts, row.path, row.fields).flatMap((cell): WrittenComparator[] => {
    if (cell.role === 'comparator') {
      const start = cell.raw.length - cell.raw.trimStart().length;
      const spelling = findSpelling(PREFIX_COMPARATOR_SPELLINGS, cell.raw.trim());
      return spelling ? [{ row, cell, spelling, edit: [start, start + spelling.text.length] }] : [];
    }
    if (cell.role !== 'whole') return [];
    const parsed = cell.target ?? facts.target(cell.path);
    const span = parsed.spans?.comparator;
    /* Suffix spellings (以上, 前) are not in the prefix table, so they drop out here. */
    const spelling = parsed.comparatorText === undefined ? undefined : findSpelling(PREFIX_COMPARATOR_SPELLINGS, parsed.comparatorText);
    return spelling && span ? [{ row, cell, spelling, edit: span }] : [];
  });
}

/** `=`, `>` and `<`, which several styles write alike, say nothing about which style a filing uses. */
function isShared(spelling: ComparatorSpelling): boolean {
  return PREFIX_STYLES.filter((style) => fitsStyle(spelling, style)).length > 1;
}

/** Whether the spelling belongs to the style, or is how that style writes its comparator (`=` in ascii). */
function fitsStyle(spelling: ComparatorSpelling, style: PrefixComparatorStyle): boolean {
  return spelling.style === style || PREFERRED_SPELLINGS[style][spelling.comparator] === spelling.text;
}
