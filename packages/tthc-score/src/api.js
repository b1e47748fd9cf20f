// The JavaScript facade over the wasm-bindgen module, shared by every entry point
// (browser ESM, Node CommonJS; the Node ESM entry re-exports the CommonJS one): build.mjs
// wraps this file for each. It holds no scoring logic: it turns `{ errors }` results into
// exceptions, and a call that stops inside the module into INTERNAL_ERROR (below).

/** Thrown by score(), audit() and renderTable() for invalid input. */
class TthcScoreError extends Error {
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

function internalError(cause, vi, en) {
  return new TthcScoreError([{ code: "INTERNAL_ERROR", path: "", message: { vi, en } }], cause === undefined ? undefined : { cause });
}

// Panic policy. A call into the module that ends in anything but a result or the module's
// own `{ errors }` value stopped inside it: a panic (the wasm profiles abort, so a panic is
// a WebAssembly trap), memory exhausted, or an exception that crossed it. The instance can
// no longer be trusted (shadow stack pointer, allocator, borrowed objects): it is replaced
// at once by a fresh one from the compiled module the glue holds (synchronous, no fetch),
// and the caller gets an INTERNAL_ERROR with the original error as `cause`. Tallies of the
// old instance are lost: their methods throw INTERNAL_ERROR, free() does nothing.
function createGuard(raw, ready) {
  const state = { generation: 0, broken: false };
  const fail = (cause) => {
    try {
      raw.__wbg_reset_state();
      state.broken = false;
      state.generation++;
    } catch (e) {
      // Tried again on the next call; a retry that fails reports why.
      state.broken = true;
      cause ??= e;
    }
    // True either way: re-initialised now, or tried again before the next call runs.
    return internalError(
      cause,
      "Lỗi nội bộ của tthc-score (lỗi phần mềm, không do dữ liệu): mô-đun WebAssembly dừng giữa chừng và được khởi tạo lại trước lần gọi sau; xin báo lỗi kèm dữ liệu",
      "tthc-score internal error (a defect, not the input's fault): the WebAssembly module stopped mid-call and is re-initialised before the next call; please report it with the input",
    );
  };
  /** Runs `f`, a call into the module. */
  const enter = (f) => {
    ready();
    if (state.broken) {
      const e = fail();
      if (state.broken) throw e;
    }
    try {
      return f();
    } catch (e) {
      if (e instanceof TthcScoreError) throw e;
      if (e !== null && typeof e === "object" && Array.isArray(e.errors)) throw new TthcScoreError(e.errors);
      throw fail(e);
    }
  };
  return { enter, state };
}

function createApi(raw, ready, guard) {
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
    return guard.enter(() => fn(text, opts));
  };
  const unwrap = (result) => {
    if ("errors" in result) throw new TthcScoreError(result.errors);
    return result;
  };
  // The functions that report problems as data do so for an internal error too.
  const asData = (f) => {
    try {
      return f();
    } catch (e) {
      if (e instanceof TthcScoreError) return { errors: e.problems };
      throw e;
    }
  };
  return {
    TthcScoreError,
    scoreResult(input, options) {
      return asData(() => call(raw.evaluate, input, options));
    },
    score(input, options) {
      return unwrap(call(raw.evaluate, input, options)).scorecard;
    },
    audit(input, options) {
      return unwrap(call(raw.evaluate, input, options)).scorecard.findings;
    },
    validate(input) {
      const r = asData(() => call((text) => ({ problems: raw.validate(text) }), input));
      return "errors" in r ? r.errors : r.problems;
    },
    renderTable(input, options) {
      return unwrap(call(raw.renderTable, input, options)).table;
    },
    profiles() {
      return guard.enter(() => raw.profiles());
    },
    memoryBytes() {
      return guard.enter(() => raw.memoryBytes());
    },
    // Test hook, not API (not in the declarations): panics inside the module on purpose,
    // after allocating `bytes` bytes there, to test the panic policy above.
    __panicForTests(bytes = 0) {
      return guard.enter(() => raw.__panicForTests(bytes));
    },
  };
}
