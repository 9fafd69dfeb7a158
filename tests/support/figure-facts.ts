/**
 * Builders for the figure facts of src/domain/provision-facts.ts, shared by the unit tests of the
 * impact, value and Dashboard figures. Each gives a whole record with plain defaults; a test passes
 * only the fields its worked numbers depend on.
 */
import type {
  InterventionFigureFacts,
  LibraryFigureFacts,
  PlaceFigureFacts,
  PupilFigureFacts,
} from '../../src/domain/provision-facts';

/** INT-1 "Intervention": Finished, 10 weeks of 3 × 30-minute sessions, undated, not costed, no decision. */
export function interventionFacts(
  overrides: Partial<InterventionFigureFacts> = {},
): InterventionFigureFacts {
  return {
    id: 'INT-1',
    name: 'Intervention',
    status: 'Finished',
    provisionId: '',
    startDate: undefined,
    lengthWeeks: 10,
    sessionsPerWeek: 3,
    minutesPerSession: 30,
    costPlanned: undefined,
    costToDate: undefined,
    decision: '',
    needsDecision: '',
    stoppedOn: undefined,
    ...overrides,
  };
}

/** PAR-1, pupil P1's Finished place in INT-1: undated, no measure, results, outcome or target met. */
export function placeFacts(overrides: Partial<PlaceFigureFacts> = {}): PlaceFigureFacts {
  return {
    id: 'PAR-1',
    interventionId: 'INT-1',
    pupilId: 'P1',
    status: 'Finished',
    startDate: undefined,
    measure: '',
    measureKind: undefined,
    better: undefined,
    baselineValue: undefined,
    baselineDate: undefined,
    actualValue: undefined,
    actualDate: undefined,
    outcomeScore: undefined,
    targetMet: '',
    ...overrides,
  };
}

/** Pupil P1: Year 1, on SEN support, no primary need recorded. */
export function pupilFacts(overrides: Partial<PupilFigureFacts> = {}): PupilFigureFacts {
  return { id: 'P1', yearGroup: 'Year 1', senStatus: 'SEN support', primaryNeed: '', ...overrides };
}

/** Provision library entry PRV-1 "Provision", for no particular area of need. */
export function libraryFacts(overrides: Partial<LibraryFigureFacts> = {}): LibraryFigureFacts {
  return { id: 'PRV-1', name: 'Provision', areaOfNeed: '', ...overrides };
}
