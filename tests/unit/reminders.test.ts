import { schoolCalendar } from '../../src/domain/calendar';
import {
  longDate,
  planReminders,
  pupilLabel,
  reminderSettingsFrom,
  sentKey,
  settleReminders,
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

describe('who is reminded: names as staff type them', () => {
  const sam = { id: 'STF-4', name: 'Sam Okonjo-Reed', email: 'sam@x.example', role: 'TA' };
  const zoe = { id: 'STF-5', name: 'Zoë Young', email: 'zoe@x.example', role: 'TA' };
  const withSupporters = (supportedBy: string, lead = 'Tom Reed'): ReminderInput =>
    input({
      reviews: [review('R1', d(20))],
      interventions: [
        {
          id: 'INT-1',
          name: 'Language group',
          lead,
          supportedBy,
          status: 'Running',
          needsDecision: '',
        },
      ],
      staff: [...input().staff, sam, zoe],
    });

  test('"Sam Okonjo-Reed (TA)" gets Sam\'s digest with the overdue mid-point', () => {
    const plan = planReminders(withSupporters('Sam Okonjo-Reed (TA)'));
    const digest = plan.digests.find((g) => g.key === 'staff:STF-4');
    expect(digest?.email.to).toBe('sam@x.example');
    expect(digest?.email.text).toContain(
      'Language group: Mid-point review, was due Friday 20 November 2026',
    );
    expect(plan.notOnStaffList).toEqual([]);
    expect(plan.wanted[0]?.recipients.sort()).toEqual(['staff:STF-2', 'staff:STF-4']);
  });

  test('case, extra spaces and accents do not matter, for the lead too', () => {
    const plan = planReminders(withSupporters('  sam   OKONJO-reed ; Zoe Young', 'zoë young (TA)'));
    expect(plan.digests.map((g) => g.key).sort()).toEqual([
      'staff:STF-4',
      'staff:STF-5',
      'summary',
    ]);
    expect(plan.notOnStaffList).toEqual([]);
  });

  test('someone named twice gets one digest; a name that matches nobody is reported as typed', () => {
    const plan = planReminders(withSupporters('Sam Okonjo-Reed (TA), Sam Okonjo-Reed & Sam Reed'));
    expect(plan.digests.filter((g) => g.key === 'staff:STF-4')).toHaveLength(1);
    expect(plan.digests.find((g) => g.key === 'staff:STF-4')?.items).toHaveLength(1);
    expect(plan.notOnStaffList).toEqual(['Sam Reed']);
  });
});

describe("the SENCo's summary", () => {
  const decisionNeeded = {
    id: 'INT-2',
    name: 'Lego therapy',
    lead: 'Amara Okafor',
    supportedBy: '',
    status: 'Running',
    needsDecision: 'Not working',
  };
  // 25 January 2027: reviews overdue since December, each already reminded once.
  const january = (overrides: Partial<ReminderInput> = {}): ReminderInput =>
    input({
      today: new Date(2027, 0, 25),
      reviews: Array.from({ length: 20 }, (_, i) =>
        review(`R${i + 1}`, d(7 + (i % 10), 12), { overdueReminderSent: true }),
      ),
      ...overrides,
    });

  test('comes every school day while reviews are overdue, with no new reminder due', () => {
    const plan = planReminders(january());
    expect(plan.wanted).toEqual([]);
    expect(plan.digests.map((g) => g.key)).toEqual(['summary']);
    const summary = plan.digests[0]!;
    expect(summary.email.to).toBe('senco@x.example');
    expect(summary.email.subject).toBe('Reviews summary: 20 reviews overdue (SEND provision map)');
    expect(summary.email.text).toContain('Overdue reviews (20)');
    expect(summary.email.text).toContain('was due Monday 7 December 2026');
    expect(plan.open).toEqual({ overdue: 20, decisions: 0 });
    // And the next school day, the same again.
    const tuesday = planReminders(january({ today: new Date(2027, 0, 26) }));
    expect(tuesday.digests.map((g) => g.key)).toEqual(['summary']);
  });

  test('comes while an intervention awaits a decision, even with nothing overdue', () => {
    const plan = planReminders(
      input({ interventions: [...input().interventions, decisionNeeded] }),
    );
    expect(plan.digests.map((g) => g.key)).toEqual(['summary']);
    expect(plan.digests[0]?.email.subject).toBe(
      'Reviews summary: 1 intervention needs a decision (SEND provision map)',
    );
  });

  test('at most once a day: a rerun after it went sends none', () => {
    expect(planReminders(january({ summarySentToday: true })).digests).toEqual([]);
  });

  test('none on a day with nothing overdue and nothing awaiting a decision', () => {
    const plan = planReminders(
      input({ reviews: [review('R1', d(25), { dueReminderSent: true })] }),
    );
    expect(plan.digests).toEqual([]);
    expect(plan.open).toEqual({ overdue: 0, decisions: 0 });
  });

  test('none at the weekend, nor for closed places; none without a SENCo, which is reported', () => {
    expect(planReminders(january({ today: new Date(2027, 0, 23) })).digests).toEqual([]);
    const closed = planReminders(
      january({ participants: [{ id: 'PAR-1', pupilId: 'PUP-1', status: 'Stopped' }] }),
    );
    expect(closed.digests).toEqual([]);
    const noSenco = planReminders(january({ staff: input().staff.slice(1) }));
    expect(noSenco.digests).toEqual([]);
    expect(noSenco.noSenco).toBe(true);
    expect(noSenco.open.overdue).toBe(20);
  });
});
