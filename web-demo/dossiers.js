// The dossier page: a clerk drops a CSV of dossier records (dossiers.md §7) and sees each
// unit's counts and scorecard, and the rejected rows — all computed in the browser by the
// tthc-score package ("tthc-score/dossiers" entry). No counting or scoring logic here.
import { init, tallyCsv, score, renderTable, TthcScoreError } from "tthc-score/dossiers";

const TEXT = {
  vi: {
    title: "Tổng hợp hồ sơ một cửa",
    subtitle: "Thả tệp CSV hồ sơ (mỗi dòng một hồ sơ): trang tính hạn giải quyết theo ngày làm việc, phân loại từng hồ sơ và chấm điểm từng đơn vị — ngay trên trình duyệt.",
    back: "← Chấm điểm báo cáo",
    language: "English",
    period: "Kỳ báo cáo",
    periodHint: "Ví dụ 2021-Q2, 2021-06 hoặc 2021",
    cutoff: "Mốc 15 giờ (hồ sơ nhận sau 15:00)",
    cutoffSameDay: "Chỉ thủ tục trả trong ngày (mặc định)",
    cutoffAll: "Mọi thủ tục",
    cutoffNone: "Không áp dụng",
    calendar: "Ngoài lịch nghỉ chính thức (2019–2026)",
    calendarStrict: "Từ chối hồ sơ (mặc định)",
    calendarProvisional: "Tính tạm theo quy định (âm lịch)",
    close: "Giờ đóng cửa",
    closeHint: "Hồ sơ nhận từ giờ này tính từ ngày làm việc sau (mặc định 17:00)",
    assumeContacts: "Coi số lần liên hệ không ghi là 0",
    chooseCsv: "Chọn tệp CSV hồ sơ",
    chooseFacts: "Số liệu đơn vị (JSON, không bắt buộc)",
    loadExample: "Tải ví dụ (2 xã, Quý II/2021)",
    rejectedRows: "Dòng bị từ chối",
    row: "Dòng",
    id: "Mã hồ sơ",
    code: "Mã lỗi",
    message: "Lý do",
    none: "Không có",
    summary: (s) => `${s.rows.toLocaleString("vi")} dòng: ${s.counted.toLocaleString("vi")} được tính, ${s.outsidePeriod.toLocaleString("vi")} ngoài kỳ, ${s.rejected.toLocaleString("vi")} bị từ chối; ${s.units} đơn vị`,
    received: "Tiếp nhận (trực tuyến / trực tiếp, bưu chính / kỳ trước)",
    resolved: "Đã giải quyết (trước hạn / đúng hạn / quá hạn)",
    pending: "Đang giải quyết (trong hạn / quá hạn)",
    total: "Tổng điểm",
    rating: "Xếp loại",
    table: "Biểu mẫu chi tiết",
    notCounted: "không được tính",
  },
  en: {
    title: "One-stop dossiers, tallied",
    subtitle: "Drop a CSV of dossiers (one row each): the page computes due dates in working days, grades each dossier and scores each unit — in the browser.",
    back: "← Score a report",
    language: "Tiếng Việt",
    period: "Period",
    periodHint: "e.g. 2021-Q2, 2021-06 or 2021",
    cutoff: "The 15:00 cut-off",
    cutoffSameDay: "Same-day procedures only (default)",
    cutoffAll: "Every procedure",
    cutoffNone: "None",
    calendar: "Beyond the official days off (2019–2026)",
    calendarStrict: "Reject the dossier (default)",
    calendarProvisional: "Compute by rule (lunar calendar), provisional",
    close: "The office closes at",
    closeHint: "A dossier received from then on counts from the next working day (default 17:00)",
    assumeContacts: "Assume 0 contacts where not given",
    chooseCsv: "Choose a CSV of dossiers",
    chooseFacts: "Unit facts (JSON, optional)",
    loadExample: "Load the example (2 communes, Q2 2021)",
    rejectedRows: "Rejected rows",
    row: "Row",
    id: "Id",
    code: "Code",
    message: "Reason",
    none: "None",
    summary: (s) => `${s.rows.toLocaleString("en")} ${s.rows === 1 ? "row" : "rows"}: ${s.counted.toLocaleString("en")} counted, ${s.outsidePeriod.toLocaleString("en")} outside the period, ${s.rejected.toLocaleString("en")} rejected; ${s.units.toLocaleString("en")} ${s.units === 1 ? "unit" : "units"}`,
    received: "Received (online / direct, post / carried over)",
    resolved: "Resolved (early / on time / late)",
    pending: "Pending (within the deadline / overdue)",
    total: "Total",
    rating: "Rating",
    table: "Annex table",
    notCounted: "not counted",
  },
};

let lang = "vi";
let csvText = null;
let csvName = "";
let facts;
const $ = (s) => document.querySelector(s);
const t = (k) => TEXT[lang][k];

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function applyText() {
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
}

