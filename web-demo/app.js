// The clerk's page: a form that mirrors the annex table, recomputed on every change with
// the tthc-score package. No scoring logic here: validation, scores, findings, the table
// and the CSV all come from the package. The page owns only the form: reading numbers the
// way the clerk writes them, where each message goes, what may be printed or downloaded
// (never a sheet that differs from the form), and never losing the clerk's work.
import { init, profiles, renderTable, scoreResult, validate } from "tthc-score";
import { TEXT } from "./i18n.js";
import { convertTyped, formatValue, parseLocal } from "./numbers.js";
import { csvForSpreadsheet, fileName } from "./sheet.js";

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
const REPORT_KEYS = ["period", "unit", "dossiers", "perDossier", "perUnit", "officials", "declared"];
const NUMERIC = new Set(["count", "percent", "decimal", "year"]);
// Problems that say a value is missing: in a new report they wait until the clerk has been
// in the field (or asks to print or download), instead of covering a blank form in red.
const MISSING = new Set(["MISSING_FIELD", "UNIT_INDICATOR_EMPTY"]);
// A finding about a group that belongs to one field of it.
const FINDING_FIELD = { RECEIVED_BREAKDOWN_MISMATCH: "dossiers.received.total" };
const DRAFT = "tthcScoreDraft";

const state = {
  lang: "vi",
  extra: {}, // parts of an imported report the form does not edit (officials, declared scores)
  lastGood: null, // { report, options, scorecard } of the last valid form
  touched: new Set(), // paths of fields the clerk has been in
  revealAll: false, // show every missing value (a loaded file, or after a refused action)
  problems: [], // the form's problems now, as shown: { code, path, message, target, hidden }
  undo: null, // { what, snapshot } before the last import, example or new report
  announced: "",
};
const t = (key, ...args) => {
  const v = TEXT[state.lang][key] ?? key;
  return typeof v === "function" ? v(...args) : v;
};
const $ = (sel) => document.querySelector(sel);
const controls = () => document.querySelectorAll("#report-form [data-path]:is(input, select)");

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

/** One labelled input with its error slot and its note slot (findings on the field).
 * kind: text | count | percent | decimal | year | level | bool | select | flag */
function field(path, kind, label, options) {
  const id = idOf(path);
  const error = el("span", { class: "error", id: id + "-error" });
  const note = el("span", { class: "note", id: id + "-note" });
  const hint = options?.hint ? el("small", { class: "hint", id: id + "-hint", i18n: options.hint }) : null;
  const describedBy = [hint?.id, error.id, note.id].filter(Boolean).join(" ");
  let input;
  if (kind === "level" || kind === "bool" || kind === "select") {
    input = el("select", { id, path, "data-kind": kind, "aria-describedby": describedBy });
    const opts =
      kind === "level"
        ? [["", "levelNone"], ["2", "points2"], ["1", "points1"], ["0", "points0"]]
        : kind === "bool"
          ? [["", "none"], ["true", "yes"], ["false", "no"]]
          : options.choices;
    for (const [value, key] of opts) input.append(el("option", { value, i18n: key }));
  } else if (kind === "flag") {
    input = el("input", { id, path, type: "checkbox", "data-kind": kind, "aria-describedby": describedBy });
  } else {
    input = el("input", {
      id,
      path,
      type: "text",
      "data-kind": kind,
      inputmode: NUMERIC.has(kind) ? (kind === "count" || kind === "year" ? "numeric" : "decimal") : undefined,
      "aria-describedby": describedBy,
      spellcheck: "false",
    });
  }
  const wrap = el("div", { class: `field ${kind}` }, el("label", { for: id, i18n: label }), input, ...(hint ? [hint] : []), error, note);
  if (kind === "flag") wrap.classList.add("inline");
  return wrap;
}

function group(path, legend, hint, ...fields) {
  const id = idOf(path);
  const error = el("span", { class: "error group-error", id: id + "-error" });
  const note = el("span", { class: "note group-note", id: id + "-note" });
  const hintEl = hint ? el("p", { class: "hint", i18n: hint }) : "";
  return el("fieldset", { path, id, "aria-describedby": `${error.id} ${note.id}` }, el("legend", { i18n: legend }), hintEl, el("div", { class: "grid" }, ...fields), error, note);
}

