// Editor latency: didChange → publishDiagnostics on a 300-indicator filing, over stdio against the real server
// (bench/lsp-server.mjs: the server with its debounce set to 0), and the server's memory over many edits.
//   node bench/lsp-latency.mjs [--edits N]      (default 1,000; the long session is --edits 10000)
//
// The filing sits in a copy of an example folder with its three neighbours (two filings and the unit summary), as
// in a real workspace: batch rules compare the filings of a folder, so every lint of the edited filing sees them.
// Every edit changes an indicator's name and its target, so no two versions have the same text.
//
// What is printed, all measured in this run:
//   server    the server's own time per edit, from the change being applied to the diagnostics being written to
//             stdout, reported by the server itself (ptlint/bench/timing; ServerOptions.onDiagnosticsTimed): the
//             client's work and the pipe are left out. This is the figure the target (p95 ≤ 30 ms) is about.
//   round trip the same edits timed in this client, from sending didChange to receiving the diagnostics.
//   baselines timed in this process on the same texts, on every fifth edit between the server's edits:
//             yaml.parseDocument of the edited text (the parse floor), and the engine linting the edited filing
//             alone (lintInputs with that one file: the least an edit can cost through the engine) and with its
//             folder (what the server did for every edit before it kept the neighbours' per-file work).
//   memory    the server's heap after a full collection (ptlint/bench/memory; the server runs with --expose-gc)
//             and its resident size, after a warm-up of 50 edits and at ten points of the run.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { parseDocument } from 'yaml';
import { ConfigResolver } from '../dist/src/config/config-resolver.js';
import { lintInputs } from '../dist/src/engine/run.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const editsArgument = process.argv.indexOf('--edits');
const edits = editsArgument === -1 ? 1000 : Number(process.argv[editsArgument + 1]);
const WARM_UP = 50;
const BASELINE_EVERY = 5;

// A filing with 300 indicator rows, from a real example, in a copy of that example's folder.
const exampleFolder = join(root, 'examples', '001_a2faacda87b912c3');
const example = readFileSync(join(exampleFolder, '两新党建.yaml'), 'utf8');
const rows = example.split('\n').filter((line) => line.startsWith('  - { 一级指标'));
const many = Array.from({ length: 300 }, (_, index) => rows[index % rows.length].replace(/三级指标: ([^,]+)/, `三级指标: $1${index}`));
const text = example.replace(rows.join('\n'), many.join('\n'));
const workspace = mkdtempSync(join(tmpdir(), 'ptlint-lsp-bench-'));
const folder = join(workspace, 'filings');
cpSync(exampleFolder, folder, { recursive: true });
const file = join(folder, '两新党建.yaml');
writeFileSync(file, text);
const neighbours = readdirSync(folder).filter((name) => name !== '两新党建.yaml');
const uri = pathToFileURL(file).href;

/** Version `version` of the filing: the first row's indicator renamed, a target changed. */
function editedText(version) {
  return text.replace(many[0], many[0].replace(/三级指标: ([^,]+)/, `三级指标: $1-${version}`)).replace('≥90%', `≥${80 + (version % 20)}%`);
}

const server = spawn(process.execPath, ['--expose-gc', join(root, 'bench', 'lsp-server.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const waiting = new Map();
/** Resolves when both the diagnostics of `version` and the server's timing of it have arrived. */
function arrivalOf(version) {
  const arrival = { diagnostics: undefined, timing: undefined };
  return new Promise((resolve) => {
    const settle = () => arrival.diagnostics !== undefined && arrival.timing !== undefined && (waiting.delete(version), resolve(arrival));
    waiting.set(version, { settle, arrival });
  });
}
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  const waiter = params.uri === uri && waiting.get(params.version);
  if (waiter) (waiter.arrival.diagnostics = performance.now()), waiter.settle();
});
connection.onNotification('ptlint/bench/timing', (timing) => {
  const waiter = timing.uri === uri && waiting.get(timing.version);
  if (waiter) (waiter.arrival.timing = timing.milliseconds), waiter.settle();
});
connection.listen();

await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(workspace).href,
  capabilities: {},
  workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'bench' }],
});
connection.sendNotification('initialized', {});
let opened = arrivalOf(1);
connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
const firstLint = await opened;
if (firstLint.timing === undefined) throw new Error('the server did not lint the filing');