function options() {
  const policy = { cutoff: $("#cutoff").value, calendar: $("#calendar").value };
  if ($("#assume-contacts").checked) policy.assume = { contacts: 0 };
  const close = $("#close").value;
  // An empty or default field leaves the calendar as it is; the package checks the rest.
  const calendar = close && close !== "17:00" ? { close } : {};
  return { period: $("#period").value.trim(), policy, calendar };
}

function showError(e) {
  const box = $("#error");
  box.hidden = !e;
  if (e) box.textContent = e instanceof TthcScoreError ? `${lang === "vi" ? e.messageVi : e.messageEn} [${e.code}${e.path ? ` · ${e.path}` : ""}]` : String(e);
}

function unitCard(report) {
  const d = report.dossiers;
  const n = (x) => x.toLocaleString(lang);
  const card = score(report);
  const rating = card.total.rating ? card.total.rating.label[lang] : t("notCounted");
  const counts = el(
    "dl",
    { class: "counts" },
    el("dt", {}, t("received")),
    el("dd", {}, `${n(d.received.online)} / ${n(d.received.direct)} / ${n(d.received.carriedOver)}`),
    el("dt", {}, t("resolved")),
    el("dd", {}, `${n(d.resolved.early)} / ${n(d.resolved.onTime)} / ${n(d.resolved.late)}`),
    el("dt", {}, t("pending")),
    el("dd", {}, `${n(d.pending.withinDeadline)} / ${n(d.pending.overdue)}`),
  );
  const table = el("details", {}, el("summary", {}, t("table")));
  const wrap = el("div", { class: "table-wrap" });
  // The package escapes every name in its HTML.
  wrap.innerHTML = renderTable(report, { format: "html", lang });
  table.append(wrap);
  return el(
    "article",
    { class: "card unit", "data-unit": report.unit.name },
    el("h2", {}, report.unit.name),
    el(
      "div",
      { class: "headline" },
      el("div", { class: "big" }, `${t("total")} `, el("strong", { class: "unit-total" }, `${card.total.display[lang]} / ${card.total.maximumDisplay[lang]}`)),
      el("div", { class: "big" }, `${t("rating")} `, el("strong", { class: "unit-rating" }, rating)),
    ),
    counts,
    table,
  );
}

function run() {
  showError(null);
  if (csvText === null) return;
  let out;
  try {
    out = tallyCsv(csvText, options(), facts);
  } catch (e) {
    showError(e);
    return;
  }
  const s = out.summary;
  $("#summary").textContent = t("summary")(s);
  $("#notes").replaceChildren(...s.notes.map((x) => el("li", { "data-code": x.code }, `${x.code}: ${x.message[lang]}`)));
  $("#units").replaceChildren(...out.reports.map(unitCard));
  const rows = s.rejectedRows.slice(0, 200).map((r) =>
    el("tr", { "data-code": r.code }, el("td", { class: "num" }, String(r.row)), el("td", {}, r.id ?? ""), el("td", {}, r.code), el("td", {}, r.message[lang])),
  );
  $("#rejected tbody").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "4" }, t("none")))]));
}

async function readFile(input) {
  const f = input.files[0];
  return f ? { name: f.name, text: await f.text() } : null;
}

async function main() {
  await init();
  applyText();
  $("#lang").addEventListener("click", () => {
    lang = lang === "vi" ? "en" : "vi";
    $("#lang").lang = lang === "vi" ? "en" : "vi";
    applyText();
    run();
  });
  for (const id of ["#period", "#cutoff", "#calendar", "#close", "#assume-contacts"]) $(id).addEventListener("change", run);
  $("#csv-file").addEventListener("change", async () => {
    const f = await readFile($("#csv-file"));
    if (f) ({ name: csvName, text: csvText } = f);
    $("#files").textContent = csvName;
    run();
  });
  $("#facts-file").addEventListener("change", async () => {
    const f = await readFile($("#facts-file"));
    try {
      facts = f ? JSON.parse(f.text) : undefined;
      run();
    } catch (e) {
      showError(e);
    }
  });
  const zone = $("#dropzone");
  zone.addEventListener("dragover", (e) => e.preventDefault());
  zone.addEventListener("drop", async (e) => {
    e.preventDefault();
    const f = e.dataTransfer.files[0];
    if (f) {
      csvName = f.name;
      csvText = await f.text();
      $("#files").textContent = csvName;
      run();
    }
  });
  $("#load-example").addEventListener("click", async () => {
    csvText = await (await fetch("./examples/dossiers-2021-q2.csv")).text();
    facts = await (await fetch("./examples/unit-facts-2021-q2.json")).json();
    csvName = "dossiers-2021-q2.csv";
    $("#files").textContent = csvName;
    $("#period").value = "2021-Q2";
    run();
  });
  document.body.dataset.ready = "true";
}

main().catch(showError);
