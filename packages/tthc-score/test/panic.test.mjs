// Panic policy (src/api.js, createGuard): a panic that reaches the boundary traps (the wasm
// profiles abort); the caller gets a TthcScoreError INTERNAL_ERROR — never the raw
// WebAssembly.RuntimeError — and the module is re-instantiated, so the next call works.
// Tallies of the old instance are lost: their methods throw INTERNAL_ERROR, free() does
// nothing. The panics come from the hidden test hook __panicForTests(bytes), which
// allocates `bytes` inside the module first. Node ESM and CommonJS, both entries, and
// Chromium, both entries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as esmIndex from "../dist/index.node.mjs";
import * as esmDossiers from "../dist/dossiers.node.mjs";
import { columns, pkgDir, repoDir } from "./helpers.mjs";
import { blankPage, launch } from "./browser.mjs";
import { serve } from "../../../scripts/serve.mjs";

const require = createRequire(import.meta.url);
const cjsIndex = require("../dist/index.cjs");
const cjsDossiers = require("../dist/dossiers.cjs");
const seedText = readFileSync(join(repoDir, "examples/dien-bien-2021-q2-district.json"), "utf8");
const seed = () => JSON.parse(seedText);
const MiB = 1 << 20;

/** The error thrown by `f`, which must throw. */
function caught(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  assert.fail("expected an exception");
}

function assertInternal(e, api, what = "internal error") {
  assert.ok(e instanceof api.TthcScoreError, `a TthcScoreError, not ${e}`);
  assert.ok(e instanceof Error);
  assert.ok(!(e instanceof WebAssembly.RuntimeError));
  assert.equal(e.name, "TthcScoreError");
  assert.equal(e.code, "INTERNAL_ERROR");
  assert.equal(e.path, "");
  assert.deepEqual(e.problems.map((p) => p.code), ["INTERNAL_ERROR"]);
  assert.ok(e.messageEn.includes(what), e.messageEn);
  assert.ok(/[ạ-ỹ]/.test(e.messageVi), `a Vietnamese message: ${e.messageVi}`);
  assert.ok(e.message.startsWith("INTERNAL_ERROR: "), e.message);
  assert.equal(typeof e.stack, "string");
}


const entries = [
  ["ESM", "index", esmIndex],
  ["ESM", "dossiers", esmDossiers],
  ["CommonJS", "index", cjsIndex],
  ["CommonJS", "dossiers", cjsDossiers],
];

test("Node: the ESM entries share their CommonJS twin's facade (one module instance each)", () => {
  assert.equal(esmIndex.TthcScoreError, cjsIndex.TthcScoreError);
  assert.equal(esmDossiers.TthcScoreError, cjsDossiers.TthcScoreError);
  assert.equal(esmIndex.score, cjsIndex.score);
});

for (const [kind, entry, api] of entries) {
  test(`Node ${kind} ${entry}: a panic is INTERNAL_ERROR and the module works afterwards`, () => {
    const expected = JSON.stringify(api.score(seed()));
    const table = api.renderTable(seed(), { format: "html" });
    const fresh = api.memoryBytes();
    const e = caught(() => api.__panicForTests(16 * MiB));
    assertInternal(e, api);
    assert.ok(e.cause instanceof WebAssembly.RuntimeError, `the trap is the cause: ${e.cause}`);
    // A fresh instance: the 16 MiB held by the panicking call went with the old one.
    assert.ok(api.memoryBytes() <= fresh, `${api.memoryBytes()} B after the reset, ${fresh} B before`);
    assert.equal(JSON.stringify(api.score(seed())), expected);
    assert.equal(api.renderTable(seed(), { format: "html" }), table);
    const bad = seed();
    bad.perDossier.contacts.one = -1;
    assert.equal(caught(() => api.score(bad)).code, "COUNT_NEGATIVE");
    assert.deepEqual(api.validate(bad).map((p) => p.code), ["COUNT_NEGATIVE"]);
    assert.deepEqual(api.profiles().map((p) => p.id), ["dien-bien-2019", "tt01-2018"]);
  });
}

test("Node: 300 panics in a row, each followed by a good call: memory stays bounded", () => {
  const api = cjsIndex;
  const expected = JSON.stringify(api.score(seed()));
  const fresh = api.memoryBytes();
  const rss = process.memoryUsage().rss;
  const t = performance.now();
  for (let i = 0; i < 300; i++) {
    assert.equal(caught(() => api.__panicForTests(4 * MiB)).code, "INTERNAL_ERROR");
    assert.equal(JSON.stringify(api.score(seed())), expected);
  }
  const ms = performance.now() - t;
  const grown = process.memoryUsage().rss - rss;
  console.log(`panic 300 resets in ${ms.toFixed(0)} ms (${(ms / 300).toFixed(2)} ms each); RSS ${(grown / MiB).toFixed(1)} MiB more`);
  assert.ok(api.memoryBytes() <= fresh);
  // 300 instances of 5+ MiB each would be 1.5 GiB: the old ones are collected.
  assert.ok(grown < 256 * MiB, `RSS grew ${(grown / MiB).toFixed(1)} MiB`);
});

