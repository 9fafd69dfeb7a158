import {
  NEED_OPTIONS,
  needLabel,
  PUPIL_COLUMNS,
  PUPIL_FIELDS,
  validatePupil,
  type PupilForm,
} from '../../src/domain/pupil';
import type { ColumnMapping } from '../../src/domain/pupil-columns';
import { onlyMappedColumns } from '../../src/domain/pupil-columns';
import { TABS } from '../../src/domain/workbook';
import { COMPLETE_PUPIL } from '../support/pupil-form';
import { columnName, importLabel, readCsvText } from '../../sidebar/views/import';
import { pupilChoiceLabel, pupilGroups } from '../../sidebar/views/pupil';

const TODAY = '2026-11-23';

const complete: PupilForm = COMPLETE_PUPIL;

function errorsOf(overrides: Partial<PupilForm>): Record<string, string> {
  const result = validatePupil({ ...complete, ...overrides }, TODAY);
  return result.ok ? {} : result.errors;
}

describe('the pupil schema', () => {
  it('accepts a complete form', () => {
    expect(validatePupil(complete, TODAY)).toEqual({ ok: true, value: complete });
  });

  it('needs only the names, date of birth and year group', () => {
    const minimal = {
      firstName: 'Ben',
      lastName: 'Cole',
      dateOfBirth: '2019-09-01',
      yearGroup: 'Reception',
    };
    expect(validatePupil(minimal, TODAY)).toEqual({
      ok: true,
      value: {
        ...minimal,
        workingAtYearGroup: '',
        senStatus: '',
        primaryNeed: '',
        secondaryNeed: '',
        classTeacher: '',
        upn: '',
      },
    });
    expect(validatePupil({}, TODAY)).toEqual({
      ok: false,
      errors: {
        firstName: 'First name: this is required',
        lastName: 'Last name: this is required',
        dateOfBirth: 'Date of birth: this is required',
        yearGroup: 'Year group: this is required',
      },
    });
  });

  it('trims text, upper-cases the UPN and drops a "worked in" year equal to the year group', () => {
    const result = validatePupil(
      { ...complete, firstName: '  Amelia ', upn: ' a123456789012 ', workingAtYearGroup: 'Year 5' },
      TODAY,
    );
    expect(result.ok && result.value).toMatchObject({
      firstName: 'Amelia',
      upn: 'A123456789012',
      workingAtYearGroup: '',
    });
  });

  it('checks the UPN is 13 characters with a letter first, naming the field', () => {
    const message =
      'UPN: a unique pupil number is 13 characters, a capital letter then 12 letters or digits, ' +
      'like A123456789012';
    for (const upn of ['A12345678901', 'A1234567890123', '1234567890123', 'A12345678901-']) {
      expect(errorsOf({ upn })).toEqual({ upn: message });
    }
    expect(errorsOf({ upn: 'A12345678901B' })).toEqual({}); // a temporary UPN ends in a letter
  });

  it('wants a real date of birth, in the past, for a pupil aged 3 to 20', () => {
    const range =
      'Date of birth: a pupil is 3 to 20 years old, so was born between 24 November 2005 and ' +
      '23 November 2023: check the year';
    expect(errorsOf({ dateOfBirth: '2016-02-30' })).toEqual({
      dateOfBirth: 'Date of birth: 30 February 2016 is not a date: February 2016 has 29 days',
    });
    expect(errorsOf({ dateOfBirth: 'March 2016' })).toEqual({
      dateOfBirth: 'Date of birth: enter a date, like 14/03/2016',
    });
    // Typed as staff write it, it is read as the date input would give it.
    const typed = validatePupil({ ...complete, dateOfBirth: '14/03/2016' }, TODAY);
    expect(typed.ok && typed.value.dateOfBirth).toBe('2016-03-14');
    expect(errorsOf({ dateOfBirth: '2027-01-01' })).toEqual({
      dateOfBirth: 'Date of birth: this date is not in the past: check the year',
    });
    expect(errorsOf({ dateOfBirth: '2023-11-24' })).toEqual({ dateOfBirth: range });
    expect(errorsOf({ dateOfBirth: '2023-11-23' })).toEqual({}); // 3 today
    expect(errorsOf({ dateOfBirth: '2005-11-24' })).toEqual({}); // 20, 21 tomorrow
    expect(errorsOf({ dateOfBirth: '2005-11-23' })).toEqual({ dateOfBirth: range });
  });

  it('offers the list choices in the messages', () => {
    expect(errorsOf({ yearGroup: 'Y5', workingAtYearGroup: 'Nursery', senStatus: 'K' })).toEqual({
      yearGroup: 'Year group: choose Reception or Year 1 to Year 13',
      workingAtYearGroup:
        'Year group worked in: choose Reception or Year 1 to Year 13, or leave it blank',
      senStatus: 'SEN status: choose SEN support or EHC plan, or leave it blank',
    });
    expect(errorsOf({ primaryNeed: 'Dyslexia' })).toEqual({
      primaryNeed: 'Primary need: choose an area of need from the list',
    });
  });

  it('wants a secondary need that differs from the primary, and a primary need first', () => {
    expect(errorsOf({ secondaryNeed: 'SPLD' })).toEqual({
      secondaryNeed:
        'Secondary need: choose a different need from the primary need, or leave it blank',
    });
    expect(errorsOf({ primaryNeed: '' })).toEqual({
      secondaryNeed: 'Secondary need: choose the primary need first',
    });
    // Shown together with other problems, not only once they are fixed.
    expect(errorsOf({ firstName: '', secondaryNeed: 'SPLD' })).toEqual({
      firstName: 'First name: this is required',
      secondaryNeed:
        'Secondary need: choose a different need from the primary need, or leave it blank',
    });
  });

  it('keeps text short enough and names the field', () => {
    expect(errorsOf({ lastName: 'x'.repeat(61), classTeacher: 'y'.repeat(81) })).toEqual({
      lastName: 'Last name: keep it under 60 characters',
      classTeacher: 'Class teacher: keep it under 80 characters',
    });
  });

  it('maps every field to a Pupils column, and shows needs with their words', () => {
    const headers = TABS.pupils.columns.map((c) => c.header as string);
    for (const field of PUPIL_FIELDS) expect(headers).toContain(PUPIL_COLUMNS[field]);
    expect(needLabel('SEMH')).toBe('SEMH — Social, emotional and mental health');
    expect(NEED_OPTIONS[0]).toEqual({
      value: 'SPLD',
      label: 'SPLD — Specific learning difficulty',
    });
  });
});

