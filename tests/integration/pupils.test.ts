import type { Emulator } from '../../emulator/src';
import { COMPLETE_PUPIL } from '../support/pupil-form';
import { moveColumnAsUser, sortSheetRowsAsUser } from '../../emulator/src/spreadsheet';
import type { SaveResult } from '../../src/api/contract';
import type {
  PupilFormOptions,
  PupilImportPreview,
  PupilImportResult,
  StoredPupil,
} from '../../src/api/pupils-contract';
import { parseCsv } from '../../src/domain/csv';
import { guessMapping, type ColumnMapping } from '../../src/domain/pupil-columns';
import { newEmulator, setUpEmulator, storedCell } from '../support/emulator';

const READ = 'SpreadsheetApp.Range.getValues';
const WRITE = 'SpreadsheetApp.Range.setValues';

function writesOf(calls: Record<string, number>): number {
  return Object.entries(calls)
    .filter(([method]) => /\.(set\w*|append\w*|insert\w*|delete\w*|clear\w*)$/.test(method))
    .reduce((sum, [, n]) => sum + n, 0);
}

function pupilForm(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...COMPLETE_PUPIL, ...overrides };
}

function save(emu: Emulator, form: Record<string, string>): SaveResult {
  return emu.scriptRun<SaveResult>('savePupil', [form]).value;
}

