#!/usr/bin/env node
// npm run package: bundles the client and the ptlint server with esbuild, then writes ptlint-<version>.vsix.
// The server is the ptlint command itself (bin/ptlint.js, bundled from the TypeScript sources), run by the client
// as `node server/ptlint.mjs lsp --stdio`. Beside it, server/ holds what ptlint reads at run time (rules/, schemas/,
// docs/) and a package.json named "ptlint": src/package-root.ts finds that folder by walking up to such a file.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVSIX } from '@vscode/vsce';
import { build } from 'esbuild';

const extension = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(extension, '..');
const manifest = JSON.parse(await readFile(join(extension, 'package.json'), 'utf8'));
const ptlint = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const server = join(extension, 'server');

await rm(join(extension, 'dist'), { recursive: true, force: true });
await rm(server, { recursive: true, force: true });

await build({
  entryPoints: [join(extension, 'src', 'extension.ts')],
  outfile: join(extension, 'dist', 'extension.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: true,
  logLevel: 'warning',
});

/** bin/ptlint.js imports the compiled CLI from dist/; the bundle takes it from the sources instead. */
const cliFromSources = {
  name: 'cli-from-sources',
  setup(build) {
    build.onResolve({ filter: /\/dist\/src\/cli\/main\.js$/ }, () => ({ path: join(root, 'src', 'cli', 'main.ts') }));
  },
};
await build({
  entryPoints: [join(root, 'bin', 'ptlint.js')],
  outfile: join(server, 'ptlint.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [cliFromSources],
  minify: true,
  keepNames: true,
  // CommonJS dependencies bundled into an ES module still call require() for Node's built-in modules
  banner: { js: "import { createRequire as __ptlintCreateRequire } from 'node:module'; const require = __ptlintCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
for (const folder of ['rules', 'schemas', 'docs']) await cp(join(root, folder), join(server, folder), { recursive: true });
await writeFile(join(server, 'package.json'), `${JSON.stringify({ name: 'ptlint', version: ptlint.version, private: true, type: 'module' }, null, 2)}\n`);

const packagePath = join(extension, `${manifest.name}-${manifest.version}.vsix`);
await createVSIX({ cwd: extension, packagePath, dependencies: false, allowMissingRepository: true });
console.log(`wrote ${packagePath}`);