function buildForm() {
  const form = $("#report-form");
  const periodOptions = [["", "wholeYear"], ...[1, 2, 3, 4].map((q) => [`q${q}`, `q${q}`]), ...Array.from({ length: 12 }, (_, i) => [`m${i + 1}`, `m${i + 1}`])];
  const levels = ["ministry", "province", "department", "district", "commune"];
  const unitSection = el(
    "section",
    { class: "card" },
    el("h2", { i18n: "sectionUnit" }),
    el(
      "div",
      { class: "grid" },
      field("unit.name", "text", "unitName"),
      field("unit.organization", "text", "organization"),
      field("unit.level", "select", "unitLevel", { choices: [["", "chooseLevel"], ...levels.map((v) => [v, `level_${v}`])] }),
      field("period.year", "year", "year"),
      field("period", "select", "period", { choices: periodOptions }),
      field("options.profile", "select", "profile", { choices: profiles().map((p) => [p.id, `profile_${p.id}`]) }),
      field("options.levelSource", "select", "levelSource", { choices: [["declared", "levelSource_declared"], ["facts", "levelSource_facts"]], hint: "levelSourceHint" }),
    ),
  );
  const counts = (path, keys) => keys.map(([k, label]) => field(`${path}.${k}`, "count", label));
  const dossiers = el(
    "section",
    { class: "card" },
    el("h2", { i18n: "sectionDossiers" }),
    group("dossiers.received", "received", null, ...counts("dossiers.received", [["online", "online"], ["direct", "direct"], ["carriedOver", "carriedOver"], ["total", "totalOptional"]])),
    group("dossiers.resolved", "resolved", null, ...counts("dossiers.resolved", [["early", "early"], ["onTime", "onTime"], ["late", "late"], ["total", "totalOptional"]])),
    group("dossiers.pending", "pending", null, ...counts("dossiers.pending", [["withinDeadline", "withinDeadline"], ["overdue", "overdue"]])),
  );
  const grades = [["two", "dossiers2"], ["one", "dossiers1"], ["zero", "dossiers0"]];
  const perDossier = el(
    "section",
    { class: "card" },
    el("h2", { i18n: "sectionPerDossier" }),
    el("p", { class: "hint", i18n: "perDossierHint" }),
    ...PER_DOSSIER.map((id) => group(`perDossier.${id}`, `ind_${id}`, id === "totalTime" ? "totalTimeHint" : null, ...counts(`perDossier.${id}`, grades))),
  );
  const perUnit = el(
    "section",
    { class: "card" },
    el("h2", { i18n: "sectionPerUnit" }),
    el("p", { class: "hint", i18n: "perUnitHint" }),
    ...Object.entries(FACTS).map(([id, facts]) =>
      group(
        `perUnit.${id}`,
        `ind_${id}`,
        null,
        field(`perUnit.${id}.level`, "level", "declaredLevel"),
        field(`perUnit.${id}.notApplicable`, "flag", "notApplicable"),
        ...facts.map(([k, kind, label]) => field(`perUnit.${id}.facts.${k}`, kind, label ?? k)),
      ),
    ),
  );
  const declared = el(
    "section",
    { class: "card" },
    el("h2", { i18n: "sectionDeclared" }),
    el("div", { class: "grid" }, field("declared.total", "decimal", "declaredTotal")),
    el("p", { id: "extra-note", class: "hint", hidden: "" }),
  );
  form.append(unitSection, dossiers, perDossier, perUnit, declared);
}

// ---- form <-> report ----------------------------------------------------------------

function setPath(obj, path, value) {
  const keys = path.split(".");
  let cur = obj;
  for (const k of keys.slice(0, -1)) cur = cur[k] ??= {};
  cur[keys.at(-1)] = value;
}

function getPath(obj, path) {
  return path.split(".").reduce((o, k) => (o == null || typeof o !== "object" ? undefined : o[k]), obj);
}

/**
 * The report the form holds, and what was typed in each numeric field. A number written
 * the local way is sent as its plain value (a JSON number for counts and years, a decimal
 * string for percentages and scores, so that "25,5" stays exactly 25.5); text that is no
 * number is sent as typed, so the package reports it at its field with everything else.
 */
