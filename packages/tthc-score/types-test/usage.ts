// Compiled with `tsc --noEmit` by the tests: the declarations are precise enough to write
// this without a cast, and they reject what they should (@ts-expect-error lines).
import {
  score,
  scoreResult,
  audit,
  validate,
  renderTable,
  profiles,
  version,
  init,
  TthcScoreError,
  type Report,
  type Scorecard,
  type Problem,
  type Finding,
  type DecimalString,
  type IndicatorId,
  type Code,
  type Outcome,
} from "../dist/index.js";

const report: Report = {
  period: { year: 2021, quarter: 2 },
  unit: { name: "UBND cấp huyện", level: "district" },
  dossiers: {
    received: { online: 99, direct: 1047, carriedOver: 1, total: 1147 },
    resolved: { early: 1033, onTime: 99, late: 0 },
    pending: { withinDeadline: 15, overdue: 0 },
  },
  perDossier: {
    agencyTime: { two: 1033, one: 99, zero: 0 },
    contacts: { two: 1132, one: 0, zero: 0 },
    agencies: { two: 1132, one: 0, zero: 0 },
    attitude: { two: 1033, one: 99, zero: 0 },
  },
  perUnit: {
    oneStop: { level: 2 },
    publicity: { facts: { posted: true, electronic: true } },
    feedback: { facts: { received: 3, handledOnTime: 3, prolonged: 0 } },
    onlineServices: { level: 1, facts: { deployedPercent: "25.5" } },
  },
};

async function main(): Promise<void> {
  await init();
  const card: Scorecard = score(report, { profile: "tt01-2018", interpretations: { levelSource: "facts" } });
  const total: DecimalString = card.total.value;
  const first: IndicatorId = card.indicators[0].id;
  const exact: DecimalString | undefined = card.indicators[0].exact;
  const label: string = card.total.rating?.label.vi ?? "";
  const findings: Finding[] = audit(report);
  const problems: Problem[] = validate({ anything: true });
  const table: string = renderTable(report, { format: "html", lang: "en" });
  const outcome: Outcome = scoreResult(report);
  if ("scorecard" in outcome) {
    const s: Scorecard = outcome.scorecard;
    void s;
  } else {
    const codes: Code[] = outcome.errors.map((p) => p.code);
    void codes;
  }
  try {
    score(report);
  } catch (e) {
    if (e instanceof TthcScoreError) {
      const code: Code = e.code;
      const path: string = e.path;
      const all: Problem[] = e.problems;
      void [code, path, all];
    }
  }
  const ids: string[] = profiles().map((p) => p.id);
  // @ts-expect-error the main entry reads built-in profile ids only ("tthc-score/province" reads objects)
  score(report, { profile: profiles()[0]! });
  const v: string = version;
  void [total, first, exact, label, findings, problems, table, ids, v];

  // @ts-expect-error: counts are numbers, not strings
  const bad1: Report = { ...report, dossiers: { ...report.dossiers, pending: { withinDeadline: "15", overdue: 0 } } };
  // @ts-expect-error: a level is 0, 1 or 2
  const bad2: Report = { ...report, perUnit: { ...report.perUnit, oneStop: { level: 3 } } };
  // @ts-expect-error: unknown unit level
  const bad3: Report = { ...report, unit: { name: "x", level: "hamlet" } };
  // @ts-expect-error: unknown format
  renderTable(report, { format: "pdf" });
  // @ts-expect-error: decimals are strings
  const bad4: number = card.total.value;
  void [bad1, bad2, bad3, bad4];
}
void main;
