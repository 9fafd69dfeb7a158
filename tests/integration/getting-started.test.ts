/**
 * Getting started, through the emulator around the built add-on: a blank Sheet's first menu use
 * opens it, each step is ticked from what the workbook holds, and its buttons do the steps.
 */
import type { UiEvent } from '../../emulator/src';
import type {
  GettingStartedOutcome,
  GettingStartedStatus,
} from '../../src/api/getting-started-contract';
import type { GettingStartedStep } from '../../src/domain/getting-started';
import { STAFF, newEmulator, setUpEmulator, validForm } from '../support/emulator';

type Emu = ReturnType<typeof newEmulator>;

function sidebars(events: UiEvent[]): Extract<UiEvent, { type: 'sidebar' }>[] {
  return events.flatMap((e) => (e.type === 'sidebar' ? [e] : []));
}

function done(emu: Emu): Record<GettingStartedStep, boolean> {
  const status = emu.scriptRun<GettingStartedStatus>('getGettingStarted').value;
  return Object.fromEntries(status.steps.map((s) => [s.step, s.done])) as Record<
    GettingStartedStep,
    boolean
  >;
}

function addOnMenuCaptions(emu: Emu): string[] {
  const menus = emu.open();
  return menus.flatMap((m) => m.items.flatMap((i) => (i.type === 'item' ? [i.caption] : [])));
}

describe('Getting started', () => {
  it('is in the add-on menu, which is still built in AuthMode.NONE without reading the Sheet', () => {
    const emu = newEmulator();
    expect(addOnMenuCaptions(emu)).toContain('Getting started…');
    const opened = emu.executions().at(-1);
    expect(opened).toMatchObject({ functionName: 'onOpen', status: 'completed' });
    expect(emu.callCount('SpreadsheetApp.Spreadsheet.getSheets')).toBe(0);
    expect(emu.callCount('SpreadsheetApp.Spreadsheet.getSheetByName')).toBe(0);
  });

  it('opens instead of the chosen form the first time the menu is used on a blank Sheet', () => {
    const emu = newEmulator();
    emu.install();
    const { uiEvents } = emu.menu('showParticipantsForm');
    const [shown] = sidebars(uiEvents);
    expect(shown?.title).toBe('Getting started');
    expect(shown?.html).toContain('data-view="getting-started"');
    // The sidebar says why: the form chosen needs the provision map set up first.
    expect(shown?.html).toContain('data-asked="Pupils in an intervention"');
    expect(emu.tabNames()).not.toContain('Interventions'); // nothing was written
  });

  it('opens after "Set up provision map" run first on a blank Sheet, with set-up ticked', () => {
    const emu = newEmulator();
    emu.install();
    const { uiEvents } = emu.menu('setUpProvisionMap');
    expect(uiEvents.some((e) => e.type === 'alert' && /Tabs created/.test(e.message))).toBe(true);
    expect(sidebars(uiEvents).map((s) => s.title)).toEqual(['Getting started']);
    expect(done(emu)).toEqual({
      setUp: true,
      staff: false,
      pupils: false,
      intervention: false,
      reminders: false,
    });
  });

  it('leaves the forms alone once the Sheet is set up, and is there from its own menu item', () => {
    const emu = setUpEmulator();
    const form = sidebars(emu.menu('showParticipantsForm').uiEvents);
    expect(form.map((s) => s.title)).toEqual(['Pupils in an intervention']);
    expect(sidebars(emu.menu('setUpProvisionMap').uiEvents)).toEqual([]);
    const guide = sidebars(emu.menu('showGettingStarted').uiEvents);
    expect(guide.map((s) => s.title)).toEqual(['Getting started']);
    expect(guide[0]?.html).toContain('data-asked=""');
  });

  it('ticks each step from the workbook as it is done, through its own buttons', () => {
    const emu = newEmulator();
    emu.install();
    expect(Object.values(done(emu))).toEqual([false, false, false, false, false]);

    const setUp = emu.scriptRun<GettingStartedOutcome>('setUpFromGettingStarted').value;
    expect(setUp.ok).toBe(true);
    expect(setUp.message).toMatch(/^Tabs created: Interventions, Participants/);
    expect(setUp.status.steps.find((s) => s.step === 'setUp')?.done).toBe(true);
    expect(emu.tabNames()).toEqual(expect.arrayContaining(['Staff', 'Pupils', 'Interventions']));

    emu.appendRecords('Staff', STAFF);
    emu.appendRecords('Pupils', [
      {
        'Pupil ID': 'PUP-0001',
        'First name': 'Amelia',
        'Last name': 'Jones',
        'Year group': 'Year 3',
      },
    ]);
    expect(done(emu)).toMatchObject({ staff: true, pupils: true, intervention: false });
    expect(emu.scriptRun<{ ok: boolean }>('saveIntervention', [validForm()]).value.ok).toBe(true);
    expect(done(emu)).toMatchObject({ intervention: true, reminders: false });

    const on = emu.scriptRun<GettingStartedOutcome>('turnOnRemindersFromGettingStarted').value;
    expect(on.ok).toBe(true);
    expect(on.message).toMatch(/Review reminders are on, sent from your account/);
    expect(emu.triggers().map((t) => t.handler)).toEqual(['sendDailyReminders']);
    expect(Object.values(on.status.steps.map((s) => s.done))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    // Pressed again, nothing is added.
    emu.scriptRun('turnOnRemindersFromGettingStarted');
    expect(emu.triggers()).toHaveLength(1);
  });

  it('counts reminders sent from a colleague’s account as on, and a lost schedule as not', () => {
    const emu = setUpEmulator();
    emu.menu('turnOnReminders', 'treed@school.example');
    expect(done(emu).reminders).toBe(true); // the SENCo sees Tom's reminders as on
    const unchanged = emu.scriptRun<GettingStartedOutcome>('turnOnRemindersFromGettingStarted');
    expect(unchanged.value.message).toMatch(/already on/);
    expect(emu.triggers()).toHaveLength(1);

    // Tom's own trigger goes (removed by hand in Apps Script): for him, they are off again.
    emu.state.triggers.splice(0);
    const tom = emu.scriptRun<GettingStartedStatus>(
      'getGettingStarted',
      [],
      'treed@school.example',
    );
    const reminders = tom.value.steps.find((s) => s.step === 'reminders');
    expect(reminders).toMatchObject({ done: false });
    expect(reminders?.detail).toMatch(/turn them on again/);
  });
});
