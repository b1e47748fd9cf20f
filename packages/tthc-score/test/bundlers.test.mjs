// The packed tarball through the bundlers a portal uses: esbuild (browser ESM; Node ESM and
// CommonJS), webpack (target node; target web) and Vite, each run where its output runs —
// Node, or Debian's Chromium — scoring the seed fixture (tests/fixtures/seed-district.json)
// to exactly its expected outcome. What each bundler needs is the README's "Bundlers"
// section; each recipe there is built here.
//
// The bundlers come from test/consumers/ (exact versions, package-lock.json), installed
// once by `npm ci` into node_modules/.cache/tthc-consumers/<hash of the lock>/ and reused
// while the lock is unchanged; tthc-score is the tarball `npm pack` makes now, unpacked
// into that project's node_modules (what npm install does for a package without
// dependencies or scripts). The sources and the bundles live in its work/ folder.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pkgDir, repoDir } from "./helpers.mjs";
import { launch } from "./browser.mjs";
import { serve } from "../../../scripts/serve.mjs";

const FIXTURE = join(repoDir, "tests/fixtures/seed-district.json");
const fixture = JSON.parse(readFileSync(FIXTURE, "utf8"));
const WASM = "tthc_score_wasm_bg.wasm";

const consumers = join(pkgDir, "test/consumers");
const manifest = ["package.json", "package-lock.json"].map((f) => readFileSync(join(consumers, f)));
const hash = createHash("sha256").update(manifest[0]).update(manifest[1]).digest("hex").slice(0, 16);
const project = join(pkgDir, "node_modules/.cache/tthc-consumers", hash);
const work = join(project, "work");
const bin = (name) => join(project, "node_modules/.bin", name);
const run = (file, args, cwd = work) => execFileSync(file, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const seconds = {};
const timed = (name, f) => {
  const t = performance.now();
  try {
    return f();
  } finally {
    seconds[name] = (seconds[name] ?? 0) + (performance.now() - t) / 1000;
  }
};
const started = performance.now();

// The programs the bundles are built from. A server program prints the outcome of the
// fixture and what an invalid report throws; a page shows the same in data-result.
const serverProgram = (preamble = "") => `${preamble}
import { readFileSync } from "node:fs";
import { score, scoreResult, TthcScoreError } from "tthc-score";
const fx = JSON.parse(readFileSync(process.argv[2], "utf8"));
let error;
try {
  score({});
} catch (e) {
  error = [e instanceof TthcScoreError, e instanceof Error, e.code, e.path];
}
console.log(JSON.stringify({ outcome: scoreResult(fx.input, fx.options), error }));
`;
const pageProgram = (preamble, initArg) => `${preamble}
import { init, score, scoreResult, TthcScoreError } from "tthc-score";
const show = (r) => (document.body.dataset.result = JSON.stringify(r));
try {
  await init(${initArg});
  const fx = await (await fetch("./fixture.json")).json();
  let error;
  try {
    score({});
  } catch (e) {
    error = [e instanceof TthcScoreError, e instanceof Error, e.code, e.path];
  }
  show({ outcome: scoreResult(fx.input, fx.options), error });
} catch (e) {
  show({ failed: String(e.message) });
}
`;
// "tthc-score/dossiers" (its own module): a CSV of two dossiers tallied into a report.
const dossiersProgram = `import { tallyCsv } from "tthc-score/dossiers";
const csv = "unit,channel,received_at,time_limit_days,resolved_at\\nUBND xã A,online,2021-06-07T08:30,1,2021-06-07T15:00\\nUBND xã A,direct,2021-06-08T09:00,1,2021-06-10T10:00\\n";
const { reports, summary } = tallyCsv(csv, { period: "2021-Q2" });
console.log(JSON.stringify({ units: reports.length, rows: summary.rows ?? null, received: reports[0].dossiers.received, resolved: reports[0].dossiers.resolved }));
`;
const page = (script, module = true) =>
  `<!doctype html><meta charset="utf-8"><title>bundle</title><script${module ? ' type="module"' : ""} src="${script}"></script>`;
const expected = { outcome: fixture.expected, error: [true, true, "MISSING_FIELD", "period"] };

before(() => {
  timed("npm ci (cached)", () => {
    if (!existsSync(join(project, "node_modules/.package-lock.json"))) {
      rmSync(project, { recursive: true, force: true });
      mkdirSync(project, { recursive: true });
      for (const f of ["package.json", "package-lock.json"]) copyFileSync(join(consumers, f), join(project, f));
      run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], project);
    }
  });
  timed("npm pack + unpack", () => {
    const out = mkdtempSync(join(tmpdir(), "tthc-pack-"));
    run("npm", ["pack", "--pack-destination", out, "--loglevel=error"], pkgDir);
    const tarball = join(out, readdirSync(out).find((f) => f.endsWith(".tgz")));
    const installed = join(project, "node_modules/tthc-score");
    rmSync(installed, { recursive: true, force: true });
    mkdirSync(installed);
    run("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"], project);
    rmSync(out, { recursive: true, force: true });
  });
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, "server.mjs"), serverProgram());
  writeFileSync(
    join(work, "server-embedded.mjs"),
    serverProgram(`import wasm from "tthc-score/${WASM}";\nimport { initSync } from "tthc-score";\ninitSync(wasm);`),
  );
  writeFileSync(join(work, "dossiers.mjs"), dossiersProgram);
  writeFileSync(join(work, "page.mjs"), pageProgram("", ""));
  writeFileSync(join(work, "page-url.mjs"), pageProgram(`import wasmUrl from "tthc-score/${WASM}";`, "new URL(wasmUrl, import.meta.url)"));
  for (const dir of ["vite", "vite-dev"]) {
    mkdirSync(join(work, dir), { recursive: true });
    writeFileSync(join(work, dir, "page.mjs"), pageProgram("", ""));
    writeFileSync(join(work, dir, "index.html"), page("./page.mjs"));
  }
  // The dev server pre-bundles dependencies with esbuild, which loses the .wasm: the one
  // line of configuration the README gives.
  writeFileSync(join(work, "vite-dev/vite.config.mjs"), 'export default { optimizeDeps: { exclude: ["tthc-score"] } };\n');
  copyFileSync(FIXTURE, join(work, "vite-dev/fixture.json"));
});

