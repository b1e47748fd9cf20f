// The province page in Debian's Chromium: the audit of a published table (the shared
// fixture's findings, exactly), the ranked table of the two seed sections, a broken file
// among good ones, the tie and rank options, English, the CSV and .xlsx downloads (the
// workbooks read back by an independent reader), the keyboard focus ring; screenshots at
// desktop and phone widths in web-demo/screenshots/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDemo, shots, demoDir } from "./page.mjs";
import { cells } from "../../packages/tthc-score/test/helpers.mjs";

const fixture = JSON.parse(readFileSync(join(demoDir, "../tests/fixtures/province/audit-table-q2.json"), "utf8"));
const expected = fixture.expected.audit.findings;
const example = (name) => readFileSync(join(demoDir, "examples", name));
const tmp = mkdtempSync(join(tmpdir(), "tthc-province-"));

let demo;
let page;
let pageErrors;

before(async () => {
  demo = await openDemo("province.html");
  ({ page, errors: pageErrors } = demo);
});

after(async () => {
  await demo?.close();
});

async function downloaded(click) {
  const [d] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = join(tmp, d.suggestedFilename());
  await d.saveAs(file);
  const bytes = readFileSync(file);
  return { name: d.suggestedFilename(), content: bytes.toString("utf8"), bytes };
}

const findings = () =>
  page.locator("#findings-table tbody tr[data-code]").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
const ranking = () =>
  page.locator("#ranking tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));

test("the audit example: every discrepancy of the shared fixture, by row, in Vietnamese", async () => {
  // The page's example is the shared fixture's table (a copy the static server can reach).
  assert.equal(example("published-q2.csv").toString("utf8"), fixture.input);
  assert.equal(await page.locator("html").getAttribute("lang"), "vi");
  await page.getByRole("button", { name: "Tải ví dụ", exact: true }).click();
  await page.waitForSelector("#findings-table tbody tr[data-code]");
  const rows = await findings();
  assert.deepEqual(
    rows.map((r) => [Number(r[0]), r[1], r[2]]),
    expected.map((f) => [f.row, f.unit, f.code]),
  );
  assert.deepEqual(
    rows.map((r) => [r[3], r[4]]),
    expected.map((f) => [f.severity === "error" ? "Lỗi" : "Cảnh báo", f.message.vi]),
  );
  assert.equal(await page.locator("#audit-summary").innerText(), "9 dòng đã đọc: 6 lỗi, 1 cảnh báo");

  const csv = await downloaded(() => page.getByRole("button", { name: "Tải kết quả kiểm tra (CSV)" }).click());
  assert.equal(csv.name, "kiem-tra-bang_2021-q2.csv");
  assert.ok(csv.content.startsWith("\uFEFF"), "a UTF-8 byte-order mark");
  const lines = csv.content.slice(1).split("\r\n");
  assert.equal(lines[0], "Dòng;Đơn vị;Mã;Mức độ;Nội dung");
  assert.equal(lines[1], "3;UBND huyện B;TABLE_TOTAL_MISMATCH;Lỗi;Tổng điểm in 16,00 khác tổng các điểm 17,00 (chênh lệch -1,00)");
  assert.equal(lines[5], "7;UBND huyện A;TABLE_DUPLICATE_UNIT;Cảnh báo;\"Đơn vị \"\"UBND huyện A\"\" đã có ở dòng 2\"");
  assert.equal(lines.length, expected.length + 2); // the header, the findings, the last CRLF

  // A year table: means may be off the 0/1/2 grid, so that finding goes.
  await page.locator("#period").selectOption("year");
  await page.waitForFunction(() => !document.querySelector('#findings-table tr[data-code="TABLE_OFF_GRID"]'));
  assert.equal((await findings()).length, expected.length - 1);
  assert.match(await page.locator("#audit-summary").innerText(), /bảng năm/);
  await page.locator("#period").selectOption("q2");
  await page.waitForSelector('#findings-table tr[data-code="TABLE_OFF_GRID"]');
});

test("a file that is no table: a coded message, no crash", async () => {
  await page.locator("#csv-file").setInputFiles({ name: "notes.csv", mimeType: "text/csv", buffer: Buffer.from("foo,bar\n1,2\n") });
  await page.waitForSelector("#audit-error:not([hidden])");
  assert.match(await page.locator("#audit-error").innerText(), /^Bảng thiếu cột unit .*\[COLUMN_MISSING · csv\]$/);
  assert.equal(await page.locator("#findings-table").isHidden(), true);
  // A year that is none: a message too.
  await page.getByRole("button", { name: "Tải ví dụ", exact: true }).click();
  await page.waitForSelector("#findings-table tbody tr[data-code]");
  await page.getByLabel("Năm", { exact: true }).fill("20x1");
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  assert.match(await page.locator("#audit-error").innerText(), /PERIOD_INVALID/);
  await page.getByLabel("Năm", { exact: true }).fill("2021");
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  await page.waitForSelector("#audit-error[hidden]", { state: "attached" });
});

test("the batch example: the two seed sections ranked, band counts, the CSV", async () => {
  await page.getByRole("button", { name: "Tải ví dụ (cấp huyện và cấp xã, Quý II/2021)" }).click();
  await page.waitForSelector("#ranking tbody tr");
  const rows = await ranking();
  assert.deepEqual(rows, [
    ["1", "UBND cấp huyện", "1,91", "1,91", "2,00", "2,00", "1,91", "2", "2", "2", "1", "16,74", "Xuất sắc", "UBND cấp huyện (1)"],
    ["2", "UBND cấp xã", "1,25", "1,25", "2,00", "2,00", "1,25", "2", "2", "2", "2", "15,74", "Xuất sắc", "UBND cấp xã (1)"],
  ]);
  assert.equal(await page.locator("#batch-summary").innerText(), "2 báo cáo: 2 được xếp hạng, 0 có lỗi");
  const bands = await page.locator("#bands tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(bands, [
    ["UBND cấp huyện", "1", "1", "0", "0", "0", "0", "0"],
    ["UBND cấp xã", "1", "1", "0", "0", "0", "0", "0"],
  ]);
  assert.equal(await page.locator("#report-errors-block").isHidden(), true);

  const csv = await downloaded(() => page.getByRole("button", { name: "Tải bảng xếp hạng (CSV)" }).click());
  assert.equal(csv.name, "bang-xep-hang_2021-q2.csv");
  assert.equal(
    csv.content,
    "\uFEFF" +
      "Hạng;Đơn vị;C1;C2;C3;C4;C5;C6;C7;C8;C9;Tổng điểm;Xếp loại;Nhóm;Hạng trong nhóm\r\n" +
      "1;UBND cấp huyện;1,91;1,91;2,00;2,00;1,91;2;2;2;1;16,74;Xuất sắc;UBND cấp huyện;1\r\n" +
      "2;UBND cấp xã;1,25;1,25;2,00;2,00;1,25;2;2;2;2;15,74;Xuất sắc;UBND cấp xã;1\r\n",
  );
  await page.screenshot({ path: join(shots, "province-desktop-vi.png"), fullPage: true });
});

