// The demo page: a form that mirrors the annex table, recomputed on every change with
// the tthc-score package. No scoring logic here: validation, scores, findings and the
// table all come from the package.
import { init, profiles, renderTable, scoreResult, validate } from "tthc-score";
import { TEXT } from "./i18n.js";

const PER_DOSSIER = ["totalTime", "agencyTime", "contacts", "agencies", "attitude"];
const FACTS = {
  oneStop: [
    ["receivedAtDeskPercent", "percent"],
    ["approvedAtDeskPercent", "percent"],
  ],
  publicity: [
    ["posted", "bool"],
    ["electronic", "bool"],
  ],
  feedback: [
    ["received", "count", "feedbackReceived"],
    ["handledOnTime", "count"],
    ["prolonged", "count"],
  ],
  onlineServices: [
    ["deployedPercent", "percent"],
    ["onlineUnresolvedOrLate", "count"],
  ],
};

let lang = "vi";
let extra = {}; // parts of an imported report the form does not edit (officials, declared scores)
let lastGood = null; // { report, outcome } of the last valid input
const t = (key) => TEXT[lang][key] ?? key;
const $ = (sel) => document.querySelector(sel);

// ---- form construction -------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "i18n") e.dataset.i18n = v;
    else if (k === "path") e.dataset.path = v;
    else if (v !== undefined) e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

const idOf = (path) => "f-" + path.replaceAll(".", "-");

/** One labelled input with its error slot. kind: text | count | percent | decimal | level | bool | select | flag */
function field(path, kind, label, options) {
  const id = idOf(path);
  const error = el("span", { class: "error", id: id + "-error", role: "alert" });
  let input;
  if (kind === "level" || kind === "bool" || kind === "select") {
    input = el("select", { id, path, "data-kind": kind, "aria-describedby": error.id });
    const opts =
      kind === "level"
        ? [["", "none"], ["2", "points2"], ["1", "points1"], ["0", "points0"]]
        : kind === "bool"
          ? [["", "none"], ["true", "yes"], ["false", "no"]]
          : options;
    for (const [value, key] of opts) input.append(el("option", { value, i18n: key }));
  } else if (kind === "flag") {
    input = el("input", { id, path, type: "checkbox", "data-kind": kind, "aria-describedby": error.id });
  } else {
    const numeric = kind !== "text";
    input = el("input", {
      id,
      path,
      type: "text",
      "data-kind": kind,
      inputmode: numeric ? (kind === "count" ? "numeric" : "decimal") : undefined,
      "aria-describedby": error.id,
      spellcheck: "false",
    });
  }
  const wrap = el("div", { class: `field ${kind}` }, el("label", { for: id, i18n: label }), input, error);
  if (kind === "flag") wrap.classList.add("inline");
  return wrap;
}

function group(path, legend, ...fields) {
  const error = el("span", { class: "error group-error", id: idOf(path) + "-error", role: "alert" });
  return el("fieldset", { path, "aria-describedby": error.id }, el("legend", { i18n: legend }), el("div", { class: "grid" }, ...fields), error);
}

function buildForm() {
  const form = $("#report-form");
  const periodOptions = [["", "wholeYear"], ...[1, 2, 3, 4].map((q) => [`q${q}`, `q${q}`]), ...Array.from({ length: 12 }, (_, i) => [`m${i + 1}`, `m${i + 1}`])];
  const unitSection = el(
    "section",
    { class: "card" },
    el("h2", { i18n: "sectionUnit" }),
    el(
      "div",
      { class: "grid" },
      field("unit.name", "text", "unitName"),
      field("unit.organization", "text", "organization"),
      field("unit.level", "select", "unitLevel", ["ministry", "province", "department", "district", "commune"].map((v) => [v, `level_${v}`])),
      field("period.year", "count", "year"),
      field("period", "select", "period", periodOptions),
      field("options.profile", "select", "profile", profiles().map((p) => [p.id, `profile_${p.id}`])),
      field("options.levelSource", "select", "levelSource", [["declared", "levelSource_declared"], ["facts", "levelSource_facts"]]),
    ),
  );
  const dossiers = el(
    "section",
    { class: "card" },
    el("h2", { i18n: "sectionDossiers" }),
    group("dossiers.received", "received", ...["online", "direct", "carriedOver", "total"].map((k) => field(`dossiers.received.${k}`, "count", k))),
    group("dossiers.resolved", "resolved", ...["early", "onTime", "late", "total"].map((k) => field(`dossiers.resolved.${k}`, "count", k))),
    group("dossiers.pending", "pending", ...["withinDeadline", "overdue"].map((k) => field(`dossiers.pending.${k}`, "count", k))),
  );
  const perDossier = el(
    "section",
    { class: "card" },
    el("h2", { i18n: "sectionPerDossier" }),
    ...PER_DOSSIER.map((id, i) =>
      group(
        `perDossier.${id}`,
        `ind_${id}`,
        ...[["two", "points2"], ["one", "points1"], ["zero", "points0"]].map(([k, label]) => field(`perDossier.${id}.${k}`, "count", label)),
      ),
    ),
  );
  const perUnit = el(
    "section",
    { class: "card" },
    el("h2", { i18n: "sectionPerUnit" }),
    ...Object.entries(FACTS).map(([id, facts]) =>
      group(
        `perUnit.${id}`,
        `ind_${id}`,
        field(`perUnit.${id}.level`, "level", "declaredLevel"),
        field(`perUnit.${id}.notApplicable`, "flag", "notApplicable"),
        ...facts.map(([k, kind, label]) => field(`perUnit.${id}.facts.${k}`, kind, label ?? k)),
      ),
    ),
  );
  const declared = el("section", { class: "card" }, el("h2", { i18n: "sectionDeclared" }), el("div", { class: "grid" }, field("declared.total", "decimal", "declaredTotal")));
  form.append(unitSection, dossiers, perDossier, perUnit, declared);
}

