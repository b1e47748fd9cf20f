// Compiled by test/types.test.mjs under lib ES2022 alone (no DOM), with and without
// @types/node, skipLibCheck false: the TypeScript of the README, the type guards, the
// discriminated unions, labels() and both entries.
import {
  score,
  isReport,
  assertReport,
  validate,
  labels,
  TthcScoreError,
  type Report,
  type Scorecard,
  type DecimalString,
  type Finding,
  type IndicatorScore,
  type RatingCode,
  type Labels,
  type Code,
} from "../dist/index.js";
import { Tally, tallyCsv, TthcScoreError as DossiersError, type TallyOutcome } from "../dist/dossiers.js";

declare const report: Report;

function fromForm(x: unknown): Scorecard | undefined {
  if (!isReport(x)) return undefined;
  return score(x);
}

function fromApi(x: unknown): Scorecard {
  assertReport(x);
  return score(x);
}

const total: DecimalString = score(report satisfies Report).total.value;
for (const f of score(report).findings) {
  if (f.code === "DECLARED_LEVEL_CONTRADICTED") {
    const levels = f.facts.levelContradicted.possibleLevels;
    void levels;
  }
}
function kindOf(i: IndicatorScore): string {
  if (i.kind === "perDossier") return i.kind;
  return i.kind satisfies "perUnit";
}
const rating: RatingCode | undefined = score(report).total.rating?.code;
const l: Labels = labels({ profile: "tt01-2018", unitLevel: "commune" });
const title: string = l.indicators[0].title.vi;
const problems = validate(undefined);
const codes: Code[] = problems.map((p) => p.code);
const findings: Finding[] = score(report).findings;
const outcome: TallyOutcome = tallyCsv("", { period: "2021-Q2" });
const t = new Tally({ period: "2021-Q2" });
t.free();
const sameClass: typeof TthcScoreError = DossiersError;
void [fromForm, fromApi, total, kindOf, rating, title, codes, findings, outcome, sameClass];

// @ts-expect-error: labels() takes no unknown unit level
labels({ unitLevel: "hamlet" });
// @ts-expect-error: an unknown value is not a Report until narrowed
score(JSON.parse("{}") as unknown);
