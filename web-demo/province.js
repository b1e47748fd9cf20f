// The province page: a provincial office checks a published score table (the package's
// auditTable) and ranks many units from their report files (the package's batch) — all
// computed in the browser by the "tthc-score/province" entry. No scoring, ranking or
// checking logic here: the page reads files, shows what the package returns, and writes
// the CSV downloads with the clerk's page's CSV helpers; the workbooks (.xlsx) come from the
// package's spreadsheet entry, loaded on demand.
import { init, auditTable, batch, labels, profiles, TthcScoreError } from "tthc-score/province";
import { PROVINCE_TEXT as TEXT } from "./i18n.js";
import { formatValue } from "./numbers.js";
import { csvForSpreadsheet, writeCsv, periodSlug } from "./sheet.js";

const CUSTOM = "__file";
const state = {
  lang: "vi",
  builtIn: [],
  custom: null, // { name, profile } from a profile file
  audit: null,
  entries: [], // { source, report } or { source, errors } (a file that is no JSON)
  batch: null,
};

const $ = (s) => document.querySelector(s);
const t = (k, ...args) => {
  const v = TEXT[state.lang][k];
  return typeof v === "function" ? v(...args) : v;
};

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

// ---- words -------------------------------------------------------------------------------------

function applyText() {
  document.documentElement.lang = state.lang;
  $("#lang").lang = state.lang === "vi" ? "en" : "vi";
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  fillProfiles();
  fillPeriods();
}

function fillProfiles() {
  const select = $("#profile");
  const current = select.value || state.builtIn[0]?.id;
  const options = state.builtIn.map((p) => el("option", { value: p.id }, p.name?.[state.lang] ?? p.id));
  if (state.custom) {
    const name = state.custom.profile?.name?.[state.lang] ?? state.custom.profile?.id ?? "";
    options.push(el("option", { value: CUSTOM }, `${t("profileFromFile", state.custom.name)}${name ? ` — ${name}` : ""}`));
  }
  select.replaceChildren(...options);
  select.value = current;
}

function fillPeriods() {
  const select = $("#period");
  const current = select.value || "q2";
  const quarters = [1, 2, 3, 4].map((q) => el("option", { value: `q${q}` }, t("quarter", q)));
  const months = Array.from({ length: 12 }, (_, i) => el("option", { value: `m${i + 1}` }, t("month", i + 1)));
  select.replaceChildren(el("option", { value: "year" }, t("wholeYear")), ...quarters, ...months);
  select.value = current;
}

/** A coded message for anything thrown: the package's errors in the page's language. */
function describe(e) {
  if (e instanceof TthcScoreError) return `${state.lang === "vi" ? e.messageVi : e.messageEn} [${e.code}${e.path ? ` · ${e.path}` : ""}]`;
  return String(e?.message ?? e);
}

function show(box, e) {
  box.hidden = !e;
  box.textContent = e ? describe(e) : "";
}

// ---- options -----------------------------------------------------------------------------------

function profile() {
  const v = $("#profile").value;
  return v === CUSTOM && state.custom ? state.custom.profile : v || undefined;
}

function period() {
  const year = Number($("#year").value.trim());
  const v = $("#period").value;
  if (v.startsWith("q")) return { year, quarter: Number(v.slice(1)) };
  if (v.startsWith("m")) return { year, month: Number(v.slice(1)) };
  return { year };
}

/** The indicator headers under the chosen profile: "C1"… with the indicator's title. */
function indicatorTitles() {
  try {
    return labels({ profile: profile() }).indicators.map((i) => i.title[state.lang]);
  } catch {
    return Array.from({ length: 9 }, () => undefined);
  }
}

const num = (v) => (v === undefined || v === null ? "" : formatValue(v, state.lang));

// ---- the audit of a published table ---------------------------------------------------------------

const auditOptions = () => ({ profile: profile(), period: period() });