function readForm() {
  const report = {
    period: {},
    unit: {},
    dossiers: { received: {}, resolved: {}, pending: {} },
    perDossier: Object.fromEntries(PER_DOSSIER.filter((id) => id !== "totalTime").map((id) => [id, {}])),
    perUnit: Object.fromEntries(Object.keys(FACTS).map((id) => [id, {}])),
  };
  const typed = new Map();
  for (const input of controls()) {
    const path = input.dataset.path;
    const kind = input.dataset.kind;
    if (path.startsWith("options.")) continue;
    if (path === "period") {
      const v = input.value;
      if (v.startsWith("q")) report.period.quarter = Number(v.slice(1));
      if (v.startsWith("m")) report.period.month = Number(v.slice(1));
      continue;
    }
    if (kind === "flag") {
      if (input.checked) setPath(report, path, true);
    } else if (kind === "level") {
      if (input.value !== "") setPath(report, path, Number(input.value));
    } else if (kind === "bool") {
      if (input.value !== "") setPath(report, path, input.value === "true");
    } else if (NUMERIC.has(kind)) {
      const r = parseLocal(input.value, state.lang, kind);
      if (r.empty) continue;
      const raw = input.value.trim();
      if (r.bad) {
        setPath(report, path, raw);
        typed.set(path, { raw, kind, bad: true });
      } else {
        const value = kind === "count" || kind === "year" ? Number(r.text) : r.text;
        setPath(report, path, value);
        typed.set(path, { raw, kind, sent: String(value) });
      }
    } else if (input.value.trim() !== "") {
      setPath(report, path, input.value.trim());
    }
  }
  if (state.extra.officials !== undefined) report.officials = state.extra.officials;
  if (state.extra.declaredScores !== undefined) (report.declared ??= {}).scores = state.extra.declaredScores;
  return { report, typed };
}

function options() {
  return {
    profile: $("#f-options-profile").value,
    interpretations: { levelSource: $("#f-options-levelSource").value },
  };
}

/** Puts a report into the form: every field set (nothing of the previous form lingers),
 * numbers written the local way. */
function fillForm(report) {
  state.extra = { officials: report.officials, declaredScores: report.declared?.scores };
  for (const input of controls()) {
    const path = input.dataset.path;
    const kind = input.dataset.kind;
    if (path.startsWith("options.")) continue;
    if (path === "period") {
      const p = report.period ?? {};
      input.value = p.quarter ? `q${p.quarter}` : p.month ? `m${p.month}` : "";
      continue;
    }
    const v = getPath(report, path);
    if (kind === "flag") input.checked = v === true;
    else if (NUMERIC.has(kind)) input.value = formatValue(v, state.lang, kind);
    else input.value = v === undefined || v === null ? "" : String(v);
  }
}

/** What a clerk sees as the name of a field: its group's legend and its label. */
function describe(target) {
  if (!target) return "";
  if (target.tagName === "FIELDSET") return target.querySelector("legend").textContent;
  const label = target.labels?.[0]?.textContent ?? target.dataset.path;
  const legend = target.closest("fieldset")?.querySelector("legend")?.textContent;
  return legend ? `${legend} › ${label}` : label;
}

function targetFor(path) {
  let p = path;
  while (p) {
    const found = document.querySelector(`#report-form [data-path="${CSS.escape(p)}"]`);
    if (found) return found;
    p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "";
  }
  return null;
}

// ---- problems -----------------------------------------------------------------------

/** The field-name part of a package message ("Số hồ sơ …: số lượng …" → "Số hồ sơ …"). */
const namePart = (message) => {
  const i = message.indexOf(": ");
  return i > 0 ? message.slice(0, i) : null;
};

/**
 * A problem in the clerk's words. The package names the field and says what is wrong with
 * the value; the page answers for how the value was typed: text that is no number is the
 * page's message ("“abc” không phải là số"), and a value the page converted is quoted as the
 * clerk typed it ("1,5", not "1.5").
 */
function inClerksWords(p, typed, target) {
  const lang = state.lang;
  let message = p.message[lang];
  const entry = typed.get(p.path);
  if (entry?.bad) {
    const name = namePart(message) ?? describe(target);
    message = `${name}: ${entry.kind === "year" ? t("notYear", entry.raw) : t("notNumber", entry.raw)}`;
  } else if (entry && entry.raw !== entry.sent) {
    const [from, to] = lang === "vi" ? [`(giá trị: ${entry.sent})`, `(giá trị: ${entry.raw})`] : [`got ${entry.sent}`, `got ${entry.raw}`];
    message = message.replace(from, to);
  }
  if (p.code === "UNIT_INDICATOR_EMPTY" && target) message = t("unitEmpty", describe(target));
  return message;
}

