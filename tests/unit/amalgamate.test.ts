import { amalgamate, type GroupFigures } from '../../src/domain/amalgamate';
import type {
  InterventionFigureFacts,
  LibraryFigureFacts,
  PlaceFigureFacts,
  PupilFigureFacts,
} from '../../src/domain/provision-facts';
import { interventionFacts, libraryFacts, placeFacts, pupilFacts } from '../support/figure-facts';

let nextId = 1;
const place = (
  interventionId: string,
  pupilId: string,
  status: string,
  outcomeScore?: number,
  targetMet = '',
): PlaceFigureFacts =>
  placeFacts({ id: `PAR-${nextId++}`, interventionId, pupilId, status, outcomeScore, targetMet });

const library: LibraryFigureFacts[] = [
  libraryFacts({ id: 'PRV-1', name: 'Lego therapy', areaOfNeed: 'ASD' }),
  libraryFacts({ id: 'PRV-2', name: 'Talk Boost', areaOfNeed: 'SLCN' }),
  libraryFacts({ id: 'PRV-3', name: 'Zones of Regulation', areaOfNeed: 'SEMH' }),
];

const interventions: InterventionFigureFacts[] = [
  // Two runs of Lego therapy: £600 planned; a stopped one at £400 to date (of £800 planned).
  interventionFacts({
    id: 'INT-1',
    name: 'Lego therapy (autumn)',
    provisionId: 'PRV-1',
    costPlanned: 600,
  }),
  interventionFacts({
    id: 'INT-2',
    name: 'Lego therapy (spring)',
    provisionId: 'PRV-1',
    status: 'Stopped',
    costPlanned: 800,
    costToDate: 400,
  }),
  // Not from the library: grouped by name; the second is not costed yet.
  interventionFacts({ id: 'INT-3', name: 'Reading club', status: 'Running', costPlanned: 300 }),
  interventionFacts({
    id: 'INT-4',
    name: ' reading club',
    status: 'Running',
    provisionId: 'PRV-9',
  }),
  interventionFacts({ id: 'INT-5', name: 'Talk Boost', provisionId: 'PRV-2', costPlanned: 100 }),
];

const pupils: PupilFigureFacts[] = [
  pupilFacts({ id: 'P1', yearGroup: 'Year 3', primaryNeed: 'ASD' }),
  pupilFacts({ id: 'P2', yearGroup: 'Year 3', senStatus: 'EHC plan', primaryNeed: 'ASD' }),
  pupilFacts({ id: 'P3', yearGroup: 'Year 10', primaryNeed: 'SLCN' }),
  pupilFacts({ id: 'P4', yearGroup: 'Reception', primaryNeed: '' }),
  pupilFacts({ id: 'P5', yearGroup: 'Year 3', primaryNeed: 'SLCN' }),
];

// Each taking-part place's share of its intervention's cost:
// INT-1 £600 ÷ 3 = £200; INT-2 £400 ÷ 2 = £200; INT-3 £300 ÷ 3 = £100; INT-5 £100 ÷ 3 = £33.33….
const places: PlaceFigureFacts[] = [
  place('INT-1', 'P1', 'Finished', 2, 'Yes'),
  place('INT-1', 'P2', 'Finished', 1, 'Yes'),
  place('INT-1', 'P3', 'Finished', 0, 'No'),
  place('INT-2', 'P1', 'Stopped', -1, 'No'),
  place('INT-2', 'P4', 'Stopped'),
  place('INT-3', 'P5', 'Started'),
  place('INT-3', 'P3', 'Started'),
  place('INT-3', 'P9', 'Started'), // P9 is not on the Pupils tab
  place('INT-4', 'P4', 'Planned'),
  place('INT-4', 'P2', 'Started'),
  place('INT-5', 'P3', 'Finished', 1, 'Yes'),
  place('INT-5', 'P5', 'Finished', 1, 'Yes'),
  place('INT-5', 'P4', 'Finished', 0, 'Partly'),
];

const result = amalgamate({ interventions, places, pupils, library });
const group = (groups: GroupFigures[], key: string): GroupFigures => {
  const found = groups.find((g) => g.key === key);
  if (!found) throw new Error(`no group ${key}`);
  return found;
};

