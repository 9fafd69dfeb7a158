import { openNote, openWords, runHeadline, type RunFacts } from '../../src/domain/reminder-summary';

const run = (overrides: Partial<RunFacts> = {}): RunFacts => ({
  schoolDay: true,
  open: { overdue: 0, decisions: 0 },
  planned: 0,
  sent: 0,
  summarySentToday: false,
  ...overrides,
});

describe('what is still open, in words', () => {
  test('counts, singular and plural', () => {
    expect(openWords({ overdue: 20, decisions: 1 })).toBe(
      '20 reviews overdue and 1 intervention needing a decision',
    );
    expect(openWords({ overdue: 1, decisions: 0 })).toBe('1 review overdue');
    expect(openWords({ overdue: 0, decisions: 2 })).toBe('2 interventions needing a decision');
    expect(openWords({ overdue: 0, decisions: 0 })).toBe('');
  });
});

describe('the Dashboard note of a run', () => {
  test('"nothing to remind anyone about" only when nothing is open', () => {
    expect(runHeadline(run())).toBe('Nothing to remind anyone about today.');
    const backlog = run({ open: { overdue: 20, decisions: 0 } });
    expect(runHeadline(backlog)).not.toContain('Nothing to remind');
    expect(openNote(backlog)).toBe('Still open: 20 reviews overdue.');
    expect(openNote(run())).toBe('');
  });

  test("a rerun after the day's emails went says so; without a SENCo, no staff reminders is said", () => {
    const open = { overdue: 3, decisions: 1 };
    expect(runHeadline(run({ open, summarySentToday: true }))).toBe(
      "Today's emails went with an earlier run: nothing more to send.",
    );
    expect(runHeadline(run({ open }))).toBe('No new reminders for staff today.');
  });

  test('emails sent, and days that are not school days', () => {
    expect(runHeadline(run({ planned: 3, sent: 2 }))).toBe('Sent 2 of 3 emails.');
    const weekend = run({ schoolDay: false, open: { overdue: 4, decisions: 0 } });
    expect(runHeadline(weekend)).toBe(
      'Not a school day: nothing sent (the next school day catches up).',
    );
    expect(openNote(weekend)).toBe('');
  });
});
