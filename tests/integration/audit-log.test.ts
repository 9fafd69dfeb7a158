/**
 * The tamper-evident audit log, through the built add-on: every save seals its rows in a hash
 * chain, and "Check the audit log" says which rows were changed or removed by hand.
 */
import { createHash } from 'node:crypto';
import type { Emulator } from '../../emulator/src';
import {
  deleteRowsAsUser,
  editCellAsUser,
  moveColumnAsUser,
  sortSheetRowsAsUser,
} from '../../emulator/src/spreadsheet';
import { chainText } from '../../src/domain/audit-chain';
import { setUpEmulator } from '../support/emulator';

const HEAD_KEY = 'audit.head';

function addPupil(emu: Emulator, firstName: string): void {
  const result = emu.scriptRun<{ ok: boolean }>('savePupil', [
    {
      firstName,
      lastName: 'Jones',
      dateOfBirth: '2016-03-14',
      yearGroup: 'Year 5',
      senStatus: 'SEN support',
      primaryNeed: 'SPLD',
    },
  ]).value;
  if (!result.ok) throw new Error(`could not add ${firstName}`);
}

/** What "Check the audit log" showed. */
function check(emu: Emulator): string {
  const { uiEvents } = emu.menu('checkAuditLog');
  const alert = uiEvents.find((e) => e.type === 'alert');
  if (!alert || alert.type !== 'alert') throw new Error('no message shown');
  expect(alert.title).toBe('Check the audit log');
  return alert.message;
}

function header(emu: Emulator): string[] {
  return (emu.values('Audit log')[0] ?? []).map(String);
}

function auditRow(emu: Emulator, sheetRow: number): Record<string, unknown> {
  const found = emu.records('Audit log')[sheetRow - 2];
  if (!found) throw new Error(`no audit row ${sheetRow}`);
  return found;
}

/** A school with two pupils added through the sidebar: a dozen sealed audit rows. */
function school(): Emulator {
  const emu = setUpEmulator();
  addPupil(emu, 'Amelia');
  addPupil(emu, 'Ben');
  return emu;
}

test('every save seals its audit rows: numbered, chained, the end kept in the document properties', () => {
  const emu = school();
  const rows = emu.records('Audit log');
  expect(rows.length).toBeGreaterThan(6);
  let previous = '';
  rows.forEach((row, i) => {
    const [seq, hash] = String(row['Row hash']).split(':');
    expect(Number(seq)).toBe(i + 1);
    // The hash is SHA-256 of the rule's text, as Utilities.computeDigest gives it.
    const expected = createHash('sha256').update(chainText(previous, i + 1, row), 'utf8');
    expect(hash).toBe(expected.digest('hex'));
    previous = hash!;
  });
  const head = JSON.parse(emu.state.properties.document[HEAD_KEY]!) as Record<string, unknown>;
  expect(head).toMatchObject({ rows: rows.length, hash: previous });
  expect(check(emu)).toBe(
    `All ${rows.length} chained rows of the audit log are intact: none has been changed or removed since the add-on wrote them.`,
  );
});

test('sealing reads no row of a log as the add-on left it, and costs one digest a row', () => {
  const emu = school();
  const before = emu.records('Audit log').length;
  emu.resetCalls();
  addPupil(emu, 'Cara');
  const written = emu.records('Audit log').length - before;
  expect(emu.callCount('SpreadsheetApp.Range.getValue')).toBe(0); // the head says where it ends
  expect(emu.callCount('SpreadsheetApp.Range.getValues')).toBe(2); // Pupils, the log's headers
  expect(emu.callCount('SpreadsheetApp.Range.setValues')).toBe(2); // Pupils, the log
  expect(emu.callCount('Utilities.computeDigest')).toBe(written);
  expect(emu.callCount('PropertiesService.Properties.getProperty')).toBe(1); // the head
  expect(emu.callCount('PropertiesService.Properties.setProperty')).toBe(1);
});

test('sealing reads the last row hash when rows were added to the log by hand', () => {
  const emu = school();
  emu.appendRecords('Audit log', [{ 'Audit ID': 'AUD-BYHAND', Field: 'Typed in' }]);
  emu.resetCalls();
  addPupil(emu, 'Dev');
  expect(emu.callCount('SpreadsheetApp.Range.getValue')).toBe(1); // the last row's Row hash
});

