#!/usr/bin/env node
// The size of each package entry's WebAssembly module by crate:
//   ./scripts/build-wasm.sh && node scripts/wasm-size.mjs [module…]
// (modules: tthc_score_wasm, tthc_score_full, tthc_score_province, tthc_score_xlsx; all by
// default). twiggy 0.7 cannot read these modules (it panics on their multi-value and
// reference-type sections), so this reads them itself: it runs wasm-opt on the module
// cargo built exactly as build-wasm.sh does but with -g (names kept), then sums the code
// of each function by the crate of its mangled name, and puts the data segments apart.
// The figures are of that module after wasm-bindgen (--keep-debug), within a few percent of
// the shipped one (dist/), whose gzip is given beside them.
// "gzip alone" compresses a crate's code by itself, an upper bound on what it adds to the
// shipped module's gzip.
import { execFileSync } from "node:child_process";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
const all = ["tthc_score_wasm", "tthc_score_full", "tthc_score_province", "tthc_score_xlsx"];
const modules = process.argv.length > 2 ? process.argv.slice(2) : all;
const speed = new Set(["tthc_score_full", "tthc_score_province"]);
const features = [
  "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-reference-types", "--enable-multivalue", "--enable-mutable-globals", "--enable-simd",
];

function leb(b, at) {
  let n = 0, shift = 0, byte;
  do {
    byte = b[at++];
    n += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [n, at];
}

/** Function bodies (index → bytes), names (index → name), the data segments' size. */
function parse(b) {
  let at = 8, imported = 0, data = 0;
  const bodies = new Map(), names = new Map();
  while (at < b.length) {
    const id = b[at];
    let size;
    [size, at] = leb(b, at + 1);
    const end = at + size;
    if (id === 2) {
      // Imports: functions among them take the first indexes.
      let n, p = at;
      [n, p] = leb(b, p);
      for (let i = 0; i < n; i++) {
        for (let s = 0; s < 2; s++) {
          let len;
          [len, p] = leb(b, p);
          p += len;
        }
        const kind = b[p++];
        if (kind === 0) { imported++; [, p] = leb(b, p); }
        else if (kind === 1) { p++; const f = b[p++]; [, p] = leb(b, p); if (f & 1) [, p] = leb(b, p); }
        else if (kind === 2) { const f = b[p++]; [, p] = leb(b, p); if (f & 1) [, p] = leb(b, p); }
        else if (kind === 3) p += 2;
        else throw new Error(`import kind ${kind}`);
      }
    } else if (id === 10) {
      let n, p = at;
      [n, p] = leb(b, p);
      for (let i = 0; i < n; i++) {
        let len;
        [len, p] = leb(b, p);
        bodies.set(imported + i, b.subarray(p, p + len));
        p += len;
      }
    } else if (id === 11) {
      data += size;
    } else if (id === 0) {
      let len, p = at;
      [len, p] = leb(b, p);
      const name = new TextDecoder().decode(b.subarray(p, p + len));
      p += len;
      while (name === "name" && p < end) {
        const sub = b[p];
        let subSize;
        [subSize, p] = leb(b, p + 1);
        const subEnd = p + subSize;
        if (sub === 1) {
          let n;
          [n, p] = leb(b, p);
          for (let i = 0; i < n; i++) {
            let index, l;
            [index, p] = leb(b, p);
            [l, p] = leb(b, p);
            names.set(index, new TextDecoder().decode(b.subarray(p, p + l)));
            p += l;
          }
        }
        p = subEnd;
      }
    }
    at = end;
  }
  return { bodies, names, data };
}

/** Where a function's code belongs, from its (demangled) name: its crate, and for the core
 * crate its module (`tthc_score::tally`); for `<T as Trait>::f` the crate of T, where the
 * code of a generic instance belongs. The exports wasm-bindgen writes (the JS-facing
 * functions, with the core code inlined into them) count apart. */
function crateOf(name) {
  if (!name) return "(unnamed)";
  const path = name.replace(/^(<|&|mut |\[|impl |dyn )+/, "");
  const parts = path.split("::");
  if (parts.length === 1) {
    if (/^__(wbindgen|wbg|externref)/.test(name)) return "wasm_bindgen";
    return /^__|^(memcpy|memset|memmove|memcmp)$/.test(name) ? "compiler_builtins" : "(exports)";
  }
  const crate = parts[0].replace(/[^A-Za-z0-9_].*$/, "");
  // Trait impls on primitives and blanket impls (`<f64 as Display>`, `<T as Into<U>>`).
  if (/^([iu](8|16|32|64|128|size)|f32|f64|bool|char|str|T)$/.test(crate)) return "core";
  if (crate === "tthc_score" && parts.length > 2) return `tthc_score::${parts[1].replace(/[^A-Za-z0-9_].*$/, "")}`;
  return crate;
}

const dir = mkdtempSync(join(tmpdir(), "tthc-wasm-size-"));
for (const m of modules) {
  const raw = join(root, "target/wasm-modules", `${m}.wasm`);
  const named = join(dir, `${m}.wasm`);
  const level = speed.has(m) ? ["-O3"] : ["-Oz", "--converge"];
  execFileSync("wasm-opt", ["-g", ...level, ...features, raw, "-o", named]);
  // wasm-bindgen drops its describe functions as for the package; --keep-debug keeps names.
  const out = join(dir, m);
  execFileSync("wasm-bindgen", ["--target", "web", "--keep-debug", "--experimental-reset-state-function", "--out-dir", out, named]);
  const b = readFileSync(join(out, `${m}_bg.wasm`));
  const shipped = readFileSync(join(root, "packages/tthc-score/dist", `${m}_bg.wasm`));
  const { bodies, names, data } = parse(b);
  const byCrate = new Map();
  for (const [i, body] of bodies) {
    const c = crateOf(names.get(i) ?? "");
    const e = byCrate.get(c) ?? { bytes: 0, functions: 0, code: [] };
    e.bytes += body.length;
    e.functions++;
    e.code.push(body);
    byCrate.set(c, e);
  }
  const total = [...byCrate.values()].reduce((s, e) => s + e.bytes, 0) + data;
  console.log(`\n${m}: shipped ${shipped.length.toLocaleString("en")} B, ${gzipSync(shipped, { level: 9 }).length.toLocaleString("en")} B gzip; with names ${b.length.toLocaleString("en")} B (code ${(total - data).toLocaleString("en")}, data ${data.toLocaleString("en")})`);
  console.log("crate".padEnd(24), "code B".padStart(10), "share".padStart(7), "gzip alone".padStart(11), "functions".padStart(10));
  const rows = [...byCrate].sort((a, z) => z[1].bytes - a[1].bytes);
  for (const [c, e] of rows) {
    const gz = gzipSync(Buffer.concat(e.code), { level: 9 }).length;
    console.log(c.padEnd(24), e.bytes.toLocaleString("en").padStart(10), `${((100 * e.bytes) / total).toFixed(1)}%`.padStart(7), gz.toLocaleString("en").padStart(11), String(e.functions).padStart(10));
  }
  const ours = rows.filter(([c]) => c.startsWith("tthc_score")).reduce((s, [, e]) => s + e.bytes, 0);
  console.log("tthc_score* together".padEnd(24), ours.toLocaleString("en").padStart(10), `${((100 * ours) / total).toFixed(1)}%`.padStart(7));
  console.log("(data segments)".padEnd(24), data.toLocaleString("en").padStart(10), `${((100 * data) / total).toFixed(1)}%`.padStart(7));
}
