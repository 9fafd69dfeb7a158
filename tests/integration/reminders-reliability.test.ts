/**
 * The daily reminders when things go wrong: a run stopped on a Friday, a log write that fails
 * after an email, an email that went but reported an error, two runs at once, a quota too small
 * for everyone, and an owner who has left.
 */
import type { Emulator } from '../../emulator/src';
import { setUpEmulator, switchOnFullNames } from '../support/emulator';
import { editCellAsUser } from '../../emulator/src/spreadsheet';
import { dashboard, reviewRecord, seedSchool, sevenAm } from '../support/reminders-school';

const TOM = 'treed@school.example';
const PRIYA = 'pshah@school.example';
const SENCO = 'senco@school.example';

function school(): Emulator {
  const emu = setUpEmulator();
  seedSchool(emu);
  emu.menu('turnOnReminders');
  return emu;
}

function runHandler(emu: Emulator, user = emu.user): void {
  emu.run('sendDailyReminders', [{}], { user, kind: 'trigger' });
}

const mailTo = (emu: Emulator, address: string) =>
  emu.outbox().filter((m) => m.to.includes(address));

test('a Friday run stopped by the quota: the weekend keeps its log, Monday sends only the rest', () => {
  const emu = school();
  emu.rt.mailDailyQuota = 2;
  emu.fireDueTriggers(sevenAm(27)); // Friday: the SENCo's summary and Tom's digest
  expect(emu.outbox().map((m) => m.to[0])).toEqual([SENCO, TOM]);
  emu.fireDueTriggers(sevenAm(28)); // Saturday
  emu.fireDueTriggers(sevenAm(29)); // Sunday
  emu.fireDueTriggers(sevenAm(30)); // Monday
  expect(mailTo(emu, TOM)).toHaveLength(1);
  expect(mailTo(emu, PRIYA)).toHaveLength(1);
  // Marked once both Tom (Friday) and Priya (Monday) had it.
  expect(reviewRecord(emu, 'REV-0001')['Overdue reminder sent']).toEqual(new Date(2026, 10, 30));
  emu.fireDueTriggers(sevenAm(1, 12));
  expect(mailTo(emu, TOM)).toHaveLength(1);
  expect(mailTo(emu, PRIYA)).toHaveLength(1);
});

test('the log write after an email fails: the run still marks the sheet, and a retry sends nothing', () => {
  const emu = school();
  // The first email's in-flight record, then its log write, which fails.
  emu.injectFault({
    method: 'PropertiesService.Properties.setProperties',
    onCall: 1,
    message: 'Service invoked too many times in a short time: properties',
  });
  const [run] = emu.fireDueTriggers(sevenAm(24));
  expect(run?.ok).toBe(false);
  // It stopped after the summary, and says why.
  expect(emu.outbox().filter((m) => !m.subject.startsWith('Review reminders failed'))).toHaveLength(
    1,
  );
  expect(dashboard(emu)['Reminders: last error']?.value).toContain('properties');
  runHandler(emu);
  runHandler(emu);
  const digests = emu.outbox().filter((m) => !m.subject.startsWith('Review reminders failed'));
  expect(digests.map((m) => m.to[0]).sort()).toEqual([PRIYA, SENCO, TOM]);
  expect(reviewRecord(emu, 'REV-0001')['Due reminder sent']).toEqual(new Date(2026, 10, 24));
});

test('an email that went but reported an error is the one email sent again, and the Dashboard says so', () => {
  const emu = school();
  emu.injectFault({
    method: 'MailApp.sendEmail',
    onCall: 2,
    message: 'Mail timed out',
    after: true,
  });
  emu.fireDueTriggers(sevenAm(24));
  expect(mailTo(emu, TOM)).toHaveLength(1); // delivered, though reported as failed
  runHandler(emu);
  // At-least-once for the email in doubt: Tom has it twice, nobody else has anything twice.
  expect(mailTo(emu, TOM)).toHaveLength(2);
  expect(mailTo(emu, PRIYA)).toHaveLength(1);
  expect(mailTo(emu, SENCO).filter((m) => m.subject.startsWith('Reviews summary'))).toHaveLength(1);
  expect(dashboard(emu)['Reminders: last run']?.notes).toContain(
    'stopped while emailing Mr Tom Reed: that email may have gone',
  );
  runHandler(emu);
  expect(mailTo(emu, TOM)).toHaveLength(2);
});

