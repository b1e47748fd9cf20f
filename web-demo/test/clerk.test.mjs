// Issue 11, the clerk's page, point by point in Debian's Chromium: a clerk starts a blank
// report, makes the usual mistakes, prints and downloads, on a desktop and on a phone.
// One test per point (1–9); screenshots at desktop and phone width (point 10) in
// web-demo/screenshots/; the time of one recompute per keystroke is measured.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validate } from "tthc-score";
import { demoDir, openDemo, shots } from "./page.mjs";
import { parseCsv } from "../sheet.js";

const tmp = mkdtempSync(join(tmpdir(), "tthc-clerk-"));
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
let demo;
let page;
let pageErrors;

before(async () => {
  demo = await openDemo("", { viewport: DESKTOP, acceptDownloads: true });
  ({ page, errors: pageErrors } = demo);
});

after(async () => {
  await demo?.close();
});

const text = (sel) => page.locator(sel).innerText();
const district = () => loadExample("Tải ví dụ cấp huyện (BC 205, Điện Biên)", "16,74");
const commune = () => loadExample("Tải ví dụ cấp xã (BC 205, Điện Biên)", "15,74");
async function loadExample(name, total) {
  await page.setViewportSize(DESKTOP);
  if ((await page.locator("html").getAttribute("lang")) !== "vi") await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await page.getByRole("button", { name }).click();
  await page.waitForFunction((t) => document.body.dataset.state === "valid" && document.querySelector("#total").textContent.startsWith(t), total);
}
/** Types into a field as a clerk does (select all, type), then leaves it. */
async function type(selector, value) {
  const field = page.locator(selector);
  await field.click();
  await field.press("Control+A");
  if (value === "") await field.press("Delete");
  else await page.keyboard.type(value);
  await field.press("Tab");
}
const values = () => page.evaluate(() => Object.fromEntries([...document.querySelectorAll("#report-form [data-path]:is(input, select)")].map((i) => [i.dataset.path, i.type === "checkbox" ? i.checked : i.value])));
const fieldMessages = () =>
  page.evaluate(() => [...document.querySelectorAll("#report-form .error .msg")].map((m) => ({ slot: m.parentElement.id, code: m.dataset.code, text: m.textContent })));
async function noDownload(click) {
  const seen = page.waitForEvent("download", { timeout: 1000 }).then(
    () => true,
    () => false,
  );
  await click();
  return !(await seen);
}
async function downloaded(click) {
  const [d] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = join(tmp, d.suggestedFilename());
  await d.saveAs(file);
  return { name: d.suggestedFilename(), content: readFileSync(file, "utf8"), file };
}
const stubPrint = () =>
  page.evaluate(() => {
    window.__printed = 0;
    window.print = () => window.__printed++;
  });

