import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { DiagnosticSeverity, type MarkupContent } from 'vscode-languageserver/node';
import { LspTestClient } from './support/lsp-test-client.js';
import { exampleWorkspace } from './support/workspace.js';

const ROOT = resolve('.');
const BUILT_SERVER = join(ROOT, 'dist', 'src', 'lsp', 'server.js');

/** The newest modification time of the TypeScript sources that `npm run build` compiles. */
function newestSource(folder: string): number {
  return Math.max(
    ...readdirSync(folder, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newestSource(join(folder, entry.name)) : entry.name.endsWith('.ts') ? statSync(join(folder, entry.name)).mtimeMs : 0,
    ),
  );
}

function builtAt(): number {
  try {
    return statSync(BUILT_SERVER).mtimeMs;
  } catch {
    return 0;
  }
}

let workspace: Awaited<ReturnType<typeof exampleWorkspace>>;
let server: ChildProcess;
let client: LspTestClient;

beforeAll(async () => {
  // bin/ptlint.js runs dist/: build it when a source is newer than the last build
  if (builtAt() < newestSource(join(ROOT, 'src'))) {
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  }
  workspace = await exampleWorkspace();
  server = spawn(process.execPath, [join(ROOT, 'bin', 'ptlint.js'), 'lsp', '--stdio'], { cwd: workspace.folder, stdio: ['pipe', 'pipe', 'inherit'] });
  client = new LspTestClient(createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!)));
}, 120_000);

afterAll(async () => {
  if (server.exitCode === null) server.kill();
  client.connection.dispose();
  await workspace.remove();
});

test('ptlint lsp --stdio: diagnostics, hover and code actions, survives broken YAML, exits cleanly', async () => {
  const initialized = await client.initialize(workspace.folder);
  expect(initialized.serverInfo?.name).toBe('ptlint');
  expect(initialized.capabilities).toMatchObject({ hoverProvider: true, documentSymbolProvider: true });

  const file = join(workspace.folder, '两新党建.yaml');
  const text = await workspace.read('两新党建.yaml');
  const uri = await client.open(file, text);
  const { diagnostics } = await client.diagnostics(uri);
  const vague = diagnostics.find((diagnostic) => diagnostic.code === 'vague-target')!;
  expect(vague.range.start.line).toBe(text.split('\n').findIndex((line) => line.includes('党组织引领企业')));

  const hover = await client.hover(uri, vague.range.start);
  expect((hover?.contents as MarkupContent).value).toContain(vague.message);

  const actions = await client.codeActions(uri, vague.range, [vague]);
  expect(actions.map((action) => action.title)).toContain('在本行禁用 vague-target');

  await client.change(uri, 2, text.replace('绩效指标:', '绩效指标: [oops'));
  const broken = await client.diagnostics(uri, (params) => params.version === 2);
  expect(broken.diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).map((diagnostic) => diagnostic.code)).toContain('parse-error');
  await client.change(uri, 3, text);
  const repaired = await client.diagnostics(uri, (params) => params.version === 3);
  expect(repaired.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(diagnostics.map((diagnostic) => diagnostic.code));

  const exited = new Promise<number | null>((resolveExit) => server.once('exit', resolveExit));
  await client.shutdown();
  await client.exit();
  expect(await exited).toBe(0);
});
