import {
  DuplicateIndex,
  formFromRow,
  guessMapping,
  mappingProblems,
  needLabel,
  NEED_OPTIONS,
  normaliseNeed,
  normaliseSenStatus,
  normaliseYearGroup,
  onlyMappedColumns,
  parseCsv,
  parseDateText,
  PUPIL_COLUMNS,
  PUPIL_FIELDS,
  pupilSummary,
  reviewImport,
  validatePupil,
  type ColumnMapping,
  type KnownPupil,
  type PupilForm,
} from '../../src/domain/pupil';
import { TABS } from '../../src/domain/workbook';
import { columnName, importLabel, readCsvText } from '../../sidebar/views/import';
import { pupilChoiceLabel, pupilGroups } from '../../sidebar/views/pupil';

const TODAY = '2026-11-23';

const complete: PupilForm = {
  firstName: 'Amelia',
  lastName: 'Jones',
  dateOfBirth: '2016-03-14',
  yearGroup: 'Year 5',
  workingAtYearGroup: 'Year 3',
  senStatus: 'SEN support',
  primaryNeed: 'SPLD',
  secondaryNeed: 'SLCN',
  classTeacher: 'Ms Amara Okafor',
  upn: 'A123456789012',
};

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
      dateOfBirth: 'Date of birth: enter a real date, like 2016-03-14',
    });
    expect(errorsOf({ dateOfBirth: '14/03/2016' })).toEqual({
      dateOfBirth: 'Date of birth: enter a real date, like 2016-03-14',
    });
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

describe('reading CSV text', () => {
  it('reads quoted values with commas, doubled quotes and new lines', () => {
    const csv = 'Name,Note\n"Smith, Jo","She said ""hi""\nthen left"\nPlain,value\n';
    expect(parseCsv(csv)).toEqual({
      rows: [
        ['Name', 'Note'],
        ['Smith, Jo', 'She said "hi"\nthen left'],
        ['Plain', 'value'],
      ],
      delimiter: ',',
      unclosedQuote: false,
    });
  });

  it('handles CRLF and CR line ends, a byte-order mark and no final new line', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,2\r\n"x\r\ny",3').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['x\r\ny', '3'],
    ]);
    expect(parseCsv('a,b\r1,2\r').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('detects semicolon- and tab-separated files', () => {
    const semi = parseCsv('Forename;Surname;Note\nAmy;Brown;"1,5; or 2"\n');
    expect(semi.delimiter).toBe(';');
    expect(semi.rows[1]).toEqual(['Amy', 'Brown', '1,5; or 2']);
    const tabbed = parseCsv('Forename\tSurname\nAmy\tBrown, Jr\n');
    expect(tabbed.delimiter).toBe('\t');
    expect(tabbed.rows[1]).toEqual(['Amy', 'Brown, Jr']);
    // Commas inside a quoted header do not count.
    expect(parseCsv('"a,b,c";d;e\n').delimiter).toBe(';');
  });

  it('keeps empty values, drops trailing blank lines and keeps blank lines in the middle', () => {
    expect(parseCsv('a,b,\n,,\n\n1,,3\n\n\n').rows).toEqual([
      ['a', 'b', ''],
      ['', '', ''],
      [''],
      ['1', '', '3'],
    ]);
    expect(parseCsv('').rows).toEqual([]);
    expect(parseCsv('"",x').rows).toEqual([['', 'x']]);
  });

  it('drops spaces before an opening quote and keeps quotes inside a value', () => {
    expect(parseCsv('a, "b, c",d"e\n').rows).toEqual([['a', 'b, c', 'd"e']]);
  });

  it('says when a quote is never closed', () => {
    const parsed = parseCsv('a,"b\n1,2\n');
    expect(parsed.unclosedQuote).toBe(true);
    expect(parsed.rows).toEqual([['a', 'b\n1,2\n']]);
  });
});

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

