// The page's own pure parts, in Node: numbers as a clerk writes them (item 7 of issue 11,
// and what "1,5" in a count field means), and the downloaded CSV (item 8).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertTyped, formatLocal, formatValue, parseLocal } from "../numbers.js";
import { csvForSpreadsheet, fileName, parseCsv, slug, writeCsv } from "../sheet.js";
import { renderTable } from "tthc-score";

const text = (raw, lang, kind) => parseLocal(raw, lang, kind).text;

test("Vietnamese: dot groups thousands, comma marks decimals", () => {
  assert.equal(text("1.147", "vi"), "1147");
  assert.equal(text("115.213", "vi"), "115213");
  assert.equal(text("1147", "vi"), "1147");
  assert.equal(text("1 147", "vi"), "1147");
  assert.equal(text("1,5", "vi"), "1.5"); // one and a half: a count says "phải là số nguyên"
  assert.equal(text("25,5", "vi", "percent"), "25.5");
  assert.equal(text("1.147,25", "vi", "decimal"), "1147.25");
  assert.equal(text("-5", "vi"), "-5");
  assert.equal(text("−5", "vi"), "-5");
  assert.equal(text(" 007 ", "vi"), "7");
  assert.deepEqual(parseLocal("", "vi"), { empty: true });
  assert.deepEqual(parseLocal("   ", "vi"), { empty: true });
  // Not numbers as Vietnamese writes them: the page says so in its own words.
  for (const bad of ["abc", "9OO", "1.5", "1.14", "1,147,000", "12.5%", "1e3", ",5", "1..147"]) {
    assert.deepEqual(parseLocal(bad, "vi"), { bad: true }, bad);
  }
});

test("English: comma groups thousands, point marks decimals", () => {
  assert.equal(text("1,147", "en"), "1147");
  assert.equal(text("1.5", "en"), "1.5");
  assert.equal(text("25.5", "en", "percent"), "25.5");
  assert.deepEqual(parseLocal("1,5", "en"), { bad: true });
  assert.deepEqual(parseLocal("1.147,5", "en"), { bad: true });
});

test("years are plain digits", () => {
  assert.equal(text("2024", "vi", "year"), "2024");
  assert.deepEqual(parseLocal("2.024", "vi", "year"), { bad: true });
  assert.deepEqual(parseLocal("năm 2024", "vi", "year"), { bad: true });
  assert.equal(formatLocal("2024", "vi", "year"), "2024");
});

test("written one way, and the meaning kept across languages", () => {
  assert.equal(formatLocal("1147", "vi"), "1.147");
  assert.equal(formatLocal("115213", "vi"), "115.213");
  assert.equal(formatLocal("16.74", "vi"), "16,74");
  assert.equal(formatLocal("1147", "en"), "1,147");
  assert.equal(formatLocal("-1000.5", "vi"), "-1.000,5");
  assert.equal(convertTyped("1.147", "vi", "en"), "1,147");
  assert.equal(convertTyped("25,5", "vi", "en", "percent"), "25.5");
  assert.equal(convertTyped("1,147", "en", "vi"), "1.147");
  assert.equal(convertTyped("1147", "vi", "vi"), "1.147");
  assert.equal(convertTyped("abc", "vi", "en"), "abc"); // no number: stays as typed
  for (const raw of ["1.147", "25,5", "0", "1.000.000", "-3", "1,5"]) {
    assert.equal(convertTyped(convertTyped(raw, "vi", "en"), "en", "vi"), raw, raw);
  }
  // Values from a report file.
  assert.equal(formatValue(1147, "vi"), "1.147");
  assert.equal(formatValue("16.74", "vi", "decimal"), "16,74");
  assert.equal(formatValue("35.5", "en", "percent"), "35.5");
  assert.equal(formatValue(2021, "vi", "year"), "2021");
  assert.equal(formatValue(undefined, "vi"), "");
  assert.equal(formatValue("abc", "vi"), "abc");
  assert.equal(formatValue(true, "vi"), "true");
});

test("the CSV: the package's cells, separated as a spreadsheet of the language expects", () => {
  const report = JSON.parse(readFileSync(new URL("../examples/dien-bien-2021-q2-commune.json", import.meta.url), "utf8"));
  const core = renderTable(report, { format: "csv", lang: "vi" });
  const vi = csvForSpreadsheet(core, "vi");
  assert.ok(vi.startsWith("\uFEFFĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\r\n"));
  const cells = parseCsv(vi.slice(1), ";");
  assert.deepEqual(cells, parseCsv(core, ","), "cell for cell the package's CSV");
  assert.ok(vi.includes("\r\nKỳ đánh giá;Quý II, Năm 2021\r\n"));
  assert.ok(vi.includes("\r\n;TỔNG ĐIỂM;18,0;;15,74;\r\n"));
  assert.ok(vi.includes("\r\nXếp loại;Xuất sắc (15,74/18,0 điểm)\r\n"));
  const en = renderTable(report, { format: "csv", lang: "en" });
  assert.equal(csvForSpreadsheet(en, "en"), "\uFEFF" + en);
  // Quoting only where needed, and back.
  const rows = [["a;b", 'say "x"', "1,5", "line\nbreak", ""]];
  assert.deepEqual(parseCsv(writeCsv(rows, ";"), ";"), rows);
  assert.equal(writeCsv([["1,5", "x"]], ";"), "1,5;x\r\n");
});

