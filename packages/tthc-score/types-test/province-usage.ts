// Compiled with `tsc --noEmit` by the tests: a batch's results narrow by the options.
import { batch, type BatchOfRows, type BatchOfScorecards, type Batch } from "../dist/province.js";

declare const reports: unknown[];
const rows: BatchOfRows = batch(reports, { scorecards: false });
for (const r of rows.results) {
  if ("row" in r) console.log(rows.table.rows[r.row]?.unit);
  else console.log(r.errors[0]?.code);
  // @ts-expect-error a batch without scorecards has none
  if ("scorecard" in r) console.log(r.scorecard.total);
}
const cards: BatchOfScorecards = batch("[]");
for (const r of cards.results) {
  if ("scorecard" in r) console.log(r.scorecard.total.value);
}
const either: Batch = batch(reports, { scorecards: Math.random() > 0.5 });
console.log(either.results.length);

// A unit under its own profile beside bare reports; its row names that profile.
import type { BatchItem, Report } from "../dist/province.js";
declare const report: Report;
const own: BatchItem = { report, profile: "tt01-2018" };
const mixed = batch([report, own, { report }], { scorecards: false });
const named: string | undefined = mixed.table.rows[0]?.profile;
console.log(named);
// @ts-expect-error an item's profile is an id or a profile object
const wrong: BatchItem = { report, profile: 2018 };
console.log(wrong);

// The 766 index's input as the README writes it: indicators and parts are plain objects.
import { scoreIndex, type IndexInput } from "../dist/province.js";
const indexInput: IndexInput = {
  period: { year: 2026, quarter: 3 },
  unit: { name: "UBND xã Thanh Xương", level: "commune" },
  indicators: {
    "1.1": { numerator: 12, denominator: 12 },
    "3.6": { parts: { a: { numerator: 300, denominator: 400 }, b: { numerator: 30, denominator: 40 } } },
  },
};
const indexTotal: string = scoreIndex(indexInput).total.display.vi;
console.log(indexTotal);
// @ts-expect-error a part is a ratio: its denominator is required
const noDenominator: IndexInput = { ...indexInput, indicators: { "3.6": { parts: { a: { numerator: 1 } } } } };
console.log(noDenominator);

// The province entry reads a profile object where the main entry reads ids only.
import { labels, profiles } from "../dist/province.js";
const ownProfile = profiles()[0]!;
console.log(labels({ profile: ownProfile }).profile);