test("Node: a trap inside scoreResult() and validate() is reported as data, like their other problems", () => {
  // Patch the glue (test only) so that its evaluate and validate trap inside the module.
  const glue = require("../dist/node/tthc_score_wasm.cjs");
  const { evaluate, validate } = glue;
  glue.evaluate = () => glue.__panicForTests(0);
  glue.validate = () => glue.__panicForTests(0);
  let outcome;
  let problems;
  try {
    outcome = cjsIndex.scoreResult(seed());
    problems = cjsIndex.validate(seed());
  } finally {
    glue.evaluate = evaluate;
    glue.validate = validate;
  }
  assert.deepEqual(outcome.errors.map((p) => [p.code, p.path]), [["INTERNAL_ERROR", ""]]);
  assert.deepEqual(problems.map((p) => [p.code, p.path]), [["INTERNAL_ERROR", ""]]);
  assert.ok(problems[0].message.vi.length > 0 && problems[0].message.en.length > 0);
  assert.equal(cjsIndex.score(seed()).total.display.vi, "16,74");
  glue.evaluate = () => glue.__panicForTests(0);
  try {
    assertInternal(caught(() => cjsIndex.score(seed())), cjsIndex);
  } finally {
    glue.evaluate = evaluate;
  }
  assert.equal(cjsIndex.score(seed()).total.display.vi, "16,74");
});

test("Node: if re-instantiating fails, the next call tries again", () => {
  const glue = require("../dist/node/tthc_score_wasm.cjs");
  const reset = glue.__wbg_reset_state;
  glue.__wbg_reset_state = () => {
    throw new RangeError("WebAssembly.Instance(): Out of memory (simulated)");
  };
  try {
    const first = caught(() => cjsIndex.__panicForTests(0));
    assertInternal(first, cjsIndex);
    assert.ok(first.cause instanceof WebAssembly.RuntimeError);
    // Still broken: the call is refused before it enters the old instance.
    const e = caught(() => cjsIndex.score(seed()));
    assertInternal(e, cjsIndex);
    assert.ok(e.cause instanceof RangeError);
  } finally {
    glue.__wbg_reset_state = reset;
  }
  assert.equal(cjsIndex.score(seed()).total.display.vi, "16,74");
  // A Tally meanwhile: its calls are refused, free() does not throw.
  const full = require("../dist/node/tthc_score_full.cjs");
  const fullReset = full.__wbg_reset_state;
  const t = new cjsDossiers.Tally({ period: "2021-Q2" });
  full.__wbg_reset_state = () => {
    throw new RangeError("simulated");
  };
  try {
    assertInternal(caught(() => cjsDossiers.__panicForTests(0)), cjsDossiers);
    const e = caught(() => t.finish());
    assertInternal(e, cjsDossiers);
    assert.equal(e.cause.message, "simulated");
    t.free();
  } finally {
    full.__wbg_reset_state = fullReset;
  }
  assert.equal(caught(() => t.finish()).messageEn, "this Tally has been freed");
  const u = new cjsDossiers.Tally({ period: "2021-Q2" });
  u.addColumns(columns(2));
  assert.equal(u.finish().summary.counted, 2);
  u.free();
});

for (const [kind, api] of [
  ["ESM", esmDossiers],
  ["CommonJS", cjsDossiers],
]) {
  test(`Node ${kind} dossiers: a live Tally across a reset fails clearly, a new one works`, () => {
    const { Tally } = api;
    const empty = new Tally({ period: "2021-Q2" });
    const expected = JSON.stringify(empty.finish());
    empty.free();
    const t = new Tally({ period: "2021-Q2" });
    t.addColumns(columns(5));
    const other = new Tally({ period: "2021-Q2" });
    assertInternal(caught(() => api.__panicForTests(MiB)), api);
    for (const call of [
      () => t.addColumns(columns(2)),
      () => t.addRecords([]),
      () => t.addCsv("unit,channel\n"),
      () => t.finish(),
      () => t.merge(other),
      () => other.merge(t),
    ]) {
      assertInternal(caught(call), api, "this Tally was lost");
    }
    // free() of a lost tally does nothing (its memory went with the old instance), and
    // then the tally is a freed one.
    t.free();
    t.free();
    assert.equal(caught(() => t.finish()).messageEn, "this Tally has been freed");
    other[Symbol.dispose]();
    // Nothing was written into the new instance: new tallies and scores are exact.
    const u = new Tally({ period: "2021-Q2" });
    u.addColumns(columns(5));
    const out = u.finish();
    u.free();
    assert.equal(out.summary.counted, 5);
    const again = new Tally({ period: "2021-Q2" });
    assert.equal(JSON.stringify(again.finish()), expected);
    again.free();
    assert.equal(api.tallyCsv("unit,channel,received_at,time_limit_days\nA,direct,2021-06-07T09:00,1\n", { period: "2021-Q2" }).summary.counted, 1);
    assert.equal(api.score(seed()).total.display.vi, "16,74");
  });
}

