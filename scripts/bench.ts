/**
 * Service-call figures: runs operations of the built add-on in the emulator, counts the Apps
 * Script calls each makes and turns them into simulated seconds at a stated cost per call.
 */
import * as path from 'node:path';
import { Emulator } from '../emulator/src';
import { seedDemoSchool } from '../emulator/server/demo';
import { seedBigSchool } from '../tests/support/big-school';

/** Public measurements: a service round trip costs tens of milliseconds. */
const MS_PER_CALL = 50;

const buildDir = path.resolve(__dirname, '../build');
const now = new Date('2026-11-23T09:00:00Z');

function measure(label: string, emu: Emulator, action: () => void): void {
  emu.resetCalls();
  const started = process.hrtime.bigint();
  action();
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const calls = emu.calls();
  // Utilities (digests, dates, UUIDs) runs inside the script's own server, with no round trip
  // to another Google service: counted apart, not priced as a call.
  const local = Object.entries(calls)
    .filter(([method]) => method.startsWith('Utilities.'))
    .reduce((a, [, n]) => a + n, 0);
  const total = Object.values(calls).reduce((a, b) => a + b, 0) - local;
  const reads = calls['SpreadsheetApp.Range.getValues'] ?? 0;
  const writes = calls['SpreadsheetApp.Range.setValues'] ?? 0;
  console.log(
    `${label.padEnd(42)} ${String(total).padStart(5)} calls  ` +
      `(${reads} getValues, ${writes} setValues${local > 0 ? `; + ${local} Utilities, local` : ''})  ` +
      `≈ ${((total * MS_PER_CALL) / 1000).toFixed(2)} s in Apps Script at ${MS_PER_CALL} ms a call; ` +
      `${elapsedMs.toFixed(0)} ms here`,
  );
}

function main(): void {
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
  const intervention = emu.records('Interventions')[0]?.['Intervention ID'];
  const pupilIds = emu
    .records('Pupils')
    .slice(0, 3)
    .map((p) => p['Pupil ID']);
  measure('Add 3 pupils to an intervention', emu, () =>
    emu.scriptRun('addPupilsToIntervention', [{ interventionId: intervention, pupilIds }]),
  );
  measure('Check good practice (all rows)', emu, () => emu.menu('checkGoodPractice'));
  measure('Pupil profile', emu, () => emu.scriptRun('getPupilProfile', [pupilIds[0]]));

  // The daily reminder run, on the demo school and on a generated large school.
  const demo = new Emulator({ buildDir, now });
  seedDemoSchool(demo);
  demo.menu('turnOnReminders');
  measure('Daily reminder run (demo school)', demo, () =>
    demo.fireDueTriggers(new Date('2026-11-24T07:00:00Z')),
  );
  console.log(`  emails sent: ${demo.outbox().length}`);
  const place = demo.records('Participants')[0]?.['Participant ID'];
  measure('One letter to parents (built-in layout)', demo, () =>
    demo.scriptRun('generateLetter', [{ participantId: place, kind: 'start' }]),
  );
  // The evaluation: a mid-point review with its provisional outcome, then the SENCo's decision.
  const due = demo.records('Reviews').find((r) => r.Kind === 'Mid-point' && r.Status === 'Due');
  const duePlace = demo
    .records('Participants')
    .find((p) => p['Participant ID'] === due?.['Participant ID']);
  measure('Record a mid-point review (outcome worked out)', demo, () =>
    demo.scriptRun('saveReview', [
      {
        reviewId: due?.['Review ID'],
        kind: 'Mid-point',
        result: String(duePlace?.Baseline ?? ''),
        resultDate: '2026-11-23',
        judgement: 'Not working',
        furtherAction: 'Change',
      },
      'bench-review-0000000001',
    ]),
  );
  const flagged = demo.records('Interventions').find((i) => String(i['Needs decision']) !== '');
  measure('Record a decision: stop an intervention', demo, () =>
    demo.scriptRun('recordDecision', [
      { interventionId: flagged?.['Intervention ID'], decision: 'Stop', reason: 'No progress' },
      'bench-decision-00000001',
    ]),
  );
  const big = new Emulator({ buildDir, now });
  big.install();
  big.menu('setUpProvisionMap');
  seedBigSchool(big);
  big.menu('turnOnReminders');
  big.rt.mailDailyQuota = 1500; // a Google Workspace school account
  measure('Daily reminder run (2,000 pupils, 6,000 places)', big, () =>
    big.fireDueTriggers(new Date('2026-11-24T07:00:00Z')),
  );
  console.log(`  emails sent: ${big.outbox().length}`);
  // A second run the same day (another user's trigger, or a rerun after a crash) sends nothing.
  measure('Daily reminder run again the same day', big, () =>
    big.run('sendDailyReminders', [{}], { kind: 'trigger' }),
  );
  console.log(`  emails sent in all: ${big.outbox().length}`);

  // The Dashboard: every figure worked out again and the report rebuilt, whatever the size.
  measure('Update the dashboard (demo school)', demo, () => demo.menu('updateDashboard'));
  measure('Update the dashboard (2,000 pupils, 6,000 places)', big, () =>
    big.menu('updateDashboard'),
  );
  const largest = new Emulator({ buildDir, now });
  largest.install();
  largest.menu('setUpProvisionMap');
  seedBigSchool(largest, { pupils: 3300, staff: 100, interventions: 500, participants: 10000 });
  measure('Update the dashboard (3,300 pupils, 10,000 places)', largest, () =>
    largest.menu('updateDashboard'),
  );
}

main();
