import { TABS, TAB_ORDER } from '../../src/domain/workbook';
import { editCellAsUser, moveColumnAsUser } from '../../emulator/src/spreadsheet';
import { newEmulator, setUpEmulator } from '../support/emulator';

describe('Set up provision map', () => {
  it('creates every tab with its headers, a frozen and protected header row', () => {
    const emu = newEmulator();
    emu.install();
    const { uiEvents } = emu.menu('setUpProvisionMap');
    expect(emu.tabNames()).toEqual(TAB_ORDER.map((key) => TABS[key].name));
    for (const key of TAB_ORDER) {
      const spec = TABS[key];
      const sheet = emu.state.spreadsheet.sheets.find((s) => s.name === spec.name)!;
      // The Dashboard's status table sits under its title, which stays in view.
      const headerRow = 'headerRow' in spec ? spec.headerRow : 1;
      expect(emu.values(spec.name)[headerRow - 1]).toEqual(spec.columns.map((c) => c.header));
      expect(sheet.frozenRows).toBe(headerRow === 1 ? 1 : 2);
      expect(sheet.protections.some((p) => p.range?.row === headerRow && !p.warningOnly)).toBe(
        true,
      );
    }
    expect(emu.values('Dashboard')[0]?.[0]).toBe('Provision map dashboard');
    const alert = uiEvents.find((e) => e.type === 'alert');
    expect(alert && alert.type === 'alert' && alert.message).toMatch(/Tabs created: Interventions/);
  });

  it('gives dropdowns for year groups, SEN status, need codes (with DS) and staff', () => {
    const emu = setUpEmulator();
    const pupils = emu.state.spreadsheet.sheets.find((s) => s.name === 'Pupils')!;
    const header = emu.values('Pupils')[0]!;
    const rule = (h: string) => pupils.rows[1]?.[header.indexOf(h)]?.dv;
    expect(rule('Year group')?.values[0]).toEqual(expect.arrayContaining(['Reception', 'Year 13']));
    expect(rule('SEN status')?.values[0]).toEqual(['SEN support', 'EHC plan']);
    expect(rule('Primary need')?.values[0]).toEqual(expect.arrayContaining(['DS', 'SEMH', 'NSA']));
    expect(rule('Class teacher')?.criteria).toBe('VALUE_IN_RANGE');
    expect(() =>
      editCellAsUser(emu.rt, 'Pupils', 2, header.indexOf('Year group') + 1, 'Year 14'),
    ).toThrow();
    editCellAsUser(emu.rt, 'Pupils', 2, header.indexOf('Year group') + 1, 'Year 4');
    expect(emu.values('Pupils')[1]?.[header.indexOf('Year group')]).toBe('Year 4');
  });

  it('writes the default settings once, with the EEF dosage bounds', () => {
    const emu = setUpEmulator();
    const settings = Object.fromEntries(emu.records('Settings').map((r) => [r.Setting, r.Value]));
    expect(settings['Minimum minutes per session']).toBe(15);
    expect(settings['Maximum weeks']).toBe(20);
  });

  it('changes no data when run again, keeps user columns and restores missing ones', () => {
    const emu = setUpEmulator();
    emu.appendRecords('Pupils', [
      {
        'Pupil ID': 'PUP-0001',
        'First name': 'Ava',
        'Last name': 'Example',
        'Year group': 'Year 3',
      },
    ]);
    // A user adds a column of their own and moves another one.
    const pupilsWidth = emu.values('Pupils')[0]!.length;
    editCellAsUser(emu.rt, 'Pupils', 1, pupilsWidth + 1, 'Reading age');
    moveColumnAsUser(emu.state, 'Pupils', 3, 1);
    // And changes a setting.
    const settingRow = emu.values('Settings').findIndex((r) => r[0] === 'Maximum weeks') + 1;
    editCellAsUser(emu.rt, 'Settings', settingRow, 2, '16');
    const before = TAB_ORDER.map((key) => emu.values(TABS[key].name));

    emu.menu('setUpProvisionMap');

    expect(TAB_ORDER.map((key) => emu.values(TABS[key].name))).toEqual(before);
    expect(emu.values('Pupils')[0]).toContain('Reading age');
    expect(emu.tabNames()).toHaveLength(TAB_ORDER.length);
  });

  it('adds back a column someone deleted, at the end, without touching the others', () => {
    const emu = setUpEmulator();
    const sheet = emu.state.spreadsheet.sheets.find((s) => s.name === 'Interventions')!;
    const locationColumn = emu.values('Interventions')[0]!.indexOf('Location');
    for (const row of sheet.rows) row.splice(locationColumn, 1);
    emu.menu('setUpProvisionMap');
    const headers = emu.values('Interventions')[0]!;
    expect(headers.at(-1)).toBe('Location');
    expect(headers.filter((h) => h === 'Location')).toHaveLength(1);
  });
});
