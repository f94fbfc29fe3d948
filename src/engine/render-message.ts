import type { LocalizedText, Locale } from '../types.js';
import type { MessageData } from './function-api.js';

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** Fills `{{name}}` placeholders from the finding's data; an unknown name is left as written so it shows in tests. */
export function renderMessage(text: LocalizedText, locale: Locale, data: MessageData | undefined): string {
  const template = text[locale];
  if (!data) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}

/** Placeholder names a template uses, for the tests that check every rule message is satisfiable. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]);
}
