import {
  PUPIL_COLUMNS,
  PUPIL_FIELDS,
  pupilSummary,
  validatePupil,
  type PupilForm,
} from '../../src/domain/pupil';
import { guessMapping, mappingProblems, type ColumnMapping } from '../../src/domain/pupil-columns';
import { DuplicateIndex, type KnownPupil } from '../../src/domain/pupil-duplicates';
import { reviewImport } from '../../src/domain/pupil-import';
import { TABS } from '../../src/domain/workbook';
import { COMPLETE_PUPIL } from '../support/pupil-form';

const TODAY = '2026-11-23';

const complete: PupilForm = COMPLETE_PUPIL;

describe('matching CSV columns to pupil fields', () => {
  const none = Object.fromEntries(PUPIL_FIELDS.map((f) => [f, -1])) as ColumnMapping;

  it('recognises a SIMS export', () => {
    const headers = [
      'UPN',
      'Legal Surname',
      'Legal Forename',
      'DOB',
      'NC Year',
      'SEN Provision',
      'SEN Need 1',
      'SEN Need 2',
      'Class',
    ];
    expect(guessMapping(headers)).toEqual({
      ...none,
      upn: 0,
      lastName: 1,
      firstName: 2,
      dateOfBirth: 3,
      yearGroup: 4,
      senStatus: 5,
      primaryNeed: 6,
      secondaryNeed: 7,
    });
  });

  it('ignores case, spaces, punctuation and "(s)", and prefers legal names', () => {
    expect(
      guessMapping([
        'Preferred forename',
        'legal_forename(s)',
        'SURNAME',
        'Date Of Birth',
        'Year Group',
        'Class teacher',
        'Primary Need',
      ]),
    ).toEqual({
      ...none,
      firstName: 1,
      lastName: 2,
      dateOfBirth: 3,
      yearGroup: 4,
      classTeacher: 5,
      primaryNeed: 6,
    });
  });

  it("recognises the add-on's own Pupils tab headers", () => {
    const headers = TABS.pupils.columns.map((c) => c.header as string);
    const mapping = guessMapping(headers);
    for (const field of PUPIL_FIELDS) {
      expect(headers[mapping[field]]).toBe(PUPIL_COLUMNS[field]);
    }
  });

  it('never uses one column twice, and does not let "Year" take "Year group worked in"', () => {
    expect(guessMapping(['Year group worked in', 'Year', 'First name', 'Forename'])).toEqual({
      ...none,
      workingAtYearGroup: 0,
      yearGroup: 1,
      firstName: 2,
    });
    expect(guessMapping(['Pupil', 'Notes'])).toEqual(none);
  });

  it('says which required fields have no column and which columns are used twice', () => {
    const mapping = { ...none, firstName: 0, lastName: 0, dateOfBirth: 5, upn: 1 };
    expect(mappingProblems(mapping, 3, ['Name', 'UPN', 'Year'])).toEqual({
      lastName: 'Last name: "Name" is already used for First name: choose a different column',
      dateOfBirth: "Date of birth: choose one of the file's columns",
      yearGroup: 'Year group: choose the column that holds it (every pupil needs one)',
    });
    expect(mappingProblems({ ...mapping, lastName: 1.5 }, 3).lastName).toBe(
      "Last name: choose one of the file's columns",
    );
  });
});

