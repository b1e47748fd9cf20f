// The 766 index page: a unit's counts for each indicator of Decision 766/QĐ-TTg (100
// points), scored in the browser by the "tthc-score/province" entry's scoreIndex(). No
// scoring logic here: the page reads the fields (numbers written the local way, numbers.js),
// sends plain counts, and shows what the package returns — per indicator the ratio, the
// points, the derivation and how sure the rule is; per group the sum; the total, the band
// and every note — or the package's coded problems beside their fields.
import { init, scoreIndex, TthcScoreError } from "tthc-score/province";
import { INDEX766_TEXT as TEXT } from "./i18n.js";
import { parseLocal, formatValue, convertTyped } from "./numbers.js";

const BUILT_IN = "vn-766";
const EXAMPLE_PROFILE = "./examples/index-766-province-bands.json";
const EXAMPLE_INPUT = "./examples/index-766-example.json";
const LEVELS = ["ministry", "province", "department", "commune"];

const state = {
  lang: "vi",
  /** The example province profile (a complete ratio-index profile: vn-766 with bands). */
  bandsProfile: null,
  /** The form's structure: vn-766's groups and indicators (the example profile is vn-766 plus bands). */
  groups: [],
  touched: new Set(),
  result: null,
};

const $ = (s) => document.querySelector(s);
const t = (k, ...args) => {
  const v = TEXT[state.lang][k];
  return typeof v === "function" ? v(...args) : v;
};
const fmt = (v) => (v === undefined || v === null ? "" : formatValue(v, state.lang));
const slug = (id) => id.replace(/[^A-Za-z0-9]/g, "_");

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? "" : v);
  e.append(...children);
  return e;
}

// ---- the form ----------------------------------------------------------------------------------

/** A count field: its label (visible word + the indicator's id for screen readers and
 * tests), the input with its JSON path, and the error beside it. */
function countField(id, word, path, suffix) {
  const fid = `f-${slug(id)}${suffix ? "-" + suffix : ""}-${word === "numerator" ? "num" : "den"}`;
  return el(
    "div",
    { class: "field" },
    el("label", { for: fid }, el("span", { "data-i18n": word }), el("span", { class: "visually-hidden" }, ` ${id}${suffix ?? ""}`)),
    el("input", { type: "text", id: fid, inputmode: "decimal", "data-path": path, "data-indicator": id, "aria-describedby": `${fid}-error` }),
    el("span", { class: "error", id: `${fid}-error`, "data-error-for": path }),
  );
}

function buildForm() {
  const groups = state.groups.map((g) =>
    el(
      "fieldset",
      { class: "card group766", "data-group": g.id },
      el("legend", {}, el("span", { class: "group-title", "data-group-name": g.id }), " ", el("span", { class: "muted", "data-group-max": g.id })),
      ...g.indicators.map((ind) => {
        const base = `indicators.${ind.id}`;
        const conv = ind.conversion;
        const fields =
          conv.kind === "weightedSum"
            ? conv.parts.map((p) =>
                el(
                  "div",
                  { class: "part", "data-part": p.id },
                  el("p", { class: "part-name", "data-part-name": p.id }),
                  el("div", { class: "pair" }, countField(ind.id, "numerator", `${base}.parts.${p.id}.numerator`, p.id), countField(ind.id, "denominator", `${base}.parts.${p.id}.denominator`, p.id)),
                ),
              )
            : [el("div", { class: "pair" }, countField(ind.id, "numerator", `${base}.numerator`), countField(ind.id, "denominator", `${base}.denominator`))];
        return el(
          "div",
          { class: "indicator", "data-id": ind.id, "data-shown-only": String(conv.kind === "shownOnly") },
          el("p", { class: "ind-head" }, el("strong", { class: "ind-id" }, ind.id), " ", el("span", { class: "ind-name" }), " ", el("span", { class: "ind-rule muted" })),
          ...fields,
          el("span", { class: "error", "data-error-for": base }),
          el(
            "div",
            { class: "ind-out" },
            el("p", { class: "ind-figures" }, el("span", { class: "ind-ratio" }), el("span", { class: "ind-points" })),
            el("p", { class: "ind-derivation" }),
            el("p", { class: "ind-trust" }, el("span", { class: "badge confidence" }), el("span", { class: "badge inferred", hidden: true })),
          ),
        );
      }),
    ),
  );
  $("#groups").replaceChildren(...groups);
}

