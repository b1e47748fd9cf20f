#!/usr/bin/env bash
# Builds the npm package, installs it into the web demo as a consumer would, and serves the
# demo at http://127.0.0.1:${PORT:-8080}/ (any static server would do).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./scripts/build-wasm.sh
(cd web-demo && npm ci --no-audit --no-fund --loglevel=error)
exec node scripts/serve.mjs web-demo "${PORT:-8080}"
