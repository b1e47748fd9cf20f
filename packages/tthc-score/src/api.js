// The JavaScript facade over the wasm-bindgen module, shared by every entry point
// (browser ESM, Node ESM, Node CommonJS): build.mjs wraps this file for each.
// It holds no scoring logic: it only turns `{ errors }` results into exceptions.

/** Thrown by score(), audit() and renderTable() for invalid input. */
class TthcScoreError extends Error {
  constructor(problems) {
    const first = problems[0] ?? { code: "INVALID_VALUE", path: "", message: { vi: "", en: "invalid input" } };
    super(first.path ? `${first.code} at ${first.path}: ${first.message.en}` : `${first.code}: ${first.message.en}`);
    this.name = "TthcScoreError";
    this.code = first.code;
    this.path = first.path;
    this.messageVi = first.message.vi;
    this.messageEn = first.message.en;
    this.problems = problems;
  }
}

// Inputs cross into wasm as JSON text, parsed there exactly as the Rust back end parses
// it. JSON has no NaN or Infinity: they travel as strings the core reports as NOT_FINITE.
function toJson(value) {
  const text = JSON.stringify(value, (_key, v) => {
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    if (typeof v === "bigint") return Number(v);
    return v;
  });
  // undefined, functions and symbols have no JSON form: they are "no report at all".
  return text === undefined ? "null" : text;
}

function unserializable(error) {
  const en = `the input cannot be written as JSON (${error.message})`;
  return [{ code: "WRONG_TYPE", path: "", message: { vi: `Dữ liệu không chuyển được sang JSON (${error.message})`, en } }];
}

function createApi(raw, ready) {
  const call = (fn, input, options) => {
    ready();
    let text;
    let opts;
    try {
      text = toJson(input);
      opts = options === undefined ? undefined : toJson(options);
    } catch (e) {
      return { errors: unserializable(e) };
    }
    return fn(text, opts);
  };
  const unwrap = (result) => {
    if ("errors" in result) throw new TthcScoreError(result.errors);
    return result;
  };
  return {
    TthcScoreError,
    scoreResult(input, options) {
      return call(raw.evaluate, input, options);
    },
    score(input, options) {
      return unwrap(call(raw.evaluate, input, options)).scorecard;
    },
    audit(input, options) {
      return unwrap(call(raw.evaluate, input, options)).scorecard.findings;
    },
    validate(input) {
      const r = call((text) => ({ problems: raw.validate(text) }), input);
      return "errors" in r ? r.errors : r.problems;
    },
    renderTable(input, options) {
      return unwrap(call(raw.renderTable, input, options)).table;
    },
    profiles() {
      ready();
      return raw.profiles();
    },
  };
}