function isTouched(path, target) {
  if (state.revealAll) return true;
  if (state.touched.has(path)) return true;
  if (target?.tagName === "FIELDSET") return [...target.querySelectorAll("[data-path]")].some((e) => state.touched.has(e.dataset.path));
  return false;
}

// ---- recompute and render ----------------------------------------------------------------

function hasFigures() {
  return [...controls()].some((i) => (i.dataset.path.startsWith("dossiers.") || i.dataset.path.startsWith("perDossier.")) && i.value.trim() !== "");
}

function recompute() {
  const { report, typed } = readForm();
  let raw = validate(report);
  let scorecard = null;
  const opts = options();
  if (!raw.length) {
    const outcome = scoreResult(report, opts);
    if ("errors" in outcome) raw = outcome.errors;
    else scorecard = outcome.scorecard;
  }
  state.problems = raw.map((p) => {
    const target = targetFor(p.path);
    const hidden = MISSING.has(p.code) && !isTouched(p.path, target);
    return { code: p.code, path: p.path, target, hidden, message: inClerksWords(p, typed, target) };
  });
  if (scorecard) state.lastGood = { report, options: opts, scorecard };
  else if (!hasFigures()) state.lastGood = null; // a cleared form keeps no earlier figures
  const valid = scorecard !== null;
  document.body.dataset.state = valid ? "valid" : "invalid";
  renderFieldMessages(valid ? scorecard.findings : []);
  renderNotice(valid);
  renderResults(valid);
  renderBar(valid);
}

function clearFieldMessages() {
  for (const e of document.querySelectorAll("#report-form .error, #report-form .note")) {
    e.replaceChildren();
    delete e.dataset.code;
  }
  for (const e of document.querySelectorAll("#report-form [aria-invalid]")) e.removeAttribute("aria-invalid");
  for (const e of document.querySelectorAll("#report-form [data-finding]")) delete e.dataset.finding;
}

/** Every problem next to its field (or its group), every finding of the current form on
 * the field it is about; problems of parts the form does not show, in the general box. */
function renderFieldMessages(findings) {
  clearFieldMessages();
  const general = [];
  for (const p of state.problems) {
    if (p.hidden) continue;
    if (!p.target) {
      general.push(p);
      continue;
    }
    const slot = document.getElementById(idOf(p.target.dataset.path) + "-error");
    slot.append(el("span", { class: "msg", "data-code": p.code }, p.message));
    slot.dataset.code ??= p.code;
    p.target.setAttribute("aria-invalid", "true");
  }
  const box = $("#general-error");
  box.hidden = general.length === 0;
  box.replaceChildren(...(general.length ? [el("p", {}, t("otherProblems")), el("ul", {}, ...general.map((p) => el("li", { "data-code": p.code }, whose(p.path) + p.message)))] : []));
  for (const f of findings) {
    if (f.severity === "info") continue;
    const target = targetFor(FINDING_FIELD[f.code] ?? f.path);
    if (!target) continue;
    const slot = document.getElementById(idOf(target.dataset.path) + "-note");
    slot.append(el("span", { class: `msg ${f.severity}`, "data-code": f.code }, f.message[state.lang]));
    slot.dataset.code ??= f.code;
    target.dataset.finding = f.severity;
  }
}

/** "Cán bộ Nguyễn Văn A: " before a problem of one official (the package's message names
 * the field, not the official). */
function whose(path) {
  const m = /^officials\[(\d+)\]/.exec(path);
  if (!m) return "";
  const name = state.extra.officials?.[Number(m[1])]?.name;
  return `${t("official", Number(m[1]) + 1, typeof name === "string" ? name : "")}: `;
}

function counts() {
  const shown = state.problems.filter((p) => !p.hidden);
  return { shown, errors: shown.length, missing: state.problems.length - shown.length };
}

