// No leaks: 100,000 succeeding and 100,000 failing calls (score, scoreResult, validate,
// renderTable on every fixture of tests/fixtures/), then Tally create/add/finish/free
// cycles through "tthc-score/dossiers", and the WebAssembly memory (memoryBytes()) and the
// process memory (process.memoryUsage(), after a full GC) stay bounded once warmed up.
// TTHC_LEAK_CALLS changes the number of calls of each kind (default 100,000).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as api from "../dist/index.node.mjs";
import * as dossiers from "../dist/dossiers.node.mjs";
import { repoDir } from "./helpers.mjs";

const CALLS = Number(process.env.TTHC_LEAK_CALLS ?? 100_000);
const TALLY_CYCLES = Math.ceil(CALLS / 20);
const WARM_UP = 4_000;
const MiB = 1 << 20;

// Bounds on the growth after warm-up, after a full GC. Measured (Node 20, x86-64, 100,000
// calls of each kind): the wasm memory does not grow at all (about 1.2 MiB for scoring, 1.6 MiB
// with the tallies), the JS heap by under 0.1 MiB, the RSS by 4–7 MiB (compiled code).
// One wasm page of slack: one leaked allocation per call (16 B at least: 1.6 MB over
// 100,000 calls) or three leaked tallies (25 KB each) are well over it.
const WASM_GROWTH = 64 * 1024;
const HEAP_GROWTH = 4 * MiB;
const RSS_GROWTH = 32 * MiB;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");

function snapshot(memoryBytes) {
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { wasm: memoryBytes(), heap: m.heapUsed, rss: m.rss, external: m.external };
}

const mib = (n) => `${(n / MiB).toFixed(2)} MiB`;
function report(label, before, after, ms, calls) {
  console.log(
    `leaks ${label}: ${calls} calls in ${(ms / 1000).toFixed(1)} s; wasm ${mib(before.wasm)} → ${mib(after.wasm)}, ` +
      `heap ${mib(before.heap)} → ${mib(after.heap)}, rss ${mib(before.rss)} → ${mib(after.rss)}, ` +
      `external ${mib(before.external)} → ${mib(after.external)}`,
  );
}

function assertBounded(before, after) {
  assert.ok(after.wasm - before.wasm <= WASM_GROWTH, `wasm memory grew ${before.wasm} → ${after.wasm} B`);
  assert.ok(after.heap - before.heap <= HEAP_GROWTH, `JS heap grew ${mib(after.heap - before.heap)}`);
  assert.ok(after.rss - before.rss <= RSS_GROWTH, `RSS grew ${mib(after.rss - before.rss)}`);
}

const fixtures = readdirSync(join(repoDir, "tests/fixtures"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(join(repoDir, "tests/fixtures", f), "utf8")));
const valid = fixtures.filter((f) => "scorecard" in f.expected);
const invalid = fixtures.filter((f) => "errors" in f.expected);
const FORMATS = ["table", "markdown", "html", "csv"];

// One succeeding call of each function in turn, over every valid fixture and format.
function succeed(i) {
  const fx = valid[i % valid.length];
  switch (i & 3) {
    case 0:
      assert.ok(api.score(fx.input, fx.options).total);
      break;
    case 1:
      assert.ok("scorecard" in api.scoreResult(fx.input, fx.options));
      break;
    case 2:
      assert.equal(api.validate(fx.input).length, 0);
      break;
    default:
      assert.ok(api.renderTable(fx.input, { ...fx.options, format: FORMATS[(i >> 2) & 3], lang: i & 16 ? "en" : "vi" }).length > 0);
  }
}

// Failing calls: every invalid fixture, bad options, unserializable and non-object input.
const circular = {};
circular.self = circular;
const seed = valid.find((f) => f.input.unit?.name && !f.options)?.input ?? valid[0].input;
const badInputs = [
  ...invalid.map((f) => [f.input, f.options]),
  [seed, { profile: "hanoi" }],
  [seed, { format: "pdf" }],
  [circular, undefined],
  [undefined, undefined],
  ["x".repeat(1000), undefined],
  [{ ...seed, extra: [1, 2, 3] }, undefined],
];
// validate() takes no options: its failing calls are the inputs that are bad themselves.
const badReports = badInputs.filter(([, options]) => options === undefined).map(([input]) => input);
function fail(i) {
  const [input, options] = badInputs[i % badInputs.length];
  const throws = (f) => assert.throws(f, api.TthcScoreError);
  switch (i & 3) {
    case 0:
      throws(() => api.score(input, options));
      break;
    case 1:
      assert.ok("errors" in api.scoreResult(input, options));
      break;
    case 2:
      assert.ok(api.validate(badReports[i % badReports.length]).length > 0);
      break;
    default:
      throws(() => api.renderTable(input, options));
  }
}

