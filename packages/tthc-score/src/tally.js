// The dossier tally's facade, added to the "tthc-score/dossiers" entry only (build.mjs):
// typed arrays checked, names normalized to NFC, errors thrown as TthcScoreError.
// The typed array each column must be: the columnar API copies them into wasm memory as
// they are, with no per-dossier object.
const COLUMNS = [
  ["unit", Uint32Array, true],
  ["official", Uint32Array, false],
  ["channel", Uint8Array, true],
  ["receivedDay", Int32Array, true],
  ["receivedSecond", Int32Array, true],
  ["limitHalves", Int32Array, false],
  ["dueDay", Int32Array, false],
  ["originalDueDay", Int32Array, false],
  ["restartDay", Int32Array, false],
  ["restartSecond", Int32Array, false],
  ["resolvedDay", Int32Array, false],
  ["resolvedSecond", Int32Array, false],
  ["agencyGrade", Uint8Array, false],
  ["contacts", Int32Array, false],
  ["agencies", Uint8Array, false],
  ["complaint", Uint8Array, false],
];

function problem(code, path, vi, en) {
  return new TthcScoreError([{ code, path, message: { vi, en } }]);
}

// Names are compared in Unicode NFC (dossiers.md §5): normalized here, where the engine
// has the tables, so that the module does not carry them.
function names(list, path) {
  if (!Array.isArray(list)) {
    throw problem("WRONG_TYPE", path, `${path} phải là một mảng tên (chuỗi ký tự)`, `${path} must be an array of strings`);
  }
  // Index by index: every() and map() skip the holes of a sparse array.
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== "string") {
      throw problem("WRONG_TYPE", `${path}[${i}]`, `${path}[${i}] phải là một tên (chuỗi ký tự)`, `${path}[${i}] must be a string`);
    }
    if (loneSurrogate(list[i]) >= 0) {
      throw problem("INVALID_VALUE", `${path}[${i}]`, `${path}[${i}] chứa một nửa cặp UTF-16 lẻ (không phải văn bản Unicode)`, `${path}[${i}] holds a lone UTF-16 surrogate (not Unicode text)`);
    }
    out[i] = list[i].normalize("NFC");
  }
  return out;
}

// A lone UTF-16 surrogate has no UTF-8 form: crossing into the module it would become
// U+FFFD, silently. The index of the first, or -1.
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
function loneSurrogate(text) {
  if (typeof text.isWellFormed === "function" && text.isWellFormed()) return -1;
  const m = LONE.exec(text);
  return m ? m.index : -1;
}

// The names a columns object may have: a misspelled optional column would otherwise be
// absent, its dossiers counted without it.
const COLUMN_NAMES = new Set(["units", "officials", ...COLUMNS.map(([name]) => name)]);

