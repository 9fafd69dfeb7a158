import { schoolCalendar, typicalSchoolYear } from '../../src/domain/calendar';
import {
  glanceTables,
  provisionGlance,
  runsBetweenCalendarWeeks,
  runsBetweenSchoolWeeks,
  thisTerm,
  thisYear,
  type GlanceFacts,
  type GlancePeriod,
} from '../../src/domain/glance';
import type {
  InterventionFigureFacts,
  PlaceFigureFacts,
  PupilFigureFacts,
} from '../../src/domain/provision-facts';
import type { NeedCode } from '../../src/domain/workbook';
import { interventionFacts, placeFacts, pupilFacts } from '../support/figure-facts';

const calendar = schoolCalendar(typicalSchoolYear(2025));
const day = (y: number, m: number, d: number) => new Date(y, m - 1, d);

// Running by default, with no length or sessions unless a test gives them.
const intervention = (
  id: string,
  name: string,
  extra: Partial<InterventionFigureFacts>,
): InterventionFigureFacts =>
  interventionFacts({
    id,
    name,
    status: 'Running',
    lengthWeeks: undefined,
    sessionsPerWeek: undefined,
    minutesPerSession: undefined,
    ...extra,
  });

let placeId = 0;
function place(interventionId: string, pupilId: string, status = 'Started'): PlaceFigureFacts {
  placeId += 1;
  return placeFacts({ id: `PAR-${placeId}`, interventionId, pupilId, status });
}

const pupil = (id: string, yearGroup: string, primaryNeed: NeedCode | ''): PupilFigureFacts =>
  pupilFacts({ id, yearGroup, senStatus: 'SEN support', primaryNeed });

// Autumn 2025. Talk Boost (3 × 30 min, £600 for 3 pupils: £200 each) and Precision teaching
// (5 × 15 min, £400 for 2 pupils: £200 each). Pupil P1 (Year 1, SLCN) is in both. Lego therapy
// runs in the spring term and was stopped: £150 to date for 2 pupils, £75 each.
const talkBoost = intervention('INT-1', 'Talk Boost', {
  startDate: day(2025, 9, 8),
  lengthWeeks: 10,
  sessionsPerWeek: 3,
  minutesPerSession: 30,
  costPlanned: 600,
});
const precision = intervention('INT-2', 'Precision teaching', {
  startDate: day(2025, 9, 15),
  lengthWeeks: 8,
  sessionsPerWeek: 5,
  minutesPerSession: 15,
  costPlanned: 400,
});
const lego = intervention('INT-3', 'Lego therapy', {
  status: 'Stopped',
  startDate: day(2026, 1, 12),
  lengthWeeks: 10,
  sessionsPerWeek: 1,
  minutesPerSession: 45,
  costPlanned: 300,
  costToDate: 150,
  stoppedOn: day(2026, 2, 6),
});
const planned = intervention('INT-4', 'Planned only', {
  startDate: day(2025, 10, 1),
  lengthWeeks: 6,
});
const facts: GlanceFacts = {
  interventions: [talkBoost, precision, lego, planned],
  places: [
    place('INT-1', 'P1'),
    place('INT-1', 'P2', 'Finished'),
    place('INT-1', 'P3'),
    place('INT-1', 'P7', 'Removed'),
    place('INT-2', 'P1'),
    place('INT-2', 'P4'),
    place('INT-3', 'P5', 'Stopped'),
    place('INT-3', 'P6', 'Stopped'),
    place('INT-4', 'P8', 'Planned'),
  ],
  pupils: [
    pupil('P1', 'Year 1', 'SLCN'),
    pupil('P2', 'Year 1', 'SLCN'),
    pupil('P3', 'Year 2', 'SLCN'),
    pupil('P4', 'Year 2', 'SPLD'),
    pupil('P5', 'Year 3', 'ASD'),
    pupil('P6', 'Year 3', 'ASD'),
    pupil('P7', 'Year 4', 'MLD'),
    pupil('P8', 'Year 5', 'MLD'),
  ],
};
const autumn = thisTerm(calendar, day(2025, 11, 10)) as GlancePeriod;
const row = (grid: ReturnType<typeof provisionGlance>, code: NeedCode | '') =>
  grid.needs.findIndex((n) => n.code === code);

