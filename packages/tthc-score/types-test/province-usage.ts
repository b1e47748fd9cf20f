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
