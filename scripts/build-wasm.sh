#!/usr/bin/env bash
# Builds the npm package (packages/tthc-score/dist), installing whatever is missing:
# the wasm32 standard library (a rustup target where one can be had, else Debian's
# rust-web-src with -Zbuild-std), wasm-bindgen-cli at exactly the crate's pinned version,
# wasm-opt (Debian's binaryen) and the npm dev dependencies. Idempotent.
# TTHC_WASM_TOOLCHAIN=debian forces the Debian recipe.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

PROFILE=wasm-release
PKG=packages/tthc-score
WB_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml)


have_rustup_target() {
  command -v rustup >/dev/null || return 1
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown && return 0
  timeout 180 rustup target add wasm32-unknown-unknown >/dev/null 2>&1
}

# Four modules from the wasm crate: the main entry (scoring), "tthc-score/dossiers"
# (scoring and the dossier tally), "tthc-score/province" (scoring and the province calls) and
# "tthc-score/xlsx" (those and .xlsx workbooks, for a page to load on demand).
# build_module: $1 = cargo features, $2 = module name, $3 = profile, $4 = extra rustc flags:
# "tthc-score/dossiers" uses WebAssembly SIMD (every browser since 2023, Node 16.4+), so that
# the tally's block path compiles to vector code there as natively (17.6 → 28.1 M dossiers/s).
mkdir -p target/wasm-modules
if [[ "${TTHC_WASM_TOOLCHAIN:-auto}" != debian ]] && have_rustup_target; then
  echo "wasm32 std: rustup target"
  build_module() {
    RUSTFLAGS="${RUSTFLAGS:-} ${4:-}" cargo build -q --target wasm32-unknown-unknown --profile "$3" -p tthc-score-wasm \
      --no-default-features --features "$1"
    cp "target/wasm32-unknown-unknown/$3/tthc_score_wasm.wasm" "target/wasm-modules/$2.wasm"
  }
else
  echo "wasm32 std: Debian rust-web-src with -Zbuild-std"
  ensure_apt rustc-web cargo-web rust-web-src lld
  build_module() {
    PATH=/usr/bin:$PATH RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld RUSTFLAGS="${RUSTFLAGS:-} ${4:-}" \
      CARGO_TARGET_DIR=target/debian-wasm \
      /usr/bin/cargo build -q --target wasm32-unknown-unknown --profile "$3" \
      -Zbuild-std=std,panic_abort -p tthc-score-wasm --no-default-features --features "$1"
    cp "target/debian-wasm/wasm32-unknown-unknown/$3/tthc_score_wasm.wasm" "target/wasm-modules/$2.wasm"
  }
fi
build_module scoring tthc_score_wasm "$PROFILE"
build_module scoring,tally tthc_score_full wasm-full "-C target-feature=+simd128"
build_module scoring,province tthc_score_province wasm-full
build_module scoring,xlsx tthc_score_xlsx "$PROFILE"

if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]]; then
  echo "installing wasm-bindgen-cli $WB_VERSION (a few minutes, once)"
  cargo install -q wasm-bindgen-cli --version "$WB_VERSION" --force
fi
command -v wasm-opt >/dev/null || ensure_apt binaryen
command -v node >/dev/null || ensure_apt nodejs npm

rm -rf target/wasm-bindgen
mkdir -p target/wasm-bindgen target/wasm-opt
# wasm-opt runs before wasm-bindgen: Debian's wasm-opt 108 rewrites wasm-bindgen's
# externref table export wrongly when it reads wasm-bindgen's output.
# --experimental-reset-state-function: the glue gets __wbg_reset_state(), a fresh instance
# from the compiled module it holds; the facade calls it after a trap (a panic aborts).
# --converge: the passes again until the module stops shrinking (about 0.2 KB of gzip).
# The speed-tuned modules (profile wasm-full) get -O3: -Oz undid part of their opt-level.
for m in tthc_score_wasm tthc_score_full tthc_score_province tthc_score_xlsx; do
  case $m in tthc_score_full | tthc_score_province) level=(-O3) ;; *) level=(-Oz --converge) ;; esac
  wasm-opt "${level[@]}" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue --enable-mutable-globals --enable-simd \
    "target/wasm-modules/$m.wasm" -o "target/wasm-opt/$m.wasm"
  for t in web nodejs; do
    wasm-bindgen --target "$t" --experimental-reset-state-function \
      --out-dir "target/wasm-bindgen/${t%js}" "target/wasm-opt/$m.wasm"
  done
done

if [[ ! -d "$PKG/node_modules" || "$PKG/package-lock.json" -nt "$PKG/node_modules/.package-lock.json" ]]; then
  (cd "$PKG" && npm ci --no-audit --no-fund --loglevel=error)
fi
# dist/: the entries, one copy of each .wasm, the declarations (build.mjs).
node "$PKG/build.mjs"
