// generated — run npm run generate (one entry per file in src/formatters/); do not edit by hand
export const FORMAT_NAMES = ['github', 'gitlab', 'html', 'json', 'junit', 'sarif', 'stylish'] as const;