function add(emu: Emulator, overrides: Record<string, string> = {}): string {
  const result = save(emu, pupilForm(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.id;
}

function isoOf(value: unknown): string {
  const date = value as Date;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A CSV as SIMS exports it, with `count` pupils. */
function simsCsv(count: number): string {
  const lines = [
    'UPN,Legal Surname,Legal Forename,DOB,NC Year,SEN Provision,SEN Need 1,SEN Need 2',
  ];
  for (let i = 0; i < count; i += 1) {
    const upn = `B${String(100000000000 + i)}`;
    const day = (i % 28) + 1;
    const year = 6 + (i % 6);
    lines.push(`${upn},Surname${i},Pupil${i},${day}/3/${2021 - year},${year},K,SEMH,`);
  }
  return lines.join('\r\n') + '\r\n';
}

function request(csv: string): { rows: string[][]; mapping: ColumnMapping } {
  const [header = [], ...rows] = parseCsv(csv).rows;
  return { rows, mapping: guessMapping(header) };
}

describe('adding a pupil', () => {
  it('writes one row with every field under its header, the date of birth as a date', () => {
    const emu = setUpEmulator();
    const result = save(emu, pupilForm({ upn: 'a123456789012' }));
    expect(result).toMatchObject({ ok: true });
    const [row] = emu.records('Pupils');
    expect(row).toMatchObject({
      'First name': 'Amelia',
      'Last name': 'Jones',
      'Year group': 'Year 5',
      'Working at year group': 'Year 3',
      'SEN status': 'SEN support',
      'Primary need': 'SPLD',
      'Secondary need': 'SLCN',
      'Class teacher': 'Ms Amara Okafor',
      UPN: 'A123456789012',
    });
    expect(row?.['Pupil ID']).toMatch(/^PUP-[0-9A-F]{12}$/);
    expect(result.ok && result.id).toBe(row?.['Pupil ID']);
    expect(result.ok && result.message).toBe(
      `Added Amelia Jones (${String(row?.['Pupil ID'])}) to the Pupils tab.`,
    );
    expect(row?.['Date of birth']).toBeInstanceOf(Date);
    expect(isoOf(row?.['Date of birth'])).toBe('2016-03-14');
  });

  it('costs one read of Pupils and of the audit header, one write of each', () => {
    const emu = setUpEmulator();
    add(emu);
    const calls = emu.calls();
    expect(calls[READ]).toBe(2);
    expect(calls[WRITE]).toBe(2);
    expect(writesOf(calls)).toBe(2 + 1); // + the audit log's chain head
    const audit = emu.records('Audit log');
    expect(audit.find((r) => r.Field === 'Date of birth')).toMatchObject({
      'Record type': 'Pupils',
      'Old value': '',
      'New value': '2016-03-14',
    });
  });

  it('refuses bad input with a message per field and writes nothing', () => {
    const emu = setUpEmulator();
    const before = emu.values('Pupils');
    const result = save(
      emu,
      pupilForm({
        firstName: ' ',
        dateOfBirth: '2025-06-01',
        yearGroup: 'Year 14',
        secondaryNeed: 'SPLD',
        upn: '12345',
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual({
        firstName: 'First name: this is required',
        dateOfBirth:
          'Date of birth: a pupil is 3 to 20 years old, so was born between 24 November 2005 ' +
          'and 23 November 2023: check the year',
        yearGroup: 'Year group: choose Reception or Year 1 to Year 13',
        secondaryNeed:
          'Secondary need: choose a different need from the primary need, or leave it blank',
        upn:
          'UPN: a unique pupil number is 13 characters, a capital letter then 12 letters or ' +
          'digits, like A123456789012',
      });
      expect(result.message).toMatch(/Nothing was saved/);
    }
    expect(emu.values('Pupils')).toEqual(before);
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('refuses a pupil with the UPN of a pupil already there, naming them', () => {
    const emu = setUpEmulator();
    const id = add(emu);
    emu.resetCalls();
    const result = save(
      emu,
      pupilForm({ firstName: 'Someone', lastName: 'Else', dateOfBirth: '2015-01-01' }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.upn).toBe(
      `This pupil is already on the Pupils tab: Amelia Jones (${id}) has the same UPN. ` +
        'To change their details, choose them from "Pupil" at the top of this form.',
    );
    expect(emu.records('Pupils')).toHaveLength(1);
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('refuses the same names and date of birth whatever the case, even without a UPN', () => {
    const emu = setUpEmulator();
    emu.appendRecords('Pupils', [
      {
        'Pupil ID': 'PUP-TYPED001',
        'First name': 'Amelia',
        'Last name': 'Jones',
        'Date of birth': new Date(2016, 2, 14),
        'Year group': 'Year 5',
      },
    ]);
    const result = save(emu, pupilForm({ firstName: 'AMELIA', lastName: ' jones ', upn: '' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.form).toMatch(
      /^This pupil is already on the Pupils tab: Amelia Jones \(PUP-TYPED001\) has the same first name, last name and date of birth\./,
    );
    expect(emu.records('Pupils')).toHaveLength(1);
  });

  it('stores typed text as text, never as a formula', () => {
    const emu = setUpEmulator();
    add(emu, { firstName: '=HYPERLINK("https://evil.example")', classTeacher: '+Mr Smith' });
    expect(storedCell(emu, 'Pupils', 1, 'First name')?.f).toBeUndefined();
    expect(storedCell(emu, 'Pupils', 1, 'First name')?.v).toBe(
      '=HYPERLINK("https://evil.example")',
    );
    expect(storedCell(emu, 'Pupils', 1, 'Class teacher')?.v).toBe('+Mr Smith');
  });
});

describe('the pupil form options and loading a pupil', () => {
  it('lists staff, and pupils sorted by last name as "Name (Year group)"', () => {
    const emu = setUpEmulator();
    const zara = add(emu, { firstName: 'Zara', lastName: 'Adams', upn: '' });
    const amelia = add(emu);
    const ben = add(emu, { firstName: 'Ben', lastName: 'Cole', yearGroup: 'Reception', upn: '' });
    emu.appendRecords('Pupils', [{ 'First name': 'Typed', 'Last name': 'Byhand' }]);
    emu.resetCalls();
    const { value } = emu.scriptRun<PupilFormOptions>('getPupilFormOptions');
    expect(value).toEqual({
      workbookReady: true,
      staff: ['Mr Tom Reed', 'Ms Amara Okafor'],
      pupils: [
        { id: zara, label: 'Zara Adams (Year 5)', lastName: 'Adams' },
        { id: ben, label: 'Ben Cole (Reception)', lastName: 'Cole' },
        { id: amelia, label: 'Amelia Jones (Year 5)', lastName: 'Jones' },
      ],
      withoutId: 1,
      today: '2026-11-23',
    });
    expect(emu.calls()[READ]).toBe(2);
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('says when the workbook is not set up', () => {
    const emu = newEmulator();
    emu.install();
    const { value } = emu.scriptRun<PupilFormOptions>('getPupilFormOptions');
    expect(value).toMatchObject({ workbookReady: false, pupils: [], staff: [] });
  });

  it("gives a pupil's stored values as the form shows them, or null for an unknown ID", () => {
    const emu = setUpEmulator();
    const id = add(emu);
    const { value } = emu.scriptRun<StoredPupil | null>('getPupil', [id]);
    expect(value).toEqual({ id, ...pupilForm() });
    expect(emu.scriptRun('getPupil', ['PUP-NOTHERE']).value).toBeNull();
  });
});

describe('editing a pupil', () => {
  it('writes only the changed cells, in one write, and audits each old → new', () => {
    const emu = setUpEmulator();
    add(emu, { firstName: 'Ben', lastName: 'Cole', upn: '' });
    const id = add(emu);
    add(emu, { firstName: 'Cara', lastName: 'Diaz', upn: '' });
    const before = emu.records('Pupils');
    const auditBefore = emu.records('Audit log').length;
    emu.resetCalls();
    const result = save(emu, {
      ...pupilForm({ yearGroup: 'Year 6', upn: 'A123456789099', dateOfBirth: '2016-03-15' }),
      id,
    });
    expect(result).toEqual({
      ok: true,
      id,
      message: `Saved the changes to Amelia Jones (${id}): date of birth, year group and UPN.`,
    });
    const calls = emu.calls();
    expect(calls[READ]).toBe(2); // Pupils, and the Audit log's header row
    expect(calls[WRITE]).toBe(2); // the pupil's row, and the audit rows
    expect(writesOf(calls)).toBe(2 + 1); // + the audit log's chain head

    const after = emu.records('Pupils');
    expect(after[0]).toEqual(before[0]);
    expect(after[2]).toEqual(before[2]);
    const changedHeaders = Object.keys(before[1]!).filter(
      (h) => String(before[1]![h]) !== String(after[1]![h]),
    );
    expect(changedHeaders.sort()).toEqual(['Date of birth', 'UPN', 'Year group']);
    expect(after[1]).toMatchObject({ 'Year group': 'Year 6', UPN: 'A123456789099' });

    const audit = emu.records('Audit log').slice(auditBefore);
    expect(audit.map((r) => [r['Record ID'], r.Field, r['Old value'], r['New value']])).toEqual([
      [id, 'Date of birth', '2016-03-14', '2016-03-15'],
      [id, 'Year group', 'Year 5', 'Year 6'],
      [id, 'UPN', 'A123456789012', 'A123456789099'],
    ]);
  });

  it('writes nothing when nothing changed', () => {
    const emu = setUpEmulator();
    const id = add(emu);
    emu.resetCalls();
    const result = save(emu, { ...pupilForm(), id });
    expect(result.ok && result.message).toBe(
      'Nothing had changed for Amelia Jones, so nothing was saved.',
    );
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('refuses a change that makes the pupil a copy of another one', () => {
    const emu = setUpEmulator();
    const ben = add(emu, { firstName: 'Ben', lastName: 'Cole', upn: 'B123456789012' });
    const amelia = add(emu);
    const result = save(emu, { ...pupilForm({ upn: 'B123456789012' }), id: amelia });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.upn).toBe(
      `Another pupil on the Pupils tab, Ben Cole (${ben}), has the same UPN. ` +
        'Check the details: one child should have one record.',
    );
    expect(emu.records('Pupils')[1]?.UPN).toBe('A123456789012');
  });

  it('refuses an ID that is no longer there, and bad input, writing nothing', () => {
    const emu = setUpEmulator();
    const id = add(emu);
    emu.resetCalls();
    const gone = save(emu, { ...pupilForm(), id: 'PUP-GONE0000' });
    expect(!gone.ok && gone.errors.form).toMatch(/no longer on the Pupils tab/);
    const bad = save(emu, { ...pupilForm({ lastName: '' }), id });
    expect(!bad.ok && bad.errors).toEqual({ lastName: 'Last name: this is required' });
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('still changes the right cells after users sort the tab and move its columns', () => {
    const emu = setUpEmulator();
    const zara = add(emu, { firstName: 'Zara', lastName: 'Young', upn: '' });
    const amelia = add(emu);
    const ben = add(emu, { firstName: 'Ben', lastName: 'Cole', upn: '' });
    moveColumnAsUser(emu.state, 'Pupils', 5, 2); // "Year group" moved left
    moveColumnAsUser(emu.state, 'Pupils', 1, 8); // the ID column moved right
    const lastName = emu.values('Pupils')[0]!.indexOf('Last name') + 1;
    sortSheetRowsAsUser(emu.state, 'Pupils', lastName, true);
    const before = emu.records('Pupils');
    expect(before.map((r) => r['Last name'])).toEqual(['Cole', 'Jones', 'Young']);

    save(emu, { ...pupilForm({ firstName: 'Amy', yearGroup: 'Year 4' }), id: amelia });
    const after = emu.records('Pupils');
    expect(
      after.map((r) => [r['Pupil ID'], r['First name'], r['Last name'], r['Year group']]),
    ).toEqual([
      [ben, 'Ben', 'Cole', 'Year 5'],
      [amelia, 'Amy', 'Jones', 'Year 4'],
      [zara, 'Zara', 'Young', 'Year 5'],
    ]);
    expect(after[0]).toEqual(before[0]);
    expect(after[2]).toEqual(before[2]);
    const loaded = emu.scriptRun<StoredPupil>('getPupil', [amelia]).value;
    expect(loaded).toMatchObject({ firstName: 'Amy', yearGroup: 'Year 4', upn: 'A123456789012' });
  });
});

describe('importing pupils from a CSV', () => {
  it('imports 200 pupils with one read and one write of Pupils and one audit write', () => {
    const emu = setUpEmulator();
    const body = request(simsCsv(200));
    const preview = emu.scriptRun<PupilImportPreview>('previewPupilImport', [body]).value;
    expect(preview.ok && preview.counts).toEqual({
      rows: 200,
      valid: 200,
      invalid: 0,
      duplicates: 0,
      blank: 0,
    });
    expect(preview.ok && preview.valid[0]).toEqual({
      line: 2,
      summary: 'Pupil0 Surname0, Year 6, born 1 March 2015, SEN support (SEMH)',
    });
    expect(writesOf(emu.calls())).toBe(0); // a preview writes nothing

    emu.resetCalls();
    const result = emu.scriptRun<PupilImportResult>('importPupils', [body]).value;
    expect(result).toEqual({
      ok: true,
      imported: 200,
      skippedInvalid: 0,
      skippedDuplicates: 0,
      message: 'Added 200 pupils to the Pupils tab.',
    });
    const calls = emu.calls();
    expect(calls[READ]).toBe(2); // Pupils, and the Audit log's header row
    expect(calls[WRITE]).toBe(2); // every new pupil, and every audit row
    // Besides those two, only growing a tab for the new rows (at most once per tab written).
    const grow = calls['SpreadsheetApp.Sheet.insertRowsAfter'] ?? 0;
    expect(grow).toBeLessThanOrEqual(2);
    expect(writesOf(calls)).toBe(2 + grow + 1); // + the audit log's chain head
    expect(calls['LockService.Lock.waitLock']).toBe(1);

    const rows = emu.records('Pupils');
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r['Pupil ID'])).size).toBe(200);
    expect(rows.every((r) => /^PUP-[0-9A-F]{12}$/.test(String(r['Pupil ID'])))).toBe(true);
    expect(rows[0]).toMatchObject({
      'First name': 'Pupil0',
      'Last name': 'Surname0',
      'Year group': 'Year 6',
      'SEN status': 'SEN support',
      'Primary need': 'SEMH',
      'Secondary need': '',
      UPN: 'B100000000000',
    });
    expect(isoOf(rows[0]?.['Date of birth'])).toBe('2015-03-01');
    expect(storedCell(emu, 'Pupils', 1, 'UPN')?.v).toBe('B100000000000');
  });

  it('creates nothing when the same file is imported twice', () => {
    const emu = setUpEmulator();
    const body = request(simsCsv(20));
    emu.scriptRun('importPupils', [body]);
    const before = emu.values('Pupils');
    emu.resetCalls();
    const preview = emu.scriptRun<PupilImportPreview>('previewPupilImport', [body]).value;
    expect(preview.ok && preview.counts.duplicates).toBe(20);
    expect(preview.ok && preview.duplicates[0]?.matches).toMatch(
      /^Pupil0 Surname0 \(PUP-[0-9A-F]{12}\)$/,
    );
    const result = emu.scriptRun<PupilImportResult>('importPupils', [body]).value;
    expect(result).toEqual({
      ok: true,
      imported: 0,
      skippedInvalid: 0,
      skippedDuplicates: 20,
      message:
        'No pupils were added: there was nobody new to add. Skipped 20 pupils already on the ' +
        'tab or earlier in the file.',
    });
    expect(emu.values('Pupils')).toEqual(before);
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('skips invalid rows and repeats within the file, with reasons, and adds the rest', () => {
    const emu = setUpEmulator();
    add(emu, { firstName: 'Already', lastName: 'Here', upn: 'C123456789012' });
    const csv = [
      'Forename;Surname;Date of birth;Year;SEN status;Primary need;UPN',
      'Amy;Brown;14/03/2016;Y5;E;ASD;',
      'Ben;Cole;31/02/2016;N1;K;XYZ;',
      'amy;BROWN;2016-03-14;5;;;',
      'Al;Ready;1/1/2015;Year 6;;;c123456789012',
      ';;;;;;',
      '"Dee, Jr";"O\'Neil";"1/9/2019";R;;;',
    ].join('\n');
    const body = request(csv);
    const preview = emu.scriptRun<PupilImportPreview>('previewPupilImport', [body]).value;
    expect(preview).toMatchObject({
      ok: true,
      counts: { rows: 6, valid: 2, invalid: 1, duplicates: 2, blank: 1 },
      invalid: [
        {
          line: 3,
          reasons: [
            'Date of birth: 31/02/2016 is not a date: February 2016 has 29 days',
            'Year group: "N1" is not a school year group: use Reception (or R) or Year 1 to Year 13 (or 1 to 13)',
            'Primary need: "XYZ" is not a type of need: use a census code such as SEMH, SLCN, ASD or SPLD',
          ],
        },
      ],
      duplicates: [
        { line: 4, name: 'amy BROWN', matches: 'line 2 of this file' },
        { line: 5, name: 'Al Ready', matches: expect.stringMatching(/^Already Here \(PUP-/) },
      ],
    });
    const result = emu.scriptRun<PupilImportResult>('importPupils', [body]).value;
    expect(result).toMatchObject({
      ok: true,
      imported: 2,
      skippedInvalid: 1,
      skippedDuplicates: 2,
    });
    expect(result.message).toBe(
      'Added 2 pupils to the Pupils tab. Skipped 1 row with problems and 2 pupils already on ' +
        'the tab or earlier in the file.',
    );
    const names = emu
      .records('Pupils')
      .map((r) => [r['First name'], r['Last name'], r['SEN status'], r['Year group']]);
    expect(names).toEqual([
      ['Already', 'Here', 'SEN support', 'Year 5'],
      ['Amy', 'Brown', 'EHC plan', 'Year 5'],
      ['Dee, Jr', "O'Neil", '', 'Reception'],
    ]);
  });

  it('refuses more than 2,000 rows, and a mapping without the required fields, writing nothing', () => {
    const emu = setUpEmulator();
    const big = request(simsCsv(2001));
    const tooBig = emu.scriptRun<PupilImportResult>('importPupils', [big]).value;
    expect(tooBig.ok).toBe(false);
    expect(tooBig.message).toMatch(
      /^The file has 2,001 rows: import at most 2,000 pupils at a time/,
    );
    const body = request(simsCsv(3));
    const unmapped = emu.scriptRun<PupilImportPreview>('previewPupilImport', [
      { ...body, mapping: { ...body.mapping, dateOfBirth: -1, lastName: body.mapping.firstName } },
    ]).value;
    expect(unmapped.ok).toBe(false);
    expect(!unmapped.ok && unmapped.errors).toEqual({
      dateOfBirth: 'Date of birth: choose the column that holds it (every pupil needs one)',
      lastName: 'Last name: column 3 is already used for First name: choose a different column',
    });
    expect(emu.records('Pupils')).toHaveLength(0);
    expect(writesOf(emu.calls())).toBe(0);
  });
});
