/**
 * The Dashboard's report, laid out (report-plan.ts) from the school's figures: the provision map at
 * a glance, what works, what to look at, the charts, impact amalgamated by type of provision, area
 * of need and year group, and the SEN report beside national figures. Pure: the figures come from
 * impact.ts, amalgamate.ts, glance.ts, look-at.ts and sen-report.ts.
 */
import type { GroupFigures, Amalgamated } from './amalgamate';
import type { GlanceGrid } from './glance';
import type { InterventionImpact } from './impact';
import type { LookAtItem } from './look-at';
import type { InterventionFigureFacts } from './provision-facts';
import { ReportBuilder, type ReportCell, type ReportPlan } from './report-plan';
import type { SenReport, StatusReport } from './sen-report';

export interface DashboardInput {
  interventions: readonly {
    facts: InterventionFigureFacts;
    impact: InterventionImpact;
    band: string;
  }[];
  glance: readonly GlanceGrid[];
  /** Why a glance period is missing (no term dates), when it is. */
  glanceNotes: readonly string[];
  lookAt: readonly LookAtItem[];
  amalgamated: Amalgamated;
  senReport: SenReport;
}

const MONEY = '£#,##0.00';
const SCORE = '+0.0;-0.0;0.0';
const ONE_DECIMAL = '0.0';
const WIDTH = 12;
const blank = (n: number | undefined): ReportCell => (n === undefined ? '' : n);
const metText = (m: { met: number; of: number }): string => (m.of > 0 ? `${m.met} of ${m.of}` : '');
const signed = (n: number): string => `${n > 0 ? '+' : ''}${n}`;

export function dashboardReport(input: DashboardInput): ReportPlan {
  const report = new ReportBuilder(widthFor(input), [300, 115, 115, 115, 115, 115, 125, 115]);
  glanceSection(report, input);
  const works = whatWorksSection(report, input);
  lookAtSection(report, input.lookAt);
  chartsSection(report, input, works);
  amalgamatedSection(report, input.amalgamated);
  senReportSection(report, input.senReport);
  return report.build();
}

function widthFor(input: DashboardInput): number {
  const years = Math.max(0, ...input.glance.map((g) => g.yearGroups.length));
  return Math.max(WIDTH, 1 + years + 5);
}

// ---- The provision map at a glance -----------------------------------------------------------

function glanceSection(report: ReportBuilder, input: DashboardInput): void {
  report.section('The provision map at a glance');
  report.note(
    'Pupils in provision by area of need (their primary need) and year group, with each area’s interventions, the sessions and minutes of them a week and their cost.',
  );
  for (const note of input.glanceNotes) report.note(note);
  for (const grid of input.glance) {
    report.heading(grid.period.name);
    const rows: ReportCell[][] = [];
    grid.needs.forEach((need, r) => {
      const total = grid.rowTotals[r];
      if (!total || total.pupils === 0) return;
      rows.push([
        need.need,
        ...(grid.cells[r] ?? []).map((cell) => cell.pupils || ''),
        total.interventions,
        total.pupils,
        total.sessionsPerWeek,
        total.minutesPerWeek,
        total.cost,
      ]);
    });
    rows.push([
      'All areas of need',
      ...grid.columnTotals.map((cell) => cell.pupils),
      grid.total.interventions,
      grid.total.pupils,
      grid.total.sessionsPerWeek,
      grid.total.minutesPerWeek,
      grid.total.cost,
    ]);
    const years = grid.yearGroups.length;
    report.table(
      [
        'Area of need (pupils by year group)',
        ...grid.yearGroups,
        'Interventions',
        'Pupils',
        'Sessions a week',
        'Minutes a week',
        'Cost',
      ],
      rows,
      { [years + 5]: MONEY },
    );
    if (grid.notCosted.length > 0) {
      report.note(`Not costed yet (counted as £0): ${grid.notCosted.join(', ')}.`);
    }
    if (grid.undated.length > 0) {
      report.note(`Left out, as they have no start date: ${grid.undated.join(', ')}.`);
    }
  }
}

// ---- What works ----------------------------------------------------------------------------

interface WorksTable {
  /** The rows with an average outcome (they come first): the bar chart's data. */
  scored: { row: number; rows: number };
}

function byImpact(input: DashboardInput): DashboardInput['interventions'] {
  return [...input.interventions].sort((a, b) => {
    const x = a.impact.averageOutcome;
    const y = b.impact.averageOutcome;
    if (x === undefined || y === undefined)
      return x === y ? a.facts.name.localeCompare(b.facts.name) : x === undefined ? 1 : -1;
    return y - x || a.facts.name.localeCompare(b.facts.name);
  });
}

