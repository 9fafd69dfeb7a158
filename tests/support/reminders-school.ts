/** A small school for the reminder tests: staff, pupils, interventions, places and reviews. */
import type { Emulator } from '../../emulator/src';
import { editCellAsUser } from '../../emulator/src/spreadsheet';

/** 2026-11-24 is a Tuesday in the autumn term; the trigger fires at 7 am. */
export const day = (d: number, month = 11): Date => new Date(2026, month - 1, d);
export const sevenAm = (d: number, month = 11, year = 2026): Date =>
  new Date(`${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}T07:00:00Z`);

export const EXTRA_STAFF = [
  { 'Staff ID': 'STF-0003', Name: 'Ms Priya Shah', Email: 'pshah@school.example', Role: 'Teacher' },
  { 'Staff ID': 'STF-0004', Name: 'Mr Ben Cole', Email: '', Role: 'TA' },
];

export function seedSchool(emu: Emulator): void {
  emu.appendRecords('Staff', EXTRA_STAFF);
  emu.appendRecords('Pupils', [
    { 'Pupil ID': 'PUP-0001', 'First name': 'Ann', 'Last name': 'Patel', 'Year group': 'Year 3' },
    {
      'Pupil ID': 'PUP-0002',
      'First name': '<b>Ann</b>',
      'Last name': 'Smith & Co',
      'Year group': 'Year 4',
    },
    { 'Pupil ID': 'PUP-0003', 'First name': 'Omar', 'Last name': 'Khan', 'Year group': 'Year 5' },
  ]);
  emu.appendRecords('Interventions', [
    {
      'Intervention ID': 'INT-0001',
      Name: 'Precision teaching: spelling',
      Status: 'Running',
      Lead: 'Mr Tom Reed',
      'Supported by': 'Ms Priya Shah',
    },
    {
      'Intervention ID': 'INT-0002',
      Name: 'Talk Boost',
      Status: 'Running',
      Lead: 'Ms Priya Shah',
      'Supported by': 'Mr Ben Cole, SALT',
    },
    {
      'Intervention ID': 'INT-0003',
      Name: 'Lego therapy',
      Status: 'Running',
      Lead: 'Ms Amara Okafor',
      'Needs decision': 'Mid-point review: not working for O.K. (Year 5)',
    },
  ]);
  emu.appendRecords('Participants', [
    {
      'Participant ID': 'PAR-0001',
      'Intervention ID': 'INT-0001',
      'Pupil ID': 'PUP-0001',
      Status: 'Started',
    },
    {
      'Participant ID': 'PAR-0002',
      'Intervention ID': 'INT-0001',
      'Pupil ID': 'PUP-0002',
      Status: 'Started',
    },
    {
      'Participant ID': 'PAR-0003',
      'Intervention ID': 'INT-0002',
      'Pupil ID': 'PUP-0003',
      Status: 'Started',
    },
    {
      'Participant ID': 'PAR-0004',
      'Intervention ID': 'INT-0003',
      'Pupil ID': 'PUP-0003',
      Status: 'Started',
    },
  ]);
  emu.appendRecords('Reviews', [
    // Coming up (Thursday 26 November: 2 school days after Tuesday 24th), for Tom and Priya.
    review('REV-0001', 'INT-0001', 'PAR-0001', 'Mid-point', day(26)),
    review('REV-0002', 'INT-0001', 'PAR-0002', 'Mid-point', day(26)),
    // Overdue (Friday 20 November), for Priya (Ben has no email).
    review('REV-0003', 'INT-0002', 'PAR-0003', 'End', day(20)),
    // Too far ahead, done, or cancelled: nothing.
    review('REV-0004', 'INT-0002', 'PAR-0003', 'Baseline', day(10, 12)),
    { ...review('REV-0005', 'INT-0001', 'PAR-0001', 'Baseline', day(19)), Status: 'Done' },
    { ...review('REV-0006', 'INT-0003', 'PAR-0004', 'Extra', day(25)), Status: 'Cancelled' },
  ]);
}

/**
 * One intervention led by Tom, its `count` pupils' mid-point reviews due from Monday 7 to Friday
 * 11 December 2026 and not yet done: by the new year all overdue.
 */
export function seedDecemberBacklog(emu: Emulator, count = 20): void {
  const ids = Array.from({ length: count }, (_, i) => String(101 + i).padStart(4, '0'));
  emu.appendRecords('Interventions', [
    {
      'Intervention ID': 'INT-0101',
      Name: 'Reading recovery',
      Status: 'Running',
      Lead: 'Mr Tom Reed',
    },
  ]);
  emu.appendRecords(
    'Pupils',
    ids.map((id, i) => ({
      'Pupil ID': `PUP-${id}`,
      'First name': `Pupil${i + 1}`,
      'Last name': 'Reader',
      'Year group': 'Year 4',
    })),
  );
  emu.appendRecords(
    'Participants',
    ids.map((id) => ({
      'Participant ID': `PAR-${id}`,
      'Intervention ID': 'INT-0101',
      'Pupil ID': `PUP-${id}`,
      Status: 'Started',
    })),
  );
  emu.appendRecords(
    'Reviews',
    ids.map((id, i) =>
      review(`REV-${id}`, 'INT-0101', `PAR-${id}`, 'Mid-point', day(7 + (i % 5), 12)),
    ),
  );
}

export function review(
  id: string,
  interventionId: string,
  participantId: string,
  kind: string,
  due: Date,
): Record<string, string | Date> {
  return {
    'Review ID': id,
    'Intervention ID': interventionId,
    'Participant ID': participantId,
    Kind: kind,
    'Due date': due,
    Status: 'Due',
  };
}

/** A person changes a Settings value by hand. */
export function setSetting(emu: Emulator, setting: string, value: string): void {
  const rows = emu.values('Settings');
  const header = (rows[0] ?? []).map(String);
  const row = rows.findIndex((r) => String(r[header.indexOf('Setting')]) === setting);
  if (row < 0) {
    emu.appendRecords('Settings', [{ Setting: setting, Value: value }]);
    return;
  }
  editCellAsUser(emu.rt, 'Settings', row + 1, header.indexOf('Value') + 1, value);
}

export function reviewRecord(emu: Emulator, id: string): Record<string, unknown> {
  const found = emu.records('Reviews').find((r) => r['Review ID'] === id);
  if (!found) throw new Error(`no review ${id}`);
  return found;
}

/** The Dashboard's status rows (the Measure / Value / Notes table under its title). */
export function dashboard(emu: Emulator): Record<string, { value: unknown; notes: string }> {
  const values = emu.values('Dashboard');
  const headerIndex = values.findIndex((row) => row[0] === 'Measure');
  if (headerIndex < 0) return {};
  const rows: [string, { value: unknown; notes: string }][] = [];
  for (const row of values.slice(headerIndex + 1)) {
    if (row.every((cell) => cell === '' || cell === undefined)) break;
    rows.push([String(row[0]), { value: row[1], notes: String(row[2] ?? '') }]);
  }
  return Object.fromEntries(rows);
}
