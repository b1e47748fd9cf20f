// The JavaScript API: results, errors as real Error objects with codes and paths, the
// number edge cases of JavaScript, and the CommonJS entry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as api from "../dist/index.node.mjs";
import { pkgDir, repoDir } from "./helpers.mjs";

const { score, scoreResult, audit, validate, isReport, assertReport, labels, renderTable, profiles, version, TthcScoreError } = api;
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
  assert.throws(() => score(seed(), { profile: "hanoi" }), { code: "UNKNOWN_PROFILE", path: "options.profile" });
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

test("the CommonJS entry gives the same results, and one TthcScoreError class for every entry", () => {
  const require = createRequire(import.meta.url);
  const cjs = require("../dist/index.cjs");
  assert.equal(cjs.TthcScoreError, TthcScoreError);
  assert.equal(require("../dist/dossiers.cjs").TthcScoreError, TthcScoreError);
  assert.equal(JSON.stringify(cjs.score(seed())), JSON.stringify(score(seed())));
  assert.throws(() => cjs.score({}), (e) => e instanceof cjs.TthcScoreError && e.code === "MISSING_FIELD");
});

test("labels(): the words of the form under a profile, for a portal's own table", () => {
  const l = labels();
  assert.equal(l.profile, "dien-bien-2019");
  assert.deepEqual(l.indicators.map((i) => i.position), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  for (const i of l.indicators) {
    assert.ok(i.title.vi && i.title.en, i.id);
    assert.equal(i.levels.length, 3);
    for (const row of i.levels) assert.ok(row.vi && row.en, i.id);
  }
  assert.deepEqual(l.unitBands.map((b) => b.code), ["excellent", "good", "fair", "average", "weak"]);
  assert.deepEqual(l.officialBands.map((b) => b.code), ["completed100", "completed70", "below70"]);
  assert.deepEqual(l.unitLevels.map((u) => u.level), ["ministry", "province", "department", "district", "commune"]);
  // The same words renderTable() uses.
  const table = renderTable(seed());
  for (const i of l.indicators) assert.ok(table.includes(i.title.vi), i.id);
  // TT01 names the one-stop threshold of the unit's level.
  const oneStop = (o) => labels(o).indicators.find((i) => i.id === "oneStop").levels[0].vi;
  assert.match(oneStop({ profile: "tt01-2018", unitLevel: "commune" }), /^100% /);
  assert.match(oneStop({ profile: "tt01-2018", unitLevel: "district" }), /^Tối thiểu 50% /);
  assert.match(oneStop({ profile: "tt01-2018" }), /20% \(cấp tỉnh, bộ\)/);
  // The names of the levels, each with its own (UBND cấp huyện for the district, …).
  assert.deepEqual(l.unitLevels.map((u) => [u.level, u.label.vi]), [
    ["ministry", "Bộ, cơ quan ngang bộ"],
    ["province", "UBND cấp tỉnh"],
    ["department", "Sở, ban, ngành cấp tỉnh"],
    ["district", "UBND cấp huyện"],
    ["commune", "UBND cấp xã"],
  ]);
  // Kinds as in a scorecard of the same profile, for both profiles.
  for (const profile of ["dien-bien-2019", "tt01-2018"]) {
    const card = score(seed(), { profile });
    assert.deepEqual(labels({ profile }).indicators.map((i) => [i.id, i.kind, i.position]), card.indicators.map((i) => [i.id, i.kind, i.position]), profile);
    assert.deepEqual(labels({ profile }).unitBands, profiles().find((p) => p.id === profile).unitBands);
  }
  assert.match(oneStop({ profile: "tt01-2018", unitLevel: "province" }), /^Tối thiểu 20% /);
  assert.match(oneStop({ profile: "tt01-2018", unitLevel: "ministry" }), /^Tối thiểu 20% /);
  assert.deepEqual(labels({ unitLevel: undefined }), l);
  assert.throws(() => labels({ profile: "hanoi" }), { name: "TthcScoreError", code: "UNKNOWN_PROFILE", path: "options.profile" });
  assert.throws(() => labels({ unitLevel: "town" }), { code: "INVALID_VALUE", path: "options.unitLevel" });
  assert.throws(() => labels({ unitLevel: 3 }), (e) => e instanceof TthcScoreError && e.code === "WRONG_TYPE" && e.path === "options.unitLevel");
  assert.throws(() => labels({ profil: "tt01-2018" }), { code: "UNKNOWN_FIELD", path: "options.profil" });
  assert.throws(() => labels("tt01-2018"), { code: "WRONG_TYPE", path: "options" });
});

test("isReport() narrows, assertReport() throws every problem at once", () => {
  assert.equal(isReport(seed()), true);
  assert.equal(isReport({ period: "2021-Q2" }), false);
  assert.doesNotThrow(() => assertReport(seed()));
  const r = seed();
  r.perDossier.contacts.one = -1;
  r.perDossier.agencies.one = 1.5;
  let e;
  try {
    assertReport(r);
  } catch (x) {
    e = x;
  }
  assert.ok(e instanceof TthcScoreError);
  assert.deepEqual(e.problems.map((p) => p.path), validate(r).map((p) => p.path));
  assert.ok(e.problems.length >= 2);
});