function runAudit() {
  show($("#audit-error"), null);
  state.audit = null;
  const text = $("#csv-text").value;
  if (text.trim() !== "") {
    try {
      const year = $("#year").value.trim();
      if (!/^\d{4}$/.test(year)) throw new Error(state.lang === "vi" ? `“${year}” không phải là năm (ví dụ 2021) [PERIOD_INVALID]` : `“${year}” is not a year (e.g. 2021) [PERIOD_INVALID]`);
      state.audit = auditTable(text, auditOptions());
    } catch (e) {
      show($("#audit-error"), e);
    }
  }
  renderAudit();
}

function renderAudit() {
  const a = state.audit;
  $("#download-audit").disabled = !a;
  $("#download-audit-xlsx").disabled = !a;
  $("#audit-summary").hidden = !a;
  $("#findings-table").hidden = !a;
  if (!a) return;
  const errors = a.findings.filter((f) => f.severity === "error").length;
  const warnings = a.findings.length - errors;
  const summary = $("#audit-summary");
  summary.textContent = t("auditSummary", a, errors, warnings);
  summary.dataset.errors = errors;
  summary.dataset.warnings = warnings;
  const rows = a.findings.map((f) =>
    el(
      "tr",
      { "data-code": f.code, "data-row": String(f.row), class: `finding ${f.severity}` },
      el("td", { class: "num", "data-label": t("row") }, String(f.row)),
      el("td", {}, f.unit),
      el("td", {}, el("code", {}, f.code)),
      el("td", {}, el("span", { class: "badge" }, t(`severity_${f.severity}`))),
      el("td", {}, f.message[state.lang]),
    ),
  );
  $("#findings-table tbody").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "5" }, t("noFindings")))]));
}

// ---- the ranked table from reports -------------------------------------------------------------

async function readReports(files) {
  const entries = [];
  for (const f of files) {
    const text = await f.text();
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      entries.push({ source: f.name, errors: [{ code: "INVALID_JSON", path: "", message: { vi: `${TEXT.vi.invalidJson}: ${e.message}`, en: `${TEXT.en.invalidJson}: ${e.message}` } }] });
      continue;
    }
    if (Array.isArray(value)) value.forEach((report, i) => entries.push({ source: `${f.name} [${i + 1}]`, report }));
    else entries.push({ source: f.name, report: value });
  }
  return entries;
}

const batchOptions = () => ({ profile: profile(), ties: $("#ties").value, rankBy: $("#rank-by").value });

function runBatch() {
  show($("#batch-error"), null);
  state.batch = null;
  const parsed = state.entries.filter((e) => !e.errors);
  if (state.entries.length) {
    try {
      const out = parsed.length ? batch(parsed.map((e) => e.report), batchOptions()) : { results: [], table: null };
      parsed.forEach((e, i) => (e.result = out.results[i]));
      state.batch = out;
    } catch (e) {
      show($("#batch-error"), e);
    }
  }
  renderBatch();
}

function groupLabel(table, group) {
  return table.groups.find((g) => g.group === group)?.label[state.lang] ?? group;
}