let noticeKey = null;
function renderNotice(valid) {
  const notice = $("#invalid-notice");
  const list = $("#print-invalid-list");
  if (valid) {
    noticeKey = null;
    notice.hidden = true;
    notice.replaceChildren();
    list.replaceChildren();
    return;
  }
  const { shown, errors, missing } = counts();
  const targets = [];
  for (const p of shown) if (!targets.some((x) => x.target === p.target)) targets.push(p);
  // Rebuilt only when it changes: a link under the pointer stays while the clerk clicks it.
  const key = JSON.stringify([state.lang, errors, missing, state.lastGood !== null, targets.map((p) => p.path), state.problems.map((p) => p.message)]);
  if (key === noticeKey) return;
  noticeKey = key;
  const links = targets.slice(0, 8).map((p) => {
    const name = p.target ? describe(p.target) : whose(p.path).replace(/: $/, "") || namePart(p.message) || t("otherPart");
    const b = el("button", { type: "button", class: "link", "data-path": p.path }, name);
    b.addEventListener("click", () => (p.target ? focusField(p.target) : $("#general-error").scrollIntoView({ block: "center" })));
    return el("li", {}, b);
  });
  if (targets.length > 8) links.push(el("li", {}, t("andMore", targets.length - 8)));
  const parts = [el("p", { class: "summary" }, t("invalidSummary", errors, missing)), el("p", {}, state.lastGood ? t("staleNotice") : t("noResultYet"))];
  if (links.length) parts.push(el("p", {}, t("fixThese")), el("ul", { class: "blocking" }, ...links));
  if (missing) {
    const b = el("button", { type: "button", id: "show-missing" }, t("showMissing"));
    b.addEventListener("click", () => revealAndFocus());
    parts.push(b);
  }
  notice.replaceChildren(...parts);
  notice.hidden = false;
  // On paper, in place of the results: every problem, hidden or not.
  list.replaceChildren(...state.problems.map((p) => el("li", {}, p.message)));
}

let rendered = { key: null };
function renderResults(valid) {
  const results = $("#results");
  results.toggleAttribute("data-stale", !valid && state.lastGood !== null);
  $("#stale-ribbon").hidden = valid || state.lastGood === null;
  const key = state.lastGood;
  if (rendered.key === key && rendered.lang === state.lang) return;
  rendered = { key, lang: state.lang };
  const officialsBox = $("#officials");
  if (!state.lastGood) {
    $("#total").textContent = "—";
    $("#rating").textContent = "—";
    officialsBox.replaceChildren();
    $("#findings").replaceChildren();
    $("#table").replaceChildren(el("p", { class: "muted" }, t("tableLater")));
    return;
  }
  const { report, options: opts, scorecard: card } = state.lastGood;
  const lang = state.lang;
  $("#total").textContent = `${card.total.display[lang]} / ${card.total.maximumDisplay[lang]}`;
  $("#rating").textContent = card.total.rating ? card.total.rating.label[lang] : "—";
  const line = (name, o) => el("li", {}, `${name}: ${o.display[lang]} / ${o.maximum}`, o.band ? ` — ${o.band.label[lang]}` : "");
  const list = el("ul", {}, line(t("officialsUnit"), card.officials.unit), ...(card.officials.individuals ?? []).map((o) => line(o.name, o)));
  officialsBox.replaceChildren(el("h3", {}, t("officials")), list);
  const findings = card.findings.map((f) =>
    el("li", { class: `finding ${f.severity}`, "data-code": f.code }, el("span", { class: "badge" }, t(`severity_${f.severity}`)), ` ${f.message[lang]}`),
  );
  $("#findings").replaceChildren(...(findings.length ? findings : [el("li", { class: "none" }, t("noFindings"))]));
  // The package escapes every text it puts in the HTML table.
  $("#table").innerHTML = renderTable(report, { ...opts, format: "html", lang });
  labelCells($("#table"));
}

/** Gives each cell of the annex table its column's name, for the stacked phone layout. */
function labelCells(root) {
  const heads = [...root.querySelectorAll("thead tr:first-child th")].map((th) => th.textContent);
  for (const tr of root.querySelectorAll("tbody tr")) [...tr.cells].forEach((c, i) => (c.dataset.label = heads[i] ?? ""));
}

function renderBar(valid) {
  const card = state.lastGood?.scorecard;
  const lang = state.lang;
  const total = card ? `${card.total.display[lang]} / ${card.total.maximumDisplay[lang]}` : "—";
  const rating = card?.total.rating ? card.total.rating.label[lang] : "—";
  const stale = !valid && card;
  const text = t("announce", total, rating) + (stale ? ` ${t("announceStale")}` : "");
  // The page's one live region: it changes (and is read out) only when the total, the
  // rating or their validity changes — never for the table or a field message.
  if (text !== state.announced) {
    state.announced = text;
    $("#announce").replaceChildren(
      el("span", { class: "bar-label" }, t("totalScore")),
      " ",
      el("strong", { id: "bar-total" }, total),
      el("span", { class: "bar-sep", "aria-hidden": "true" }, " · "),
      el("span", { class: "visually-hidden" }, `${t("rating")} `),
      el("strong", { id: "bar-rating" }, rating),
      ...(stale ? [" ", el("span", { class: "bar-stale" }, `(${t("barStale")})`)] : []),
    );
  }
  const button = $("#bar-problems");
  const { errors, missing } = counts();
  button.hidden = valid;
  button.textContent = errors ? t("errorsButton", errors) : t("missingButton", missing);
  // Print and CSV stay pressable (they say why they refuse); their description says so first.
  $("#blocked-reason").textContent = valid ? "" : t("blockedReason");
}

