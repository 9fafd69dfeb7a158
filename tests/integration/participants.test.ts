import type { Emulator } from '../../emulator/src';
import {
  insertRowAsUser,
  moveColumnAsUser,
  sortSheetRowsAsUser,
} from '../../emulator/src/spreadsheet';
import type { SaveResult } from '../../src/api/contract';
import type {
  AddPupilsResult,
  InterventionPupils,
  ParticipantsOptions,
  ProfileOptions,
  PupilProfile,
} from '../../src/api/participants-contract';
import { CONSENT_REFUSAL } from '../../src/domain/participant';
import { newEmulator, setUpEmulator, storedCell, validForm } from '../support/emulator';

const READ = 'SpreadsheetApp.Range.getValues';
const WRITE = 'SpreadsheetApp.Range.setValues';

function writesOf(calls: Record<string, number>): number {
  return Object.entries(calls)
    .filter(([method]) => /\.(set\w*|append\w*|insert\w*|delete\w*|clear\w*)$/.test(method))
    .reduce((sum, [, n]) => sum + n, 0);
}

const PUPILS: Record<string, string>[] = [
  {
    'Pupil ID': 'PUP-0001',
    'First name': 'Amy',
    'Last name': 'Brown',
    'Year group': 'Year 4',
    'Working at year group': 'Year 2',
    'SEN status': 'SEN support',
    'Primary need': 'SPLD',
    'Secondary need': 'SLCN',
    'Class teacher': 'Ms Amara Okafor',
  },
  { 'Pupil ID': 'PUP-0002', 'First name': 'Ben', 'Last name': 'Cole', 'Year group': 'Year 3' },
  { 'Pupil ID': 'PUP-0003', 'First name': 'Cara', 'Last name': 'Diaz', 'Year group': 'Year 3' },
  { 'Pupil ID': 'PUP-0004', 'First name': 'Dev', 'Last name': 'Evans', 'Year group': 'Year 5' },
];

interface School {
  emu: Emulator;
  /** Precision teaching: starts 30 November 2026, 3 × 20 min a week for 12 weeks. */
  spelling: string;
  /** Reading buddies: starts 7 December 2026, 5 × 20 min a week for 10 weeks. */
  reading: string;
  /** Toe by Toe: started 5 January 2026, 10 weeks (over by now). */
  toe: string;
}

function saveIntervention(emu: Emulator, overrides: Record<string, string>): string {
  const { value } = emu.scriptRun<SaveResult>('saveIntervention', [validForm(overrides)]);
  if (!value.ok) throw new Error(JSON.stringify(value.errors));
  return value.id;
}

function school(): School {
  const emu = setUpEmulator();
  emu.appendRecords('Pupils', PUPILS);
  const spelling = saveIntervention(emu, {});
  const reading = saveIntervention(emu, {
    name: 'Reading buddies',
    lead: 'Mr Tom Reed',
    startDate: '2026-12-07',
    lengthWeeks: '10',
    sessionsPerWeek: '5',
    minutesPerSession: '20',
  });
  const toe = saveIntervention(emu, {
    name: 'Toe by Toe',
    startDate: '2026-01-05',
    lengthWeeks: '10',
  });
  emu.resetCalls();
  return { emu, spelling, reading, toe };
}

function add(emu: Emulator, interventionId: string, pupilIds: string[]): AddPupilsResult {
  return emu.scriptRun<AddPupilsResult>('addPupilsToIntervention', [{ interventionId, pupilIds }])
    .value;
}

function addOk(emu: Emulator, interventionId: string, pupilIds: string[]): string[] {
  const result = add(emu, interventionId, pupilIds);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.ids;
}

function pupilsIn(emu: Emulator, interventionId: string): InterventionPupils {
  return emu.scriptRun<InterventionPupils>('getInterventionPupils', [interventionId]).value;
}

/** The form as the sidebar would send it for a participant, with some fields changed. */
function formFor(
  emu: Emulator,
  interventionId: string,
  participantId: string,
  changes: Record<string, string>,
): Record<string, string> {
  const place = pupilsIn(emu, interventionId).participants.find((p) => p.id === participantId);
  if (!place) throw new Error(`no participant ${participantId}`);
  return { ...place.form, ...changes };
}

