/**
 * The daily reminders under a fault at every service call: a Friday run broken at its Nth call
 * (or an email or property write that took effect and then reported an error), a same-day retry,
 * then Saturday, Sunday and Monday as the trigger would run them. Each scenario is compared with
 * the same days run without a fault:
 * - duplicated: a reminder (one review, one kind, one person) emailed more than once, beyond the
 *   one email in doubt that an "after" fault on MailApp.sendEmail leaves (see domain/sent-log.ts);
 * - lost: a reminder the clean run sends that the broken one never does;
 * - marks differ: the Reviews tab's reminded marks are not the clean run's after the retry.
 */
import { Emulator } from '../../emulator/src';
import { parseState, serializeState, type EmulatorState } from '../../emulator/src/state';
import { BUILD_DIR, setUpEmulator } from './emulator';
import { review, seedSchool, sevenAm } from './reminders-school';

export interface SweepFault {
  method: string;
  onCall: number;
  after: boolean;
}

export interface SweepTotals {
  runs: number;
  duplicated: number;
  /** Repeats of the email in doubt, one allowed per "after" fault on a send. */
  inDoubtRepeats: number;
  lost: number;
  marksDiffer: number;
  /** Scenarios that broke a rule, for the failure message. */
  broken: string[];
}

const FRIDAY = 27;

function template(): EmulatorState {
  const emu = setUpEmulator();
  seedSchool(emu);
  // Two more people with reviews of their own, for five emails on Friday.
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
      'Pupil ID': 'PUP-0002',
      Status: 'Started',
    },
  ]);
  emu.appendRecords('Reviews', [
    review('REV-0007', 'INT-0004', 'PAR-0005', 'Baseline', new Date(2026, 10, 30)),
    review('REV-0008', 'INT-0005', 'PAR-0006', 'Baseline', new Date(2026, 10, 25)),
  ]);
  emu.menu('turnOnReminders');
  return emu.state;
}

let cached: string | undefined;

function freshSchool(): Emulator {
  cached ??= serializeState(template());
  return new Emulator({
    buildDir: BUILD_DIR,
    now: sevenAm(FRIDAY),
    user: 'senco@school.example',
    state: parseState(cached),
  });
}

interface Played {
  /** One entry per reminder line of each staff digest: person | section | line | pupil. */
  reminders: string[];
  summariesPerDay: Map<number, number>;
  failuresPerDay: Map<number, number>;
  marks: string;
}

/** "- Talk Boost: End review, was due …\n  Pupil: O.K. (Year 5)" → one entry per pupil. */
function remindersIn(to: string, body: string): string[] {
  const out: string[] = [];
  let section = '';
  const lines = body.split('\n');
  lines.forEach((line, i) => {
    if (/^(Overdue|Coming up)/.test(line)) section = line.startsWith('Overdue') ? 'overdue' : 'due';
    if (!line.startsWith('- ')) return;
    const pupils = /^\s+Pupils?: (.*)$/.exec(lines[i + 1] ?? '')?.[1] ?? '';
    for (const pupil of pupils.split(', '))
      out.push(`${to} | ${section} | ${line.slice(2)} | ${pupil}`);
  });
  return out;
}

function play(fault?: SweepFault): Played & { calls: number } {
  const emu = freshSchool();
  emu.resetCalls();
  if (fault) emu.injectFault({ ...fault, message: 'Service error: injected' });
  emu.fireDueTriggers(sevenAm(FRIDAY));
  const calls = Object.values(emu.calls()).reduce((a, b) => a + b, 0);
  emu.clearFaults();
  // The same day: someone notices and runs it again (a second trigger, or the owner).
  emu.run('sendDailyReminders', [{}], { kind: 'trigger' });
  for (const d of [28, 29, 30]) emu.fireDueTriggers(sevenAm(d));

  const played: Played = {
    reminders: [],
    summariesPerDay: new Map(),
    failuresPerDay: new Map(),
    marks: '',
  };
  for (const mail of emu.outbox()) {
    const day = new Date(mail.sentAt).getDate();
    const to = mail.to.join(',');
    if (mail.subject.startsWith('Review reminders failed')) {
      played.failuresPerDay.set(day, (played.failuresPerDay.get(day) ?? 0) + 1);
    } else if (mail.subject.startsWith('Reviews summary')) {
      played.summariesPerDay.set(day, (played.summariesPerDay.get(day) ?? 0) + 1);
    } else {
      played.reminders.push(...remindersIn(to, mail.body));
    }
  }
  played.marks = emu
    .records('Reviews')
    .map(
      (r) =>
        `${String(r['Review ID'])}:${r['Due reminder sent'] ? 'D' : '-'}${r['Overdue reminder sent'] ? 'O' : '-'}`,
    )
    .sort()
    .join(' ');
  return { ...played, calls };
}

