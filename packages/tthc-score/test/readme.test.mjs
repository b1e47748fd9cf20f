// The npm README stands alone and stays true: its table of error codes is exactly the
// core's codes (crates/tthc-score/src/error/mod.rs) and holds every code of the shipped
// `Code` type; it has the sections a portal developer looks for.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pkgDir, repoDir } from "./helpers.mjs";

const readme = readFileSync(join(pkgDir, "README.md"), "utf8");
const section = (title) => {
  const start = readme.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `a section "${title}"`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
};

test("the table of error codes is the core's, every code once", () => {
  const table = [...section("Error codes").matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
  const source = readFileSync(join(repoDir, "crates/tthc-score/src/error/mod.rs"), "utf8");
  const block = source.slice(source.indexOf("pub enum Code {"));
  const core = [...block.slice(0, block.indexOf("\n    }\n")).matchAll(/= "([A-Z0-9_]+)",/g)].map((m) => m[1]);
  assert.ok(core.length > 40, "the core's codes are found");
  assert.equal(new Set(table).size, table.length, "no code twice");
  assert.deepEqual([...table].sort(), [...core].sort());
  const shipped = readFileSync(join(pkgDir, "dist/types.d.ts"), "utf8").match(/^export type Code = (.*);$/m)[1];
  for (const code of shipped.matchAll(/"([A-Z0-9_]+)"/g)) assert.ok(table.includes(code[1]), `${code[1]} (dist/types.d.ts) is in the table`);
});

test("self-contained: install, Node, browser, bundlers, TypeScript, errors", () => {
  for (const title of ["Install", "Node", "Browser", "Bundlers", "TypeScript", "Errors", "Error codes", "License"]) section(title);
  assert.doesNotMatch(readme, /repository README|see the repository/i);
  const bundlers = section("Bundlers");
  for (const b of ["Vite", "webpack", "esbuild", "--loader:.wasm=file", "--loader:.wasm=binary", "--platform=node"]) assert.ok(bundlers.includes(b), b);
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  assert.ok(readme.includes(pkg.license), "the license");
});

test("the README's report is valid and scores as the seed does", async () => {
  const { validate, score } = await import("../dist/index.node.mjs");
  const report = JSON.parse(readme.match(/```json\n([\s\S]*?)```/)[1]);
  assert.deepEqual(validate(report), []);
  assert.equal(score(report).total.display.vi, "16,74");
});
