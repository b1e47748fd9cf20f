// TypeScript: the declarations compile, a typed usage file compiles (and its
// @ts-expect-error lines really are errors), and no request or response type is `any`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pkgDir } from "./helpers.mjs";

test("tsc --noEmit on the declarations and a typed usage file", () => {
  const tsc = join(pkgDir, "node_modules/.bin/tsc");
  execFileSync(tsc, ["-p", join(pkgDir, "types-test")], { stdio: "pipe" });
});

test("no `any` in the public types", () => {
  const generated = readFileSync(join(pkgDir, "dist/web/tthc_score_wasm.d.ts"), "utf8");
  // The raw wasm exports (InitOutput) are internal and not re-exported.
  const publicPart = generated.split(/^export interface InitOutput/m)[0];
  const code = (s) => s.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  for (const [name, text] of [["generated", publicPart], ["index.d.ts", readFileSync(join(pkgDir, "dist/index.d.ts"), "utf8")]]) {
    assert.doesNotMatch(code(text), /\bany\b/, name);
  }
  assert.match(publicPart, /export type DecimalString = string;/);
  assert.match(publicPart, /export interface Scorecard \{/);
  assert.match(publicPart, /export type Code = "INVALID_JSON"/);
});
