import { isScalar, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node, type ScalarTag } from 'yaml';

/**
 * A fast path for the YAML that filings are written in: block mappings and sequences, one-line flow collections,
 * one-line plain and quoted scalars, and `|` / `>` block scalars, with comments and blank lines anywhere.
 *
 * Contract: for a text inside that subset, the result equals what `yaml.parseDocument(text)` composes — the same
 * node classes, the same `range[0]` and `range[1]` of every node (ptlint never reads `range[2]`), the same scalar
 * values, types, sources and number formats — and `data` equals its `toJS()`. Anything else (anchors, aliases,
 * tags, directives, multi-line plain or quoted scalars, duplicate keys, any syntax error, tabs, a lone CR…)
 * returns undefined, and the caller composes the text with yaml itself. The equivalence is a property test
 * (test/parse/compose-simple.test.ts) over real filings, generated documents and random edits of both.
 *
 * Why: yaml's lexer, parser and composer build a token stream, a concrete syntax tree and the nodes through
 * generators, which costs about as much as every rule together; this reads the text once, line by line.
 */
export interface SimpleComposition {
  contents: Node;
  data: unknown;
}

export function composeSimple(text: string): SimpleComposition | undefined {
  if (OUTSIDE_SUBSET_CHARACTERS.test(text) || (text.includes('\r') && LONE_CR.test(text)) || DOCUMENT_MARKER.test(text)) return undefined;
  try {
    return new SimpleComposer(text).document();
  } catch (error) {
    if (error === OUTSIDE_SUBSET) return undefined;
    throw error;
  }
}

/**
 * Control characters (tab included), a CR that is not part of a CRLF line break, byte-order marks and yaml's
 * non-printables fall back to yaml.
 */
// eslint-disable-next-line no-control-regex
const OUTSIDE_SUBSET_CHARACTERS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/;
const LONE_CR = /\r(?!\n)/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \r\n]|$)/m;

/** Thrown inside the composer to leave the fast path; never escapes composeSimple. */
const OUTSIDE_SUBSET = Symbol('outside the simple subset');
function outside(): never {
  throw OUTSIDE_SUBSET;
}

/** Nesting deeper than this goes to yaml, which applies ptlint's depth ceiling. */
const MAX_NESTING = 64;
/** yaml rejects implicit keys longer than 1024 characters. */
const MAX_KEY_LENGTH = 1024;

// The schema, options and scalar tags parseDocument uses by default (YAML 1.2 core schema), so that plain scalars
// resolve exactly as yaml resolves them: same tag order, same tests, same resolve functions.
const REFERENCE = parseDocument('');
const SCHEMA = REFERENCE.schema;
const OPTIONS = REFERENCE.options;
const PLAIN_TAGS = SCHEMA.tags.filter((tag): tag is ScalarTag => tag.default === true && 'test' in tag && tag.test instanceof RegExp);
const KEY_TAGS = SCHEMA.tags.filter((tag): tag is ScalarTag => (tag.default === true || tag.default === 'key') && 'test' in tag && tag.test instanceof RegExp);

const NEWLINE = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKSLASH = 92;

/** Characters a plain scalar may not start with (`-`, `?`, `:` may, when a non-space follows; see plainMayStart). */
const INDICATORS = new Set([...',[]{}#&*!|>\'"%@`?:-'].map((char) => char.charCodeAt(0)));
const FLOW_INDICATORS = new Set([...',[]{}'].map((char) => char.charCodeAt(0)));

/** A composed node and what the enclosing collection needs from it. */
interface Item {
  node: Node;
  data: unknown;
  /**
   * yaml's range[2], where the node's trailing comments end: a block collection's range[1] is its last item's
   * range[2]. Undefined where yaml's rule is not modelled here; a collection ending with such an item goes to yaml.
   */
  end: number | undefined;
  /**
   * The comment lines after the node that it did not take into its range and that yaml's parser passes up to the
   * enclosing collection (see closeCollection).
   */
  trailingComments: readonly CommentLine[];
}

/** A line holding only a comment: its indentation and the offset just past its line break. */
interface CommentLine {
  column: number;
  end: number;
}

const NO_COMMENTS: readonly CommentLine[] = [];

/** Where the next content after a node's line starts; column -1 at the end of the text. */
interface Next {
  offset: number;
  column: number;
}

