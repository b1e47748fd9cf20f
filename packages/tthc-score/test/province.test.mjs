// The province entry ("tthc-score/province") on the shared fixtures of
// tests/fixtures/province/ — the very cases the Rust tests run (tests/province_fixtures.rs):
// the same JSON out, the same problems thrown. And what the other entries do with a
// profile object (they take built-in ids only: the reader of whole profiles is this
// module's).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { batch, consolidate, auditTable, score, labels, TthcScoreError } from "../dist/province.node.mjs";
import * as main from "../dist/index.node.mjs";

const dir = fileURLToPath(new URL("../../../tests/fixtures/province/", import.meta.url));
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8"))]);
const calls = { batch: [batch, "batch"], consolidate: [consolidate, "consolidated"], auditTable: [auditTable, "audit"] };

test("the province fixtures are shared with Rust (at least 10, every call)", () => {
  assert.ok(fixtures.length >= 10, String(fixtures.length));
  assert.deepEqual([...new Set(fixtures.map(([, f]) => f.call))].sort(), ["auditTable", "batch", "consolidate"]);
});

for (const [name, f] of fixtures) {
  test(`${name}: ${f.description}`, () => {
    const [fn, key] = calls[f.call];
    let got;
    try {
      // As JSON: the fixtures are JSON (an absent score is \`undefined\` in JS, null in JSON).
      got = JSON.parse(JSON.stringify({ [key]: fn(f.input, f.options) }));
    } catch (e) {
      assert.ok(e instanceof TthcScoreError, String(e));
      got = { errors: e.problems };
    }
    assert.deepEqual(got, f.expected);
  });
}

test("a unit's errors never lose the others; the table ranks those that score", () => {
  const f = fixtures.find(([n]) => n === "batch-ties-competition.json")[1];
  const b = batch(f.input, f.options);
  assert.deepEqual(b.results.map((r) => Object.keys(r)[0]), ["scorecard", "scorecard", "scorecard", "scorecard", "errors", "scorecard"]);
  assert.deepEqual(b.table.rows.map((r) => [r.unit, r.rank]), [["C xã", 1], ["D xã", 2], ["A huyện", 3], ["B huyện", 3], ["E phường", 5]]);
});

test("a profile object: scored with it here, a type error in the main entry", () => {
  const own = JSON.parse(readFileSync(fileURLToPath(new URL("../../../examples/profile-province-example.json", import.meta.url)), "utf8"));
  const report = JSON.parse(readFileSync(fileURLToPath(new URL("../../../examples/dien-bien-2021-q2-district.json", import.meta.url)), "utf8"));
  const card = score(report, { profile: own });
  assert.equal(card.profile, "example-province-2020");
  assert.equal(card.total.value, "16.73");
  assert.equal(labels({ profile: own }).unitBands[0].min, "16");
  assert.throws(
    () => main.score(report, { profile: own }),
    (e) => e instanceof main.TthcScoreError && e.code === "WRONG_TYPE" && e.path === "options.profile",
  );
  // A profile object that fails its check: every entry names the field.
  const bad = { ...own, order: [own.order[0], ...own.order.slice(0, 8)] };
  assert.throws(() => score(report, { profile: bad }), (e) => e.code === "INVALID_VALUE" && e.path === "options.profile.order");
});

test("wrong arguments are coded errors, never a crash", () => {
  assert.throws(() => batch({ reports: [] }), (e) => e instanceof TthcScoreError && e.code === "WRONG_TYPE");
  assert.throws(() => auditTable(42), (e) => e instanceof TthcScoreError && e.code === "WRONG_TYPE");
  assert.throws(() => consolidate([], { method: "median" }), (e) => e.path === "options.method");
  assert.throws(() => batch([], { profile: "nowhere" }), (e) => e.code === "UNKNOWN_PROFILE" && e.path === "options.profile");
});

test("a batch given as JSON text is the batch of the objects; a text that is no array is refused", () => {
  const f = fixtures.find(([n]) => n === "batch-rows.json")[1];
  const text = JSON.stringify(f.input);
  assert.deepEqual(batch(text, f.options), batch(f.input, f.options));
  const b = batch(text, f.options);
  // Without scorecards each result points at its unit's row.
  assert.deepEqual(b.results.map((r) => ("row" in r ? b.table.rows[r.row].unit : r.errors[0].code)), ["A huyện", "B huyện", "C xã", "D xã", "COUNT_NEGATIVE", "E phường"]);
  assert.throws(() => batch("[{", f.options), (e) => e instanceof TthcScoreError && e.code === "INVALID_JSON");
  assert.throws(() => batch('{"reports": []}'), (e) => e instanceof TthcScoreError && e.code === "WRONG_TYPE");
});

test("consolidate takes the reports' JSON text too", () => {
  const f = fixtures.find(([n]) => n === "consolidate-pooled.json")[1];
  assert.deepEqual(consolidate(JSON.stringify(f.input), f.options), consolidate(f.input, f.options));
  assert.throws(() => consolidate("{}"), (e) => e instanceof TthcScoreError && e.code === "WRONG_TYPE");
});