/** Words that depend on the language: labels, names, rules; then the results again. */
function applyText() {
  document.documentElement.lang = state.lang;
  document.title = `${t("title")} — tthc-score`;
  $("#lang").lang = state.lang === "vi" ? "en" : "vi";
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  fillProfiles();
  fillSelect($("#unit-level"), [["", t("levelNone")], ...LEVELS.map((l) => [l, t(`level_${l}`)])]);
  fillSelect($("#period"), [["year", t("wholeYear")], ...[1, 2, 3, 4].map((q) => [`q${q}`, t("quarter", q)]), ...Array.from({ length: 12 }, (_, i) => [`m${i + 1}`, t("month", i + 1)])], "q3");
  for (const g of state.groups) {
    document.querySelector(`[data-group-name="${g.id}"]`).textContent = `${g.id}. ${g.name[state.lang]}`;
    document.querySelector(`[data-group-max="${g.id}"]`).textContent = t("groupMax", fmt(g.maximum));
    for (const ind of g.indicators) {
      const row = indicatorRow(ind.id);
      row.querySelector(".ind-name").textContent = ind.name[state.lang];
      row.querySelector(".ind-rule").textContent = `(${t("rule", fmt(ind.maximum), ruleWords(ind.conversion))}${ind.conversion.kind === "shownOnly" ? ` · ${t("optional")}` : ""})`;
      for (const p of ind.conversion.parts ?? []) row.querySelector(`[data-part-name="${p.id}"]`).textContent = `${p.id}) ${p.name[state.lang]}`;
    }
  }
}

function fillSelect(select, options, fallback) {
  const current = select.value || fallback || options[0][0];
  select.replaceChildren(...options.map(([v, text]) => el("option", { value: v }, text)));
  select.value = current;
}

function fillProfiles() {
  const options = [[BUILT_IN, t("profileBuiltIn")]];
  if (state.bandsProfile) options.push([state.bandsProfile.id, state.bandsProfile.name[state.lang]]);
  fillSelect($("#profile"), options, BUILT_IN);
}

function ruleWords(conv) {
  switch (conv.kind) {
    case "saturating":
      return t("conv_saturating", fmt(conv.threshold));
    case "complement":
      return conv.threshold ? t("conv_complementT", fmt(conv.threshold)) : t("conv_complement");
    default:
      return t(`conv_${conv.kind}`);
  }
}

const indicatorRow = (id) => document.querySelector(`.indicator[data-id="${CSS.escape(id)}"]`);

// ---- reading the form --------------------------------------------------------------------------

