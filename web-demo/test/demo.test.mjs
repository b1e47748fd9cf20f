// The demo in Debian's Chromium, as a clerk would use it: load the seed examples, see the
// score, the rating and the findings; type an invalid count and see the message beside the
// field; switch to English; export, import and download; screenshots at desktop and phone
// widths in web-demo/screenshots/. The points of issue 11 (the clerk's page) are in
// clerk.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoDir, openDemo, shots } from "./page.mjs";

let demo;
let page;
let pageErrors;

before(async () => {
  demo = await openDemo("", { acceptDownloads: true });
  ({ page, errors: pageErrors } = demo);
});

after(async () => {
  await demo?.close();
});

const text = (sel) => page.locator(sel).innerText();

test("the district example: 16,74, Xuất sắc, the online-services finding, the annex table", async () => {
  await page.getByRole("button", { name: "Tải ví dụ cấp huyện (BC 205, Điện Biên)" }).click();
  await page.waitForFunction(() => document.querySelector("#total").textContent.startsWith("16,74"));
  assert.equal(await text("#total"), "16,74 / 18,0");
  assert.equal(await text("#rating"), "Xuất sắc");
  const codes = await page.locator("#findings li").evaluateAll((lis) => lis.map((li) => li.dataset.code));
  assert.deepEqual(codes, ["DECLARED_LEVEL_CONTRADICTED"]);
  assert.match(await text("#findings"), /99\/1\.147 = 8,63 %/);
  assert.match(await text("#findings"), /15,74/);
  const total = page.locator("#table tr.total");
  assert.equal(await total.innerText(), "\tTỔNG ĐIỂM\t18,0\t\t16,74\t");
  assert.equal(await page.locator("#table tr.sub.chosen").count(), 4);
  assert.match(await text("#officials"), /9,74 \/ 10 — Hoàn thành 100% nhiệm vụ/);
  assert.doesNotMatch(await page.locator("body").innerText(), /NaN|undefined/);
  await page.screenshot({ path: join(shots, "desktop-vi-district.png"), fullPage: true });
});

test("the commune example: the received breakdown that does not add up", async () => {
  await page.getByRole("button", { name: "Tải ví dụ cấp xã (BC 205, Điện Biên)" }).click();
  await page.waitForFunction(() => document.querySelector("#findings [data-code=RECEIVED_BREAKDOWN_MISMATCH]"));
  assert.equal(await text("#total"), "15,74 / 18,0");
  assert.match(await text("#findings [data-code=RECEIVED_BREAKDOWN_MISMATCH]"), /36 \+ 115\.213 \+ 1 = 115\.250/);
});

test("an invalid count shows its message beside the field, never a blank table or NaN", async () => {
  await page.getByRole("button", { name: "Tải ví dụ cấp huyện (BC 205, Điện Biên)" }).click();
  await page.waitForFunction(() => document.querySelector("#total").textContent.startsWith("16,74"));
  const field = page.locator("#f-perDossier-contacts-one"); // contacts: the third per-dossier indicator
  assert.equal(await page.getByLabel("Số hồ sơ đạt 1 điểm").nth(2).getAttribute("id"), "f-perDossier-contacts-one");
  await field.click();
  await field.press("Control+A");
  await page.keyboard.type("1,5");
  await page.waitForSelector("body[data-state=invalid]");
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  // "1,5" is one and a half in Vietnamese: not a whole number, quoted as the clerk typed it.
  const message = await text("#f-perDossier-contacts-one-error");
  assert.equal(message, "Số hồ sơ đạt 1 điểm (số lần phải liên hệ): số lượng phải là số nguyên (giá trị: 1,5)");
  assert.equal(await page.locator("#f-perDossier-contacts-one-error").getAttribute("data-code"), "COUNT_FRACTIONAL");
  await field.press("Control+A");
  await page.keyboard.type("-1");
  await page.waitForFunction(() => document.querySelector("#f-perDossier-contacts-one-error").dataset.code === "COUNT_NEGATIVE");
  assert.match(await text("#f-perDossier-contacts-one-error"), /không được âm/);
  // The last valid result stays, marked as such; no NaN anywhere.
  assert.equal(await text("#total"), "16,74 / 18,0");
  assert.ok(await page.locator("#invalid-notice").isVisible());
  assert.ok(await page.locator("#stale-ribbon").isVisible());
  assert.doesNotMatch(await page.locator("#results").innerText(), /NaN/);
  await page.screenshot({ path: join(shots, "desktop-vi-field-error.png") });
  // Vietnamese thousands grouping is a whole number, not a fraction.
  const early = page.getByLabel("Trước hạn", { exact: true });
  await early.press("Control+A");
  await page.keyboard.type("1.033");
  await field.press("Control+A");
  await page.keyboard.type("0");
  await page.waitForSelector("body[data-state=valid]");
  assert.equal(await text("#total"), "16,74 / 18,0");
  // A count that no longer sums to the resolved dossiers is reported on its group.
  await field.press("Control+A");
  await page.keyboard.type("5");
  await page.waitForFunction(() => document.querySelector("#f-perDossier-contacts-error").dataset.code === "INDICATOR_COUNTS_MISMATCH");
  await field.press("Control+A");
  await page.keyboard.type("0");
  await page.waitForSelector("body[data-state=valid]");
  assert.equal(await field.getAttribute("aria-invalid"), null);
});

