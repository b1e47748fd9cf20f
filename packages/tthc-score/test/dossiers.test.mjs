// The dossier tally through the "tthc-score/dossiers" entry: the shared fixtures, byte-
// identical parity with native Rust on generated batches (CSV, records and typed-array
// columns), and the errors of the columnar API.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Tally, tallyCsv, tallyRecords, score, TthcScoreError } from "../dist/dossiers.node.mjs";
import { columns, nativeLines, repoDir } from "./helpers.mjs";

const PARITY = Number(process.env.TTHC_TALLY_PARITY_CASES ?? 200);
const TYPES = {
  unit: Uint32Array,
  official: Uint32Array,
  channel: Uint8Array,
  agencyGrade: Uint8Array,
  agencies: Uint8Array,
  complaint: Uint8Array,
};

/** Typed arrays from the JSON columns of the native generator. */
function typed(cols) {
  const out = { units: cols.units, officials: cols.officials };
  for (const [k, v] of Object.entries(cols)) {
    if (k === "units" || k === "officials") continue;
    out[k] = (TYPES[k] ?? Int32Array).from(v);
  }
  return out;
}

const fixtures = () => {
  const dir = join(repoDir, "tests/fixtures/dossiers");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8"))]);
};

test("every dossier fixture: the wasm tally equals the expected outcome", () => {
  const all = fixtures();
  assert.ok(all.length >= 9);
  for (const [f, fx] of all) {
    const got = tallyCsv(fx.csv.join("\n") + "\n", fx.options, fx.unitFacts);
    assert.deepStrictEqual(got, fx.expected, f);
  }
});

test("a tallied report scores as it is", () => {
  const [, fx] = fixtures().find(([f]) => f === "unknown-data-and-facts.json");
  const { reports } = tallyCsv(fx.csv.join("\n") + "\n", fx.options, fx.unitFacts);
  const card = score(reports[0]);
  assert.ok(card.findings.some((f) => f.code === "DOSSIERS_UNDETERMINED" && f.path === "perDossier.contacts"));
  assert.equal(card.indicators.find((i) => i.id === "contacts").applicable, false);
});

test(`${PARITY} generated batches: CSV, records and columns byte-identical to native`, () => {
  const lines = nativeLines("tally", String(PARITY), "20261127");
  assert.equal(lines.length, PARITY);
  let rejected = 0;
  for (const l of lines) {
    const csv = tallyCsv(l.csv, l.options);
    assert.equal(JSON.stringify(csv), l.outcomeCsv, `${l.name} csv`);
    rejected += csv.summary.rejected;
    const byRecords = new Tally(l.options);
    byRecords.addRecords(l.records);
    assert.equal(JSON.stringify(byRecords.finish()), l.outcomeRecords, `${l.name} records`);
    byRecords.free();
    const byColumns = new Tally(l.options);
    byColumns.addColumns(typed(l.columns));
    assert.equal(JSON.stringify(byColumns.finish()), l.outcomeColumns, `${l.name} columns`);
    byColumns.free();
  }
  assert.ok(rejected > 0, "the corrupted cells are rejected");
});

test("merging tallies of the parts equals the tally of the whole", () => {
  const [l] = nativeLines("tally", "1", "7");
  const whole = tallyRecords(l.records, l.options);
  const half = Math.floor(l.records.length / 2);
  const a = new Tally(l.options);
  const b = new Tally(l.options);
  b.addRecords(l.records.slice(half)); // numbered 1.. in b
  a.addRecords(l.records.slice(0, half));
  // Rows are numbered per tally: reports (counts) merge exactly.
  a.merge(b);
  // b is consumed: merged twice, its dossiers would count twice.
  const freed = (e) => e instanceof TthcScoreError && e.code === "INVALID_VALUE" && /freed/.test(e.problems[0].message.en);
  assert.throws(() => a.merge(b), freed);
  assert.throws(() => b.finish(), freed);
  assert.deepStrictEqual(a.finish().reports, whole.reports);
  // A refused merge consumes nothing.
  const q3 = new Tally({ period: "2021-Q3" });
  assert.throws(() => a.merge(q3), (e) => e instanceof TthcScoreError && e.code === "INVALID_VALUE");
  assert.equal(q3.finish().summary.rows, 0);
});


test("columns of the wrong type or length are refused with a code and a path", () => {
  const t = new Tally({ period: "2021-Q2" });
  const bad = (cols, code, path) =>
    assert.throws(
      () => t.addColumns(cols),
      (e) => e instanceof TthcScoreError && e.code === code && e.path === path && e.messageVi.length > 0,
    );
  bad({ ...columns(2), receivedDay: new Float64Array([NaN, 1]) }, "WRONG_TYPE", "columns.receivedDay");
  bad({ ...columns(2), receivedDay: [18785, 18785] }, "WRONG_TYPE", "columns.receivedDay");
  bad({ ...columns(2), channel: undefined }, "MISSING_FIELD", "columns.channel");
  bad({ ...columns(2), limitHalves: new Int32Array(3) }, "COLUMN_LENGTHS_DIFFER", "columns");
  bad({ ...columns(2), units: [1] }, "WRONG_TYPE", "columns.units[0]");
  bad({ ...columns(2), units: undefined }, "MISSING_FIELD", "columns.units");
  assert.throws(
    () => t.addColumns({ ...columns(2), receivedDay: [18785, 18785] }),
    (e) => e.messageEn === "column receivedDay must be an Int32Array",
  );
  bad(null, "WRONG_TYPE", "columns");
  t.addColumns(columns(2));
  assert.equal(t.finish().summary.counted, 2);
});

test("bad values in typed arrays reject their rows, numbered, and nothing else", () => {
  const t = new Tally({ period: "2021-Q2" });
  const c = columns(6);
  c.channel[0] = 7; // no such channel
  c.contacts = new Int32Array([0, -5, 0, 0, 0, 0]); // negative
  c.unit[2] = 3; // no such unit
  c.receivedSecond[3] = -1; // impossible time
  c.limitHalves[4] = -2; // impossible limit
  t.addColumns(c);
  const s = t.finish().summary;
  assert.deepEqual(
    s.rejectedRows.map((r) => [r.row, r.code]),
    [
      [1, "VALUE_UNKNOWN"],
      [2, "COUNT_NEGATIVE"],
      [3, "CODE_UNKNOWN"],
      [4, "DATE_TIME_INVALID"],
      [5, "TIME_LIMIT_INVALID"],
    ],
  );
  assert.equal(s.counted, 1);
});

test("names are compared in NFC; records and CSV errors are data, not exceptions", () => {
  const composed = "UBND xã Ẳ";
  const decomposed = composed.normalize("NFD");
  const rec = (unit) => ({ unit, channel: "direct", receivedAt: "2021-06-07T09:00", timeLimitDays: 1, resolvedAt: "2021-06-08" });
  const out = tallyRecords([rec(composed), rec(decomposed), { unit: "x", channel: "fax" }], { period: "2021-Q2" });
  assert.equal(out.reports.length, 1);
  assert.equal(out.reports[0].dossiers.resolved.onTime, 2);
  assert.equal(out.summary.rejectedRows[0].row, 3);
  assert.equal(out.summary.rejectedRows[0].code, "VALUE_UNKNOWN");
  assert.throws(() => tallyCsv("unit,channel\n", { period: "2021-Q2" }), (e) => e.code === "COLUMN_MISSING");
  assert.throws(() => tallyCsv(42, { period: "2021-Q2" }), (e) => e.code === "WRONG_TYPE");
});
