#!/usr/bin/env bash
# Sets up whatever is missing and runs every check and test of the project:
# Rust (format, lints, docs, unit/fixture/property/CLI/doc tests), the wasm package
# (parity with native, API, types, size budget, packed-tarball consumers in Node and
# Chromium), the web demo in Chromium and a short fuzz run of every fuzz target.
# Idempotent; fast when everything is installed.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# Tests compare what programs print: no colour codes, whatever the CI sets (FORCE_COLOR
# would win over NO_COLOR in Node and turn `true` into an escape-coded `true`).
unset FORCE_COLOR
export NO_COLOR=1

step() { printf '\n==> %s\n' "$*"; }


step "Rust checks: format, lints, docs"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -q -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps -q

step "The core stays free of JavaScript bindings"
if cargo tree -p tthc-score -e normal --prefix none | grep -E '^(wasm-bindgen|js-sys|tsify) '; then
  echo "tthc-score (default features) must not depend on wasm-bindgen, js-sys or tsify" >&2
  exit 1
fi

step "Supply chain: licenses, bans, sources (cargo-deny, offline; deny.toml)"
command -v cargo-deny >/dev/null || cargo install -q cargo-deny --version 0.20.2 --locked
cargo fetch -q # cargo-deny reads the dependencies of every platform
cargo deny --offline --log-level error check licenses bans sources

step "Rust tests (unit, fixtures, property, CLI, doc)"
log=$(mktemp)
if ! cargo test --workspace -q >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
grep -E '^test result' "$log"
rust_passed=$(grep -oE '[0-9]+ passed' "$log" | awk '{s+=$1} END {print s+0}')

step "WebAssembly package: build (installs the wasm toolchain pieces if missing)"
./scripts/build-wasm.sh
cargo build -q --release -p tthc-score-testgen

step "Browser for the browser tests: Debian's Chromium"
ensure_apt chromium

# Runs node's test runner in $1; prints the size report and the summary, everything on failure.
node_passed=0
node_tests() {
  local dir=$1 out
  out=$(mktemp)
  if ! (cd "$dir" && node --test --test-reporter=tap test/) >"$out" 2>&1; then
    cat "$out" >&2
    exit 1
  fi
  grep -E '^# (size|bench|screenshot|bundlers)|^# (tests|pass|fail) ' "$out" || true
  node_passed=$((node_passed + $(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$out")))
}

step "WebAssembly package tests (parity, API, types, size, consumers, bundlers, browser)"
node_tests packages/tthc-score

step "The scoring module's code by crate (scripts/wasm-size.mjs; all four modules without an argument)"
sizes=$(node scripts/wasm-size.mjs tthc_score_wasm)
grep -E 'shipped|together|data segments' <<<"$sizes"
grep -q '^tthc_score::scoring ' <<<"$sizes" || { echo "no tthc_score::scoring line in the breakdown" >&2; exit 1; }

step "Web demo in Chromium (screenshots in web-demo/screenshots/)"
(cd web-demo && npm ci --no-audit --no-fund --loglevel=error)
node_tests web-demo

step "Fuzz smoke: every fuzz target from the repository's seeds, 60 s in all (scripts/fuzz.sh)"
# The stable toolchain (no sanitizer; the core forbids unsafe code) keeps this step the
# same on every machine; long runs: ./scripts/fuzz.sh 600.
TTHC_FUZZ_TOOLCHAIN=stable ./scripts/fuzz.sh --smoke

echo
echo "rust: ${rust_passed} passed, 0 failed"
echo "node: ${node_passed} passed, 0 failed"
echo "total: $((rust_passed + node_passed)) passed, 0 failed"
