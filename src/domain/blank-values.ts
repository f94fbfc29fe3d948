/**
 * Whether a value reads as "left empty" on the paper form: absent, null, whitespace only (full-width spaces
 * included), or a list or mapping that holds nothing but such values. Zero is a value, not a blank.
 */
export function isBlankValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isBlankValue);
  if (typeof value === 'object') return Object.values(value).every(isBlankValue);
  return false;
}
