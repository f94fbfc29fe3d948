/** The rule sets shipped in rules/, usable as `extends: ptlint:<name>`. */
export const PROFILE_NAMES = ['recommended', 'shanghai', 'strict'] as const;