function save(emu: Emulator, form: Record<string, string>): SaveResult {
  return emu.scriptRun<SaveResult>('saveParticipant', [form]).value;
}

function record(emu: Emulator, participantId: string) {
  const row = emu.records('Participants').find((r) => r['Participant ID'] === participantId);
  if (!row) throw new Error(`no row ${participantId}`);
  return row;
}

function ymd(value: unknown): string {
  if (!(value instanceof Date)) return String(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

const CONSENT = { parentsInformedOn: '2026-11-20', parentsInformedHow: 'Letter' };

describe('adding pupils to an intervention', () => {
  it('adds three pupils as Planned, from the intervention start date, in one write', () => {
    const { emu, spelling } = school();
    const result = add(emu, spelling, ['PUP-0001', 'PUP-0002', 'PUP-0003']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ids).toHaveLength(3);
    expect(result.message).toBe(
      'Added 3 pupils to Precision teaching: spelling: Amy Brown, Ben Cole and Cara Diaz. ' +
        'Each is Planned: record when and how parents were told before marking them Started.',
    );

    const rows = emu.records('Participants');
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r['Pupil ID'])).toEqual(['PUP-0001', 'PUP-0002', 'PUP-0003']);
    expect(rows.map((r) => r['Participant ID'])).toEqual(result.ids);
    for (const row of rows) {
      expect(row['Participant ID']).toMatch(/^PAR-[0-9A-F]{12}$/);
      expect(row).toMatchObject({ 'Intervention ID': spelling, Status: 'Planned', Warnings: '' });
      expect(ymd(row['Start date'])).toBe('2026-11-30');
    }

    const calls = emu.calls();
    // Reads: Participants by ID (header row and key columns: no rows, none is in it yet),
    // Interventions and Pupils by ID (header row, key column, the rows needed: 3 each), Settings
    // and the Audit log's header row.
    expect(calls[READ]).toBe(10);
    // Writes: the three new rows in one batch, and their audit rows in another.
    expect(calls[WRITE]).toBe(2);
    expect(writesOf(calls)).toBe(2 + 1); // + the audit log's chain head
    expect(calls['LockService.Lock.waitLock']).toBe(1);

    const audit = emu.records('Audit log').filter((r) => r['Record type'] === 'Participants');
    expect(new Set(audit.map((r) => r['Record ID']))).toEqual(new Set(result.ids));
    expect(audit.filter((r) => r.Field === 'Status').map((r) => r['New value'])).toEqual([
      'Planned',
      'Planned',
      'Planned',
    ]);
  });

  it('lists the pupils in it and only offers the ones who are not', () => {
    const { emu, spelling } = school();
    addOk(emu, spelling, ['PUP-0003', 'PUP-0001']);
    emu.resetCalls();
    const view = pupilsIn(emu, spelling);
    expect(view.workbookReady).toBe(true);
    expect(view.intervention).toMatchObject({
      id: spelling,
      name: 'Precision teaching: spelling',
      lead: 'Ms Amara Okafor',
      status: 'Planned',
      startDate: '2026-11-30',
      startDateText: '30 November 2026',
      sessions: '3 × 20 min a week',
    });
    expect(view.participants.map((p) => [p.pupilName, p.yearGroup, p.status])).toEqual([
      ['Amy Brown', 'Year 4', 'Planned'],
      ['Cara Diaz', 'Year 3', 'Planned'],
    ]);
    expect(view.participants[0]?.consentRecorded).toBe(false);
    expect(view.participants[0]?.form).toMatchObject({
      status: 'Planned',
      startDate: '2026-11-30',
    });
    expect(view.available.map((p) => p.name)).toEqual(['Ben Cole', 'Dev Evans']);
    // The measures a baseline can be given in, from the Settings tab.
    expect(view.measures).toEqual(expect.arrayContaining(['Spelling test', 'Reading age']));
    expect(emu.calls()[READ]).toBe(4); // Interventions, Participants, Pupils, Settings
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('lists the interventions to choose from, running and planned first', () => {
    const { emu } = school();
    const { value } = emu.scriptRun<ParticipantsOptions>('getParticipantsOptions');
    expect(value.workbookReady).toBe(true);
    expect(value.interventions.map((i) => [i.name, i.lead, i.status])).toEqual([
      ['Precision teaching: spelling', 'Ms Amara Okafor', 'Planned'],
      ['Reading buddies', 'Mr Tom Reed', 'Planned'],
      // Its dates are over, but no pupil ever started: still Planned (domain/lifecycle.ts).
      ['Toe by Toe', 'Ms Amara Okafor', 'Planned'],
    ]);
  });

  it('refuses pupils already in it, unknown pupils and an empty choice, writing nothing', () => {
    const { emu, spelling } = school();
    addOk(emu, spelling, ['PUP-0001']);
    const before = emu.values('Participants');
    emu.resetCalls();

    const again = add(emu, spelling, ['PUP-0002', 'PUP-0001']);
    expect(again.ok).toBe(false);
    expect(!again.ok && again.errors.pupilIds).toBe(
      'Pupils to add: Amy Brown is already in this intervention.',
    );
    const unknown = add(emu, spelling, ['PUP-9999']);
    expect(!unknown.ok && unknown.errors.pupilIds).toMatch(/PUP-9999 is not on the Pupils tab/);
    const none = add(emu, spelling, []);
    expect(!none.ok && none.errors.pupilIds).toBe('Pupils to add: choose at least one pupil');
    const nowhere = add(emu, 'INT-NOPE', ['PUP-0002']);
    expect(!nowhere.ok && nowhere.errors.interventionId).toMatch(/^Intervention: /);

    expect(emu.values('Participants')).toEqual(before);
    expect(writesOf(emu.calls())).toBe(0);
  });
});

describe('the consent gate', () => {
  it('refuses Started until parents-informed is recorded, and writes nothing', () => {
    const { emu, spelling } = school();
    const [id = ''] = addOk(emu, spelling, ['PUP-0001']);
    emu.resetCalls();
    const result = save(emu, formFor(emu, spelling, id, { status: 'Started' }));
    expect(result).toEqual({
      ok: false,
      errors: { status: CONSENT_REFUSAL },
      message: 'Nothing was saved: please correct the field marked below.',
    });
    expect(result.ok === false && result.errors.status).toMatch(/^Status: this pupil cannot be/);
    // A date without how, or how without a date, is not enough either.
    const half = save(
      emu,
      formFor(emu, spelling, id, { status: 'Started', parentsInformedOn: '2026-11-20' }),
    );
    expect(half.ok).toBe(false);
    expect(record(emu, id).Status).toBe('Planned');
    expect(emu.calls()[WRITE] ?? 0).toBe(0);
  });

  it.each([
    ['a date and how', CONSENT],
    [
      'blanket consent with a date',
      { parentsInformedOn: '2025-09-03', parentsInformedHow: 'Blanket consent' },
    ],
    [
      'a reason parents were not informed',
      { parentsNotInformedBecause: 'Blanket consent recorded on admission form, 2025' },
    ],
  ])('accepts Started with %s', (_, consent) => {
    const { emu, spelling } = school();
    const [id = ''] = addOk(emu, spelling, ['PUP-0001']);
    emu.resetCalls();
    const result = save(emu, formFor(emu, spelling, id, { status: 'Started', ...consent }));
    expect(result).toMatchObject({
      ok: true,
      id,
      message: expect.stringMatching(
        /^Saved Amy Brown's record for Precision teaching: spelling\. Reviews due: baseline /,
      ),
    });
    expect(record(emu, id).Status).toBe('Started');
    expect(pupilsIn(emu, spelling).participants[0]?.consentRecorded).toBe(true);
  });

  it('saves every field under its header in one write, text as text', () => {
    const { emu, spelling } = school();
    const [id = ''] = addOk(emu, spelling, ['PUP-0002']);
    const form = formFor(emu, spelling, id, {
      status: 'Started',
      startDate: '2026-12-01',
      ...CONSENT,
      baseline: '4/10 in weekly spelling tests',
      baselineMeasure: 'Spelling test score',
      baselineDate: '2026-11-27',
      target: '=8/10 or better by February half term',
      lessonMissed: 'Science',
    });
    emu.resetCalls();
    const result = save(emu, form);
    expect(result.ok).toBe(true);
    // Reads: Participants, Interventions, Pupils and Reviews by ID (header row, key column, rows
    // needed: 3 each), Settings, Staff (for the cost per pupil) and the audit log's header.
    expect(emu.calls()[READ]).toBe(14);
    // Writes: the place, its three scheduled reviews (starting), the intervention (now Running)
    // and the audit rows.
    expect(emu.calls()[WRITE]).toBe(4);
    expect(writesOf(emu.calls())).toBe(4 + 1); // + the audit log's chain head
    const row = record(emu, id);
    expect(row).toMatchObject({
      Status: 'Started',
      'Parents informed how': 'Letter',
      Baseline: '4/10 in weekly spelling tests',
      'Baseline measure': 'Spelling test score',
      'Lesson missed': 'Science',
      Target: '=8/10 or better by February half term',
    });
    expect(ymd(row['Start date'])).toBe('2026-12-01');
    expect(ymd(row['Parents informed on'])).toBe('2026-11-20');
    expect(ymd(row['Baseline date'])).toBe('2026-11-27');
    expect(storedCell(emu, 'Participants', 1, 'Target')?.f).toBeUndefined();
  });

  it('names each bad field and writes nothing', () => {
    const { emu, spelling } = school();
    const [id = ''] = addOk(emu, spelling, ['PUP-0002']);
    const before = emu.values('Participants');
    const result = save(
      emu,
      formFor(emu, spelling, id, { baselineDate: '31/02/2026', lessonMissed: 'Cooking' }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual({
      baselineDate: 'Baseline date: 31 February 2026 is not a date: February 2026 has 28 days',
      lessonMissed: 'Lesson missed: choose one from the list, or leave it blank',
    });
    expect(emu.values('Participants')).toEqual(before);
  });
});

describe('good-practice warnings', () => {
  it('warns about several new interventions at once, on both places, and returns them', () => {
    const { emu, spelling, reading } = school();
    const [first = ''] = addOk(emu, spelling, ['PUP-0001', 'PUP-0002']);
    const result = add(emu, reading, ['PUP-0001']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const message =
      'This pupil starts 2 new interventions within 4 weeks (Reading buddies and Precision teaching: spelling): where possible start one at a time, so you can tell which one worked.';
    expect(result.warnings).toEqual([`Amy Brown: ${message}`]);
    const [second = ''] = result.ids;
    expect(record(emu, second).Warnings).toBe(`• ${message}`);
    // Amy's other place is brought up to date in the same write.
    expect(String(record(emu, first).Warnings)).toMatch(
      /starts 2 new interventions within 4 weeks/,
    );
  });

  it('warns about lesson time lost when saving, and writes the Warnings column', () => {
    const { emu, reading } = school();
    const [id = ''] = addOk(emu, reading, ['PUP-0002']);
    const result = save(emu, formFor(emu, reading, id, { lessonMissed: 'English' }));
    expect(result.ok).toBe(true);
    const expected =
      'This pupil would miss 100 minutes of English a week in 1 intervention (more than 60): what are they losing? Consider taking sessions from a different lesson.';
    expect(result.ok && result.warnings).toEqual([expected]);
    expect(record(emu, id).Warnings).toBe(`• ${expected}`);
    expect(pupilsIn(emu, reading).participants[0]?.warnings).toEqual([expected]);

    // The school's own threshold, from the Settings tab.
    const row = emu
      .records('Settings')
      .findIndex((r) => String(r.Setting).startsWith('Lesson time'));
    const cell = storedCell(emu, 'Settings', row + 1, 'Value');
    if (!cell) throw new Error('no threshold setting');
    cell.v = 120;
    const again = save(emu, formFor(emu, reading, id, { target: 'Reads 20 words a minute' }));
    expect(again.ok && again.warnings).toEqual([]);
    expect(record(emu, id).Warnings).toBe('');
  });

  it('keeps the pupil’s other places true when one changes', () => {
    const { emu, spelling, reading } = school();
    const [a = ''] = addOk(emu, spelling, ['PUP-0004']);
    const [b = ''] = addOk(emu, reading, ['PUP-0004']);
    save(emu, formFor(emu, spelling, a, { lessonMissed: 'Maths' }));
    save(emu, formFor(emu, reading, b, { lessonMissed: 'Maths' }));
    expect(String(record(emu, a).Warnings)).toMatch(/160 minutes of Maths a week across 2/);
    expect(String(record(emu, b).Warnings)).toMatch(/160 minutes of Maths a week across 2/);
    // Moving one to another lesson clears the lesson warning on both, in the same write.
    emu.resetCalls();
    save(emu, formFor(emu, reading, b, { lessonMissed: 'Before or after school' }));
    expect(emu.calls()[WRITE]).toBe(2);
    expect(String(record(emu, a).Warnings)).not.toMatch(/Maths/);
    expect(String(record(emu, b).Warnings)).not.toMatch(/Maths/);
  });
});

describe('removing a pupil from an intervention', () => {
  it('keeps the row, marked Removed, and offers the pupil again', () => {
    const { emu, spelling, reading } = school();
    const [a = ''] = addOk(emu, spelling, ['PUP-0001', 'PUP-0002']);
    const [b = ''] = addOk(emu, reading, ['PUP-0001']);
    expect(String(record(emu, b).Warnings)).not.toBe('');
    emu.resetCalls();
    const result = emu.scriptRun<SaveResult>('removeParticipant', [a]).value;
    expect(result).toMatchObject({
      ok: true,
      message:
        'Removed Amy Brown from Precision teaching: spelling. Their record stays on the Participants tab, marked Removed.',
    });
    expect(emu.calls()[WRITE]).toBe(2);
    expect(emu.records('Participants')).toHaveLength(3);
    expect(record(emu, a)).toMatchObject({ Status: 'Removed', Warnings: '' });
    // Her other place no longer starts alongside this one.
    expect(record(emu, b).Warnings).toBe('');
    const view = pupilsIn(emu, spelling);
    expect(view.participants.map((p) => p.pupilName)).toEqual(['Ben Cole']);
    expect(view.removedCount).toBe(1);
    expect(view.available.map((p) => p.name)).toContain('Amy Brown');
  });
});

describe('the pupil profile', () => {
  function amysYear(): School & { places: Record<string, string> } {
    const s = school();
    const { emu, spelling, reading, toe } = s;
    const [pt = ''] = addOk(emu, spelling, ['PUP-0001']);
    const [rb = ''] = addOk(emu, reading, ['PUP-0001', 'PUP-0002']);
    const [tt = ''] = addOk(emu, toe, ['PUP-0001']);
    save(
      emu,
      formFor(emu, spelling, pt, {
        status: 'Started',
        ...CONSENT,
        baseline: '4/10',
        baselineMeasure: 'Spelling test score',
        baselineDate: '2026-11-27',
        target: '8/10 or better in weekly spelling tests by February',
        lessonMissed: 'Maths',
        actual: '6/10',
        actualDate: '2026-12-18',
      }),
    );
    save(emu, formFor(emu, reading, rb, { lessonMissed: 'English' }));
    save(
      emu,
      formFor(emu, toe, tt, {
        status: 'Finished',
        parentsNotInformedBecause: 'Blanket consent recorded on admission form, 2025',
        baseline: 'Reading age 6y 4m',
        target: 'Reading age 7y',
        actual: 'Reading age 7y 2m',
        actualDate: '2026-03-16',
        evaluation: 'Good progress: 10 months in 10 weeks',
        lessonMissed: 'Science',
      }),
    );
    const [ben] = pupilsIn(emu, reading).participants.filter((p) => p.pupilName === 'Ben Cole');
    emu.appendRecords('Reviews', [
      {
        'Review ID': 'REV-0002',
        'Intervention ID': reading,
        'Participant ID': rb,
        Kind: 'Baseline',
        'Due date': new Date(2026, 11, 7),
        Status: 'Due',
      },
      {
        'Review ID': 'REV-0001',
        'Intervention ID': spelling,
        'Participant ID': pt,
        Kind: 'Mid-point',
        'Due date': new Date(2027, 0, 11),
        Status: 'Due',
      },
      {
        'Review ID': 'REV-0003',
        'Intervention ID': spelling,
        'Participant ID': pt,
        Kind: 'Baseline',
        'Due date': new Date(2026, 10, 30),
        Status: 'Done',
      },
      {
        'Review ID': 'REV-0004',
        'Intervention ID': reading,
        'Participant ID': ben?.id ?? '',
        Kind: 'Baseline',
        'Due date': new Date(2026, 11, 7),
        Status: 'Due',
      },
    ]);
    emu.resetCalls();
    return { ...s, places: { pt, rb, tt } };
  }

  function profile(emu: Emulator, pupilId = 'PUP-0001'): PupilProfile {
    return emu.scriptRun<PupilProfile>('getPupilProfile', [pupilId]).value;
  }

  it('shows who the pupil is, in words', () => {
    const { emu } = amysYear();
    const p = profile(emu);
    expect(p.workbookReady).toBe(true);
    expect(p.pupil).toEqual({
      id: 'PUP-0001',
      name: 'Amy Brown',
      yearGroup: 'Year 4',
      workingAt: 'Year 2',
      senStatus: 'SEN support',
      primaryNeed: 'Specific learning difficulty (SPLD)',
      secondaryNeed: 'Speech, language and communication needs (SLCN)',
      classTeacher: 'Ms Amara Okafor',
    });
    // Pupils, Interventions, Participants and Reviews by ID (header row, key column, rows needed:
    // 3 each) and Settings; no writes.
    expect(emu.calls()[READ]).toBe(13);
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('lists current and past interventions with dates written out', () => {
    const { emu } = amysYear();
    const p = profile(emu);
    expect(p.current).toEqual([
      expect.objectContaining({
        name: 'Precision teaching: spelling',
        lead: 'Ms Amara Okafor',
        status: 'Started',
        startDate: '30 November 2026',
        sessions: '3 × 20 min a week',
        target: '8/10 or better in weekly spelling tests by February',
        baseline: '4/10 (Spelling test score, 27 November 2026)',
        actual: '6/10 (18 December 2026)',
        consentRecorded: true,
      }),
      expect.objectContaining({
        name: 'Reading buddies',
        lead: 'Mr Tom Reed',
        status: 'Planned',
        startDate: '7 December 2026',
        sessions: '5 × 20 min a week',
        actual: '',
        consentRecorded: false,
      }),
    ]);
    expect(p.past).toEqual([
      expect.objectContaining({
        name: 'Toe by Toe',
        status: 'Finished',
        startDate: '5 January 2026',
        baseline: 'Reading age 6y 4m',
        target: 'Reading age 7y',
        actual: 'Reading age 7y 2m (16 March 2026)',
        evaluation: 'Good progress: 10 months in 10 weeks',
      }),
    ]);
  });

  it('lists reviews due by date, and the minutes a week away from lessons', () => {
    const { emu } = amysYear();
    const p = profile(emu);
    expect(p.reviewsDue).toEqual(
      expect.arrayContaining([
        {
          reviewId: 'REV-0002',
          kind: 'Baseline',
          intervention: 'Reading buddies',
          dueDate: '7 December 2026',
          overdue: false,
        },
        {
          reviewId: 'REV-0001',
          kind: 'Mid-point',
          intervention: 'Precision teaching: spelling',
          dueDate: '11 January 2027',
          overdue: false,
        },
      ]),
    );
    // Listed by due date (the scheduler's own reviews for the started place are there too).
    const dates = p.reviewsDue.map((r) => r.reviewId);
    expect(dates.indexOf('REV-0002')).toBeLessThan(dates.indexOf('REV-0001'));
    expect(p.lessonTime).toEqual([
      {
        subject: 'English',
        minutesPerWeek: 100,
        text: '1 hour 40 minutes',
        interventions: ['Reading buddies'],
      },
      {
        subject: 'Maths',
        minutesPerWeek: 60,
        text: '1 hour',
        interventions: ['Precision teaching: spelling'],
      },
    ]);
    expect(p.lessonTimeTotal).toEqual({ minutesPerWeek: 160, text: '2 hours 40 minutes' });
    expect(p.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/starts 2 new interventions within 4 weeks/),
        expect.stringMatching(/100 minutes of English a week/),
      ]),
    );
    expect(p.warnings).toHaveLength(2);
  });

  it('offers every pupil to choose, and has nothing for a pupil with no interventions', () => {
    const { emu } = amysYear();
    const options = emu.scriptRun<ProfileOptions>('getProfileOptions').value;
    expect(options.pupils.map((p) => p.name)).toEqual([
      'Amy Brown',
      'Ben Cole',
      'Cara Diaz',
      'Dev Evans',
    ]);
    const dev = profile(emu, 'PUP-0004');
    expect(dev.current).toEqual([]);
    expect(dev.past).toEqual([]);
    expect(dev.reviewsDue).toEqual([]);
    expect(dev.lessonTimeTotal).toEqual({ minutesPerWeek: 0, text: '0 minutes' });
    expect(() => profile(emu, 'PUP-NOPE')).toThrow(/no longer on the Pupils tab/);
  });
});

describe('after users move columns and sort rows', () => {
  it('still reads and writes the right cells of Participants, Pupils and Interventions', () => {
    const { emu, spelling, reading } = school();
    const [ben = '', amy = ''] = addOk(emu, spelling, ['PUP-0002', 'PUP-0001']);
    addOk(emu, reading, ['PUP-0003']);

    moveColumnAsUser(emu.state, 'Participants', 4, 12); // Status moved right
    moveColumnAsUser(emu.state, 'Participants', 1, 8); // the ID column too
    moveColumnAsUser(emu.state, 'Pupils', 2, 6); // First name
    moveColumnAsUser(emu.state, 'Interventions', 2, 10); // Name
    moveColumnAsUser(emu.state, 'Interventions', 8, 3); // Start date
    const pupilCol = emu.values('Participants')[0]!.indexOf('Pupil ID') + 1;
    sortSheetRowsAsUser(emu.state, 'Participants', pupilCol, false);
    const lastNameCol = emu.values('Pupils')[0]!.indexOf('Last name') + 1;
    sortSheetRowsAsUser(emu.state, 'Pupils', lastNameCol, false);
    const nameCol = emu.values('Interventions')[0]!.indexOf('Name') + 1;
    sortSheetRowsAsUser(emu.state, 'Interventions', nameCol, false);
    insertRowAsUser(emu.state, 'Participants', 3); // a blank row in the middle

    const view = pupilsIn(emu, spelling);
    expect(view.intervention).toMatchObject({
      name: 'Precision teaching: spelling',
      startDate: '2026-11-30',
    });
    expect(view.participants.map((p) => p.pupilName)).toEqual(['Amy Brown', 'Ben Cole']);
    expect(view.available.map((p) => p.name)).toEqual(['Cara Diaz', 'Dev Evans']);

    const saved = save(
      emu,
      formFor(emu, spelling, amy, { status: 'Started', ...CONSENT, lessonMissed: 'PE' }),
    );
    expect(saved.ok).toBe(true);
    expect(record(emu, amy)).toMatchObject({
      'Pupil ID': 'PUP-0001',
      'Intervention ID': spelling,
      Status: 'Started',
      'Lesson missed': 'PE',
      'Parents informed how': 'Letter',
    });
    expect(record(emu, ben)).toMatchObject({
      'Pupil ID': 'PUP-0002',
      Status: 'Planned',
      'Lesson missed': '',
    });

    const [dev = ''] = addOk(emu, spelling, ['PUP-0004']);
    expect(record(emu, dev)).toMatchObject({ 'Pupil ID': 'PUP-0004', Status: 'Planned' });
    expect(ymd(record(emu, dev)['Start date'])).toBe('2026-11-30');

    emu.scriptRun('removeParticipant', [ben]);
    expect(record(emu, ben)).toMatchObject({ 'Pupil ID': 'PUP-0002', Status: 'Removed' });
    expect(record(emu, amy).Status).toBe('Started');

    const p = profile(emu);
    expect(p.pupil).toMatchObject({ name: 'Amy Brown', yearGroup: 'Year 4' });
    expect(p.current.map((c) => [c.name, c.startDate, c.sessions])).toEqual([
      ['Precision teaching: spelling', '30 November 2026', '3 × 20 min a week'],
    ]);
    expect(p.lessonTime).toEqual([expect.objectContaining({ subject: 'PE', minutesPerWeek: 60 })]);
  });

  function profile(emu: Emulator): PupilProfile {
    return emu.scriptRun<PupilProfile>('getPupilProfile', ['PUP-0001']).value;
  }
});

describe('before the workbook is set up', () => {
  it('says so instead of failing', () => {
    const emu = newEmulator();
    emu.install();
    expect(emu.scriptRun<ParticipantsOptions>('getParticipantsOptions').value.workbookReady).toBe(
      false,
    );
    expect(emu.scriptRun<ProfileOptions>('getProfileOptions').value.workbookReady).toBe(false);
  });
});
