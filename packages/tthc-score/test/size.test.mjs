// Size budgets of what a browser downloads for each entry: the .wasm and its JS glue
// (wasm-bindgen's glue, the facade and the shared error class), gzip -9 by Node's zlib.
// The JS is minified by build.mjs (source maps beside it), and the .wasm carries no custom
// section only tools read ("name", "producers", "target_features").
// - The main entry (scoring): 150 KB (target 64 KB; 141 KB now). It reached 156 KB when
//   the package learnt to report every problem of a form at once (about 2 KB), to name
//   fields as a clerk does in plain Vietnamese (about 3 KB) and to survive a panic (0.6 KB),
//   then lost 7 KB when the report header's capitals stopped using Unicode's whole case
//   tables (base/upper.rs: every Vietnamese and Latin letter). The float printer that
//   serde's error messages link (about 6 KB) is the next thing to remove. Summing totals as
//   exact fractions (base/rounding.rs, `Exact`) instead of decimals took it from 146 to
//   141 KB: scoring no longer multiplies or divides decimals. A profile object
//   in the options is read by "tthc-score/province" only: reading a whole profile costs
//   about 16 KB.
// - "tthc-score/dossiers" (scoring and the dossier tally in one module, so that a portal
//   that tallies loads one module only; its core is compiled for speed, see Cargo.toml's
//   wasm-full profile): 292 KB (290 KB until serde's English messages lost Rust's names,
//   "struct Report", "variant", "map", "sequence", +0.4 KB; 290.2 KB now).
// - "tthc-score/province" (scoring, many units, rollups, the audit of a published table,
//   profile objects, and the 766 index — about 58 KB of it: its profile reader and
//   checks, the conversions, the built-in profile — for the provincial offices that
//   use both): 345 KB (341 KB now; 340 KB until the audit of a published table learnt
//   which totals rounding allows, and a batch one period, with exact totals (+4.7 KB); 330 KB until a batch's units could bring their own
//   profiles, 5 KB after the options and the items share one reader of profiles — the
//   options read in the core, `FromJson`, which also took 2.7 KB off the dossiers' module). It is compiled for speed like the dossiers'
//   (Cargo.toml, wasm-full) — 283 → 324 KB for a batch of 10,000 units twice as fast (29 →
//   14 µs a unit from JSON text) — and packs a batch's rows for the facade (2.5 KB; 8.6 µs
//   now): what a provincial office, not a citizen's phone, downloads. 350 KB since the 766
//   index learnt the payment's rounding switch and 1.4's last-year stand-in (+1.4 KB, to 344
//   KB).
// - "tthc-score/xlsx" (the province calls and the spreadsheet writer with its zip and
//   deflate; a page imports it only when the user asks for a download): 560 KB (551 KB
//   now; 550 KB until the 766 changes above). zip links two deflaters, zlib-rs and zopfli
//   (about 31 KB gzip together), because rust_xlsxwriter turns on zip's `deflate`, which
//   takes both: the next thing to remove if this entry must shrink.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { pkgDir } from "./helpers.mjs";

export const BUDGET_GZIP = 150_000;
export const DOSSIERS_BUDGET_GZIP = 292_000;
export const PROVINCE_BUDGET_GZIP = 350_000;
export const XLSX_BUDGET_GZIP = 560_000;

export function sizes(entry = "index", module = "tthc_score_wasm") {
  const files = [`dist/${module}_bg.wasm`, `dist/web/${module}.js`, `dist/${entry}.js`, "dist/error.js"];
  return files.map((f) => {
    const bytes = readFileSync(join(pkgDir, f));
    return {
      file: f,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

for (const [entry, module, budget] of [
  ["index", "tthc_score_wasm", BUDGET_GZIP],
  ["dossiers", "tthc_score_full", DOSSIERS_BUDGET_GZIP],
  ["province", "tthc_score_province", PROVINCE_BUDGET_GZIP],
  ["xlsx", "tthc_score_xlsx", XLSX_BUDGET_GZIP],
]) {
  test(`${entry}: wasm + glue within ${budget} bytes gzip`, () => {
    const s = sizes(entry, module);
    const total = { file: `total (${entry})`, raw: 0, gzip: 0, brotli: 0 };
    for (const r of s) for (const k of ["raw", "gzip", "brotli"]) total[k] += r[k];
    for (const r of [...s, total]) console.log(`size ${r.file}: raw ${r.raw} B, gzip ${r.gzip} B, brotli ${r.brotli} B`);
    assert.ok(total.gzip <= budget, `gzip ${total.gzip} B over the ${budget} B budget`);
  });
}
