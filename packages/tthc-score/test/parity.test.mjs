// Parity gate: the wasm package gives byte-identical JSON to native Rust, on every
// fixture of tests/fixtures/ and on generated inputs (valid and invalid).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { scoreResult, renderTable } from "../dist/index.node.mjs";
import * as full from "../dist/dossiers.node.mjs";
import * as province from "../dist/province.node.mjs";
import { nativeLines, repoDir } from "./helpers.mjs";

// 10,000 by default (issue #8): about 2 s to generate natively and 3 s to check here.
const GENERATED = Number(process.env.TTHC_PARITY_CASES ?? 10_000);

test("every fixture: wasm outcome equals the fixture's expected outcome", () => {
  const dir = join(repoDir, "tests/fixtures");
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  assert.ok(files.length >= 20);
  for (const f of files) {
    const fx = JSON.parse(readFileSync(join(dir, f), "utf8"));
    assert.deepStrictEqual(scoreResult(fx.input, fx.options), fx.expected, f);
  }
});

test("every fixture: wasm JSON and tables are byte-identical to native", () => {
  const lines = nativeLines("fixtures", join(repoDir, "tests/fixtures"));
  let tables = 0;
  let scored = 0;
  for (const l of lines) {
    if (l.outcome.startsWith('{"scorecard"')) scored++;
    assert.equal(JSON.stringify(scoreResult(l.input, l.options ?? undefined)), l.outcome, l.name);
    for (const [key, native] of Object.entries(l.tables ?? {})) {
      const [format, lang] = key.split("/");
      const opts = { ...(l.options ?? {}), format, lang };
      assert.equal(renderTable(l.input, opts), native, `${l.name} ${key}`);
      tables++;
    }
  }
  // Four formats in two languages for every fixture that scores.
  assert.ok(scored >= 10);
  assert.equal(tables, scored * 8);
});

test(`${GENERATED} generated inputs: byte-identical outcomes and tables, through both entries`, () => {
  const t = performance.now();
  const lines = nativeLines("generated", String(GENERATED), "20261126");
  assert.equal(lines.length, GENERATED);
  let scored = 0;
  let tables = 0;
  for (const l of lines) {
    const wasm = JSON.stringify(scoreResult(l.input, l.options));
    assert.equal(wasm, l.outcome, `${l.name}: ${JSON.stringify(l.input).slice(0, 400)}`);
    // The dossiers entry's module is compiled differently (its core for speed).
    assert.equal(JSON.stringify(full.scoreResult(l.input, l.options)), l.outcome, `${l.name} (dossiers entry)`);
    if (l.outcome.startsWith('{"scorecard"')) scored++;
    for (const [key, native] of Object.entries(l.tables ?? {})) {
      const [format, lang] = key.split("/");
      assert.equal(renderTable(l.input, { ...l.options, format, lang }), native, `${l.name} ${key}`);
      tables++;
    }
  }
  // Both kinds are exercised: valid reports and rejected edits; one table per scored input.
  assert.ok(scored > GENERATED / 5 && scored < GENERATED, `scored ${scored} of ${GENERATED}`);
  assert.equal(tables, scored);
  console.log(`parity ${GENERATED} generated inputs (${scored} scored, ${tables} tables): byte-identical, ${((performance.now() - t) / 1000).toFixed(1)} s`);
});

test("generated inputs as a province's batch: the rows and results that cross packed are the serializer's objects", () => {
  const lines = nativeLines("generated", "3000", "20261127");
  const all = lines.map((l) => l.input);
  const good = lines.filter((l) => l.outcome.startsWith('{"scorecard"')).map((l) => l.input);
  assert.ok(good.length > 300 && good.length < all.length, `${good.length} of ${all.length}`);
  for (const list of [all, good]) {
    const lean = province.batch(list, { scorecards: false });
    const fullBatch = province.batch(list);
    assert.equal(JSON.stringify(lean.table), JSON.stringify(fullBatch.table));
    assert.deepStrictEqual(lean.table, fullBatch.table);
    assert.deepStrictEqual(
      lean.results.map((r) => ("row" in r ? lean.table.rows[r.row].unit : r)),
      fullBatch.results.map((r) => ("scorecard" in r ? r.scorecard.unit.name : r)),
    );
  }
});

test("generated province batches with units under their own profiles: byte-identical to native", () => {
  const lines = nativeLines("batches", "300", "20261127");
  let own = 0;
  let rows = 0;
  const codes = new Set();
  for (const l of lines) {
    const wasm = JSON.stringify(province.batch(l.input, l.options));
    assert.equal(wasm, l.outcome, `${l.name}: ${JSON.stringify(l.options)}`);
    // The same from the JSON text, which crosses as it is.
    assert.equal(JSON.stringify(province.batch(JSON.stringify(l.input), l.options)), l.outcome, `${l.name} (text)`);
    const b = JSON.parse(l.outcome);
    rows += b.table.rows.length;
    own += b.table.rows.filter((r) => "profile" in r).length;
    for (const r of b.results) if ("errors" in r) codes.add(r.errors[0].code);
  }
  // Units under other profiles, and each way a unit's own profile is refused, occur.
  assert.ok(own > 100 && rows > own, `${own} of ${rows} rows under profiles of their own`);
  for (const c of ["UNKNOWN_PROFILE", "PROFILE_MISMATCH", "WRONG_TYPE"]) assert.ok(codes.has(c), c);
});
