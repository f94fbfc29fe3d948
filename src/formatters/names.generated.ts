// generated — run npm run generate (one entry per file in src/formatters/); do not edit by hand
export const FORMAT_NAMES = ['github', 'gitlab', 'html', 'json', 'junit', 'sarif', 'stylish'] as const;

/** Each format's module, loaded on demand: `ptlint check` imports only the format it writes. */
export const LOAD_FORMATTER = {
  'github': () => import('./github.js'),
  'gitlab': () => import('./gitlab.js'),
  'html': () => import('./html.js'),
  'json': () => import('./json.js'),
  'junit': () => import('./junit.js'),
  'sarif': () => import('./sarif.js'),
  'stylish': () => import('./stylish.js'),
} as const;
