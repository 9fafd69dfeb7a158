import {
  CONSENT_REFUSAL,
  PARTICIPANT_COLUMNS,
  PARTICIPANT_FIELDS,
  PARTICIPANT_LABELS,
  consentGate,
  consentRecorded,
  longDate,
  minutesText,
  needInWords,
  sessionsText,
  validateAddPupils,
  validateParticipant,
} from '../../src/domain/participant';
import { TABS } from '../../src/domain/workbook';
import {
  addLabel,
  filterPupils,
  interventionLabel,
  participantDetails,
  pupilsInIt,
} from '../../sidebar/views/participants';
import { facts, pupilLabel, yearText } from '../../sidebar/views/profile';

const DATE = '2026-09-10';
const HOW = 'Letter';
const REASON = 'Blanket consent recorded on admission form, 2025';

describe('the consent gate', () => {
  // Every combination of the three parents-informed fields, for each status.
  const cases: [string, string, string, boolean][] = [
    ['', '', '', false],
    [DATE, '', '', false],
    ['', HOW, '', false],
    [DATE, HOW, '', true],
    ['', '', REASON, true],
    [DATE, '', REASON, true],
    ['', HOW, REASON, true],
    [DATE, HOW, REASON, true],
    [DATE, 'Blanket consent', '', true],
    ['', 'Blanket consent', '', false],
    ['  ', '  ', '   ', false],
  ];

  it.each(cases)(
    'on %p, how %p, not informed because %p: recorded = %p',
    (parentsInformedOn, parentsInformedHow, parentsNotInformedBecause, recorded) => {
      const consent = { parentsInformedOn, parentsInformedHow, parentsNotInformedBecause };
      expect(consentRecorded(consent)).toBe(recorded);
      expect(consentGate({ ...consent, status: 'Started' })).toEqual(
        recorded ? {} : { status: CONSENT_REFUSAL },
      );
      for (const status of ['Planned', 'Finished', 'Stopped', 'Removed', '']) {
        expect(consentGate({ ...consent, status })).toEqual({});
      }
    },
  );

  it('names the Status field and says what to record', () => {
    expect(CONSENT_REFUSAL).toBe(
      'Status: this pupil cannot be marked as started until you record when and how their parents were told about the intervention, or why they were not (for example, blanket consent).',
    );
  });

  it('is part of the shared schema, so the sidebar and the server refuse alike', () => {
    const started = validateParticipant({ id: 'PAR-1', status: 'Started' });
    expect(started).toEqual({ ok: false, errors: { status: CONSENT_REFUSAL } });
    expect(
      validateParticipant({
        id: 'PAR-1',
        status: 'Started',
        parentsInformedOn: DATE,
        parentsInformedHow: HOW,
      }).ok,
    ).toBe(true);
    expect(
      validateParticipant({ id: 'PAR-1', status: 'Started', parentsNotInformedBecause: REASON }).ok,
    ).toBe(true);
    // Shown alongside the other fields' problems, not after them.
    const both = validateParticipant({ id: 'PAR-1', status: 'Started', baselineDate: 'soon' });
    expect(both.ok === false && Object.keys(both.errors).sort()).toEqual([
      'baselineDate',
      'status',
    ]);
  });
});

describe('the participant schema', () => {
  it('accepts a record with only a status, and blanks become empty text', () => {
    const result = validateParticipant({ id: ' PAR-1 ', status: 'Planned' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.id).toBe('PAR-1');
    for (const field of PARTICIPANT_FIELDS) {
      if (field !== 'status') expect(result.value[field]).toBe('');
    }
  });

  it('trims text and keeps it as typed', () => {
    const result = validateParticipant({
      id: 'PAR-1',
      status: 'Planned',
      target: '  =8/10 or better by February  ',
      baselineMeasure: 'Reading age',
      lessonMissed: 'Science',
      parentsInformedHow: 'Blanket consent',
      startDate: ' 2026-09-07 ',
    });
    expect(result.ok && result.value).toMatchObject({
      target: '=8/10 or better by February',
      baselineMeasure: 'Reading age',
      lessonMissed: 'Science',
      parentsInformedHow: 'Blanket consent',
      startDate: '2026-09-07',
    });
  });

  it('names each field that is wrong, in plain English', () => {
    const result = validateParticipant({
      id: '',
      status: 'Half way',
      startDate: '2026-02-30',
      parentsInformedOn: '1999-12-31',
      parentsInformedHow: 'Carrier pigeon',
      lessonMissed: 'Cooking',
      target: 'x'.repeat(1001),
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        id: 'Pupil: choose a pupil from the list first',
        status: 'Status: choose one of Planned, Started, Finished, Stopped, Removed',
        startDate: 'Start date: 30 February 2026 is not a date: February 2026 has 28 days',
        parentsInformedOn: 'Parents informed on: enter a date between 2000 and 2100',
        parentsInformedHow: 'Parents informed how: choose one from the list, or leave it blank',
        lessonMissed: 'Lesson missed: choose one from the list, or leave it blank',
        target: 'Target: keep it under 1000 characters',
      },
    });
  });

  it('maps every field to a Participants column', () => {
    const headers: string[] = TABS.participants.columns.map((c) => c.header);
    for (const field of PARTICIPANT_FIELDS) {
      expect(headers).toContain(PARTICIPANT_COLUMNS[field]);
      expect(PARTICIPANT_LABELS[field]).toMatch(/^[A-Z]/);
    }
  });
});

