// Parity in Chromium: every 50th of the 10,000 generated inputs of parity.test.mjs (200,
// the same seed), scored in the browser through both entries (and its table rendered for
// those that score) and compared byte for byte with native Rust.
import { test } from "node:test";
import assert from "node:assert/strict";
import { nativeLines, pkgDir } from "./helpers.mjs";
import { blankPage, launch } from "./browser.mjs";
import { serve } from "../../../scripts/serve.mjs";

const GENERATED = 10_000;
const STEP = 50;

test(`Chromium: ${GENERATED / STEP} of the ${GENERATED} generated inputs byte-identical to native, both entries`, async () => {
  const t = performance.now();
  const lines = nativeLines("generated", String(GENERATED), "20261126", String(STEP));
  assert.equal(lines.length, GENERATED / STEP);
  const { server, url } = await serve(pkgDir);
  const browser = await launch();
  try {
    const { page, errors } = await blankPage(browser, url, "parity");
    // The inputs travel as JSON text and are parsed in the page, as in Node.
    const cases = JSON.stringify(lines.map((l) => ({ input: l.input, options: l.options, tables: Object.keys(l.tables ?? {}) })));
    const got = await page.evaluate(async (text) => {
      const index = await import("/dist/index.js");
      const dossiers = await import("/dist/dossiers.js");
      await index.init();
      await dossiers.init();
      return JSON.parse(text).map((c) => ({
        outcome: JSON.stringify(index.scoreResult(c.input, c.options)),
        outcomeDossiers: JSON.stringify(dossiers.scoreResult(c.input, c.options)),
        tables: Object.fromEntries(
          c.tables.map((key) => {
            const [format, lang] = key.split("/");
            return [key, index.renderTable(c.input, { ...c.options, format, lang })];
          }),
        ),
      }));
    }, cases);
    let scored = 0;
    let tables = 0;
    lines.forEach((l, i) => {
      assert.equal(got[i].outcome, l.outcome, l.name);
      assert.equal(got[i].outcomeDossiers, l.outcome, `${l.name} (dossiers entry)`);
      if (l.outcome.startsWith('{"scorecard"')) scored++;
      for (const [key, native] of Object.entries(l.tables ?? {})) {
        assert.equal(got[i].tables[key], native, `${l.name} ${key}`);
        tables++;
      }
    });
    assert.ok(scored >= 40, `scored ${scored}`);
    assert.equal(tables, scored);
    assert.deepEqual(errors, []);
    console.log(`parity Chromium: ${lines.length} generated inputs (${scored} scored, ${tables} tables) byte-identical, ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await browser.close();
    server.close();
  }
});
