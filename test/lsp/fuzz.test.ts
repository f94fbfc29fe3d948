import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LogMessageNotification, MessageType, type Diagnostic, type DocumentSymbol, type Position, type PublishDiagnosticsParams, type Range } from 'vscode-languageserver/node';
import { fuzzBudget, fuzzTimeout } from '../reliability/support/fuzz-budget.js';
import { startInProcess, type LspTestClient } from './support/lsp-test-client.js';
import { exampleWorkspace } from './support/workspace.js';

/**
 * Fuzzing the language server (issue 7): random edit sequences through didChange on copies of the example filings,
 * with a small fixed-seed budget (`PTLINT_FUZZ_SECONDS` turns it into a long run, as for test/reliability/fuzz.test.ts).
 * After every sequence the diagnostics of the last version must arrive, lie inside the document as the LSP counts
 * lines (CR LF, LF and a lone CR each end one; characters in UTF-16 code units) and contain no `rule-failed`; the
 * server must log no error and still answer a hover and a documentSymbol request. Nothing sleeps: each wait is for
 * the publishDiagnostics notification of one version, bounded by HANG_MS so that a lost publication fails the test
 * instead of stalling it. An input that breaks the property goes to test/lsp/fixtures/ as a regression case.
 */

const FILINGS = ['两新党建.yaml', '党群综合服务.yaml', '社区党建.yaml', '单位汇总.yaml'];
/** how long the diagnostics of a version may take before the test calls it a hang (a bound, not a wait) */
const HANG_MS = 15_000;

// ---------------------------------------------------------------------------------------------------------------
// Edits

/** An edit of the whole text; positions are reduced modulo the text's length when the edit is applied. */
type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'value'; line: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicateLine'; line: number; times: number }
  | { kind: 'deleteLine'; line: number }
  | { kind: 'lineEnds'; to: '\r\n' | '\n' }
  | { kind: 'restore' };

/** One edit as a splice of the text it applies to: replace [start, end) by `text`. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

const piece = fc.constantFrom(
  // YAML indicators, alone and as they open a construct
  ':', '-', '[', ']', '{', '}', '#', '>', '|', "'", '"', ',', '?', '&', '*', '!', '%', '@', '`',
  ': ', '- ', '? ', '#', ' #', '>-', '|+', '&a ', '*a', '!!str ', '!!binary ', '---\n', '...\n', '%YAML 1.2\n', '<<: ',
  // whitespace and line ends
  ' ', '  ', '\t', '\n', '\r\n', '\r', '\u3000', '\u00a0', '\ufeff', '\u200b',
  // Chinese text, field names and indicator values of a filing
  '绩效指标', '年度指标值', '三级指标', '一级指标: 产出指标', '满意度', '服务对象满意度指标', '党员群众', '明显提升', '≥90%', '=3次', '≤1000元/次',
  '6月30日前', '２０２２年', '１０', '万元', '元', '合计: ', '项目资金:', '  - { 一级指标: 满意度指标, 年度指标值: ≥75% }\n',
  // full-width punctuation and a character outside the BMP
  '：', '，', '。', '（', '）', '【', '】', '“', '”', '‘', '’', '、', '；', '！', '？', '％', '－', '～', '＞', '＜', '＝', '𠀀', '𠀀𠀀',
  // numbers YAML reads in surprising ways
  '0', '1e3', '0x1F', '.inf', '-.nan', 'null', '~', 'true', 'no', '2022-12-31', '12:30:00',
);

/** what an author types as the value of a field: amounts, indicator values, dates, names, flow collections */
const safeValue = fc.constantFrom(
  '≥90%', '=100%', '">=5次"', "'≤1000元/次'", '≥５次', '＝100％', '＞＝95.5％', '不低于80%', '95.0％－98.50％', '5-10次', '明显', '提升', '良好', '较上年提高', '"<=0"',
  '6月30日前', '2022年12月31日前', '年底前', '2022-01-01', '2022-13-45', '2022', '1990', '2101', '２０２２', '286700', '286700.00', '1,100,000.00', '１，０００',
  '102万', '165.00万元', '-5', '0', '1e309', '.nan', '', '~', 'null', 'true', '[]', '{}', '[a, b]', '{ a: 1 }', '*a', '&a x', '!!int 3', '!!str 3', '𠀀', '𠀀𠀀𠀀',
  '上海市松江区广富林街道社区党群服务中心', '成本指标', '经济成本指标', '满意度指标', '服务对象满意度指标', '数量指标', '党员群众满意度', '“两新”党建', '（元）',
);

/** values that YAML reads as something else, or not at all: `>=` and `|` open block scalars, a lone quote never closes */
const breakingValue = fc.constantFrom('>=1家', '>-', '|', "'", '"未闭合', '# 注释', '@x', '`x', '%', 'a: b', '- x');

