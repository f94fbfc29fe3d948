import { childPath } from '../domain/field-paths.js';
import type { LocalizedText, YamlPath } from '../types.js';

/**
 * `given` selectors: a small JSONPath subset compiled once per rule into a walker over plain data. Nothing in a
 * selector is ever evaluated as code.
 *
 *   $                       the document
 *   .name  ['name']         a mapping key (names may be Chinese)
 *   .*  [*]                 every value of a mapping or sequence
 *   [3]                     a sequence index
 *   [?(@.a.b == 'x')]       keep values whose field compares: == != (string or number), =~ /regex/flags;
 *                           `@.a` alone keeps values whose field is present and non-empty; join with &&
 */

export interface Selected {
  path: YamlPath;
  value: unknown;
}

export interface Selector {
  readonly source: string;
  select(root: unknown): Selected[];
}

export class SelectorSyntaxError extends Error {
  constructor(
    readonly text: LocalizedText,
    /** offset into the selector string */
    readonly offset: number,
  ) {
    super(text.en);
  }
}

type Step =
  | { kind: 'key'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'index'; index: number }
  | { kind: 'filter'; conditions: Condition[] };

interface Condition {
  field: string[];
  test: (value: unknown) => boolean;
}

export function compileSelector(source: string): Selector {
  const steps = new SelectorParser(source).parse();
  return {
    source,
    select(root: unknown): Selected[] {
      let current: Selected[] = [{ path: [], value: root }];
      for (const step of steps) {
        const next: Selected[] = [];
        for (const selected of current) applyStep(step, selected, next);
        current = next;
      }
      return current;
    },
  };
}

/** Appends what `step` selects from `selected` to `into`: one pass, no intermediate arrays (rules run per file). */
function applyStep(step: Step, { path, value }: Selected, into: Selected[]): void {
  switch (step.kind) {
    case 'key':
      if (isRecord(value) && Object.hasOwn(value, step.name)) into.push({ path: childPath(path, step.name), value: value[step.name] });
      return;
    case 'index':
      if (Array.isArray(value) && step.index < value.length) into.push({ path: childPath(path, step.index), value: value[step.index] });
      return;
    case 'wildcard':
      pushChildren(path, value, into, undefined);
      return;
    case 'filter':
      pushChildren(path, value, into, step.conditions);
      return;
  }
}

function pushChildren(path: YamlPath, value: unknown, into: Selected[], conditions: readonly Condition[] | undefined): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) if (keeps(value[index], conditions)) into.push({ path: childPath(path, index), value: value[index] });
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) if (keeps(value[key], conditions)) into.push({ path: childPath(path, key), value: value[key] });
  }
}

/** Whether an item passes every condition of a filter (a wildcard has none). */
function keeps(item: unknown, conditions: readonly Condition[] | undefined): boolean {
  if (conditions === undefined) return true;
  for (const condition of conditions) if (!condition.test(readField(item, condition.field))) return false;
  return true;
}

