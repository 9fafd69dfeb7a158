/** Edits made by hand, as audit entries (src/domain/hand-edits.ts): worked examples. */
import {
  a1Notation,
  eventValueText,
  handEditEntries,
  handEditor,
  keyHeader,
  serialText,
  type HandEdit,
} from '../../src/domain/hand-edits';
import { TABS } from '../../src/domain/workbook';

const PUPIL_HEADERS = ['Pupil ID', 'First name', 'Last name', 'Date of birth', 'Year group'];

function pupilEdit(overrides: Partial<HandEdit>): HandEdit {
  return {
    spec: TABS.pupils,
    headers: PUPIL_HEADERS,
    row: 3,
    column: 5,
    numRows: 1,
    numColumns: 1,
    recordIds: ['PUP-0002'],
    ...overrides,
  };
}

test('who: the editor’s email when Apps Script gives it, else "someone", always "(by hand)"', () => {
  expect(handEditor('ta@school.example')).toBe('ta@school.example (by hand)');
  expect(handEditor('')).toBe('someone (by hand)');
});

test('a row is named by its ID column, or by the first column on Settings and the Dashboard', () => {
  expect(keyHeader(TABS.pupils)).toBe('Pupil ID');
  expect(keyHeader(TABS.settings)).toBe('Setting');
  expect(keyHeader(TABS.dashboard)).toBe('Measure');
  expect(keyHeader(TABS.auditLog)).toBe('Audit ID');
});

test('one cell: one entry with the header, the row’s ID and the old and new values', () => {
  expect(handEditEntries(pupilEdit({ value: 'Year 4', oldValue: 'Year 3' }))).toEqual([
    {
      tab: 'Pupils',
      recordId: 'PUP-0002',
      field: 'Year group',
      oldValue: 'Year 3',
      newValue: 'Year 4',
    },
  ]);
});

test('a cell filled in or cleared: the missing side is blank', () => {
  expect(handEditEntries(pupilEdit({ value: 'Year 4' }))[0]).toMatchObject({
    oldValue: '',
    newValue: 'Year 4',
  });
  expect(handEditEntries(pupilEdit({ oldValue: 'Year 3' }))[0]).toMatchObject({
    oldValue: 'Year 3',
    newValue: '',
  });
});

test('retyping the same value records nothing', () => {
  expect(handEditEntries(pupilEdit({ value: 'Year 3', oldValue: 'Year 3' }))).toEqual([]);
});

test('dates arrive as serial numbers and are logged as dates, as the add-on logs them', () => {
  expect(serialText(46349, false)).toBe('2026-11-23');
  expect(serialText(46349.395833333336, true)).toBe('2026-11-23 09:30');
  const entry = handEditEntries(pupilEdit({ column: 4, value: '46349', oldValue: '46348' }))[0];
  expect(entry).toMatchObject({
    field: 'Date of birth',
    oldValue: '2026-11-22',
    newValue: '2026-11-23',
  });
  // Not a date column: a number stays a number.
  expect(eventValueText(TABS.pupils, 'Year group', '46349')).toBe('46349');
});

test('editing the ID itself is recorded under the old ID', () => {
  const entry = handEditEntries(
    pupilEdit({ column: 1, value: 'PUP-9999', oldValue: 'PUP-0002', recordIds: ['PUP-9999'] }),
  )[0];
  expect(entry).toMatchObject({ recordId: 'PUP-0002', field: 'Pupil ID', newValue: 'PUP-9999' });
});

test('the header row', () => {
  expect(
    handEditEntries(pupilEdit({ row: 1, value: 'Class', oldValue: 'Year group', recordIds: [] })),
  ).toEqual([
    {
      tab: 'Pupils',
      recordId: '',
      field: 'Header of column E',
      oldValue: 'Year group',
      newValue: 'Class',
    },
  ]);
});

test('a Settings row is named by its Setting', () => {
  const entry = handEditEntries({
    spec: TABS.settings,
    headers: ['Setting', 'Value', 'Notes'],
    row: 12,
    column: 2,
    numRows: 1,
    numColumns: 1,
    recordIds: ['Full names in emails'],
    value: 'Yes',
    oldValue: 'No',
  })[0];
  expect(entry).toMatchObject({
    tab: 'Settings',
    recordId: 'Full names in emails',
    field: 'Value',
  });
});

test('a paste over several cells: one entry naming the range, its columns and records', () => {
  const entries = handEditEntries(
    pupilEdit({ row: 2, column: 2, numRows: 3, numColumns: 2, recordIds: ['PUP-1', 'PUP-2', ''] }),
  );
  expect(entries).toEqual([
    {
      tab: 'Pupils',
      recordId: 'PUP-1, PUP-2',
      field: 'First name, Last name',
      oldValue: 'Not known: several cells were changed at once',
      newValue: '6 cells changed at once (B2:C4): see the tab for their values',
    },
  ]);
});

test('a long paste lists the first records and columns, then how many more', () => {
  const ids = Array.from({ length: 14 }, (_, i) => `PUP-${i + 1}`);
  const [entry] = handEditEntries({
    spec: TABS.pupils,
    headers: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
    row: 2,
    column: 1,
    numRows: 14,
    numColumns: 8,
    recordIds: ids,
  });
  expect(entry?.recordId).toBe(`${ids.slice(0, 10).join(', ')} and 4 more records`);
  expect(entry?.field).toBe('A, B, C, D, E, F and 2 more columns');
});

test('A1 notation', () => {
  expect(a1Notation({ row: 2, column: 1, numRows: 1, numColumns: 1 })).toBe('A2');
  expect(a1Notation({ row: 2, column: 26, numRows: 2, numColumns: 3 })).toBe('Z2:AB3');
});
