// The downloaded files: the package's CSV with the separator a spreadsheet of the same
// language expects, and file names that say which report they hold. Pure functions, shared
// by the page and its Node tests.

/** Splits CSV text (RFC 4180: quoted cells may hold the separator, quotes and line breaks)
 * into rows of cells. */
export function parseCsv(text, separator = ",") {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Writes rows of cells as CSV with `separator` and CRLF line ends, quoting a cell only
 * where it must be (it holds the separator, a quote or a line break). */
export function writeCsv(rows, separator) {
  const needs = new RegExp(`[${separator}"\\r\\n]`);
  const cell = (c) => (needs.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return rows.map((r) => r.map(cell).join(separator) + "\r\n").join("");
}

/**
 * The CSV to download, from the package's own CSV (`renderTable(…, { format: "csv" })`:
 * title, unit, period, totals, the annex rows, rating and officials, formula-safe cells),
 * cell for cell. Vietnamese: numbers are written the Vietnamese way ("16,74", "1.147"), so
 * cells are separated by semicolons — a spreadsheet set to Vietnamese (decimal comma) reads
 * a semicolon as the column separator and "16,74" as a number; a comma would split "16,74"
 * apart or leave every row in one column. English: the package's comma-separated text as it
 * is. Both begin with a UTF-8 byte-order mark, which tells spreadsheets the file is UTF-8.
 */
export function csvForSpreadsheet(coreCsv, lang) {
  const body = lang === "vi" ? writeCsv(parseCsv(coreCsv, ","), ";") : coreCsv;
  return "\uFEFF" + body;
}

/** "UBND xã Thanh Xương" → "ubnd-xa-thanh-xuong" (for file names). */
export function slug(text) {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** "2021-q2", "2021-m06", "2021" for a report's period (as far as it is known). */
export function periodSlug(period) {
  if (!period || typeof period.year !== "number") return "";
  if (typeof period.quarter === "number") return `${period.year}-q${period.quarter}`;
  if (typeof period.month === "number") return `${period.year}-m${String(period.month).padStart(2, "0")}`;
  return String(period.year);
}

/** The name of a downloaded file: prefix, unit, period, an optional mark, extension. */
export function fileName(prefix, report, ext, mark = "") {
  const unit = slug(report?.unit?.organization || report?.unit?.name);
  return [prefix, unit, periodSlug(report?.period), mark].filter(Boolean).join("_") + "." + ext;
}