/** The input the package scores, and the page's own problems (text that is no number). */
function readForm() {
  const own = [];
  const count = (input) => {
    const r = parseLocal(input.value, state.lang);
    if (r.empty) return undefined;
    if (r.bad) {
      own.push({ code: "NOT_A_NUMBER", path: input.dataset.path, message: { vi: `“${input.value.trim()}” không phải là số (viết như 1.200 hoặc 12)`, en: `“${input.value.trim()}” is not a number (write e.g. 1,200 or 12)` } });
      return undefined;
    }
    return Number(r.text);
  };
  const pair = (num, den) => {
    const o = {};
    const n = count(num);
    const d = count(den);
    if (n !== undefined) o.numerator = n;
    if (d !== undefined) o.denominator = d;
    return o;
  };
  const filled = (o) => o.numerator !== undefined || o.denominator !== undefined;
  const indicators = {};
  for (const g of state.groups) {
    for (const ind of g.indicators) {
      const row = indicatorRow(ind.id);
      const inputs = row.querySelectorAll("input");
      const anyTyped = [...inputs].some((i) => i.value.trim() !== "");
      if (ind.conversion.kind === "weightedSum") {
        const parts = {};
        for (const p of ind.conversion.parts) {
          const [num, den] = row.querySelectorAll(`[data-part="${p.id}"] input`);
          const o = pair(num, den);
          if (filled(o) || num.value.trim() || den.value.trim()) parts[p.id] = o;
        }
        if (anyTyped) indicators[ind.id] = { parts };
      } else {
        const [num, den] = inputs;
        const o = pair(num, den);
        if (anyTyped) indicators[ind.id] = o;
      }
    }
  }
  const period = {};
  const yearText = $("#year").value.trim();
  if (yearText !== "") {
    const y = parseLocal(yearText, state.lang, "year");
    if (y.bad) own.push({ code: "NOT_A_NUMBER", path: "period.year", message: { vi: `“${yearText}” không phải là năm (ví dụ 2026)`, en: `“${yearText}” is not a year (e.g. 2026)` } });
    else period.year = Number(y.text);
  }
  const p = $("#period").value;
  if (p.startsWith("q")) period.quarter = Number(p.slice(1));
  if (p.startsWith("m")) period.month = Number(p.slice(1));
  const unit = { name: $("#unit-name").value.trim() };
  if ($("#unit-level").value) unit.level = $("#unit-level").value;
  return { input: { period, unit, indicators }, own };
}

function options() {
  const v = $("#profile").value;
  const o = { profile: v === BUILT_IN || !state.bandsProfile ? BUILT_IN : state.bandsProfile };
  // An empty choice leaves the profile's own setting in force.
  if ($("#zero-denominator").value) o.zeroDenominator = $("#zero-denominator").value;
  if ($("#part-rounding").value) o.partRounding = $("#part-rounding").value;
  return o;
}

const anyInput = () => [...document.querySelectorAll("#groups input")].some((i) => i.value.trim() !== "");

// ---- scoring and showing -----------------------------------------------------------------------

function recompute() {
  const { input, own } = readForm();
  let result = null;
  let problems = [];
  if (anyInput()) {
    try {
      result = scoreIndex(input, options());
    } catch (e) {
      if (e instanceof TthcScoreError) problems = e.problems;
      else problems = [{ code: "INTERNAL", path: "", message: { vi: String(e?.message ?? e), en: String(e?.message ?? e) } }];
    }
  }
  // The page's own problem (text that is no number) wins at its field: the package only saw the field missing.
  const ownPaths = new Set(own.map((p) => p.path));
  problems = [...own, ...problems.filter((p) => !ownPaths.has(p.path))];
  if (own.length) result = null;
  state.result = result;
  showProblems(problems);
  showResult(result, problems);
}

/** Where a problem is shown: the field of its path, else its indicator's row, else the general box. */
function targetOf(path) {
  const boxes = document.querySelectorAll("[data-error-for]");
  let best = null;
  for (const b of boxes) {
    const p = b.dataset.errorFor;
    if ((path === p || path.startsWith(p + ".")) && (!best || p.length > best.dataset.errorFor.length)) best = b;
  }
  if (best) return best;
  if (path.startsWith("period.year") || path === "period") return $("#year-error");
  if (path.startsWith("period.")) return $("#period-error");
  if (path.startsWith("unit.")) return $("#unit-name-error");
  return null;
}

