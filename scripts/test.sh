#!/usr/bin/env bash
# Sets up whatever is missing and runs every check and test of the project.
# Idempotent; fast when everything is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Rust checks: format, lints, docs"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -q -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps -q

step "Core stays free of JavaScript bindings"
if cargo tree -p tthc-score -e normal --prefix none | grep -E '^(wasm-bindgen|js-sys) '; then
  echo "tthc-score must not depend on wasm-bindgen or js-sys" >&2
  exit 1
fi

step "Rust tests (unit, fixtures, property, CLI, doc)"
cargo test --workspace -q 2>&1 | tee /tmp/tthc-cargo-test.log | grep -E '^(test result|error|failures|thread)' || true
if grep -qE '^test result: FAILED|^error' /tmp/tthc-cargo-test.log; then
  cat /tmp/tthc-cargo-test.log >&2
  exit 1
fi
passed=$(grep -oE '[0-9]+ passed' /tmp/tthc-cargo-test.log | awk '{s+=$1} END {print s+0}')
echo "rust: $passed passed, 0 failed"