describe('the sidebar views', () => {
  it('show every pupil field once, with a list of staff or free text for the class teacher', () => {
    const keys = (staff: string[]) => pupilGroups(staff).flatMap((g) => g.fields.map((f) => f.key));
    expect([...keys(['Ms Okafor'])].sort()).toEqual([...PUPIL_FIELDS].sort());
    const teacher = (staff: string[]) =>
      pupilGroups(staff)
        .flatMap((g) => g.fields)
        .find((f) => f.key === 'classTeacher');
    expect(teacher(['Ms Okafor'])).toMatchObject({ kind: 'select', options: ['Ms Okafor'] });
    expect(teacher([])).toMatchObject({ kind: 'text' });
    expect(pupilChoiceLabel({ firstName: 'Amelia', lastName: 'Jones', yearGroup: 'Year 3' })).toBe(
      'Amelia Jones (Year 3)',
    );
  });

  it('read pasted or chosen CSV text, or say why it cannot be used', () => {
    expect(readCsvText('Forename,Surname\nAmy,Brown\n', 'pupils.csv')).toEqual({
      ok: true,
      loaded: { source: 'pupils.csv', headers: ['Forename', 'Surname'], rows: [['Amy', 'Brown']] },
      notes: [],
    });
    expect(readCsvText('\n\n', 'the pasted text')).toEqual({
      ok: false,
      message: 'The pasted text is empty: there is nothing to import.',
    });
    expect(readCsvText('Forename,Surname\n,\n', 'pupils.csv')).toEqual({
      ok: false,
      message: 'pupils.csv has a header row but no pupils under it.',
    });
    const big = ['Forename', ...Array.from({ length: 2001 }, (_, i) => `P${i}`)].join('\n');
    const tooBig = readCsvText(big, 'the pasted text');
    expect(!tooBig.ok && tooBig.message).toMatch(
      /^The pasted text has 2,001 rows of pupils: import at most 2,000 at a time\./,
    );
    const unclosed = readCsvText('a,b\n"x,y\n', 'f.csv');
    expect(unclosed.ok && unclosed.notes[0]).toMatch(/never closed/);
    // A row longer than the header gets a column of its own.
    const wide = readCsvText('a,b\n1,2,3\n', 'f.csv');
    expect(wide.ok && wide.loaded.headers).toEqual(['a', 'b', '']);
    expect(columnName(['a', 'b', ''], 2)).toBe('Column 3');
  });

  it('name the import button with the number of pupils', () => {
    expect(importLabel(1)).toBe('Import 1 pupil');
    expect(importLabel(1200)).toBe('Import 1,200 pupils');
  });

  it('send only the mapped columns to the server', () => {
    const mapping = {
      ...(Object.fromEntries(PUPIL_FIELDS.map((f) => [f, -1])) as ColumnMapping),
      firstName: 3,
      lastName: 1,
      dateOfBirth: 4,
      yearGroup: 0,
    };
    const rows = [
      ['5', 'Brown', '12 High Street', 'Amy', '1/9/2016', 'Allergic to nuts'],
      ['6', 'Cole'],
    ];
    expect(onlyMappedColumns(rows, mapping)).toEqual({
      rows: [
        ['Amy', 'Brown', '1/9/2016', '5'],
        ['', 'Cole', '', '6'],
      ],
      mapping: { ...mapping, firstName: 0, lastName: 1, dateOfBirth: 2, yearGroup: 3 },
    });
  });
});
