// The dossier tally through the WebAssembly package beside the native core, in one run:
//   node benches/tally.mjs [--js-only] [N]          (after ./scripts/build-wasm.sh)
// Classify + tally of the same N dossiers (default 1,000,000; 50 units, Q2 2021) from
// typed-array columns, median of 9 runs, in dossiers per second; then the CSV-text call on
// 200,000 rows; and the native criterion median of the same columnar work.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoDir = fileURLToPath(new URL("..", import.meta.url));
const pkgDir = join(repoDir, "packages/tthc-score");
const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

execFileSync("cargo", ["build", "-q", "--release", "-p", "tthc-score-testgen"], { cwd: repoDir, stdio: "inherit" });
const testgen = join(repoDir, "target/release/tthc-score-testgen");
const dir = mkdtempSync(join(tmpdir(), "tthc-columns-"));
execFileSync(testgen, ["columns", String(n), dir]);
const names = JSON.parse(readFileSync(join(dir, "names.json"), "utf8"));
const load = (name, Type) => {
  const b = readFileSync(join(dir, `${name}.bin`));
  return new Type(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};
const columns = { units: names.units, officials: names.officials };
for (const k of ["unit", "official"]) columns[k] = load(k, Uint32Array);
for (const k of ["channel", "agencyGrade", "agencies", "complaint"]) columns[k] = load(k, Uint8Array);
for (const k of ["receivedDay", "receivedSecond", "limitHalves", "dueDay", "originalDueDay", "restartDay", "restartSecond", "resolvedDay", "resolvedSecond", "contacts"]) {
  columns[k] = load(k, Int32Array);
}
rmSync(dir, { recursive: true });

const { Tally, tallyCsv } = await import(pathToFileURL(join(pkgDir, "dist/dossiers.node.mjs")).href);
const run = () => {
  const t = new Tally({ period: "2021-Q2" });
  const s = performance.now();
  t.addColumns(columns);
  const ms = performance.now() - s;
  const counted = t.finish().summary.counted;
  t.free();
  return { ms, counted };
};
run(); // warm up
const runs = Array.from({ length: 9 }, run);
const wasmMs = median(runs.map((r) => r.ms));

const rows = 200_000;
const csv = execFileSync(testgen, ["dossiers", String(rows), "20261127", "50", "2021-Q2"], { encoding: "utf8", maxBuffer: 1 << 30 });
tallyCsv(csv, { period: "2021-Q2" });
const csvMs = median(
  Array.from({ length: 5 }, () => {
    const s = performance.now();
    tallyCsv(csv, { period: "2021-Q2" });
    return performance.now() - s;
  }),
);

let nativeMs = null;
if (!process.argv.includes("--js-only")) {
  execFileSync("cargo", ["bench", "-q", "-p", "tthc-score", "--bench", "tally", "--", "--warm-up-time", "2", "--measurement-time", "8"], {
    cwd: repoDir,
    stdio: "ignore",
  });
  const f = join(repoDir, "target/criterion/tally/classify_and_tally_1m_columns/new/estimates.json");
  nativeMs = existsSync(f) ? JSON.parse(readFileSync(f, "utf8")).median.point_estimate / 1e6 : null;
}

const perSec = (count, ms) => `${((count / ms) * 1000 / 1e6).toFixed(1)} M dossiers/s`;
console.log(`wasm Tally.addColumns, ${n.toLocaleString("en")} dossiers (${runs[0].counted.toLocaleString("en")} in the period), median of 9: ${wasmMs.toFixed(1)} ms = ${perSec(n, wasmMs)}`);
console.log(`wasm tallyCsv, ${rows.toLocaleString("en")} rows (${(csv.length / 1e6).toFixed(1)} MB), median of 5: ${csvMs.toFixed(1)} ms = ${perSec(rows, csvMs)}`);
if (nativeMs !== null && n === 1_000_000) {
  console.log(`native add_columns, 1,000,000 dossiers (criterion median): ${nativeMs.toFixed(1)} ms = ${perSec(n, nativeMs)}; wasm / native throughput = ${(nativeMs / wasmMs).toFixed(2)}`);
}
