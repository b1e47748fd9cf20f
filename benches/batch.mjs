// A province's batch, through the wasm package beside the native core, in one run:
//   node benches/batch.mjs [--js-only]        (after ./scripts/build-wasm.sh)
// 10,000 units shaped like the seed's district, scored and ranked in one call of
// "tthc-score/province" batch() (JSON in, every unit scored, the table, out as JS objects),
// beside the criterion medians of the same work natively (batch_json_10k_seed_units: JSON
// in, JSON out) and of scoring parsed reports (score_10k_seed_units). Per-unit medians.
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
const js = {
  batch: perUnit(() => batch(units), 9),
  loop: perUnit(() => units.map((u) => score(u)), 5),
};
const rows = batch(units).table.rows.length;

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
  native = { batchJson: est("batch_json_10k_seed_units"), score: est("score_10k_seed_units") };
}

const f = (x) => x.toFixed(2);
console.log(`wasm batch() of ${N} units (${rows} ranked), median per unit: ${f(js.batch)} µs`);
console.log(`wasm score() one by one, ${N} units, median per unit: ${f(js.loop)} µs`);
if (native) {
  console.log(`native batch_json (JSON in → scored, ranked → JSON out), median per unit: ${f(native.batchJson)} µs; wasm / native = ${f(js.batch / native.batchJson)}×`);
  console.log(`native score of parsed reports, median per unit: ${f(native.score)} µs`);
}
