/**
 * Renders text as a YAML scalar that reads back as the same string wherever a value can stand, block or flow
 * context: plain when that is unambiguous, double-quoted otherwise.
 */
export function yamlScalarText(text: string): string {
  const needsQuotes =
    text === '' ||
    /^[\s>|!&*@`'"%#?:,[\]{}=~-]/.test(text) ||
    /[:#,[\]{}]\s|[,[\]{}]|\s#|:$|\s$/.test(text) ||
    /^(true|false|null|yes|no|on|off|~|[-+]?[0-9.]+)$/i.test(text);
  return needsQuotes ? JSON.stringify(text) : text;
}
