// A province's batch, through the wasm package beside the native core, in one run:
//   node benches/batch.mjs [--js-only]        (after ./scripts/build-wasm.sh)
// 10,000 units shaped like the seed's district, scored and ranked in one call of
// "tthc-score/province" batch(): with scorecards (every unit's whole scorecard out as JS
// objects) and without (each result the position of its row; what a province table
// needs), from objects (the facade's JSON.stringify included) and from JSON text; beside
// the criterion medians of the same work natively: batch() of parsed reports, with and
// without scorecards, and batch_json (JSON in, JSON out). Per-unit medians.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoDir = fileURLToPath(new URL("..", import.meta.url));
const pkgDir = join(repoDir, "packages/tthc-score");
const seed = JSON.parse(readFileSync(join(repoDir, "examples/dien-bien-2021-q2-district.json"), "utf8"));
const N = 10_000;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const { batch, score } = await import(pathToFileURL(join(pkgDir, "dist/province.node.mjs")).href);
// The same reports as the native bench: the seed, N times (the native one renames them;
// names do not change the work).
const units = Array.from({ length: N }, () => seed);
const perUnit = (fn, runs) => {
  fn(); // warm up
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / N / 1000);
  }
  return median(samples);
};
const text = JSON.stringify(units);
const lean = { scorecards: false };
const js = {
  rowsText: perUnit(() => batch(text, lean), 15),
  rows: perUnit(() => batch(units, lean), 15),
  batch: perUnit(() => batch(units), 9),
  loop: perUnit(() => units.map((u) => score(u)), 5),
};
const rows = batch(units, lean).table.rows.length;

let native = null;
if (!process.argv.includes("--js-only")) {
  execFileSync("cargo", ["bench", "-q", "-p", "tthc-score", "--bench", "score", "--", "batch/", "--warm-up-time", "1", "--measurement-time", "5"], {
    cwd: repoDir,
    stdio: "ignore",
  });
  const est = (name) => {
    const f = join(repoDir, "target/criterion/batch", name, "new/estimates.json");
    return existsSync(f) ? JSON.parse(readFileSync(f, "utf8")).median.point_estimate / 1000 / N : NaN;
  };
  native = {
    rows: est("batch_10k_seed_units_rows"),
    scorecards: est("batch_10k_seed_units_scorecards"),
    batchJsonRows: est("batch_json_10k_seed_units_rows"),
    batchJson: est("batch_json_10k_seed_units"),
  };
}

const f = (x) => x.toFixed(2);
console.log(`${N} units (${rows} ranked), median per unit:`);
console.log(`wasm batch(JSON text, { scorecards: false }):  ${f(js.rowsText)} µs`);
console.log(`wasm batch(objects, { scorecards: false }):    ${f(js.rows)} µs`);
console.log(`wasm batch(objects), with scorecards:          ${f(js.batch)} µs`);
console.log(`wasm score() one by one:                       ${f(js.loop)} µs`);
if (native) {
  console.log(`native batch() of parsed reports, no scorecards: ${f(native.rows)} µs`);
  console.log(`native batch() of parsed reports, scorecards:    ${f(native.scorecards)} µs`);
  console.log(`native batch_json, no scorecards (JSON in/out):  ${f(native.batchJsonRows)} µs; wasm from text / native = ${f(js.rowsText / native.batchJsonRows)}×`);
  console.log(`native batch_json, scorecards (JSON in/out):     ${f(native.batchJson)} µs; wasm / native = ${f(js.batch / native.batchJson)}×`);
}