function focusField(target) {
  if (!target) return;
  const focusable = target.tagName === "FIELDSET" ? target.querySelector("input, select") : target;
  focusable?.focus();
  focusable?.scrollIntoView({ block: "center" });
}

function revealAndFocus() {
  state.revealAll = true;
  recompute();
  focusField(state.problems.find((p) => p.target)?.target);
}

// ---- actions: messages, undo ---------------------------------------------------------

function say(text, kind = "info", action = null) {
  const box = $("#action-message");
  box.className = `action-message ${kind}`;
  box.replaceChildren(el("span", {}, text), ...(action ? [" ", action] : []));
  box.hidden = false;
}

function snapshot() {
  return {
    lang: state.lang,
    values: [...controls()].map((i) => [i.dataset.path, i.type === "checkbox" ? i.checked : i.value, i.dataset.kind]),
    extra: state.extra,
    touched: new Set(state.touched),
    revealAll: state.revealAll,
    lastGood: state.lastGood,
  };
}

/** Puts a snapshot (or a draft) back; numbers typed in the other language are rewritten so
 * that they mean what they meant. */
function restore(s) {
  const byPath = new Map(s.values.map(([path, value]) => [path, value]));
  for (const input of controls()) {
    if (!byPath.has(input.dataset.path)) continue;
    const v = byPath.get(input.dataset.path);
    if (input.type === "checkbox") input.checked = v === true;
    else input.value = NUMERIC.has(input.dataset.kind) && s.lang !== state.lang ? convertTyped(String(v), s.lang, state.lang, input.dataset.kind) : String(v);
  }
  state.extra = s.extra ?? {};
  state.touched = new Set(s.touched ?? []);
  state.revealAll = s.revealAll ?? true;
  state.lastGood = s.lastGood ?? null;
  renderExtraNote();
  recompute();
}

/** Replaces the whole form, keeping what it held for one undo. */
function replaceForm(what, fill) {
  const before = snapshot();
  fill();
  state.undo = { what, snapshot: before };
  renderUndo();
  renderExtraNote();
  recompute();
}

function renderUndo() {
  const b = $("#undo");
  b.hidden = !state.undo;
  if (state.undo) b.textContent = t(`undo_${state.undo.what}`);
}

function renderExtraNote() {
  const note = $("#extra-note");
  const officials = Array.isArray(state.extra.officials) ? state.extra.officials.length : 0;
  const scores = state.extra.declaredScores && typeof state.extra.declaredScores === "object" ? Object.keys(state.extra.declaredScores).length : 0;
  note.hidden = !(officials || scores);
  note.textContent = officials || scores ? t("extraNote", officials, scores) : "";
}

function loadReport(what, report) {
  replaceForm(what, () => {
    fillForm(report);
    state.touched = new Set();
    state.revealAll = true;
    state.lastGood = null;
  });
}

