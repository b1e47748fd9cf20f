// The one error class of the package, in a module of its own so that every entry shares
// it: the two browser entries import this file (build.mjs copies it to dist/error.js), and
// in Node both entries, ESM and CommonJS, load its CommonJS twin (dist/error.cjs). So
// `e instanceof TthcScoreError` holds whichever entry threw and whichever was imported.

/** Thrown for invalid input: the first problem's code, path and messages, and every
 * problem found. */
export class TthcScoreError extends Error {
  constructor(problems, options) {
    const first = problems[0] ?? { code: "INVALID_VALUE", path: "", message: { vi: "", en: "invalid input" } };
    super(first.path ? `${first.code} at ${first.path}: ${first.message.en}` : `${first.code}: ${first.message.en}`, options);
    this.name = "TthcScoreError";
    this.code = first.code;
    this.path = first.path;
    this.messageVi = first.message.vi;
    this.messageEn = first.message.en;
    this.problems = problems;
  }
}