/** The reminder without its wording of kind and date: the same review told to the same person. */
const reminderOf = (entry: string): string => {
  const [to, , line, pupil] = entry.split(' | ');
  return `${to} | ${(line ?? '').replace(/, (was )?due .*$/, '')} | ${pupil}`;
};

/** Every fault position of a clean Friday run: each call before it happens, and after for writes. */
export function sweepFaults(every = 1): SweepFault[] {
  const clean = freshSchool();
  clean.resetCalls();
  clean.fireDueTriggers(sevenAm(FRIDAY));
  const calls = clean.calls();
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  const faults: SweepFault[] = [];
  for (let n = 1; n <= total; n += every) faults.push({ method: '*', onCall: n, after: false });
  for (const method of [
    'MailApp.sendEmail',
    'PropertiesService.Properties.setProperty',
    'PropertiesService.Properties.setProperties',
  ]) {
    for (let n = 1; n <= (calls[method] ?? 0); n += 1)
      faults.push({ method, onCall: n, after: true });
  }
  return faults;
}

export function runSweep(faults: readonly SweepFault[]): SweepTotals {
  const clean = play();
  const cleanReminders = new Set(clean.reminders.map(reminderOf));
  const totals: SweepTotals = {
    runs: 0,
    duplicated: 0,
    inDoubtRepeats: 0,
    lost: 0,
    marksDiffer: 0,
    broken: [],
  };
  for (const fault of faults) {
    const played = play(fault);
    totals.runs += 1;
    const seen = new Map<string, number>();
    for (const entry of played.reminders) seen.set(entry, (seen.get(entry) ?? 0) + 1);
    const repeats = [...seen.values()].reduce((a, n) => a + (n - 1), 0);
    const inDoubt = fault.after && fault.method === 'MailApp.sendEmail';
    const repeatedEmails = new Set(
      [...seen].filter(([, n]) => n > 1).map(([entry]) => entry.split(' | ')[0]),
    ).size;
    // The email in doubt may be a digest (its reminders repeat) or the SENCo's summary.
    const extraSummaries = [...played.summariesPerDay.values()].reduce(
      (a, n) => a + Math.max(0, n - 1),
      0,
    );
    const inDoubtCount = (repeats > 0 ? repeatedEmails : 0) + extraSummaries;
    const allowed = inDoubt && inDoubtCount <= 1;
    totals.inDoubtRepeats += allowed ? repeats + extraSummaries : 0;
    const unallowedRepeats = allowed ? 0 : repeats;
    totals.duplicated += unallowedRepeats + (allowed ? 0 : extraSummaries);
    const got = new Set(played.reminders.map(reminderOf));
    const lost = [...cleanReminders].filter((r) => !got.has(r));
    totals.lost += lost.length;
    const tooManyMails =
      (!allowed && extraSummaries > 0) || [...played.failuresPerDay.values()].some((n) => n > 1);
    if (played.marks !== clean.marks) totals.marksDiffer += 1;
    if (unallowedRepeats > 0 || lost.length > 0 || tooManyMails || played.marks !== clean.marks) {
      totals.broken.push(
        `${fault.after ? 'after' : 'at'} ${fault.method} #${fault.onCall}: ` +
          `${unallowedRepeats} repeated, ${lost.length} lost${tooManyMails ? ', two summaries or failure emails in a day' : ''}` +
          `${played.marks !== clean.marks ? ', marks differ' : ''}`,
      );
    }
  }
  return totals;
}