function showProblems(problems) {
  for (const b of document.querySelectorAll("[data-error-for], #year-error, #period-error, #unit-name-error")) b.replaceChildren();
  for (const i of document.querySelectorAll("[aria-invalid]")) i.removeAttribute("aria-invalid");
  const general = [];
  let hiddenMissing = 0;
  for (const p of problems) {
    // Indicator ids have two parts ("1.1", "4.5a"): "indicators.3.6.parts.b.numerator" is 3.6's.
    const id = /^indicators\.([^.]+\.[^.]+)/.exec(p.path)?.[1];
    if (p.code === "MISSING_FIELD" && id && !state.touched.has(id)) {
      hiddenMissing++;
      continue;
    }
    const box = targetOf(p.path);
    const line = el("span", { class: "msg", "data-code": p.code }, `${p.message[state.lang]} `, el("code", {}, `[${p.code}]`));
    if (!box) {
      general.push(line);
      continue;
    }
    box.append(line);
    const field = box.id ? document.querySelector(`[aria-describedby~="${box.id}"], #${box.id.replace(/-error$/, "")}`) : null;
    field?.setAttribute("aria-invalid", "true");
  }
  $("#general-error").hidden = !general.length;
  $("#general-error").replaceChildren(...general);
  state.hiddenMissing = hiddenMissing;
}

function showResult(r, problems) {
  const status = $("#status");
  if (!anyInput()) status.textContent = t("empty");
  else if (!r) status.textContent = t("invalid", problems.length - (state.hiddenMissing ?? 0), state.hiddenMissing ?? 0);
  else status.textContent = t("computed", r.total.display[state.lang], r.total.band?.label[state.lang]);
  $("#result").dataset.state = r ? "ok" : anyInput() ? "invalid" : "empty";

  $("#total").textContent = r ? r.total.display[state.lang] : "—";
  $("#total-max").textContent = r ? `/ ${fmt(r.total.maximum)}` : "";
  const profileHasBands = options().profile !== BUILT_IN && state.bandsProfile?.bands?.length;
  $("#band").textContent = r ? (r.total.band ? r.total.band.label[state.lang] : profileHasBands ? "—" : t("noBands")) : "—";
  $("#band").dataset.code = r?.total.band?.code ?? "";
  const reduced = r && r.total.applicableMaximum !== r.total.maximum;
  $("#basis").hidden = !reduced;
  $("#basis").textContent = reduced ? t("basis", fmt(r.total.applicableMaximum), fmt(r.total.bandBasis), fmt(r.total.maximum)) : "";
  $("#basis").dataset.applicable = r?.total.applicableMaximum ?? "";
  $("#basis").dataset.bandBasis = r?.total.bandBasis ?? "";

  $("#group-table tbody").replaceChildren(
    ...(r
      ? r.groups.map((g) =>
          el(
            "tr",
            { "data-group": g.id },
            el("th", { scope: "row" }, `${g.id}. ${g.name[state.lang]}`),
            el("td", { class: "num points" }, fmt(g.points)),
            el("td", { class: "num" }, g.applicableMaximum !== g.maximum ? t("applicable", fmt(g.maximum), fmt(g.applicableMaximum)) : fmt(g.maximum)),
          ),
        )
      : [el("tr", {}, el("td", { colspan: "3", class: "muted" }, "—"))]),
  );
  $("#notes").replaceChildren(
    ...(r ? r.notes.map((n) => el("li", { "data-code": n.code, "data-indicator": n.indicator }, n.text[state.lang])) : []),
  );

  const scored = new Map((r?.indicators ?? []).map((i) => [i.id, i]));
  for (const g of state.groups) {
    for (const ind of g.indicators) {
      const row = indicatorRow(ind.id);
      const s = scored.get(ind.id);
      const out = row.querySelector(".ind-out");
      out.hidden = !s;
      row.dataset.status = s?.status ?? "";
      row.dataset.points = s?.points ?? "";
      if (s) {
        row.querySelector(".ind-name").textContent = s.name[state.lang];
        const shownOnly = s.status === "shownOnly" || ind.conversion.kind === "shownOnly";
        const ratio = s.ratioRounded === undefined ? (s.status === "zeroDenominator" ? t("zeroDen") : s.status === "notGiven" ? t("notGiven") : "") : `R = ${fmt(s.ratioRounded)}${shownOnly ? "" : " %"}`;
        row.querySelector(".ind-ratio").textContent = ratio;
        row.querySelector(".ind-points").textContent = shownOnly ? t("shownOnly") : s.counted ? t("pointsOf", fmt(s.points), fmt(s.maximum)) : t("notCounted", fmt(s.maximum));
        row.querySelector(".ind-derivation").textContent = s.derivation[state.lang];
        const conf = row.querySelector(".confidence");
        conf.textContent = t("confidence", t(`conf_${s.confidence}`));
        conf.dataset.confidence = s.confidence;
        row.querySelector(".inferred").hidden = !s.inferred;
        row.querySelector(".inferred").textContent = t("inferred");
      }
    }
  }
}

