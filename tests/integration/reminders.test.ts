import type { Emulator } from '../../emulator/src';
import { setUpEmulator, switchOnFullNames } from '../support/emulator';
import {
  dashboard,
  day,
  review,
  reviewRecord,
  seedDecemberBacklog,
  seedSchool,
  sevenAm,
} from '../support/reminders-school';
import { seedBigSchool } from '../support/big-school';

const OTHER = 'treed@school.example';

function turnOn(emu: Emulator, user = emu.user): string {
  const { uiEvents } = emu.menu('turnOnReminders', user);
  return uiEvents.map((e) => (e.type === 'alert' ? e.message : '')).join('\n');
}

function runHandler(emu: Emulator, user = emu.user): void {
  emu.run('sendDailyReminders', [{}], { user, kind: 'trigger' });
}

function mailTo(emu: Emulator, address: string) {
  return emu.outbox().filter((m) => m.to.includes(address));
}

function school(): Emulator {
  const emu = setUpEmulator();
  seedSchool(emu);
  return emu;
}

describe('turning reminders on and off', () => {
  test('installs one daily trigger at 7 am; turning on again changes nothing', () => {
    const emu = school();
    expect(turnOn(emu)).toContain('Review reminders are on');
    expect(emu.triggers()).toHaveLength(1);
    expect(emu.triggers()[0]).toMatchObject({
      handler: 'sendDailyReminders',
      eventType: 'CLOCK',
      atHour: 7,
      owner: 'senco@school.example',
    });
    expect(emu.state.properties.document['reminders.owner']).toBe('senco@school.example');
    expect(turnOn(emu)).toContain('already on');
    expect(emu.triggers()).toHaveLength(1);
  });

  test('another user is asked before taking over; "No" changes nothing', () => {
    const emu = school();
    turnOn(emu);
    emu.answerAlerts('NO');
    const { uiEvents } = emu.menu('turnOnReminders', OTHER);
    const ask = uiEvents.find((e) => e.type === 'alert');
    expect(ask).toMatchObject({ buttons: 'YES_NO' });
    expect(ask?.type === 'alert' && ask.message).toContain(
      'Reminders are sent by senco@school.example. Take them over?',
    );
    expect(emu.triggers()).toHaveLength(1);
    expect(emu.state.properties.document['reminders.owner']).toBe('senco@school.example');
  });

  test('turning off: the owner removes the trigger and the ownership; someone else is told who owns it', () => {
    const emu = school();
    turnOn(emu);
    const other = emu.menu('turnOffReminders', OTHER).uiEvents;
    expect(other.map((e) => (e.type === 'alert' ? e.message : '')).join()).toContain(
      'sent by senco@school.example, so they are still on',
    );
    expect(emu.triggers()).toHaveLength(1);
    const own = emu.menu('turnOffReminders').uiEvents;
    expect(own.map((e) => (e.type === 'alert' ? e.message : '')).join()).toContain(
      'Review reminders are off',
    );
    expect(emu.triggers()).toHaveLength(0);
    expect(emu.state.properties.document['reminders.owner']).toBeUndefined();
    expect(emu.fireDueTriggers(sevenAm(24))).toHaveLength(0);
    expect(emu.outbox()).toHaveLength(0);
  });
});

