/**
 * Service-call and cell figures: runs operations of the built add-on in the emulator, counts the
 * Apps Script calls each makes and the cells they read and write, and turns them into simulated
 * seconds under a stated cost model. Run on an empty workbook, the demo school and generated
 * schools of 2,000 and 10,000 pupil places.
 */
import * as path from 'node:path';
import { Emulator, type CellCounts } from '../emulator/src';
import { seedDemoSchool } from '../emulator/server/demo';
// The same figures plan the add-on's reads and writes (blocks of rows against calls).
import { MS_PER_CALL, MS_PER_CELL_READ, MS_PER_CELL_WRITTEN } from '../src/domain/call-costs';
import {
  SCHOOL_10000_PLACES,
  SCHOOL_2000_PLACES,
  SCHOOL_20000_PLACES,
  seedAuditLog,
  seedBigSchool,
  type BigSchoolSize,
} from '../tests/support/big-school';

/**
 * The cost model. Assumptions, from public measurements of Apps Script: a service round trip
 * costs tens of milliseconds, and a call's time grows with the cells it carries. Sending an email
 * and making a Doc (DocumentApp.create, File.makeCopy) are slower services, priced apart (our
 * assumption: half a second and a second). Cells formatted (number formats, styles, validation,
 * notes) are priced as cells written. Utilities (digests, dates) runs in the script's own server,
 * with no round trip: counted apart, not priced.
 */
const MS_PER_EMAIL = 500;
const MS_PER_DOC = 1000;
const PRICED_APART: Record<string, number> = {
  'MailApp.sendEmail': MS_PER_EMAIL,
  'GmailApp.sendEmail': MS_PER_EMAIL,
  'DocumentApp.create': MS_PER_DOC,
  'DriveApp.File.makeCopy': MS_PER_DOC,
};

// BENCH_BUILD_DIR: a copy of the build, left alone while the figures are taken.
const buildDir = path.resolve(process.env.BENCH_BUILD_DIR ?? path.join(__dirname, '../build'));
const now = new Date('2026-11-23T09:00:00Z');

interface Figures {
  calls: number;
  local: number;
  read: number;
  written: number;
  formatted: number;
  simulatedMs: number;
}

function figuresOf(calls: Record<string, number>, cells: Record<string, CellCounts>): Figures {
  let total = 0;
  let local = 0;
  let simulatedMs = 0;
  for (const [method, n] of Object.entries(calls)) {
    if (method.startsWith('Utilities.')) {
      local += n;
      continue;
    }
    total += n;
    simulatedMs += n * (PRICED_APART[method] ?? MS_PER_CALL);
  }
  let read = 0;
  let written = 0;
  let formatted = 0;
  for (const c of Object.values(cells)) {
    read += c.read;
    written += c.written;
    formatted += c.formatted;
  }
  simulatedMs += read * MS_PER_CELL_READ + (written + formatted) * MS_PER_CELL_WRITTEN;
  return { calls: total, local, read, written, formatted, simulatedMs };
}

const num = (n: number): string => n.toLocaleString('en-GB');

function header(title: string): void {
  console.log(`\n## ${title}\n`);
  console.log(
    `${'Operation'.padEnd(50)} ${'calls'.padStart(6)} ${'cells read'.padStart(12)} ` +
      `${'written'.padStart(10)} ${'formatted'.padStart(10)} ${'simulated'.padStart(10)} ${'here'.padStart(8)}`,
  );
}

/** Runs `action` once (or the operations in it, summed) and prints one row of the table. */
function measure(label: string, emu: Emulator, action: () => void): void {
  emu.resetCalls();
  const started = process.hrtime.bigint();
  action();
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const f = figuresOf(emu.calls(), emu.cells());
  console.log(
    `${label.padEnd(50)} ${num(f.calls).padStart(6)} ${num(f.read).padStart(12)} ` +
      `${num(f.written).padStart(10)} ${num(f.formatted).padStart(10)} ` +
      `${`${(f.simulatedMs / 1000).toFixed(1)} s`.padStart(10)} ` +
      `${`${(elapsedMs / 1000).toFixed(1)} s`.padStart(8)}` +
      (f.local > 0 ? `  (+ ${num(f.local)} Utilities, local)` : ''),
  );
}

/** Refuses to measure an operation that did not do its work: the figures would mislead. */
function ok(result: unknown, what: string): void {
  const r = result as { ok?: boolean; errors?: unknown } | undefined;
  if (r && r.ok === false) throw new Error(`${what} was refused: ${JSON.stringify(r.errors)}`);
}

const str = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v ?? ''));