test("1. never a stale sheet: print and downloads refuse or carry the INVALID mark", async () => {
  // The reported case: a commune's form for Q3 2024, then "9OO" typed for 900.
  await commune();
  await page.locator("#f-period-year").fill("2024");
  await page.locator("#f-period").selectOption("q3");
  await page.waitForFunction(() => document.body.dataset.state === "valid" && document.querySelector("#table").textContent.includes("Quý III, Năm 2024"));
  await type("#f-dossiers-pending-withinDeadline", "9OO");
  await page.waitForSelector("body[data-state=invalid]");
  // On screen: the result is the last valid one, said so, with the field that blocks it.
  assert.match(await text("#invalid-notice"), /Biểu mẫu chưa hợp lệ: 1 lỗi\./);
  assert.match(await text("#invalid-notice"), /không phải biểu mẫu hiện tại/);
  assert.equal(await page.locator("#invalid-notice ul.blocking button").innerText(), "Số hồ sơ đang giải quyết › Trong hạn");
  assert.ok(await page.locator("#stale-ribbon").isVisible());
  assert.equal(await page.locator("#results").getAttribute("data-stale"), "");
  assert.match(await text("#announce"), /\(kết quả cũ\)/);
  assert.equal(await page.locator("#download-csv").getAttribute("aria-describedby"), "blocked-reason");
  assert.equal(await page.locator("#blocked-reason").textContent(), "Chưa dùng được: biểu mẫu đang có lỗi");
  assert.equal(
    await text("#f-dossiers-pending-withinDeadline-error"),
    "Số hồ sơ đang giải quyết trong hạn: “9OO” không phải là số (viết 1.147 hoặc 1147; số thập phân dùng dấu phẩy: 25,5)",
  );
  // The link takes the clerk to the field.
  await page.locator("#invalid-notice ul.blocking button").click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-dossiers-pending-withinDeadline");
  await page.screenshot({ path: join(shots, "desktop-vi-stale.png") });

  // Print: the button refuses and says why; the browser's own print prints the mark.
  await stubPrint();
  await page.getByRole("button", { name: "In", exact: true }).click();
  assert.equal(await page.evaluate(() => window.__printed), 0);
  assert.match(await text("#action-message"), /^Chưa in: biểu mẫu có 1 lỗi\./);
  await page.emulateMedia({ media: "print" });
  const paper = await page.locator("body").innerText();
  assert.match(paper, /KHÔNG HỢP LỆ \/ INVALID — không phải biểu mẫu hiện tại/);
  assert.match(paper, /“9OO” không phải là số/);
  assert.equal(await page.locator("#table table").isVisible(), false);
  assert.doesNotMatch(paper, /15,74|Quý II, Năm 2021|Quý III, Năm 2024|TỔNG ĐIỂM/);
  await page.screenshot({ path: join(shots, "desktop-vi-print-invalid.png") });
  await page.emulateMedia({ media: "screen" });

  // CSV: refused, with the reason; JSON: the work is saved as a draft marked INVALID.
  assert.ok(await noDownload(() => page.getByRole("button", { name: "Tải CSV" }).click()), "no CSV while invalid");
  assert.match(await text("#action-message"), /^Chưa tải CSV: biểu mẫu có 1 lỗi\./);
  const draft = await downloaded(() => page.getByRole("button", { name: "Xuất JSON" }).click());
  assert.equal(draft.name, "bao-cao-tthc_ubnd-cac-xa-thuoc-huyen-dien-bien-tinh-dien-bien_2024-q3_KHONG-HOP-LE.json");
  const saved = JSON.parse(draft.content);
  assert.match(saved["KHÔNG HỢP LỆ / INVALID"], /^KHÔNG HỢP LỆ \/ INVALID/);
  assert.deepEqual(
    saved.problems.map((p) => p.path),
    ["dossiers.pending.withinDeadline"],
  );
  assert.ok(validate(saved).some((p) => p.code === "UNKNOWN_FIELD"), "the package refuses a draft as a report");
  assert.match(await text("#action-message"), /bản nháp CHƯA HỢP LỆ/);
  writeFileSync(join(tmp, "draft.json"), draft.content);

  // Corrected: print and CSV give the current form.
  await type("#f-dossiers-pending-withinDeadline", "900");
  await page.waitForSelector("body[data-state=valid]");
  assert.equal(await page.locator("#stale-ribbon").isVisible(), false);
  await page.getByRole("button", { name: "In", exact: true }).click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await page.emulateMedia({ media: "print" });
  assert.match(await page.locator("body").innerText(), /Quý III, Năm 2024/);
  assert.equal(await page.locator("#print-invalid").isVisible(), false);
  await page.emulateMedia({ media: "screen" });
  const csv = await downloaded(() => page.getByRole("button", { name: "Tải CSV" }).click());
  assert.ok(csv.content.includes("\r\nKỳ đánh giá;Quý III, Năm 2024\r\n"));
  assert.ok(csv.content.includes("\r\nĐang giải quyết trong hạn 900 hồ sơ") || csv.content.includes("900 hồ sơ"), "the current figures");
});

