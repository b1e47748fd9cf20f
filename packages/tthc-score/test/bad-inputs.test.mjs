// The shared bad-input catalogue (tests/bad-inputs/*.json, format in its README) through
// the package's public API: every case not marked "only": "rust", JavaScript-only values
// included. Each must give the expected code and path (or rejected rows), as a thrown
// TthcScoreError (a real Error, never a string) from score(), the same problems from
// validate() and scoreResult(), never a score where an error is expected, and leave the
// module working. The Rust runner (crates/tthc-score/tests/bad_inputs.rs) runs the same
// files natively.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as scoring from "../dist/index.node.mjs";
import * as dossiers from "../dist/dossiers.node.mjs";
import { repoDir } from "./helpers.mjs";

const dir = join(repoDir, "tests/bad-inputs");
const seedText = readFileSync(join(repoDir, "examples/dien-bien-2021-q2-district.json"), "utf8");
const seed = () => JSON.parse(seedText);
const FACTS_CSV = "unit,channel,received_at,time_limit_days\nUBND xã A,online,2021-06-07T08:30,1\n";
const PERIOD = { period: "2021-Q2" };

/** Where a problem in each argument is reported in JavaScript: its name, then the path. */
const PREFIX = {
  options: "options",
  renderOptions: "options",
  tallyOptions: "options",
  unitFacts: "unitFacts",
  records: "records",
};
const jsPath = (entry, path) => {
  const p = PREFIX[entry];
  if (!p) return path;
  return path === "" || path.startsWith("[") ? p + path : `${p}.${path}`;
};

// ---------------------------------------------------------------------------------------
// Materializing an input: plain JSON, or the markers of the README ($seed, $gen,
// $concatArrays, $js; $concat and $repeat for texts).

