import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Emulator } from '../../emulator/src';
import { emptyState, parseState, saveStateFile, serializeState } from '../../emulator/src/state';

test('the workbook file may hold pupil data: only its owner can read it, even over an old file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'state-mode-'));
  try {
    const file = path.join(dir, 'trial', 'workbook.json');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, '{}', { mode: 0o644 });
    saveStateFile(file, emptyState());
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const fresh = path.join(dir, 'new', 'workbook.json');
    saveStateFile(fresh, emptyState());
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(fresh)).mode & 0o777).toBe(0o700);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

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

describe('a batch of executions writes the state file once', () => {
  test('nothing is written during the batch; afterwards the file holds every step', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'batch-'));
    const stateFile = path.join(dir, 'workbook.json');
    const emu = new Emulator({ stateFile, now: new Date('2026-11-23T09:00:00Z') });
    emu.batch(() => {
      emu.install();
      emu.menu('setUpProvisionMap');
      expect(fs.existsSync(stateFile)).toBe(false);
    });
    const reopened = new Emulator({ stateFile, now: new Date('2026-11-23T09:00:00Z') });
    expect(reopened.tabNames()).toContain('Interventions');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
