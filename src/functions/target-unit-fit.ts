import { defineFilingFunction } from '../engine/function-api.js';
import { indicatorNames } from '../domain/indicator-rows.js';
import { optionPattern } from '../domain/per-document.js';
import { indicatorTargetOf } from '../domain/target-cells.js';

interface UnitFit {
  /** a regular expression on the 三级指标 name, e.g. `次数$` */
  name: string;
  /** the units such a name can be counted in (the first part of the target's unit) */
  units: string[];
}

interface Options {
  /** names and the units that fit them; the first entry whose name matches applies */
  fits?: UnitFit[];
  /** 二级指标 names of rows whose number is a bound and needs a comparator (a cost is a ceiling) */
  boundLevel2?: string[];
  /** a regular expression; rows whose name matches are left to other rules (…率 to rate-needs-percent) */
  skipNames?: string;
  /** a regular expression; names whose numbers need no unit (…指数, …系数) */
  unitlessNames?: string;
}

/**
 * Checks the unit of a numeric annual target: a number with no unit (`missingUnit`), a unit that does not fit the
 * indicator's name (`unitMismatch`, from the `fits` table), or a bound written without a comparator
 * (`missingComparator`, rows under `boundLevel2`). At most one finding per row, in that order. Words, deadlines,
 * blank and unparseable values are other rules' concern. Selected value: an indicator row.
 */
export const ruleFunction = defineFilingFunction<Options>({
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      fits: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'units'],
          properties: {
            name: { type: 'string', format: 'regex' },
            units: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          },
        },
      },
      boundLevel2: { type: 'array', items: { type: 'string', minLength: 1 } },
      skipNames: { type: 'string', format: 'regex' },
      unitlessNames: { type: 'string', format: 'regex' },
    },
  },
  messageIds: ['missingUnit', 'unitMismatch', 'missingComparator'],
  run(target, options, context) {
    const names = indicatorNames(context.document, target.value);
    const name = names.name;
    if (matches(options, options.skipNames, name)) return;
    const { target: parsed, path } = indicatorTargetOf(context.facts(context.document), target.path, target.value);
    if (parsed.kind !== 'quantity' && parsed.kind !== 'range') return;
    const data = { name, value: parsed.raw.trim(), unit: parsed.unit ?? '' };
    const unit = parsed.unitParts?.[0];
    if (unit === undefined) {
      if (!matches(options, options.unitlessNames, name)) context.report({ messageId: 'missingUnit', path, data });
      return;
    }
    const fit = (options.fits ?? []).find((candidate) => optionPattern(options, candidate.name, 'u').test(name));
    if (fit && !fit.units.includes(unit)) {
      context.report({ messageId: 'unitMismatch', path, data: { ...data, units: fit.units.join('、') } });
      return;
    }
    const isBound = (options.boundLevel2 ?? []).includes(names.level2);
    if (isBound && parsed.kind === 'quantity' && parsed.comparatorStyle === 'implicit') {
      context.report({ messageId: 'missingComparator', path, data });
    }
  },
});

function matches(options: Options, pattern: string | undefined, name: string): boolean {
  return pattern !== undefined && optionPattern(options, pattern, 'u').test(name);
}
