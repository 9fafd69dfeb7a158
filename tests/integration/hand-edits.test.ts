/**
 * Hand edits recorded: a person typing or pasting into the add-on's tabs gets an audit row from
 * the onEdit simple trigger, within its limits (LIMITED, 30 s), sealed like every other row.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Emulator } from '../../emulator/src';
import { startTrialServer } from '../../emulator/server/trial';
import { editCellAsUser, pasteAsUser } from '../../emulator/src/spreadsheet';
import { setUpEmulator } from '../support/emulator';

const PUPIL = {
  'Pupil ID': 'PUP-0001',
  'First name': 'Amelia',
  'Last name': 'Jones',
  'Date of birth': new Date(2016, 2, 14),
  'Year group': 'Year 5',
};

function school(): Emulator {
  const emu = setUpEmulator();
  emu.appendRecords('Pupils', [PUPIL, { ...PUPIL, 'Pupil ID': 'PUP-0002', 'First name': 'Ben' }]);
  return emu;
}

function column(emu: Emulator, tab: string, header: string): number {
  const index = (emu.values(tab)[0] ?? []).map(String).indexOf(header);
  if (index < 0) throw new Error(`no ${header} on ${tab}`);
  return index + 1;
}

function audit(emu: Emulator): Record<string, unknown>[] {
  return emu.records('Audit log');
}

function checkWords(emu: Emulator): string {
  const alert = emu.menu('checkAuditLog').uiEvents.find((e) => e.type === 'alert');
  return alert?.type === 'alert' ? alert.message : '';
}

test('one cell typed by hand: one audit row, naming the record, field, old and new value', () => {
  const emu = school();
  emu.setUser('ta@school.example');
  editCellAsUser(emu.rt, 'Pupils', 3, column(emu, 'Pupils', 'Year group'), 'Year 6');
  expect(audit(emu)).toEqual([
    expect.objectContaining({
      Who: 'ta@school.example (by hand)',
      'Record type': 'Pupils',
      'Record ID': 'PUP-0002',
      Field: 'Year group',
      'Old value': 'Year 5',
      'New value': 'Year 6',
      'Request ID': '', // no sidebar submit: by hand
    }),
  ]);
  expect(String(audit(emu)[0]?.['Row hash'])).toMatch(/^1:[0-9a-f]{64}$/);
  expect(checkWords(emu)).toMatch(/^All 1 chained row of the audit log is intact/);
  const run = emu.executions().find((e) => e.functionName === 'onEdit');
  expect(run).toMatchObject({
    kind: 'simple-trigger',
    user: 'ta@school.example',
    status: 'completed',
  });
});

test('a date is logged as the date, as the add-on logs dates', () => {
  const emu = school();
  editCellAsUser(emu.rt, 'Pupils', 2, column(emu, 'Pupils', 'Date of birth'), '15/03/2016');
  expect(audit(emu)[0]).toMatchObject({
    Field: 'Date of birth',
    'Old value': '2016-03-14',
    'New value': '2016-03-15',
  });
});

test('a paste over several cells: one row naming the range, its columns and records', () => {
  const emu = school();
  pasteAsUser(emu.rt, 'Pupils', 2, column(emu, 'Pupils', 'First name'), [
    ['Amy', 'Jonas'],
    ['Bea', 'Jonas'],
  ]);
  expect(audit(emu)).toEqual([
    expect.objectContaining({
      Who: 'senco@school.example (by hand)',
      'Record type': 'Pupils',
      'Record ID': 'PUP-0001, PUP-0002',
      Field: 'First name, Last name',
      'Old value': 'Not known: several cells were changed at once',
    }),
  ]);
  expect(String(audit(emu)[0]?.['New value'])).toMatch(
    /^4 cells changed at once \([A-Z]+2:[A-Z]+3\)/,
  );
});

test('a Settings value: the row is named by its Setting', () => {
  const emu = school();
  const settings = emu.records('Settings');
  const row = settings.findIndex((r) => r.Setting === 'Reminder lead time (school days)') + 2;
  editCellAsUser(emu.rt, 'Settings', row, column(emu, 'Settings', 'Value'), '5');
  expect(audit(emu)[0]).toMatchObject({
    'Record type': 'Settings',
    'Record ID': 'Reminder lead time (school days)',
    Field: 'Value',
    'Old value': '3',
    'New value': '5',
  });
});

test('the editor’s address withheld by Apps Script: "someone (by hand)"', () => {
  const emu = school();
  emu.setUser('');
  editCellAsUser(emu.rt, 'Pupils', 2, column(emu, 'Pupils', 'Year group'), 'Year 4');
  expect(audit(emu)[0]?.Who).toBe('someone (by hand)');
});

test('nothing for a tab of the school’s own, or for a cell retyped unchanged', () => {
  const emu = school();
  emu.rt.state.spreadsheet.sheets.push({
    id: 99,
    name: 'Our notes',
    rows: [],
    maxRows: 100,
    maxColumns: 5,
    frozenRows: 0,
    frozenColumns: 0,
    hidden: false,
    protections: [],
  });
  editCellAsUser(emu.rt, 'Our notes', 1, 1, 'Hello');
  editCellAsUser(emu.rt, 'Pupils', 2, column(emu, 'Pupils', 'Year group'), 'Year 5');
  expect(audit(emu)).toHaveLength(0);
});

test('within a simple trigger’s limits: a handful of calls, no email, the lock shared with saves', () => {
  const emu = school();
  emu.resetCalls();
  editCellAsUser(emu.rt, 'Pupils', 2, column(emu, 'Pupils', 'Year group'), 'Year 4');
  const calls = emu.calls();
  const total = Object.values(calls).reduce((a, b) => a + b, 0);
  expect(total).toBeLessThan(40);
  expect(calls['SpreadsheetApp.Range.getValues']).toBe(3); // headers, the row's ID, the log's headers
  expect(calls['SpreadsheetApp.Range.setValues']).toBe(1);
  expect(calls['LockService.Lock.waitLock']).toBe(1);
  expect(calls['MailApp.sendEmail']).toBeUndefined();
});

test('a save holding the lock for long: the edit stands, the trigger gives up well within 30 s', () => {
  const emu = school();
  const release = emu.holdLock('document');
  editCellAsUser(emu.rt, 'Pupils', 2, column(emu, 'Pupils', 'Year group'), 'Year 4');
  release();
  expect(emu.records('Pupils')[0]?.['Year group']).toBe('Year 4');
  expect(audit(emu)).toHaveLength(0);
  expect(emu.executions().find((e) => e.functionName === 'onEdit')?.status).toBe('completed');
});

test('the trial page’s cell edits are recorded too', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hand-edits-'));
  const trial = await startTrialServer({
    port: 0,
    seedDemo: false,
    stateFile: path.join(dir, 'workbook.json'),
    now: new Date('2026-11-23T09:00:00Z'),
  });
  try {
    trial.emulator.install();
    trial.emulator.menu('setUpProvisionMap');
    trial.emulator.appendRecords('Pupils', [PUPIL]);
    const reply = await fetch(new URL('/api/cell', trial.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        tab: 'Pupils',
        row: 2,
        column: column(trial.emulator, 'Pupils', 'Year group'),
        text: 'Year 6',
      }),
    });
    expect(reply.status).toBe(200);
    expect(trial.emulator.records('Audit log')).toEqual([
      expect.objectContaining({ 'Record ID': 'PUP-0001', 'New value': 'Year 6' }),
    ]);
  } finally {
    await trial.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