test("file names say which report they hold", () => {
  assert.equal(slug("UBND các xã thuộc huyện Điện Biên, tỉnh Điện Biên"), "ubnd-cac-xa-thuoc-huyen-dien-bien-tinh-dien-bien");
  const report = { unit: { name: "UBND cấp xã", organization: "UBND xã Thanh Xương" }, period: { year: 2024, quarter: 3 } };
  assert.equal(fileName("bang-cham-diem", report, "csv"), "bang-cham-diem_ubnd-xa-thanh-xuong_2024-q3.csv");
  assert.equal(fileName("bao-cao-tthc", { period: { year: 2024, month: 7 } }, "json", "KHONG-HOP-LE"), "bao-cao-tthc_2024-m07_KHONG-HOP-LE.json");
  assert.equal(fileName("bao-cao-tthc", {}, "json"), "bao-cao-tthc.json");
});

// A real spreadsheet program, where one is installed (LibreOffice; not installed by the
// test script): the Vietnamese file opened as Excel opens a CSV on a Vietnamese Windows
// (list separator ";", decimal comma, locale vi-VN), the English one as on en-US.
const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
test("a spreadsheet set to Vietnamese reads the download: six columns, numbers as numbers", { skip: !soffice && "LibreOffice is not installed" }, () => {
  const report = JSON.parse(readFileSync(new URL("../examples/dien-bien-2021-q2-district.json", import.meta.url), "utf8"));
  const dir = mkdtempSync(join(tmpdir(), "tthc-sheet-"));
  const open = (lang, filter) => {
    writeFileSync(join(dir, `${lang}.csv`), csvForSpreadsheet(renderTable(report, { format: "csv", lang }), lang));
    execFileSync(soffice, ["--headless", `--infilter=${filter}`, "--convert-to", "fods", "--outdir", dir, join(dir, `${lang}.csv`)], { env: { ...process.env, HOME: dir }, stdio: "ignore", timeout: 120000 });
    const xml = readFileSync(join(dir, `${lang}.fods`), "utf8");
    const rows = [...xml.matchAll(/<table:table-row[^>]*>(.*?)<\/table:table-row>/gs)].map(([, row]) =>
      [...row.matchAll(/<table:table-cell([^>]*?)(?:\/>|>(.*?)<\/table:table-cell>)/gs)].map(([, attrs, body = ""]) => {
        const number = /office:value-type="float" office:value="([^"]+)"/.exec(attrs);
        return number ? Number(number[1]) : body.replace(/<[^>]+>/g, "").trim();
      }),
    );
    return rows.filter((r) => r.some((c) => c !== ""));
  };
  // Separator ";" (59), quote '"' (34), UTF-8 (76), from line 1, locale vi-VN (1066).
  const vi = open("vi", "CSV:59,34,76,1,,1066");
  assert.deepEqual(vi[2].slice(0, 2), ["Kỳ đánh giá", "Quý II, Năm 2021"]);
  assert.deepEqual(vi.find((r) => r[0] === "STT").slice(0, 6), ["STT", "Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Số lượng hồ sơ", "Điểm tự đánh giá", "Ghi chú"]);
  assert.ok(vi.every((r) => r.filter((c) => c !== "").length <= 6), "no row split beyond the table's six columns");
  assert.deepEqual(vi[4].slice(0, 2), ["Tổng số hồ sơ đã tiếp nhận trong kỳ", 1147]);
  const total = vi.find((r) => r[1] === "TỔNG ĐIỂM");
  assert.deepEqual(total.slice(0, 5), ["", "TỔNG ĐIỂM", 18, "", 16.74]);
  assert.deepEqual(vi.find((r) => r[0] === 1).slice(2, 5), [2, 1132, 1.91]);
  // Separator ",", locale en-US (1033).
  const en = open("en", "CSV:44,34,76,1,,1033");
  assert.deepEqual(en.find((r) => r[1] === "TOTAL SCORE").slice(0, 5), ["", "TOTAL SCORE", 18, "", 16.74]);
  assert.deepEqual(en.find((r) => r[0] === 1).slice(2, 5), [2, 1132, 1.91]);
});
