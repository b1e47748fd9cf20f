// Compiled by test/types.test.mjs as a CommonJS consumer under moduleResolution node16,
// skipLibCheck false: the .d.cts declarations of every entry must not import an ES module.
import main = require("../dist/index.cjs");
import dossiers = require("../dist/dossiers.cjs");
import province = require("../dist/province.cjs");
import xlsx = require("../dist/xlsx.cjs");

declare const report: main.Report;
const total: string = main.score(report).total.value;
const tally = new dossiers.Tally({ period: "2021-Q2" });
const index: string = province.scoreIndex({
  period: { year: 2026, quarter: 3 },
  unit: { name: "UBND xã A", level: "commune" },
  indicators: { "1.1": { numerator: 1, denominator: 2 } },
}).total.display.en;
const bytes: Uint8Array = xlsx.annexXlsx(report, { profile: "tt01-2018" }, "en");
void [total, tally, index, bytes];
