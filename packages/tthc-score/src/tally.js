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
  if (!Array.isArray(list) || !list.every((n) => typeof n === "string")) {
    throw problem("WRONG_TYPE", path, `${path} phải là một mảng tên (chuỗi ký tự)`, `${path} must be an array of strings`);
  }
  return list.map((n) => n.normalize("NFC"));
}

// Errors thrown by the wasm module for bad input are `{ errors }` values.
function rethrow(e) {
  if (e && Array.isArray(e.errors)) throw new TthcScoreError(e.errors);
  throw e;
}

function createTallyApi(raw, ready) {
  /** A tally of dossier records, fed batch by batch (columns, records or CSV text). */
  class Tally {
    #handle;
    #next = 1;
    constructor(options) {
      ready();
      let text;
      try {
        text = toJson(options);
      } catch (e) {
        throw new TthcScoreError(unserializable(e));
      }
      try {
        this.#handle = new raw.TallyHandle(text);
      } catch (e) {
        rethrow(e);
      }
    }
    /** Adds a batch of columns (typed arrays, one value per dossier). */
    addColumns(columns) {
      if (columns === null || typeof columns !== "object") {
        throw problem("WRONG_TYPE", "columns", "Cần một đối tượng các cột", "columns must be an object of typed arrays");
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
            `column ${name} must be a ${type.name}`,
          );
        } else {
          args.push(v);
        }
      }
      const units = names(columns.units ?? [], "columns.units");
      const officials = names(columns.officials ?? [], "columns.officials");
      const [unit, official, ...rest] = args;
      try {
        this.#handle.addColumns(this.#next, units, unit, officials, official, ...rest);
      } catch (e) {
        rethrow(e);
      }
      this.#next += unit.length;
    }
    /** Adds dossier records (objects with the camelCase fields of the CSV). */
    addRecords(records) {
      if (!Array.isArray(records)) {
        throw problem("WRONG_TYPE", "records", "Cần một mảng hồ sơ", "records must be an array");
      }
      let text;
      try {
        text = toJson(records).normalize("NFC");
      } catch (e) {
        throw new TthcScoreError(unserializable(e));
      }
      try {
        this.#handle.addRecords(this.#next, text);
      } catch (e) {
        rethrow(e);
      }
      this.#next += records.length;
    }
    /** Adds the rows of a CSV text with its header row (rows numbered as in the text). */
    addCsv(text) {
      if (typeof text !== "string") {
        throw problem("WRONG_TYPE", "csv", "Cần nội dung CSV (chuỗi ký tự)", "the CSV must be a string");
      }
      try {
        this.#handle.addCsv(text.normalize("NFC"));
      } catch (e) {
        rethrow(e);
      }
    }
    /** Adds another tally of the same period, policy and calendar. */
    merge(other) {
      if (!(other instanceof Tally)) {
        throw problem("WRONG_TYPE", "other", "Chỉ gộp được một Tally", "only a Tally can be merged");
      }
      try {
        this.#handle.merge(other.#handle);
      } catch (e) {
        rethrow(e);
      }
    }
    /** The reports (one per unit) and the summary, completed by per-unit facts. */
    finish(unitFacts) {
      ready();
      const r = this.#handle.finish(unitFacts === undefined ? undefined : toJson(unitFacts).normalize("NFC"));
      if ("errors" in r) throw new TthcScoreError(r.errors);
      return r.tally;
    }
    /** Frees the wasm memory now (also done by the garbage collector). */
    free() {
      this.#handle?.free();
      this.#handle = undefined;
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