test("2. a new blank report for the current quarter, nothing of the example left", async () => {
  // Clearing every figure by hand leaves no earlier result on screen either.
  await district();
  await page.evaluate(() => {
    for (const i of document.querySelectorAll('#report-form [data-path^="dossiers."], #report-form [data-path^="perDossier."]')) {
      i.value = "";
      i.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
  assert.equal(await text("#total"), "—");
  assert.doesNotMatch(await text("#results"), /16,74|1\.147/);
  await district();
  await page.clock.setFixedTime(new Date("2024-08-15T09:00:00+07:00"));
  await page.getByRole("button", { name: "Báo cáo mới" }).click();
  await page.waitForFunction(() => document.querySelector("#total").textContent === "—");
  const v = await values();
  assert.equal(v["period.year"], "2024");
  assert.equal(v["period"], "q3");
  assert.equal(v["unit.name"], "");
  assert.equal(v["unit.level"], "");
  for (const [path, value] of Object.entries(v)) {
    if (path.startsWith("dossiers.") || path.startsWith("perDossier.") || path.startsWith("perUnit.") || path.startsWith("declared.")) assert.ok(value === "" || value === false, `${path} is empty: ${value}`);
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-unit-name");
  const body = await page.locator("body").innerText();
  assert.doesNotMatch(body, /16,74|1\.147|Điện Biên, tỉnh/);
  assert.equal(await text("#bar-total"), "—");
  // A blank form is not covered in red: the empty fields are counted, not yet marked.
  assert.deepEqual(await fieldMessages(), []);
  assert.match(await text("#invalid-notice"), /Biểu mẫu chưa hợp lệ: 25 ô bắt buộc chưa nhập\./);
  assert.equal(await text("#bar-problems"), "Còn 25 ô trống");
  await page.screenshot({ path: join(shots, "desktop-vi-new-report.png") });
  // Leaving a required field empty marks it.
  await page.keyboard.press("Tab");
  await page.waitForFunction(() => document.querySelector("#f-unit-name-error").textContent !== "");
  assert.equal(await text("#f-unit-name-error"), "Thiếu tên đơn vị: trường này bắt buộc");
  // "Còn … ô trống" shows every one of them.
  await page.locator("#bar-problems").click();
  assert.equal((await fieldMessages()).length, 25);
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-unit-name");
  // Filled in from scratch, as a clerk would: it scores.
  const fill = {
    "#f-unit-name": "UBND xã Thanh Xương",
    "#f-dossiers-received-online": "120",
    "#f-dossiers-received-direct": "1.030",
    "#f-dossiers-received-carriedOver": "0",
    "#f-dossiers-resolved-early": "900",
    "#f-dossiers-resolved-onTime": "200",
    "#f-dossiers-resolved-late": "0",
    "#f-dossiers-pending-withinDeadline": "50",
    "#f-dossiers-pending-overdue": "0",
  };
  for (const id of ["agencyTime", "contacts", "agencies", "attitude"]) Object.assign(fill, { [`#f-perDossier-${id}-two`]: "900", [`#f-perDossier-${id}-one`]: "200", [`#f-perDossier-${id}-zero`]: "0" });
  for (const [sel, value] of Object.entries(fill)) await page.locator(sel).fill(value);
  await page.locator("#f-unit-level").selectOption("commune");
  for (const id of ["oneStop", "publicity", "feedback", "onlineServices"]) await page.locator(`#f-perUnit-${id}-level`).selectOption("2");
  await page.waitForSelector("body[data-state=valid]");
  assert.match(await text("#total"), /^\d+,\d+ \/ 18,0$/);
  assert.match(await text("#table"), /Quý III, Năm 2024/);
  assert.match(await text("#table"), /UBND XÃ THANH XƯƠNG/);
  await page.clock.setFixedTime(new Date());
});

test("3. every mistake at once, each next to its field", async () => {
  await district();
  // Three mistakes typed, one count left empty, and a sum that does not hold in a part of
  // the report that reads fine: every one of them at its own field.
  await type("#f-dossiers-received-online", "-5");
  await type("#f-perDossier-contacts-two", "abc");
  await type("#f-perUnit-oneStop-facts-receivedAtDeskPercent", "120");
  await type("#f-dossiers-pending-overdue", "");
  await type("#f-perUnit-feedback-facts-received", "2");
  await type("#f-perUnit-feedback-facts-handledOnTime", "5");
  await page.waitForSelector("body[data-state=invalid]");
  const messages = await fieldMessages();
  assert.deepEqual(
    messages.map((m) => [m.slot, m.code]),
    [
      ["f-dossiers-received-online-error", "COUNT_NEGATIVE"],
      ["f-dossiers-pending-overdue-error", "MISSING_FIELD"],
      ["f-perDossier-contacts-two-error", "COUNT_NOT_A_NUMBER"],
      ["f-perUnit-oneStop-facts-receivedAtDeskPercent-error", "PERCENT_OUT_OF_RANGE"],
      ["f-perUnit-feedback-facts-handledOnTime-error", "FEEDBACK_EXCEEDS_TOTAL"],
    ],
  );
  assert.equal(messages[0].text, "Số hồ sơ tiếp nhận trực tuyến: số lượng không được âm (giá trị: -5)");
  assert.equal(messages[1].text, "Thiếu số hồ sơ đang giải quyết quá hạn: trường này bắt buộc");
  assert.equal(messages[2].text, "Số hồ sơ đạt 2 điểm (số lần phải liên hệ): “abc” không phải là số (viết 1.147 hoặc 1147; số thập phân dùng dấu phẩy: 25,5)");
  assert.match(messages[3].text, /phải trong khoảng 0–100 \(giá trị: 120\)$/);
  assert.equal(messages[4].text, "Số phản ánh, kiến nghị (5) lớn hơn tổng số đã tiếp nhận (2)");
  assert.equal(await page.locator("#general-error").isVisible(), false, "nothing in a box at the top");
  assert.match(await text("#invalid-notice"), /Biểu mẫu chưa hợp lệ: 5 lỗi\./);
  for (const m of messages) assert.equal(await page.locator(`#${m.slot.replace(/-error$/, "")}`).getAttribute("aria-invalid"), "true");
  await page.screenshot({ path: join(shots, "desktop-vi-every-mistake.png"), fullPage: true });
  // A declared total that differs from the parts is marked on the total (a hard error).
  await district();
  await type("#f-dossiers-resolved-total", "1.000");
  assert.equal(await text("#f-dossiers-resolved-total-error"), "Tổng hồ sơ đã giải quyết (1.000) khác trước hạn + đúng hạn + quá hạn (1.132)");
  // The received total that does not add up is marked on the field itself.
  await commune();
  const total = page.locator("#f-dossiers-received-total");
  assert.equal(await total.getAttribute("data-finding"), "error");
  assert.equal(
    await text("#f-dossiers-received-total-note"),
    "Tổng số hồ sơ tiếp nhận 15.250 khác trực tuyến + trực tiếp + kỳ trước = 36 + 115.213 + 1 = 115.250; khớp nếu số tiếp nhận trực tiếp là 15.213",
  );
  assert.match(await total.getAttribute("aria-describedby"), /f-dossiers-received-total-note/);
  await type("#f-dossiers-received-direct", "15.213");
  await page.waitForFunction(() => !document.querySelector("#f-dossiers-received-total").dataset.finding);
  assert.equal(await text("#f-dossiers-received-total-note"), "");
});

test("4. a clerk's words: plain labels and messages, dossiers counted as dossiers", async () => {
  await district();
  const words = await page.evaluate(() => [...document.querySelectorAll("#report-form :is(label, legend, .hint, option, h2)")].map((e) => e.textContent));
  for (const w of words) assert.doesNotMatch(w, /\blevel\b|\bfacts\b|notApplicable|`/, w);
  const gradeLabels = words.filter((w) => /^Số hồ sơ đạt [210] điểm$/.test(w));
  assert.equal(gradeLabels.length, 15, "per-dossier counts are labelled as numbers of dossiers");
  assert.equal(await page.locator("label[for=f-options-levelSource]").innerText(), "Chỉ số chấm theo đơn vị được tính theo");
  assert.match(await text("#f-options-levelSource-hint"), /chọn mức nào được tính điểm/);
  // "1,5" dossiers: one and a half, so not a whole number.
  await type("#f-perDossier-agencies-one", "1,5");
  assert.equal(await text("#f-perDossier-agencies-one-error"), "Số hồ sơ đạt 1 điểm (số cơ quan phải liên hệ): số lượng phải là số nguyên (giá trị: 1,5)");
  // "1.5" is no Vietnamese number (the dot only groups thousands): said in the page's words.
  await type("#f-perDossier-agencies-one", "1.5");
  assert.equal(
    await text("#f-perDossier-agencies-one-error"),
    "Số hồ sơ đạt 1 điểm (số cơ quan phải liên hệ): “1.5” không phải là số (viết 1.147 hoặc 1147; số thập phân dùng dấu phẩy: 25,5)",
  );
  await type("#f-perDossier-agencies-one", "0");
  // A per-unit indicator left empty: what to do, in the form's own words.
  await page.locator("#f-perUnit-feedback-level").selectOption("");
  await page.waitForSelector("body[data-state=invalid]");
  assert.equal(
    await text("#f-perUnit-feedback-error"),
    "Chỉ số “Tiếp thu, giải trình phản ánh, kiến nghị”: hãy chọn mức tự đánh giá, nhập số liệu, hoặc đánh dấu “Không áp dụng”",
  );
  await page.locator("#f-perUnit-feedback-notApplicable").check();
  await page.locator("#f-perUnit-publicity-level").selectOption("");
  await type("#f-perUnit-publicity-facts-posted", "");
  await type("#f-dossiers-resolved-early", "x");
  for (const m of await fieldMessages()) assert.doesNotMatch(m.text, /\blevel\b|\bfacts\b|notApplicable|`|\bone\b|\btwo\b/, m.text);
  await page.screenshot({ path: join(shots, "desktop-vi-messages.png") });
});

test("5. phone first: the total and rating in view while editing; the table fits 390 px", async () => {
  await district();
  await page.setViewportSize(PHONE);
  // Editing far down the form: the bar stays at the top of the screen, and follows.
  const field = page.locator("#f-perUnit-onlineServices-level");
  await field.scrollIntoViewIfNeeded();
  await field.selectOption("2");
  await page.waitForFunction(() => document.querySelector("#bar-total").textContent === "17,74 / 18,0");
  const bar = await page.locator("#scorebar").boundingBox();
  const box = await field.boundingBox();
  assert.ok(bar.y >= 0 && bar.y + bar.height <= 120, `bar at the top of the screen: ${JSON.stringify(bar)}`);
  assert.ok(box.y > bar.y + bar.height && box.y + box.height < PHONE.height, "the field being edited is in view below the bar");
  assert.equal(await text("#bar-rating"), "Xuất sắc");
  assert.ok(bar.width <= PHONE.width);
  await page.screenshot({ path: join(shots, "phone-vi-editing.png") });
  // A field reached from the bar is not hidden under it.
  await type("#f-dossiers-received-online", "x");
  await page.locator("#bar-problems").click();
  const focused = await page.locator("#f-dossiers-received-online").boundingBox();
  const bar2 = await page.locator("#scorebar").boundingBox();
  assert.ok(focused.y >= bar2.y + bar2.height, "focused field below the bar");
  await page.screenshot({ path: join(shots, "phone-vi-error.png") });
  await type("#f-dossiers-received-online", "99");
  await page.waitForSelector("body[data-state=valid]");
  // The annex table, stacked: every points cell on screen without sideways scrolling.
  await page.locator("#table").scrollIntoViewIfNeeded();
  const layout = await page.evaluate(() => {
    const cells = [...document.querySelectorAll("#table tbody td, #table tbody th")].filter((c) => c.offsetParent);
    return {
      page: document.documentElement.scrollWidth - window.innerWidth,
      wrap: document.querySelector("#table").scrollWidth - document.querySelector("#table").clientWidth,
      outside: cells.filter((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5).map((c) => c.textContent),
      points: [...document.querySelectorAll("#table tr.indicator td:nth-child(5)")].map((c) => [c.textContent, getComputedStyle(c, "::before").content]),
    };
  });
  assert.ok(layout.page <= 0, `page wider than the phone by ${layout.page}px`);
  assert.ok(layout.wrap <= 0, `table scrolls sideways by ${layout.wrap}px`);
  assert.deepEqual(layout.outside, []);
  assert.deepEqual(layout.points.map((p) => p[0]), ["1,91", "1,91", "2,00", "2,00", "1,91", "2", "2", "2", "2"]);
  assert.equal(layout.points[0][1], '"Điểm tự đánh giá: "');
  await page.screenshot({ path: join(shots, "phone-vi-table.png") });
  await page.screenshot({ path: join(shots, "phone-vi-full.png"), fullPage: true });
  await page.setViewportSize(DESKTOP);
});

test("6. import cannot lose work: broken or foreign files refused, the last import undone", async () => {
  await district();
  await type("#f-dossiers-pending-overdue", "3"); // the clerk's own edit, not in any file
  await page.waitForFunction(() => document.querySelector("#findings [data-code=PENDING_OVERDUE]"));
  const before = await values();
  const findings = await page.locator("#findings").innerHTML();
  const total = await text("#total");
  const attempt = async (name, content) => {
    writeFileSync(join(tmp, name), content);
    await page.locator("#import-file").setInputFiles(join(tmp, name));
    await page.waitForFunction((n) => document.querySelector("#action-message").textContent.includes(n), name);
    assert.deepEqual(await values(), before, `${name}: the form is untouched`);
    assert.equal(await page.locator("#findings").innerHTML(), findings, `${name}: the findings are untouched`);
    assert.equal(await text("#total"), total);
    return text("#action-message");
  };
  assert.equal(
    await attempt("hong.json", '{\n  "period": { "year": 2021, },\n}'),
    "Không đọc được tệp “hong.json”: nội dung không phải JSON hợp lệ (lỗi ở dòng 2, cột 29). Biểu mẫu không thay đổi.",
  );
  assert.equal(
    await attempt("danh-sach.json", "[1, 2, 3]"),
    "Tệp “danh-sach.json” không phải báo cáo chấm điểm thủ tục hành chính: tệp không chứa một báo cáo. Biểu mẫu không thay đổi.",
  );
  assert.match(await attempt("package.json", '{"name": "x", "version": "1.0.0"}'), /không phải báo cáo .*: tệp có mục không thuộc báo cáo \(name, version\)/);
  assert.match(await attempt("rong.json", "{}"), /tệp không có phần nào của báo cáo/);
  const seed = JSON.parse(readFileSync(join(demoDir, "examples/dien-bien-2021-q2-commune.json"), "utf8"));
  const typo = structuredClone(seed);
  typo.dossiers.received.drect = 5;
  assert.match(await attempt("sai-ten.json", JSON.stringify(typo)), /^Không nhập tệp “sai-ten.json”: .*drect/);
  const badLevel = structuredClone(seed);
  badLevel.perUnit.feedback.level = 3;
  assert.match(await attempt("muc-3.json", JSON.stringify(badLevel)), /ô “Tiếp thu, giải trình phản ánh, kiến nghị › Mức đơn vị tự đánh giá” không có lựa chọn “3”/);
  assert.equal(await page.locator("#undo").isVisible(), true, "the example load can be undone");
  // A report with mistakes in its values is loaded, mistakes shown.
  const mistaken = structuredClone(seed);
  mistaken.dossiers.pending.overdue = -2;
  mistaken.officials = [{ name: "Nguyễn Văn A", totalTime: { two: 1, one: 0, zero: 0 }, agencyTime: { two: 1, one: 0, zero: 0 }, contacts: { two: 1, one: 0, zero: 0 }, agencies: { two: 1, one: 0, zero: 0 }, attitude: { two: 1, one: -1, zero: 0 } }];
  await page.locator("#import-file").setInputFiles({ name: "xa.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(mistaken)) });
  await page.waitForFunction(() => document.querySelector("#f-dossiers-pending-overdue-error").dataset.code === "COUNT_NEGATIVE");
  assert.equal(await text("#action-message"), "Đã nhập tệp “xa.json”. Bấm “Hoàn tác nhập tệp” để trở lại biểu mẫu trước đó.");
  assert.equal(await page.locator("#f-dossiers-received-direct").inputValue(), "115.213");
  assert.equal(await text("#total"), "—", "nothing of the previous form as its result");
  // What the form does not show (the officials kept from the file) is listed above it.
  assert.equal(await text("#general-error p"), "Lỗi ở phần không có trên biểu mẫu (từ tệp đã nhập):");
  assert.equal(await text("#general-error li"), "Cán bộ Nguyễn Văn A: Số hồ sơ đạt 1 điểm (thái độ của cán bộ): số lượng không được âm (giá trị: -1)");
  assert.match(await text("#extra-note"), /1 cán bộ/);
  assert.deepEqual(await page.locator("#invalid-notice ul.blocking button").allInnerTexts(), ["Số hồ sơ đang giải quyết › Quá hạn", "Cán bộ Nguyễn Văn A"]);
  await page.screenshot({ path: join(shots, "desktop-vi-imported.png") });
  // Undo: the form, the clerk's edit and the result come back.
  await page.getByRole("button", { name: "Hoàn tác nhập tệp" }).click();
  await page.waitForSelector("body[data-state=valid]");
  assert.deepEqual(await values(), before);
  assert.equal(await text("#total"), total);
  assert.equal(await page.locator("#undo").isVisible(), false);
  // A draft saved with errors opens again as it was.
  await page.getByRole("button", { name: "Báo cáo mới" }).click();
  await page.locator("#import-file").setInputFiles(join(tmp, "draft.json"));
  await page.waitForFunction(() => document.querySelector("#f-dossiers-pending-withinDeadline").value === "9OO");
  assert.equal(await page.locator("#f-period-year").inputValue(), "2024");
  assert.equal(await page.locator("#f-dossiers-received-direct").inputValue(), "115.213");
  assert.match(await text("#f-dossiers-pending-withinDeadline-error"), /“9OO” không phải là số/);
});

test("7. numbers written one way, the meaning kept across languages", async () => {
  await district();
  assert.equal(await page.locator("#f-dossiers-received-direct").inputValue(), "1.047");
  assert.equal(await page.locator("#f-dossiers-received-total").inputValue(), "1.147");
  assert.equal(await page.locator("#f-declared-total").inputValue(), "16,74");
  await type("#f-perUnit-onlineServices-facts-deployedPercent", "25,5");
  await type("#f-dossiers-resolved-early", "1033"); // written back the Vietnamese way
  assert.equal(await page.locator("#f-dossiers-resolved-early").inputValue(), "1.033");
  await type("#f-perUnit-oneStop-facts-approvedAtDeskPercent", "abc");
  await page.waitForSelector("body[data-state=invalid]");
  await page.getByRole("button", { name: "English" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await page.locator("#f-dossiers-received-direct").inputValue(), "1,047");
  assert.equal(await page.locator("#f-declared-total").inputValue(), "16.74");
  assert.equal(await page.locator("#f-perUnit-onlineServices-facts-deployedPercent").inputValue(), "25.5");
  assert.equal(await page.locator("#f-perUnit-oneStop-facts-approvedAtDeskPercent").inputValue(), "abc");
  assert.equal(await text("#f-perUnit-oneStop-facts-approvedAtDeskPercent-error"), "% of procedures approved at the one-stop desk: “abc” is not a number (write 1,147 or 1147; decimals with a point: 25.5)");
  await type("#f-perUnit-oneStop-facts-approvedAtDeskPercent", "35.5");
  await page.waitForSelector("body[data-state=valid]");
  assert.equal(await text("#total"), "16.74 / 18.0");
  await page.screenshot({ path: join(shots, "desktop-en-numbers.png"), fullPage: true });
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "vi");
  assert.equal(await page.locator("#f-perUnit-oneStop-facts-approvedAtDeskPercent").inputValue(), "35,5");
  assert.equal(await page.locator("#f-dossiers-resolved-early").inputValue(), "1.033");
  assert.equal(await text("#total"), "16,74 / 18,0");
});

test("8. exports identify themselves; the print view has no on-screen subtitle", async () => {
  await district();
  const core = await page.evaluate(async () => {
    const { renderTable } = await import("tthc-score");
    const report = await (await fetch("./examples/dien-bien-2021-q2-district.json")).json();
    return { vi: renderTable(report, { format: "csv", lang: "vi" }), en: renderTable(report, { format: "csv", lang: "en" }) };
  });
  const vi = await downloaded(() => page.getByRole("button", { name: "Tải CSV" }).click());
  assert.equal(vi.name, "bang-cham-diem_ubnd-huyen-dien-bien-tinh-dien-bien_2021-q2.csv");
  assert.ok(vi.content.startsWith("\uFEFF"), "UTF-8 byte-order mark");
  const rows = parseCsv(vi.content.slice(1), ";");
  assert.deepEqual(rows, parseCsv(core.vi, ","), "the package's CSV, cell for cell");
  assert.deepEqual(rows[0], ["ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"]);
  assert.deepEqual(rows[1], ["CỦA UBND HUYỆN ĐIỆN BIÊN, TỈNH ĐIỆN BIÊN"]);
  assert.deepEqual(rows[2], ["Kỳ đánh giá", "Quý II, Năm 2021"]);
  assert.deepEqual(rows[3], ["Đơn vị", "UBND CẤP HUYỆN"]);
  assert.deepEqual(rows[4], ["Tổng số hồ sơ đã tiếp nhận trong kỳ", "1.147"]);
  assert.ok(rows.some((r) => r.join("|") === "|TỔNG ĐIỂM|18,0||16,74|"));
  assert.ok(rows.some((r) => r.join("|") === "Xếp loại|Xuất sắc (16,74/18,0 điểm)"));
  assert.ok(rows.some((r) => r[0] === "Đánh giá công chức, viên chức"));
  // Every row has the table's six cells at most; no decimal comma split a number apart.
  assert.ok(rows.every((r) => r.length <= 6));
  await page.getByRole("button", { name: "English" }).click();
  const en = await downloaded(() => page.getByRole("button", { name: "Download CSV" }).click());
  assert.equal(en.content, "\uFEFF" + core.en, "English: the package's comma-separated CSV as it is");
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  // Formula injection is the package's business, and it stays in the download.
  await type("#f-unit-name", "=HYPERLINK(\"http://x\")");
  await page.waitForSelector("body[data-state=valid]");
  const risky = await downloaded(() => page.getByRole("button", { name: "Tải CSV" }).click());
  assert.deepEqual(parseCsv(risky.content.slice(1), ";")[3], ["Đơn vị", "'=HYPERLINK(\"HTTP://X\")"]);
  const json = await downloaded(() => page.getByRole("button", { name: "Xuất JSON" }).click());
  assert.equal(json.name, "bao-cao-tthc_ubnd-huyen-dien-bien-tinh-dien-bien_2021-q2.json");
  assert.deepEqual(validate(JSON.parse(json.content)), []);
  // Print: the results and the annex table only.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".subtitle").isVisible(), false);
  assert.equal(await page.locator("h1").isVisible(), false);
  assert.equal(await page.locator("#scorebar").isVisible(), false);
  assert.equal(await page.locator("#report-form").isVisible(), false);
  assert.equal(await page.locator("#table table").isVisible(), true);
  assert.doesNotMatch(await page.locator("body").innerText(), /Nhập số liệu của kỳ báo cáo/);
  await page.screenshot({ path: join(shots, "desktop-vi-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
});

test("9. accessibility: a focus ring on every control, one quiet live region, labels, lang", async () => {
  await district();
  // Tab through the whole page: every control shows a ring (a hidden file input, on its label).
  await page.evaluate(() => document.activeElement?.blur());
  await page.locator("h1").click();
  const seen = [];
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const shown = e.classList.contains("visually-hidden") ? document.querySelector(`label[for="${e.id}"]`) : e;
      const s = getComputedStyle(shown);
      return { id: e.id || e.textContent.trim().slice(0, 30), style: s.outlineStyle, width: parseFloat(s.outlineWidth), visible: shown.getBoundingClientRect().width > 4 };
    });
    if (!ring || seen.some((s) => s.id === ring.id)) break;
    seen.push(ring);
  }
  assert.ok(seen.length > 60, `${seen.length} controls reached by Tab`);
  assert.ok(seen.some((s) => s.id === "import-file"), "the JSON import is reached");
  for (const s of seen) assert.ok(s.style !== "none" && s.width >= 2 && s.visible, `focus ring on ${s.id}: ${JSON.stringify(s)}`);
  // One live region for the result (total and rating), one alert for answers to buttons.
  const live = await page.evaluate(() => [...document.querySelectorAll("[aria-live], [role=status], [role=alert], [role=log], [role=marquee], [role=timer]")].map((e) => e.id));
  assert.deepEqual(live, ["announce", "action-message"]);
  const spoken = await page.locator("#announce").textContent();
  assert.equal(spoken, "Tổng điểm 16,74 / 18,0 · Xếp loại Xuất sắc");
  // Keystrokes that leave the total as it is say nothing; a changed total says only that.
  await page.evaluate(() => {
    window.__announced = [];
    new MutationObserver(() => window.__announced.push(document.querySelector("#announce").textContent)).observe(document.querySelector("#announce"), { childList: true, subtree: true, characterData: true });
  });
  await type("#f-unit-organization", "UBND huyện Điện Biên");
  await type("#f-perUnit-onlineServices-level", "");
  await page.locator("#f-perUnit-onlineServices-level").selectOption("2");
  await page.waitForFunction(() => document.querySelector("#bar-total").textContent.startsWith("17,74"));
  const announced = [...new Set(await page.evaluate(() => window.__announced))];
  assert.deepEqual(announced, ["Tổng điểm 17,74 / 18,0 · Xếp loại Xuất sắc"]);
  // Labels, and the language of the page and of its parts.
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, button, a")].filter((e) => {
      if (e.closest("[hidden]")) return false;
      const name = e.labels?.[0]?.textContent.trim() || e.getAttribute("aria-label") || e.textContent.trim();
      return !name;
    }).map((e) => e.id || e.outerHTML.slice(0, 60)),
  );
  assert.deepEqual(unlabelled, []);
  assert.equal(await page.locator("html").getAttribute("lang"), "vi");
  assert.equal(await page.locator("#lang").getAttribute("lang"), "en");
  assert.equal(await page.locator("#table .tthc-scorecard").getAttribute("lang"), "vi");
  await page.getByRole("button", { name: "English" }).click();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await page.locator("#lang").getAttribute("lang"), "vi");
  assert.equal(await page.locator("#table .tthc-scorecard").getAttribute("lang"), "en");
  assert.equal(await page.locator("label[for=f-dossiers-received-online]").innerText(), "Online");
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  // The focus ring, as seen: on the JSON import (a label for a hidden file input).
  await page.locator("#new-report").focus();
  for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement.id)) !== "import-file"; i++) await page.keyboard.press("Tab");
  await page.locator(".top").screenshot({ path: join(shots, "desktop-vi-focus.png") });
});

test("one recompute per keystroke: measured", async (t) => {
  await district();
  const ms = await page.evaluate(async () => {
    const input = document.querySelector("#f-perDossier-attitude-one");
    const field = document.querySelector("#f-perDossier-attitude-two");
    const n = 200;
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      // Alternately valid and invalid, as typing goes.
      input.value = i % 2 ? "99" : "9";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
    const perKey = (performance.now() - start) / n;
    field.value = field.value; // leave the form valid
    input.value = "99";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return perKey;
  });
  t.diagnostic(`bench recompute per keystroke (validate + score + table + form): ${ms.toFixed(2)} ms`);
  assert.ok(ms < 50, `${ms} ms per keystroke`);
  await page.waitForSelector("body[data-state=valid]");
});

test("no errors in the page", () => {
  assert.deepEqual(pageErrors, []);
});
