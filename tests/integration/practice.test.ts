import { setUpEmulator } from '../support/emulator';

describe('Check good practice (menu)', () => {
  it('writes warnings for rows typed by hand, and clears them once fixed', () => {
    const emu = setUpEmulator();
    emu.appendRecords('Interventions', [
      {
        'Intervention ID': 'INT-HAND0001',
        Name: 'Lunchtime nurture club',
        Lead: 'Ms Amara Okafor',
        'Sessions per week': 5,
        'Minutes per session': 30,
        'Rationale and evidence': 'Boxall profile shows needs in organisation of experience',
      },
    ]);
    const { uiEvents } = emu.menu('checkGoodPractice');
    const warnings = String(emu.records('Interventions')[0]?.Warnings);
    expect(warnings).toMatch(/No length is set: an intervention must be time-limited/);
    expect(warnings).toMatch(/no recorded training in Lunchtime nurture club/);
    const alert = uiEvents.find((e) => e.type === 'alert');
    expect(alert?.type === 'alert' && alert.message).toMatch(/^2 warnings: 1 intervention and 0/);

    const sheet = emu.state.spreadsheet.sheets.find((s) => s.name === 'Interventions')!;
    const headers = emu.values('Interventions')[0]!;
    sheet.rows[1]![headers.indexOf('Length (weeks)')] = { v: 12 };
    sheet.rows[1]![headers.indexOf('Lead')] = { v: 'Mr Tom Reed' };
    sheet.rows[1]![headers.indexOf('Name')] = { v: 'Precision teaching' };
    emu.resetCalls();
    emu.menu('checkGoodPractice');
    expect(emu.records('Interventions')[0]?.Warnings).toBe('');
    // One read per tab, one write for Interventions and one for the audit log.
    expect(emu.calls()['SpreadsheetApp.Range.getValues']).toBe(6);
    expect(emu.calls()['SpreadsheetApp.Range.setValues']).toBe(2);
  });
});