after(() => {
  const total = (performance.now() - started) / 1000;
  const parts = Object.entries(seconds).map(([k, v]) => `${k} ${v.toFixed(1)} s`);
  console.log(`bundlers: ${total.toFixed(1)} s in all (${parts.join(", ")})`);
});

/** Runs a Node bundle on the fixture: its parsed output. */
const runBundle = (file, cwd = work) => JSON.parse(run("node", [file, FIXTURE], cwd));

/** A copy of `files` (paths under work/) in a fresh folder outside the project, where no
 * node_modules can be found: a bundle deployed alone. */
function alone(files) {
  const dir = mkdtempSync(join(tmpdir(), "tthc-bundle-"));
  for (const f of files) cpSync(join(work, f), join(dir, f.split("/").at(-1)), { recursive: true });
  return dir;
}

const esbuild = (...args) => timed("esbuild", () => run(bin("esbuild"), ["--bundle", "--log-level=error", ...args]));

test("esbuild, Node ESM (--platform=node --format=esm): no configuration", () => {
  esbuild("server.mjs", "--platform=node", "--format=esm", "--outfile=out-esbuild-esm/server.mjs");
  // In the project: the .wasm of the installed package (the same version) is found.
  assert.deepStrictEqual(runBundle("out-esbuild-esm/server.mjs"), expected);
  // Deployed alone: a clear error, then the .wasm copied beside the bundle.
  const dir = alone(["out-esbuild-esm/server.mjs"]);
  assert.throws(() => run("node", ["server.mjs", FIXTURE], dir), (e) => e.stderr.includes(`copy ${WASM} beside the bundle`) && e.stderr.includes("README: Bundlers"));
  copyFileSync(join(project, "node_modules/tthc-score/dist", WASM), join(dir, WASM));
  assert.deepStrictEqual(runBundle("server.mjs", dir), expected);
  rmSync(dir, { recursive: true });
});