function readField(value: unknown, field: string[]): unknown {
  let current = value;
  for (const name of field) {
    if (!isRecord(current)) return undefined;
    current = current[name];
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NAME_STOP = new Set(['.', '[', ']', '(', ')', ' ', '=', '!', '&', "'", '"', '~', '\t']);

class SelectorParser {
  private position = 0;

  constructor(private readonly source: string) {}

  parse(): Step[] {
    this.skipSpaces();
    this.expect('$', { zh: '选择器必须以 $ 开头', en: 'a selector starts with $' });
    const steps: Step[] = [];
    while (this.position < this.source.length) {
      const char = this.source[this.position];
      if (char === '.') {
        this.position++;
        if (this.peek('.')) this.fail({ zh: '不支持递归选择 ..', en: 'recursive descent (..) is not supported' });
        if (this.peek('*')) {
          this.position++;
          steps.push({ kind: 'wildcard' });
        } else {
          steps.push({ kind: 'key', name: this.readName() });
        }
      } else if (char === '[') {
        steps.push(this.readBracket());
      } else if (char === ' ' || char === '\t') {
        this.skipSpaces();
      } else {
        this.fail({ zh: `选择器中出现了意外的字符“${char}”`, en: `unexpected character “${char}”` });
      }
    }
    return steps;
  }

  private readBracket(): Step {
    this.position++;
    this.skipSpaces();
    let step: Step;
    if (this.peek('*')) {
      this.position++;
      step = { kind: 'wildcard' };
    } else if (this.peek("'") || this.peek('"')) {
      step = { kind: 'key', name: this.readQuoted() };
    } else if (this.peek('?')) {
      this.position++;
      this.skipSpaces();
      this.expect('(', { zh: '过滤条件应写作 [?(@.栏目 == 值)]', en: 'a filter is written [?(@.field == value)]' });
      const conditions = this.readConditions();
      this.expect(')', { zh: '过滤条件缺少右括号 )', en: 'filter lacks its closing )' });
      step = { kind: 'filter', conditions };
    } else {
      const digits = /^[0-9]+/.exec(this.source.slice(this.position));
      if (!digits) this.fail({ zh: '方括号中应为 *、序号、带引号的栏目名或过滤条件', en: 'brackets hold *, an index, a quoted name or a filter' });
      this.position += digits[0].length;
      step = { kind: 'index', index: Number(digits[0]) };
    }
    this.skipSpaces();
    this.expect(']', { zh: '缺少右方括号 ]', en: 'missing ]' });
    return step;
  }

  private readConditions(): Condition[] {
    const conditions = [this.readCondition()];
    this.skipSpaces();
    while (this.source.startsWith('&&', this.position)) {
      this.position += 2;
      conditions.push(this.readCondition());
      this.skipSpaces();
    }
    return conditions;
  }

  private readCondition(): Condition {
    this.skipSpaces();
    this.expect('@', { zh: '过滤条件应以 @ 开头', en: 'a filter condition starts with @' });
    const field: string[] = [];
    while (this.peek('.')) {
      this.position++;
      field.push(this.readName());
    }
    if (field.length === 0) this.fail({ zh: '@ 后应有栏目名，如 @.一级指标', en: 'name a field after @, e.g. @.一级指标' });
    this.skipSpaces();
    const rest = this.source.slice(this.position);
    const operator = ['==', '!=', '=~'].find((candidate) => rest.startsWith(candidate));
    if (!operator) return { field, test: isPresent };
    this.position += 2;
    this.skipSpaces();
    if (operator === '=~') {
      const pattern = this.readRegex();
      return { field, test: (value) => typeof value === 'string' && pattern.test(value) };
    }
    const literal = this.readLiteral();
    const equals = (value: unknown) => value === literal || (value !== null && value !== undefined && String(value) === String(literal));
    return { field, test: operator === '==' ? equals : (value) => !equals(value) };
  }

  private readLiteral(): string | number {
    if (this.peek("'") || this.peek('"')) return this.readQuoted();
    const number = /^-?[0-9]+(\.[0-9]+)?/.exec(this.source.slice(this.position));
    if (!number) this.fail({ zh: '比较的值应为带引号的文字或数字', en: 'compare with a quoted string or a number' });
    this.position += number[0].length;
    return Number(number[0]);
  }

  private readRegex(): RegExp {
    const start = this.position;
    this.expect('/', { zh: '=~ 后应为 /正则表达式/', en: '=~ takes a /regular expression/' });
    let body = '';
    while (this.position < this.source.length && this.source[this.position] !== '/') {
      if (this.source[this.position] === '\\') body += this.source[this.position++];
      body += this.source[this.position++];
    }
    this.expect('/', { zh: '正则表达式缺少结尾的 /', en: 'regular expression lacks its closing /' });
    const flags = /^[imsu]*/.exec(this.source.slice(this.position))?.[0] ?? '';
    this.position += flags.length;
    try {
      return new RegExp(body, flags);
    } catch (error) {
      this.position = start;
      return this.fail({ zh: `正则表达式无效：${(error as Error).message}`, en: `invalid regular expression: ${(error as Error).message}` });
    }
  }

  private readQuoted(): string {
    const quote = this.source[this.position++];
    const end = this.source.indexOf(quote, this.position);
    if (end === -1) this.fail({ zh: '引号没有闭合', en: 'unterminated quote' });
    const text = this.source.slice(this.position, end);
    this.position = end + 1;
    return text;
  }

  private readName(): string {
    const start = this.position;
    while (this.position < this.source.length && !NAME_STOP.has(this.source[this.position])) this.position++;
    if (this.position === start) this.fail({ zh: '此处应为栏目名', en: 'a field name is expected here' });
    return this.source.slice(start, this.position);
  }

  private peek(char: string): boolean {
    return this.source[this.position] === char;
  }

  private expect(char: string, text: LocalizedText): void {
    if (!this.peek(char)) this.fail(text);
    this.position++;
  }

  private skipSpaces(): void {
    while (this.peek(' ') || this.peek('\t')) this.position++;
  }

  private fail(text: LocalizedText): never {
    throw new SelectorSyntaxError(text, this.position);
  }
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}
