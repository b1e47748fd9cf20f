// The JavaScript API: results, errors as real Error objects with codes and paths, the
// number edge cases of JavaScript, and the CommonJS entry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as api from "../dist/index.node.mjs";
import { pkgDir, repoDir } from "./helpers.mjs";

const { score, scoreResult, audit, validate, renderTable, profiles, version, TthcScoreError } = api;
const seed = () => JSON.parse(readFileSync(join(repoDir, "examples/dien-bien-2021-q2-district.json"), "utf8"));

test("scores the seed report", () => {
  const card = score(seed());
  assert.equal(card.total.value, "16.74");
  assert.equal(card.total.display.vi, "16,74");
  assert.equal(card.total.rating.label.vi, "Xuất sắc");
  assert.deepEqual(card.indicators.map((i) => i.display.vi), ["1,91", "1,91", "2,00", "2,00", "1,91", "2", "2", "2", "1"]);
  assert.equal(card.indicators[0].exact, "1.9125441696113074204946996");
  assert.equal(card.indicators[0].derivation.vi, "(1.033×2 + 99×1 + 0×0) / 1.132");
  assert.equal(card.officials.unit.display.vi, "9,74");
  const national = score(seed(), { profile: "tt01-2018" });
  assert.equal(national.total.display.vi, "16,7");
  const facts = score(seed(), { interpretations: { levelSource: "facts" } });
  assert.equal(facts.total.display.vi, "15,74");
});

test("audit and table", () => {
  const findings = audit(seed());
  assert.deepEqual(findings.map((f) => [f.code, f.severity, f.path]), [
    ["DECLARED_LEVEL_CONTRADICTED", "error", "perUnit.onlineServices.level"],
  ]);
  const table = renderTable(seed());
  assert.ok(table.includes("\tTỔNG ĐIỂM\t18,0\t\t16,74\t\n"));
  const html = renderTable(seed(), { format: "html", lang: "en" });
  assert.ok(html.includes('<th scope="row">TOTAL SCORE</th>'));
});

const countCases = [
  [1.5, "COUNT_FRACTIONAL"],
  [-1, "COUNT_NEGATIVE"],
  [NaN, "NOT_FINITE"],
  [Infinity, "NOT_FINITE"],
  [-Infinity, "NOT_FINITE"],
  [2 ** 53, "COUNT_TOO_LARGE"],
  [1e300, "COUNT_TOO_LARGE"],
  ["abc", "COUNT_NOT_A_NUMBER"],
  ["12", "COUNT_NOT_A_NUMBER"],
  [true, "WRONG_TYPE"],
  [null, "WRONG_TYPE"],
  [{}, "WRONG_TYPE"],
];

for (const [value, code] of countCases) {
  test(`a count of ${typeof value === "string" ? JSON.stringify(value) : String(value)} is ${code}`, () => {
    const r = seed();
    r.perDossier.contacts.one = value;
    const err = assert.throws(() => score(r), TthcScoreError);
    let caught;
    try {
      score(r);
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof Error, "a real Error");
    assert.equal(caught.name, "TthcScoreError");
    assert.equal(caught.code, code);
    assert.equal(caught.path, "perDossier.contacts.one");
    assert.ok(caught.messageVi.length > 0 && caught.messageEn.length > 0);
    assert.ok(typeof caught.stack === "string");
    assert.deepEqual(validate(r).map((p) => [p.code, p.path]), [[code, "perDossier.contacts.one"]]);
    const tagged = scoreResult(r);
    assert.equal(tagged.errors[0].code, code);
    assert.equal(err, undefined);
  });
}

test("2^53 − 1 is still a count; an undefined field is a missing one", () => {
  const r = seed();
  r.perUnit.feedback = { level: 2, facts: { received: 2 ** 53 - 1, handledOnTime: 2 ** 53 - 1, prolonged: 0 } };
  assert.deepEqual(validate(r), []);
  assert.equal(score(r).total.display.vi, "16,74");
  const pending = seed();
  pending.dossiers.pending.withinDeadline = 2 ** 53 - 1;
  assert.deepEqual(validate(pending).map((p) => [p.code, p.path]), [["COUNT_TOO_LARGE", "dossiers.pending"]]);
  const big = seed();
  big.dossiers.received = { online: 2 ** 52, direct: 2 ** 52, carriedOver: 0 };
  assert.deepEqual(validate(big).map((p) => [p.code, p.path]), [["COUNT_TOO_LARGE", "dossiers.received"]]);
  const m = seed();
  m.perDossier.contacts = undefined;
  assert.deepEqual(validate(m).map((p) => [p.code, p.path]), [["MISSING_FIELD", "perDossier.contacts"]]);
});

test("unknown fields and bad options are errors, never silently ignored", () => {
  const r = seed();
  r.dossiers.received.carriedOvr = 1;
  assert.deepEqual(validate(r).map((p) => [p.code, p.path]), [["UNKNOWN_FIELD", "dossiers.received.carriedOvr"]]);
  assert.throws(() => score(seed(), { profile: "hanoi" }), { code: "UNKNOWN_PROFILE", path: "profile" });
  assert.throws(() => score(seed(), { profil: "tt01-2018" }), { code: "UNKNOWN_FIELD", path: "options.profil" });
  assert.throws(() => renderTable(seed(), { format: "pdf" }), { code: "INVALID_VALUE", path: "options.format" });
});

test("validate never throws, whatever it is given", () => {
  const circular = {};
  circular.self = circular;
  for (const v of [undefined, null, 42, "text", [], circular, 10n, () => 1]) {
    const problems = validate(v);
    assert.ok(Array.isArray(problems) && problems.length > 0, String(v));
    for (const p of problems) assert.equal(typeof p.code, "string");
  }
  assert.deepEqual(validate(seed()), []);
  const several = seed();
  several.perDossier.contacts.two = 1;
  several.perUnit.feedback = {};
  assert.deepEqual(validate(several).map((p) => p.code), ["INDICATOR_COUNTS_MISMATCH", "UNIT_INDICATOR_EMPTY"]);
});

test("profiles and version", () => {
  const ps = profiles();
  assert.deepEqual(ps.map((p) => p.id), ["dien-bien-2019", "tt01-2018"]);
  assert.equal(ps[1].validFrom, "2019-01-06");
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  assert.equal(version, pkg.version);
  const cargo = readFileSync(join(repoDir, "Cargo.toml"), "utf8");
  assert.ok(cargo.includes(`version = "${pkg.version}"`), "npm and crate versions agree");
});

test("the CommonJS entry gives the same results", () => {
  const cjs = createRequire(import.meta.url)("../dist/index.cjs");
  assert.equal(JSON.stringify(cjs.score(seed())), JSON.stringify(score(seed())));
  assert.throws(() => cjs.score({}), (e) => e instanceof cjs.TthcScoreError && e.code === "MISSING_FIELD");
});
