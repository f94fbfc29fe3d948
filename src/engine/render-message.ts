import type { LocalizedText, Locale } from '../types.js';
import type { MessageData } from './function-api.js';

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/**
 * A template split at its placeholders: literal text at even indexes; at each odd index the placeholder as
 * `[name, whole]`, whole being the placeholder as written, kept when the data has no such name.
 */
type CompiledTemplate = ReadonlyArray<string | readonly [name: string, whole: string]>;

/**
 * Templates compiled so far, by text. Every finding's message is rendered, and the templates are the few messages of
 * the rules and the engine, so each is split once rather than scanned by a regular expression per finding. Bounded
 * all the same: a caller rendering ever new templates costs a recompile now and then, never unbounded memory.
 */
const compiled = new Map<string, CompiledTemplate>();
const MAX_COMPILED = 1000;

/** Fills `{{name}}` placeholders from the finding's data; an unknown name is left as written so it shows in tests. */
export function renderMessage(text: LocalizedText, locale: Locale, data: MessageData | undefined): string {
  const template = text[locale];
  if (!data) return template;
  const parts = compiledTemplate(template);
  let rendered = parts[0] as string;
  for (let index = 1; index < parts.length; index += 2) {
    const [name, whole] = parts[index] as readonly [string, string];
    rendered += (Object.hasOwn(data, name) ? String(data[name]) : whole) + (parts[index + 1] as string);
  }
  return rendered;
}

function compiledTemplate(template: string): CompiledTemplate {
  let parts = compiled.get(template);
  if (!parts) {
    const split: Array<string | readonly [string, string]> = [];
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      split.push(template.slice(last, match.index), [match[1], match[0]]);
      last = match.index + match[0].length;
    }
    split.push(template.slice(last));
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(template, split);
    parts = split;
  }
  return parts;
}

/** Placeholder names a template uses, for the tests that check every rule message is satisfiable. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]);
}
