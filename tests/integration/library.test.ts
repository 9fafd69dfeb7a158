/**
 * The Provision library form, saved through the built add-on: an entry whose default dosage falls
 * outside the Settings tab's bounds is saved with a warning naming the field and the bound, and
 * its "Help at home" for parents is kept in its own column.
 */
import { editCellAsUser } from '../../emulator/src/spreadsheet';
import type { Emulator } from '../../emulator/src';
import type { SaveResult } from '../../src/api/contract';
import type { LibraryEntryForm } from '../../src/api/staff-contract';
import { setUpEmulator, storedCell } from '../support/emulator';

function entry(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Emotional literacy support',
    areaOfNeed: 'SEMH',
    evidenceLink: '',
    evidenceNote: 'Weekly 1:1 sessions with a trained TA.',
    evidenceStrength: 'Limited',
    minutesPerSession: '40',
    sessionsPerWeek: '3',
    lengthWeeks: '8',
    resourceCost: '0',
    usualGroupSize: '1',
    trainingNeeded: 'ELSA training (6 days)',
    helpAtHome: 'Name feelings together, and keep calm routines at bedtime.',
    ...overrides,
  };
}

function save(emu: Emulator, form: Record<string, string>): SaveResult {
  return emu.scriptRun<SaveResult>('saveLibraryEntry', [form]).value;
}

function setSetting(emu: Emulator, name: string, value: string | number): void {
  const [header = [], ...rows] = emu.values('Settings');
  const row = rows.findIndex((r) => r[header.indexOf('Setting')] === name);
  if (row < 0) throw new Error(`no setting ${name}`);
  editCellAsUser(emu.rt, 'Settings', row + 2, header.indexOf('Value') + 1, String(value));
}

describe("the Provision library form and the school's bounds", () => {
  it('saves an entry within the bounds with no warning', () => {
    const emu = setUpEmulator();
    const result = save(emu, entry());
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('saves an entry outside them, warning about each default by name with its bound', () => {
    const emu = setUpEmulator();
    const result = save(emu, entry({ minutesPerSession: '60', sessionsPerWeek: '1' }));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.warnings).toEqual([
      "Default minutes per session: 60 is more than the Settings tab's Maximum minutes per session (45), so every intervention started from this entry will be warned about. Change the default here, or the setting if your school means it.",
      "Default sessions per week: 1 is less than the Settings tab's Minimum sessions per week (3), so every intervention started from this entry will be warned about. Change the default here, or the setting if your school means it.",
    ]);
    const row = emu.records('Provision library').find((r) => r['Provision ID'] === result.id);
    expect(row).toMatchObject({
      'Default minutes per session': 60,
      'Default sessions per week': 1,
    });
    // Saving it again unchanged still says so.
    const form = emu.scriptRun<LibraryEntryForm>('getLibraryEntry', [result.id]).value;
    const again = save(emu, { ...form });
    expect(again.ok && again.warnings).toHaveLength(2);
  });

  it("follows the school's own bounds on the Settings tab", () => {
    const emu = setUpEmulator();
    setSetting(emu, 'Maximum minutes per session', 60);
    setSetting(emu, 'Minimum sessions per week', 1);
    const result = save(emu, entry({ minutesPerSession: '60', sessionsPerWeek: '1' }));
    expect(result).toMatchObject({ ok: true, warnings: [] });
    const over = save(emu, entry({ name: 'Longer sessions', minutesPerSession: '75' }));
    expect(over.ok && over.warnings).toEqual([
      expect.stringContaining(
        "Default minutes per session: 75 is more than the Settings tab's Maximum minutes per session (60)",
      ),
    ]);
  });

  it('keeps the Help at home for parents in its own column, as text', () => {
    const emu = setUpEmulator();
    const result = save(emu, entry({ helpAtHome: '=HYPERLINK("x") Read together' }));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const row = emu.records('Provision library').find((r) => r['Provision ID'] === result.id);
    expect(row?.['Help at home']).toBe('=HYPERLINK("x") Read together');
    expect(storedCell(emu, 'Provision library', 1, 'Help at home')?.f).toBeUndefined();
    const form = emu.scriptRun<LibraryEntryForm>('getLibraryEntry', [result.id]).value;
    expect(form.helpAtHome).toBe('=HYPERLINK("x") Read together');
  });
});
