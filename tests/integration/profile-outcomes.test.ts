import type { Emulator } from '../../emulator/src';
import type { SaveResult } from '../../src/api/contract';
import type {
  AddPupilsResult,
  InterventionPupils,
  PupilProfile,
} from '../../src/api/participants-contract';
import { editCellAsUser } from '../../emulator/src/spreadsheet';
import { setUpEmulator, validForm } from '../support/emulator';

const CONSENT = { parentsInformedOn: '2026-11-20', parentsInformedHow: 'Letter' };

function saveIntervention(emu: Emulator, overrides: Record<string, string>): string {
  const { value } = emu.scriptRun<SaveResult>('saveIntervention', [validForm(overrides)]);
  if (!value.ok) throw new Error(JSON.stringify(value.errors));
  return value.id;
}

function addPupil(emu: Emulator, interventionId: string, pupilId: string): string {
  const { value } = emu.scriptRun<AddPupilsResult>('addPupilsToIntervention', [
    { interventionId, pupilIds: [pupilId] },
  ]);
  if (!value.ok) throw new Error(JSON.stringify(value.errors));
  return value.ids[0] ?? '';
}

function savePlace(
  emu: Emulator,
  interventionId: string,
  participantId: string,
  changes: Record<string, string>,
): void {
  const view = emu.scriptRun<InterventionPupils>('getInterventionPupils', [interventionId]).value;
  const place = view.participants.find((p) => p.id === participantId);
  if (!place) throw new Error(`no place ${participantId}`);
  const { value } = emu.scriptRun<SaveResult>('saveParticipant', [{ ...place.form, ...changes }]);
  if (!value.ok) throw new Error(JSON.stringify(value.errors));
}

function profile(emu: Emulator, pupilId = 'PUP-0001'): PupilProfile {
  return emu.scriptRun<PupilProfile>('getPupilProfile', [pupilId]).value;
}

function withPupil(): Emulator {
  const emu = setUpEmulator();
  emu.appendRecords('Pupils', [
    { 'Pupil ID': 'PUP-0001', 'First name': 'Amy', 'Last name': 'Brown', 'Year group': 'Year 4' },
  ]);
  return emu;
}

function reviewIdOf(emu: Emulator, participantId: string, kind: string): string {
  const row = emu
    .records('Reviews')
    .find((r) => r['Participant ID'] === participantId && r.Kind === kind);
  if (!row) throw new Error(`no ${kind} review for ${participantId}`);
  return String(row['Review ID']);
}

function saveReview(emu: Emulator, form: Record<string, string>): string {
  const { value } = emu.scriptRun<SaveResult>('saveReview', [form]);
  if (!value.ok) throw new Error(JSON.stringify(value.errors));
  return value.message;
}

const REVIEWED = {
  progress: '',
  otherFactors: '',
  judgement: 'Working',
  furtherAction: 'Continue',
};

/** Amy in a 10-week spelling intervention from 7 September: baseline 4/10, target 8/10. */
function amyInSpelling(): { emu: Emulator; spelling: string; place: string } {
  const emu = withPupil();
  const spelling = saveIntervention(emu, { startDate: '2026-09-07', lengthWeeks: '10' });
  const place = addPupil(emu, spelling, 'PUP-0001');
  savePlace(emu, spelling, place, {
    status: 'Started',
    ...CONSENT,
    parentsInformedOn: '2026-09-01',
    baseline: '4/10',
    baselineMeasure: 'Spelling test',
    baselineDate: '2026-09-07',
    target: '8/10',
    lessonMissed: 'English',
  });
  return { emu, spelling, place };
}