describe('the daily run', () => {
  test('one digest per person with their reviews, a SENCo summary, marks and Dashboard rows', () => {
    const emu = school();
    turnOn(emu);
    const results = emu.fireDueTriggers(sevenAm(24));
    expect(results).toEqual([expect.objectContaining({ ok: true })]);

    const out = emu.outbox();
    expect(out.map((m) => m.to[0]).sort()).toEqual([
      'pshah@school.example',
      'senco@school.example',
      'treed@school.example',
    ]);
    const tom = mailTo(emu, 'treed@school.example')[0];
    expect(tom?.subject).toBe('Reviews due: 2 coming up (SEND provision map)');
    expect(tom?.body).toContain(
      'Precision teaching: spelling: Mid-point review, due Thursday 26 November 2026',
    );
    expect(tom?.body).toContain('Pupils: A.P. (Year 3), <.S. (Year 4)');
    expect(tom?.body).not.toContain('Talk Boost');
    expect(tom?.body).toMatch(/Open the provision map: https:\/\/\S+#gid=\d+/);

    const priya = mailTo(emu, 'pshah@school.example')[0];
    expect(priya?.subject).toBe('Reviews due: 2 coming up and 1 overdue (SEND provision map)');
    expect(priya?.body).toContain('Talk Boost: End review, was due Friday 20 November 2026');
    expect(priya?.body).not.toContain('Baseline review');

    const summary = mailTo(emu, 'senco@school.example')[0];
    expect(summary?.subject).toBe(
      'Reviews summary: 1 review overdue, 1 intervention needs a decision (SEND provision map)',
    );
    expect(summary?.body).toContain('Talk Boost (lead: Ms Priya Shah): End review');
    expect(summary?.body).toContain(
      'Lego therapy (lead: Ms Amara Okafor)\n  Why: see its "Needs decision" cell on the Interventions tab.',
    );
    for (const m of out) {
      expect(m.htmlBody).toBeDefined();
      expect(m.body).not.toContain('Patel');
      expect(m.body).not.toContain('Omar');
    }

    expect(reviewRecord(emu, 'REV-0001')['Due reminder sent']).toEqual(day(24));
    expect(reviewRecord(emu, 'REV-0002')['Due reminder sent']).toEqual(day(24));
    expect(reviewRecord(emu, 'REV-0003')['Overdue reminder sent']).toEqual(day(24));
    expect(reviewRecord(emu, 'REV-0003')['Due reminder sent']).toBe('');
    for (const id of ['REV-0004', 'REV-0005', 'REV-0006']) {
      expect(reviewRecord(emu, id)['Due reminder sent']).toBe('');
      expect(reviewRecord(emu, id)['Overdue reminder sent']).toBe('');
    }

    const board = dashboard(emu);
    expect(board['Reminders: last run']?.value).toBe('24 November 2026, 07:00');
    expect(board['Reminders: last run']?.notes).toContain('Sent 3 of 3 emails.');
    expect(board['Reminders: last run']?.notes).toContain(
      'No email address on the Staff tab for Mr Ben Cole',
    );
    expect(board['Reminders: last run']?.notes).toContain(
      'Not on the Staff tab, so not reminded: SALT',
    );
    expect(board['Reminders: emails sent']).toEqual({
      value: 3,
      notes: 'To Ms Amara Okafor (SENCo summary), Mr Tom Reed, Ms Priya Shah.',
    });
    expect(board['Reminders: reviews covered']).toEqual({
      value: 3,
      notes: '2 coming up, 1 overdue.',
    });
    expect(board['Reminders: last error']?.value).toBe('None');
    // The log keeps one entry per reminder that reached everyone, until the review is done.
    const logKeys = Object.keys(emu.state.properties.document).filter((k) =>
      k.startsWith('reminders.sent.'),
    );
    expect(logKeys).toEqual(['reminders.sent.kept.1']);
    expect(JSON.parse(emu.state.properties.document['reminders.sent.kept.1']!)).toEqual({
      on: '2026-11-24',
      sent: ['REV-0001:due', 'REV-0002:due', 'REV-0003:overdue'],
    });
    expect(emu.state.properties.document['reminders.inFlight']).toBe('');
  });

  test('full names only when Settings says so, and every value is HTML-escaped', () => {
    const emu = school();
    switchOnFullNames(emu);
    turnOn(emu);
    emu.fireDueTriggers(sevenAm(24));
    const tom = mailTo(emu, 'treed@school.example')[0];
    expect(tom?.body).toContain('Ann Patel (Year 3), <b>Ann</b> Smith & Co (Year 4)');
    expect(tom?.htmlBody).toContain('&lt;b&gt;Ann&lt;/b&gt; Smith &amp; Co (Year 4)');
    expect(tom?.htmlBody).not.toContain('<b>Ann</b>');
    expect(tom?.htmlBody).toContain('Precision teaching: spelling');
  });

  test('a rerun the same day, and a run by another user, send nothing', () => {
    const emu = school();
    turnOn(emu);
    emu.fireDueTriggers(sevenAm(24));
    expect(emu.outbox()).toHaveLength(3);
    runHandler(emu);
    expect(emu.outbox()).toHaveLength(3);
    runHandler(emu, OTHER);
    expect(emu.outbox()).toHaveLength(3);
    expect(emu.state.properties.document['reminders.owner']).toBe('senco@school.example');
  });

  test('two owners racing: B takes over, A’s trigger retires without sending, B’s sends', () => {
    const emu = school();
    turnOn(emu);
    emu.answerAlerts('YES');
    expect(turnOn(emu, OTHER)).toContain('You now send the review reminders');
    expect(emu.triggers().map((t) => t.owner)).toEqual(['senco@school.example', OTHER]);
    const results = emu.fireDueTriggers(sevenAm(24));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(emu.triggers().map((t) => t.owner)).toEqual([OTHER]);
    expect(emu.outbox()).toHaveLength(3);
    expect(emu.outbox().every((m) => m.from === OTHER)).toBe(true);
  });

  test('a crash after the third email: the rerun sends only the rest', () => {
    const emu = school();
    emu.appendRecords('Staff', [
      { 'Staff ID': 'STF-0005', Name: 'Mrs Kay Lowe', Email: 'klowe@school.example', Role: 'TA' },
      { 'Staff ID': 'STF-0006', Name: 'Mrs Zoe Young', Email: 'zyoung@school.example', Role: 'TA' },
    ]);
    emu.appendRecords('Interventions', [
      {
        'Intervention ID': 'INT-0004',
        Name: 'Reading club',
        Status: 'Running',
        Lead: 'Mrs Kay Lowe',
      },
      {
        'Intervention ID': 'INT-0005',
        Name: 'Maths recovery',
        Status: 'Running',
        Lead: 'Mrs Zoe Young',
      },
    ]);
    emu.appendRecords('Participants', [
      {
        'Participant ID': 'PAR-0005',
        'Intervention ID': 'INT-0004',
        'Pupil ID': 'PUP-0001',
        Status: 'Started',
      },
      {
        'Participant ID': 'PAR-0006',
        'Intervention ID': 'INT-0005',
        'Pupil ID': 'PUP-0001',
        Status: 'Started',
      },
    ]);
    emu.appendRecords('Reviews', [
      review('REV-0007', 'INT-0004', 'PAR-0005', 'Baseline', day(25)),
      review('REV-0008', 'INT-0005', 'PAR-0006', 'Baseline', day(23)),
    ]);
    turnOn(emu);
    emu.injectFault({ method: 'MailApp.sendEmail', onCall: 4, message: 'Mail service failed' });
    const [first] = emu.fireDueTriggers(sevenAm(24));
    expect(first).toMatchObject({ ok: false, error: 'Mail service failed' });
    const afterCrash = emu.outbox().map((m) => m.to[0]);
    // The summary, two digests, then the failure email (the fourth digest failed).
    expect(afterCrash).toHaveLength(4);
    expect(afterCrash[0]).toBe('senco@school.example');
    expect(afterCrash[3]).toBe('senco@school.example');
    expect(emu.outbox()[3]?.subject).toBe('Review reminders failed (SEND provision map)');
    // The run stopped sending but still marked on the sheet what had gone.
    expect(reviewRecord(emu, 'REV-0007')['Due reminder sent']).toEqual(day(24));
    expect(reviewRecord(emu, 'REV-0001')['Due reminder sent']).toBe(''); // Tom's, not sent
    expect(dashboard(emu)['Reminders: last error']?.value).toBe('Mail service failed');

    runHandler(emu);
    const rerun = emu
      .outbox()
      .slice(4)
      .map((m) => m.to[0]);
    // Every digest went exactly once across the two runs.
    expect([...afterCrash.slice(0, 3), ...rerun].sort()).toEqual([
      'klowe@school.example',
      'pshah@school.example',
      'senco@school.example',
      'treed@school.example',
      'zyoung@school.example',
    ]);
    for (const id of ['REV-0001', 'REV-0002', 'REV-0007']) {
      expect(reviewRecord(emu, id)['Due reminder sent']).toEqual(day(24));
    }
    expect(reviewRecord(emu, 'REV-0008')['Overdue reminder sent']).toEqual(day(24));
    expect(reviewRecord(emu, 'REV-0003')['Overdue reminder sent']).toEqual(day(24));
    expect(dashboard(emu)['Reminders: last error']?.value).toBe('None');
    runHandler(emu);
    expect(emu.outbox()).toHaveLength(6);
  });

  test('the mail quota stops a run cleanly; the next day sends the rest, nothing lost', () => {
    const emu = school();
    emu.rt.mailDailyQuota = 2;
    turnOn(emu);
    const [run] = emu.fireDueTriggers(sevenAm(24));
    expect(run?.ok).toBe(true);
    expect(emu.outbox().map((m) => m.to[0])).toEqual([
      'senco@school.example',
      'treed@school.example',
    ]);
    expect(dashboard(emu)['Reminders: last run']?.notes).toContain(
      'Stopped: daily email quota reached; the rest go tomorrow.',
    );
    expect(reviewRecord(emu, 'REV-0003')['Overdue reminder sent']).toBe('');

    emu.fireDueTriggers(sevenAm(25));
    const next = emu.outbox().slice(2);
    // Priya waited longest, so she is first; the SENCo, served yesterday, comes after.
    expect(next.map((m) => m.to[0])).toEqual(['pshah@school.example', 'senco@school.example']);
    // Priya hears about everything still to remind, once.
    expect(next[0]?.subject).toBe('Reviews due: 2 coming up and 1 overdue (SEND provision map)');
    expect(reviewRecord(emu, 'REV-0003')['Overdue reminder sent']).toEqual(day(25));
    // Marked once everyone (Tom on the 24th, Priya on the 25th) has had it.
    expect(reviewRecord(emu, 'REV-0001')['Due reminder sent']).toEqual(day(25));
    expect(mailTo(emu, 'treed@school.example')).toHaveLength(1);
    // The 26th: nobody has a new reminder; the SENCo's summary still comes (one review overdue,
    // one decision awaited).
    emu.fireDueTriggers(sevenAm(26));
    expect(
      emu
        .outbox()
        .slice(4)
        .map((m) => m.to[0]),
    ).toEqual(['senco@school.example']);
  });

  test('a review reminded as coming up is reminded again only once it is overdue', () => {
    const emu = school();
    turnOn(emu);
    emu.fireDueTriggers(sevenAm(24));
    const count = () => mailTo(emu, 'treed@school.example').length;
    expect(count()).toBe(1);
    emu.fireDueTriggers(sevenAm(25));
    emu.fireDueTriggers(sevenAm(26)); // the due day itself
    expect(count()).toBe(1);
    emu.fireDueTriggers(sevenAm(27)); // Friday: now overdue
    expect(count()).toBe(2);
    const overdue = mailTo(emu, 'treed@school.example')[1];
    expect(overdue?.subject).toBe('Reviews due: 2 overdue (SEND provision map)');
    expect(overdue?.body).toContain('was due Thursday 26 November 2026');
    expect(reviewRecord(emu, 'REV-0001')['Overdue reminder sent']).toEqual(day(27));
    emu.fireDueTriggers(sevenAm(30));
    expect(count()).toBe(2);
  });

  test('nothing is sent at the weekend', () => {
    const emu = school();
    turnOn(emu);
    emu.fireDueTriggers(sevenAm(24));
    const before = emu.outbox().length;
    emu.appendRecords('Reviews', [review('REV-0009', 'INT-0001', 'PAR-0001', 'Extra', day(30))]);
    emu.fireDueTriggers(sevenAm(28)); // Saturday
    expect(emu.outbox()).toHaveLength(before);
    expect(dashboard(emu)['Reminders: last run']?.notes).toContain('Not a school day');
    emu.fireDueTriggers(sevenAm(30)); // Monday
    expect(mailTo(emu, 'treed@school.example').at(-1)?.body).toContain('Extra review');
  });

  test('a failing run emails the SENCo at most once a day and records the error', () => {
    const emu = school();
    turnOn(emu);
    emu.injectFault({ method: 'MailApp.sendEmail', onCall: 1, message: 'Mail is down' });
    emu.fireDueTriggers(sevenAm(24));
    expect(emu.outbox()).toHaveLength(1);
    const failure = emu.outbox()[0];
    expect(failure?.to).toEqual(['senco@school.example']);
    expect(failure?.body).toContain('The problem: Mail is down');
    expect(failure?.body).not.toMatch(/Patel|A\.P\./);
    const board = dashboard(emu);
    expect(board['Reminders: last error']?.value).toBe('Mail is down');
    expect(board['Reminders: last run']?.notes).toContain(
      'Sent 0 of 3 emails. Stopped by a problem (see "Reminders: last error")',
    );

    emu.clearFaults();
    emu.injectFault({ method: 'MailApp.sendEmail', onCall: 1, message: 'Mail is down again' });
    expect(() => runHandler(emu)).toThrow('Mail is down again');
    expect(emu.outbox()).toHaveLength(1); // no second failure email today
    expect(dashboard(emu)['Reminders: last error']?.value).toBe('Mail is down again');

    // The next day: the run works, so everything goes, once.
    emu.clearFaults();
    emu.fireDueTriggers(sevenAm(25));
    expect(emu.outbox()).toHaveLength(4);
  });

  test('a failure with the sheet unreadable still reaches the owner, once, without looping', () => {
    const emu = school();
    turnOn(emu);
    emu.injectFault({
      method: 'SpreadsheetApp.Range.getValues',
      onCall: 1,
      times: Infinity,
      message: 'Service Spreadsheets failed',
    });
    const [run] = emu.fireDueTriggers(sevenAm(24));
    expect(run).toMatchObject({ ok: false, error: 'Service Spreadsheets failed' });
    expect(emu.outbox()).toHaveLength(1);
    expect(emu.outbox()[0]?.to).toEqual(['senco@school.example']);
  });

  test('service calls: one read per tab, one write per changed tab and one for the audit log', () => {
    const emu = school();
    turnOn(emu);
    emu.resetCalls();
    emu.fireDueTriggers(sevenAm(24));
    const calls = emu.calls();
    // 8 tabs, plus the audit log's header row, plus Settings for the email-privacy check.
    expect(calls['SpreadsheetApp.Range.getValues']).toBe(10);
    // Reviews (marks), Interventions (costs to date), the Dashboard's status rows and its report,
    // and the audit log.
    expect(calls['SpreadsheetApp.Range.setValues']).toBe(5);
    expect(calls['MailApp.getRemainingDailyQuota']).toBe(1);
    expect(calls['MailApp.sendEmail']).toBe(3);
    // "In flight" before the first email; after each, its log with the next one's "in flight" in
    // one write; the kept log once at the end, and one delete of the run's own log.
    // + the SENCos' addresses, + the audit log's chain head.
    expect(calls['PropertiesService.Properties.setProperty']).toBe(1 + 1 + 1);
    expect(calls['PropertiesService.Properties.setProperties']).toBe(3 + 1);
    expect(calls['PropertiesService.Properties.deleteProperty']).toBe(1);
  });
});

describe('a large school', () => {
  test('2,000 pupils and 6,000 places: still one read per tab and one write per changed tab', () => {
    const emu = setUpEmulator();
    seedBigSchool(emu);
    turnOn(emu);
    emu.rt.mailDailyQuota = 1500;
    emu.resetCalls();
    const [run] = emu.fireDueTriggers(sevenAm(24));
    expect(run?.ok).toBe(true);
    const calls = emu.calls();
    expect(calls['SpreadsheetApp.Range.getValues']).toBe(10); // Settings again: email privacy
    expect(calls['SpreadsheetApp.Range.setValues']).toBe(5); // with the Dashboard's report
    const emails = calls['MailApp.sendEmail'] ?? 0;
    expect(emails).toBe(61); // 60 staff digests and the SENCo summary
    // One digest per audit row, to seal it: work done inside Apps Script, not a round trip.
    const auditRows = emu.records('Audit log').length;
    expect(calls['Utilities.computeDigest']).toBe(auditRows);
    const total = Object.entries(calls)
      .filter(([method]) => method !== 'Utilities.computeDigest')
      .reduce((a, [, n]) => a + n, 0);
    // Per email: the send and two property writes (in flight, then logged); the rest is a fixed
    // handful, and the Dashboard's rebuild (about 75: its rules and charts are built call by call,
    // whatever the school's size). Measured: 328.
    expect(total).toBeLessThan(3 * emails + 160);

    // Some staff have more reviews than one digest lists: a rerun the same day still sends
    // nobody a second email; the rest come in the next school day's digest.
    const sent = emu.outbox().length;
    emu.run('sendDailyReminders', [{}], { kind: 'trigger' });
    expect(emu.outbox()).toHaveLength(sent);
    emu.fireDueTriggers(sevenAm(25));
    const nextDay = emu.outbox().slice(sent);
    expect(nextDay.length).toBeGreaterThan(0);
    expect(new Set(nextDay.map((m) => m.to.join()))).toHaveProperty('size', nextDay.length);
  });
});

describe('reminders reach everyone named', () => {
  test('"Supported by: Sam Okonjo-Reed (TA)" gets Sam\'s digest with the overdue mid-point', () => {
    const emu = school();
    emu.appendRecords('Staff', [
      { 'Staff ID': 'STF-0007', Name: 'Sam Okonjo-Reed', Email: 'sam@school.example', Role: 'TA' },
    ]);
    emu.appendRecords('Interventions', [
      {
        'Intervention ID': 'INT-0006',
        Name: 'Language for learning group',
        Status: 'Running',
        Lead: 'ms priya  shah',
        'Supported by': 'Sam Okonjo-Reed (TA)',
      },
    ]);
    emu.appendRecords('Participants', [
      {
        'Participant ID': 'PAR-0007',
        'Intervention ID': 'INT-0006',
        'Pupil ID': 'PUP-0001',
        Status: 'Started',
      },
    ]);
    emu.appendRecords('Reviews', [
      review('REV-0010', 'INT-0006', 'PAR-0007', 'Mid-point', day(20)),
    ]);
    turnOn(emu);
    emu.fireDueTriggers(sevenAm(24));
    const sam = mailTo(emu, 'sam@school.example');
    expect(sam).toHaveLength(1);
    expect(sam[0]?.subject).toBe('Reviews due: 1 overdue (SEND provision map)');
    expect(sam[0]?.body).toContain(
      'Language for learning group: Mid-point review, was due Friday 20 November 2026',
    );
    // The lead, typed in lower case with a double space, is Priya: hers lists it too.
    expect(mailTo(emu, 'pshah@school.example')[0]?.body).toContain('Language for learning group');
    expect(reviewRecord(emu, 'REV-0010')['Overdue reminder sent']).toEqual(day(24));
    expect(dashboard(emu)['Reminders: last run']?.notes).not.toContain('Okonjo-Reed');
  });
});

describe("the SENCo's summary every school day while anything is open", () => {
  const SENCO = 'senco@school.example';
  const TOM = 'treed@school.example';
  const january = (d: number): Date => sevenAm(d, 1, 2027);

  test('25 January: 20 reviews overdue since December, no new reminder due, the summary still comes', () => {
    const emu = setUpEmulator();
    seedDecemberBacklog(emu, 20);
    turnOn(emu);
    emu.fireDueTriggers(sevenAm(14, 12)); // Tom has his one overdue reminder of each
    expect(mailTo(emu, TOM)).toHaveLength(1);
    const before = emu.outbox().length;

    emu.fireDueTriggers(january(25));
    const monday = emu.outbox().slice(before);
    expect(monday.map((m) => m.to[0])).toEqual([SENCO]);
    expect(monday[0]?.subject).toBe('Reviews summary: 20 reviews overdue (SEND provision map)');
    expect(monday[0]?.body).toContain(
      'Reading recovery (lead: Mr Tom Reed): Mid-point review, was due Monday 7 December 2026',
    );
    const board = dashboard(emu);
    expect(board['Reminders: last run']?.notes).not.toContain('Nothing to remind');
    expect(board['Reminders: last run']?.notes).toBe(
      'Sent 1 of 1 emails. Still open: 20 reviews overdue.',
    );
    expect(board['Reminders: emails sent']?.notes).toBe('To Ms Amara Okafor (SENCo summary).');

    // A rerun the same day: no second summary, and the note still does not read as all clear.
    runHandler(emu);
    expect(emu.outbox().length).toBe(before + 1);
    expect(dashboard(emu)['Reminders: last run']?.notes).toBe(
      "Today's emails went with an earlier run: nothing more to send. Still open: 20 reviews overdue.",
    );

    // The next school day, one summary again; Tom is not told a second time.
    emu.fireDueTriggers(january(26));
    expect(
      emu
        .outbox()
        .slice(before + 1)
        .map((m) => m.to[0]),
    ).toEqual([SENCO]);
    expect(mailTo(emu, TOM)).toHaveLength(1);
  });

  test('a day with nothing overdue and nothing awaiting a decision sends no summary', () => {
    const emu = setUpEmulator();
    seedDecemberBacklog(emu, 2);
    turnOn(emu);
    emu.fireDueTriggers(sevenAm(3, 12)); // both mid-points coming up, none overdue
    expect(emu.outbox().map((m) => m.to[0])).toEqual([TOM]);
    expect(dashboard(emu)['Reminders: last run']?.notes).toBe('Sent 1 of 1 emails.');
    emu.fireDueTriggers(sevenAm(4, 12));
    expect(emu.outbox()).toHaveLength(1);
    expect(dashboard(emu)['Reminders: last run']?.notes).toBe(
      'Nothing to remind anyone about today.',
    );
  });
});