describe('per type of provision', () => {
  test('two runs of Lego therapy amalgamate: 4 pupils, outcomes 2, 1, 0, −1 → +0.5, £1,000, £250 a pupil', () => {
    const lego = result.byProvisionType[0];
    expect(lego).toMatchObject({
      key: 'PRV-1',
      label: 'Lego therapy',
      fromLibrary: true,
      areaOfNeed: 'ASD',
      interventions: 2,
      placesTakingPart: 5,
      pupils: 4, // P1 took part in both runs
      pupilsWithOutcome: 4,
      averageOutcome: 0.5,
      metTarget: { met: 2, of: 4 },
      cost: 1000, // £600 + the stopped run's £400 to date, not its £800 planned
      costPerPupil: 250,
      costPerPupilMeetingTarget: 500,
      notCosted: 0,
    });
  });

  test('sorted by name; interventions with no library entry grouped by name, marked not from the library', () => {
    expect(result.byProvisionType.map((g) => [g.label, g.fromLibrary])).toEqual([
      ['Lego therapy', true],
      ['Reading club', false],
      ['Talk Boost', true],
    ]);
  });

  test('an uncosted run is counted as not costed, never priced at £0; planned pupils cost nothing yet', () => {
    const club = result.byProvisionType[1];
    // INT-3: 3 pupils × £100; INT-4: P2 started but no cost; P4 only planned.
    expect(club).toMatchObject({ interventions: 2, placesTakingPart: 4, pupils: 4, cost: 300 });
    expect(club?.notCosted).toBe(1);
    expect(club?.costPerPupil).toBe(75);
    expect(club?.averageOutcome).toBeUndefined();
    expect(club?.costPerPupilMeetingTarget).toBeUndefined();
  });

  test('£100 ÷ 3 pupils is rounded only at the end: the group costs £100.00, £33.33 a pupil', () => {
    const talk = result.byProvisionType[2];
    expect(talk).toMatchObject({ cost: 100, costPerPupil: 33.33, costPerPupilMeetingTarget: 50 });
    expect(talk?.averageOutcome).toBe(0.7); // (1 + 1 + 0) ÷ 3 = 0.67
  });

  test('places whose intervention is not on the Interventions tab go to an Unknown type, last', () => {
    const withOrphan = amalgamate({
      interventions,
      places: [...places, place('INT-99', 'P1', 'Finished', -2)],
      pupils,
      library,
    });
    const last = withOrphan.byProvisionType[withOrphan.byProvisionType.length - 1];
    expect(last).toMatchObject({ key: 'Unknown', pupilsWithOutcome: 1, averageOutcome: -2 });
    expect(last?.notCosted).toBe(1);
  });
});

describe('per area of need (the pupil’s primary need)', () => {
  test('in NEED_CODES order (SLCN before ASD), then no need recorded, then unknown pupils', () => {
    expect(result.byAreaOfNeed.map((g) => [g.key, g.label])).toEqual([
      ['SLCN', 'Speech, language and communication needs'],
      ['ASD', 'Autistic spectrum disorder'],
      ['', 'No primary need recorded'],
      ['Unknown', 'Unknown (not on the Pupils tab)'],
    ]);
  });

  test('SLCN: P3 and P5, £200 + £100 + £33.33 + £100 + £33.33 = £466.67, £233.33 a pupil', () => {
    expect(group(result.byAreaOfNeed, 'SLCN')).toMatchObject({
      interventions: 3,
      pupils: 2,
      placesTakingPart: 5,
      averageOutcome: 0.7, // 0, +1, +1
      metTarget: { met: 2, of: 3 },
      cost: 466.67,
      costPerPupil: 233.33,
      costPerPupilMeetingTarget: 233.33,
    });
  });

  test('a placed pupil not on the Pupils tab is kept in Unknown rather than vanishing', () => {
    expect(group(result.byAreaOfNeed, 'Unknown')).toMatchObject({ pupils: 1, cost: 100 });
  });

  test('every taking-part place lands in one need group: the groups add up to £1,400 in all', () => {
    const total = result.byAreaOfNeed.reduce((sum, g) => sum + (g.cost ?? 0), 0);
    expect(total).toBeCloseTo(600 + 400 + 300 + 100, 2);
  });
});

describe('per year group', () => {
  test('in school order: Reception, Year 3, Year 10 (not "Year 10" before "Year 3"), then unknown', () => {
    expect(result.byYearGroup.map((g) => g.key)).toEqual([
      'Reception',
      'Year 3',
      'Year 10',
      'Unknown',
    ]);
  });

  test('Year 3: P1, P2 and P5, £200 + £200 + £200 + £100 + £33.33 = £733.33, £244.44 a pupil', () => {
    expect(group(result.byYearGroup, 'Year 3')).toMatchObject({
      pupils: 3,
      cost: 733.33,
      costPerPupil: 244.44,
      notCosted: 1, // P2's Reading club run has no cost yet
      averageOutcome: 0.8, // +2, +1, −1, +1 → 0.75
    });
  });
});
