// The defects of the independent review (issue #8) that the JavaScript API reaches, each
// as a regression test beside its Rust twin (crates/tthc-score/tests/review.rs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { score, renderTable, TthcScoreError } from "../dist/index.node.mjs";
import { repoDir } from "./helpers.mjs";

const seed = () => JSON.parse(readFileSync(join(repoDir, "examples/dien-bien-2021-q2-district.json"), "utf8"));
const codes = (card) => card.findings.map((f) => f.code);
const indicator = (card, id) => card.indicators.find((i) => i.id === id);
const problem = (fn) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof TthcScoreError);
    return e;
  }
  assert.fail("expected a TthcScoreError");
};

test("feedback with partial facts: a prolonged item means level 0", () => {
  const r = seed();
  r.perUnit.feedback = { facts: { prolonged: 1 } };
  const card = score(r);
  assert.equal(indicator(card, "feedback").level, 0);
  assert.ok(!codes(card).includes("LEVEL_UNDETERMINED"));
  assert.equal(card.total.display.vi, "14,74");
  r.perUnit.feedback = { level: 2, facts: { prolonged: 1 } };
  assert.ok(codes(score(r)).includes("DECLARED_LEVEL_CONTRADICTED"));
});

test("possible levels are a set: 0 or 2 rules out a declared 1", () => {
  const r = seed();
  r.perUnit.oneStop = { level: 1, facts: { receivedAtDeskPercent: 95 } };
  const card = score(r, { profile: "tt01-2018" });
  assert.deepEqual(indicator(card, "oneStop").possibleLevels, [0, 2]);
  const f = card.findings.find((f) => f.code === "DECLARED_LEVEL_CONTRADICTED" && f.path === "perUnit.oneStop.level");
  assert.ok(f.message.vi.includes("mức 0 hoặc 2"), f.message.vi);
});

test("hostile names are escaped in every format", () => {
  for (const name of ["<img src=x onerror=alert(1)>", "x\n# heading", "=cmd|' /C calc'!A0", "@SUM(A1)", "a | b & `c`"]) {
    const r = seed();
    r.unit.name = name;
    r.unit.organization = name;
    const md = renderTable(r, { format: "markdown" });
    assert.ok(![...md.matchAll(/</g)].some((m) => md[m.index - 1] !== "\\"), md);
    assert.ok(!md.includes("\n#"), md);
    const html = renderTable(r, { format: "html" });
    assert.ok(!html.includes("<img"), html);
    const csv = renderTable(r, { format: "csv" });
    for (const cell of csv.split(/[,\n]/).map((c) => c.replace(/^"/, "").trim())) {
      assert.ok(!/^[=+@]/.test(cell), `CSV cell ${cell}`);
    }
  }
});

test("the CSV identifies the sheet", () => {
  const csv = renderTable(seed(), { format: "csv" });
  const lines = csv.split("\r\n");
  assert.equal(lines[0], "ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
  assert.equal(lines[3], "Đơn vị,UBND CẤP HUYỆN");
  assert.ok(csv.includes('\r\nXếp loại,"Xuất sắc (16,74/18,0 điểm)"\r\n'));
});

test("whole numbers are decided from the text JavaScript sends", () => {
  const r = seed();
  // 2^52 − 0.5 is a double; JSON.stringify writes it exactly.
  r.dossiers.pending.withinDeadline = 4503599627370495.5;
  const e = problem(() => score(r));
  assert.equal(e.code, "COUNT_FRACTIONAL");
  assert.ok(e.messageEn.endsWith("4503599627370495.5"), e.messageEn);
  const l = seed();
  l.perUnit.publicity = { level: "2" };
  const le = problem(() => score(l));
  assert.equal(le.code, "LEVEL_OUT_OF_RANGE");
  // The field by the name a clerk knows, then what a level must be.
  assert.match(le.messageEn, /^Level the unit declares \(publicity of procedures\): level must be a number, not the string "2"/);
  assert.match(le.messageVi, /^Mức đơn vị tự đánh giá \(công khai thủ tục hành chính\): /);
  l.perUnit.publicity = { level: 2.0 };
  assert.equal(indicator(score(l), "publicity").level, 2);
  // A percentage as an exact decimal string stays below 20 %.
  const p = seed();
  p.unit.level = "province";
  p.perUnit.oneStop = { facts: { receivedAtDeskPercent: 100, approvedAtDeskPercent: "19.999999999999999" } };
  assert.equal(indicator(score(p, { profile: "tt01-2018" }), "oneStop").level, 1);
});

test("officials' bands follow ratingBasis", () => {
  const r = seed();
  const g = (two, one, zero) => ({ two, one, zero });
  r.officials = [{ name: "A", totalTime: g(200, 0, 0), agencyTime: g(200, 0, 0), contacts: g(0, 199, 1), agencies: g(0, 0, 200), attitude: g(0, 0, 200) }];
  assert.equal(score(r).officials.individuals[0].band.code, "completed100");
  const exact = score(r, { interpretations: { ratingBasis: "exactTotal" } });
  assert.equal(exact.officials.individuals[0].band.code, "completed70");
});