test("Node dossiers: a trap inside a Tally method loses that tally (and only the tallies of that instance)", () => {
  const api = cjsDossiers;
  const glue = require("../dist/node/tthc_score_full.cjs");
  const proto = glue.TallyHandle.prototype;
  const { addRecords } = proto;
  const t = new api.Tally({ period: "2021-Q2" });
  proto.addRecords = function (...args) {
    addRecords.apply(this, args);
    glue.__panicForTests(0);
  };
  try {
    assertInternal(caught(() => t.addRecords([{ unit: "A", channel: "direct", receivedAt: "2021-06-07T09:00", timeLimitDays: 1 }])), api);
  } finally {
    proto.addRecords = addRecords;
  }
  assertInternal(caught(() => t.finish()), api, "this Tally was lost");
  t.free();
  // The scoring entry has its own module instance: untouched.
  assert.equal(cjsIndex.score(seed()).total.display.vi, "16,74");
});

test("Node dossiers: merging a Tally into itself is refused before the module (no reset)", () => {
  const api = cjsDossiers;
  const a = new api.Tally({ period: "2021-Q2" });
  a.addColumns(columns(3));
  const e = caught(() => a.merge(a));
  assert.ok(e instanceof api.TthcScoreError);
  assert.deepEqual([e.code, e.path], ["INVALID_VALUE", "other"]);
  // Still alive: no re-initialisation happened.
  assert.equal(a.finish().summary.counted, 3);
  a.free();
});

test("Chromium: both entries (init and initSync), a panic is INTERNAL_ERROR, the module works afterwards, a live Tally fails clearly", async () => {
  const { server, url } = await serve(pkgDir);
  const browser = await launch();
  try {
    const { page, errors } = await blankPage(browser, url, "panic");
    const result = await page.evaluate(async (seedText) => {
      const out = {};
      for (const entry of ["index", "dossiers"]) {
        const api = await import(`/dist/${entry}.js`);
        // Both ways in: init() (streaming) for one entry, initSync(bytes) for the other.
        if (entry === "index") await api.init();
        else api.initSync(await (await fetch("/dist/tthc_score_full_bg.wasm")).arrayBuffer());
        const seed = () => JSON.parse(seedText);
        const before = JSON.stringify(api.score(seed()));
        const fresh = api.memoryBytes();
        let tally;
        if (api.Tally) {
          tally = new api.Tally({ period: "2021-Q2" });
          tally.addRecords([{ unit: "A", channel: "direct", receivedAt: "2021-06-07T09:00", timeLimitDays: 1 }]);
        }
        let e;
        try {
          api.__panicForTests(16 << 20);
        } catch (x) {
          e = x;
        }
        const r = {
          isTthcScoreError: e instanceof api.TthcScoreError,
          isError: e instanceof Error,
          isRuntimeError: e instanceof WebAssembly.RuntimeError,
          causeIsRuntimeError: e.cause instanceof WebAssembly.RuntimeError,
          code: e.code,
          path: e.path,
          messageVi: e.messageVi,
          messageEn: e.messageEn,
          memoryReset: api.memoryBytes() <= fresh,
          sameScore: JSON.stringify(api.score(seed())) === before,
          badCode: api.validate({ ...seed(), extra: 1 })[0].code,
        };
        if (tally) {
          try {
            tally.finish();
          } catch (x) {
            r.tally = [x instanceof api.TthcScoreError, x.code, x.messageEn];
          }
          tally.free();
          const t = new api.Tally({ period: "2021-Q2" });
          t.addRecords([{ unit: "A", channel: "direct", receivedAt: "2021-06-07T09:00", timeLimitDays: 1 }]);
          r.newTally = t.finish().summary.counted;
          t.free();
        }
        out[entry] = r;
      }
      return out;
    }, seedText);
    for (const entry of ["index", "dossiers"]) {
      const r = result[entry];
      assert.deepEqual(
        { ...r, messageVi: /[ạ-ỹ]/.test(r.messageVi), messageEn: r.messageEn.includes("internal error") },
        {
          isTthcScoreError: true,
          isError: true,
          isRuntimeError: false,
          causeIsRuntimeError: true,
          code: "INTERNAL_ERROR",
          path: "",
          messageVi: true,
          messageEn: true,
          memoryReset: true,
          sameScore: true,
          badCode: "UNKNOWN_FIELD",
          ...(entry === "dossiers"
            ? {
                tally: [true, "INTERNAL_ERROR", "this Tally was lost when the WebAssembly module was re-initialised after an internal error; create a new Tally and add its dossiers again"],
                newTally: 1,
              }
            : {}),
        },
        entry,
      );
    }
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
