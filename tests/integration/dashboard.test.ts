/**
 * Cost, impact and the Dashboard through the built add-on: the worked example priced on
 * the Interventions tab as pupils start, the people it cannot price named, "Update the dashboard"
 * building its report, colouring and charts in one read per tab, and building again replacing them.
 */
import type { Emulator } from '../../emulator/src';
import { editCellAsUser } from '../../emulator/src/spreadsheet';
import type { SaveResult } from '../../src/api/contract';
import { setUpEmulator, validForm } from '../support/emulator';

type Rec = Record<string, unknown>;
const READ = 'SpreadsheetApp.Range.getValues';
const WRITE = 'SpreadsheetApp.Range.setValues';

function ok(result: SaveResult): string {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.id;
}

/** The worked example: 4 × 30 minutes × 12 weeks, lead £15/h, a supporter £30/h, £120 other. */
function school(supportedBy = 'Mr Sam Hale (TA)'): { emu: Emulator; id: string } {
  const emu = setUpEmulator();
  for (const [name, email, role, cost] of [
    ['Ms Lia Frost', 'lfrost@school.example', 'TA', '15'],
    ['Mr Sam Hale', 'shale@school.example', 'Teacher', '30'],
  ] as const) {
    ok(
      emu.scriptRun<SaveResult>('saveStaffMember', [{ name, email, role, hourlyCost: cost }]).value,
    );
  }
  emu.appendRecords(
    'Pupils',
    [1, 2, 3, 4].map((n) => ({
      'Pupil ID': `PUP-000${n}`,
      'First name': `Pupil${n}`,
      'Last name': 'Test',
      'Year group': n <= 2 ? 'Year 3' : 'Year 4',
      'SEN status': 'SEN support',
      'Primary need': 'SPLD',
    })),
  );
  const id = ok(
    emu.scriptRun<SaveResult>('saveIntervention', [
      validForm({
        lead: 'Ms Lia Frost',
        supportedBy,
        sessionsPerWeek: '4',
        minutesPerSession: '30',
        lengthWeeks: '12',
        startDate: '2026-11-02',
      }),
    ]).value,
  );
  const interventions = emu.values('Interventions');
  const header = interventions[0]!.map(String);
  editCellAsUser(emu.rt, 'Interventions', 2, header.indexOf('Other costs') + 1, '120');
  emu.scriptRun('addPupilsToIntervention', [
    { interventionId: id, pupilIds: ['PUP-0001', 'PUP-0002', 'PUP-0003', 'PUP-0004'] },
  ]);
  const data = emu.scriptRun<{ participants: { id: string; form: Rec }[] }>(
    'getInterventionPupils',
    [id],
  ).value;
  for (const place of data.participants) {
    ok(
      emu.scriptRun<SaveResult>('saveParticipant', [
        {
          ...place.form,
          status: 'Started',
          parentsInformedOn: '2026-10-30',
          parentsInformedHow: 'Letter',
        },
      ]).value,
    );
  }
  return { emu, id };
}

const intervention = (emu: Emulator, id: string): Rec =>
  emu.records('Interventions').find((r) => r['Intervention ID'] === id)!;

test('the worked example: staff £1,080, planned £1,200, £300 a pupil (Moderate), to date so far', () => {
  const { emu, id } = school();
  expect(intervention(emu, id)).toMatchObject({
    'Other costs': 120,
    'Cost (planned)': 1200,
    'Cost per pupil': 300,
    'Cost band': 'Moderate',
    'Cost leaves out': '',
  });
  // Today (23 November 2026) is in its fourth school week: 4 × 2 h × £45 + £120.
  expect(intervention(emu, id)['Cost to date']).toBe(4 * 2 * 45 + 120);
});

test('a supporter not on the Staff tab is named, never priced at nothing in silence', () => {
  const { emu, id } = school('Mr Sam Hale, Speech therapist');
  expect(intervention(emu, id)).toMatchObject({
    'Cost (planned)': 1200,
    'Cost leaves out': 'Cost leaves out: Speech therapist (not on the Staff tab)',
  });
});

test('a new hourly cost reprices what that person leads, at once', () => {
  const { emu, id } = school();
  const lia = emu.records('Staff').find((r) => r.Name === 'Ms Lia Frost')!;
  ok(
    emu.scriptRun<SaveResult>('saveStaffMember', [
      {
        id: lia['Staff ID'],
        name: 'Ms Lia Frost',
        email: 'lfrost@school.example',
        role: 'TA',
        hourlyCost: '20',
      },
    ]).value,
  );
  // (20 + 30) × 2 hours × 12 weeks + 120.
  expect(intervention(emu, id)['Cost (planned)']).toBe(50 * 2 * 12 + 120);
});

test('"Update the dashboard": one read per tab; its report, colouring and charts', () => {
  const { emu } = school();
  emu.resetCalls();
  const { uiEvents } = emu.menu('updateDashboard');
  expect(uiEvents.find((e) => e.type === 'alert')).toMatchObject({ title: 'Dashboard updated' });
  const calls = emu.calls();
  // Interventions, Participants, Pupils, Staff, Settings, Provision library, the Dashboard's
  // status rows, and the Audit log's header (for its rows, if any).
  expect(calls[READ]).toBeLessThanOrEqual(8);
  const values = emu.values('Dashboard');
  const column = values.map((row) => String(row[0] ?? ''));
  expect(column[0]).toBe('Provision map dashboard');
  expect(column[1]).toMatch(/^As of Monday 23 November 2026/);
  for (const section of [
    'The provision map at a glance',
    'What works',
    'What to look at',
    'Charts',
    'Impact and cost by type of provision, area of need and year group',
    'SEN report',
  ]) {
    expect(column).toContain(section);
  }
  // The worked example's row in What works: running, £300 a pupil, Moderate.
  const works = values.find(
    (row) => row[0] === 'Precision teaching: spelling' && row[2] === 'Running',
  );
  expect(works?.[7]).toBe(300);
  expect(works?.[8]).toBe('Moderate');
  const sheet = emu.state.spreadsheet.sheets.find((s) => s.name === 'Dashboard')!;
  // No outcome yet: no bar chart; the need chart is there.
  expect(sheet.charts?.length ?? 0).toBeGreaterThanOrEqual(1);
  const rules = sheet.conditionalFormats ?? [];
  expect(rules).toHaveLength(3);
  expect(calls[WRITE]).toBeLessThanOrEqual(4);

  // Building again replaces the charts and rules; nothing piles up.
  const charts = sheet.charts?.length ?? 0;
  emu.menu('updateDashboard');
  const again = emu.state.spreadsheet.sheets.find((s) => s.name === 'Dashboard')!;
  expect(again.charts ?? []).toHaveLength(charts);
  expect(again.conditionalFormats ?? []).toHaveLength(3);
});

test('building again leaves nothing of a longer last build below the new report', () => {
  const { emu } = school();
  emu.menu('updateDashboard');
  const rows = emu.values('Dashboard').length;
  // As if the last build had run further down (more interventions then).
  editCellAsUser(emu.rt, 'Dashboard', rows + 3, 1, 'Left over from a longer report');
  emu.menu('updateDashboard');
  const values = emu.values('Dashboard');
  expect(values.flat()).not.toContain('Left over from a longer report');
  expect(values).toHaveLength(rows);
});
