import { join } from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { LogMessageNotification, MessageType, type Diagnostic } from 'vscode-languageserver/node';
import { ruleFunction as vagueTarget } from '../../src/functions/vague-target.js';
import { startInProcess, type LspTestClient } from './support/lsp-test-client.js';
import { exampleWorkspace } from './support/workspace.js';

/**
 * A long editing session (issue 7): the server's memory stays flat over thousands of edits, and a rule that throws
 * costs one `rule-failed` diagnostic, not the server. This file runs with --expose-gc (its own project in
 * vitest.config.ts), so that heap sizes are compared after full collections rather than whenever V8 collected.
 */

const FILING = '党群综合服务.yaml';
const EDITS = 2_000;
const WARM_UP = 200;
/**
 * How much the heap may grow between the end of the warm-up and the end of the session. Keeping anything per
 * version — a parse, a lint result or the text — grows it by several MB over these edits (the filing's text alone
 * is ~5 KB as UTF-16); what remains is V8's own noise (compiled code, inline caches), well under 1 MB.
 */
const MAX_GROWTH_BYTES = 3 * 1024 * 1024;

let workspace: Awaited<ReturnType<typeof exampleWorkspace>>;
let session: ReturnType<typeof startInProcess> | undefined;

beforeEach(async () => {
  workspace = await exampleWorkspace();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await session?.dispose();
  session = undefined;
  await workspace.remove();
});

async function connect(): Promise<LspTestClient> {
  session = startInProcess({}, { debounceMs: 0 });
  await session.client.initialize(workspace.folder);
  return session.client;
}

/** Heap in use after a full collection; `gc` is there because this file's worker runs with --expose-gc. */
function heapAfterCollection(): number {
  if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc (see vitest.config.ts)');
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/** Version `version` of the filing: every edit is new text, and every tenth one cannot be read as YAML. */
function versionOf(text: string, version: number): string {
  const renamed = text.replace('三级指标: 党员群众满意度', `三级指标: 党员群众满意度${version}`);
  return version % 10 === 0 ? `${renamed}\n绩效目标: [unclosed\n` : renamed;
}

test(`memory stays flat over ${EDITS} edits of a filing, each linted with its folder and asked for hovers and the outline`, async () => {
  const client = await connect();
  const text = await workspace.read(FILING);
  const uri = await client.open(join(workspace.folder, FILING), text);
  await client.diagnostics(uri);
  const line = text.split('\n').findIndex((candidate) => candidate.includes('党员群众满意度'));
  let heapAtStart = 0;
  for (let version = 2; version <= EDITS + 1; version++) {
    const published = client.nextDiagnostics(uri, (params) => params.version === version);
    await client.change(uri, version, versionOf(text, version));
    const { diagnostics } = await published;
    if (version % 10 === 0) expect(diagnostics.some((diagnostic) => diagnostic.code === 'parse-error')).toBe(true);
    if (version % 7 === 0) {
      await client.hover(uri, { line, character: 30 });
      await client.symbols(uri);
    }
    // the test client records every publication; it is this process's memory too
    client.published.length = 0;
    if (version === WARM_UP + 1) heapAtStart = heapAfterCollection();
  }
  const growth = heapAfterCollection() - heapAtStart;
  expect(growth, `heap grew by ${(growth / 1024 / 1024).toFixed(2)} MB over ${EDITS - WARM_UP} edits`).toBeLessThan(MAX_GROWTH_BYTES);
  // a bound against a hang on a busy machine (this session takes ~30 s on two shared cores), not a speed target
}, 240_000);

test('a rule that throws becomes a rule-failed diagnostic, and the server goes on answering and linting', async () => {
  const run = vagueTarget.run;
  let failing = true;
  vi.spyOn(vagueTarget, 'run').mockImplementation((...args: Parameters<typeof run>) => {
    if (failing) throw new Error('规则内部错误');
    return run(...args);
  });
  const logged: string[] = [];
  const client = await connect();
  client.connection.onNotification(LogMessageNotification.type, (params) => {
    if (params.type === MessageType.Error) logged.push(params.message);
  });
  const text = await workspace.read(FILING);
  const uri = await client.open(join(workspace.folder, FILING), text);
  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

  const { diagnostics } = await client.diagnostics(uri);
  const failed = diagnostics.filter((diagnostic) => diagnostic.code === 'rule-failed');
  expect(failed.map((diagnostic) => diagnostic.message)).toEqual(['规则 vague-target 运行失败：规则内部错误']);
  expect(codes(diagnostics)).not.toContain('vague-target');
  // the other rules still report
  expect(codes(diagnostics).filter((code) => code !== 'rule-failed').length).toBeGreaterThan(0);

  // the server still answers requests and lints the next version
  expect(await client.symbols(uri)).not.toEqual([]);
  failing = false;
  const next = client.nextDiagnostics(uri, (params) => params.version === 2);
  await client.change(uri, 2, text);
  const recovered = codes((await next).diagnostics);
  expect(recovered).not.toContain('rule-failed');
  expect(recovered).toContain('vague-target');
  expect(logged).toEqual([]);
});
