import { eefCostBand, interventionCost, type CostInput } from '../../src/domain/costs';

const example: CostInput = {
  sessionsPerWeek: 4,
  minutesPerSession: 30,
  lengthWeeks: 12,
  weeksRun: 6,
  people: [
    { name: 'Lead', hourlyCost: 15, onStaffTab: true },
    { name: 'Supporter', hourlyCost: 30, onStaffTab: true },
  ],
  otherCosts: 120,
  pupilsTakingPart: 4,
  stopped: false,
};

test('4 × 30 min × 12 weeks, £15/h lead and £30/h supporter, £120 other, 4 pupils: £1,080 staff, £1,200 planned, £300 a pupil', () => {
  const cost = interventionCost(example);
  expect(cost.staffCostPlanned).toBe(1080);
  expect(cost.planned).toBe(1200);
  expect(cost.perPupil).toBe(300);
  expect(cost.band).toBe('Moderate');
  expect(cost.leavesOut).toEqual([]);
});

test('cost to date after 6 of 12 weeks: half the staff time and all the other costs, £660', () => {
  expect(interventionCost(example).toDate).toBe(660);
  expect(interventionCost({ ...example, weeksRun: 0 }).toDate).toBe(0);
  expect(interventionCost({ ...example, weeksRun: 20 }).toDate).toBe(1200);
});

test('a stopped intervention costs each pupil its cost to date: £660 ÷ 4 = £165, low', () => {
  const cost = interventionCost({ ...example, stopped: true });
  expect(cost.perPupil).toBe(165);
  expect(cost.band).toBe('Low');
});

test('someone not on the Staff tab, or with no hourly cost, is named, never priced at zero silently', () => {
  const cost = interventionCost({
    ...example,
    people: [
      { name: 'Ms Lead', hourlyCost: 15, onStaffTab: true },
      { name: 'SALT', hourlyCost: undefined, onStaffTab: false },
      { name: 'Mr Cole', hourlyCost: undefined, onStaffTab: true },
    ],
  });
  expect(cost.staffCostPlanned).toBe(360);
  expect(cost.leavesOut).toEqual(['SALT (not on the Staff tab)', 'Mr Cole (no hourly cost)']);
});

test('no pupil has taken part yet: no cost per pupil, no band', () => {
  const cost = interventionCost({ ...example, pupilsTakingPart: 0 });
  expect(cost.perPupil).toBeUndefined();
  expect(cost.band).toBeUndefined();
});

test('EEF cost bands per pupil per year: under £80, up to £200, £720, £1,200, above', () => {
  expect([79.99, 80, 200, 200.01, 720, 720.01, 1200, 1200.01].map(eefCostBand)).toEqual([
    'Very low',
    'Low',
    'Low',
    'Moderate',
    'Moderate',
    'High',
    'High',
    'Very high',
  ]);
});

test('1:1 delivery: each pupil has their own sessions, so staff time is for each of them', () => {
  // Two pupils, each 4 × 30 minutes for 12 weeks with the same two people: 2 × £1,080 + £120.
  const cost = interventionCost({ ...example, pupilsTakingPart: 2, individualPupils: 2 });
  expect(cost.staffCostPlanned).toBe(2160);
  expect(cost.planned).toBe(2280);
  expect(cost.perPupil).toBe(1140);
  expect(cost.band).toBe('High');
  // Before anyone is placed in it, it is priced for one pupil.
  expect(interventionCost({ ...example, individualPupils: 0 }).staffCostPlanned).toBe(1080);
});