/** The operations people do every day, the sidebar ones and the whole-school jobs. */
function schoolOperations(emu: Emulator): void {
  const reviews = emu.records('Reviews');
  const places = emu.records('Participants');
  const due = reviews.find((r) => r.Kind === 'Mid-point' && r.Status === 'Due');
  const duePlace = places.find((p) => p['Participant ID'] === due?.['Participant ID']);
  measure('Open "Record a review" (sidebar and its list)', emu, () => {
    emu.menu('showReviewForm');
    emu.scriptRun('getReviewOptions');
  });
  measure('Record a mid-point review', emu, () =>
    ok(
      emu.scriptRun('saveReview', [
        {
          reviewId: due?.['Review ID'],
          kind: 'Mid-point',
          result: str(duePlace?.Baseline) || '5',
          resultDate: '2026-11-23',
          judgement: 'Not working',
          furtherAction: 'Change',
        },
        'bench-review-0000000001',
      ]).value,
      'The review',
    ),
  );

  const interventionId = str(emu.records('Interventions')[0]?.['Intervention ID']);
  const inIt = new Set(
    places.filter((p) => p['Intervention ID'] === interventionId).map((p) => str(p['Pupil ID'])),
  );
  const newcomer = emu.records('Pupils').find((p) => !inIt.has(str(p['Pupil ID'])));
  const added = emu.scriptRun<{ ok: boolean; ids?: string[] }>('addPupilsToIntervention', [
    { interventionId, pupilIds: [str(newcomer?.['Pupil ID'])] },
  ]).value;
  ok(added, 'Adding a pupil');
  measure('Start one pupil (consent recorded)', emu, () =>
    ok(
      emu.scriptRun('saveParticipant', [
        {
          id: added.ids?.[0],
          status: 'Started',
          startDate: '2026-11-23',
          parentsInformedOn: '2026-11-20',
          parentsInformedHow: 'Letter',
        },
      ]).value,
      'Starting a pupil',
    ),
  );
  measure("Edit an intervention's length", emu, () => {
    const form = emu.scriptRun<Record<string, string>>('getIntervention', [interventionId]).value;
    // The generated schools leave some required fields blank: filled in as the SENCo would.
    const edited = {
      ...form,
      delivery: form.delivery || 'Group',
      startDate: form.startDate || '2026-09-07',
      sessionsPerWeek: form.sessionsPerWeek || '3',
      minutesPerSession: form.minutesPerSession || '20',
      expectedOutcome: form.expectedOutcome || 'Reading age up 6 months',
      lengthWeeks: String(Number(form.lengthWeeks || 10) + 2),
    };
    ok(emu.scriptRun('saveIntervention', [edited]).value, 'Editing the intervention');
  });
  const pupilId = str(places[0]?.['Pupil ID']);
  measure('Open the pupil profile', emu, () => emu.scriptRun('getPupilProfile', [pupilId]));
  const placeId = str(places[0]?.['Participant ID']);
  measure('One letter to parents', emu, () =>
    ok(
      emu.scriptRun('generateLetter', [{ participantId: placeId, kind: 'start' }]).value,
      'The letter',
    ),
  );
  const group = places.slice(1, 31).map((p) => str(p['Participant ID']));
  measure(`Letters for a group of ${group.length} (one pass)`, emu, () => {
    // As the sidebar does: one call, then again for any it had no time left to start.
    let todo = group;
    for (let call = 1; todo.length > 0 && call <= 10; call += 1) {
      const done = emu.scriptRun<{ ok: boolean; remaining?: string[] }>('generateLetters', [
        { participantIds: todo, kind: 'start' },
        `bench-letters-${String(call).padStart(8, '0')}`,
      ]).value;
      ok(done, 'The letters');
      todo = done.remaining ?? [];
    }
  });
  const flagged = emu.records('Interventions').find((i) => str(i['Needs decision']) !== '');
  if (flagged) {
    measure('Record a decision: stop an intervention', emu, () =>
      ok(
        emu.scriptRun('recordDecision', [
          { interventionId: flagged['Intervention ID'], decision: 'Stop', reason: 'No progress' },
          'bench-decision-00000001',
        ]).value,
        'The decision',
      ),
    );
  }
  emu.menu('turnOnReminders');
  emu.rt.mailDailyQuota = 1500; // a Google Workspace school account
  const sentBefore = emu.outbox().length;
  measure('Daily reminder run', emu, () => emu.fireDueTriggers(new Date('2026-11-24T07:00:00Z')));
  console.log(`    emails sent: ${emu.outbox().length - sentBefore}`);
  measure('Daily reminder run again the same day', emu, () =>
    emu.run('sendDailyReminders', [{}], { kind: 'trigger' }),
  );
  measure('Update the dashboard', emu, () => emu.menu('updateDashboard'));
  measure('Check good practice', emu, () => emu.menu('checkGoodPractice'));
  measure('Set up provision map again', emu, () => emu.menu('setUpProvisionMap'));
}

