// The 766 index page in Debian's Chromium: the example gives 87,21 and the package's group
// sums, indicator points, derivations, confidences and notes; the province's bands give
// "Tốt"; the zero-denominator option changes the total as the package says; bad counts
// show their codes at their fields; English; the focus ring and the phone width;
// screenshots in web-demo/screenshots/. The expected figures come from the package itself
// (its Node build), never from the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openDemo, shots, demoDir } from "./page.mjs";

const pkg = await import("../../packages/tthc-score/dist/province.node.mjs");
const input = JSON.parse(readFileSync(join(demoDir, "examples/index-766-example.json"), "utf8"));
const bandsProfile = JSON.parse(readFileSync(join(demoDir, "examples/index-766-province-bands.json"), "utf8"));
const expected = pkg.scoreIndex(input);
const vi = (v) => v.replace(".", ",");

let demo;
let page;
let pageErrors;

before(async () => {
  demo = await openDemo("index766.html");
  ({ page, errors: pageErrors } = demo);
});

after(async () => {
  await demo?.close();
});

const groups = () => page.locator("#group-table tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.dataset.group, tr.querySelector(".points").textContent]));
const total = () => page.locator("#total").innerText();

test("the example: 87,21 and the package's groups, points, derivations, confidences and notes", async () => {
  assert.equal(await page.locator("html").getAttribute("lang"), "vi");
  assert.match(await page.locator("#status").innerText(), /Tải ví dụ/);
  // One count typed in a blank form: the others are counted as not entered yet, not flagged one by one.
  // (its own missing denominator is shown at once, with its code).
  await page.getByLabel("Tử số 1.1", { exact: true }).fill("12");
  await page.waitForFunction(() => /chưa nhập/.test(document.querySelector("#status").textContent));
  assert.equal(await page.locator("#status").innerText(), "Chưa tính được: 1 lỗi cần sửa, còn 18 chỉ số chưa nhập.");
  assert.match(await page.locator("#f-1_1-den-error").innerText(), /\[MISSING_FIELD\]$/);
  await page.getByLabel("Mẫu số 1.1", { exact: true }).fill("12");
  await page.waitForFunction(() => document.querySelector("#status").textContent === "Chưa tính được: còn 18 chỉ số chưa nhập.");
  assert.equal(await page.locator(".error .msg").count(), 0);
  await page.getByRole("button", { name: "Tải ví dụ", exact: true }).click();
  await page.waitForFunction(() => document.querySelector("#total").textContent !== "—");
  assert.equal(expected.total.display.vi, "87,21");
  assert.equal(await total(), "87,21");
  assert.equal(await page.locator("#total-max").innerText(), "/ 100");
  assert.equal(await page.locator("#band").innerText(), "không có khung xếp loại");
  assert.deepEqual(await groups(), expected.groups.map((g) => [g.id, vi(g.points)]));
  assert.deepEqual(await groups(), [["1", "17,54"], ["2", "19,17"], ["3", "18,45"], ["4", "14,05"], ["5", "18,00"]]);

  // Each indicator: the package's points, derivation, confidence and "inferred".
  const rows = await page.locator(".indicator").evaluateAll((rs) =>
    rs.map((r) => ({
      id: r.dataset.id,
      points: r.dataset.points,
      derivation: r.querySelector(".ind-derivation").textContent,
      confidence: r.querySelector(".confidence").dataset.confidence,
      confidenceText: r.querySelector(".confidence").textContent,
      inferred: !r.querySelector(".inferred").hidden,
    })),
  );
  assert.deepEqual(
    rows.map(({ id, points, derivation, confidence, inferred }) => ({ id, points, derivation, confidence, inferred })),
    expected.indicators.map((i) => ({ id: i.id, points: i.points ?? "", derivation: i.derivation.vi, confidence: i.confidence, inferred: i.inferred })),
  );
  assert.equal(rows.find((r) => r.id === "4.6").confidenceText, "Độ tin cậy: thấp");
  const r36 = page.locator('.indicator[data-id="3.6"]');
  assert.equal(await r36.locator(".ind-points").innerText(), "8,75 / 10 điểm");
  assert.equal(await r36.locator("input").count(), 6, "the online payment has three parts a/b/c");
  assert.equal(await page.locator('.indicator[data-id="1.2"] .ind-ratio').innerText(), "R = 91,67 %");

  // Every note of the result, in order.
  const notes = await page.locator("#notes li").evaluateAll((lis) => lis.map((li) => [li.dataset.code, li.textContent]));
  assert.deepEqual(notes, expected.notes.map((n) => [n.code, n.text.vi]));
  assert.ok(notes.some(([code]) => code === "noBands"));
  assert.doesNotMatch(await page.locator("body").innerText(), /NaN|undefined/);
  await page.screenshot({ path: join(shots, "index766-desktop-vi.png"), fullPage: true });
});

test("the province's bands: Tốt; zero denominators not applicable: the package's total", async () => {
  const withBands = pkg.scoreIndex(input, { profile: bandsProfile });
  assert.equal(withBands.total.band.label.vi, "Tốt");
  await page.getByLabel("Bộ chỉ số", { exact: true }).selectOption(bandsProfile.id);
  await page.waitForFunction(() => document.querySelector("#band").textContent === "Tốt");
  assert.equal(await page.locator("#band").getAttribute("data-code"), "good");
  assert.equal(await page.locator("#status").innerText(), `Tổng điểm ${withBands.total.display.vi} / 100 · Xếp loại: Tốt`);
  assert.equal(await total(), withBands.total.display.vi);
  assert.deepEqual(
    await page.locator("#notes li").evaluateAll((lis) => lis.map((li) => li.textContent)),
    withBands.notes.map((n) => n.text.vi),
  );

  const na = pkg.scoreIndex(input, { profile: bandsProfile, zeroDenominator: "notApplicable" });
  assert.notEqual(na.total.applicableMaximum, expected.total.applicableMaximum);
  await page.getByLabel("Chỉ số có mẫu số 0").selectOption("notApplicable");
  await page.waitForSelector("#basis:not([hidden])");
  assert.equal(await total(), na.total.display.vi);
  assert.equal(await page.locator("#basis").getAttribute("data-applicable"), na.total.applicableMaximum);
  assert.equal(await page.locator("#basis").getAttribute("data-band-basis"), na.total.bandBasis);
  assert.match(await page.locator("#basis").innerText(), new RegExp(`${vi(na.total.applicableMaximum)}.*${vi(na.total.bandBasis).replace(".", "\\.")}`));
  assert.equal(await page.locator("#band").innerText(), na.total.band.label.vi);
  assert.deepEqual(await groups(), na.groups.map((g) => [g.id, vi(g.points)]));
  assert.equal(await page.locator('.indicator[data-id="4.6"]').getAttribute("data-status"), "zeroDenominator");
  assert.match(await page.locator('.indicator[data-id="4.6"] .ind-points').innerText(), /không tính/);
  assert.ok(await page.locator('#notes li[data-code="zeroDenominator"]').count());

  // "full": 4.6 at 0/0 gets its 2 points, as the package says.
  const full = pkg.scoreIndex(input, { profile: bandsProfile, zeroDenominator: "full" });
  await page.getByLabel("Chỉ số có mẫu số 0").selectOption("full");
  await page.waitForFunction((v) => document.querySelector("#total").textContent === v, full.total.display.vi);
  assert.equal(await page.locator("#band").innerText(), full.total.band.label.vi);

  await page.getByLabel("Chỉ số có mẫu số 0").selectOption("zero");
  await page.getByLabel("Bộ chỉ số", { exact: true }).selectOption("vn-766");
  await page.waitForFunction(() => document.querySelector("#total").textContent === "87,21");

  // The payment's parts rounded one by one: 4,50 + 1,88 + 2,38 = 8,76, as the package says.
  const each = pkg.scoreIndex(input, { partRounding: "eachPart" });
  assert.equal(each.total.display.vi, "87,22");
  await page.getByLabel("Làm tròn điểm thanh toán trực tuyến (3.6)").selectOption("eachPart");
  await page.waitForFunction(() => document.querySelector("#total").textContent === "87,22");
  assert.equal(await page.locator('.indicator[data-id="3.6"] .ind-points').innerText(), "8,76 / 10 điểm");
  assert.ok(await page.locator('#notes li[data-code="roundedEachPart"]').count());
  await page.getByLabel("Làm tròn điểm thanh toán trực tuyến (3.6)").selectOption("once");
  await page.waitForFunction(() => document.querySelector("#total").textContent === "87,21");
  // The first choice sends nothing: the profile's own setting (here "once") stands.
  await page.getByLabel("Làm tròn điểm thanh toán trực tuyến (3.6)").selectOption("eachPart");
  await page.waitForFunction(() => document.querySelector("#total").textContent === "87,22");
  await page.getByLabel("Làm tròn điểm thanh toán trực tuyến (3.6)").selectOption("");
  await page.waitForFunction(() => document.querySelector("#total").textContent === "87,21");
});

test("bad counts: the package's message and code at the field, never NaN", async () => {
  const field = page.getByLabel("Tử số 1.1", { exact: true });
  await field.fill("-1");
  const box = page.locator("#f-1_1-num-error");
  await page.waitForFunction(() => document.querySelector("#f-1_1-num-error").textContent.includes("COUNT_NEGATIVE"));
  assert.equal(await box.innerText(), "Số lượng không được âm (giá trị: -1) [COUNT_NEGATIVE]");
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  assert.equal(await total(), "—");
  assert.match(await page.locator("#status").innerText(), /Chưa tính được: 1 lỗi/);

  await field.fill("1,5");
  await page.waitForFunction(() => document.querySelector("#f-1_1-num-error").textContent.includes("COUNT_FRACTIONAL"));
  assert.equal(await box.innerText(), "Số lượng phải là số nguyên (giá trị: 1,5) [COUNT_FRACTIONAL]");

  // A numerator above its denominator, a part of the payment, text that is no number.
  await field.fill("13");
  await page.waitForFunction(() => document.querySelector("#f-1_1-num-error").textContent.includes("NUMERATOR_EXCEEDS_DENOMINATOR"));
  await field.fill("12");
  await page.getByLabel("Mẫu số 3.6b", { exact: true }).fill("-4");
  await page.waitForFunction(() => document.querySelector("#f-3_6-b-den-error").textContent.includes("COUNT_NEGATIVE"));
  await page.getByLabel("Mẫu số 3.6b", { exact: true }).fill("40");
  await page.getByLabel("Mẫu số 2.1", { exact: true }).fill("abc");
  await page.waitForFunction(() => document.querySelector("#f-2_1-den-error").textContent.includes("NOT_A_NUMBER"));
  await page.getByLabel("Mẫu số 2.1", { exact: true }).fill("1.200");
  await page.waitForFunction(() => document.querySelector("#total").textContent === "87,21");
  assert.equal(await page.locator("[aria-invalid=true]").count(), 0);
  assert.doesNotMatch(await page.locator("body").innerText(), /NaN|undefined/);

  // A shown-only indicator left empty is fine.
  for (const name of ["Tử số 2.2", "Mẫu số 2.2", "Tử số 5.1", "Mẫu số 5.1"]) await page.getByLabel(name, { exact: true }).fill("");
  await page.waitForFunction(() => document.querySelector('.indicator[data-id="2.2"]').dataset.status === "notGiven");
  assert.equal(await total(), "87,21");
  await page.getByRole("button", { name: "Tải ví dụ", exact: true }).click();
});

test("English, labels, the focus ring and the phone width", async () => {
  await page.getByRole("button", { name: "English" }).click();
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await total(), "87.21");
  assert.equal(await page.getByLabel("Denominator 2.1", { exact: true }).inputValue(), "1,200");
  assert.equal(await page.locator('#group-table tr[data-group="4"] th').innerText(), `4. ${expected.groups[3].name.en}`);
  assert.deepEqual(await groups(), expected.groups.map((g) => [g.id, g.points]));
  assert.equal(await page.locator('.indicator[data-id="3.6"] .ind-derivation').innerText(), expected.indicators.find((i) => i.id === "3.6").derivation.en);
  assert.deepEqual(await page.locator("#notes li").evaluateAll((lis) => lis.map((li) => li.textContent)), expected.notes.map((n) => n.text.en));
  assert.equal(await page.locator('.indicator[data-id="4.4"] .confidence').innerText(), "Confidence: medium-low");
  await page.getByLabel("Numerator 1.1", { exact: true }).fill("1.5");
  await page.waitForFunction(() => document.querySelector("#f-1_1-num-error").textContent.includes("COUNT_FRACTIONAL"));
  assert.equal(await page.locator("#f-1_1-num-error").innerText(), "count must be a whole number, got 1.5 [COUNT_FRACTIONAL]");
  await page.getByLabel("Numerator 1.1", { exact: true }).fill("12");
  await page.waitForFunction(() => document.querySelector("#total").textContent === "87.21");

  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input:not([type=hidden]), select, textarea")].filter((i) => !i.labels?.length).map((i) => i.id),
  );
  assert.deepEqual(unlabelled, []);
  await page.locator("#lang").focus();
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), "solid");

  await page.setViewportSize({ width: 390, height: 844 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(wide, false, "nothing wider than the phone's screen");
  await page.screenshot({ path: join(shots, "index766-phone-en.png"), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  assert.equal(await page.locator("html").getAttribute("lang"), "vi");
  assert.equal(await total(), "87,21");
  assert.deepEqual(pageErrors, []);
});