// ---- form <-> report ----------------------------------------------------------------

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function readValue(input) {
  const kind = input.dataset.kind;
  if (kind === "flag") return input.checked ? true : undefined;
  const raw = input.value.trim();
  if (raw === "") return undefined;
  switch (kind) {
    case "count": {
      // Thousands written the local way are whole numbers: "1.132" in Vietnamese, "1,132" in
      // English. Anything else goes to the package as typed, which says what is wrong with it.
      const grouped = lang === "vi" ? /^\d{1,3}(\.\d{3})+$/ : /^\d{1,3}(,\d{3})+$/;
      const text = grouped.test(raw) ? raw.replace(/[.,]/g, "") : raw;
      return NUMBER.test(text) ? Number(text) : text;
    }
    case "percent":
    case "decimal":
      // Decimal strings keep every digit exactly ("25.5", not 25.499999…); Vietnamese
      // writes the decimal mark as a comma.
      return lang === "vi" ? raw.replace(",", ".") : raw;
    case "level":
      return Number(raw);
    case "bool":
      return raw === "true";
    default:
      return raw;
  }
}

function setPath(obj, path, value) {
  const keys = path.split(".");
  let cur = obj;
  for (const k of keys.slice(0, -1)) cur = cur[k] ??= {};
  cur[keys.at(-1)] = value;
}

function getPath(obj, path) {
  return path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function readForm() {
  const report = { perUnit: Object.fromEntries(Object.keys(FACTS).map((id) => [id, {}])) };
  for (const input of document.querySelectorAll("#report-form [data-path]:is(input, select)")) {
    const path = input.dataset.path;
    if (path.startsWith("options.")) continue;
    if (path === "period") {
      const v = input.value;
      if (v.startsWith("q")) setPath(report, "period.quarter", Number(v.slice(1)));
      if (v.startsWith("m")) setPath(report, "period.month", Number(v.slice(1)));
      continue;
    }
    const value = readValue(input);
    if (value !== undefined) setPath(report, path, value);
  }
  if (extra.officials) report.officials = extra.officials;
  if (extra.declaredScores) (report.declared ??= {}).scores = extra.declaredScores;
  return report;
}

function options() {
  return {
    profile: $("#f-options-profile").value,
    interpretations: { levelSource: $("#f-options-levelSource").value },
  };
}

function fillForm(report) {
  extra = { officials: report.officials, declaredScores: report.declared?.scores };
  for (const input of document.querySelectorAll("#report-form [data-path]:is(input, select)")) {
    const path = input.dataset.path;
    if (path.startsWith("options.")) continue;
    if (path === "period") {
      const p = report.period ?? {};
      input.value = p.quarter ? `q${p.quarter}` : p.month ? `m${p.month}` : "";
      continue;
    }
    const v = getPath(report, path);
    if (input.dataset.kind === "flag") input.checked = v === true;
    else input.value = v === undefined || v === null ? "" : String(v);
  }
  recompute();
}

// ---- results ------------------------------------------------------------------------

function clearErrors() {
  for (const e of document.querySelectorAll(".error")) e.textContent = "";
  for (const e of document.querySelectorAll("[aria-invalid]")) e.removeAttribute("aria-invalid");
  $("#general-error").hidden = true;
}

/** Puts each problem next to its field, or its nearest enclosing group. */
function showErrors(problems) {
  for (const p of problems) {
    const message = p.message[lang];
    let path = p.path;
    let target = null;
    while (path && !(target = document.querySelector(`#report-form [data-path="${CSS.escape(path)}"]`))) {
      path = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "";
    }
    const slot = target ? document.getElementById(target.getAttribute("aria-describedby")) : $("#general-error");
    if (target) target.setAttribute("aria-invalid", "true");
    slot.hidden = false;
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    slot.dataset.code = p.code;
  }
}

function renderResults() {
  const officialsBox = $("#officials");
  if (!lastGood) {
    $("#total").textContent = "—";
    $("#rating").textContent = "—";
    officialsBox.replaceChildren();
    $("#findings").replaceChildren();
    $("#table").replaceChildren(el("p", { class: "notice" }, t("noResultYet")));
    return;
  }
  const card = lastGood.outcome.scorecard;
  $("#total").textContent = `${card.total.display[lang]} / ${card.total.maximumDisplay[lang]}`;
  $("#rating").textContent = card.total.rating ? card.total.rating.label[lang] : "—";
  const line = (name, o) =>
    el("li", {}, `${name}: ${o.display[lang]} / ${o.maximum}`, o.band ? ` — ${o.band.label[lang]}` : "");
  const list = el("ul", {}, line(t("officialsUnit"), card.officials.unit), ...(card.officials.individuals ?? []).map((o) => line(o.name, o)));
  officialsBox.replaceChildren(el("h3", {}, t("officials")), list);
  const findings = card.findings.map((f) =>
    el("li", { class: `finding ${f.severity}`, "data-code": f.code }, el("span", { class: "badge" }, t(`severity_${f.severity}`)), ` ${f.message[lang]} `, el("code", {}, f.code)),
  );
  $("#findings").replaceChildren(...(findings.length ? findings : [el("li", { class: "none" }, t("noFindings"))]));
  // The package escapes every text it puts in the HTML table.
  $("#table").innerHTML = renderTable(lastGood.report, { ...options(), format: "html", lang });
}

function recompute() {
  clearErrors();
  const report = readForm();
  const problems = validate(report);
  const outcome = problems.length ? { errors: problems } : scoreResult(report, options());
  if ("errors" in outcome) {
    showErrors(outcome.errors);
    $("#invalid-notice").hidden = false;
    $("#invalid-notice").textContent = t("invalidNotice");
    document.body.dataset.state = "invalid";
  } else {
    lastGood = { report, outcome };
    $("#invalid-notice").hidden = true;
    document.body.dataset.state = "valid";
  }
  renderResults();
}

// ---- language, buttons ----------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = lang;
  document.title = `${t("title")} — tthc-score`;
  for (const p of profiles()) {
    TEXT.vi[`profile_${p.id}`] = p.name.vi;
    TEXT.en[`profile_${p.id}`] = p.name.en;
  }
  for (let i = 1; i <= 4; i++) {
    TEXT.vi[`q${i}`] = `${TEXT.vi.quarter} ${["I", "II", "III", "IV"][i - 1]}`;
    TEXT.en[`q${i}`] = `${TEXT.en.quarter} ${i}`;
  }
  for (let m = 1; m <= 12; m++) {
    TEXT.vi[`m${m}`] = `${TEXT.vi.month} ${m}`;
    TEXT.en[`m${m}`] = `${TEXT.en.month} ${m}`;
  }
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  $("#lang").setAttribute("lang", lang === "vi" ? "en" : "vi");
  recompute();
}

