// The spreadsheet calls' facade, in the "tthc-score/xlsx" entry only (build.mjs): a page
// imports it when the user asks for a download — `await import("tthc-score/xlsx")` — so the
// other entries never carry the spreadsheet writer. Each call takes the inputs of the call
// that computes (a report, reports, a published table's CSV) and returns the .xlsx file's
// bytes; its problems are thrown as TthcScoreError.

function createXlsxApi(raw, ready, guard) {
  const run = (fn, input, options, lang, text) => {
    ready();
    let inputText;
    let opts;
    try {
      inputText = text ? input : toJson(input);
      opts = options === undefined ? undefined : toJson(options);
    } catch (e) {
      throw new TthcScoreError(unserializable(e));
    }
    const r = guard.enter(() => fn(inputText, opts, lang));
    if (r instanceof Uint8Array) return r;
    throw new TthcScoreError(r.errors);
  };
  const csvText = (csv) => {
    if (typeof csv !== "string") {
      throw new TthcScoreError([
        { code: "WRONG_TYPE", path: "", message: { vi: "Cần nội dung CSV của bảng (một chuỗi ký tự)", en: "expected the table's CSV text (a string)" } },
      ]);
    }
    return csv;
  };
  return {
    annexXlsx(report, options, lang) {
      return run(raw.annexXlsx, report, options, lang, false);
    },
    provinceXlsx(reports, options, lang) {
      return run(raw.provinceXlsx, reports, options, lang, false);
    },
    consolidatedXlsx(reports, options, lang) {
      return run(raw.consolidatedXlsx, reports, options, lang, false);
    },
    auditTableXlsx(csv, options, lang) {
      return run(raw.auditTableXlsx, csvText(csv), options, lang, true);
    },
  };
}