describe('results, outcome and views on the pupil profile', () => {
  it('shows the baseline, each result with its date, and a provisional mid-point outcome in words', () => {
    const { emu, place } = amyInSpelling();
    saveReview(emu, {
      ...REVIEWED,
      reviewId: reviewIdOf(emu, place, 'Mid-point'),
      kind: 'Mid-point',
      result: '6/10',
      resultDate: '2026-10-12',
      pupilRating: '3',
      pupilView: 'Some words are still tricky',
    });
    emu.resetCalls();
    const [spelling] = profile(emu).current;
    expect(spelling).toMatchObject({
      baseline: '4/10 (Spelling test, 7 September 2026)',
      results: [{ kind: 'Mid-point', result: '6/10', date: '12 October 2026' }],
      target: '8/10',
      // Half the planned gain (4 → 6 of 4 → 8): less than expected, so far.
      outcome: 'Less than expected (−1), provisional',
      targetMet: '',
      pupilView:
        'Rated it 3 out of 5: “Some words are still tricky” (Mid-point review, 12 October 2026)',
      parentsView: '',
    });
    // Four tabs by ID (header row, key column, rows needed: 3 each) and Settings, whatever the
    // number of results.
    expect(emu.calls()['SpreadsheetApp.Range.getValues']).toBe(13);
  });

  it('after the end review: every result in date order, the outcome, the target met and the latest views', () => {
    const { emu, place } = amyInSpelling();
    saveReview(emu, {
      reviewId: reviewIdOf(emu, place, 'Baseline'),
      kind: 'Baseline',
      result: '4/10',
      resultDate: '2026-09-07',
      parentsView: 'Happy for Amy to take part',
    });
    saveReview(emu, {
      ...REVIEWED,
      reviewId: reviewIdOf(emu, place, 'Mid-point'),
      kind: 'Mid-point',
      result: '6/10',
      resultDate: '2026-10-12',
    });
    const extra = emu.scriptRun<SaveResult>('addExtraReview', [
      { participantId: place, dueDate: '2026-10-26' },
    ]).value;
    if (!extra.ok) throw new Error(JSON.stringify(extra.errors));
    saveReview(emu, {
      ...REVIEWED,
      reviewId: extra.id,
      kind: 'Extra',
      result: '7/10',
      resultDate: '2026-10-26',
    });
    saveReview(emu, {
      ...REVIEWED,
      reviewId: reviewIdOf(emu, place, 'End'),
      kind: 'End',
      result: '8/10',
      resultDate: '2026-11-13',
      runAgain: 'Yes',
      pupilRating: 'Not asked',
      pupilView: 'Absent on the review day',
    });
    const p = profile(emu);
    expect(p.current).toEqual([]);
    expect(p.past[0]).toMatchObject({
      status: 'Finished',
      results: [
        { kind: 'Mid-point', result: '6/10', date: '12 October 2026' },
        { kind: 'Extra', result: '7/10', date: '26 October 2026' },
        { kind: 'End', result: '8/10', date: '13 November 2026' },
      ],
      outcome: 'As expected (0)',
      targetMet: 'Yes',
      pupilView: 'Not asked: Absent on the review day (End review, 13 November 2026)',
      parentsView: 'Happy for Amy to take part (Baseline review, 7 September 2026)',
    });
  });

  it("names the outcome with the Settings tab's own label", () => {
    const { emu, place } = amyInSpelling();
    const settings = emu.records('Settings');
    const row = settings.findIndex((r) => r.Setting === 'Outcome 0 label');
    expect(row).toBeGreaterThanOrEqual(0);
    const [header = []] = emu.values('Settings');
    editCellAsUser(emu.rt, 'Settings', row + 2, header.indexOf('Value') + 1, 'On track');
    saveReview(emu, {
      ...REVIEWED,
      reviewId: reviewIdOf(emu, place, 'End'),
      kind: 'End',
      result: '8/10',
      resultDate: '2026-11-13',
      runAgain: 'Yes',
    });
    expect(profile(emu).past[0]?.outcome).toBe('On track (0)');
  });
});