test("esbuild, Node CommonJS (--platform=node --format=cjs): no configuration", () => {
  esbuild("server.mjs", "--platform=node", "--format=cjs", "--outfile=out-esbuild-cjs/server.cjs");
  assert.deepStrictEqual(runBundle("out-esbuild-cjs/server.cjs"), expected);
  const dir = alone(["out-esbuild-cjs/server.cjs"]);
  copyFileSync(join(project, "node_modules/tthc-score/dist", WASM), join(dir, WASM));
  assert.deepStrictEqual(runBundle("server.cjs", dir), expected);
  rmSync(dir, { recursive: true });
});

test("esbuild, Node, the .wasm inside the bundle (--loader:.wasm=binary --target=node18, initSync)", () => {
  esbuild("server-embedded.mjs", "--platform=node", "--target=node18", "--format=esm", "--loader:.wasm=binary", "--outfile=out-esbuild-embedded/server.mjs");
  const dir = alone(["out-esbuild-embedded/server.mjs"]);
  assert.deepStrictEqual(runBundle("server.mjs", dir), expected);
  rmSync(dir, { recursive: true });
});

test('"tthc-score/dossiers" in server bundles: esbuild (ESM) and webpack --target node', () => {
  const direct = JSON.parse(run("node", ["dossiers.mjs"]));
  assert.equal(direct.units, 1);
  esbuild("dossiers.mjs", "--platform=node", "--format=esm", "--outfile=out-esbuild-dossiers/dossiers.mjs");
  assert.deepStrictEqual(JSON.parse(run("node", ["out-esbuild-dossiers/dossiers.mjs"])), direct);
  timed("webpack", () => run(bin("webpack"), ["--mode", "production", "--target", "node", "--entry", "./dossiers.mjs", "--output-path", "out-webpack-dossiers"]));
  const dir = alone(["out-webpack-dossiers"]);
  assert.deepStrictEqual(JSON.parse(run("node", ["out-webpack-dossiers/main.js"], dir)), direct);
  rmSync(dir, { recursive: true });
});

test("webpack --target node: no configuration, the .wasm emitted beside the bundle", () => {
  timed("webpack", () => run(bin("webpack"), ["--mode", "production", "--target", "node", "--entry", "./server.mjs", "--output-path", "out-webpack-node"]));
  assert.ok(readdirSync(join(work, "out-webpack-node")).some((f) => f.endsWith(".wasm")), "the .wasm is emitted");
  assert.deepStrictEqual(runBundle("out-webpack-node/main.js"), expected);
  const dir = alone(["out-webpack-node"]);
  assert.deepStrictEqual(runBundle("out-webpack-node/main.js", dir), expected);
  rmSync(dir, { recursive: true });
});

