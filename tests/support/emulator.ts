/** Test helpers: an emulator around the built add-on, with a fresh in-memory workbook. */
import * as path from 'node:path';
import { Emulator, type EmulatorOptions } from '../../emulator/src';

export const BUILD_DIR = path.resolve(__dirname, '../../build');
export const TODAY = new Date('2026-11-23T09:00:00Z');

export function newEmulator(options: EmulatorOptions = {}): Emulator {
  return new Emulator({
    buildDir: BUILD_DIR,
    now: TODAY,
    user: 'senco@school.example',
    ...options,
  });
}

export const STAFF = [
  {
    'Staff ID': 'STF-0001',
    Name: 'Ms Amara Okafor',
    Email: 'senco@school.example',
    Role: 'SENCo',
    'Trained in': 'Precision teaching, Talk Boost',
  },
  {
    'Staff ID': 'STF-0002',
    Name: 'Mr Tom Reed',
    Email: 'treed@school.example',
    Role: 'TA',
    'Trained in': 'Precision teaching',
  },
];

/** An emulator whose workbook has been set up by the SENCo, with two staff. */
export function setUpEmulator(options: EmulatorOptions = {}): Emulator {
  const emu = newEmulator(options);
  emu.install();
  emu.menu('setUpProvisionMap');
  emu.appendRecords('Staff', STAFF);
  emu.resetCalls();
  return emu;
}

export function validForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Precision teaching: spelling',
    code: 'PT-SP',
    lead: 'Ms Amara Okafor',
    supportedBy: 'Mr Tom Reed',
    delivery: 'Group',
    startDate: '2026-11-30',
    lengthWeeks: '12',
    sessionsPerWeek: '3',
    minutesPerSession: '20',
    location: 'Library',
    rationale: 'EEF: structured TA-led interventions',
    expectedOutcome: '8/10 or better in weekly spelling tests',
    assessmentMethods: 'Weekly spelling test',
    summary: 'Daily-ish precision teaching of tricky words',
    publishedResources: 'Stage 2 word lists',
    ...overrides,
  };
}

/** The stored cell at a tab's data row (1 = first under the header) under a header. */
export function storedCell(emu: Emulator, tab: string, dataRow: number, header: string) {
  const sheet = emu.state.spreadsheet.sheets.find((s) => s.name === tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  const headers = (sheet.rows[0] ?? []).map((c) => (c ? String(c.v) : ''));
  const column = headers.indexOf(header);
  if (column < 0) throw new Error(`no column ${header} in ${tab}`);
  return sheet.rows[dataRow]?.[column] ?? null;
}

/** The SENCo switches full names in emails on, as they must: "Email privacy…", answering Yes. */
export function switchOnFullNames(emu: Emulator, senco = 'senco@school.example'): void {
  emu.answerAlerts('YES');
  emu.menu('showEmailPrivacy', senco);
}
