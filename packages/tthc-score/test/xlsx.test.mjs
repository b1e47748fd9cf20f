// The spreadsheet entry ("tthc-score/xlsx", loaded on demand): each workbook opened by an
// independent reader (helpers.mjs) — the zip read with node:zlib, the sheet's XML read for its
// cells — and the cells checked: numbers as numbers, text as text, the same figures as
// the other calls.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cells } from "./helpers.mjs";

const repo = (p) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const report = JSON.parse(readFileSync(repo("examples/dien-bien-2021-q2-district.json"), "utf8"));
const commune = JSON.parse(readFileSync(repo("examples/dien-bien-2021-q2-commune.json"), "utf8"));

const { annexXlsx, provinceXlsx, consolidatedXlsx, auditTableXlsx, score, batch, TthcScoreError } = await import("../dist/xlsx.node.mjs");

test("the annex table: the seed's total as a number, its rating as text", () => {
  const bytes = annexXlsx(report);
  assert.ok(bytes instanceof Uint8Array && bytes[0] === 0x50 && bytes[1] === 0x4b);
  const c = Object.values(cells(bytes));
  assert.ok(c.includes(16.74), JSON.stringify(c).slice(0, 400));
  assert.ok(c.some((x) => typeof x === "string" && x.includes("Xuất sắc")));
  assert.equal(score(report).total.value, "16.74");
  // English words, the same number.
  const en = Object.values(cells(annexXlsx(report, {}, "en")));
  assert.ok(en.includes(16.74) && en.some((x) => typeof x === "string" && x.includes("Excellent")));
});

test("the province table: both seed sections ranked, totals as numbers", () => {
  const c = Object.values(cells(provinceXlsx([report, commune])));
  const rows = batch([report, commune]).table.rows;
  assert.deepEqual(rows.map((r) => r.total), ["16.74", "15.74"]);
  assert.ok(c.includes(16.74) && c.includes(15.74), JSON.stringify(c).slice(0, 600));
});

test("a consolidated result and the audit of a published table", () => {
  assert.ok(Object.values(cells(consolidatedXlsx([report, commune], { method: "pooled" }))).length > 20);
  const csv = readFileSync(repo("tests/fixtures/province/published-q2.csv"), "utf8");
  const audit = Object.values(cells(auditTableXlsx(csv, { period: { year: 2021, quarter: 2 } })));
  assert.ok(audit.includes("TABLE_TOTAL_MISMATCH"), JSON.stringify(audit).slice(0, 600));
});

test("bad input: coded errors, never bytes of a wrong workbook", () => {
  assert.throws(() => annexXlsx({ ...report, period: { year: 2021, quarter: 5 } }), (e) => e instanceof TthcScoreError && e.code === "PERIOD_INVALID");
  assert.throws(() => annexXlsx(report, {}, "fr"), (e) => e instanceof TthcScoreError && e.path === "lang");
  // Not a string: refused before it reaches the module's string decoder (it crashed there).
  for (const lang of [5, 0, true, {}, ["e", "n"], Symbol("en")]) {
    for (const f of [() => annexXlsx(report, {}, lang), () => provinceXlsx([report], {}, lang), () => consolidatedXlsx([report], {}, lang)]) {
      assert.throws(f, (e) => e instanceof TthcScoreError && e.code === "WRONG_TYPE" && e.path === "lang", String(lang?.toString?.()));
    }
  }
  assert.ok(annexXlsx(report, {}, null) instanceof Uint8Array);
  assert.throws(() => auditTableXlsx(42), (e) => e instanceof TthcScoreError && e.code === "WRONG_TYPE");
  assert.throws(() => provinceXlsx([report], { profile: "nowhere" }), (e) => e.code === "UNKNOWN_PROFILE" && e.path === "options.profile");
  // A unit that cannot be scored refuses the province's workbook (a table without it would
  // say nothing of it), its error placed at the unit.
  const bad = structuredClone(commune);
  bad.dossiers.received.online = -1;
  assert.throws(
    () => provinceXlsx([report, bad]),
    (e) => e instanceof TthcScoreError && e.code === "COUNT_NEGATIVE" && e.path === "[1].dossiers.received.online",
  );
  // A text longer than a cell holds is the caller's error, not an internal one.
  const long = structuredClone(report);
  long.unit.name = "x".repeat(32768);
  assert.throws(() => annexXlsx(long), (e) => e instanceof TthcScoreError && e.code === "INVALID_VALUE" && /32768 characters/.test(e.problems[0].message.en));
  // Excel counts UTF-16 units: 16,400 emoji are 32,800.
  long.unit.name = "😀".repeat(16400);
  assert.throws(() => provinceXlsx([long]), (e) => e instanceof TthcScoreError && e.code === "INVALID_VALUE" && /32800 characters/.test(e.problems[0].message.en));
  assert.equal(score(report).total.value, "16.74");
});

test("reports given as JSON text: the same workbooks' cells as from objects", () => {
  const text = JSON.stringify([report, commune]);
  assert.deepEqual(cells(provinceXlsx(text)), cells(provinceXlsx([report, commune])));
  assert.deepEqual(cells(consolidatedXlsx(text, { method: "mean" })), cells(consolidatedXlsx([report, commune], { method: "mean" })));
  assert.throws(() => provinceXlsx("[{"), (e) => e instanceof TthcScoreError && e.code === "INVALID_JSON");
});