describe('time away from lessons on the pupil profile', () => {
  it('two current maths interventions of 80 and 60 minutes a week total 140 minutes of maths', () => {
    const emu = withPupil();
    const a = saveIntervention(emu, {
      name: 'Number sense',
      sessionsPerWeek: '4',
      minutesPerSession: '20',
    });
    const b = saveIntervention(emu, {
      name: 'Times tables club',
      code: 'TT',
      sessionsPerWeek: '3',
      minutesPerSession: '20',
    });
    const pa = addPupil(emu, a, 'PUP-0001');
    const pb = addPupil(emu, b, 'PUP-0001');
    savePlace(emu, a, pa, { status: 'Started', ...CONSENT, lessonMissed: 'Maths' });
    savePlace(emu, b, pb, { status: 'Started', ...CONSENT, lessonMissed: 'Maths' });
    const p = profile(emu);
    expect(p.current.map((c) => c.name)).toEqual(['Number sense', 'Times tables club']);
    expect(p.lessonTime).toEqual([
      {
        subject: 'Maths',
        minutesPerWeek: 140,
        text: '2 hours 20 minutes',
        interventions: ['Number sense', 'Times tables club'],
      },
    ]);
    expect(p.lessonTimeTotal).toEqual({ minutesPerWeek: 140, text: '2 hours 20 minutes' });
  });

  it('counts a current intervention past its planned weeks until its end review: 80 + 60 = 140 minutes of maths', () => {
    const emu = withPupil();
    // 4 × 20 min from 7 September for 10 weeks: its weeks are over by 23 November, but Amy's
    // end review is still to come, so her place is Started and she is still being taken out.
    const a = saveIntervention(emu, {
      name: 'Number sense',
      startDate: '2026-09-07',
      lengthWeeks: '10',
      sessionsPerWeek: '4',
      minutesPerSession: '20',
    });
    const b = saveIntervention(emu, {
      name: 'Times tables club',
      code: 'TT',
      startDate: '2026-11-16',
      sessionsPerWeek: '3',
      minutesPerSession: '20',
    });
    const pa = addPupil(emu, a, 'PUP-0001');
    const pb = addPupil(emu, b, 'PUP-0001');
    savePlace(emu, a, pa, {
      status: 'Started',
      ...CONSENT,
      parentsInformedOn: '2026-09-01',
      lessonMissed: 'Maths',
    });
    savePlace(emu, b, pb, { status: 'Started', ...CONSENT, lessonMissed: 'Maths' });
    const p = profile(emu);
    expect(p.current.map((c) => c.name)).toEqual(['Number sense', 'Times tables club']);
    expect(p.lessonTime).toEqual([
      {
        subject: 'Maths',
        minutesPerWeek: 140,
        text: '2 hours 20 minutes',
        interventions: ['Number sense', 'Times tables club'],
      },
    ]);
    expect(p.lessonTimeTotal).toEqual({ minutesPerWeek: 140, text: '2 hours 20 minutes' });
  });

  it('5 × 10 and 3 × 30 minutes of maths: 140 minutes a week, the same number as the warning', () => {
    const emu = withPupil();
    // Number bonds ran its 6 weeks from 7 September, but Amy's end review is still to come: she
    // is still being taken out of maths for it. Times tables club starts next week.
    const a = saveIntervention(emu, {
      name: 'Number bonds',
      startDate: '2026-09-07',
      lengthWeeks: '6',
      sessionsPerWeek: '5',
      minutesPerSession: '10',
    });
    const b = saveIntervention(emu, {
      name: 'Times tables club',
      code: 'TT',
      startDate: '2026-11-30',
      sessionsPerWeek: '3',
      minutesPerSession: '30',
    });
    const pa = addPupil(emu, a, 'PUP-0001');
    const pb = addPupil(emu, b, 'PUP-0001');
    savePlace(emu, a, pa, {
      status: 'Started',
      ...CONSENT,
      parentsInformedOn: '2026-09-01',
      lessonMissed: 'Maths',
    });
    savePlace(emu, b, pb, { lessonMissed: 'Maths' });
    const p = profile(emu);
    expect(p.current.map((c) => c.name)).toEqual(['Number bonds', 'Times tables club']);
    expect(p.lessonTime).toEqual([
      {
        subject: 'Maths',
        minutesPerWeek: 140,
        text: '2 hours 20 minutes',
        interventions: ['Number bonds', 'Times tables club'],
      },
    ]);
    const warning =
      'This pupil would miss 140 minutes of Maths a week across 2 interventions (more than 60): what are they losing? Consider taking sessions from a different lesson.';
    expect(p.warnings).toContain(warning);
    // The Warnings column of both places says the same.
    for (const place of [pa, pb]) {
      const row = emu.records('Participants').find((r) => r['Participant ID'] === place);
      expect(String(row?.Warnings)).toContain(warning);
    }
  });
});

describe('reviews due on the pupil profile', () => {
  it('marks the reviews whose date has passed and are still Due as overdue, as of today', () => {
    // Amy's spelling started on 7 September: by 23 November its mid-point and end are past.
    const { emu } = amyInSpelling();
    const later = saveIntervention(emu, { name: 'Reading buddies', code: 'RB' });
    const place = addPupil(emu, later, 'PUP-0001');
    savePlace(emu, later, place, { status: 'Started', ...CONSENT, lessonMissed: 'Science' });
    const reviews = profile(emu).reviewsDue.map((r) => [
      r.kind,
      r.intervention,
      r.dueDate,
      r.overdue,
    ]);
    // Today is 23 November 2026: the end review due today is not overdue yet.
    expect(reviews).toEqual([
      ['Mid-point', 'Precision teaching: spelling', '12 October 2026', true],
      ['End', 'Precision teaching: spelling', '23 November 2026', false],
      ['Baseline', 'Reading buddies', '30 November 2026', false],
      ['Mid-point', 'Reading buddies', '25 January 2027', false],
      ['End', 'Reading buddies', '15 March 2027', false],
    ]);
    // On 1 December the end review and the Reading buddies baseline are overdue too.
    emu.setNow(new Date('2026-12-01T09:00:00Z'));
    expect(profile(emu).reviewsDue.map((r) => r.overdue)).toEqual([true, true, true, false, false]);
  });
});
