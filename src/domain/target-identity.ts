import type { ParsedTarget } from '../values/target.js';
import { normalizeName } from './indicator-rows.js';

/**
 * A key under which two 指标值 that state the same target compare equal however they are spelled: `>=90%`,
 * `≥90.00(%)` and `不低于90%` share one key; `≥90%` and `=90%` do not. Blank values share the empty key.
 */
export function targetIdentity(target: ParsedTarget): string {
  switch (target.kind) {
    case 'quantity':
      return `${target.comparator ?? ''}${target.value?.toString() ?? ''}${target.unit ?? ''}`;
    case 'range':
      return `${target.value?.toString() ?? ''}~${target.upper?.toString() ?? ''}${target.unit ?? ''}`;
    case 'deadline': {
      const deadline = target.deadline;
      const day = deadline?.endOfMonth ? 'end' : (deadline?.day ?? '');
      return `${target.comparator ?? ''}${deadline?.year ?? ''}-${deadline?.month ?? ''}-${day}`;
    }
    case 'qualitative':
      return normalizeName(target.word);
    default:
      return normalizeName(target.raw);
  }
}
