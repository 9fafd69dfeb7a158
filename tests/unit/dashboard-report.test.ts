import { dashboardReport, type DashboardInput } from '../../src/domain/dashboard-report';
import { interventionImpact } from '../../src/domain/impact';
import type { InterventionFigureFacts, PlaceFigureFacts } from '../../src/domain/provision-facts';
import { senReport } from '../../src/domain/sen-report';
import { interventionFacts, placeFacts } from '../support/figure-facts';

// A Finished 10-week run from 7 September 2026, £600 planned and spent.
const intervention = (id: string, name: string): InterventionFigureFacts =>
  interventionFacts({
    id,
    name,
    status: 'Finished',
    startDate: new Date(2026, 8, 7),
    costPlanned: 600,
    costToDate: 600,
  });

// Pupil P1's Finished place with this score.
const place = (interventionId: string, score: number | undefined): PlaceFigureFacts =>
  placeFacts({
    id: `${interventionId}-${String(score)}`,
    interventionId,
    pupilId: 'P1',
    status: 'Finished',
    outcomeScore: score,
  });

function input(scores: Record<string, (number | undefined)[]>): DashboardInput {
  return {
    interventions: Object.entries(scores).map(([name, list], i) => {
      const facts = intervention(`INT-${i}`, name);
      const places = list.map((s) => place(facts.id, s));
      return {
        facts,
        impact: interventionImpact(places, { planned: 600, toDate: 600, stopped: false }),
        band: 'Moderate',
      };
    }),
    glance: [],
    glanceNotes: [],
    lookAt: [],
    amalgamated: { byProvisionType: [], byAreaOfNeed: [], byYearGroup: [] },
    senReport: senReport([], 200, {}),
  };
}

const firstColumn = (plan: ReturnType<typeof dashboardReport>): string[] =>
  plan.cells.map((row) => String(row[0]));

describe('the Dashboard report', () => {
  it('has its sections in the order a SENCo reads them', () => {
    const plan = dashboardReport(input({ Phonics: [2, 1] }));
    const sections = [
      'The provision map at a glance',
      'What works',
      'What to look at',
      'Charts',
      'Impact and cost by type of provision, area of need and year group',
      'SEN report',
    ].map((title) => firstColumn(plan).indexOf(title));
    expect(sections.every((at) => at >= 0)).toBe(true);
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);
  });

  it('lists what works most effective first, unscored last, and colours the score column', () => {
    const plan = dashboardReport(
      input({ 'Not yet': [undefined], Lego: [-1, -2], Phonics: [2, 1], Maths: [0] }),
    );
    const header = firstColumn(plan).indexOf('Intervention');
    const names = firstColumn(plan).slice(header + 1, header + 5);
    expect(names).toEqual(['Phonics', 'Maths', 'Lego', 'Not yet']);
    expect(plan.cells[header + 1]?.[1]).toBe(1.5);
    expect(plan.scoreColouring).toContainEqual({ row: header + 1, column: 1, rows: 4, columns: 1 });
  });

  it('charts the scored interventions only, from the What works table', () => {
    const plan = dashboardReport(input({ 'Not yet': [undefined], Phonics: [2, 1], Maths: [0] }));
    const header = firstColumn(plan).indexOf('Intervention');
    const bar = plan.charts.find((c) => c.kind === 'BAR');
    expect(bar?.data).toEqual({ row: header + 1, column: 0, rows: 2, columns: 2 });
    expect(bar?.hAxisRange).toEqual({ min: -2, max: 2 });
    const scatter = plan.charts.find((c) => c.kind === 'SCATTER');
    expect(scatter?.data.rows).toBe(2);
    // Each chart has blank rows of its own, below everything it draws from.
    for (const chart of plan.charts) {
      expect(chart.anchor.row).toBeGreaterThan(chart.data.row + chart.data.rows);
      expect(plan.cells[chart.anchor.row]?.every((cell) => cell === '')).toBe(true);
    }
  });

  it('says when there is no outcome to chart yet, instead of an empty chart', () => {
    const plan = dashboardReport(input({ 'Not yet': [undefined] }));
    expect(plan.charts.some((c) => c.kind === 'BAR')).toBe(false);
    expect(firstColumn(plan)).toContain(
      'The outcome chart appears once an end review gives a pupil an outcome score.',
    );
  });
});
