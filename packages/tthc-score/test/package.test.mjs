// The packed tarball, installed into fresh consumer projects: Node ESM, Node CommonJS,
// and a plain browser page (import map, no bundler) in Debian's Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pkgDir, repoDir } from "./helpers.mjs";
import { launch } from "./browser.mjs";
import { serve } from "../../../scripts/serve.mjs";

let consumer;
let tarball;

before(() => {
  const out = mkdtempSync(join(tmpdir(), "tthc-pack-"));
  execFileSync("npm", ["pack", "--pack-destination", out, "--loglevel=error"], { cwd: pkgDir, stdio: "pipe" });
  tarball = join(out, readdirSync(out).find((f) => f.endsWith(".tgz")));
  consumer = mkdtempSync(join(tmpdir(), "tthc-consumer-"));
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync("npm", ["install", tarball, "--no-audit", "--no-fund", "--offline", "--loglevel=error"], { cwd: consumer, stdio: "pipe" });
  copyFileSync(join(repoDir, "examples/dien-bien-2021-q2-district.json"), join(consumer, "seed.json"));
});

test("the tarball holds dist and no runtime dependencies", () => {
  const listing = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" });
  for (const f of ["package/dist/index.js", "package/dist/index.cjs", "package/dist/index.node.mjs", "package/dist/index.d.ts", "package/dist/tthc_score_wasm_bg.wasm", "package/dist/tthc_score_full_bg.wasm", "package/LICENSE-MIT", "package/LICENSE-APACHE", "package/CHANGELOG.md", "package/report.schema.json", "package/profile.schema.json", "package/README.md"]) {
    assert.ok(listing.includes(f), f);
  }
  assert.ok(!listing.includes("node_modules"));
  // Each module once, shared by the browser and the Node entries.
  assert.deepEqual(listing.match(/\S+\.wasm$/gm).sort(), ["package/dist/tthc_score_full_bg.wasm", "package/dist/tthc_score_province_bg.wasm", "package/dist/tthc_score_wasm_bg.wasm", "package/dist/tthc_score_xlsx_bg.wasm"]);
  const pkg = JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }));
  assert.equal(pkg.dependencies, undefined);
});

test("Node ESM consumer", () => {
  writeFileSync(
    join(consumer, "esm.mjs"),
    `import { score, version } from "tthc-score";
     import { readFileSync } from "node:fs";
     const card = score(JSON.parse(readFileSync("seed.json", "utf8")));
     console.log(card.total.display.vi, card.total.rating.label.vi, version);`,
  );
  assert.equal(execFileSync("node", ["esm.mjs"], { cwd: consumer, encoding: "utf8" }).trim(), "16,74 Xuất sắc 0.1.0");
});

test("Node CommonJS consumer", () => {
  writeFileSync(
    join(consumer, "cjs.cjs"),
    `const { score, TthcScoreError } = require("tthc-score");
     const r = JSON.parse(require("node:fs").readFileSync("seed.json", "utf8"));
     console.log(score(r).total.display.en);
     r.perDossier.contacts.one = -1;
     try { score(r); } catch (e) { console.log(e instanceof TthcScoreError, e instanceof Error, e.code, e.path); }`,
  );
  assert.equal(
    execFileSync("node", ["cjs.cjs"], { cwd: consumer, encoding: "utf8" }).trim(),
    "16.74\ntrue true COUNT_NEGATIVE perDossier.contacts.one",
  );
});

test("TypeScript consumers resolve the types through the exports map (ESM and CommonJS)", () => {
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, types: [], lib: ["es2022", "dom"] }, files: ["check.mts", "check.cts"] }),
  );
  const body = `const card: Scorecard = score({} as Report);
    const total: DecimalString = card.total.value;
    void total;`;
  writeFileSync(join(consumer, "check.mts"), `import { score, type Report, type Scorecard, type DecimalString } from "tthc-score";\n${body}\n`);
  writeFileSync(join(consumer, "check.cts"), `import { score, type Report, type Scorecard, type DecimalString } from "tthc-score";\n${body}\n`);
  execFileSync(join(pkgDir, "node_modules/.bin/tsc"), ["-p", consumer], { stdio: "pipe" });
});

test("plain browser page (import map, init()) in Chromium", async () => {
  writeFileSync(
    join(consumer, "index.html"),
    `<!doctype html><meta charset="utf-8"><title>consumer</title>
     <script type="importmap">{ "imports": { "tthc-score": "./node_modules/tthc-score/dist/index.js" } }</script>
     <script type="module">
       import { init, score, validate, TthcScoreError } from "tthc-score";
       await init();
       const r = await (await fetch("./seed.json")).json();
       const card = score(r);
       r.perDossier.contacts.one = 1.5;
       let err;
       try { score(r); } catch (e) { err = e; }
       document.body.dataset.result = JSON.stringify({
         total: card.total.display.vi, rating: card.total.rating.label.vi,
         error: [err instanceof TthcScoreError, err instanceof Error, err.code, err.path],
         problems: validate(r).length,
       });
     </script>`,
  );
  const { server, url } = await serve(consumer);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => document.body?.dataset.result, null, { timeout: 15000 });
    const result = JSON.parse(await page.evaluate(() => document.body.dataset.result));
    assert.deepEqual(result, {
      total: "16,74",
      rating: "Xuất sắc",
      error: [true, true, "COUNT_FRACTIONAL", "perDossier.contacts.one"],
      problems: 1,
    });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
