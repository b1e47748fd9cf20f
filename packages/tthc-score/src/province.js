// The province calls' facade, added to the "tthc-score/dossiers" entry only (build.mjs):
// many reports scored and ranked in one table, units or periods combined into one result,
// a published table checked, an input of the 766 index scored or rendered. Inputs cross as JSON text like every other call; a call's
// problems are thrown as TthcScoreError (a unit's own errors in batch() are its result).

function createProvinceApi(raw, ready, guard) {
  const run = (fn, input, options, key) => {
    ready();
    let text;
    let opts;
    try {
      // The CSV of auditTable() is text already; everything else crosses as JSON.
      text = fn === raw.auditTable ? input : toJson(input);
      opts = options === undefined ? undefined : toJson(options);
    } catch (e) {
      throw new TthcScoreError(unserializable(e));
    }
    const r = guard.enter(() => fn(text, opts));
    if ("errors" in r) throw new TthcScoreError(r.errors);
    return r[key];
  };
  return {
    batch(list, options) {
      return run(raw.batch, list, options, "batch");
    },
    consolidate(list, options) {
      return run(raw.consolidate, list, options, "consolidated");
    },
    auditTable(csv, options) {
      if (typeof csv !== "string") {
        throw new TthcScoreError([
          {
            code: "WRONG_TYPE",
            path: "",
            message: { vi: "Cần nội dung CSV của bảng (một chuỗi ký tự)", en: "expected the table's CSV text (a string)" },
          },
        ]);
      }
      return run(raw.auditTable, csv, options, "audit");
    },
    scoreIndex(input, options) {
      return run(raw.scoreIndex, input, options, "index");
    },
    renderIndex(input, options) {
      return run(raw.renderIndex, input, options, "table");
    },
  };
}
