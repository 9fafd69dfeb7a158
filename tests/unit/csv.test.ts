import { parseCsv } from '../../src/domain/csv';

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