describe('finding duplicates', () => {
  const known: KnownPupil[] = [
    {
      id: 'PUP-AAAA0001',
      firstName: 'Amelia',
      lastName: 'Jones',
      dateOfBirth: '2016-03-14',
      upn: 'A123456789012',
    },
    { id: '', row: 7, firstName: 'Ben', lastName: 'Cole', dateOfBirth: '2017-01-02', upn: '' },
  ];
  const mapping: ColumnMapping = {
    firstName: 0,
    lastName: 1,
    dateOfBirth: 2,
    yearGroup: 3,
    upn: 4,
    workingAtYearGroup: -1,
    senStatus: -1,
    primaryNeed: -1,
    secondaryNeed: -1,
    classTeacher: -1,
  };

  it('matches the same UPN, or the same names and date of birth ignoring case and spaces', () => {
    const index = new DuplicateIndex<string>();
    index.add(known[0]!, 'amelia');
    const base = { firstName: 'X', lastName: 'Y', dateOfBirth: '2015-01-01', upn: '' };
    expect(index.find({ ...base, upn: 'a123456789012' })).toEqual({ match: 'amelia', by: 'upn' });
    expect(
      index.find({ firstName: ' AMELIA', lastName: 'jones ', dateOfBirth: '2016-03-14', upn: '' }),
    ).toEqual({ match: 'amelia', by: 'name' });
    expect(index.find({ ...base, firstName: 'Amelia', lastName: 'Jones' })).toBeUndefined();
    expect(index.find(base)).toBeUndefined();
  });

  it('reviews an import: valid rows, reasons for invalid ones, repeats in the file and on the tab', () => {
    const rows = [
      ['Cara', 'Diaz', '01/09/2018', '3', ''], // line 2: new
      ['amelia', 'JONES', '14/03/2016', 'Year 5', ''], // line 3: on the tab (names and date)
      ['Someone', 'Else', '2016-01-01', '5', 'A123456789012'], // line 4: on the tab (UPN)
      ['', '', '', '', ''], // line 5: blank
      ['Ben', 'Cole', '2/1/2017', 'Y4', ''], // line 6: typed on the tab without an ID
      ['Cara', 'Diaz', '1/9/2018', 'Y3', ''], // line 7: repeats line 2
      ['Dan', '', '1/9/2040', 'N1', ''], // line 8: invalid
      ['Eve', 'Ford', '1/9/2016', '5', 'E123456789012'], // line 9: new
      ['Eva', 'Ford', '1/9/2016', '5', 'e123456789012'], // line 10: repeats line 9's UPN
    ];
    const review = reviewImport(rows, mapping, known, TODAY);
    expect(review.valid.map((v) => v.line)).toEqual([2, 9]);
    expect(pupilSummary(review.valid[0]!.pupil)).toBe('Cara Diaz, Year 3, born 1 September 2018');
    expect(review.duplicates).toEqual([
      { line: 3, name: 'amelia JONES', matches: 'Amelia Jones (PUP-AAAA0001)' },
      { line: 4, name: 'Someone Else', matches: 'Amelia Jones (PUP-AAAA0001)' },
      { line: 6, name: 'Ben Cole', matches: 'Ben Cole (row 7 of the Pupils tab)' },
      { line: 7, name: 'Cara Diaz', matches: 'line 2 of this file' },
      { line: 10, name: 'Eva Ford', matches: 'line 9 of this file' },
    ]);
    expect(review.invalid).toEqual([
      {
        line: 8,
        reasons: [
          'Last name: this is required',
          'Date of birth: this date is not in the past: check the year',
          'Year group: "N1" is not a school year group: use Reception (or R) or Year 1 to Year 13 (or 1 to 13)',
        ],
      },
    ]);
    expect(review.blank).toBe(1);
  });

  it('lets a later row through when the earlier copy was invalid', () => {
    const rows = [
      ['Gus', 'Hill', '1/9/2016', 'N1', ''],
      ['Gus', 'Hill', '1/9/2016', '5', ''],
    ];
    const review = reviewImport(rows, mapping, [], TODAY);
    expect(review.invalid.map((r) => r.line)).toEqual([2]);
    expect(review.valid.map((r) => r.line)).toEqual([3]);
  });

  it('summarises a pupil with SEN status and need in plain words', () => {
    const result = validatePupil(complete, TODAY);
    expect(result.ok && pupilSummary(result.value)).toBe(
      'Amelia Jones, Year 5, born 14 March 2016, SEN support (SPLD)',
    );
  });
});
