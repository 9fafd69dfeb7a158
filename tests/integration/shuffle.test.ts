/**
 * Staff edit the sheet by hand: they sort, insert rows and move columns. Every tab of the demo
 * school is shuffled like that, then every form reads and writes through the built add-on, and
 * each record must come out with exactly the fields the form changed, under the right headers.
 */
import type { Emulator } from '../../emulator/src';
import { seedDemoSchool } from '../../emulator/server/demo';
import {
  insertRowAsUser,
  moveColumnAsUser,
  sortSheetRowsAsUser,
} from '../../emulator/src/spreadsheet';
import type { SaveResult } from '../../src/api/contract';
import type { InterventionPupils, PupilProfile } from '../../src/api/participants-contract';
import { TABS, TAB_ORDER } from '../../src/domain/workbook';
import { newEmulator } from '../support/emulator';

type Rec = Record<string, unknown>;

/** Every record of a tab by its ID, values as comparable text. */
function byId(emu: Emulator, tab: string, idHeader: string): Map<string, Rec> {
  const map = new Map<string, Rec>();
  for (const record of emu.records(tab)) {
    const id = String(record[idHeader] ?? '');
    if (id === '') continue;
    map.set(
      id,
      Object.fromEntries(
        Object.entries(record).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
      ),
    );
  }
  return map;
}

/** Moves columns, inserts a blank row and sorts by a column other than the ID: as people do. */
function shuffle(emu: Emulator, tab: string, seed: number): void {
  const width = emu.values(tab)[0]?.length ?? 0;
  if (width < 3) {
    moveColumnAsUser(emu.state, tab, 2, 1);
    return;
  }
  moveColumnAsUser(emu.state, tab, 1, 1 + (seed % (width - 1)) + 1);
  moveColumnAsUser(emu.state, tab, width, 2);
  moveColumnAsUser(emu.state, tab, 3, width);
  if (emu.values(tab).length > 3) insertRowAsUser(emu.state, tab, 3);
  sortSheetRowsAsUser(emu.state, tab, 2 + (seed % (width - 2)), seed % 2 === 0);
}

/** Asserts that only `changed` fields of record `id` differ, and every other record is intact. */
function expectOnly(
  before: Map<string, Rec>,
  after: Map<string, Rec>,
  id: string,
  changed: Rec,
  ignore: string[] = ['Warnings'],
): void {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [key, record] of after) {
    const expected = { ...before.get(key) };
    if (key === id) Object.assign(expected, changed);
    for (const field of ignore) {
      delete expected[field];
      delete record[field];
    }
    expect({ id: key, ...record }).toEqual({ id: key, ...expected });
  }
}