function download(name, type, text) {
  const a = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

async function loadExample(name) {
  const response = await fetch(`./examples/${name}.json`);
  fillForm(await response.json());
}

async function main() {
  await init();
  buildForm();
  const form = $("#report-form");
  form.addEventListener("input", recompute);
  form.addEventListener("change", recompute);
  form.addEventListener("submit", (e) => e.preventDefault());
  $("#load-district").addEventListener("click", () => loadExample("dien-bien-2021-q2-district"));
  $("#load-commune").addEventListener("click", () => loadExample("dien-bien-2021-q2-commune"));
  $("#import-file").addEventListener("change", async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    try {
      fillForm(JSON.parse(await file.text()));
    } catch (err) {
      clearErrors();
      $("#general-error").hidden = false;
      $("#general-error").textContent = `${t("importFailed")}: ${err.message}`;
    }
    e.target.value = "";
  });
  $("#export-json").addEventListener("click", () => download("bao-cao-tthc.json", "application/json", JSON.stringify(readForm(), null, 2) + "\n"));
  $("#download-csv").addEventListener("click", () => {
    if (!lastGood) return;
    // A byte-order mark lets spreadsheet programs read the Vietnamese text as UTF-8.
    download("bang-cham-diem.csv", "text/csv;charset=utf-8", "\uFEFF" + renderTable(lastGood.report, { ...options(), format: "csv", lang }));
  });
  $("#print").addEventListener("click", () => window.print());
  $("#lang").addEventListener("click", () => {
    // Numbers typed the old language's way ("1.132", "25,5") are rewritten plainly first,
    // so that switching language never changes what a field means.
    for (const input of document.querySelectorAll('#report-form [data-kind="count"], #report-form [data-kind="percent"], #report-form [data-kind="decimal"]')) {
      const value = readValue(input);
      if (value !== undefined && (typeof value === "number" || NUMBER.test(value))) input.value = String(value);
    }
    lang = lang === "vi" ? "en" : "vi";
    applyLanguage();
  });
  applyLanguage();
  await loadExample("dien-bien-2021-q2-district");
  document.body.dataset.ready = "true";
}

main().catch((e) => {
  document.body.dataset.ready = "error";
  $("#general-error").hidden = false;
  $("#general-error").textContent = String(e?.message ?? e);
});