// Without scorecards the module sends the table's rows and the results packed
// (crates/tthc-score-wasm/src/province/packed.rs) and the facade rebuilds them: they must
// be the very objects the module's serializer gives with scorecards — the same keys in the
// same order, absent keys absent, an absent score undefined.
test("without scorecards, the rows and results rebuilt from the packed form are the serializer's objects", () => {
  const same = (input, options = {}) => {
    const lean = batch(input, { ...options, scorecards: false });
    const full = batch(input, { ...options, scorecards: true });
    assert.deepStrictEqual(lean.table, full.table);
    assert.equal(JSON.stringify(lean.table), JSON.stringify(full.table));
    for (const row of lean.table.rows) assert.deepEqual(Object.keys(row), Object.keys(full.table.rows[lean.table.rows.indexOf(row)]));
    assert.equal(lean.results.length, full.results.length);
    lean.results.forEach((r, i) => {
      if ("row" in r) {
        assert.deepStrictEqual(Object.keys(r), ["row"]);
        assert.equal(lean.table.rows[r.row].unit, full.results[i].scorecard.unit.name);
      } else assert.deepStrictEqual(r, full.results[i]);
    });
    return lean;
  };
  const batches = fixtures.filter(([, f]) => f.call === "batch" && "batch" in f.expected);
  assert.ok(batches.length >= 4, String(batches.length));
  let absentScores = 0;
  for (const [, f] of batches) {
    const { scorecards, ...options } = f.options ?? {};
    const lean = same(f.input, options);
    absentScores += lean.table.rows.flatMap((r) => r.scores).filter((s) => s === undefined).length;
  }
  assert.ok(absentScores > 0, "a fixture has a unit with an indicator not applicable");
  const report = JSON.parse(readFileSync(fileURLToPath(new URL("../../../examples/dien-bien-2021-q2-district.json", import.meta.url)), "utf8"));
  const named = (name, level) => ({ ...report, unit: { ...report.unit, name, level } });
  // No level, a name holding the separator (the rows then cross as objects), results with errors.
  const { level, ...noLevel } = report.unit;
  same([{ ...report, unit: noLevel }, named("A\u001fB", "commune"), named("C", "district")]);
  same([named("A", "commune"), { ...report, dossiers: { received: { online: -1 } } }]);
  // Found by an independent review: a band code that is also a level's or group's name,
  // and two bands with one code (the profile check allows it), kept their own labels.
  const custom = fixtures.find(([n]) => n === "batch-custom-profile.json")[1];
  const bands = (list) => ({ ...custom.options.profile, unitBands: list.map(([min, code, label]) => ({ min, code, label: { vi: label, en: label } })) });
  // Ranked by 18, 17.00, 16.50, 16.50 and 5.50.
  for (const [profile, labels] of [
    [bands([["0", "districts", "Huyện"]]), ["Huyện"]],
    [bands([["10", "commune", "Xã"], ["0", "weak", "Yếu"]]), ["Xã", "Yếu"]],
    [bands([["17", "x", "A"], ["0", "x", "B"]]), ["A", "B"]],
  ]) {
    const lean = same(custom.input, { profile });
    assert.deepEqual([...new Set(lean.table.rows.map((r) => r.rating.label.vi))], labels);
  }
  assert.deepStrictEqual(same([]), { results: [], table: batch([], { scorecards: false }).table });
  assert.deepStrictEqual(batch([], { scorecards: false }).table.rows, []);
  assert.equal(same([{}]).table.rows.length, 0);
});

test("a unit under its own profile ranks in the batch's table, its row naming its profile", () => {
  const f = fixtures.find(([n]) => n === "batch-own-profiles.json")[1];
  const lean = batch(f.input, f.options);
  assert.deepStrictEqual(lean, f.expected.batch);
  assert.deepStrictEqual(batch(JSON.stringify(f.input), f.options), lean);
  const byUnit = Object.fromEntries(lean.table.rows.map((r) => [r.unit, r]));
  assert.equal(byUnit["T huyện"].profile, "tt01-2018");
  // TT01 puts attitude seventh; in the table's (dien-bien-2019) order it is fifth.
  assert.deepEqual(byUnit["T huyện"].scores.slice(4, 7), ["1.0", "2", "1"]);
  assert.equal(byUnit["A huyện"].profile, undefined);
  assert.deepEqual(lean.results.slice(2, 4).map((r) => [r.errors[0].code, r.errors[0].path]), [["UNKNOWN_PROFILE", "profile"], ["PROFILE_MISMATCH", "profile"]]);
  const communes = lean.table.groups.find((g) => g.group === "communes");
  assert.deepEqual(communes.bands.map((b) => `${b.code}:${b.units}`), ["excellent:0", "good:0", "fair:0", "average:0", "weak:1", "pass:1", "fail:1"]);
  // With scorecards, each unit's scorecard is under its own profile.
  const full = batch(f.input, {});
  assert.deepEqual(full.results.map((r) => r.scorecard?.profile ?? null), ["dien-bien-2019", "tt01-2018", null, null, "province-pass-fail", "province-pass-fail", "dien-bien-2019"]);
  assert.deepStrictEqual(full.table, lean.table);
});