test('a cell of an audit row changed by hand: named by Audit ID and row; the edit is logged too', () => {
  const emu = school();
  const target = auditRow(emu, 4);
  const column = header(emu).indexOf('New value') + 1;
  editCellAsUser(emu.rt, 'Audit log', 4, column, 'Someone else');
  const rows = emu.records('Audit log');
  // The hand edit's own row, sealed on to the chain (no loop: one row for one edit).
  expect(rows.at(-1)).toMatchObject({
    Who: 'senco@school.example (by hand)',
    'Record type': 'Audit log',
    'Record ID': target['Audit ID'],
    Field: 'New value',
    'Old value': target['New value'],
    'New value': 'Someone else',
    'Request ID': '',
  });
  const words = check(emu);
  expect(words).toContain('The audit log has been changed by hand.');
  expect(words).toContain(
    `• ${String(target['Audit ID'])} (row 4) was changed after it was written.`,
  );
  expect(words).not.toContain('removed');
});

test('a row deleted by hand: where, between which Audit IDs', () => {
  const emu = school();
  const above = auditRow(emu, 4)['Audit ID'];
  const below = auditRow(emu, 6)['Audit ID'];
  deleteRowsAsUser(emu.state, 'Audit log', 5);
  const words = check(emu);
  expect(words).toContain(
    `• 1 row was removed between ${String(above)} (row 4) and ${String(below)} (row 5).`,
  );
  expect(words).not.toContain('was changed');
});

test('the last rows deleted: said, and still said after the next save chains on', () => {
  const emu = school();
  const count = emu.records('Audit log').length;
  const lastKept = auditRow(emu, count - 1)['Audit ID']; // the row above the last two
  deleteRowsAsUser(emu.state, 'Audit log', count, 2);
  expect(check(emu)).toContain(
    `• The last 2 rows were removed: the log should go on after ${String(lastKept)} (row ${count - 1}).`,
  );
  addPupil(emu, 'Cara');
  const next = auditRow(emu, count)['Audit ID'];
  expect(check(emu)).toContain(
    `• 2 rows were removed between ${String(lastKept)} (row ${count - 1}) and ${String(next)} (row ${count}).`,
  );
});

test('sorting the log or moving its columns by hand breaks nothing', () => {
  const emu = school();
  const field = header(emu).indexOf('Field') + 1;
  sortSheetRowsAsUser(emu.state, 'Audit log', field, false);
  moveColumnAsUser(emu.state, 'Audit log', 1, 5);
  addPupil(emu, 'Cara'); // appended after the sorted rows, chained on the real end
  expect(check(emu)).toMatch(/^All \d+ chained rows of the audit log are intact/);
});

test('rows from before the chain existed are "not chained", never called tampered', () => {
  const emu = setUpEmulator();
  emu.appendRecords('Audit log', [
    { 'Audit ID': 'AUD-OLD-1', When: new Date(2026, 8, 1, 10, 0), Who: 'x', Field: 'Name' },
    { 'Audit ID': 'AUD-OLD-2', When: new Date(2026, 8, 2, 10, 0), Who: 'x', Field: 'Name' },
  ]);
  expect(check(emu)).toContain('No row of the audit log is chained yet.');
  addPupil(emu, 'Amelia');
  const words = check(emu);
  expect(words).toMatch(/^All \d+ chained rows of the audit log are intact/);
  expect(words).toContain('2 older rows were written before the add-on began to seal each row');
  expect(words).toContain('(this is not a sign of tampering)');
});

test('a log without the Row hash column: rows are written as before, and the check says why not', () => {
  const emu = setUpEmulator();
  const sheet = emu.state.spreadsheet.sheets.find((s) => s.name === 'Audit log')!;
  const column = header(emu).indexOf('Row hash');
  sheet.rows[0]![column] = null;
  addPupil(emu, 'Amelia');
  expect(emu.records('Audit log').length).toBeGreaterThan(0);
  expect(emu.state.properties.document[HEAD_KEY]).toBeUndefined();
  expect(check(emu)).toContain('Choose "Set up provision map" from the add-on menu to add it');
});

test('the check reads the log once', () => {
  const emu = school();
  const rows = emu.records('Audit log').length;
  emu.resetCalls();
  check(emu);
  expect(emu.callCount('SpreadsheetApp.Range.getValues')).toBe(1);
  expect(emu.callCount('Utilities.computeDigest')).toBe(rows);
  expect(emu.callCount('SpreadsheetApp.Range.setValues')).toBe(0);
});

test('the menu offers the check', () => {
  const emu = school();
  const items = emu.open().flatMap((m) => m.items);
  expect(items).toContainEqual({
    type: 'item',
    caption: 'Check the audit log',
    functionName: 'checkAuditLog',
  });
});