test('a run that finds another one running leaves quietly: no email, no failure report', () => {
  const emu = school();
  const release = emu.holdLock('document');
  const [run] = emu.fireDueTriggers(sevenAm(24));
  expect(run?.ok).toBe(true);
  expect(emu.outbox()).toEqual([]);
  release();
  runHandler(emu);
  expect(emu.outbox()).toHaveLength(3);
});

test('one email a day for a fortnight: everyone is served in turn', () => {
  const emu = school();
  emu.rt.mailDailyQuota = 1;
  const schoolDays = [24, 25, 26, 27, 30];
  for (const d of schoolDays) emu.fireDueTriggers(sevenAm(d));
  const served = new Set(emu.outbox().map((m) => m.to[0]));
  expect(served).toEqual(new Set([SENCO, TOM, PRIYA]));
});

describe('an owner who has left', () => {
  test('no run for two school days: opening the sheet says so on the Dashboard', () => {
    const emu = school();
    emu.fireDueTriggers(sevenAm(24));
    // The owner's account is closed: their trigger never fires again.
    emu.setNow(new Date('2026-11-27T10:00:00Z'));
    emu.open();
    const board = dashboard(emu);
    expect(board['Reminders: last run']?.value).toBe('Did not run');
    expect(board['Reminders: last run']?.notes).toContain(
      'Review reminders have not run since Tuesday 24 November 2026',
    );
    expect(board['Reminders: last run']?.notes).toContain('senco@school.example');
  });

  test('the sidebar names the problem, and another member of staff takes over in one click', () => {
    const emu = school();
    emu.fireDueTriggers(sevenAm(24));
    emu.setNow(new Date('2026-11-30T10:00:00Z'));
    const status = emu.scriptRun('getReminderStatus', [], PRIYA).value as {
      problem: string;
      canTakeOver: boolean;
    };
    expect(status.problem).toContain('have not run since Tuesday 24 November 2026');
    expect(status.canTakeOver).toBe(true);
    const taken = emu.scriptRun('takeOverReminders', [], PRIYA).value as {
      ok: boolean;
      message: string;
    };
    expect(taken).toEqual({
      ok: true,
      message: `Review reminders are now sent from your account (${PRIYA}), every morning at about 7 am.`,
    });
    expect(emu.state.properties.document['reminders.owner']).toBe(PRIYA);
    expect(emu.triggers().filter((t) => t.owner === PRIYA)).toHaveLength(1);
    const after = emu.scriptRun('getReminderStatus', [], PRIYA).value as {
      problem: string;
    };
    expect(after.problem).toBe('');
    emu.fireDueTriggers(sevenAm(1, 12));
    expect(emu.outbox().at(-1)?.from).toBe(PRIYA);
  });

  function twoSencos(): Emulator {
    const emu = setUpEmulator();
    seedSchool(emu);
    emu.appendRecords('Staff', [
      {
        'Staff ID': 'STF-0009',
        Name: 'Ms Dee Grant',
        Email: 'dgrant@school.example',
        Role: 'SENCo',
      },
    ]);
    emu.menu('turnOnReminders', TOM);
    return emu;
  }
  const failureEmails = (emu: Emulator) =>
    emu.outbox().filter((m) => m.subject.startsWith('Review reminders failed'));

  test('a run that fails emails the SENCos on the Staff tab, not the trigger’s owner', () => {
    const emu = twoSencos();
    emu.injectFault({ method: 'MailApp.getRemainingDailyQuota', message: 'Mail is down' });
    emu.fireDueTriggers(sevenAm(24));
    expect(failureEmails(emu).map((m) => m.to.sort())).toEqual([['dgrant@school.example', SENCO]]);
  });

  test('an owner who lost access to the sheet: the failure still reaches the SENCos', () => {
    const emu = twoSencos();
    emu.fireDueTriggers(sevenAm(24));
    emu.injectFault({
      method: 'SpreadsheetApp.Range.getValues',
      times: Infinity,
      message: 'You do not have permission to access the requested document.',
    });
    emu.fireDueTriggers(sevenAm(25));
    expect(failureEmails(emu).map((m) => m.to.sort())).toEqual([['dgrant@school.example', SENCO]]);
    expect(failureEmails(emu)[0]?.body).toContain('You do not have permission');
  });
});

