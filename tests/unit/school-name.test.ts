import { schoolNameFromSpreadsheet } from '../../src/domain/school-name';

describe("the school's name from the spreadsheet's name", () => {
  it.each([
    ['SEND provision map – Larkspur Lane Primary School (demo)', 'Larkspur Lane Primary School'],
    ['Hillside Primary School', 'Hillside Primary School'],
    ['Copy of Hillside Primary (1)', 'Hillside Primary'],
    ['Hillside Primary: Provision map 2026/27', 'Hillside Primary'],
    ['Hillside Primary SEND provision map 2026-27', 'Hillside Primary'],
    ['Provision map for Oak Tree Academy', 'Oak Tree Academy'],
    ['Oak Tree Academy - SEND provision map (draft)', 'Oak Tree Academy'],
  ])('%p gives %p', (spreadsheet, school) => {
    expect(schoolNameFromSpreadsheet(spreadsheet)).toBe(school);
  });

  it("keeps brackets that are part of the school's own name", () => {
    expect(schoolNameFromSpreadsheet("St Anne's Primary (VA)")).toBe("St Anne's Primary (VA)");
    expect(schoolNameFromSpreadsheet('St Mary’s (C of E) Primary')).toBe(
      'St Mary’s (C of E) Primary',
    );
  });

  it('gives nothing when the name says nothing about the school', () => {
    for (const name of [
      'Provision map',
      'Untitled spreadsheet',
      'SEND provision map 2026-27',
      '',
    ]) {
      expect(schoolNameFromSpreadsheet(name)).toBe('');
    }
  });
});