describe('cleaning values from an MIS', () => {
  it('reads UK dates and ISO dates, and nothing ambiguous or unreal', () => {
    expect(parseDateText('14/3/2016')).toBe('2016-03-14');
    expect(parseDateText('14/03/2016')).toBe('2016-03-14');
    expect(parseDateText('4.3.2016')).toBe('2016-03-04');
    expect(parseDateText('14-03-2016')).toBe('2016-03-14');
    expect(parseDateText('2016-03-14')).toBe('2016-03-14');
    expect(parseDateText('2016-03-14T00:00:00')).toBe('2016-03-14');
    expect(parseDateText('14/03/2016 00:00')).toBe('2016-03-14');
    expect(parseDateText('14 March 2016')).toBe('2016-03-14');
    expect(parseDateText('14-Sep-2016')).toBe('2016-09-14');
    expect(parseDateText('29/02/2016')).toBe('2016-02-29');
    for (const bad of ['29/02/2015', '3/14/2016', '14/03/16', 'March 2016', '', 'soon']) {
      expect(parseDateText(bad)).toBeUndefined();
    }
  });

  it('reads year groups as MIS exports write them', () => {
    const cases: [string, string | undefined][] = [
      ['5', 'Year 5'],
      ['05', 'Year 5'],
      ['Y5', 'Year 5'],
      ['y 5', 'Year 5'],
      ['Yr 5', 'Year 5'],
      ['Year 5', 'Year 5'],
      ['year5', 'Year 5'],
      ['NC Year 11', 'Year 11'],
      ['13', 'Year 13'],
      ['R', 'Reception'],
      ['YR', 'Reception'],
      ['Rec', 'Reception'],
      ['Reception', 'Reception'],
      ['N1', undefined],
      ['N2', undefined],
      ['Nursery', undefined],
      ['0', undefined],
      ['14', undefined],
      ['X', undefined],
    ];
    for (const [text, year] of cases)
      expect([text, normaliseYearGroup(text)]).toEqual([text, year]);
  });

  it('reads SEN provision codes and words', () => {
    expect(normaliseSenStatus('K')).toBe('SEN support');
    expect(normaliseSenStatus('sen support')).toBe('SEN support');
    expect(normaliseSenStatus('E')).toBe('EHC plan');
    expect(normaliseSenStatus('EHCP')).toBe('EHC plan');
    expect(normaliseSenStatus('Education, Health and Care Plan')).toBe('EHC plan');
    expect(normaliseSenStatus('N')).toBe('');
    expect(normaliseSenStatus('')).toBe('');
    expect(normaliseSenStatus('S')).toBeUndefined();
  });

  it('reads need codes, labels and "code - words"', () => {
    expect(normaliseNeed('SEMH')).toBe('SEMH');
    expect(normaliseNeed('SpLD')).toBe('SPLD');
    expect(normaliseNeed('ASC')).toBe('ASD');
    expect(normaliseNeed('SLCN - Speech, language and communication needs')).toBe('SLCN');
    expect(normaliseNeed('Social, Emotional and Mental Health')).toBe('SEMH');
    expect(normaliseNeed(needLabel('HI'))).toBe('HI');
    expect(normaliseNeed('')).toBe('');
    expect(normaliseNeed('Dyslexia')).toBeUndefined();
  });

  it('turns a row into form values and names each value it could not read', () => {
    const mapping = {
      ...(Object.fromEntries(PUPIL_FIELDS.map((f) => [f, -1])) as ColumnMapping),
      firstName: 0,
      lastName: 1,
      dateOfBirth: 2,
      yearGroup: 3,
      senStatus: 4,
      primaryNeed: 5,
      upn: 6,
    };
    expect(
      formFromRow(
        [' Amy  Rose ', 'Brown', '1/9/2016', 'Y5', 'K', 'semh', 'a 1234 5678 9012'],
        mapping,
      ),
    ).toEqual({
      form: {
        firstName: 'Amy Rose',
        lastName: 'Brown',
        dateOfBirth: '2016-09-01',
        yearGroup: 'Year 5',
        workingAtYearGroup: '',
        senStatus: 'SEN support',
        primaryNeed: 'SEMH',
        secondaryNeed: '',
        classTeacher: '',
        upn: 'A123456789012',
      },
      problems: {},
    });
    expect(
      formFromRow(['Amy', 'Brown', '9/14/2016', 'N1', 'Q', 'Dyslexia'], mapping).problems,
    ).toEqual({
      dateOfBirth:
        'Date of birth: "9/14/2016" is not a date this can read: use day/month/year, like 14/03/2016, or 2016-03-14',
      yearGroup:
        'Year group: "N1" is not a school year group: use Reception (or R) or Year 1 to Year 13 (or 1 to 13)',
      senStatus:
        'SEN status: "Q" is not recognised: use K or SEN support, E or EHC plan, or N or blank for none',
      primaryNeed:
        'Primary need: "Dyslexia" is not a type of need: use a census code such as SEMH, SLCN, ASD or SPLD',
    });
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
