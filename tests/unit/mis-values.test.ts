import {
  normaliseNeed,
  normaliseSenStatus,
  normaliseYearGroup,
  parseDateText,
} from '../../src/domain/mis-values';
import { needLabel, PUPIL_FIELDS } from '../../src/domain/pupil';
import type { ColumnMapping } from '../../src/domain/pupil-columns';
import { formFromRow } from '../../src/domain/pupil-import';

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
      // A month written first, as some American-made tools do.
      dateOfBirth:
        'Date of birth: 9/14/2016 is not a date: there is no month 14: write the day first, then the month',
      yearGroup:
        'Year group: "N1" is not a school year group: use Reception (or R) or Year 1 to Year 13 (or 1 to 13)',
      senStatus:
        'SEN status: "Q" is not recognised: use K or SEN support, E or EHC plan, or N or blank for none',
      primaryNeed:
        'Primary need: "Dyslexia" is not a type of need: use a census code such as SEMH, SLCN, ASD or SPLD',
    });
  });

  it('says a day/month/year date of birth names a day that does not exist, as written', () => {
    const mapping = {
      ...(Object.fromEntries(PUPIL_FIELDS.map((f) => [f, -1])) as ColumnMapping),
      dateOfBirth: 0,
    };
    expect(formFromRow(['31/02/2018'], mapping).problems).toEqual({
      dateOfBirth: 'Date of birth: 31/02/2018 is not a date: February 2018 has 28 days',
    });
    expect(formFromRow(['31-04-2017'], mapping).problems).toEqual({
      dateOfBirth: 'Date of birth: 31-04-2017 is not a date: April 2017 has 30 days',
    });
    // Not written as a date at all: how to write one, with no yyyy-mm-dd in the example.
    expect(formFromRow(['Feb 2018'], mapping).problems).toEqual({
      dateOfBirth:
        'Date of birth: "Feb 2018" is not a date this can read: use day/month/year, like 14/03/2016',
    });
  });
});
