// Cross-language benchmark: the wasm package beside the native core, in one run:
//   node benches/bench.mjs [--js-only]        (after ./scripts/build-wasm.sh)
// Prints the instantiate time, the median latency of score() on the seed report, and the
// native criterion medians of the same work with their ratios.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoDir = fileURLToPath(new URL("..", import.meta.url));
const pkgDir = join(repoDir, "packages/tthc-score");
const seedPath = join(repoDir, "examples/dien-bien-2021-q2-district.json");
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Instantiation, each in a fresh process: the Node entry (read + compile + instantiate),
// and initSync(bytes) of the browser entry.
function fresh(code) {
  return Number(execFileSync("node", ["--input-type=module", "-e", code], { cwd: pkgDir, encoding: "utf8" }).trim());
}
const nodeImport = [];
const webInit = [];
for (let i = 0; i < 7; i++) {
  nodeImport.push(fresh(`const t = performance.now(); await import("./dist/index.node.mjs"); console.log(performance.now() - t);`));
  webInit.push(
    fresh(`import { readFileSync } from "node:fs";
      const m = await import("./dist/index.js");
      const bytes = readFileSync("./dist/tthc_score_wasm_bg.wasm");
      const t = performance.now(); m.initSync(bytes); console.log(performance.now() - t);`),
  );
}

// score() latency: medians over batches.
const { score, scoreResult, renderTable } = await import(pathToFileURL(join(pkgDir, "dist/index.node.mjs")).href);
const seed = JSON.parse(readFileSync(seedPath, "utf8"));
function perCall(fn, batches = 200, batch = 100) {
  for (let i = 0; i < 2000; i++) fn(); // warm up
  const samples = [];
  for (let b = 0; b < batches; b++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    samples.push(Number(process.hrtime.bigint() - t) / batch / 1000);
  }
  return median(samples);
}
const js = {
  score: perCall(() => score(seed)),
  scoreResult: perCall(() => scoreResult(seed)),
  renderHtml: perCall(() => renderTable(seed, { format: "html" })),
};

let native = null;
if (!process.argv.includes("--js-only")) {
  execFileSync("cargo", ["bench", "-q", "-p", "tthc-score", "--bench", "score", "--", "--warm-up-time", "1", "--measurement-time", "3"], {
    cwd: repoDir,
    stdio: "ignore",
  });
  const est = (name) => {
    const f = join(repoDir, "target/criterion", name, "new/estimates.json");
    return existsSync(f) ? JSON.parse(readFileSync(f, "utf8")).median.point_estimate / 1000 : NaN;
  };
  native = {
    score: est("score_seed"),
    jsonInJsonOut: est("json_in_json_out"),
    renderHtml: est("score_and_render_html"),
  };
}

const f = (x) => x.toFixed(2);
console.log(`instantiate, Node entry (fresh process, median of 7): ${f(median(nodeImport))} ms`);
console.log(`instantiate, initSync(bytes) of the browser entry (median of 7): ${f(median(webInit))} ms`);
console.log(`wasm score() on the seed, median per call: ${f(js.score)} µs`);
console.log(`wasm scoreResult() on the seed, median per call: ${f(js.scoreResult)} µs`);
console.log(`wasm renderTable(html) on the seed, median per call: ${f(js.renderHtml)} µs`);
if (native) {
  console.log(`native score (parsed report, criterion median): ${f(native.score)} µs`);
  console.log(`native JSON in → scorecard → JSON out (criterion median): ${f(native.jsonInJsonOut)} µs; wasm score() / native = ${f(js.score / native.jsonInJsonOut)}×`);
  console.log(`native score + HTML (criterion median): ${f(native.renderHtml)} µs; wasm renderTable / native = ${f(js.renderHtml / native.renderHtml)}×`);
}