function renderBatch() {
  const b = state.batch;
  const table = b?.table;
  const failed = b ? state.entries.filter((e) => e.errors || e.result?.errors) : [];
  $("#download-table").disabled = !table?.rows.length;
  $("#download-table-xlsx").disabled = !table?.rows.length;
  $("#batch-summary").hidden = !b;
  $("#ranking").hidden = !table?.rows.length;
  $("#bands-block").hidden = !table?.groups.length;
  $("#report-errors-block").hidden = !failed.length;
  if (!b) return;
  $("#batch-summary").textContent = t("batchSummary", state.entries.length, table?.rows.length ?? 0, failed.length);

  if (table) {
    const titles = indicatorTitles();
    const head = el(
      "tr",
      {},
      el("th", { scope: "col" }, t("rank")),
      el("th", { scope: "col" }, t("unit")),
      ...titles.map((title, i) => el("th", { scope: "col", class: "num", title }, el("abbr", { title }, `C${i + 1}`))),
      el("th", { scope: "col", class: "num" }, t("total")),
      el("th", { scope: "col" }, t("rating")),
      el("th", { scope: "col" }, t("group")),
    );
    $("#ranking thead").replaceChildren(head);
    $("#ranking tbody").replaceChildren(
      ...table.rows.map((r) =>
        el(
          "tr",
          { "data-unit": r.unit, "data-rank": String(r.rank) },
          el("td", { class: "num rank" }, String(r.rank)),
          el("th", { scope: "row" }, r.unit),
          ...r.scores.map((s) => el("td", { class: "num" }, num(s))),
          el("td", { class: "num total" }, num(r.total)),
          // A unit scored under a profile of its own ({ report, profile } in a file) says which.
          el("td", { class: "rating", "data-profile": r.profile ?? table.profile }, `${r.rating ? r.rating.label[state.lang] : t("notRated")}${r.profile ? ` (${r.profile})` : ""}`),
          el("td", { class: "group" }, `${groupLabel(table, r.group)} (${r.rankInGroup})`),
        ),
      ),
    );
    const bands = table.groups[0]?.bands ?? [];
    $("#bands thead").replaceChildren(
      el(
        "tr",
        {},
        el("th", { scope: "col" }, t("group")),
        el("th", { scope: "col", class: "num" }, t("units")),
        ...bands.map((band) => el("th", { scope: "col", class: "num" }, band.label[state.lang])),
        el("th", { scope: "col", class: "num" }, t("unrated")),
      ),
    );
    $("#bands tbody").replaceChildren(
      ...table.groups.map((g) =>
        el(
          "tr",
          { "data-group": g.group },
          el("th", { scope: "row" }, g.label[state.lang]),
          el("td", { class: "num" }, String(g.units)),
          ...g.bands.map((band) => el("td", { class: "num", "data-band": band.code }, String(band.units))),
          el("td", { class: "num" }, String(g.unrated)),
        ),
      ),
    );
  }

  $("#report-errors").replaceChildren(
    ...failed.map((e) =>
      el(
        "li",
        { "data-source": e.source },
        el("strong", {}, e.source),
        el("ul", {}, ...(e.errors ?? e.result.errors).map((x) => el("li", { "data-code": x.code }, el("code", {}, x.code), x.path ? ` · ${x.path}` : "", `: ${x.message[state.lang]}`))),
      ),
    ),
  );
}

// ---- downloads ---------------------------------------------------------------------------------

/** Text a spreadsheet would read as a formula is written with a leading apostrophe, as the
 * package does in its own CSV. */
const safe = (c) => (/^[=+\-@\t\r]/.test(c) && !/^-?\d/.test(c) ? `'${c}` : c);