/** Sets an own property, even one named __proto__ (never the prototype). */
function own(o, k, v) {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

function steps(path) {
  const out = [];
  for (const part of path.split(".")) {
    const m = part.match(/^([^[]*)((?:\[\d+\])*)$/);
    if (m[1]) out.push(m[1]);
    for (const ix of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(ix[1]));
  }
  return out;
}

function setAt(root, path, value) {
  const s = steps(path);
  let cur = root;
  for (const k of s.slice(0, -1)) cur = cur[k];
  own(cur, s.at(-1), value);
}

function unsetAt(root, path) {
  const s = steps(path);
  let cur = root;
  for (const k of s.slice(0, -1)) cur = cur[k];
  delete cur[s.at(-1)];
}

const TYPED = { Uint8Array, Uint32Array, Int32Array, Float64Array };

function jsValue(spec) {
  switch (spec.$js) {
    case "undefined":
      return undefined;
    case "function":
      return () => 1;
    case "symbol":
      return Symbol("report");
    case "bigint":
      return BigInt(spec.value);
    case "number":
      return { NaN, Infinity, "-Infinity": -Infinity, "-0": -0, MAX_VALUE: Number.MAX_VALUE, MIN_VALUE: Number.MIN_VALUE }[spec.value];
    case "typed":
      return TYPED[spec.type].from(spec.values);
    case "plain":
      return materialize(spec.value);
    case "date":
      return new Date(spec.value);
    case "map":
      return new Map(spec.entries.map(([k, v]) => [k, materialize(v)]));
    case "inherit":
      return Object.create(materialize(spec.proto));
    case "nullProto":
      return Object.assign(Object.create(null), materialize(spec.value));
    case "boxed":
      return Object(spec.value);
    case "sparse":
      return new Array(spec.length);
    case "loneSurrogateCsv":
      return "unit,channel,received_at,time_limit_days\nUBND xã A\uD800,direct,2021-06-07T09:00,1\n";
    case "loneSurrogateNames":
      return ["UBND xã A\uDC00"];
    case "detached": {
      const a = new Int32Array(1);
      structuredClone(a.buffer, { transfer: [a.buffer] });
      return a;
    }
    case "circular": {
      const o = { a: 1 };
      o.self = o;
      return o;
    }
    case "circularTwice": {
      // Two ways back into the cycle at every level: a walk without a record of the
      // objects on its path would take 2^depth steps.
      const o = { a: 1 };
      o.x = o;
      o.y = o;
      return o;
    }
    case "throwingNull": {
      const o = {};
      Object.defineProperty(o, "name", {
        enumerable: true,
        get() {
          throw null;
        },
      });
      return o;
    }
    case "throwingToJSON":
      return {
        toJSON() {
          throw new Error("no JSON for you");
        },
      };
    case "throwingGetter": {
      const o = {};
      Object.defineProperty(o, "received", {
        enumerable: true,
        get() {
          throw new Error("no value for you");
        },
      });
      return o;
    }
    default:
      throw new Error(`unknown $js ${spec.$js}`);
  }
}

function generated(spec) {
  switch (spec.$gen) {
    case "repeat":
      return spec.string.repeat(spec.times);
    case "array": {
      const out = new Array(spec.times);
      for (let i = 0; i < spec.times; i++) out[i] = materialize(spec.element);
      return out;
    }
    case "nest": {
      let v = materialize(spec.leaf);
      for (let i = 0; i < spec.depth; i++) v = [v];
      return v;
    }
    default:
      throw new Error(`unknown $gen ${spec.$gen}`);
  }
}

function materialize(v) {
  if (Array.isArray(v)) return v.map(materialize);
  if (v === null || typeof v !== "object") return v;
  if ("$js" in v) return jsValue(v);
  if ("$gen" in v) return generated(v);
  if ("$concatArrays" in v) return v.$concatArrays.flatMap(materialize);
  if ("$seed" in v) {
    const base = seed();
    for (const [path, value] of Object.entries(v.set ?? {})) setAt(base, path, materialize(value));
    for (const path of v.unset ?? []) unsetAt(base, path);
    return base;
  }
  const out = {};
  for (const [k, x] of Object.entries(v)) own(out, k, materialize(x));
  return out;
}

function text(t) {
  if (typeof t === "string") return t;
  if ("$concat" in t) return t.$concat.map(text).join("");
  if ("$repeat" in t) return t.$repeat.repeat(t.times);
  throw new Error(`a text JavaScript cannot hold: ${JSON.stringify(t).slice(0, 80)}`);
}

/** Columns as typed arrays (unless the case gives its own values). */
const COLUMN_TYPES = { unit: Uint32Array, official: Uint32Array, channel: Uint8Array, agencyGrade: Uint8Array, agencies: Uint8Array, complaint: Uint8Array };
function columns(spec) {
  if (spec === null) return null;
  const out = {};
  for (const [k, v] of Object.entries(spec)) {
    if (k === "units" || k === "officials" || (v && typeof v === "object" && "$js" in v)) out[k] = materialize(v);
    else out[k] = (COLUMN_TYPES[k] ?? Int32Array).from(v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Running one case.

/** Calls `fn`; what it throws must be a TthcScoreError of `module` (a real Error). */
function thrown(module, fn) {
  try {
    return { value: fn() };
  } catch (e) {
    assert.ok(e instanceof module.TthcScoreError, `not a TthcScoreError: ${String(e)}`);
    assert.ok(e instanceof Error, "a real Error");
    assert.equal(e.name, "TthcScoreError");
    assert.equal(typeof e.message, "string");
    assert.equal(typeof e.stack, "string");
    assert.ok(Array.isArray(e.problems) && e.problems.length > 0);
    assert.deepEqual([e.code, e.path], [e.problems[0].code, e.problems[0].path]);
    for (const p of e.problems) assert.ok(clean(p.message.vi) && clean(p.message.en), `a bad message: ${JSON.stringify(p.message)}`);
    return { error: e };
  }
}

/** A message is there, without the markers that carry codes through serde. */
const clean = (m) => typeof m === "string" && m.length > 0 && !/[\u0001-\u0003]/.test(m);

const pairs = (problems) => problems.map((p) => [p.code, p.path]);

/** What a case gives: { problems } | { total } | { valid } | { tally }. */
function run(c) {
  const input = c.text !== undefined ? text(c.text) : c.entry === "columns" ? columns(c.input) : materialize(c.input);
  const { score, scoreResult, validate, renderTable } = scoring;
  switch (c.entry) {
    case "report": {
      const listed = validate(input);
      assert.ok(Array.isArray(listed), "validate returns a list");
      const result = scoreResult(input);
      const { value, error } = thrown(scoring, () => score(input));
      if (error) {
        assert.ok(Array.isArray(result.errors), "scoreResult gives the errors");
        assert.deepEqual(pairs(error.problems), pairs(result.errors), "score() and scoreResult()");
        // validate() lists every problem (for forms): at least those of scoring.
        const all = pairs(listed).map((p) => p.join(" "));
        for (const p of pairs(result.errors)) assert.ok(all.includes(p.join(" ")), `validate() misses ${p}: ${all}`);
        return { problems: error.problems };
      }
      assert.deepEqual(listed, [], "scored, so validate() finds nothing");
      assert.equal(result.scorecard.total.value, value.total.value);
      return { total: value.total.value };
    }
    case "options": {
      const result = scoreResult(seed(), input);
      const { value, error } = thrown(scoring, () => score(seed(), input));
      if (error) {
        assert.deepEqual(pairs(error.problems), pairs(result.errors), "score() and scoreResult()");
        return { problems: error.problems };
      }
      return { total: value.total.value };
    }
    case "renderOptions": {
      const { error } = thrown(scoring, () => renderTable(seed(), input));
      return error ? { problems: error.problems } : { valid: true };
    }
    case "tallyOptions": {
      const { value, error } = thrown(dossiers, () => new dossiers.Tally(input));
      value?.free();
      return error ? { problems: error.problems } : { valid: true };
    }
    case "unitFacts": {
      const { error } = thrown(dossiers, () => dossiers.tallyCsv(FACTS_CSV, PERIOD, input));
      return error ? { problems: error.problems } : { valid: true };
    }
    case "records":
    case "csv":
    case "columns": {
      const options = c.options ?? PERIOD;
      const { value, error } = thrown(dossiers, () => {
        if (c.entry === "records") return dossiers.tallyRecords(input, options);
        if (c.entry === "csv") return dossiers.tallyCsv(input, options);
        const t = new dossiers.Tally(options);
        try {
          t.addColumns(input);
          return t.finish();
        } finally {
          t.free();
        }
      });
      return error ? { problems: error.problems } : { tally: value.summary };
    }
    default:
      throw new Error(`unknown entry ${c.entry}`);
  }
}

function check(c, got) {
  const want = c.expect;
  const label = JSON.stringify(got.problems ? pairs(got.problems) : got).slice(0, 300);
  if (want.code !== undefined) {
    assert.ok(got.problems, `want ${want.code}, got ${label}`);
    const path = typeof want.path === "string" ? want.path : text(want.path);
    assert.deepEqual(pairs(got.problems)[0], [want.code, jsPath(c.entry, path)]);
    if (want.messageIncludes) assert.ok(got.problems[0].message.en.includes(want.messageIncludes), got.problems[0].message.en);
  } else if (want.problems) {
    assert.ok(got.problems, `want problems, got ${label}`);
    assert.deepEqual(pairs(got.problems), want.problems.map(([code, path]) => [code, jsPath(c.entry, path)]));
  } else if (want.total) {
    assert.equal(got.total, want.total, `want a total of ${want.total}, got ${label}`);
  } else if (want.valid) {
    assert.ok(got.valid || got.total, `want no error, got ${label}`);
  } else if (want.rejected) {
    assert.ok(got.tally, `want rejected rows, got ${label}`);
    const s = got.tally;
    assert.equal(s.counted, want.counted ?? 0, "counted");
    assert.equal(s.rejected, want.rejectedCount ?? want.rejected.length, "rejected");
    const rows = want.rejectedCount ? s.rejectedRows.slice(0, want.rejected.length) : s.rejectedRows;
    assert.equal(rows.length, want.rejected.length, JSON.stringify(s.rejectedRows).slice(0, 300));
    want.rejected.forEach((w, i) => {
      assert.deepEqual([rows[i].row, rows[i].code], [w.row, w.code]);
      if (w.field) assert.ok(rows[i].message.en.startsWith(`${w.field}: `), rows[i].message.en);
      assert.ok(clean(rows[i].message.vi) && clean(rows[i].message.en), JSON.stringify(rows[i].message));
    });
  } else {
    throw new Error(`unknown expectation ${JSON.stringify(want)}`);
  }
}

/** The modules still answer correctly after a case. */
function stillWorks() {
  assert.equal(scoring.score(seed()).total.value, "16.74");
  assert.equal(dossiers.tallyCsv(FACTS_CSV, PERIOD).summary.counted, 1);
}

const files = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort();
let total = 0;
let ran = 0;
for (const f of files) {
  const { cases } = JSON.parse(readFileSync(join(dir, f), "utf8"));
  for (const c of cases) {
    total++;
    if (c.only === "rust") continue;
    ran++;
    test(`${f}: ${c.name}`, () => {
      const started = performance.now();
      if (c.jsPending) {
        // A known defect: the case must still fail here, so a fixed one loses its marker.
        assert.throws(() => check(c, run(c)), undefined, `${c.name} now passes: remove its jsPending`);
      } else {
        check(c, run(c));
      }
      const took = performance.now() - started;
      assert.ok(took < 5000, `took ${took.toFixed(0)} ms: a case must finish quickly`);
      stillWorks();
    });
  }
}

test("the catalogue is large enough and mostly shared", () => {
  assert.ok(total >= 80, `${total} cases`);
  assert.ok(ran >= 80, `${ran} run here`);
});