test("English labels, table and messages", async () => {
  await page.getByRole("button", { name: "English" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  assert.equal(await text("h1"), "Scoring of administrative procedure handling");
  // "1.033" typed in Vietnamese meant 1033, and still does, written the English way.
  assert.equal(await page.getByLabel("Early", { exact: true }).inputValue(), "1,033");
  assert.equal(await page.locator("body").getAttribute("data-state"), "valid");
  assert.ok(await page.getByLabel("Online", { exact: true }).isVisible());
  assert.equal(await text("#rating"), "Excellent");
  assert.equal(await text("#total"), "16.74 / 18.0");
  assert.equal(await page.locator("#table tr.total").innerText(), "\tTOTAL SCORE\t18.0\t\t16.74\t");
  assert.match(await text("#findings"), /declared level 1, but the facts give level 0/);
  await page.screenshot({ path: join(shots, "desktop-en.png"), fullPage: true });
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await page.waitForFunction(() => document.documentElement.lang === "vi");
});

test("export JSON, import it back, download CSV", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tthc-demo-"));
  const [exported] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Xuất JSON" }).click()]);
  assert.equal(exported.suggestedFilename(), "bao-cao-tthc_ubnd-huyen-dien-bien-tinh-dien-bien_2021-q2.json");
  const file = join(dir, "report.json");
  await exported.saveAs(file);
  const report = JSON.parse(readFileSync(file, "utf8"));
  const seed = JSON.parse(readFileSync(join(demoDir, "examples/dien-bien-2021-q2-district.json"), "utf8"));
  assert.deepEqual(report.dossiers, seed.dossiers);
  assert.deepEqual(report.perDossier, seed.perDossier);
  report.perUnit.onlineServices.level = 0;
  writeFileSync(file, JSON.stringify(report));
  await page.locator("#import-file").setInputFiles(file);
  await page.waitForFunction(() => document.querySelector("#total").textContent.startsWith("15,74"));
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải CSV" }).click()]);
  const csvFile = join(dir, "table.csv");
  await csv.saveAs(csvFile);
  const content = readFileSync(csvFile, "utf8");
  assert.equal(csv.suggestedFilename(), "bang-cham-diem_ubnd-huyen-dien-bien-tinh-dien-bien_2021-q2.csv");
  // The sheet identifies itself: title, unit, period, totals before the table; rating after
  // (semicolons in Vietnamese, where the comma is the decimal mark: see sheet.js).
  assert.ok(content.startsWith("\uFEFFĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\r\n"), content.slice(0, 200));
  assert.ok(content.includes("\r\nKỳ đánh giá;Quý II, Năm 2021\r\n"));
  assert.ok(content.includes("\r\nSTT;Tiêu chí/Tiêu chí thành phần;"));
  assert.ok(content.includes("\r\nXếp loại;Xuất sắc (15,74/18,0 điểm)\r\n"), content);
  assert.ok(content.includes(";TỔNG ĐIỂM;18,0;;15,74;\r\n"));
});

test("the national profile from the profile menu", async () => {
  await page.getByLabel("Bộ quy tắc").selectOption("tt01-2018");
  await page.waitForFunction(() => document.querySelector("#total").textContent.startsWith("15,7 "));
  await page.getByLabel("Bộ quy tắc").selectOption("dien-bien-2019");
});

test("phone width: one column, nothing wider than the screen", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Tải ví dụ cấp huyện (BC 205, Điện Biên)" }).click();
  await page.waitForFunction(() => document.querySelector("#total").textContent.startsWith("16,74"));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  await page.screenshot({ path: join(shots, "phone-vi.png"), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
});

test("print view shows the results only", async () => {
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator("#report-form").isVisible(), false);
  assert.equal(await page.locator("#table table").isVisible(), true);
  await page.emulateMedia({ media: "screen" });
});

test("no errors in the page", () => {
  assert.deepEqual(pageErrors, []);
});
