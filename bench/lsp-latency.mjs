// Editor latency: didChange → publishDiagnostics on a 300-indicator filing, over stdio against the real server
// (bench/lsp-server.mjs: the server with its debounce set to 0), and the server's memory over many edits.
//   node bench/lsp-latency.mjs [--edits N]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const editsArgument = process.argv.indexOf('--edits');
const edits = editsArgument === -1 ? 2000 : Number(process.argv[editsArgument + 1]);

// A filing with 300 indicator rows, from a real example.
const example = readFileSync(join(root, 'examples', '001_a2faacda87b912c3', '两新党建.yaml'), 'utf8');
const rows = example.split('\n').filter((line) => line.startsWith('  - { 一级指标'));
const many = Array.from({ length: 300 }, (_, index) => rows[index % rows.length].replace(/三级指标: ([^,]+)/, `三级指标: $1${index}`));
const text = example.replace(rows.join('\n'), many.join('\n'));
const folder = mkdtempSync(join(tmpdir(), 'ptlint-lsp-bench-'));
const file = join(folder, 'filing.yaml');
writeFileSync(file, text);
const uri = pathToFileURL(file).href;

const server = spawn(process.execPath, [join(root, 'bench', 'lsp-server.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
let resolveDiagnostics;
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  if (params.uri === uri && resolveDiagnostics) resolveDiagnostics(params);
});
connection.listen();
const diagnosticsNow = () => new Promise((resolve) => (resolveDiagnostics = resolve));

await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }] });
connection.sendNotification('initialized', {});
let waiting = diagnosticsNow();
connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
await waiting;

/** Resident memory of a process, from /proc (Linux). */
function residentMegabytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
}

const latencies = [];
const rss = [];
for (let version = 2; version <= edits + 1; version++) {
  const edited = text.replace('≥90%', `≥${80 + (version % 20)}%`);
  waiting = diagnosticsNow();
  const started = performance.now();
  connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edited }] });
  await waiting;
  latencies.push(performance.now() - started);
  if (version % Math.max(1, Math.floor(edits / 10)) === 0) rss.push(residentMegabytes(server.pid));
}
latencies.sort((a, b) => a - b);
const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
console.log(`\neditor: didChange → diagnostics, 300-indicator filing, ${edits} edits, debounce 0`);
console.log(`  median ${p(0.5)} ms   p95 ${p(0.95)} ms   max ${p(1)} ms   target p95 ≤ 30 ms`);
console.log(`  server RSS every ${Math.floor(edits / 10)} edits (MB): ${rss.join(' ')}   first → last ${(rss[rss.length - 1] / rss[0]).toFixed(2)}×   target: no growth`);
await connection.sendRequest('shutdown');
connection.sendNotification('exit');