interface Trailing {
  /** just past the node's own line break (or the end of the text) */
  lineEnd: number;
  /** a comment on the node's own line */
  sameLineComment: boolean;
  /** comment lines between the node's line and the next content */
  comments: readonly CommentLine[];
  next: Next;
}

class SimpleComposer {
  private depth = 0;

  constructor(private readonly text: string) {}

  document(): SimpleComposition {
    const first = this.nextContentFrom(0);
    if (first.next.column === -1) outside();
    const root = this.blockNode(first.next, -1);
    if (root.next.column !== -1) outside();
    return { contents: root.item.node, data: root.item.data };
  }

  /** A node whose first character is at `at` (at the start of its line's content), inside a block at `parentIndent`. */
  private blockNode(at: Next, parentIndent: number): { item: Item; next: Next } {
    if (this.isSequenceEntry(at.offset)) return this.blockSequence(at);
    const key = this.keyAt(at.offset);
    if (key) return this.blockMapping(at, key);
    return this.inlineValue(at.offset, parentIndent);
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) outside();
  }

  private blockMapping(at: Next, firstKey: KeyAt): { item: Item; next: Next } {
    this.enter();
    const indent = at.column;
    const mapping = new YAMLMap(SCHEMA);
    const data: Record<string, unknown> = {};
    let key: KeyAt | undefined = firstKey;
    let last: Item;
    let next: Next;
    for (;;) {
      if (!key) outside();
      if (Object.prototype.hasOwnProperty.call(data, key.dataKey) || key.dataKey === '__proto__') outside();
      const value = this.mappingValue(key.afterColon, indent);
      mapping.items.push(new Pair(key.node, value.item.node));
      data[key.dataKey] = value.item.data;
      last = value.item;
      next = value.next;
      if (next.column !== indent) break;
      if (this.isSequenceEntry(next.offset)) outside();
      key = this.keyAt(next.offset);
    }
    if (next.column > indent) outside();
    this.depth--;
    return { item: closeCollection(mapping, at.offset, indent, data, last), next };
  }

  /** The value after a mapping key's `:`; `indent` is the mapping's. */
  private mappingValue(afterColon: number, indent: number): { item: Item; next: Next } {
    const start = this.skipSpaces(afterColon);
    const char = this.text.charCodeAt(start);
    if (start < this.text.length && !isBreak(char) && char !== HASH) return this.inlineValue(start, indent);
    const trailing = this.trailing(start);
    const { next } = trailing;
    if (next.column > indent) return this.blockNode(next, indent);
    if (next.column === indent && this.isSequenceEntry(next.offset)) return this.blockSequence(next);
    return { item: this.emptyValue(start, trailing), next };
  }

  private blockSequence(at: Next): { item: Item; next: Next } {
    this.enter();
    const indent = at.column;
    const sequence = new YAMLSeq(SCHEMA);
    const data: unknown[] = [];
    let offset = at.offset;
    let last: Item;
    let next: Next;
    for (;;) {
      const entry = this.sequenceEntry(offset, indent);
      sequence.items.push(entry.item.node);
      data.push(entry.item.data);
      last = entry.item;
      next = entry.next;
      if (next.column !== indent || !this.isSequenceEntry(next.offset)) break;
      offset = next.offset;
    }
    if (next.column > indent) outside();
    this.depth--;
    return { item: closeCollection(sequence, at.offset, indent, data, last), next };
  }

  /** One `-` entry at `dash`, in a sequence at `indent`. */
  private sequenceEntry(dash: number, indent: number): { item: Item; next: Next } {
    const start = this.skipSpaces(dash + 1);
    const char = this.text.charCodeAt(start);
    if (start < this.text.length && !isBreak(char) && char !== HASH) {
      if (this.isSequenceEntry(start)) outside();
      const key = this.keyAt(start);
      if (key) return this.blockMapping({ offset: start, column: indent + (start - dash) }, key);
      return this.inlineValue(start, indent);
    }
    const trailing = this.trailing(start);
    if (trailing.next.column > indent) return this.blockNode(trailing.next, indent);
    return { item: this.emptyValue(start, trailing), next: trailing.next };
  }

  /**
   * An empty value (null) at `offset`, where the value would have started. yaml gives comments after it to the
   * empty node or to the next entry by rules not modelled here: with any, its range[2] is left unknown.
   */
  private emptyValue(offset: number, trailing: Trailing): Item {
    const end = trailing.sameLineComment || trailing.comments.length > 0 ? undefined : offset;
    const scalar = plainScalar('', false);
    scalar.range = [offset, offset, end ?? offset];
    return { node: scalar, data: scalar.value, end, trailingComments: NO_COMMENTS };
  }

  /** A value that starts on the current line at `start` and ends on it (or a block scalar that starts on it). */
  private inlineValue(start: number, indent: number): { item: Item; next: Next } {
    const text = this.text;
    const char = text.charCodeAt(start);
    if (char === 124 /* | */ || char === 62 /* > */) return this.blockScalar(start, indent);
    let node: Node;
    let data: unknown;
    let valueEnd: number;
    if (char === 123 /* { */ || char === 91 /* [ */) {
      const flow = this.flowCollection(start);
      ({ node, data } = flow);
      valueEnd = flow.end;
    } else if (char === DOUBLE_QUOTE || char === SINGLE_QUOTE) {
      const quoted = this.quoted(start);
      node = quoted.scalar;
      data = quoted.scalar.value;
      valueEnd = quoted.end;
    } else {
      if (!this.plainMayStart(start, false)) outside();
      const lineEnd = this.lineEndOf(start);
      let end = start;
      while (end < lineEnd) {
        const code = text.charCodeAt(end);
        if (code === HASH && text.charCodeAt(end - 1) === SPACE) break;
        // `a: b: c` is a syntax error (`a: b:c` is not)
        if (code === COLON && separatesValue(text, end + 1)) outside();
        end++;
      }
      while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
      const source = text.slice(start, end);
      const scalar = plainScalar(source, false);
      node = scalar;
      data = scalar.value;
      valueEnd = end;
    }
    const trailing = this.trailing(valueEnd);
    // yaml's parser appends the comment lines right after a flow node (blank lines between them allowed) to the
    // node's own end while they are indented deeper than the enclosing collection
    let end = trailing.lineEnd;
    let taken = 0;
    while (taken < trailing.comments.length && trailing.comments[taken].column > indent) end = trailing.comments[taken++].end;
    node.range = [start, valueEnd, end];
    const trailingComments = taken === 0 ? trailing.comments : trailing.comments.slice(taken);
    return { item: { node, data, end, trailingComments }, next: trailing.next };
  }

  /** `|` or `>` with an optional `-` chomping indicator; `+`, indentation indicators and tricky blank lines go to yaml. */
  private blockScalar(header: number, indent: number): { item: Item; next: Next } {
    const text = this.text;
    const folded = text.charCodeAt(header) === 62;
    let at = header + 1;
    let strip = false;
    if (text.charCodeAt(at) === DASH) {
      strip = true;
      at++;
    }
    const afterHeader = this.skipSpaces(at);
    const char = text.charCodeAt(afterHeader);
    if (afterHeader < text.length && !isBreak(char) && !(char === HASH && afterHeader > at)) outside();
    let lineStart = this.afterBreak(this.lineEndOf(afterHeader));
    const contentIndent = this.indentAt(lineStart);
    const firstChar = text.charCodeAt(lineStart + contentIndent);
    if (contentIndent <= indent || lineStart + contentIndent >= text.length || isBreak(firstChar)) outside();
    const lines: string[] = [];
    /** just past the line break of the last line with content */
    let end = lineStart;
    let emptyLines = 0;
    while (lineStart < text.length) {
      const spaces = this.indentAt(lineStart);
      const contentStart = lineStart + spaces;
      const lineEnd = this.lineEndOf(lineStart);
      if (contentStart === lineEnd) {
        if (spaces > contentIndent) outside();
        emptyLines++;
      } else if (spaces < contentIndent) {
        break;
      } else {
        if (folded && spaces > contentIndent) outside();
        for (let empty = 0; empty < emptyLines; empty++) lines.push('');
        emptyLines = 0;
        lines.push(text.slice(lineStart + contentIndent, lineEnd));
        end = this.afterBreak(lineEnd);
      }
      lineStart = this.afterBreak(lineEnd);
    }
    // clip keeps one final line break, even where the text ends without one (as yaml does)
    let value = folded ? foldLines(lines) : lines.join('\n');
    if (!strip) value += '\n';
    const scalar = new Scalar(value);
    scalar.source = value;
    scalar.type = folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
    scalar.range = [header, end, end];
    const trailing = this.nextContentFrom(end);
    return { item: { node: scalar, data: value, end, trailingComments: trailing.comments }, next: trailing.next };
  }

  /** A one-line flow mapping or sequence starting at `open`; `end` is just past its closing bracket. */
  private flowCollection(open: number): { node: Node; data: unknown; end: number } {
    this.enter();
    const text = this.text;
    const isMapping = text.charCodeAt(open) === 123;
    const close = isMapping ? 125 : 93;
    const collection = isMapping ? new YAMLMap(SCHEMA) : new YAMLSeq(SCHEMA);
    collection.flow = true;
    const data: unknown = isMapping ? {} : [];
    let at = this.skipSpaces(open + 1);
    while (text.charCodeAt(at) !== close) {
      const key = this.flowScalarOrCollection(at, isMapping);
      at = this.skipSpaces(key.end);
      if (isMapping) {
        if (text.charCodeAt(at) !== COLON || !isScalar(key.node)) outside();
        const dataKey = dataKeyOf(key.node);
        const record = data as Record<string, unknown>;
        if (Object.prototype.hasOwnProperty.call(record, dataKey) || dataKey === '__proto__') outside();
        const valueStart = this.skipSpaces(at + 1);
        const following = text.charCodeAt(valueStart);
        let value: { node: Node; data: unknown; end: number };
        if (following === 44 /* , */ || following === close) {
          const empty = plainScalar('', false);
          empty.range = [valueStart, valueStart, valueStart];
          value = { node: empty, data: empty.value, end: valueStart };
        } else {
          value = this.flowScalarOrCollection(valueStart, false);
        }
        (collection as YAMLMap).items.push(new Pair(key.node, value.node));
        record[dataKey] = value.data;
        at = this.skipSpaces(value.end);
      } else {
        if (text.charCodeAt(at) === COLON) outside();
        (collection as YAMLSeq).items.push(key.node);
        (data as unknown[]).push(key.data);
      }
      const separator = text.charCodeAt(at);
      if (separator === 44 /* , */) {
        at = this.skipSpaces(at + 1);
        if (text.charCodeAt(at) === 44) outside();
      } else if (separator !== close) {
        outside();
      }
    }
    const end = at + 1;
    collection.range = [open, end, end];
    this.depth--;
    return { node: collection, data, end };
  }

  /** A scalar or nested collection inside a flow collection, on the same line. */
  private flowScalarOrCollection(start: number, atKey: boolean): { node: Node; data: unknown; end: number } {
    const text = this.text;
    const char = text.charCodeAt(start);
    if (char === 123 || char === 91) {
      if (atKey && char === 123) outside();
      return this.flowCollection(start);
    }
    if (char === DOUBLE_QUOTE || char === SINGLE_QUOTE) {
      const quoted = this.quoted(start);
      quoted.scalar.range = [start, quoted.end, quoted.end];
      return { node: quoted.scalar, data: quoted.scalar.value, end: quoted.end };
    }
    if (!this.plainMayStart(start, true)) outside();
    let end = start;
    for (;;) {
      const code = text.charCodeAt(end);
      if (end >= text.length || isBreak(code) || FLOW_INDICATORS.has(code)) break;
      if (code === HASH && text.charCodeAt(end - 1) === SPACE) outside();
      if (code === COLON) {
        const following = text.charCodeAt(end + 1);
        if (following === SPACE || FLOW_INDICATORS.has(following) || end + 1 >= text.length || isBreak(following)) break;
      }
      end++;
    }
    if (end >= text.length || isBreak(text.charCodeAt(end))) outside();
    let valueEnd = end;
    while (valueEnd > start && text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
    const source = text.slice(start, valueEnd);
    const scalar = plainScalar(source, atKey);
    scalar.range = [start, valueEnd, valueEnd];
    return { node: scalar, data: scalar.value, end: valueEnd };
  }

  /** A one-line quoted scalar; double quotes with escapes go to yaml. `end` is just past the closing quote. */
  private quoted(open: number): { scalar: Scalar; end: number } {
    const text = this.text;
    const quote = text.charCodeAt(open);
    const lineEnd = this.lineEndOf(open);
    let value = '';
    let at = open + 1;
    for (;;) {
      const close = text.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", at);
      if (close === -1 || close > lineEnd) outside();
      value += text.slice(at, close);
      if (quote === SINGLE_QUOTE && text.charCodeAt(close + 1) === SINGLE_QUOTE) {
        value += "'";
        at = close + 2;
        continue;
      }
      at = close + 1;
      break;
    }
    if (quote === DOUBLE_QUOTE && value.includes('\\')) outside();
    const scalar = new Scalar(value);
    scalar.source = value;
    scalar.type = quote === DOUBLE_QUOTE ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    return { scalar, end: at };
  }

  /**
   * The implicit key at `start` (`key:` followed by a space or a line break), or undefined when the line holds
   * no key there.
   */
  private keyAt(start: number): KeyAt | undefined {
    const text = this.text;
    const char = text.charCodeAt(start);
    let node: Scalar;
    let keyEnd: number;
    let colon: number;
    if (char === DOUBLE_QUOTE || char === SINGLE_QUOTE) {
      const quoted = this.quoted(start);
      colon = this.skipSpaces(quoted.end);
      if (text.charCodeAt(colon) !== COLON || !separatesValue(text, colon + 1)) return undefined;
      node = quoted.scalar;
      keyEnd = quoted.end;
    } else {
      if (!this.plainMayStart(start, false)) return undefined;
      const lineEnd = this.lineEndOf(start);
      colon = start + 1;
      for (;;) {
        if (colon >= lineEnd) return undefined;
        const code = text.charCodeAt(colon);
        if (code === HASH && text.charCodeAt(colon - 1) === SPACE) return undefined;
        if (code === COLON && separatesValue(text, colon + 1)) break;
        colon++;
      }
      keyEnd = colon;
      while (keyEnd > start && text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      const source = text.slice(start, keyEnd);
      node = plainScalar(source, true);
    }
    if (keyEnd - start > MAX_KEY_LENGTH) outside();
    node.range = [start, keyEnd, keyEnd];
    return { node, dataKey: dataKeyOf(node), afterColon: colon + 1 };
  }

  private plainMayStart(start: number, inFlow: boolean): boolean {
    const text = this.text;
    const char = text.charCodeAt(start);
    if (start >= text.length || isBreak(char) || char === SPACE) return false;
    if (!INDICATORS.has(char)) return true;
    if (char !== DASH) return false;
    // `-5`, `-x`: a dash starts a plain scalar when neither a space nor (in flow) a flow indicator follows
    const following = text.charCodeAt(start + 1);
    return start + 1 < text.length && following !== SPACE && !isBreak(following) && !(inFlow && FLOW_INDICATORS.has(following));
  }

  private isSequenceEntry(offset: number): boolean {
    const text = this.text;
    if (text.charCodeAt(offset) !== DASH) return false;
    const following = text.charCodeAt(offset + 1);
    return offset + 1 >= text.length || following === SPACE || isBreak(following);
  }

  /**
   * What follows a node (or an empty value's position) at `nodeEnd` on its line: only spaces and a comment may,
   * then the lines up to the next content. A `#` right after a node, with no space before it, is an error to yaml.
   */
  private trailing(nodeEnd: number): Trailing {
    const text = this.text;
    const at = this.skipSpaces(nodeEnd);
    let sameLineComment = false;
    if (at < text.length && text.charCodeAt(at) === HASH) {
      if (at === nodeEnd && at > 0 && text.charCodeAt(at - 1) !== SPACE && text.charCodeAt(at - 1) !== NEWLINE) outside();
      sameLineComment = true;
    } else if (at < text.length && !isBreak(text.charCodeAt(at))) {
      outside();
    }
    const lineEnd = this.afterBreak(this.lineEndOf(at));
    const rest = this.nextContentFrom(lineEnd);
    return { lineEnd, sameLineComment, comments: rest.comments, next: rest.next };
  }

  /** From a line start: the blank and comment lines up to the next content, and where that content is. */
  private nextContentFrom(lineStart: number): { comments: readonly CommentLine[]; next: Next } {
    const text = this.text;
    let comments: CommentLine[] | undefined;
    let at = lineStart;
    while (at < text.length) {
      const column = this.indentAt(at);
      const content = at + column;
      const char = text.charCodeAt(content);
      if (content >= text.length) break;
      if (isBreak(char)) {
        at = this.afterBreak(content);
        continue;
      }
      if (char === HASH) {
        at = this.afterBreak(this.lineEndOf(content));
        (comments ??= []).push({ column, end: at });
        continue;
      }
      return { comments: comments ?? NO_COMMENTS, next: { offset: content, column } };
    }
    return { comments: comments ?? NO_COMMENTS, next: { offset: text.length, column: -1 } };
  }

  private skipSpaces(offset: number): number {
    let at = offset;
    while (this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  private indentAt(lineStart: number): number {
    return this.skipSpaces(lineStart) - lineStart;
  }

  /** The offset of the line break (LF or CRLF) ending the line at `offset`, or the text's length. */
  private lineEndOf(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    if (newline === -1) return this.text.length;
    return newline > offset && this.text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
  }

  /** Just past the line break at `lineEnd` (as lineEndOf gives it). */
  private afterBreak(lineEnd: number): number {
    if (lineEnd >= this.text.length) return this.text.length;
    return lineEnd + (this.text.charCodeAt(lineEnd) === CR ? 2 : 1);
  }
}

/**
 * A block collection's ranges from its last item, as yaml's parser and composer make them: range[1] is where the
 * last item's range[2] is. The comments left after the last item move up to the enclosing collection when the
 * collection is at column 0 or every one of them is indented less than it; otherwise yaml keeps them inside, where
 * they decide its range[2] (not modelled: left unknown).
 */
function closeCollection(collection: YAMLMap | YAMLSeq, start: number, indent: number, data: unknown, last: Item): Item {
  if (last.end === undefined) outside();
  const comments = last.trailingComments;
  const passedUp = indent === 0 || comments.every((comment) => comment.column < indent);
  collection.range = [start, last.end, last.end];
  return { node: collection, data, end: passedUp ? last.end : undefined, trailingComments: passedUp ? comments : NO_COMMENTS };
}

interface KeyAt {
  node: Scalar;
  /** the key as toJS writes it into a plain object */
  dataKey: string;
  afterColon: number;
}

/** `:` separates a block key from its value when a space, a line break or the end of the text follows. */
function separatesValue(text: string, offset: number): boolean {
  if (offset >= text.length) return true;
  const char = text.charCodeAt(offset);
  return char === SPACE || isBreak(char);
}

const MAY_BE_CORE_NON_STRING = new Set([...'~nNtTfF.+-0123456789'].map((char) => char.charCodeAt(0)));

/** LF, or the CR of a CRLF line break (a lone CR never reaches the composer). */
function isBreak(code: number): boolean {
  return code === NEWLINE || code === CR;
}

/**
 * The plain scalar written `source` (its range is the caller's), resolved by the first core-schema tag whose test
 * matches, as yaml's composer does; a value the tag cannot resolve is left to yaml. Every YAML 1.2 core-schema null,
 * bool, int and float is empty or starts with one of `~ n N t T f F . + -` or a digit, so other plain scalars (most
 * of a filing's text) are strings without trying the tags' patterns.
 */
function plainScalar(source: string, atKey: boolean): Scalar {
  const scalar = resolvedPlain(source, atKey);
  scalar.source = source;
  scalar.type = 'PLAIN';
  return scalar;
}

function resolvedPlain(source: string, atKey: boolean): Scalar {
  if (source !== '' && !MAY_BE_CORE_NON_STRING.has(source.charCodeAt(0))) return new Scalar(source);
  const tag = (atKey ? KEY_TAGS : PLAIN_TAGS).find((candidate) => candidate.test!.test(source));
  if (!tag) return new Scalar(source);
  // a tag that reports an error, or throws (yaml's composer catches that as TAG_RESOLVE_FAILED), is yaml's to report
  let failed = false;
  let resolved: unknown;
  try {
    resolved = tag.resolve(source, () => (failed = true), OPTIONS);
  } catch {
    outside();
  }
  if (failed) outside();
  const scalar = isScalar(resolved) ? resolved : new Scalar(resolved);
  if (tag.format) scalar.format = tag.format;
  return scalar;
}

/** The property name toJS gives a scalar key (yaml's stringifyKey for scalar values). */
function dataKeyOf(key: Scalar): string {
  return key.value === null ? '' : String(key.value);
}

/**
 * `>` folding for lines of equal indentation (the first one not empty): a single line break between two lines
 * becomes a space, and a run of n empty lines becomes n line breaks.
 */
function foldLines(lines: readonly string[]): string {
  let folded = lines[0];
  let emptyRun = 0;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index];
    if (line === '') {
      emptyRun++;
      continue;
    }
    folded += (emptyRun === 0 ? ' ' : '\n'.repeat(emptyRun)) + line;
    emptyRun = 0;
  }
  return folded;
}