// one resolver for every baseline lint, as the server keeps one: configs are found and loaded once
const resolver = new ConfigResolver({});
const memory = () => connection.sendRequest('ptlint/bench/memory');
const serverTimes = [];
const roundTrips = [];
const parseTimes = [];
const aloneTimes = [];
const folderTimes = [];
const memoryPoints = [];
const memoryEvery = Math.max(1, Math.floor(edits / 10));
let memoryAtStart;

for (let version = 2; version <= WARM_UP + edits + 1; version++) {
  const edited = editedText(version);
  const arrived = arrivalOf(version);
  const started = performance.now();
  connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited }] });
  const { diagnostics, timing } = await arrived;
  const counted = version - 1 - WARM_UP;
  if (counted === 0) memoryAtStart = await memory();
  if (counted <= 0) continue;
  serverTimes.push(timing);
  roundTrips.push(diagnostics - started);
  if (counted % memoryEvery === 0) memoryPoints.push(await memory());
  if (counted % BASELINE_EVERY === 0) {
    let begun = performance.now();
    parseDocument(edited, { keepSourceTokens: true });
    parseTimes.push(performance.now() - begun);
    begun = performance.now();
    await lintInputs([{ filePath: file, text: edited }], { resolver });
    aloneTimes.push(performance.now() - begun);
    begun = performance.now();
    await lintInputs([{ filePath: file, text: edited }, ...neighbours.map((name) => ({ filePath: join(folder, name) }))], { resolver });
    folderTimes.push(performance.now() - begun);
  }
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (value) => `${value.toFixed(1)} ms`;
const line = (label, values) => `  ${label.padEnd(38)} p50 ${ms(quantile(values, 0.5)).padStart(9)}   p95 ${ms(quantile(values, 0.95)).padStart(9)}   max ${ms(quantile(values, 1)).padStart(9)}`;
const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(`\neditor: didChange → diagnostics, 300-indicator filing with ${neighbours.length} neighbours in its folder, ${edits} edits after ${WARM_UP} to warm up, debounce 0`);
console.log(line('server (own time, the target)', serverTimes) + '   target p95 ≤ 30 ms');
console.log(line('round trip (client, over stdio)', roundTrips));
console.log(`  baselines in this process, every ${BASELINE_EVERY}th edit (${parseTimes.length} each):`);
console.log(line('yaml.parseDocument of the text', parseTimes));
console.log(line('engine: the filing alone', aloneTimes));
console.log(line('engine: the filing with its folder', folderTimes));
const ratio = (q, baseline) => (quantile(serverTimes, q) / quantile(baseline, q)).toFixed(2);
console.log(`  server ÷ parse: p50 ${ratio(0.5, parseTimes)}×  p95 ${ratio(0.95, parseTimes)}×   server ÷ engine alone: p50 ${ratio(0.5, aloneTimes)}×  p95 ${ratio(0.95, aloneTimes)}×`);
const last = memoryPoints[memoryPoints.length - 1];
console.log(`  server heap after full GC${memoryAtStart.collected ? '' : ' (gc not exposed: without a forced collection)'}: ${megabytes(memoryAtStart.heapUsed)} → ${megabytes(last.heapUsed)} (${megabytes(last.heapUsed - memoryAtStart.heapUsed)} over ${edits} edits; every ${memoryEvery}: ${memoryPoints.map((point) => (point.heapUsed / 1024 / 1024).toFixed(1)).join(' ')})   target: no growth`);
console.log(`  server RSS: ${megabytes(memoryAtStart.rss)} → ${megabytes(last.rss)} (${megabytes(last.rss - memoryAtStart.rss)})`);
await connection.sendRequest('shutdown');
connection.sendNotification('exit');
connection.dispose();
rmSync(workspace, { recursive: true, force: true });
