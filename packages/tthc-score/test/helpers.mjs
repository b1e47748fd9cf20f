// Shared by the Node tests: paths, and the native outcomes written by tthc-score-testgen.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";

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

// An independent reader of the workbooks the package writes (shared with the web demo's tests).
/** The files of a zip archive (its central directory), by name. */
export function unzip(bytes) {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let end = b.length - 22;
  while (b.readUInt32LE(end) !== 0x06054b50) end--;
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const files = {};
  for (let n = 0; n < count; n++) {
    const method = b.readUInt16LE(at + 10);
    const size = b.readUInt32LE(at + 20);
    const nameLength = b.readUInt16LE(at + 28);
    const extra = b.readUInt16LE(at + 30);
    const comment = b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    const name = b.toString("utf8", at + 46, at + 46 + nameLength);
    const data = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const raw = b.subarray(data, data + size);
    files[name] = (method === 8 ? inflateRawSync(raw) : raw).toString("utf8");
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** The cells of the first worksheet: { A1: "text" | number }. */
export function cells(bytes) {
  const f = unzip(bytes);
  const shared = [...(f["xl/sharedStrings.xml"] ?? "").matchAll(/<si>(.*?)<\/si>/gs)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join(""),
  );
  const out = {};
  for (const m of f["xl/worksheets/sheet1.xml"].matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
    const [, ref, attrs, body = ""] = m;
    const v = /<v>(.*?)<\/v>/.exec(body)?.[1];
    if (v === undefined) continue;
    out[ref] = /t="s"/.test(attrs) ? shared[Number(v)] : Number(v);
  }
  return out;
}
