// The JavaScript facade over the wasm-bindgen module, shared by every entry point
// (browser ESM, Node CommonJS; the Node ESM entry re-exports the CommonJS one): build.mjs
// wraps this file for each. It holds no scoring logic: it turns `{ errors }` results into
// exceptions, and a call that stops inside the module into INTERNAL_ERROR (below).

// TthcScoreError comes from src/error.js (one class for every entry).

// Inputs cross into wasm as JSON text, parsed there exactly as the Rust back end parses
// it. JSON has no NaN or Infinity: they travel as {"$nonFinite": "NaN"}, which the core
// reports as NOT_FINITE in a number field and as WRONG_TYPE anywhere else.
// A BigInt travels as its exact digits (a Number would round it beyond 2^53): a string
// with a per-call random mark, replaced by the bare digits after JSON.stringify. Values
// nested deeper than any input (MAX_DEPTH) are cut to [] before JSON.stringify would
// overflow its stack, so that the core names the field.
const MAX_DEPTH = 64;
function toJson(value) {
  // The usual input has none of these: the plain JSON.stringify, without a callback per
  // value, is about 40 % faster. It throws on a BigInt (and on nesting thousands of levels
  // deep; shallower over-deep values reach the core, which refuses them at their field as
  // it does the [] they would be cut to), and writes NaN and ±Infinity as null: then, and
  // for any null, the careful path below, which reads the input (getters, toJSON) again.
  // A function or a Symbol, which it would drop silently, also takes the careful path: a
  // walk first (about 0.5 µs for a report), which defers to the careful path at any toJSON.
  try {
    const plain = careless(value, 0) ? undefined : JSON.stringify(value);
    if (plain !== undefined && !plain.includes("null")) return plain;
  } catch {
    // the careful path says what was wrong
  }
  let mark;
  // The objects being written, outermost first: the holder of each call is the last one;
  // and the path of each, for the problem of a value JSON cannot hold.
  const open = [];
  const paths = new WeakMap();
  // The path of the value under `key` of `holder` (the root's holder has none: "").
  const pathOf = (holder, key) => {
    const at = paths.get(holder);
    return at === undefined ? "" : Array.isArray(holder) ? `${at}[${key}]` : at === "" ? key : `${at}.${key}`;
  };
  const text = JSON.stringify(value, function (key, v) {
    while (open.length && open[open.length - 1] !== this) open.pop();
    if (typeof v === "function" || typeof v === "symbol") {
      // JSON.stringify would drop the field (or write null in an array), silently.
      throw new JsonProblem(pathOf(this, key), typeof v);
    }
    if (typeof v === "bigint") {
      mark ??= `tthc-bigint-${Math.random().toString(36).slice(2)}:`;
      return mark + v;
    }
    if (typeof v === "number" && !Number.isFinite(v)) {
      // An object, so that no text field takes it for the name "NaN"; open as the
      // holder of its one entry.
      const marker = { $nonFinite: String(v) };
      open.push(marker);
      return marker;
    }
    if (v !== null && typeof v === "object") {
      if (open.length > MAX_DEPTH) return [];
      open.push(v);
      paths.set(v, pathOf(this, key));
    }
    return v;
  });
  // undefined, functions and symbols have no JSON form: they are "no report at all".
  if (text === undefined) return "null";
  return mark ? text.replace(new RegExp(`"${mark}(-?\\d+)"`, "g"), "$1") : text;
}

/** Whether `v` holds a function or a Symbol that JSON.stringify would drop, or a toJSON
 * whose result the careful path must look at. */
function careless(v, depth, ancestors = new Set()) {
  if (v === null) return false;
  const t = typeof v;
  if (t === "function" || t === "symbol") return true;
  if (t !== "object" || depth > MAX_DEPTH) return false;
  // A cycle: JSON.stringify refuses it (on the careful path, which says so), and walking it
  // would take 2^depth steps where it branches.
  if (ancestors.has(v) || typeof v.toJSON === "function") return true;
  ancestors.add(v);
  let found = false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length && !found; i++) found = careless(v[i], depth + 1, ancestors);
  } else {
    for (const k in v) {
      if (Object.hasOwn(v, k) && careless(v[k], depth + 1, ancestors)) {
        found = true;
        break;
      }
    }
  }
  ancestors.delete(v);
  return found;
}

