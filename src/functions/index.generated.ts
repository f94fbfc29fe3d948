// generated — run npm run generate (one entry per file in src/functions/); do not edit by hand

/** Every built-in rule function, by name (= file name). */
export const BUILT_IN_FUNCTIONS = {
} as const;