function generatedSchool(size: BigSchoolSize, auditRows: number): Emulator {
  const emu = new Emulator({ buildDir, now });
  emu.install();
  emu.menu('setUpProvisionMap');
  seedBigSchool(emu, size);
  seedAuditLog(emu, auditRows);
  return emu;
}

/** An empty workbook filled through the sidebars: set-up, saves and a CSV import. */
function emptyWorkbook(): void {
  header('An empty workbook');
  const emu = new Emulator({ buildDir, now });
  measure('Install (onInstall: menu)', emu, () => emu.install());
  measure('Set up provision map (first run)', emu, () => emu.menu('setUpProvisionMap'));
  measure('Set up provision map (again: no change)', emu, () => emu.menu('setUpProvisionMap'));
  emu.appendRecords(
    'Staff',
    Array.from({ length: 60 }, (_, i) => ({ 'Staff ID': `STF-${i}`, Name: `Staff member ${i}` })),
  );
  const form = {
    name: 'Reading fluency',
    code: 'RF',
    lead: 'Staff member 1',
    supportedBy: '',
    delivery: 'Group',
    startDate: '2026-12-01',
    lengthWeeks: '10',
    sessionsPerWeek: '3',
    minutesPerSession: '20',
    location: 'Library',
    rationale: '',
    expectedOutcome: 'Reading age up 6 months',
    assessmentMethods: '',
    summary: '',
    publishedResources: '',
  };
  measure('Save one intervention (empty tab)', emu, () =>
    emu.scriptRun('saveIntervention', [form]),
  );
  for (let i = 0; i < 500; i += 1) emu.scriptRun('saveIntervention', [form]);
  measure('Save one intervention (501st row)', emu, () =>
    emu.scriptRun('saveIntervention', [form]),
  );
  measure('Open the intervention form', emu, () => {
    emu.menu('showInterventionForm');
    emu.scriptRun('getInterventionFormOptions');
  });
  // A 200-row CSV exported from a school MIS, imported in one go.
  const years = ['R', '1', '2', '3', '4', '5', '6'];
  const rows = Array.from({ length: 200 }, (_, i) => [
    `Pupil${i}`,
    `Surname${i}`,
    `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2017`,
    years[i % years.length]!,
    i % 10 === 0 ? 'E' : 'K',
    ['SPLD', 'SEMH', 'SLCN', 'ASD'][i % 4]!,
  ]);
  const mapping = {
    firstName: 0,
    lastName: 1,
    dateOfBirth: 2,
    yearGroup: 3,
    senStatus: 4,
    primaryNeed: 5,
    workingAtYearGroup: -1,
    secondaryNeed: -1,
    classTeacher: -1,
    upn: -1,
  };
  measure('Preview a 200-row CSV import', emu, () =>
    emu.scriptRun('previewPupilImport', [{ rows, mapping }]),
  );
  measure('Import a 200-row CSV (one write)', emu, () =>
    emu.scriptRun('importPupils', [{ rows, mapping }]),
  );
}

function main(): void {
  console.log(
    `Cost model: ${MS_PER_CALL} ms a service call + ${MS_PER_CELL_READ} ms a cell read + ` +
      `${MS_PER_CELL_WRITTEN} ms a cell written or formatted; an email sent ${MS_PER_EMAIL} ms and ` +
      `a Doc made ${MS_PER_DOC} ms in place of a call's ${MS_PER_CALL} ms (assumptions: real ` +
      `services are slower). "simulated" is that model's Apps Script time; "here" the emulator's.`,
  );
  emptyWorkbook();

  header('The demo school');
  const demo = new Emulator({ buildDir, now });
  seedDemoSchool(demo);
  schoolOperations(demo);

  header('2,000 pupil places (700 pupils, 30 staff, 100 interventions; 10,000 audit rows)');
  schoolOperations(generatedSchool(SCHOOL_2000_PLACES, 10_000));

  header('10,000 pupil places (3,300 pupils, 100 staff, 500 interventions; 50,000 audit rows)');
  schoolOperations(generatedSchool(SCHOOL_10000_PLACES, 50_000));

  // The whole-school check at twice that size. A blank start date follows the intervention's, so
  // each such place also needs its intervention looked up.
  header(
    '20,000 pupil places, 30% of start dates blank (6,600 pupils, 200 staff, 1,000 interventions)',
  );
  const blanks = generatedSchool({ ...SCHOOL_20000_PLACES, blankStartDates: 0.3 }, 50_000);
  measure('Check good practice', blanks, () => blanks.menu('checkGoodPractice'));
}

main();