const value = fc.oneof(
  { weight: 6, arbitrary: fc.array(safeValue, { minLength: 1, maxLength: 2 }).map((pieces) => pieces.join('')) },
  { weight: 1, arbitrary: breakingValue },
  { weight: 1, arbitrary: fc.array(fc.oneof(safeValue, piece), { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join('')) },
);

const insertion = fc.oneof(
  { weight: 4, arbitrary: fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
);

const position = fc.nat({ max: 1_000_000 });

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, text: insertion }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: position, length: fc.integer({ min: 1, max: 12 }), text: insertion }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('value' as const), line: position, text: value }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), line: position, times: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteLine' as const), line: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lineEnds' as const), to: fc.constantFrom<'\r\n' | '\n'>('\r\n', '\n') }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
);

/** Edits that leave the structure alone: values, line ends, copies of whole lines. */
const valueEdit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('value' as const), line: position, text: safeValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), line: position, times: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('lineEnds' as const), to: fc.constantFrom<'\r\n' | '\n'>('\r\n', '\n') }) },
);

/** A sequence of 10 to 30 edits. */
function edits(kind: fc.Arbitrary<Edit>): fc.Arbitrary<Edit[]> {
  return fc.array(kind, { minLength: 10, maxLength: 30 });
}

/** An offset that does not split a surrogate pair: an editor's text is always whole characters. */
function offsetIn(text: string, at: number): number {
  let offset = at % (text.length + 1);
  if (offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))) offset -= 1;
  return offset;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Start offsets of the lines of `text`, split at LF only (a CR before it stays with its line). */