function whatWorksSection(report: ReportBuilder, input: DashboardInput): WorksTable {
  report.section('What works');
  report.note(
    'Every intervention, most effective first. Average outcome score: −2 significantly less than expected … +2 significantly more; green 0 or above, amber between −1 and 0, red −1 or below.',
  );
  const sorted = byImpact(input);
  const body = report.table(
    [
      'Intervention',
      'Average outcome score',
      'Status',
      'Pupils with an outcome',
      'Met target',
      'Average ratio gain',
      'Average score change',
      'Cost per pupil',
      'Cost band (EEF)',
      'Cost per pupil meeting target',
      'Cost per unit of progress',
    ],
    sorted.map(({ facts, impact, band }) => [
      facts.name,
      blank(impact.averageOutcome),
      facts.status,
      impact.pupilsWithOutcome,
      metText(impact.metTarget),
      blank(impact.averageRatioGain?.ratio),
      impact.averageScoreChange
        ? `${signed(impact.averageScoreChange.points)} points (${signed(impact.averageScoreChange.eefMonths)} months)`
        : '',
      blank(impact.costPerPupil),
      band,
      blank(impact.costPerPupilMeetingTarget),
      impact.costPerUnit
        ? `£${impact.costPerUnit.pounds.toFixed(2)} ${impact.costPerUnit.label}`
        : '',
    ]),
    { 1: SCORE, 5: ONE_DECIMAL, 7: MONEY, 9: MONEY },
    [0, 6, 10],
  );
  report.colourByScore({ row: body.row, column: 1, rows: body.rows, columns: 1 });
  const scored = sorted.filter((i) => i.impact.averageOutcome !== undefined).length;
  if (sorted.length === 0) report.note('No interventions yet.');
  return { scored: { row: body.row, rows: scored } };
}

// ---- What to look at -------------------------------------------------------------------------

function lookAtSection(report: ReportBuilder, items: readonly LookAtItem[]): void {
  report.section('What to look at');
  if (items.length === 0) {
    report.note('Nothing needs looking at today.');
    return;
  }
  report.table(
    ['Intervention or need', 'What', 'Why'],
    items.map((item) => [item.name, item.kind, item.reason]),
    {},
    [0, 1],
  );
}

// ---- Charts ----------------------------------------------------------------------------------

function chartsSection(report: ReportBuilder, input: DashboardInput, works: WorksTable): void {
  report.section('Charts');
  // Their data first (the charts point at it), then the charts in the room left below.
  const scatter = input.interventions.filter(
    (i) => i.impact.averageOutcome !== undefined && i.impact.costPerPupil !== undefined,
  );
  report.heading('Chart data: cost per pupil and average outcome');
  const scatterData = report.table(
    ['Cost per pupil (£)', 'Average outcome score'],
    scatter.map((i) => [i.impact.costPerPupil ?? 0, i.impact.averageOutcome ?? 0]),
    { 0: MONEY, 1: SCORE },
  );
  const support = input.senReport.statuses.find((s) => s.status === 'SEN support');
  const needs = (support?.byNeed ?? []).filter((line) => line.pupils > 0 || line.national.value);
  report.heading('Chart data: pupils on SEN support by primary need, % (school and national)');
  const needData = report.table(
    ['Primary need', 'School %', 'National %'],
    needs.map((line) => [line.need, blank(line.percent), blank(line.national.value)]),
    { 1: ONE_DECIMAL, 2: ONE_DECIMAL },
  );
  report.blank();
  if (works.scored.rows > 0) {
    report.chart({
      kind: 'BAR',
      title: 'Average outcome score by intervention',
      data: { row: works.scored.row, column: 0, rows: works.scored.rows, columns: 2 },
      width: 640,
      height: Math.max(220, 60 + 28 * works.scored.rows),
      hAxisTitle: 'Average outcome score (−2 … +2)',
      vAxisTitle: '',
      hAxisRange: { min: -2, max: 2 },
      colors: ['#1a73e8'],
    });
  } else {
    report.note('The outcome chart appears once an end review gives a pupil an outcome score.');
  }
  if (scatter.length > 0) {
    report.chart({
      kind: 'SCATTER',
      title: 'Cost per pupil against average outcome',
      data: scatterData,
      width: 640,
      height: 320,
      hAxisTitle: 'Cost per pupil (£)',
      vAxisTitle: 'Average outcome score',
      vAxisRange: { min: -2, max: 2 },
      colors: ['#d93025'],
    });
  }
  if (needs.length > 0) {
    report.chart({
      kind: 'COLUMN',
      title: 'Pupils on SEN support by primary need: school and national (%)',
      data: needData,
      width: 720,
      height: 340,
      hAxisTitle: 'Primary need',
      vAxisTitle: '% of pupils on SEN support',
      colors: ['#1a73e8', '#9aa0a6'],
    });
  }
}