test("browser bundles in Chromium: esbuild (as is, .wasm copied, --loader:.wasm=file), webpack, Vite (build and dev server)", async () => {
  const pages = {};
  const fixtureTo = (dir) => copyFileSync(FIXTURE, join(work, dir, "fixture.json"));
  // esbuild as is: the .wasm is not emitted; init() says what to do.
  esbuild("page.mjs", "--format=esm", "--outfile=out-esbuild-web/page.js");
  writeFileSync(join(work, "out-esbuild-web/index.html"), page("./page.js"));
  fixtureTo("out-esbuild-web");
  pages.esbuildAsIs = "out-esbuild-web/";
  // esbuild, the .wasm copied beside the bundle: init() finds it.
  esbuild("page.mjs", "--format=esm", "--outfile=out-esbuild-copy/page.js");
  copyFileSync(join(project, "node_modules/tthc-score/dist", WASM), join(work, "out-esbuild-copy", WASM));
  writeFileSync(join(work, "out-esbuild-copy/index.html"), page("./page.js"));
  fixtureTo("out-esbuild-copy");
  pages.esbuildCopy = "out-esbuild-copy/";
  // esbuild with the file loader: the program imports the .wasm's URL and gives it to init().
  esbuild("page-url.mjs", "--format=esm", "--loader:.wasm=file", "--outdir=out-esbuild-file");
  writeFileSync(join(work, "out-esbuild-file/index.html"), page("./page-url.js"));
  fixtureTo("out-esbuild-file");
  pages.esbuildFile = "out-esbuild-file/";
  // webpack --target web: no configuration (it follows new URL(…, import.meta.url)).
  timed("webpack", () => run(bin("webpack"), ["--mode", "production", "--target", "web", "--entry", "./page.mjs", "--output-path", "out-webpack-web"]));
  writeFileSync(join(work, "out-webpack-web/index.html"), page("./main.js", false));
  fixtureTo("out-webpack-web");
  pages.webpack = "out-webpack-web/";
  // Vite: no configuration (--base ./ only to serve it from a sub-folder here).
  timed("vite", () => run(bin("vite"), ["build", "vite", "--outDir", "../out-vite", "--emptyOutDir", "--base", "./", "--logLevel", "error"]));
  fixtureTo("out-vite");
  pages.vite = "out-vite/";
  for (const dir of ["out-webpack-web", "out-vite/assets"]) {
    assert.ok(readdirSync(join(work, dir)).some((f) => f.endsWith(".wasm")), `${dir}: the .wasm is emitted`);
  }

  // Vite's dev server, on a free port, until the pages are loaded.
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  // Without colour: a CI that sets FORCE_COLOR would wrap the port in ANSI codes.
  const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
  const dev = spawn(bin("vite"), ["vite-dev", "--host", "127.0.0.1", "--port", String(port), "--strictPort"], { cwd: work, env, stdio: ["ignore", "pipe", "pipe"] });
  let devLog = "";
  const devReady = new Promise((resolve, reject) => {
    const t = performance.now();
    const onData = (d) => {
      devLog += d;
      if (devLog.replace(/\x1b\[[0-9;]*m/g, "").includes(`:${port}/`)) {
        seconds["vite dev start"] = (performance.now() - t) / 1000;
        resolve();
      }
    };
    dev.stdout.on("data", onData);
    dev.stderr.on("data", onData);
    dev.on("exit", (code) => reject(new Error(`vite dev exited (${code}): ${devLog}`)));
    setTimeout(() => reject(new Error(`vite dev did not start in 30 s: ${devLog}`)), 30_000).unref();
  });
  devReady.catch(() => {}); // awaited below; no unhandled rejection meanwhile
  pages.viteDev = `http://127.0.0.1:${port}/`;
  const { server, url } = await serve(work);
  let t = performance.now();
  const browser = await launch();
  seconds["chromium launch"] = (performance.now() - t) / 1000;
  try {
    const results = {};
    t = performance.now();
    await devReady;
    for (const [name, path] of Object.entries(pages)) {
      const tab = await browser.newPage();
      const errors = [];
      tab.on("pageerror", (e) => errors.push(e.message));
      await tab.goto(path.startsWith("http") ? path : url + path);
      await tab.waitForFunction(() => document.body?.dataset.result, null, { timeout: 15000 });
      results[name] = JSON.parse(await tab.evaluate(() => document.body.dataset.result));
      assert.deepEqual(errors, [], name);
      await tab.close();
    }
    seconds["chromium pages"] = (performance.now() - t) / 1000;
    assert.match(results.esbuildAsIs.failed, new RegExp(`cannot load .*${WASM}; copy ${WASM} beside the bundle or call init\\(itsUrl\\) \\(README: Bundlers\\)`));
    for (const name of ["esbuildCopy", "esbuildFile", "webpack", "vite", "viteDev"]) assert.deepStrictEqual(results[name], expected, name);
  } finally {
    dev.kill();
    await browser.close();
    server.close();
  }
});