function lfLineStarts(text: string): number[] {
  return [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
}

function spliceOf(text: string, edit: Edit, original: string): Splice {
  switch (edit.kind) {
    case 'insert': {
      const at = offsetIn(text, edit.at);
      return { start: at, end: at, text: edit.text };
    }
    case 'delete':
    case 'replace': {
      const start = offsetIn(text, edit.at);
      const end = offsetIn(text, Math.min(text.length, start + edit.length));
      return { start, end: Math.max(start, end), text: edit.kind === 'replace' ? edit.text : '' };
    }
    case 'value': {
      // the n-th value after `key: ` (a block value up to its line end, a flow value up to its `,` or `}`)
      const slots = [...text.matchAll(/:[ \t]([^,{}[\]\r\n#]*)/g)];
      if (slots.length === 0) return { start: text.length, end: text.length, text: edit.text };
      const slot = slots[edit.line % slots.length];
      const end = slot.index + slot[0].length;
      return { start: end - slot[1].length, end, text: edit.text };
    }
    case 'truncate':
      return { start: offsetIn(text, edit.at), end: text.length, text: '' };
    case 'duplicateLine':
    case 'deleteLine': {
      const starts = lfLineStarts(text);
      const index = edit.line % starts.length;
      const start = starts[index];
      const end = starts[index + 1] ?? text.length;
      const line = text.slice(start, end);
      if (edit.kind === 'deleteLine') return { start, end, text: '' };
      const copy = line.endsWith('\n') ? line : `${line}\n`;
      return { start, end: start, text: copy.repeat(edit.times) };
    }
    case 'lineEnds':
      return { start: 0, end: text.length, text: edit.to === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r\n/g, '\n') };
    case 'restore':
      return { start: 0, end: text.length, text: original };
  }
}

function applySplice(text: string, splice: Splice): string {
  return text.slice(0, splice.start) + splice.text + text.slice(splice.end);
}

// ---------------------------------------------------------------------------------------------------------------
// The document as an LSP client sees it

/** The lines of `text` as the LSP counts them: CR LF, LF and CR each end a line; lengths in UTF-16 code units. */
function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function lspPositionAt(text: string, offset: number): Position {
  const before = lspLines(text.slice(0, offset));
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** What is wrong with a range sent for `text`: outside the document, or ending before it starts. */
function rangeDefects(range: Range, lines: readonly string[], what: string): string[] {
  const defects: string[] = [];
  for (const [name, at] of [['start', range.start], ['end', range.end]] as const) {
    if (!Number.isInteger(at.line) || at.line < 0 || at.line >= lines.length) defects.push(`${what}: ${name} line ${at.line} of ${lines.length} lines`);
    else if (!Number.isInteger(at.character) || at.character < 0 || at.character > lines[at.line].length) {
      defects.push(`${what}: ${name} character ${at.character} on line ${at.line}, which has ${lines[at.line].length}`);
    }
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) {
    defects.push(`${what}: ends before it starts ${JSON.stringify(range)}`);
  }
  return defects;
}

function diagnosticDefects(diagnostics: readonly Diagnostic[], text: string): string[] {
  const lines = lspLines(text);
  return diagnostics.flatMap((diagnostic) => [
    ...rangeDefects(diagnostic.range, lines, `${diagnostic.code} “${diagnostic.message}”`),
    ...(diagnostic.code === 'rule-failed' ? [`rule-failed: ${diagnostic.message}`] : []),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// The session: one server for the whole file, as an editor keeps it

let workspace: Awaited<ReturnType<typeof exampleWorkspace>>;
let session: ReturnType<typeof startInProcess>;
let client: LspTestClient;
/** errors the server logged (a lint that threw, a handler that threw) and not yet reported by a test */
const serverErrors: string[] = [];
const serverErrorListeners = new Set<(message: string) => void>();
/** versions only grow, across documents and reopenings, so that a wait never matches an older publication */
let nextVersion = 1;

beforeAll(async () => {
  workspace = await exampleWorkspace();
  // `files` keeps every edited text a filing, even when an edit breaks the modeline that makes it one
  session = startInProcess({ initializationOptions: { files: ['**/*.yaml'] } }, { debounceMs: 5 });
  client = session.client;
  client.connection.onNotification(LogMessageNotification.type, ({ type, message }) => {
    if (type !== MessageType.Error) return;
    serverErrors.push(message);
    for (const listener of serverErrorListeners) listener(message);
  });
  await client.initialize(workspace.folder);
});

afterAll(async () => {
  await session?.dispose();
  await workspace?.remove();
});

function takeServerErrors(): string[] {
  return serverErrors.splice(0);
}

/**
 * The diagnostics of one version, from the publishDiagnostics notification awaited in `published`. Fails at once
 * when the server logs an error instead (a lint that threw publishes nothing), and after HANG_MS when neither comes.
 */
async function diagnosticsOf(published: Promise<PublishDiagnosticsParams>, version: number): Promise<Diagnostic[]> {
  let timer: NodeJS.Timeout | undefined;
  let listener: ((message: string) => void) | undefined;
  const failure = new Promise<never>((_, reject) => {
    listener = (message) => reject(new Error(`the server logged an error while version ${version} was linted:\n${message}`));
    serverErrorListeners.add(listener);
    timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return (await Promise.race([published, failure])).diagnostics;
  } finally {
    clearTimeout(timer);
    serverErrorListeners.delete(listener!);
  }
}

async function openFresh(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const filePath = join(workspace.folder, name);
  const version = nextVersion++;
  const uri = pathToFileURL(filePath).href;
  const published = client.nextDiagnostics(uri, (params) => params.version === version);
  await client.open(filePath, text, version);
  return { uri, diagnostics: await diagnosticsOf(published, version) };
}

/** Sends each text as a full-text didChange, as fast as the transport takes them, then awaits the last one's diagnostics. */
async function changeAll(uri: string, texts: readonly string[]): Promise<Diagnostic[]> {
  let version = 0;
  let published: Promise<PublishDiagnosticsParams> | undefined;
  for (const [index, text] of texts.entries()) {
    version = nextVersion++;
    if (index === texts.length - 1) {
      const wanted = version;
      published = client.nextDiagnostics(uri, (params) => params.version === wanted);
    }
    await client.change(uri, version, text);
  }
  return diagnosticsOf(published!, version);
}

/**
 * Sends a splice of `before` as an incremental didChange (a range and its new text), as VS Code does; as a
 * full-text change when a CR is involved, since whether an edit next to a CR joins or splits a CR LF is a question
 * of the text-document library, not of ptlint. Returns the version sent.
 */
async function sendSplice(uri: string, before: string, splice: Splice): Promise<number> {
  const version = nextVersion++;
  if (before.includes('\r') || splice.text.includes('\r')) await client.change(uri, version, applySplice(before, splice));
  else await client.edit(uri, version, { start: lspPositionAt(before, splice.start), end: lspPositionAt(before, splice.end) }, splice.text);
  return version;
}

/** The server still answers a hover and a documentSymbol request; what they return lies inside the document. */
async function stillAnswers(uri: string, text: string, hoverOffset: number): Promise<string[]> {
  const lines = lspLines(text);
  const hover = await client.hover(uri, lspPositionAt(text, offsetIn(text, hoverOffset)));
  const symbols = await client.symbols(uri);
  const defects = hover?.range ? rangeDefects(hover.range, lines, 'hover') : [];
  const visit = (symbol: DocumentSymbol, path: string): void => {
    defects.push(...rangeDefects(symbol.range, lines, `symbol ${path}`), ...rangeDefects(symbol.selectionRange, lines, `symbol ${path} (selection)`));
    for (const child of symbol.children ?? []) visit(child, `${path}/${child.name}`);
  };
  for (const symbol of symbols) visit(symbol, symbol.name);
  return defects;
}

/** Everything wrong after the diagnostics of `text` arrived: bad ranges, rule-failed, logged errors, failed requests. */
async function defectsAfter(uri: string, text: string, diagnostics: readonly Diagnostic[], hoverOffset: number): Promise<string[]> {
  return [...diagnosticDefects(diagnostics, text), ...(await stillAnswers(uri, text, hoverOffset)), ...takeServerErrors().map((error) => `server error: ${error}`)];
}

const originals = new Map<string, string>();

async function originalOf(name: string): Promise<string> {
  if (!originals.has(name)) originals.set(name, await workspace.read(name));
  return originals.get(name)!;
}

// ---------------------------------------------------------------------------------------------------------------

describe('the language server under random edits', () => {
  test(
    'publishes diagnostics inside the document for the last version of every edit sequence, never rule-failed, and keeps answering',
    async () => {
      const sequence = fc.record({
        name: fc.constantFrom(...FILINGS),
        // most sequences edit anywhere; some only change values, so that the text stays YAML and the rules run
        edits: fc.oneof({ weight: 3, arbitrary: edits(edit) }, { weight: 2, arbitrary: edits(valueEdit) }),
        hoverAt: position,
      });
      await fc.assert(
        fc.asyncProperty(sequence, async ({ name, edits, hoverAt }) => {
          const original = await originalOf(name);
          const { uri } = await openFresh(name, original);
          try {
            const texts: string[] = [];
            let text = original;
            for (const step of edits) {
              text = applySplice(text, spliceOf(text, step, original));
              texts.push(text);
            }
            const diagnostics = await changeAll(uri, texts);
            expect(await defectsAfter(uri, text, diagnostics, hoverAt), `final text: ${JSON.stringify(text)}`).toEqual([]);
          } finally {
            await client.close(uri);
          }
        }),
        fuzzBudget(25, 7007),
      );
    },
    fuzzTimeout,
  );

  test('after a session of 300 edits that ends with the original text, the diagnostics are exactly those the original had at open', async () => {
    const name = FILINGS[0];
    const original = await originalOf(name);
    const { uri, diagnostics: atOpen } = await openFresh(name, original);
    expect(atOpen.length).toBeGreaterThan(0);
    const [steps] = fc.sample(fc.array(fc.oneof(edit, valueEdit), { minLength: 299, maxLength: 299 }), { seed: 300, numRuns: 1 });
    try {
      let text = original;
      let version = 0;
      for (const [index, step] of [...steps, { kind: 'restore' } as const].entries()) {
        const splice = spliceOf(text, step, original);
        const wanted = nextVersion;
        // every 20th version is linted before the session goes on, so that lints follow one another on one document
        const published = index % 20 === 19 ? client.nextDiagnostics(uri, (params) => params.version === wanted) : undefined;
        version = await sendSplice(uri, text, splice);
        text = applySplice(text, splice);
        if (published) await diagnosticsOf(published, version);
      }
      expect(text).toBe(original);
      const wanted = version;
      const final = await diagnosticsOf(client.diagnostics(uri, (params) => params.version === wanted), version);
      expect(takeServerErrors()).toEqual([]);
      expect(final).toEqual(atOpen);
    } finally {
      await client.close(uri);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

/**
 * Regression cases: texts that broke the server, or its positions, under fuzzing (kept byte for byte). Each is
 * opened beside the example filings and must meet the property above.
 *
 * - crlf-duplicate-key.yaml: a CRLF filing with an empty field written twice (`计划开始日期:`); the duplicate-key
 *   range ends between the CR and the LF, one character past the end of the line.
 * - lone-cr.yaml: a CR on its own inside an indicator row. The LSP counts it as a line end, the engine does not, so
 *   every later diagnostic lands on the wrong line and some past the end of theirs.
 * - stray-quote.yaml: a quote left after a quoted indicator value; the parse error runs to the end of the file, but
 *   the parser's line table stops at the error, so the range ends at “column 776” of the error's first line.
 */
const fixturesFolder = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(fixturesFolder).filter((fixture) => fixture.endsWith('.yaml'));

describe('regression fixtures', () => {
  test.each(fixtures)('%s', async (fixture) => {
    const text = readFileSync(join(fixturesFolder, fixture), 'utf8');
    const { uri, diagnostics } = await openFresh(`fixture-${fixture}`, text);
    try {
      expect(await defectsAfter(uri, text, diagnostics, 0)).toEqual([]);
    } finally {
      await client.close(uri);
    }
  });
});