const CSV = "text/csv;charset=utf-8";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function download(name, data, type) {
  const a = el("a", { href: URL.createObjectURL(new Blob([data], { type })), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** The file name of the ranked table: its kind and the reports' period. */
function tableFileName(ext) {
  const first = state.entries.find((e) => e.result?.scorecard)?.result.scorecard;
  return [t("fileCsv"), periodSlug(first?.period)].filter(Boolean).join("_") + ext;
}

const auditFileName = (ext) => [t("fileAudit"), periodSlug(period())].filter(Boolean).join("_") + ext;

function downloadTable() {
  const table = state.batch?.table;
  if (!table?.rows.length) return;
  const head = [t("rank"), t("unit"), ...table.rows[0].scores.map((_, i) => `C${i + 1}`), t("total"), t("rating"), t("group"), t("rankInGroup")];
  const rows = table.rows.map((r) => [String(r.rank), safe(r.unit), ...r.scores.map(num), num(r.total), r.rating ? r.rating.label[state.lang] : "", groupLabel(table, r.group), String(r.rankInGroup)]);
  download(tableFileName(".csv"), csvForSpreadsheet(writeCsv([head, ...rows], ","), state.lang), CSV);
}

function downloadAudit() {
  const a = state.audit;
  if (!a) return;
  const head = [t("row"), t("unit"), t("code"), t("severity"), t("message")];
  const rows = a.findings.map((f) => [String(f.row), safe(f.unit), f.code, t(`severity_${f.severity}`), safe(f.message[state.lang])]);
  download(auditFileName(".csv"), csvForSpreadsheet(writeCsv([head, ...rows], ","), state.lang), CSV);
}

// The spreadsheet entry (about 540 KB gzip: the writer, its zip and deflate) is loaded the
// first time a workbook is asked for; the workbook is written by the package from the same
// inputs as the page's results, with numbers as numbers.
let workbooks;
async function spreadsheets() {
  if (!workbooks) {
    const m = await import("tthc-score/xlsx");
    await m.init();
    workbooks = m;
  }
  return workbooks;
}

async function downloadTableXlsx() {
  if (!state.batch?.table?.rows.length) return;
  try {
    const { provinceXlsx } = await spreadsheets();
    const reports = state.entries.filter((e) => !e.errors).map((e) => e.report);
    download(tableFileName(".xlsx"), provinceXlsx(reports, batchOptions(), state.lang), XLSX);
  } catch (e) {
    show($("#batch-error"), e);
  }
}

async function downloadAuditXlsx() {
  if (!state.audit) return;
  try {
    const { auditTableXlsx } = await spreadsheets();
    download(auditFileName(".xlsx"), auditTableXlsx($("#csv-text").value, auditOptions(), state.lang), XLSX);
  } catch (e) {
    show($("#audit-error"), e);
  }
}

// ---- wiring ------------------------------------------------------------------------------------

function rerun() {
  runAudit();
  runBatch();
}

async function main() {
  await init();
  state.builtIn = profiles();
  applyText();

  $("#lang").addEventListener("click", () => {
    state.lang = state.lang === "vi" ? "en" : "vi";
    applyText();
    rerun();
  });
  $("#profile").addEventListener("change", rerun);
  $("#profile-file").addEventListener("change", async () => {
    const f = $("#profile-file").files[0];
    if (!f) return;
    try {
      state.custom = { name: f.name, profile: JSON.parse(await f.text()) };
      show($("#profile-error"), null);
      fillProfiles();
      $("#profile").value = CUSTOM;
      rerun();
    } catch (e) {
      show($("#profile-error"), `${t("invalidJson")}: ${e.message} [INVALID_JSON]`);
    }
  });

  for (const id of ["#year", "#period"]) $(id).addEventListener("change", runAudit);
  $("#csv-text").addEventListener("change", runAudit);
  $("#run-audit").addEventListener("click", runAudit);
  $("#csv-file").addEventListener("change", async () => {
    const f = $("#csv-file").files[0];
    if (!f) return;
    $("#csv-text").value = await f.text();
    $("#csv-name").textContent = f.name;
    runAudit();
  });
  $("#load-audit-example").addEventListener("click", async () => {
    $("#csv-text").value = await (await fetch("./examples/published-q2.csv")).text();
    $("#csv-name").textContent = "published-q2.csv";
    $("#year").value = "2021";
    $("#period").value = "q2";
    runAudit();
  });
  $("#download-audit").addEventListener("click", downloadAudit);
  $("#download-audit-xlsx").addEventListener("click", downloadAuditXlsx);

  for (const id of ["#ties", "#rank-by"]) $(id).addEventListener("change", runBatch);
  $("#report-files").addEventListener("change", async () => {
    const files = [...$("#report-files").files];
    if (!files.length) return;
    state.entries = await readReports(files);
    $("#report-names").textContent = files.map((f) => f.name).join(", ");
    runBatch();
  });
  $("#load-batch-example").addEventListener("click", async () => {
    const names = ["dien-bien-2021-q2-district.json", "dien-bien-2021-q2-commune.json"];
    state.entries = await Promise.all(names.map(async (name) => ({ source: name, report: await (await fetch(`./examples/${name}`)).json() })));
    $("#report-names").textContent = names.join(", ");
    runBatch();
  });
  $("#download-table").addEventListener("click", downloadTable);
  $("#download-table-xlsx").addEventListener("click", downloadTableXlsx);

  document.body.dataset.ready = "true";
}

main().catch((e) => show($("#audit-error"), e));