describe('adding pupils', () => {
  it('needs an intervention and at least one pupil, and drops repeats', () => {
    expect(
      validateAddPupils({ interventionId: 'INT-1', pupilIds: ['PUP-1', 'PUP-2', 'PUP-1'] }),
    ).toEqual({ ok: true, value: { interventionId: 'INT-1', pupilIds: ['PUP-1', 'PUP-2'] } });
    expect(validateAddPupils({ interventionId: '', pupilIds: [] })).toEqual({
      ok: false,
      errors: {
        interventionId: 'Intervention: choose an intervention',
        pupilIds: 'Pupils to add: choose at least one pupil',
      },
    });
    expect(validateAddPupils({ interventionId: 'INT-1' })).toEqual({
      ok: false,
      errors: { pupilIds: 'Pupils to add: choose at least one pupil' },
    });
    const many = Array.from({ length: 61 }, (_, i) => `PUP-${i}`);
    const tooMany = validateAddPupils({ interventionId: 'INT-1', pupilIds: many });
    expect(tooMany.ok === false && tooMany.errors.pupilIds).toBe(
      'Pupils to add: choose at most 60 pupils at a time',
    );
  });
});

describe('words for people', () => {
  it('writes dates out', () => {
    expect(longDate(new Date(2026, 8, 14))).toBe('14 September 2026');
    expect(longDate(new Date(2027, 0, 1))).toBe('1 January 2027');
  });

  it('describes sessions and minutes', () => {
    expect(sessionsText(3, 20)).toBe('3 × 20 min a week');
    expect(sessionsText(undefined, 20)).toBe('');
    expect(minutesText(0)).toBe('0 minutes');
    expect(minutesText(1)).toBe('1 minute');
    expect(minutesText(45)).toBe('45 minutes');
    expect(minutesText(60)).toBe('1 hour');
    expect(minutesText(160)).toBe('2 hours 40 minutes');
  });

  it('gives needs in words', () => {
    expect(needInWords('SPLD')).toBe('Specific learning difficulty (SPLD)');
    expect(needInWords(' semh ')).toBe('Social, emotional and mental health (SEMH)');
    expect(needInWords('Dyslexia')).toBe('Dyslexia');
    expect(needInWords('')).toBe('');
  });
});

describe('the sidebar views’ wording', () => {
  const pupils = [
    { id: 'PUP-1', name: 'Amy Brown', yearGroup: 'Year 4' },
    { id: 'PUP-2', name: 'Ben Cole', yearGroup: 'Year 3' },
    { id: 'PUP-3', name: 'Cara Diaz', yearGroup: 'Year 3' },
  ];

  it('labels the Add button with the number ticked', () => {
    expect(addLabel(0)).toBe('Add pupils');
    expect(addLabel(1)).toBe('Add 1 pupil');
    expect(addLabel(3)).toBe('Add 3 pupils');
    expect(pupilsInIt(0)).toBe('No pupils in it yet');
    expect(pupilsInIt(2)).toBe('2 pupils in it');
  });

  it('filters pupils by name or year group', () => {
    expect(filterPupils(pupils, '').map((p) => p.id)).toEqual(['PUP-1', 'PUP-2', 'PUP-3']);
    expect(filterPupils(pupils, 'year 3').map((p) => p.id)).toEqual(['PUP-2', 'PUP-3']);
    expect(filterPupils(pupils, '  DIAZ ').map((p) => p.id)).toEqual(['PUP-3']);
    expect(filterPupils(pupils, 'zed')).toEqual([]);
  });

  it('describes interventions, places and pupils', () => {
    const choice = {
      id: 'INT-1',
      name: 'Reading buddies',
      lead: 'Mr Tom Reed',
      status: 'Running',
      startDate: '',
      startDateText: '',
      sessions: '',
    };
    expect(interventionLabel(choice)).toBe('Reading buddies – Mr Tom Reed, Running');
    expect(interventionLabel({ ...choice, lead: '', status: '' })).toBe('Reading buddies');
    const place = {
      id: 'PAR-1',
      pupilId: 'PUP-1',
      pupilName: 'Amy Brown',
      yearGroup: 'Year 4',
      status: 'Planned',
      consentRecorded: false,
      form: {} as never,
      warnings: [],
    };
    expect(participantDetails(place)).toBe('Year 4 · Planned · Parents informed: not recorded yet');
    expect(participantDetails({ ...place, consentRecorded: true })).toBe(
      'Year 4 · Planned · Parents informed: recorded',
    );
    expect(pupilLabel(pupils[0]!)).toBe('Amy Brown (Year 4)');
    expect(yearText('Year 4', 'Year 2')).toBe('Year 4, working at Year 2');
    expect(yearText('Year 4', '')).toBe('Year 4');
    expect(
      facts([
        ['Lead', 'Ms Okafor'],
        ['Evaluation', ''],
      ]),
    ).toEqual([['Lead', 'Ms Okafor']]);
  });
});
