import { schoolCalendar } from '../../src/domain/calendar';
import {
  longDate,
  planReminders,
  pupilLabel,
  reminderSettingsFrom,
  sentKey,
  settleReminders,
  splitNames,
  type ReminderInput,
  type ReviewFacts,
} from '../../src/domain/reminders';

const d = (day: number, month = 11): Date => new Date(2026, month - 1, day);

function review(id: string, due: Date, extra: Partial<ReviewFacts> = {}): ReviewFacts {
  return {
    id,
    interventionId: 'INT-1',
    participantId: 'PAR-1',
    kind: 'Mid-point',
    dueDate: due,
    status: 'Due',
    dueReminderSent: false,
    overdueReminderSent: false,
    ...extra,
  };
}

function input(overrides: Partial<ReminderInput> = {}): ReminderInput {
  return {
    reviews: [],
    participants: [{ id: 'PAR-1', pupilId: 'PUP-1', status: 'Started' }],
    pupils: [{ id: 'PUP-1', firstName: 'Ann', lastName: 'Patel', yearGroup: 'Year 3' }],
    interventions: [
      {
        id: 'INT-1',
        name: 'Reading <club>',
        lead: 'Tom Reed',
        supportedBy: 'priya shah and SALT',
        status: 'Running',
        needsDecision: '',
      },
    ],
    staff: [
      { id: 'STF-1', name: 'Amara Okafor', email: 'senco@x.example', role: 'SENCo' },
      { id: 'STF-2', name: 'Tom Reed', email: 'tom@x.example', role: 'TA' },
      { id: 'STF-3', name: 'Priya Shah', email: '', role: 'Teacher' },
    ],
    settings: { leadTimeDays: 3, fullNames: false, schoolName: '' },
    today: d(24),
    calendar: schoolCalendar([]),
    sheetUrl: 'https://example.test/sheet?a=1&b=2',
    alreadySent: new Set(),
    summarySentToday: false,
    decisionsSummarised: new Set(),
    ...overrides,
  };
}

describe('reminder words', () => {
  test('dates, pupils and names', () => {
    expect(longDate(d(14, 9))).toBe('Monday 14 September 2026');
    const ann = { id: 'PUP-1', firstName: 'ann', lastName: 'Patel', yearGroup: 'Year 3' };
    expect(pupilLabel(ann, false)).toBe('A.P. (Year 3)');
    expect(pupilLabel(ann, true)).toBe('ann Patel (Year 3)');
    expect(pupilLabel(undefined, false)).toBe('a pupil no longer on the Pupils tab');
    expect(splitNames('Sam Lee and Priya Shah; SALT')).toEqual(['Sam Lee', 'Priya Shah', 'SALT']);
  });

  test('settings default when missing or odd', () => {
    expect(reminderSettingsFrom({})).toEqual({ leadTimeDays: 3, fullNames: false, schoolName: '' });
    expect(
      reminderSettingsFrom({
        'Reminder lead time (school days)': 5,
        'Full names in emails': 'yes',
      }),
    ).toMatchObject({ leadTimeDays: 5, fullNames: true });
    expect(reminderSettingsFrom({ 'Reminder lead time (school days)': 'soon' }).leadTimeDays).toBe(
      3,
    );
  });
});

describe('planReminders', () => {
  test('coming up within the lead time in school days, across a holiday', () => {
    const calendar = schoolCalendar([
      { kind: 'Holiday', name: 'Half term', from: d(26), to: d(27) },
    ]);
    // Tue 24: school days 25, 30 Nov, 1 Dec → the lead time reaches Tuesday 1 December.
    const plan = planReminders(
      input({
        calendar,
        reviews: [review('R1', d(1, 12)), review('R2', d(2, 12)), review('R3', d(20))],
      }),
    );
    expect(plan.wanted.map((w) => [w.reviewId, w.kind])).toEqual([
      ['R1', 'due'],
      ['R3', 'overdue'],
    ]);
    const tom = plan.digests.find((g) => g.key === 'staff:STF-2');
    expect(tom?.items.map((i) => i.reviewId).sort()).toEqual(['R1', 'R3']);
    expect(plan.noEmail).toEqual(['Priya Shah']);
    expect(plan.notOnStaffList).toEqual(['SALT']);
  });

  test('reminded once coming up and once overdue; done reviews never', () => {
    const plan = planReminders(
      input({
        reviews: [
          review('R1', d(25), { dueReminderSent: true }),
          review('R2', d(20), { overdueReminderSent: true }),
          review('R3', d(20), { status: 'Done' }),
          review('R4', d(23), { dueReminderSent: true }),
        ],
      }),
    );
    expect(plan.wanted.map((w) => w.reviewId)).toEqual(['R4']);
  });

  test('nothing on a weekend', () => {
    const plan = planReminders(input({ today: d(28), reviews: [review('R1', d(20))] }));
    expect(plan.schoolDay).toBe(false);
    expect(plan.digests).toEqual([]);
  });

  test('the SENCo summary: everything overdue and decisions, only when something is new', () => {
    const base = input({
      reviews: [review('R1', d(20), { overdueReminderSent: true })],
      interventions: [
        {
          id: 'INT-1',
          name: 'Reading <club>',
          lead: 'Tom Reed',
          supportedBy: '',
          status: 'Running',
          needsDecision: 'Not working',
        },
      ],
    });
    const first = planReminders(base);
    expect(first.digests.map((g) => g.key)).toEqual(['summary']);
    expect(first.digests[0]?.email.text).toContain('was due Friday 20 November 2026');
    const again = planReminders({ ...base, decisionsSummarised: new Set(['INT-1']) });
    expect(again.digests).toEqual([]);
  });

  test('emails are escaped in HTML, plain in text, and link to the sheet', () => {
    const plan = planReminders(input({ reviews: [review('R1', d(25))] }));
    const email = plan.digests.find((g) => g.key === 'staff:STF-2')?.email;
    expect(email?.subject).toBe('Reviews due: 1 coming up (SEND provision map)');
    expect(email?.text).toContain(
      'Reading <club>: Mid-point review, due Wednesday 25 November 2026',
    );
    expect(email?.text).toContain('Pupil: A.P. (Year 3)');
    expect(email?.html).toContain('Reading &lt;club&gt;');
    expect(email?.html).not.toContain('<club>');
    expect(email?.html).toContain('href="https://example.test/sheet?a=1&amp;b=2"');
  });

  test('what was sent already is left out, per recipient', () => {
    const reviews = [review('R1', d(25))];
    const withPriya = input({
      reviews,
      staff: [
        { id: 'STF-2', name: 'Tom Reed', email: 'tom@x.example', role: 'TA' },
        { id: 'STF-3', name: 'Priya Shah', email: 'p@x.example', role: 'Teacher' },
      ],
    });
    const plan = planReminders({
      ...withPriya,
      alreadySent: new Set([sentKey('R1', 'due', 'staff:STF-2')]),
    });
    expect(plan.digests.map((g) => g.key)).toEqual(['staff:STF-3']);
    const settled = settleReminders(plan.wanted, new Set([sentKey('R1', 'due', 'staff:STF-2')]));
    expect(settled.complete).toEqual([]);
    expect(settled.pending).toEqual([sentKey('R1', 'due', 'staff:STF-2')]);
    const done = settleReminders(
      plan.wanted,
      new Set([...plan.digests[0]!.sent, ...settled.pending]),
    );
    expect(done.complete.map((w) => w.reviewId)).toEqual(['R1']);
  });
});