test("a broken file among good ones: its error is listed, the others are ranked; ties", async () => {
  await page.locator("#report-files").setInputFiles([
    { name: "district.json", mimeType: "application/json", buffer: example("dien-bien-2021-q2-district.json") },
    { name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{ "unit": { "name": "UBND xã X" ') },
    { name: "commune.json", mimeType: "application/json", buffer: example("dien-bien-2021-q2-commune.json") },
    { name: "odd.json", mimeType: "application/json", buffer: Buffer.from('{ "foo": 1 }') },
  ]);
  await page.waitForFunction(() => document.querySelectorAll("#report-errors > li").length === 2);
  assert.deepEqual(
    (await ranking()).map((r) => [r[0], r[1], r[11]]),
    [
      ["1", "UBND cấp huyện", "16,74"],
      ["2", "UBND cấp xã", "15,74"],
    ],
  );
  assert.equal(await page.locator("#batch-summary").innerText(), "4 báo cáo: 2 được xếp hạng, 2 có lỗi");
  const errors = await page.locator("#report-errors > li").evaluateAll((lis) => lis.map((li) => [li.dataset.source, [...li.querySelectorAll("li")].map((x) => x.dataset.code)]));
  assert.deepEqual(errors, [
    ["broken.json", ["INVALID_JSON"]],
    ["odd.json", ["UNKNOWN_FIELD"]],
  ]);
  assert.match(await page.locator('#report-errors li[data-source="broken.json"]').innerText(), /Tệp không phải JSON hợp lệ/);

  // A tie (the district twice, in one file as an array): competition 1, 1, 3; dense 1, 1, 2.
  const district = JSON.parse(example("dien-bien-2021-q2-district.json"));
  await page.locator("#report-files").setInputFiles([
    { name: "two.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify([district, { ...district, unit: { ...district.unit, name: "UBND huyện B" } }])) },
    { name: "commune.json", mimeType: "application/json", buffer: example("dien-bien-2021-q2-commune.json") },
  ]);
  await page.waitForFunction(() => document.querySelectorAll("#ranking tbody tr").length === 3);
  assert.deepEqual((await ranking()).map((r) => r[0]), ["1", "1", "3"]);
  await page.getByLabel("Đơn vị bằng điểm").selectOption("dense");
  await page.waitForFunction(() => document.querySelector("#ranking tbody tr:last-child td").textContent === "2");
  assert.deepEqual((await ranking()).map((r) => [r[0], r[11]]), [["1", "16,74"], ["1", "16,74"], ["2", "15,74"]]);
  await page.getByLabel("Xếp hạng theo").selectOption("total");
  assert.deepEqual((await ranking()).map((r) => r[0]), ["1", "1", "2"]);
  await page.getByLabel("Đơn vị bằng điểm").selectOption("competition");
  await page.getByLabel("Xếp hạng theo").selectOption("ratingBasis");

  // A file of a unit with its own profile ({ report, profile }): ranked in the same table,
  // its rating naming the profile (TT01 rounds each indicator first: 15,6).
  const commune = JSON.parse(example("dien-bien-2021-q2-commune.json"));
  await page.locator("#report-files").setInputFiles([
    { name: "district.json", mimeType: "application/json", buffer: example("dien-bien-2021-q2-district.json") },
    { name: "commune-tt01.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ report: commune, profile: "tt01-2018" })) },
  ]);
  await page.waitForFunction(() => document.querySelector('#ranking td[data-profile="tt01-2018"]'));
  assert.deepEqual(
    (await ranking()).map((r) => [r[0], r[11], r[12]]),
    [
      ["1", "16,74", "Xuất sắc"],
      ["2", "15,6", "Xuất sắc (tt01-2018)"],
    ],
  );
});

test("a province's own profile file; a bad one gets its coded error", async () => {
  await page.getByRole("button", { name: "Tải ví dụ (cấp huyện và cấp xã, Quý II/2021)" }).click();
  await page.waitForFunction(() => document.querySelectorAll("#ranking tbody tr").length === 2);
  await page.locator("#profile-file").setInputFiles({ name: "profile-province-example.json", mimeType: "application/json", buffer: example("profile-province-example.json") });
  await page.waitForFunction(() => document.querySelector("#ranking tbody tr td.total").textContent === "16,73");
  assert.deepEqual((await ranking()).map((r) => [r[0], r[11], r[12]]), [["1", "16,73", "Xuất sắc"], ["2", "15,75", "Tốt"]]);
  assert.match(await page.locator("#profile option:checked").innerText(), /^Tệp: profile-province-example\.json — Ví dụ/);

  const bad = JSON.parse(readFileSync(join(demoDir, "../tests/fixtures/province/batch-bad-custom-profile.json"), "utf8"));
  await page.locator("#profile-file").setInputFiles({ name: "bad-profile.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad.options.profile)) });
  await page.waitForSelector("#batch-error:not([hidden])");
  assert.match(await page.locator("#batch-error").innerText(), /\[INVALID_VALUE · options\.profile\.unitBands\]$/);
  assert.match(await page.locator("#audit-error").innerText(), /\[INVALID_VALUE · options\.profile\.unitBands\]$/);
  assert.equal(await page.locator("#ranking").isHidden(), true);

  await page.getByLabel("Bộ quy tắc chấm điểm").selectOption("dien-bien-2019");
  await page.waitForSelector("#batch-error[hidden]", { state: "attached" });
  assert.deepEqual((await ranking()).map((r) => r[11]), ["16,74", "15,74"]);
  assert.equal(await page.locator("#audit-error").isHidden(), true);
});

test("English, the English CSV, the focus ring and the phone width", async () => {
  await page.getByRole("button", { name: "Tải ví dụ (cấp huyện và cấp xã, Quý II/2021)" }).click();
  await page.waitForFunction(() => document.querySelectorAll("#ranking tbody tr").length === 2);
  await page.getByRole("button", { name: "English" }).click();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await page.locator("h1").innerText(), "Province view");
  assert.deepEqual((await ranking()).map((r) => [r[0], r[1], r[2], r[11], r[12], r[13]]), [
    ["1", "UBND cấp huyện", "1.91", "16.74", "Excellent", "Districts (1)"],
    ["2", "UBND cấp xã", "1.25", "15.74", "Excellent", "Communes (1)"],
  ]);
  assert.equal(await page.locator("#audit-summary").innerText(), "9 rows read: 6 errors, 1 warning");
  assert.deepEqual(
    (await findings()).map((r) => r[4]),
    expected.map((f) => f.message.en),
  );
  const table = await downloaded(() => page.getByRole("button", { name: "Download the ranked table (CSV)" }).click());
  assert.equal(table.name, "province-table_2021-q2.csv");
  assert.equal(
    table.content,
    "\uFEFF" +
      "Rank,Unit,C1,C2,C3,C4,C5,C6,C7,C8,C9,Total,Rating,Group,Rank in group\r\n" +
      "1,UBND cấp huyện,1.91,1.91,2.00,2.00,1.91,2,2,2,1,16.74,Excellent,Districts,1\r\n" +
      "2,UBND cấp xã,1.25,1.25,2.00,2.00,1.25,2,2,2,2,15.74,Excellent,Communes,1\r\n",
  );
  const audit = await downloaded(() => page.getByRole("button", { name: "Download the findings (CSV)" }).click());
  assert.equal(audit.name, "table-audit_2021-q2.csv");
  assert.equal(audit.content.split("\r\n")[1], "3,UBND huyện B,TABLE_TOTAL_MISMATCH,Error,\"the printed total 16.00 is not the sum of the scores, 17.00 (difference -1.00)\"");

  // Every control is labelled; the keyboard focus shows a ring.
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input:not([type=hidden]), select, textarea")].filter((i) => !i.labels?.length).map((i) => i.id),
  );
  assert.deepEqual(unlabelled, []);
  await page.locator("#lang").focus();
  await page.keyboard.press("Shift+Tab");
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(ring, "solid");

  await page.setViewportSize({ width: 390, height: 844 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(wide, false, "nothing wider than the phone's screen");
  await page.screenshot({ path: join(shots, "province-phone-en.png"), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  assert.equal(await page.locator("html").getAttribute("lang"), "vi");
  assert.deepEqual(pageErrors, []);
});

test("the workbooks: the ranked table and the findings as .xlsx, the writer loaded only when asked for", async () => {
  const requested = [];
  const onRequest = (r) => requested.push(r.url());
  page.on("request", onRequest);
  await page.locator("#load-audit-example").click();
  await page.locator("#load-batch-example").click();
  await page.waitForSelector("#ranking tbody tr");
  await page.waitForSelector("#findings-table tbody tr[data-code]");
  const writer = () => requested.filter((u) => u.endsWith("tthc_score_xlsx_bg.wasm")).length;
  assert.equal(writer(), 0, "the spreadsheet writer is not loaded before a workbook is asked for");

  const table = await downloaded(() => page.getByRole("button", { name: "Tải bảng xếp hạng (Excel)" }).click());
  assert.equal(table.name, "bang-xep-hang_2021-q2.xlsx");
  assert.equal(table.bytes.subarray(0, 2).toString("latin1"), "PK");
  const t = Object.values(cells(table.bytes));
  // The two units' totals as numbers, their rating as text, as on the page.
  assert.ok(t.includes(16.74) && t.includes(15.74), JSON.stringify(t).slice(0, 600));
  assert.ok(t.some((c) => typeof c === "string" && c.includes("UBND cấp xã")));
  assert.ok(t.includes("Xuất sắc"), JSON.stringify(t).slice(0, 600));
  assert.equal(writer(), 1);

  const audit = await downloaded(() => page.getByRole("button", { name: "Tải kết quả kiểm tra (Excel)" }).click());
  assert.equal(audit.name, "kiem-tra-bang_2021-q2.xlsx");
  const a = Object.values(cells(audit.bytes));
  for (const f of expected) assert.ok(a.includes(f.code), `${f.code} in ${JSON.stringify(a).slice(0, 600)}`);
  assert.equal(writer(), 1, "loaded once");
  page.off("request", onRequest);
  assert.deepEqual(pageErrors, []);
});
