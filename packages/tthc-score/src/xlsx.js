// The spreadsheet calls' facade, in the "tthc-score/xlsx" entry only (build.mjs): a page
// imports it when the user asks for a download — `await import("tthc-score/xlsx")` — so the
// other entries never carry the spreadsheet writer. Each call takes the inputs of the call
// that computes (a report, reports, a published table's CSV) and returns the .xlsx file's
// bytes; its problems are thrown as TthcScoreError (callOrThrow and csvText: src/province.js).

function createXlsxApi(raw, ready, guard) {
  const run = (fn, input, options, lang, asText = false) =>
    callOrThrow(ready, guard, fn, input, options, asText, langName(lang));
  return {
    annexXlsx(report, options, lang) {
      return run(raw.annexXlsx, report, options, lang);
    },
    // The reports' JSON text crosses as it is, as in batch() and consolidate().
    provinceXlsx(reports, options, lang) {
      return run(raw.provinceXlsx, reports, options, lang, typeof reports === "string");
    },
    consolidatedXlsx(reports, options, lang) {
      return run(raw.consolidatedXlsx, reports, options, lang, typeof reports === "string");
    },
    auditTableXlsx(csv, options, lang) {
      return run(raw.auditTableXlsx, csvText(csv), options, lang, true);
    },
  };
}

// The sheets' language crosses as a string or not at all: any other value would reach the
// module's string decoder (a crash there, not a coded problem).
function langName(lang) {
  if (lang === undefined || lang === null || typeof lang === "string") return lang ?? undefined;
  throw new TthcScoreError([
    {
      code: "WRONG_TYPE",
      path: "lang",
      message: { vi: "Ngôn ngữ phải là chuỗi \"vi\" hoặc \"en\"", en: 'expected the language as a string, "vi" or "en"' },
    },
  ]);
}
