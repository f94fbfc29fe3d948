import { Composer, Document, isCollection, isMap, isPair, isScalar, Lexer, Parser, YAMLParseError, type DocumentOptions, type ParseOptions, type Scalar, type SchemaOptions } from 'yaml';
import { PARSER_DEPTH_CEILING } from '../config/limits.js';

export type BoundedCompose =
  | { ok: true; document: Document.Parsed }
  | { ok: false; reason: 'too-deep'; offset: number };

type ComposeOptions = ParseOptions & DocumentOptions & SchemaOptions;

/**
 * `yaml.parseDocument` with two guards against hostile text, at no extra pass over it:
 * - nesting: the parser's open-collection stack is watched token by token, and composition stops as soon as it
 *   is deeper than PARSER_DEPTH_CEILING. Without this, 9 MB of `[` (within the file-size limit) makes the parser
 *   build millions of nested tokens — minutes and gigabytes before the composer's recursion gives up.
 * - duplicate keys: yaml's own `uniqueKeys` check compares each key with every earlier key of its mapping
 *   (40,000 keys take ~40 s); here the same errors (code DUPLICATE_KEY, same position, same equality: scalars by
 *   value, anything else by identity) are found with one Set per mapping.
 * Otherwise the result equals `parseDocument(text, options)`: first document kept, MULTIPLE_DOCS on a second.
 */
export function composeBounded(text: string, options: ComposeOptions): BoundedCompose {
  const parser = new Parser();
  const composer = new Composer({ ...options, uniqueKeys: false });
  let tooDeepAt: number | undefined;
  function* tokens() {
    for (const lexeme of new Lexer().lex(text)) {
      yield* parser.next(lexeme);
      // the stack holds the document, each open collection and at most one pending node
      if (parser.stack.length > PARSER_DEPTH_CEILING + 2) {
        tooDeepAt = parser.offset;
        return;
      }
    }
    yield* parser.end();
  }
  let document: Document.Parsed | undefined;
  for (const composed of composer.compose(tokens(), true, text.length)) {
    if (tooDeepAt !== undefined) break;
    if (!document) document = composed;
    else {
      document.errors.push(new YAMLParseError([composed.range[0], composed.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  if (tooDeepAt !== undefined) return { ok: false, reason: 'too-deep', offset: tooDeepAt };
  if (options.uniqueKeys !== false) document!.errors.push(...duplicateKeyErrors(document!, text));
  return { ok: true, document: document! };
}

/**
 * DUPLICATE_KEY errors as yaml reports them (at the start of the repeated key): small mappings compared pairwise,
 * larger ones through a Set, so the cost stays linear in the number of keys.
 */
function duplicateKeyErrors(document: Document.Parsed, text: string): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  // explicit stack, not recursion: the document may be as deep as PARSER_DEPTH_CEILING
  const pending: unknown[] = [document.contents];
  const report = (key: Scalar) => {
    const [start, end] = key.range!;
    const offset = start === end ? afterBlanksAndComments(text, start) : start;
    errors.push(new YAMLParseError([offset, offset + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
  };
  while (pending.length > 0) {
    const node = pending.pop();
    if (isPair(node)) {
      pending.push(node.key, node.value);
      continue;
    }
    if (!isCollection(node)) continue;
    const items = node.items as unknown[];
    for (const item of items) if (item !== null && typeof item === 'object' && !isScalar(item)) pending.push(item);
    if (!isMap(node)) continue;
    const pairs = node.items;
    if (pairs.length <= SMALL_MAPPING) {
      for (let index = 1; index < pairs.length; index++) {
        const key = pairs[index].key;
        if (!isComparableKey(key)) continue;
        for (let earlier = 0; earlier < index; earlier++) {
          const other = pairs[earlier].key;
          if (isScalar(other) && other.value === key.value) {
            report(key);
            break;
          }
        }
      }
      continue;
    }
    const seen = new Set<unknown>();
    for (const pair of pairs) {
      const key = pair.key;
      if (!isComparableKey(key)) continue;
      if (seen.has(key.value)) report(key);
      else seen.add(key.value);
    }
  }
  return errors;
}

/** below this many entries, comparing every pair is cheaper than building a Set */
const SMALL_MAPPING = 12;

/** Keys yaml compares by value: scalars, except NaN (NaN !== NaN, so yaml never calls it a duplicate). */
function isComparableKey(key: unknown): key is Scalar {
  return isScalar(key) && !(typeof key.value === 'number' && Number.isNaN(key.value));
}

/** An empty key's node starts where the previous entry ended; the entry itself starts at its first token (`:`, `?`). */
function afterBlanksAndComments(text: string, offset: number): number {
  let index = offset;
  while (index < text.length) {
    const char = text[index];
    if (char === '#') {
      while (index < text.length && text[index] !== '\n' && text[index] !== '\r') index++;
    } else if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === ',' || char === '{') index++;
    else break;
  }
  return index;
}