/** A blank report for the current quarter (the page reads the clock; the package never does). */
function newReport() {
  const now = new Date();
  const year = now.getFullYear();
  const quarter = Math.floor(now.getMonth() / 3) + 1;
  replaceForm("new", () => {
    fillForm({ period: { year, quarter } });
    state.touched = new Set();
    state.revealAll = false;
    state.lastGood = null;
    // The first rule profile in force in that quarter, if any (else the current choice).
    const start = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, "0")}-01`;
    const end = `${year}-${String(quarter * 3).padStart(2, "0")}-${["31", "30", "30", "31"][quarter - 1]}`;
    const fits = profiles().find((p) => (!p.validFrom || p.validFrom <= start) && (!p.validUntil || p.validUntil >= end));
    if (fits) $("#f-options-profile").value = fits.id;
  });
}

async function loadExample(name) {
  const response = await fetch(`./examples/${name}.json`);
  loadReport("example", await response.json());
  $("#action-message").hidden = true;
}

// ---- import ---------------------------------------------------------------------------

const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

function jsonWhere(text, error) {
  const m = /position (\d+)/.exec(error.message);
  if (!m) return "";
  const before = text.slice(0, Number(m[1]));
  const line = before.split("\n").length;
  return t("jsonWhere", line, Number(m[1]) - before.lastIndexOf("\n"));
}

/** Why `value` is no report ("" when it is one): not an object, entries a report does not
 * have, or none of a report's parts — never loaded as an empty form. */
function notAReport(value) {
  if (!isObject(value)) return t("reasonNotObject");
  const unknown = Object.keys(value).filter((k) => !REPORT_KEYS.includes(k));
  if (unknown.length) return t("reasonUnknownKeys", unknown.slice(0, 5).join(", "));
  if (!["period", "unit", "dossiers", "perDossier", "perUnit"].some((k) => k in value)) return t("reasonNoReportKeys");
  return "";
}

/** The values of a report the form cannot hold (it would drop them): fields unknown to the
 * report (the package says which), a part that is no object, a choice not in its list. */
function unfit(report) {
  const out = validate(report)
    .filter((p) => p.code === "UNKNOWN_FIELD" || p.code === "DUPLICATE_FIELD")
    .map((p) => p.message[state.lang]);
  const groups = ["period", "unit", "dossiers", "dossiers.received", "dossiers.resolved", "dossiers.pending", "perDossier", "perUnit", "declared"];
  for (const id of PER_DOSSIER) groups.push(`perDossier.${id}`);
  for (const id of Object.keys(FACTS)) groups.push(`perUnit.${id}`, `perUnit.${id}.facts`);
  for (const g of groups) {
    const v = getPath(report, g);
    if (v !== undefined && !isObject(v)) out.push(t("notAGroup", describe(targetFor(g)) || g));
  }
  if (out.length) return out;
  if (isObject(report.period) && report.period.quarter !== undefined && report.period.month !== undefined) out.push(validate(report).find((p) => p.path.startsWith("period"))?.message[state.lang] ?? "period");
  for (const input of controls()) {
    const path = input.dataset.path;
    const kind = input.dataset.kind;
    const v = path === "period" ? (isObject(report.period) ? (report.period.quarter !== undefined ? `q${report.period.quarter}` : report.period.month !== undefined ? `m${report.period.month}` : undefined) : undefined) : getPath(report, path);
    if (v === undefined || v === null || path.startsWith("options.")) continue;
    if (typeof v === "object") out.push(t("notAGroup", describe(input)));
    else if (kind === "flag" && typeof v !== "boolean") out.push(t("notInList", describe(input), String(v)));
    else if (input.tagName === "SELECT" && ![...input.options].some((o) => o.value !== "" && o.value === String(v))) out.push(t("notInList", describe(input), String(v)));
  }
  return out;
}

async function importFile(file) {
  const text = (await file.text()).replace(/^\uFEFF/, "");
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    say(t("importBrokenJson", file.name, jsonWhere(text, err)), "error");
    return;
  }
  if (isObject(value) && value[DRAFT] === 1 && Array.isArray(value.values)) {
    const before = snapshot();
    restore({ lang: value.lang === "en" ? "en" : "vi", values: value.values.filter((v) => Array.isArray(v)), extra: value.extra ?? {}, touched: [], revealAll: true, lastGood: null });
    state.undo = { what: "import", snapshot: before };
    renderUndo();
    say(t("importedDraft", file.name), "info");
    return;
  }
  const why = notAReport(value);
  if (why) {
    say(t("importNotReport", file.name, why), "error");
    return;
  }
  const lost = unfit(value);
  if (lost.length) {
    say(t("importUnfit", file.name, lost.slice(0, 5).join("; ")), "error");
    return;
  }
  loadReport("import", value);
  say(t("imported", file.name), "info");
}

// ---- export, download, print ------------------------------------------------------------------

function download(name, type, text) {
  const a = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** Refuses an action while the form is invalid: every missing value is shown, and the
 * clerk is told why (the message is announced: it answers a click). */
function refuse(what) {
  state.revealAll = true;
  recompute();
  const { errors, missing } = counts();
  say(t("refused", t(what), t("refusedDesc", errors, missing)), "error");
}

function exportJson() {
  const { report } = readForm();
  if (document.body.dataset.state === "valid") {
    download(fileName("bao-cao-tthc", report, "json"), "application/json", JSON.stringify(report, null, 2) + "\n");
    return;
  }
  // Work in progress is saved, marked so that nobody takes it for a report: the package
  // refuses it (unknown fields), this page opens it again as it was.
  const s = snapshot();
  const draft = {
    "KHÔNG HỢP LỆ / INVALID": t("draftMark"),
    [DRAFT]: 1,
    lang: s.lang,
    problems: state.problems.map((p) => ({ code: p.code, path: p.path, message: p.message })),
    values: s.values.map(([path, value]) => [path, value]),
    extra: s.extra,
  };
  download(fileName("bao-cao-tthc", report, "json", "KHONG-HOP-LE"), "application/json", JSON.stringify(draft, null, 2) + "\n");
  say(t("draftSaved"), "warning");
}

function downloadCsv() {
  if (document.body.dataset.state !== "valid") return refuse("refusedCsv");
  const { report, options: opts } = state.lastGood;
  const csv = renderTable(report, { ...opts, format: "csv", lang: state.lang });
  download(fileName("bang-cham-diem", report, "csv"), "text/csv;charset=utf-8", csvForSpreadsheet(csv, state.lang));
}

function print() {
  if (document.body.dataset.state !== "valid") return refuse("refusedPrint");
  window.print();
}

// ---- language -------------------------------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang;
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
  $("#lang").setAttribute("lang", state.lang === "vi" ? "en" : "vi");
  renderUndo();
  renderExtraNote();
  recompute();
}

function switchLanguage() {
  const to = state.lang === "vi" ? "en" : "vi";
  // Each number is rewritten the new language's way ("1.147" → "1,147", "25,5" → "25.5"),
  // so that switching never changes what a field means; text that is no number stays.
  for (const input of controls()) {
    if (NUMERIC.has(input.dataset.kind)) input.value = convertTyped(input.value, state.lang, to, input.dataset.kind);
  }
  state.lang = to;
  $("#action-message").hidden = true;
  applyLanguage();
}

// ---- start ------------------------------------------------------------------------------------

async function main() {
  await init();
  buildForm();
  const form = $("#report-form");
  form.addEventListener("input", (e) => {
    if (e.target.dataset.path) state.touched.add(e.target.dataset.path);
    recompute();
  });
  form.addEventListener("change", (e) => {
    const input = e.target;
    if (input.dataset.path) state.touched.add(input.dataset.path);
    // Leaving a number field writes the number the local way ("1147" → "1.147").
    if (NUMERIC.has(input.dataset.kind)) {
      const r = parseLocal(input.value, state.lang, input.dataset.kind);
      if (r.text !== undefined) input.value = convertTyped(input.value, state.lang, state.lang, input.dataset.kind);
    }
    recompute();
  });
  form.addEventListener("focusout", (e) => {
    const path = e.target.dataset?.path;
    if (path && !state.touched.has(path)) {
      state.touched.add(path);
      recompute();
    }
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  $("#new-report").addEventListener("click", () => {
    newReport();
    $("#action-message").hidden = true;
    $("#f-unit-name").focus();
  });
  $("#load-district").addEventListener("click", () => loadExample("dien-bien-2021-q2-district"));
  $("#load-commune").addEventListener("click", () => loadExample("dien-bien-2021-q2-commune"));
  $("#import-file").addEventListener("change", async (e) => {
    const file = e.target.files[0];
    e.target.value = "";
    if (file) await importFile(file);
  });
  $("#undo").addEventListener("click", () => {
    if (!state.undo) return;
    const { snapshot: s } = state.undo;
    state.undo = null;
    renderUndo();
    restore(s);
    say(t("undone"), "info");
  });
  $("#bar-problems").addEventListener("click", () => revealAndFocus());
  $("#export-json").addEventListener("click", exportJson);
  $("#download-csv").addEventListener("click", downloadCsv);
  $("#print").addEventListener("click", print);
  $("#lang").addEventListener("click", switchLanguage);
  fillForm({});
  applyLanguage();
  newReport();
  state.undo = null; // nothing to undo on a fresh page
  renderUndo();
  document.body.dataset.ready = "true";
}

main().catch((e) => {
  document.body.dataset.ready = "error";
  $("#general-error").hidden = false;
  $("#general-error").textContent = String(e?.message ?? e);
});