describe('emails carry the minimum', () => {
  test('a "Needs decision" note naming a pupil stays out of emails unless full names are on', () => {
    const emu = setUpEmulator();
    seedSchool(emu);
    const rows = emu.values('Interventions');
    const header = (rows[0] ?? []).map(String);
    const row = rows.findIndex((r) => r[header.indexOf('Intervention ID')] === 'INT-0003');
    editCellAsUser(
      emu.rt,
      'Interventions',
      row + 1,
      header.indexOf('Needs decision') + 1,
      'Omar Khan: ADHD diagnosis, struggling',
    );
    emu.menu('turnOnReminders');
    emu.fireDueTriggers(sevenAm(24));
    const summary = mailTo(emu, SENCO)[0];
    expect(summary?.body).toContain('Lego therapy (lead: Ms Amara Okafor)');
    expect(summary?.body).toContain('Why: see its "Needs decision" cell on the Interventions tab.');
    for (const text of [summary?.body ?? '', summary?.htmlBody ?? '']) {
      expect(text).not.toMatch(/Omar|Khan|ADHD/);
    }
  });

  test('with full names on, the SENCo reads the note itself', () => {
    const emu = setUpEmulator();
    seedSchool(emu);
    switchOnFullNames(emu);
    emu.menu('turnOnReminders');
    emu.fireDueTriggers(sevenAm(24));
    expect(mailTo(emu, SENCO)[0]?.body).toContain(
      'Why: Mid-point review: not working for O.K. (Year 5)',
    );
  });
});

test('the daily run makes the reviews of a started pupil who has none, and says so', () => {
  const emu = setUpEmulator();
  seedSchool(emu);
  emu.appendRecords('Interventions', [
    {
      'Intervention ID': 'INT-0009',
      Name: 'Reading club',
      Status: 'Running',
      Lead: 'Mr Tom Reed',
      'Start date': new Date(2026, 10, 16),
      'Length (weeks)': 10,
    },
  ]);
  emu.appendRecords('Participants', [
    {
      'Participant ID': 'PAR-0009',
      'Intervention ID': 'INT-0009',
      'Pupil ID': 'PUP-0001',
      Status: 'Started',
      'Start date': new Date(2026, 10, 16),
    },
  ]);
  emu.menu('turnOnReminders');
  emu.fireDueTriggers(sevenAm(24));
  const made = emu.records('Reviews').filter((r) => r['Participant ID'] === 'PAR-0009');
  expect(made.map((r) => r.Kind).sort()).toEqual(['Baseline', 'End', 'Mid-point']);
  expect(dashboard(emu)['Reminders: last run']?.notes).toContain(
    'Put right: 1 pupil marked Started had no reviews',
  );
  const audited = emu.records('Audit log').filter((r) => r['Record type'] === 'Reviews');
  expect(audited.length).toBeGreaterThanOrEqual(3);
  emu.fireDueTriggers(sevenAm(25));
  expect(emu.records('Reviews').filter((r) => r['Participant ID'] === 'PAR-0009')).toHaveLength(3);
});
