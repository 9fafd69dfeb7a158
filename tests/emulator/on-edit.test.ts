/**
 * The onEdit simple trigger: a person's edit in the Sheets UI runs it as Apps Script does (as that
 * person, AuthMode.LIMITED, at most 30 s, the event's fields), and the script's own writes never do.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Emulator } from '../../emulator/src';
import {
  deleteRowsAsUser,
  editCellAsUser,
  pasteAsUser,
  writeSheetRecords,
} from '../../emulator/src/spreadsheet';

const NOW = new Date('2026-11-23T09:00:00Z');
let buildDir: string;

const SCRIPT = `
function onOpen(e) {}
function useTheAddOn() {}
function onEdit(e) {
  var props = PropertiesService.getDocumentProperties();
  var runs = JSON.parse(props.getProperty('runs') || '[]');
  runs.push({
    a1: e.range.getA1Notation(),
    sheet: e.range.getSheet().getName(),
    source: e.source.getName(),
    hasValue: 'value' in e,
    hasOldValue: 'oldValue' in e,
    value: e.value,
    oldValue: e.oldValue,
    authMode: String(e.authMode),
    limited: e.authMode === ScriptApp.AuthMode.LIMITED,
    hasTriggerUid: 'triggerUid' in e,
    user: e.user.getEmail(),
    activeUser: Session.getActiveUser().getEmail()
  });
  props.setProperty('runs', JSON.stringify(runs));
  var a1 = e.range.getA1Notation();
  if (a1 === 'Z1') MailApp.sendEmail('someone@school.example', 'Subject', 'Body');
  if (a1 === 'Y1') Utilities.sleep(31000);
  // The script's own write: must not fire onEdit again.
  e.range.getSheet().getRange('A20').setValue('written by the script');
}
`;

beforeAll(() => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'on-edit-'));
  fs.writeFileSync(path.join(buildDir, 'Code.js'), SCRIPT);
  fs.writeFileSync(
    path.join(buildDir, 'appsscript.json'),
    JSON.stringify({
      timeZone: 'Europe/London',
      oauthScopes: [
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/userinfo.email',
      ],
    }),
  );
});

afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

interface Run {
  a1: string;
  sheet: string;
  source: string;
  hasValue: boolean;
  hasOldValue: boolean;
  value?: string;
  oldValue?: string;
  authMode: string;
  limited: boolean;
  hasTriggerUid: boolean;
  user: string;
  activeUser: string;
}

function emulator(): Emulator {
  const emu = new Emulator({ buildDir, now: NOW, user: 'senco@school.example' });
  emu.menu('useTheAddOn'); // the add-on is now in use in this document
  return emu;
}

function runs(emu: Emulator): Run[] {
  return JSON.parse(emu.state.properties.document['runs'] ?? '[]') as Run[];
}

test('typing into a cell runs onEdit as the person editing, in LIMITED, with the event fields', () => {
  const emu = emulator();
  editCellAsUser(emu.rt, 'Sheet1', 2, 3, 'Year 3');
  emu.setUser('ta@school.example');
  editCellAsUser(emu.rt, 'Sheet1', 2, 3, 'Year 4');
  expect(runs(emu)).toEqual([
    {
      a1: 'C2',
      sheet: 'Sheet1',
      source: 'Provision map',
      hasValue: true,
      hasOldValue: false, // the cell was empty
      value: 'Year 3',
      authMode: 'LIMITED',
      limited: true,
      hasTriggerUid: false, // installable triggers only
      user: 'senco@school.example',
      activeUser: 'senco@school.example',
    },
    expect.objectContaining({
      value: 'Year 4',
      oldValue: 'Year 3',
      user: 'ta@school.example',
      activeUser: 'ta@school.example',
    }),
  ]);
  const onEdits = emu.executions().filter((e) => e.functionName === 'onEdit');
  expect(onEdits.map((e) => [e.kind, e.user, e.status])).toEqual([
    ['simple-trigger', 'senco@school.example', 'completed'],
    ['simple-trigger', 'ta@school.example', 'completed'],
  ]);
});

test('the script’s own writes do not run onEdit (no loop)', () => {
  const emu = emulator();
  editCellAsUser(emu.rt, 'Sheet1', 1, 1, 'x');
  expect(runs(emu)).toHaveLength(1);
  expect(emu.values('Sheet1')[19]?.[0]).toBe('written by the script');
});

test('values come as Apps Script gives them: strings, TRUE/FALSE, dates as serial numbers', () => {
  const emu = emulator();
  editCellAsUser(emu.rt, 'Sheet1', 2, 1, '12');
  editCellAsUser(emu.rt, 'Sheet1', 2, 1, 'true');
  editCellAsUser(emu.rt, 'Sheet1', 2, 1, '23/11/2026');
  editCellAsUser(emu.rt, 'Sheet1', 2, 1, '');
  expect(runs(emu).map((r) => [r.value, r.oldValue])).toEqual([
    ['12', undefined],
    ['TRUE', '12'],
    ['46349', 'TRUE'],
    [undefined, '46349'], // cleared: no value
  ]);
});

test('a paste over several cells: the range, but neither value nor oldValue', () => {
  const emu = emulator();
  pasteAsUser(emu.rt, 'Sheet1', 2, 2, [
    ['a', 'b'],
    ['c', 'd'],
  ]);
  expect(emu.values('Sheet1')[2]?.slice(1, 3)).toEqual(['c', 'd']);
  expect(runs(emu)).toEqual([
    expect.objectContaining({ a1: 'B2:C3', hasValue: false, hasOldValue: false }),
  ]);
});

test('a simple trigger cannot send email (LIMITED): it fails, the edit stands', () => {
  const emu = emulator();
  editCellAsUser(emu.rt, 'Sheet1', 1, 26, 'send');
  expect(emu.values('Sheet1')[0]?.[25]).toBe('send');
  expect(emu.outbox()).toHaveLength(0);
  const run = emu.executions().find((e) => e.functionName === 'onEdit');
  expect(run?.status).toBe('failed');
  expect(run?.error).toContain('authorisation mode LIMITED');
});

test('a simple trigger stops after 30 seconds', () => {
  const emu = emulator();
  editCellAsUser(emu.rt, 'Sheet1', 1, 25, 'slow');
  const run = emu.executions().find((e) => e.functionName === 'onEdit');
  expect(run).toMatchObject({ status: 'failed', error: 'Exceeded maximum execution time' });
});

test('not before the add-on is used in the document; deleting rows and test helpers never run it', () => {
  const emu = new Emulator({ buildDir, now: NOW });
  editCellAsUser(emu.rt, 'Sheet1', 1, 1, 'x');
  expect(runs(emu)).toHaveLength(0);
  emu.menu('useTheAddOn');
  deleteRowsAsUser(emu.state, 'Sheet1', 1);
  writeSheetRecords(emu.state, 'Sheet1', []);
  expect(runs(emu)).toHaveLength(0);
});