test(`${CALLS} succeeding and ${CALLS} failing calls: wasm and process memory stay bounded`, () => {
  assert.ok(valid.length >= 10 && invalid.length >= 10);
  for (let i = 0; i < WARM_UP; i++) {
    succeed(i);
    fail(i);
  }
  const before = snapshot(api.memoryBytes);
  const t = performance.now();
  const samples = [];
  for (let i = 0; i < CALLS; i++) {
    succeed(i);
    fail(i);
    if (i % Math.ceil(CALLS / 10) === 0) samples.push(api.memoryBytes());
  }
  const ms = performance.now() - t;
  const after = snapshot(api.memoryBytes);
  report("scoring", before, after, ms, 2 * CALLS);
  assert.ok(samples.every((s) => s - before.wasm <= WASM_GROWTH), `wasm memory along the way: ${samples.join(", ")}`);
  assertBounded(before, after);
});

function columns(n, seedValue) {
  const c = {
    units: ["UBND xã A", "UBND xã B"],
    unit: new Uint32Array(n),
    officials: ["Nguyễn Văn A"],
    official: new Uint32Array(n),
    channel: new Uint8Array(n),
    receivedDay: new Int32Array(n),
    receivedSecond: new Int32Array(n),
    limitHalves: new Int32Array(n),
    resolvedDay: new Int32Array(n),
    resolvedSecond: new Int32Array(n),
    contacts: new Int32Array(n),
  };
  for (let k = 0; k < n; k++) {
    const x = (seedValue * 31 + k * 17) >>> 0;
    c.unit[k] = x & 1;
    c.official[k] = x % 3 === 0 ? 0xffffffff : 0;
    c.channel[k] = x % 3;
    c.receivedDay[k] = 18718 + (x % 80); // 2021-04-01 …
    c.receivedSecond[k] = 8 * 3600 + (x % 9) * 3600;
    c.limitHalves[k] = 2 + (x % 10);
    c.resolvedDay[k] = x % 7 === 0 ? -2147483648 : c.receivedDay[k] + (x % 9);
    c.resolvedSecond[k] = x % 5 === 0 ? -1 : 10 * 3600;
    c.contacts[k] = x % 4 === 0 ? -1 : x % 3;
  }
  return c;
}

const csv = readFileSync(join(repoDir, "examples/dossiers-2021-q2.csv"), "utf8").split("\n").slice(0, 60).join("\n") + "\n";

test(`${TALLY_CYCLES} Tally cycles (create, add, finish, free), half of them failing: bounded`, async () => {
  const { Tally, TthcScoreError } = dossiers;
  const batches = Array.from({ length: 8 }, (_, k) => columns(200 + 50 * k, k));
  const bad = { ...columns(10, 1), limitHalves: new Int32Array(3) };
  const cycle = (i) => {
    const t = new Tally({ period: "2021-Q2" });
    try {
      t.addColumns(batches[i & 7]);
      if (i % 4 === 0) t.addCsv(csv);
      const out = t.finish();
      assert.ok(out.reports.length >= 2 && out.summary.counted > 0);
    } finally {
      t.free();
    }
    // Failing: bad options, a bad batch, a CSV without its columns, bad unit facts; now
    // and then a tally left to the garbage collector instead of free().
    assert.throws(() => new Tally({ period: "2021-Q5" }), TthcScoreError);
    const u = new Tally({ period: "2021-Q2" });
    assert.throws(() => u.addColumns(bad), (e) => e.code === "COLUMN_LENGTHS_DIFFER");
    assert.throws(() => u.addCsv("unit,channel\nA,direct\n"), (e) => e.code === "COLUMN_MISSING");
    assert.throws(() => u.finish({ units: 1 }), TthcScoreError);
    if (i % 50 !== 0) u.free();
  };
  // The collector's finalizers run between tasks: yield now and then.
  const run = async (from, to) => {
    for (let i = from; i < to; i++) {
      cycle(i);
      if (i % 500 === 499) {
        gc();
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
  await run(0, 500);
  const before = snapshot(dossiers.memoryBytes);
  const t = performance.now();
  await run(500, 500 + TALLY_CYCLES);
  const ms = performance.now() - t;
  const after = snapshot(dossiers.memoryBytes);
  report("tally", before, after, ms, TALLY_CYCLES);
  assertBounded(before, after);
});