describe('forms keep working after users sort, insert rows and move columns on every tab', () => {
  let emu: Emulator;

  beforeAll(() => {
    emu = newEmulator();
    seedDemoSchool(emu);
    TAB_ORDER.forEach((key, i) => shuffle(emu, TABS[key].name, i + 3));
  });

  it('has really moved the columns of every tab', () => {
    for (const key of TAB_ORDER) {
      const spec = TABS[key];
      const headers = emu.values(spec.name)[0] ?? [];
      expect(headers.slice(0, 3)).not.toEqual(spec.columns.slice(0, 3).map((c) => c.header));
    }
  });

  it('saves a new intervention under the right headers', () => {
    const before = byId(emu, 'Interventions', 'Intervention ID');
    const { value } = emu.scriptRun<SaveResult>('saveIntervention', [
      {
        name: 'Shuffled maths group',
        code: 'SH-1',
        lead: 'Priya Marlowe',
        supportedBy: '',
        delivery: 'Group',
        startDate: '2026-12-07',
        lengthWeeks: '10',
        sessionsPerWeek: '3',
        minutesPerSession: '25',
        location: 'Room 9',
        rationale: 'Manipulatives',
        expectedOutcome: 'Score up 5',
        assessmentMethods: 'Same test',
        summary: '',
        publishedResources: '',
        provisionId: '',
      },
    ]);
    expect(value.ok).toBe(true);
    const after = byId(emu, 'Interventions', 'Intervention ID');
    const id = value.ok ? value.id : '';
    const created = after.get(id);
    expect(created).toMatchObject({
      Name: 'Shuffled maths group',
      Code: 'SH-1',
      Lead: 'Priya Marlowe',
      'Length (weeks)': 10,
      'Sessions per week': 3,
      'Minutes per session': 25,
      Location: 'Room 9',
    });
    after.delete(id);
    expectOnly(before, after, '', {});
  });

  it('edits a member of staff and a library entry, changing only their changed cells', () => {
    const staffBefore = byId(emu, 'Staff', 'Staff ID');
    const member = emu.scriptRun<Record<string, string>>('getStaffMember', ['STF-0003']).value;
    expect(member.name).toBe(staffBefore.get('STF-0003')?.Name);
    const saved = emu.scriptRun<SaveResult>('saveStaffMember', [
      { ...member, email: 'p.marlowe@school.example', trainedIn: 'Number sense group' },
    ]).value;
    expect(saved.ok).toBe(true);
    expectOnly(staffBefore, byId(emu, 'Staff', 'Staff ID'), 'STF-0003', {
      Email: 'p.marlowe@school.example',
      'Trained in': 'Number sense group',
    });

    const libraryBefore = byId(emu, 'Provision library', 'Provision ID');
    const [entryId] = [...libraryBefore.keys()];
    const entry = emu.scriptRun<Record<string, string>>('getLibraryEntry', [entryId]).value;
    expect(entry.name).toBe(libraryBefore.get(entryId!)?.Name);
    emu.scriptRun('saveLibraryEntry', [{ ...entry, usualGroupSize: '6' }]);
    expectOnly(libraryBefore, byId(emu, 'Provision library', 'Provision ID'), entryId!, {
      'Usual group size': 6,
    });
  });

  it('edits one pupil’s place in an intervention, and adds pupils, in the right rows', () => {
    const interventionId = String(
      emu
        .records('Interventions')
        .find((r) => r.Name === 'Number sense group (concrete maths resources)')?.[
        'Intervention ID'
      ],
    );
    const pupils = emu.scriptRun<InterventionPupils>('getInterventionPupils', [
      interventionId,
    ]).value;
    const place = pupils.participants.find((p) => p.pupilId === 'PUP-0023');
    expect(place?.form.target).toBe('12/20 or better');
    const before = byId(emu, 'Participants', 'Participant ID');
    const saved = emu.scriptRun<SaveResult>('saveParticipant', [
      { ...place!.form, target: '13/20 or better', lessonMissed: 'Science' },
    ]).value;
    expect(saved.ok).toBe(true);
    expectOnly(before, byId(emu, 'Participants', 'Participant ID'), place!.id, {
      Target: '13/20 or better',
      'Target value': 13,
      'Lesson missed': 'Science',
    });

    const beforeAdd = byId(emu, 'Participants', 'Participant ID');
    const added = emu.scriptRun<SaveResult & { ids?: string[] }>('addPupilsToIntervention', [
      { interventionId, pupilIds: ['PUP-0001', 'PUP-0002', 'PUP-0003'] },
    ]).value;
    expect(added.ok).toBe(true);
    const afterAdd = byId(emu, 'Participants', 'Participant ID');
    for (const id of added.ids ?? []) {
      expect(afterAdd.get(id)).toMatchObject({
        'Intervention ID': interventionId,
        Status: 'Planned',
      });
      afterAdd.delete(id);
    }
    expectOnly(beforeAdd, afterAdd, '', {});
  });

  it('shows the right pupil profile', () => {
    const profile = emu.scriptRun<PupilProfile>('getPupilProfile', ['PUP-0024']).value;
    const text = JSON.stringify(profile);
    expect(text).toContain('Hana');
    expect(text).toContain('Precision teaching: spelling');
    expect(text).toContain('Emotional literacy support (1:1)');
    expect(text).not.toContain('Number sense group');
  });

  it('keeps the audit log true: every field change names its record', () => {
    const audit = emu.records('Audit log');
    const email = audit.find((r) => r.Field === 'Email' && r['Record ID'] === 'STF-0003');
    expect(email).toMatchObject({
      'Old value': 'priya.marlowe@school.example',
      'New value': 'p.marlowe@school.example',
    });
  });
});
