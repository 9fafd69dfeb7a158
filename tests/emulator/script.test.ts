import { Runtime, SCOPE, type AuthMode } from '../../emulator/src/core';
import { emptyState, type TriggerState } from '../../emulator/src/state';
import { advanceTrigger, createScriptApp } from '../../emulator/src/script';

const USER = 'senco@school.example';

function setup(
  options: { now?: Date; scopes?: string[]; authMode?: AuthMode; isAddon?: boolean } = {},
) {
  const clock = { current: options.now ?? new Date('2025-06-02T09:00:00Z') }; // 10:00 in London (BST)
  const rt = new Runtime(
    emptyState(),
    { now: () => new Date(clock.current.getTime()) },
    USER,
    new Set(options.scopes ?? [SCOPE.SCRIPTAPP]),
    '/tmp',
    options.isAddon ?? true,
  );
  rt.execution = {
    id: 'e1',
    functionName: 'f',
    kind: 'api',
    user: rt.user,
    authMode: options.authMode ?? 'FULL',
    startedAt: clock.current,
    uiEvents: [],
    heldLocks: new Set(),
  };
  return { rt, ScriptApp: createScriptApp(rt), clock };
}

function clockTrigger(extra: Partial<TriggerState>): TriggerState {
  return { id: 't1', handler: 'dailyRun', eventType: 'CLOCK', owner: USER, ...extra };
}

describe('ScriptApp enums and authorisation', () => {
  it('exposes enums whose values print as their names', () => {
    const { ScriptApp } = setup();
    expect(ScriptApp.AuthMode.FULL).toBe('FULL');
    expect(ScriptApp.AuthMode.NONE).toBe('NONE');
    expect(ScriptApp.EventType.CLOCK).toBe('CLOCK');
    expect(ScriptApp.WeekDay.MONDAY).toBe('MONDAY');
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()).toBe(
      ScriptApp.AuthorizationStatus.NOT_REQUIRED,
    );
  });
});

describe('time-driven triggers', () => {
  it('creates a daily trigger at 7am London time for the current user', () => {
    const { rt, ScriptApp } = setup();
    const trigger = ScriptApp.newTrigger('dailyRun').timeBased().everyDays(1).atHour(7).create();

    expect(trigger.getHandlerFunction()).toBe('dailyRun');
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    const saved = rt.state.triggers[0];
    expect(saved).toMatchObject({
      id: trigger.getUniqueId(),
      owner: USER,
      atHour: 7,
      everyDays: 1,
    });
    // 10:00 BST now, so the next 07:00 BST (06:00 UTC) is tomorrow.
    expect(saved?.nextRun?.toISOString()).toBe('2025-06-03T06:00:00.000Z');
  });

  it('runs later today when the hour has not come yet, at nearMinute', () => {
    const { rt, ScriptApp } = setup({ now: new Date('2025-06-02T04:00:00Z') });
    ScriptApp.newTrigger('dailyRun').timeBased().atHour(7).nearMinute(30).everyDays(1).create();
    expect(rt.state.triggers[0]?.nextRun?.toISOString()).toBe('2025-06-02T06:30:00.000Z');
  });

  it('keeps 7am wall-clock time across the change to and from summer time', () => {
    const trigger = clockTrigger({ atHour: 7, everyDays: 1 });
    advanceTrigger(trigger, new Date('2025-03-29T07:00:00Z'), 'Europe/London'); // Sat 07:00 GMT
    expect(trigger.nextRun?.toISOString()).toBe('2025-03-30T06:00:00.000Z'); // Sun 07:00 BST
    advanceTrigger(trigger, new Date('2025-10-25T06:00:00Z'), 'Europe/London'); // Sat 07:00 BST
    expect(trigger.nextRun?.toISOString()).toBe('2025-10-26T07:00:00.000Z'); // Sun 07:00 GMT
  });

  it('does not replay missed days: the next run is after the given time', () => {
    const trigger = clockTrigger({ atHour: 7, everyDays: 1 });
    advanceTrigger(trigger, new Date('2025-09-10T15:00:00Z'), 'Europe/London');
    expect(trigger.nextRun?.toISOString()).toBe('2025-09-11T06:00:00.000Z');
    const everyTwo = clockTrigger({ atHour: 7, everyDays: 2 });
    advanceTrigger(everyTwo, new Date('2025-09-10T06:00:00Z'), 'Europe/London');
    expect(everyTwo.nextRun?.toISOString()).toBe('2025-09-12T06:00:00.000Z');
  });

  it('schedules hourly, weekly and one-off triggers', () => {
    const now = new Date('2025-06-04T09:00:00Z'); // Wednesday
    const hourly = clockTrigger({ everyHours: 4 });
    advanceTrigger(hourly, now, 'Europe/London');
    expect(hourly.nextRun?.toISOString()).toBe('2025-06-04T13:00:00.000Z');

    const weekly = clockTrigger({ everyWeeks: 1, weekDay: 'MONDAY', atHour: 9 });
    advanceTrigger(weekly, now, 'Europe/London');
    expect(weekly.nextRun?.toISOString()).toBe('2025-06-09T08:00:00.000Z');

    const once = clockTrigger({ at: new Date('2025-06-05T12:00:00Z') });
    advanceTrigger(once, now, 'Europe/London');
    expect(once.nextRun?.toISOString()).toBe('2025-06-05T12:00:00.000Z');
    advanceTrigger(once, new Date('2025-06-05T12:00:00Z'), 'Europe/London');
    expect(once.nextRun).toBeUndefined();
  });

  it('uses the time zone given with inTimezone', () => {
    const { rt, ScriptApp } = setup({ now: new Date('2025-01-10T12:00:00Z') });
    ScriptApp.newTrigger('dailyRun')
      .timeBased()
      .atHour(7)
      .everyDays(1)
      .inTimezone('America/New_York')
      .create();
    expect(rt.state.triggers[0]?.nextRun?.toISOString()).toBe('2025-01-11T12:00:00.000Z');
  });

  it('needs a schedule and valid intervals', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('f').timeBased().atHour(7).create()).toThrow(/schedule/);
    expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(3)).toThrow(
      /1, 2, 4, 6, 8 or 12/,
    );
    expect(() => ScriptApp.newTrigger('f').timeBased().atHour(24)).toThrow(
      'Invalid argument: hour',
    );
  });
});