// ---- Amalgamated -----------------------------------------------------------------------------

const GROUP_HEADERS = [
  'Interventions',
  'Pupils',
  'Pupils with an outcome',
  'Average outcome score',
  'Met target',
  'Average ratio gain',
  'Average score change',
  'Cost',
  'Cost per pupil',
  'Cost per pupil meeting target',
];

function groupRow(group: GroupFigures, label: string): ReportCell[] {
  return [
    label,
    group.interventions,
    group.pupils,
    group.pupilsWithOutcome,
    blank(group.averageOutcome),
    metText(group.metTarget),
    blank(group.averageRatioGain?.ratio),
    group.averageScoreChange
      ? `${signed(group.averageScoreChange.points)} points (${signed(group.averageScoreChange.eefMonths)} months)`
      : '',
    blank(group.cost),
    blank(group.costPerPupil),
    blank(group.costPerPupilMeetingTarget),
  ];
}

function groupTable(report: ReportBuilder, first: string, rows: ReportCell[][]): void {
  const body = report.table(
    [first, ...GROUP_HEADERS],
    rows,
    { 4: SCORE, 6: ONE_DECIMAL, 8: MONEY, 9: MONEY, 10: MONEY },
    [0, 7],
  );
  report.colourByScore({ row: body.row, column: 4, rows: body.rows, columns: 1 });
}

function amalgamatedSection(report: ReportBuilder, figures: Amalgamated): void {
  report.section('Impact and cost by type of provision, area of need and year group');
  report.note('Over every run of each, in all years; pupils are counted once in each row.');
  report.heading('By type of provision (Provision library entry)');
  groupTable(
    report,
    'Type of provision',
    figures.byProvisionType.map((g) =>
      groupRow(g, g.fromLibrary ? g.label : `${g.label} (not from the library)`),
    ),
  );
  report.heading('By area of need (the pupils’ primary need)');
  groupTable(
    report,
    'Area of need',
    figures.byAreaOfNeed.map((g) => groupRow(g, g.label)),
  );
  report.heading('By year group');
  groupTable(
    report,
    'Year group',
    figures.byYearGroup.map((g) => groupRow(g, g.label)),
  );
}

// ---- SEN report ------------------------------------------------------------------------------

function nationalFrom(status: StatusReport['national']): string {
  return status.value === undefined
    ? 'No national figure: enter it on the Settings tab'
    : [status.year, status.source].filter(Boolean).join(': ');
}

function senReportSection(report: ReportBuilder, sen: SenReport): void {
  report.section('SEN report');
  report.note(
    sen.pupilsOnRoll === undefined
      ? `${sen.onRegister} pupils on the SEN register.`
      : `${sen.onRegister} pupils on the SEN register, of ${sen.pupilsOnRoll} on roll.`,
  );
  if (sen.rollReason) report.note(`${sen.rollReason} to see the percentages of pupils on roll.`);
  report.table(
    [
      'Provision',
      'Pupils',
      '% of pupils on roll',
      'National %',
      'Difference (points)',
      'National figure',
    ],
    sen.statuses.map((s) => [
      s.status,
      s.pupils,
      blank(s.percentOfRoll),
      blank(s.national.value),
      blank(s.differencePoints),
      nationalFrom(s.national),
    ]),
    { 2: ONE_DECIMAL, 3: ONE_DECIMAL, 4: SCORE },
  );
  for (const status of sen.statuses) {
    report.heading(`${status.status}: pupils by primary need`);
    report.table(
      [
        'Primary need',
        'Pupils',
        `% of ${status.status}`,
        'National %',
        'Difference (points)',
        'National figure',
      ],
      status.byNeed.map((line) => [
        line.need,
        line.pupils,
        blank(line.percent),
        blank(line.national.value),
        blank(line.differencePoints),
        line.national.value === undefined ? '' : nationalFrom(line.national),
      ]),
      { 2: ONE_DECIMAL, 3: ONE_DECIMAL, 4: SCORE },
    );
  }
}
