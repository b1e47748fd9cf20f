// Shared by the Node tests: paths, and the native outcomes written by tthc-score-testgen.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const pkgDir = fileURLToPath(new URL("..", import.meta.url));
export const repoDir = fileURLToPath(new URL("../../..", import.meta.url));

/** Lines of `tthc-score-testgen ARGS`: native outcomes to compare with the wasm ones. */
export function nativeLines(...args) {
  const out = execFileSync("cargo", ["run", "-q", "--release", "-p", "tthc-score-testgen", "--", ...args], {
    cwd: repoDir,
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  return out.trim().split("\n").map((l) => JSON.parse(l));
}
