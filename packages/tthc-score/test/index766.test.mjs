// The 766 index (Decision 766/QĐ-TTg) through "tthc-score/province": the golden result of
// the example, every bad input and bad profile of tests/fixtures/index-766/ refused with the
// code and path the core gives natively, a province's corrected profile as an object, and
// parity with the native CLI (`tthc-score score --profile vn-766`) on generated inputs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scoreIndex, renderIndex, TthcScoreError } from "../dist/province.node.mjs";
import * as xlsxEntry from "../dist/xlsx.node.mjs";
import { repoDir } from "./helpers.mjs";

const GENERATED = Number(process.env.TTHC_INDEX_PARITY_CASES ?? 200);
const fixture = (f) => readFileSync(join(repoDir, "tests/fixtures/index-766", f), "utf8");
const example = () => JSON.parse(readFileSync(join(repoDir, "examples/index-766-example.json"), "utf8"));
const corrected = () => JSON.parse(fixture("corrected-profile.json"));

/** The native CLI, built once (release, as the other parity tests build the generator). */
const cli = (() => {
  let exe;
  return () => {
    if (exe) return exe;
    const out = execFileSync("cargo", ["build", "-q", "--release", "-p", "tthc-score-cli", "--message-format=json-render-diagnostics"], {
      cwd: repoDir,
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    for (const line of out.trim().split("\n")) {
      const m = JSON.parse(line);
      if (m.reason === "compiler-artifact" && m.target?.name === "tthc-score" && m.executable) exe = m.executable;
    }
    assert.ok(exe, "tthc-score executable");
    return exe;
  };
})();

/** `tthc-score ARGS`: { status, stdout, stderr }. */
function native(...args) {
  const r = spawnSync(cli(), args, { cwd: repoDir, encoding: "utf8", maxBuffer: 1 << 26 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fixture edit ({pointer, value} or {pointer, remove: true}), as tests/index766.rs applies it. */
function edit(v, c) {
  const keys = c.pointer.split("/").slice(1);
  const key = keys.pop();
  let target = v;
  for (const k of keys) target = target[k];
  assert.ok(target !== undefined && target !== null, c.pointer);
  if (c.remove) delete target[key];
  else if (Array.isArray(target)) target[Number(key)] = c.value;
  else target[key] = c.value;
  return v;
}

/** Native JSON as the package gives it: an absent value (Rust's None) is \`null\` in the
 * CLI's JSON and \`undefined\` in JavaScript (as the declarations say: \`T | undefined\`),
 * which JSON.stringify leaves out. */
const asJs = (text) => `${JSON.stringify(JSON.parse(text, (_k, v) => (v === null ? undefined : v)), null, 2)}\n`;
const pretty = (v) => `${JSON.stringify(v, null, 2)}\n`;

/** The problems of a call that must throw: [code, path] each. */
function problems(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof TthcScoreError, String(e));
    return e.problems.map((p) => [p.code, p.path]);
  }
  assert.fail("did not throw");
}

test("the example: the golden example-result.json through a JSON round trip, and its tables", () => {
  const golden = fixture("example-result.json");
  const r = scoreIndex(example());
  assert.deepStrictEqual(JSON.parse(JSON.stringify(r)), JSON.parse(asJs(golden)));
  // Same keys in the same order, same numbers and decimal strings.
  assert.equal(pretty(r), asJs(golden));
  assert.equal(r.total.points, "87.21");
  assert.ok("band" in r.total && r.total.band === undefined);
  // The same with the built-in named, and through the xlsx entry's module.
  assert.equal(pretty(scoreIndex(example(), { profile: "vn-766" })), asJs(golden));
  assert.equal(pretty(xlsxEntry.scoreIndex(example())), asJs(golden));
  for (const format of ["table", "markdown", "html", "csv"]) {
    for (const lang of ["vi", "en"]) {
      const t = renderIndex(example(), { format, lang });
      assert.ok(t.includes(lang === "vi" ? "87,21" : "87.21"), `${format} ${lang}`);
    }
  }
  assert.equal(renderIndex(example()), renderIndex(example(), { format: "table", lang: "vi" }));
});

test("every bad input of bad-inputs.json: the native code and path", () => {
  const cases = JSON.parse(fixture("bad-inputs.json"));
  assert.ok(cases.length >= 12);
  for (const c of cases) {
    const input = edit(example(), c);
    const [first] = problems(() => scoreIndex(input));
    assert.deepStrictEqual(first, [c.code, c.path], c.description);
    assert.deepStrictEqual(problems(() => renderIndex(input, { format: "markdown" }))[0], [c.code, c.path], c.description);
  }
});

test("every bad profile of bad-profiles.json: the native code, its path under options.profile", () => {
  const base = JSON.parse(native("profiles", "show", "vn-766").stdout);
  // The built-in as an object scores as the built-in.
  assert.deepStrictEqual(scoreIndex(example(), { profile: base }), scoreIndex(example()));
  const cases = JSON.parse(fixture("bad-profiles.json"));
  assert.ok(cases.length >= 15);
  for (const c of cases) {
    const profile = edit(structuredClone(base), c);
    const e = (() => {
      try {
        scoreIndex(example(), { profile });
      } catch (e) {
        return e;
      }
      assert.fail(`${c.description}: not refused`);
    })();
    assert.ok(e instanceof TthcScoreError, c.description);
    assert.equal(e.code, c.code, `${c.description}: ${e.message}`);
    assert.equal(e.path, c.path === "" ? "options.profile" : `options.profile.${c.path}`, c.description);
    assert.ok(e.messageVi && e.messageEn, c.description);
  }
});

test("a province's corrected profile given as an object", () => {
  const p = corrected();
  const input = example();
  // 4.6 is gone from it: giving it is an error; without it the input scores.
  assert.deepStrictEqual(problems(() => scoreIndex(input, { profile: p }))[0], ["INDICATOR_UNKNOWN", "indicators.4.6"]);
  delete input.indicators["4.6"];
  const r = scoreIndex(input, { profile: p });
  assert.equal(r.profile, p.id);
  // 2.1 saturates at 95 % there: 1150 / 1200 = 95.83 % is full.
  assert.equal(r.indicators.find((i) => i.id === "2.1").points, "20.00");
  assert.ok(r.total.band, "the corrected profile has bands");
  const file = join(repoDir, "tests/fixtures/index-766/corrected-profile.json");
  const dir = mkdtempSync(join(tmpdir(), "tthc-index766-"));
  try {
    writeFileSync(join(dir, "in.json"), JSON.stringify(input));
    const n = native("score", "--profile-file", file, "--format", "json", join(dir, "in.json"));
    assert.equal(n.status, 0, n.stderr);
    assert.equal(pretty(r), asJs(n.stdout));
    const t = native("score", "--profile-file", file, "--format", "markdown", "--lang", "en", join(dir, "in.json"));
    assert.equal(renderIndex(input, { profile: p, format: "markdown", lang: "en" }), t.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Its zero denominators are not applicable unless the options say otherwise.
  input.indicators["1.4"] = { numerator: 0, denominator: 0 };
  assert.equal(scoreIndex(input, { profile: p }).total.applicableMaximum, "94");
  assert.equal(scoreIndex(input, { profile: p, zeroDenominator: "zero" }).total.applicableMaximum, "100");
});

test("1.4 at 0/0 with last year's total: ÷ 4 for a quarter, scored 0, as the CLI", () => {
  const input = example();
  input.indicators["1.4"] = { numerator: 0, denominator: 0, lastYearTotal: 1000 };
  const r = scoreIndex(input, { zeroDenominator: "full" });
  const i = r.indicators.find((x) => x.id === "1.4");
  assert.deepStrictEqual([i.points, i.status], ["0.00", "scored"]);
  assert.ok(i.derivation.vi.includes("(1.000 ÷ 4 = 250,00)"), i.derivation.vi);
  assert.ok(r.notes.some((n) => n.code === "lastYearStandIn"));
  const dir = mkdtempSync(join(tmpdir(), "tthc-index766-"));
  try {
    writeFileSync(join(dir, "in.json"), JSON.stringify(input));
    const n = native("score", "--profile", "vn-766", "--set", "zeroDenominator=full", "--format", "json", join(dir, "in.json"));
    assert.equal(n.status, 0, n.stderr);
    assert.equal(pretty(r), asJs(n.stdout));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the payment's rounding: once by default, each part on request, as the CLI", () => {
  const once = scoreIndex(example());
  const each = scoreIndex(example(), { partRounding: "eachPart" });
  const at = (r) => r.indicators.find((i) => i.id === "3.6").points;
  assert.deepStrictEqual([at(once), once.total.points], ["8.75", "87.21"]);
  assert.deepStrictEqual([at(each), each.total.points], ["8.76", "87.22"]);
  assert.ok(each.notes.some((n) => n.code === "roundedEachPart"));
  const n = native("score", "--profile", "vn-766", "--set", "partRounding=eachPart", "--format", "json", join(repoDir, "examples/index-766-example.json"));
  assert.equal(n.status, 0, n.stderr);
  assert.equal(pretty(each), asJs(n.stdout));
  assert.equal(renderIndex(example(), { partRounding: "eachPart", format: "csv" }).includes("87,22"), true);
});

test("bad options: paths under options.", () => {
  const at = (options) => problems(() => scoreIndex(example(), options))[0];
  assert.deepStrictEqual(at({ profile: "vn-999" }), ["UNKNOWN_PROFILE", "options.profile"]);
  // The 9-indicator profiles are another model.
  assert.deepStrictEqual(at({ profile: "tt01-2018" }), ["UNKNOWN_PROFILE", "options.profile"]);
  assert.equal(at({ zeroDenominator: "never" })[1], "options.zeroDenominator");
  assert.equal(at({ partRounding: "perPart" })[1], "options.partRounding");
  assert.ok(at({ lang: "en" })[1].startsWith("options"), "scoreIndex takes no lang");
  assert.equal(at({ profile: 7 })[1], "options.profile");
  assert.equal(at([])[1], "options");
  assert.equal(problems(() => renderIndex(example(), { format: "pdf" }))[0][1], "options.format");
  assert.throws(() => scoreIndex(example(), { profile: "vn-999" }), TthcScoreError);
  // An input that is not an object.
  assert.equal(problems(() => scoreIndex(42))[0][1], "");
});

// ---------------------------------------------------------------------------------------
// Parity with the native CLI on generated inputs.

/** mulberry32: a small seeded generator, so that a failure can be replayed. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n) => Math.floor(next() * n);
  return { next, below, pick: (xs) => xs[below(xs.length)] };
}

/** Counts for one ratio: zero denominators, full and empty ratios, thresholds hit exactly,
 * small and large counts; `over` lets the numerator reach that many denominators. */
function counts(r, over = 1) {
  switch (r.below(8)) {
    case 0:
      return { numerator: 0, denominator: 0 };
    case 1: {
      const d = 1 + r.below(500);
      return { numerator: d, denominator: d };
    }
    case 2:
      return { numerator: r.pick([50, 79, 80, 90, 95]), denominator: 100 };
    case 3: {
      const d = 1 + r.below(12);
      return { numerator: r.below(Math.floor(d * over) + 1), denominator: d };
    }
    default: {
      const d = 1 + r.below(r.pick([100, 10_000, 1_000_000]));
      return { numerator: r.below(Math.floor(d * over) + 1), denominator: d };
    }
  }
}

/** A valid input for `profile`, then in some cases one edit that makes it invalid. */
function generate(r, profile, k) {
  const indicators = {};
  const scored = [];
  for (const g of profile.groups) {
    for (const i of g.indicators) {
      const kind = i.conversion.kind;
      if (kind === "shownOnly") {
        if (r.below(2)) indicators[i.id] = counts(r);
        continue;
      }
      scored.push(i.id);
      if (kind === "weightedSum") {
        indicators[i.id] = { parts: Object.fromEntries(i.conversion.parts.map((p) => [p.id, counts(r)])) };
      } else {
        indicators[i.id] = counts(r, kind === "complement" ? 2 : 1);
      }
    }
  }
  const input = {
    period: r.below(3) ? { year: 2025 + r.below(2), quarter: 1 + r.below(4) } : { year: 2026 },
    unit: r.below(2) ? { name: `UBND xã Số ${k}`, level: r.pick(["commune", "province", "department"]) } : { name: `Sở ${k}` },
    indicators,
  };
  if (r.below(6) === 0) {
    const id = r.pick(scored.filter((s) => indicators[s].denominator !== undefined));
    const c = indicators[id];
    switch (r.below(5)) {
      case 0:
        c.numerator = c.denominator * 2 + 1 + r.below(5);
        break;
      case 1:
        c.denominator = -1 - r.below(3);
        break;
      case 2:
        c.numerator = 0.5 + r.below(3);
        break;
      case 3:
        delete indicators[id];
        break;
      default:
        indicators["9.9"] = { numerator: 1, denominator: 1 };
    }
  }
  return input;
}

test(`${GENERATED} generated inputs: identical to the native CLI (JSON, tables, errors)`, () => {
  const t = performance.now();
  const vn766 = JSON.parse(native("profiles", "show", "vn-766").stdout);
  const province = corrected();
  const provinceFile = join(repoDir, "tests/fixtures/index-766/corrected-profile.json");
  const r = rng(20261127);
  const dir = mkdtempSync(join(tmpdir(), "tthc-index766-"));
  let scored = 0;
  let refused = 0;
  let tables = 0;
  try {
    for (let k = 0; k < GENERATED; k++) {
      // One in five under the province's corrected profile, given as an object.
      const own = k % 5 === 4;
      const input = generate(r, own ? province : vn766, k);
      const zero = r.pick([undefined, undefined, "notApplicable", "zero", "full"]);
      const file = join(dir, `${k}.json`);
      writeFileSync(file, JSON.stringify(input));
      const args = ["score", ...(own ? ["--profile-file", provinceFile] : ["--profile", "vn-766"]), ...(zero ? ["--set", `zeroDenominator=${zero}`] : [])];
      const options = { ...(own ? { profile: province } : r.below(2) ? { profile: "vn-766" } : {}), ...(zero ? { zeroDenominator: zero } : {}) };
      const what = `case ${k}: ${JSON.stringify(input).slice(0, 300)} ${JSON.stringify({ ...options, profile: own ? "(corrected)" : options.profile })}`;
      const n = native(...args, "--format", "json", "--lang", "en", file);
      let wasm;
      try {
        wasm = scoreIndex(input, options);
      } catch (e) {
        assert.ok(e instanceof TthcScoreError, `${what}: ${e}`);
        assert.equal(n.status, 2, `${what}: native scored it, wasm refused it: ${e.message}`);
        // The CLI prints `error[CODE] path: message` per problem (path "(document)" if empty).
        const lines = e.problems.map((p) => `error[${p.code}] ${p.path || "(document)"}: ${p.message.en}`);
        assert.equal(lines.join("\n"), n.stderr.trimEnd(), what);
        refused++;
        continue;
      }
      assert.equal(n.status, 0, `${what}: wasm scored it, native refused it: ${n.stderr}`);
      assert.equal(pretty(wasm), asJs(n.stdout), what);
      scored++;
      if (k % 8 === 0) {
        const format = r.pick(["table", "markdown", "html", "csv"]);
        const lang = r.pick(["vi", "en"]);
        const nt = native(...args, "--format", format, "--lang", lang, file);
        assert.equal(nt.status, 0, nt.stderr);
        assert.equal(renderIndex(input, { ...options, format, lang }), nt.stdout, `${what} ${format}/${lang}`);
        tables++;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(scored > GENERATED / 2 && refused > 0, `scored ${scored}, refused ${refused}`);
  console.log(`766 parity: ${GENERATED} generated inputs (${scored} scored, ${refused} refused, ${tables} tables) identical to native, ${((performance.now() - t) / 1000).toFixed(1)} s`);
});
