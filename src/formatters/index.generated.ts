// generated — run npm run generate (one entry per file in src/formatters/); do not edit by hand
import { format as github } from './github.js';
import { format as gitlab } from './gitlab.js';
import { format as html } from './html.js';
import { format as json } from './json.js';
import { format as junit } from './junit.js';
import { format as sarif } from './sarif.js';
import { format as stylish } from './stylish.js';

/** Every output format, by name (= file name). */
export const FORMATTERS = {
  'github': github,
  'gitlab': gitlab,
  'html': html,
  'json': json,
  'junit': junit,
  'sarif': sarif,
  'stylish': stylish,
} as const;