describe('editor add-on trigger limits', () => {
  it('allows one time-based trigger per user per document', () => {
    const { rt, ScriptApp } = setup();
    ScriptApp.newTrigger('dailyRun').timeBased().everyDays(1).atHour(7).create();
    expect(() => ScriptApp.newTrigger('otherRun').timeBased().everyHours(6).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google Account user',
    );
    expect(rt.state.triggers).toHaveLength(1);

    // Another user of the same sheet may install their own.
    rt.user = 'teacher@school.example';
    ScriptApp.newTrigger('dailyRun').timeBased().everyDays(1).atHour(7).create();
    expect(rt.state.triggers.map((t) => t.owner)).toEqual([USER, 'teacher@school.example']);
  });

  it('allows one trigger of each other type too', () => {
    const { rt, ScriptApp } = setup();
    ScriptApp.newTrigger('dailyRun').timeBased().everyDays(1).atHour(7).create();
    const onEdit = ScriptApp.newTrigger('edited')
      .forSpreadsheet(rt.state.spreadsheet.id)
      .onEdit()
      .create();
    expect(onEdit.getEventType()).toBe('ON_EDIT');
    expect(onEdit.getTriggerSource()).toBe('SPREADSHEETS');
    expect(onEdit.getTriggerSourceId()).toBe(rt.state.spreadsheet.id);
    expect(() => ScriptApp.newTrigger('edited2').forSpreadsheet('x').onEdit().create()).toThrow(
      /too many edit triggers/,
    );
  });

  it('refuses triggers more frequent than hourly in an add-on only', () => {
    const addon = setup();
    expect(() => addon.ScriptApp.newTrigger('f').timeBased().everyMinutes(5).create()).toThrow(
      /once per hour/,
    );
    expect(addon.rt.state.triggers).toHaveLength(0);

    const plain = setup({ isAddon: false });
    plain.ScriptApp.newTrigger('f').timeBased().everyMinutes(5).create();
    expect(plain.rt.state.triggers[0]?.nextRun?.toISOString()).toBe('2025-06-02T09:05:00.000Z');
  });
});

describe('listing and deleting triggers', () => {
  it("shows and deletes only the current user's triggers", () => {
    const { rt, ScriptApp } = setup();
    rt.state.triggers.push(
      clockTrigger({ id: 'theirs', owner: 'teacher@school.example', atHour: 7, everyDays: 1 }),
    );
    ScriptApp.newTrigger('dailyRun').timeBased().everyDays(1).atHour(7).create();

    const mine = ScriptApp.getProjectTriggers();
    expect(mine).toHaveLength(1);
    expect(mine[0]?.getHandlerFunction()).toBe('dailyRun');
    expect(ScriptApp.getUserTriggers({})).toHaveLength(1);

    ScriptApp.deleteTrigger(mine[0]!);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
    expect(rt.state.triggers.map((t) => t.id)).toEqual(['theirs']);
  });

  it('needs the script.scriptapp scope and full authorisation', () => {
    const noScope = setup({ scopes: [] });
    expect(() => noScope.ScriptApp.getProjectTriggers()).toThrow(
      /Specified permissions are not sufficient/,
    );
    expect(() => noScope.ScriptApp.newTrigger('f')).toThrow(/script\.scriptapp/);

    const limited = setup({ authMode: 'LIMITED' });
    expect(() => limited.ScriptApp.newTrigger('f')).toThrow(/permission/);
  });

  it('counts calls and lets faults be injected on create', () => {
    const { rt, ScriptApp } = setup();
    rt.injectFault({
      method: 'ScriptApp.ClockTriggerBuilder.create',
      message: 'Service error: ScriptApp',
    });
    expect(() => ScriptApp.newTrigger('f').timeBased().everyDays(1).atHour(7).create()).toThrow(
      'Service error: ScriptApp',
    );
    expect(rt.state.triggers).toHaveLength(0);
    expect(rt.calls.get('ScriptApp.newTrigger')).toBe(1);
  });
});