test('"this term" is the Term row containing today; in a holiday, the term just ended', () => {
  expect(autumn).toEqual({ name: 'Autumn term', from: day(2025, 9, 1), to: day(2025, 12, 19) });
  expect(thisTerm(calendar, day(2025, 10, 29))?.name).toBe('Autumn term'); // half term
  expect(thisTerm(calendar, day(2025, 12, 29))?.name).toBe('Autumn term'); // Christmas
  expect(thisTerm(calendar, day(2026, 2, 2))?.name).toBe('Spring term');
  expect(thisTerm(schoolCalendar([]), day(2025, 11, 10))).toBeUndefined();
});

test('"this year" is the academic year, 1 September to 31 August', () => {
  expect(thisYear(day(2026, 3, 1))).toEqual({
    name: '2025/26',
    from: day(2025, 9, 1),
    to: day(2026, 8, 31),
  });
});

test('a cell: Year 1 SLCN has 2 interventions, 2 pupils, 8 sessions and 165 minutes a week, £600', () => {
  const grid = provisionGlance(facts, autumn);
  // Only year groups with a pupil in provision this term (the Removed and Planned places do not count).
  expect(grid.yearGroups).toEqual(['Year 1', 'Year 2']);
  // P1 in Talk Boost and Precision teaching, P2 in Talk Boost: sessions 3 + 5, minutes 90 + 75,
  // cost 3 places × £200.
  expect(grid.cells[row(grid, 'SLCN')]?.[0]).toEqual({
    interventions: 2,
    pupils: 2,
    sessionsPerWeek: 8,
    minutesPerWeek: 165,
    cost: 600,
  });
  expect(grid.cells[row(grid, 'SPLD')]?.[1]).toEqual({
    interventions: 1,
    pupils: 1,
    sessionsPerWeek: 5,
    minutesPerWeek: 75,
    cost: 200,
  });
  expect(grid.needs.map((n) => n.need)[0]).toBe('Specific learning difficulty');
});

test('totals count each pupil and each intervention once, not the sum of the cells', () => {
  const grid = provisionGlance(facts, autumn);
  // The SLCN row: Talk Boost is in both its cells (1 + 2 = 3) but is one intervention.
  expect(grid.rowTotals[row(grid, 'SLCN')]).toEqual({
    interventions: 2,
    pupils: 3,
    sessionsPerWeek: 8,
    minutesPerWeek: 165,
    cost: 800,
  });
  // Year 2: P3 (Talk Boost) and P4 (Precision teaching).
  expect(grid.columnTotals[1]).toMatchObject({ interventions: 2, pupils: 2, cost: 400 });
  // Five places, four pupils: P1 is in two interventions and counts once.
  expect(grid.total).toEqual({
    interventions: 2,
    pupils: 4,
    sessionsPerWeek: 8,
    minutesPerWeek: 165,
    cost: 1000,
  });
});

test('this year adds the spring term’s stopped Lego therapy, costed at its cost to date: £75 a pupil', () => {
  const grid = provisionGlance(facts, thisYear(day(2025, 11, 10)));
  expect(grid.yearGroups).toEqual(['Year 1', 'Year 2', 'Year 3']);
  expect(grid.cells[row(grid, 'ASD')]?.[2]).toEqual({
    interventions: 1,
    pupils: 2,
    sessionsPerWeek: 1,
    minutesPerWeek: 45,
    cost: 150,
  });
  expect(grid.total).toMatchObject({ interventions: 3, pupils: 6, cost: 1150 });
});