// ---- actions -----------------------------------------------------------------------------------

async function loadExample() {
  const ex = await (await fetch(EXAMPLE_INPUT)).json();
  clearForm();
  $("#unit-name").value = ex.unit.name ?? "";
  $("#unit-level").value = ex.unit.level ?? "";
  $("#year").value = String(ex.period.year);
  $("#period").value = ex.period.quarter ? `q${ex.period.quarter}` : ex.period.month ? `m${ex.period.month}` : "year";
  for (const [id, counts] of Object.entries(ex.indicators)) {
    const row = indicatorRow(id);
    if (!row) continue;
    state.touched.add(id);
    const set = (scope, c) => {
      const [num, den] = scope.querySelectorAll("input");
      num.value = fmt(c.numerator);
      den.value = fmt(c.denominator);
    };
    if (counts.parts) for (const [p, c] of Object.entries(counts.parts)) set(row.querySelector(`[data-part="${p}"]`), c);
    else set(row.querySelector(".pair"), counts);
  }
  recompute();
}

function clearForm() {
  for (const i of document.querySelectorAll("#groups input")) i.value = "";
  $("#unit-name").value = "";
  $("#unit-level").value = "";
  $("#year").value = String(new Date().getFullYear());
  state.touched.clear();
}

function switchLanguage() {
  const from = state.lang;
  state.lang = from === "vi" ? "en" : "vi";
  for (const i of document.querySelectorAll("#groups input")) i.value = convertTyped(i.value, from, state.lang);
  applyText();
  recompute();
}

async function main() {
  await init();
  // The form's structure is the example province profile's — vn-766's groups and
  // indicators with one province's bands added (the built-in profile itself stays in the
  // package); the results' names come from the package's result.
  state.bandsProfile = await (await fetch(EXAMPLE_PROFILE)).json();
  state.groups = state.bandsProfile.groups;
  buildForm();
  applyText();
  clearForm();

  $("#lang").addEventListener("click", switchLanguage);
  $("#load-example").addEventListener("click", () => loadExample().catch(showFatal));
  $("#clear").addEventListener("click", () => {
    clearForm();
    recompute();
  });
  $("#index-form").addEventListener("submit", (e) => e.preventDefault());
  $("#index-form").addEventListener("input", (e) => {
    if (e.target.dataset.indicator) state.touched.add(e.target.dataset.indicator);
    recompute();
  });
  $("#index-form").addEventListener("change", (e) => {
    // Rewrite a count the local way once it is left ("1200" → "1.200"); keep bad text as typed.
    if (e.target.dataset.indicator) e.target.value = convertTyped(e.target.value, state.lang, state.lang);
    recompute();
  });
  recompute();
  document.body.dataset.ready = "true";
}

function showFatal(e) {
  const box = $("#general-error");
  box.hidden = false;
  box.textContent = e instanceof TthcScoreError ? `${state.lang === "vi" ? e.messageVi : e.messageEn} [${e.code}]` : String(e?.message ?? e);
}

main().catch((e) => {
  showFatal(e);
  document.body.dataset.ready = "true";
});
