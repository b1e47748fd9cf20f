// The province calls' facade, in the "tthc-score/province" and "tthc-score/xlsx" entries
// (build.mjs): many reports scored and ranked in one table, units or periods combined into
// one result, a published table checked, an input of the 766 index scored or rendered.
// Inputs cross as JSON text like every other call; a call's problems are thrown as
// TthcScoreError (a unit's own errors in batch() are its result).

// Calls `fn(input, options, ...rest)` in the module, the input as JSON text (`asText`: as it
// is), and returns its result; `{ errors }` is thrown as TthcScoreError. Shared with the
// spreadsheet facade (src/xlsx.js), whose entry always has this file.
function callOrThrow(ready, guard, fn, input, options, asText, ...rest) {
  ready();
  let text;
  let opts;
  try {
    text = asText ? input : toJson(input);
    opts = options === undefined ? undefined : toJson(options);
  } catch (e) {
    throw new TthcScoreError(unserializable(e));
  }
  const r = guard.enter(() => fn(text, opts, ...rest));
  if (!(r instanceof Uint8Array) && "errors" in r) throw new TthcScoreError(r.errors);
  return r;
}

// A published table's CSV, which crosses as it is: a string, or a WRONG_TYPE problem.
function csvText(csv) {
  if (typeof csv !== "string") {
    throw new TthcScoreError([
      {
        code: "WRONG_TYPE",
        path: "",
        message: { vi: "Cần nội dung CSV của bảng (một chuỗi ký tự)", en: "expected the table's CSV text (a string)" },
      },
    ]);
  }
  return csv;
}

function createProvinceApi(raw, ready, guard) {
  const run = (fn, input, options, key, asText = false) => callOrThrow(ready, guard, fn, input, options, asText)[key];
  return {
    batch(list, options) {
      // A JSON text crosses as it is.
      return run(raw.batch, list, options, "batch", typeof list === "string");
    },
    consolidate(list, options) {
      return run(raw.consolidate, list, options, "consolidated", typeof list === "string");
    },
    auditTable(csv, options) {
      return run(raw.auditTable, csvText(csv), options, "audit", true);
    },
    scoreIndex(input, options) {
      return run(raw.scoreIndex, input, options, "index");
    },
    renderIndex(input, options) {
      return run(raw.renderIndex, input, options, "table");
    },
  };
}