test('the caller decides what runs in the period', () => {
  const onlyTalkBoost = provisionGlance(facts, autumn, (i) => i.id === 'INT-1');
  expect(onlyTalkBoost.total).toMatchObject({ interventions: 1, pupils: 3, cost: 600 });
});

test('calendar weeks: one that ended the day before term does not run in it; one a day later does', () => {
  const twelveWeeks = (start: Date) =>
    intervention('X', 'X', { startDate: start, lengthWeeks: 12 });
  // 9 June + 12 weeks: last day Sunday 31 August; from 10 June, it reaches Monday 1 September.
  expect(runsBetweenCalendarWeeks(twelveWeeks(day(2025, 6, 9)), autumn.from, autumn.to)).toBe(
    false,
  );
  expect(runsBetweenCalendarWeeks(twelveWeeks(day(2025, 6, 10)), autumn.from, autumn.to)).toBe(
    true,
  );
  // Starting on the term's last day counts; stopped before the term, it does not.
  expect(runsBetweenCalendarWeeks(twelveWeeks(day(2025, 12, 19)), autumn.from, autumn.to)).toBe(
    true,
  );
  const stopped = {
    ...twelveWeeks(day(2025, 6, 10)),
    status: 'Stopped',
    stoppedOn: day(2025, 7, 1),
  };
  expect(runsBetweenCalendarWeeks(stopped, autumn.from, autumn.to)).toBe(false);
});

test('school weeks: 3 weeks from 8 December run past Christmas into the spring term', () => {
  const spring = thisTerm(calendar, day(2026, 2, 2)) as GlancePeriod;
  const short = intervention('X', 'X', { startDate: day(2025, 12, 8), lengthWeeks: 3 });
  expect(runsBetweenCalendarWeeks(short, spring.from, spring.to)).toBe(false);
  expect(runsBetweenSchoolWeeks(calendar)(short, spring.from, spring.to)).toBe(true);
});

test('no cost yet, no start date, no primary need or year group: each is shown, never dropped silently', () => {
  const grid = provisionGlance(
    {
      interventions: [
        intervention('INT-9', 'Zones of Regulation', {
          startDate: day(2025, 10, 6),
          lengthWeeks: 6,
        }),
        intervention('INT-10', 'Undated', {}),
      ],
      places: [place('INT-9', 'Q1'), place('INT-9', 'Q2'), place('INT-10', 'Q1')],
      pupils: [pupil('Q1', '', 'SEMH'), pupil('Q2', 'Year 6', '')],
    },
    autumn,
  );
  expect(grid.notCosted).toEqual(['Zones of Regulation']);
  expect(grid.undated).toEqual(['Undated']);
  expect(grid.yearGroups).toEqual(['Year 6', 'Year group not recorded']);
  expect(grid.needs.at(-1)).toEqual({ code: '', need: 'No primary need recorded' });
  expect(grid.total).toMatchObject({ interventions: 1, pupils: 2, cost: 0 });
});

test('as tables to write to a sheet: one per measure, header row, a row per area of need, totals', () => {
  const tables = glanceTables(provisionGlance(facts, autumn));
  expect(tables.map((t) => t.title)).toEqual([
    'Interventions, Autumn term',
    'Pupils, Autumn term',
    'Sessions a week, Autumn term',
    'Minutes a week, Autumn term',
    'Cost (£), Autumn term',
  ]);
  const pupilsTable = tables[1];
  expect(pupilsTable?.header).toEqual(['Area of need', 'Year 1', 'Year 2', 'Total']);
  expect(pupilsTable?.rows).toHaveLength(15); // 14 areas of need and the totals
  expect(pupilsTable?.rows).toContainEqual(['Speech, language and communication needs', 2, 1, 3]);
  expect(pupilsTable?.rows).toContainEqual(['Physical disability', 0, 0, 0]);
  expect(pupilsTable?.rows.at(-1)).toEqual(['Total', 2, 2, 4]);
});
