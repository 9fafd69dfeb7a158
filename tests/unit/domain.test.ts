import { asCellText, toCell } from '../../src/domain/cells';
import { dateFromIso, plannedEndDate, statusOn } from '../../src/domain/dates';
import { newRecordId } from '../../src/domain/ids';

describe('cells', () => {
  it.each(['=IMPORTXML("http://evil","//a")', '+44 1234', '-5 days', '@home', 'plain'])(
    'writes %s as literal text behind an apostrophe',
    (text) => {
      expect(asCellText(text)).toBe(`'${text}`);
    },
  );

  it('leaves numbers, dates and empty text as they are', () => {
    const date = new Date(2026, 8, 7);
    expect(toCell(12)).toBe(12);
    expect(toCell(date)).toBe(date);
    expect(toCell('')).toBe('');
    expect(toCell(undefined)).toBe('');
  });
});

describe('record IDs', () => {
  it('makes a prefixed ID of twelve characters that is not already taken', () => {
    const ids = ['aaaaaaaa-1111-4111', 'bbbbbbbb-2222-4222'];
    const id = newRecordId('INT', new Set(['INT-AAAAAAAA1111']), () => ids.shift() ?? '');
    expect(id).toBe('INT-BBBBBBBB2222');
  });
});

describe('intervention status', () => {
  const start = dateFromIso('2026-09-14');
  it('is planned before the start, running during and finished after the last week', () => {
    expect(statusOn(dateFromIso('2026-09-13'), start, 10)).toBe('Planned');
    expect(statusOn(dateFromIso('2026-09-14'), start, 10)).toBe('Running');
    expect(statusOn(dateFromIso('2026-11-22'), start, 10)).toBe('Running');
    expect(statusOn(dateFromIso('2026-11-23'), start, 10)).toBe('Finished');
    expect(plannedEndDate(start, 10).getDate()).toBe(23);
  });
});
