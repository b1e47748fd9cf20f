// TypeScript: the declarations compile, a typed usage file compiles (and its
// @ts-expect-error lines really are errors), and no request or response type is `any`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pkgDir } from "./helpers.mjs";

const tsc = (project) => {
  try {
    execFileSync(join(pkgDir, "node_modules/.bin/tsc"), ["-p", join(pkgDir, "types-test", project)], { encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    assert.fail(`tsc -p types-test/${project}:\n${e.stdout}${e.stderr}`);
  }
};

test("tsc --noEmit on the declarations and a typed usage file", () => {
  tsc("tsconfig.json");
});

// Both entries, ESM and CommonJS declarations, the README's TypeScript, with lib ES2022
// only (no DOM) and skipLibCheck false: with @types/node, and without it.
for (const [project, what] of [["tsconfig.strict.json", "with @types/node"], ["tsconfig.bare.json", "without @types/node"]]) {
  test(`the declarations compile under lib ES2022 alone, skipLibCheck false, ${what}`, () => tsc(project));
}

test("a CommonJS consumer compiles under moduleResolution node16, skipLibCheck false (every entry)", () => tsc("tsconfig.cjs.json"));

test("no `any` in the public types", () => {
  // The types generated from the Rust types (the raw wasm exports are not shipped).
  const publicPart = readFileSync(join(pkgDir, "dist/types.d.ts"), "utf8");
  const code = (s) => s.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  for (const [name, text] of [["types.d.ts", publicPart], ...["index.d.ts", "dossiers.d.ts"].map((f) => [f, readFileSync(join(pkgDir, "dist", f), "utf8")])]) {
    assert.doesNotMatch(code(text), /\bany\b/, name);
  }
  assert.match(publicPart, /export type DecimalString = string;/);
  assert.match(publicPart, /export interface Scorecard \{/);
  assert.match(publicPart, /export type Code = "INVALID_JSON"/);
});

test("the generated types declare each name once", () => {
  // Two Rust types with one TypeScript name (tsify) would both land in dist/types.d.ts:
  // rename one with #[tsify(rename = "…")].
  const names = [...readFileSync(join(pkgDir, "dist/types.d.ts"), "utf8").matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  assert.deepEqual(twice, [], `declared twice in dist/types.d.ts: ${twice.join(", ")}`);
});
