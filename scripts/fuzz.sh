#!/usr/bin/env bash
# Fuzzes the core with cargo-fuzz (the targets are in fuzz/fuzz_targets/): installs
# cargo-fuzz if missing, builds the targets, seeds their corpora from the repository's own
# files (fixtures, examples, the built-in profiles, the example CSV) and runs each target in
# turn, one process at a time.
#
#   ./scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   default 60 s each, every target;
#                                                        the corpus grows in fuzz/corpus/
#   ./scripts/fuzz.sh --smoke                            every target, 60 s of fuzzing in all,
#                                                        from the seeds alone
#
# Uses the nightly toolchain when rustup has one (with AddressSanitizer); otherwise stable
# with RUSTC_BOOTSTRAP=1 and no sanitizer (the core forbids unsafe code). Exits 1 when a
# target crashes: the input is in fuzz/artifacts/TARGET/, the log in fuzz/artifacts/TARGET.log.
# Extra libFuzzer flags: FUZZ_ARGS="-jobs=1 -workers=1". TTHC_FUZZ_TOOLCHAIN=stable forces
# the fallback.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_FUZZ_VERSION=0.13.2
TARGETS=(score_json profile dossier_csv datetime calendar)

smoke=false
seconds=60
if [[ ${1:-} == --smoke ]]; then
  smoke=true
  seconds=$((60 / ${#TARGETS[@]}))
  shift
elif [[ ${1:-} =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
if (($#)); then TARGETS=("$@"); fi

if [[ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]]; then
  echo "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install -q cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

if [[ ${TTHC_FUZZ_TOOLCHAIN:-} != stable ]] && rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
  flags=(-O -a)
  toolchain=nightly
else
  # cargo-fuzz needs -Z flags only for the sanitizers; the instrumentation itself is stable.
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
  flags=(-O -a --sanitizer none --target-dir fuzz/target/stable)
  toolchain="stable (RUSTC_BOOTSTRAP=1, no sanitizer)"
fi

echo "==> building the fuzz targets on $toolchain"
buildlog=$(mktemp)
if ! "${fuzz[@]}" build "${flags[@]}" >"$buildlog" 2>&1; then
  cat "$buildlog" >&2
  exit 1
fi
rm -f "$buildlog"

echo "==> seeds from the repository"
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
for id in dien-bien-2019 tt01-2018; do
  cargo run -q -p tthc-score-cli -- profiles show "$id" >"$seeds/$id.json"
done
python3 fuzz/seeds.py "$seeds" "$seeds"/*.json

failed=()
mkdir -p fuzz/artifacts
for t in "${TARGETS[@]}"; do
  if $smoke; then
    corpus=$seeds/new-$t
  else
    corpus=fuzz/corpus/$t
  fi
  mkdir -p "$corpus" "fuzz/artifacts/$t"
  dict=()
  [[ -f $seeds/$t.dict ]] && dict=("-dict=$seeds/$t.dict")
  # The smoke run is the same on every machine (a fixed seed: the test command must not
  # turn red by chance); long runs explore from a random seed.
  if $smoke; then dict+=("-seed=1"); fi
  log=fuzz/artifacts/$t.log
  # shellcheck disable=SC2086
  if "${fuzz[@]}" run "${flags[@]}" "$t" "$corpus" "$seeds/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    "${dict[@]}" ${FUZZ_ARGS:-} >"$log" 2>&1; then
    status=ok
  else
    status=FAIL
    failed+=("$t")
  fi
  # With -jobs, libFuzzer copies the job's log (fuzz-JOB.log here) into its own output.
  rm -f fuzz-[0-9]*.log
  stats=$(awk '
    /^#[0-9]+/ && / cov: / { for (i = 1; i <= NF; i++) { if ($i == "cov:") cov = $(i + 1); if ($i == "ft:") ft = $(i + 1) } }
    /stat::number_of_executed_units/ { runs = $2 }
    /stat::average_exec_per_sec/ { rate = $2 }
    END { printf "%s runs, %s exec/s, cov %s, ft %s", runs, rate, cov, ft }' "$log")
  printf '%-12s %-5s %s s: %s\n' "$t" "$status" "$seconds" "$stats"
  if [[ $status == FAIL ]]; then
    grep -E "panicked at|^thread '|Test unit written|SUMMARY|ERROR: libFuzzer" "$log" | head -8 >&2 || tail -20 "$log" >&2
  fi
done

if ((${#failed[@]})); then
  echo "fuzz: ${#failed[@]} target(s) crashed: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
echo "fuzz: ${#TARGETS[@]} target(s), no crash"
