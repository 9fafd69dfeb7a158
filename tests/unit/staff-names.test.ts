import { splitStaffNames, staffNameKey } from '../../src/domain/staff-names';

describe('matching the names staff type to the Staff tab', () => {
  it('ignores a trailing role, case, extra spaces and accents', () => {
    const key = staffNameKey('Sam Okonjo-Reed');
    expect(staffNameKey('Sam Okonjo-Reed (TA)')).toBe(key);
    expect(staffNameKey('  sam   okonjo-reed ')).toBe(key);
    expect(staffNameKey('Zoë Brontë')).toBe(staffNameKey('Zoe Bronte'));
  });

  it('keeps different people apart', () => {
    expect(staffNameKey('Sam Reed')).not.toBe(staffNameKey('Sam Okonjo-Reed'));
  });

  it('splits a list on commas, semicolons, "and", "&" and slashes', () => {
    expect(splitStaffNames('Mr Tom Reed, SALT; Ann Bee and Cy Dee & Ed Fox / Gil Ho')).toEqual([
      'Mr Tom Reed',
      'SALT',
      'Ann Bee',
      'Cy Dee',
      'Ed Fox',
      'Gil Ho',
    ]);
    expect(splitStaffNames('')).toEqual([]);
  });
});
