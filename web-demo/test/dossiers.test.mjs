// The dossier page in Debian's Chromium: the example CSV tallied and scored in the browser,
// a CSV with bad rows (shown with their row numbers and codes), a bad period, English;
// screenshots at desktop and phone widths in web-demo/screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDemo, shots } from "./page.mjs";

let demo;
let page;
let pageErrors;

before(async () => {
  demo = await openDemo("dossiers.html");
  ({ page, errors: pageErrors } = demo);
});

after(async () => {
  await demo?.close();
});

const card = (unit) => page.locator(`article[data-unit="${unit}"]`);

test("the example: two communes tallied and scored in the browser", async () => {
  await page.getByRole("button", { name: "Tải ví dụ (2 xã, Quý II/2021)" }).click();
  await page.waitForSelector("article.unit");
  assert.equal(await page.locator("#summary").innerText(), "800 dòng: 697 được tính, 103 ngoài kỳ, 0 bị từ chối; 2 đơn vị");
  assert.equal(await card("UBND xã Thanh Xương").locator(".unit-total").innerText(), "14,37 / 18,0");
  assert.equal(await card("UBND xã Thanh Xương").locator(".unit-rating").innerText(), "Tốt");
  assert.equal(await card("UBND xã Noong Luống").locator(".unit-total").innerText(), "12,93 / 18,0");
  assert.match(await card("UBND xã Noong Luống").locator(".counts").innerText(), /75 \/ 243 \/ 23/);
  const notes = await page.locator("#notes li").evaluateAll((lis) => lis.map((li) => li.dataset.code));
  assert.deepEqual(notes, ["DUE_DATE_MISMATCH", "DUE_DATE_ON_REST_DAY"]);
  await card("UBND xã Thanh Xương").locator("summary").click();
  assert.match(await card("UBND xã Thanh Xương").locator("table").innerText(), /TỔNG ĐIỂM\t18,0\t\t14,37/);
  await page.screenshot({ path: join(shots, "dossiers-desktop-vi.png"), fullPage: true });
});

test("bad rows are listed with their row numbers and codes; the rest is counted", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tthc-dossiers-"));
  const file = join(dir, "bad.csv");
  writeFileSync(
    file,
    "id,unit,channel,received_at,time_limit_days,resolved_at,contacts\n" +
      "A1,UBND xã A,direct,2021-06-07T09:00,1,2021-06-08,0\n" +
      "A2,UBND xã A,fax,2021-06-07T09:00,1,2021-06-08,0\n" +
      "A3,UBND xã A,direct,07/06/2021,1,,0\n",
  );
  await page.locator("#csv-file").setInputFiles(file);
  await page.waitForFunction(() => document.querySelectorAll("#rejected tbody tr[data-code]").length === 2);
  const rows = await page.locator("#rejected tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(rows[0].slice(0, 3), ["3", "A2", "VALUE_UNKNOWN"]);
  assert.match(rows[0][3], /^Cột channel: Hình thức nộp không hợp lệ: "fax"/);
  assert.deepEqual(rows[1].slice(0, 3), ["4", "A3", "DATE_TIME_INVALID"]);
  assert.equal(await page.locator("#summary").innerText(), "3 dòng: 1 được tính, 0 ngoài kỳ, 2 bị từ chối; 1 đơn vị");
  // A period that does not exist: a message, nothing thrown at the page.
  await page.locator("#period").fill("2021-Q5");
  await page.locator("#period").dispatchEvent("change");
  await page.waitForSelector("#error:not([hidden])");
  assert.match(await page.locator("#error").innerText(), /PERIOD_INVALID/);
  await page.locator("#period").fill("2021-Q2");
  await page.locator("#period").dispatchEvent("change");
});

test("the office's close: a dossier received at 17:15 counts that afternoon when the office closes at 17:30", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tthc-dossiers-"));
  const file = join(dir, "close.csv");
  // Monday 17:15 + 1 day, resolved Wednesday: due Wednesday at the 17:00 close (on time),
  // Tuesday at a 17:30 close (late).
  writeFileSync(
    file,
    "id,unit,channel,received_at,time_limit_days,resolved_at,contacts\n" +
      "C1,UBND xã C,direct,2021-06-07T17:15,1,2021-06-09,0\n",
  );
  await page.locator("#csv-file").setInputFiles(file);
  const resolved = () => card("UBND xã C").locator(".counts dd").nth(1).innerText();
  await page.waitForSelector('article[data-unit="UBND xã C"]');
  assert.equal(await resolved(), "0 / 1 / 0");
  await page.locator("#close").fill("17:30");
  await page.locator("#close").dispatchEvent("change");
  await page.waitForFunction(
    () => document.querySelector('article[data-unit="UBND xã C"] .counts dd:nth-of-type(2)')?.textContent === "0 / 0 / 1",
  );
  assert.equal(await resolved(), "0 / 0 / 1");
  await page.locator("#close").fill("17:00");
  await page.locator("#close").dispatchEvent("change");
  await page.waitForFunction(
    () => document.querySelector('article[data-unit="UBND xã C"] .counts dd:nth-of-type(2)')?.textContent === "0 / 1 / 0",
  );
});

test("English, and the phone width", async () => {
  await page.getByRole("button", { name: "Tải ví dụ (2 xã, Quý II/2021)" }).click();
  await page.waitForFunction(() => document.querySelector("#summary").textContent.startsWith("800"));
  await page.getByRole("button", { name: "English" }).click();
  assert.equal(await page.locator("#summary").innerText(), "800 rows: 697 counted, 103 outside the period, 0 rejected; 2 units");
  assert.equal(await card("UBND xã Thanh Xương").locator(".unit-total").innerText(), "14.37 / 18.0");
  await page.setViewportSize({ width: 390, height: 844 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(wide, false, "nothing wider than the phone's screen");
  await page.screenshot({ path: join(shots, "dossiers-phone-en.png"), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  assert.deepEqual(pageErrors, []);
});
