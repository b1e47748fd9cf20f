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

/** `n` dossiers of one unit as typed-array columns: direct, received Monday 07/06/2021 09:00, 1 day. */
export function columns(n) {
  return {
    units: ["UBND xã A"],
    unit: new Uint32Array(n),
    channel: new Uint8Array(n).fill(1),
    receivedDay: new Int32Array(n).fill(18785), // 2021-06-07
    receivedSecond: new Int32Array(n).fill(9 * 3600),
    limitHalves: new Int32Array(n).fill(2),
  };
}
