// Size budget of what a browser downloads: the .wasm and its JS glue (wasm-bindgen's
// glue plus the facade). Budget: 150 KB gzip in all (target 64 KB).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { pkgDir } from "./helpers.mjs";

export const BUDGET_GZIP = 150_000;

export function sizes() {
  const files = ["dist/web/tthc_score_wasm_bg.wasm", "dist/web/tthc_score_wasm.js", "dist/index.js"];
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

test(`wasm + glue within ${BUDGET_GZIP} bytes gzip`, () => {
  const s = sizes();
  const total = { file: "total", raw: 0, gzip: 0, brotli: 0 };
  for (const r of s) for (const k of ["raw", "gzip", "brotli"]) total[k] += r[k];
  for (const r of [...s, total]) console.log(`size ${r.file}: raw ${r.raw} B, gzip ${r.gzip} B, brotli ${r.brotli} B`);
  assert.ok(total.gzip <= BUDGET_GZIP, `gzip ${total.gzip} B over the ${BUDGET_GZIP} B budget`);
});
