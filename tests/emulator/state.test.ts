import { emptyState, parseState, serializeState } from '../../emulator/src/state';

describe('the saved workbook file', () => {
  it('round-trips dates and shared validation rules, storing each rule once', () => {
    const state = emptyState();
    const rule = {
      criteria: 'VALUE_IN_LIST',
      values: [['A', 'B'], true],
      allowInvalid: false,
      helpText: '',
    };
    const sheet = state.spreadsheet.sheets[0]!;
    sheet.rows = Array.from({ length: 500 }, (_, i) => [
      { v: new Date(2026, 8, 1 + (i % 28)), dv: { ...rule } },
    ]);
    const json = serializeState(state);
    expect(json.split('VALUE_IN_LIST')).toHaveLength(2);
    const back = parseState(json);
    expect(back).toEqual(state);
    expect(back.spreadsheet.sheets[0]!.rows[3]![0]!.v).toBeInstanceOf(Date);
  });
});