/** Whether a typed array's buffer was transferred away (postMessage, structuredClone). */
function detached(array) {
  const buffer = array.buffer;
  if (typeof buffer.detached === "boolean") return buffer.detached;
  if (array.byteLength !== 0 || buffer.byteLength !== 0) return false;
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

function createTallyApi(raw, ready, guard) {
  const lost = () =>
    internalError(
      undefined,
      "Tally này đã mất khi mô-đun WebAssembly được khởi tạo lại sau một lỗi nội bộ; hãy tạo Tally mới và nạp lại hồ sơ",
      "this Tally was lost when the WebAssembly module was re-initialised after an internal error; create a new Tally and add its dossiers again",
    );
  const json = (value, normalize, root) => {
    const { text, errors } = jsonOrErrors(value, root);
    if (errors) throw new TthcScoreError(errors);
    return normalize ? text.normalize("NFC") : text;
  };
  /** A tally of dossier records, fed batch by batch (columns, records or CSV text). */
  class Tally {
    #handle;
    // The module instance the handle lives in (see createGuard).
    #generation;
    #next = 1;
    constructor(options) {
      ready();
      const text = json(options, false, "options");
      this.#handle = guard.enter(() => new raw.TallyHandle(text));
      this.#generation = guard.state.generation;
    }
    /** The handle, if it is still alive in the current module instance (checked first,
     * and again inside the call: a user's toJSON could have called into the module). */
    #live() {
      if (this.#handle === undefined) {
        throw problem("INVALID_VALUE", "", "Tally này đã được giải phóng (free)", "this Tally has been freed");
      }
      if (this.#generation !== guard.state.generation) throw lost();
      return this.#handle;
    }
    /** Adds a batch of columns (typed arrays, one value per dossier). */
    addColumns(columns) {
      this.#live();
      if (columns === null || typeof columns !== "object") {
        throw problem("WRONG_TYPE", "columns", "Cần một đối tượng các cột", "columns must be an object of typed arrays");
      }
      for (const name of Object.keys(columns)) {
        if (!COLUMN_NAMES.has(name)) {
          const valid = [...COLUMN_NAMES].join(", ");
          throw problem(
            "UNKNOWN_FIELD",
            `columns.${name}`,
            `Không có cột ${name} (có thể viết sai tên); các cột hợp lệ: ${valid}`,
            `no column is named ${name} (a misspelling?); the columns are: ${valid}`,
          );
        }
      }
      const args = [];
      for (const [name, type, required] of COLUMNS) {
        const v = columns[name];
        if (v === undefined && !required) {
          args.push(undefined);
        } else if (!(v instanceof type)) {
          const what = v === undefined ? "thiếu" : "sai kiểu";
          throw problem(
            v === undefined ? "MISSING_FIELD" : "WRONG_TYPE",
            `columns.${name}`,
            `Cột ${name} ${what}: cần ${type.name}`,
            `column ${name} must be ${type.name.startsWith("I") ? "an" : "a"} ${type.name}`,
          );
        } else if (detached(v)) {
          throw problem(
            "WRONG_TYPE",
            `columns.${name}`,
            `Cột ${name}: bộ nhớ của mảng đã được chuyển đi (detached)`,
            `column ${name}: its buffer has been transferred (detached)`,
          );
        } else {
          args.push(v);
        }
      }
      // Every dossier names a unit: without the names, the batch is refused as a missing
      // typed column is, not every row rejected.
      if (columns.units === undefined) {
        throw problem("MISSING_FIELD", "columns.units", "Thiếu cột units (tên các đơn vị)", "column units (the unit names) is missing");
      }
      const units = names(columns.units, "columns.units");
      const officials = names(columns.officials ?? [], "columns.officials");
      const [unit, official, ...rest] = args;
      guard.enter(() => this.#live().addColumns(this.#next, units, unit, officials, official, ...rest));
      this.#next += unit.length;
    }
    /** Adds dossier records (objects with the camelCase fields of the CSV). */
    addRecords(records) {
      this.#live();
      if (!Array.isArray(records)) {
        throw problem("WRONG_TYPE", "records", "Cần một mảng hồ sơ", "records must be an array");
      }
      const text = json(records, true, "records");
      guard.enter(() => this.#live().addRecords(this.#next, text));
      this.#next += records.length;
    }
    /** Adds the rows of a CSV text with its header row (rows numbered as in the text). */
    addCsv(text) {
      this.#live();
      if (typeof text !== "string") {
        throw problem("WRONG_TYPE", "csv", "Cần nội dung CSV (chuỗi ký tự)", "the CSV must be a string");
      }
      const lone = loneSurrogate(text);
      if (lone >= 0) {
        const line = text.slice(0, lone).split("\n").length;
        throw problem(
          "NOT_UTF8",
          "csv",
          `Dòng ${line} của CSV chứa một nửa cặp UTF-16 lẻ: không phải văn bản Unicode, không chuyển được sang UTF-8`,
          `line ${line} of the CSV holds a lone UTF-16 surrogate: it is not Unicode text and has no UTF-8 form`,
        );
      }
      const normalized = text.normalize("NFC");
      guard.enter(() => this.#live().addCsv(normalized));
    }
    /** Adds another tally of the same period, policy and calendar, and frees it: its
     * dossiers cannot be added twice. */
    merge(other) {
      this.#live();
      if (!(other instanceof Tally)) {
        throw problem("WRONG_TYPE", "other", "Chỉ gộp được một Tally", "only a Tally can be merged");
      }
      // The module would refuse the aliasing by throwing through itself (an internal error).
      if (other === this) {
        throw problem("INVALID_VALUE", "other", "Không gộp được một Tally vào chính nó", "a Tally cannot be merged into itself");
      }
      guard.enter(() => this.#live().merge(other.#live()));
      other.free();
    }
    /** The reports (one per unit) and the summary, completed by per-unit facts. */
    finish(unitFacts) {
      this.#live();
      const facts = unitFacts === undefined ? undefined : json(unitFacts, true, "unitFacts");
      const r = guard.enter(() => this.#live().finish(facts));
      if ("errors" in r) throw new TthcScoreError(r.errors);
      return r.tally;
    }
    /** Frees the wasm memory now (also done by the garbage collector). Never throws: a
     * Tally lost in a re-initialisation (or awaiting one) has nothing left to free. */
    free() {
      const handle = this.#handle;
      this.#handle = undefined;
      if (handle !== undefined && this.#generation === guard.state.generation && !guard.state.broken) {
        guard.enter(() => handle.free());
      }
    }
    [Symbol.dispose]() {
      this.free();
    }
  }
  const once = (options, unitFacts, add) => {
    const t = new Tally(options);
    try {
      add(t);
      return t.finish(unitFacts);
    } finally {
      t.free();
    }
  };
  return {
    Tally,
    tallyRecords(records, options, unitFacts) {
      return once(options, unitFacts, (t) => t.addRecords(records));
    },
    tallyCsv(text, options, unitFacts) {
      return once(options, unitFacts, (t) => t.addCsv(text));
    },
  };
}