// A value JSON has no form for, at its path in the input (`toJSON` results included).
class JsonProblem extends Error {
  constructor(path, type) {
    super(`a ${type} has no JSON form`);
    this.path = path;
    this.type = type;
  }
}

function unserializable(error, root = "") {
  if (error instanceof JsonProblem) {
    const path = root === "" || error.path.startsWith("[") ? root + error.path : error.path === "" ? root : `${root}.${error.path}`; // as the core's Problem::within
    const what = error.type === "function" ? "một hàm (function)" : "một Symbol";
    return [
      {
        code: "WRONG_TYPE",
        path,
        message: { vi: `Giá trị là ${what}, không chuyển được sang JSON`, en: `the value is a ${error.type}, which cannot be written as JSON` },
      },
    ];
  }
  // Whatever a getter or toJSON threw: an Error, or any value at all (null included).
  const why = error instanceof Error ? error.message : String(error);
  const en = `the input cannot be written as JSON (${why})`;
  return [{ code: "WRONG_TYPE", path: "", message: { vi: `Dữ liệu không chuyển được sang JSON (${why})`, en } }];
}

/** `{ text }`, the JSON of `value`, or `{ errors }` placed under `root` (its name in the
 * call: "options", "records", …; "" for the input itself). */
function jsonOrErrors(value, root = "") {
  try {
    return { text: toJson(value) };
  } catch (e) {
    return { errors: unserializable(e, root) };
  }
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

// labels(): the module gives the words (each indicator's title and sub-rows in the
// profile's order, then the unit levels' names in this order); the facade lays them out
// with the profile. The per-dossier indicators are the fields of a report's perDossier.
const PER_DOSSIER = ["totalTime", "agencyTime", "contacts", "agencies", "attitude"];
const UNIT_LEVELS = ["ministry", "province", "department", "district", "commune"];

function createApi(raw, ready, guard) {
  const call = (fn, input, options) => {
    ready();
    const i = jsonOrErrors(input);
    if (i.errors) return i;
    const o = options === undefined ? {} : jsonOrErrors(options, "options");
    if (o.errors) return o;
    return guard.enter(() => fn(i.text, o.text));
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
  function validate(input) {
    const r = asData(() => call((text) => ({ problems: raw.validate(text) }), input));
    return "errors" in r ? r.errors : r.problems;
  }
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
    validate,
    isReport(input) {
      return validate(input).length === 0;
    },
    assertReport(input) {
      const problems = validate(input);
      if (problems.length) throw new TthcScoreError(problems);
    },
    labels(options) {
      // The module reads the options as scoring options (its parser is there anyway) and
      // takes the unit level on its own, as its index in UNIT_LEVELS.
      let rest = options;
      let level;
      if (options !== null && typeof options === "object" && !Array.isArray(options) && "unitLevel" in options) {
        let name;
        ({ unitLevel: name, ...rest } = options);
        if (name !== undefined) {
          level = UNIT_LEVELS.indexOf(name);
          if (level < 0) {
            const got = typeof name === "string" ? JSON.stringify(name) : typeof name;
            const list = UNIT_LEVELS.join(", ");
            const message = { vi: `Cấp đơn vị phải là một trong: ${list} (giá trị: ${got})`, en: `the unit level must be one of ${list}, got ${got}` };
            throw new TthcScoreError([{ code: typeof name === "string" ? "INVALID_VALUE" : "WRONG_TYPE", path: "options.unitLevel", message }]);
          }
        }
      }
      const [id, words] = unwrap(call((_, opts) => raw.labels(opts, level), null, rest));
      // A profile object (read by "tthc-score/dossiers") was checked by the module above.
      const own = rest !== null && typeof rest === "object" ? rest.profile : undefined;
      const p = own !== null && typeof own === "object" ? own : guard.enter(() => raw.profiles()).find((x) => x.id === id);
      return {
        profile: id,
        indicators: p.order.map((ind, i) => ({
          id: ind,
          position: i + 1,
          kind: PER_DOSSIER.includes(ind) ? "perDossier" : "perUnit",
          title: words[4 * i],
          levels: words.slice(4 * i + 1, 4 * i + 4),
        })),
        unitBands: p.unitBands,
        officialBands: p.officialBands,
        unitLevels: UNIT_LEVELS.map((l, i) => ({ level: l, label: words[4 * p.order.length + i] })),
      };
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
