export * from './target.js';
export * from './money.js';
export { toHalfWidth } from './numerals.js';
