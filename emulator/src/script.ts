/**
 * ScriptApp: enums, authorisation info and installable triggers.
 *
 * Triggers live in rt.state.triggers (they survive a restart, as Google keeps them) and are fired by
 * Emulator.fireDueTriggers, which calls advanceTrigger after each run. The editor add-on limits are
 * enforced here because they are the ones most easily broken by code that works in a plain script:
 * one trigger of each type per user per document, and clock triggers at most once an hour.
 */
import { Runtime, SCOPE, ScriptError } from './core';
import type { TriggerState } from './state';
import { zonedParts, zonedTimeToUtc } from './services';

const AuthMode = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;
const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;
const WeekDay = {
  SUNDAY: 'SUNDAY',
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
} as const;
const WEEKDAY_INDEX: readonly string[] = Object.values(WeekDay);
const InstallationSource = {
  APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  NONE: 'NONE',
  WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
} as const;

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
/** Apps Script's limit for a user's triggers in one script (outside add-ons). */
const MAX_TRIGGERS_PER_USER = 20;
/** Words Apps Script uses for each trigger type in the add-on "too many triggers" error. */
const TYPE_WORDS: Record<TriggerState['eventType'], string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
  ON_FORM_SUBMIT: 'form submit',
};

/**
 * Sets trigger.nextRun to the next time the trigger is due strictly after `now` (undefined when a
 * one-off trigger has run). Daily and weekly triggers keep their hour (atHour, nearMinute or :00)
 * in the trigger's time zone, across clock changes; missed runs are not replayed.
 */
export function advanceTrigger(trigger: TriggerState, now: Date, timeZone: string): void {
  trigger.nextRun = nextRunAfter(trigger, now, trigger.timeZone ?? timeZone);
}

function nextRunAfter(t: TriggerState, now: Date, tz: string): Date | undefined {
  if (t.at) return t.at.getTime() > now.getTime() ? new Date(t.at.getTime()) : undefined;
  if (t.everyMinutes) return new Date(now.getTime() + t.everyMinutes * 60000);
  if (t.everyHours) return new Date(now.getTime() + t.everyHours * HOUR);
  const p = zonedParts(now, tz);
  const hour = t.atHour ?? p.hour;
  const minute = t.atHour === undefined ? p.minute : (t.nearMinute ?? 0);
  const at = (dayOffset: number, month = p.month, day = p.day): Date =>
    zonedTimeToUtc({ year: p.year, month, day: day + dayOffset, hour, minute }, tz);

  if (t.monthDay !== undefined) {
    const thisMonth = at(0, p.month, t.monthDay);
    return thisMonth > now ? thisMonth : at(0, p.month + 1, t.monthDay);
  }
  if (t.everyWeeks !== undefined || t.weekDay !== undefined) {
    const target = t.weekDay ? WEEKDAY_INDEX.indexOf(t.weekDay) : p.weekday;
    const candidate = at((target - p.weekday + 7) % 7);
    if (candidate > now) return candidate;
    // Today was the day and its time has passed: the run just happened, so skip n weeks.
    return at(((target - p.weekday + 7) % 7) + 7 * (t.everyWeeks ?? 1));
  }
  const days = t.everyDays ?? 1;
  if (t.atHour === undefined) return new Date(now.getTime() + days * DAY);
  const today = at(0);
  return today > now ? today : at(days);
}

/** An installable trigger as the script sees it. */
export class Trigger {
  constructor(
    private readonly rt: Runtime,
    readonly state: TriggerState,
  ) {}
  getUniqueId(): string {
    this.rt.call('ScriptApp.Trigger.getUniqueId');
    return this.state.id;
  }
  getHandlerFunction(): string {
    this.rt.call('ScriptApp.Trigger.getHandlerFunction');
    return this.state.handler;
  }
  getEventType(): string {
    this.rt.call('ScriptApp.Trigger.getEventType');
    return this.state.eventType;
  }
  getTriggerSource(): string {
    this.rt.call('ScriptApp.Trigger.getTriggerSource');
    return this.state.eventType === 'CLOCK' ? TriggerSource.CLOCK : TriggerSource.SPREADSHEETS;
  }
  getTriggerSourceId(): string | null {
    this.rt.call('ScriptApp.Trigger.getTriggerSourceId');
    return this.state.eventType === 'CLOCK' ? null : this.rt.state.spreadsheet.id;
  }
}

/** Saves a new trigger after checking Apps Script's limits; shared by both builders. */
function createTrigger(
  rt: Runtime,
  builder: 'ClockTriggerBuilder' | 'SpreadsheetTriggerBuilder',
  trigger: Omit<TriggerState, 'id' | 'owner'>,
): Trigger {
  rt.call(`ScriptApp.${builder}.create`, {
    scopes: [SCOPE.SCRIPTAPP],
    minAuthMode: 'FULL',
    kind: 'write',
  });
  const mine = rt.state.triggers.filter((t) => t.owner === rt.user);
  if (rt.isAddon && mine.some((t) => t.eventType === trigger.eventType)) {
    throw new ScriptError(
      `This add-on has created too many ${TYPE_WORDS[trigger.eventType]} triggers in this document for this Google Account user`,
    );
  }
  if (mine.length >= MAX_TRIGGERS_PER_USER) {
    throw new ScriptError(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  }
  const saved: TriggerState = { ...trigger, id: rt.nextId('trigger-'), owner: rt.user };
  if (saved.eventType === 'CLOCK') advanceTrigger(saved, rt.now(), rt.timeZone);
  rt.state.triggers.push(saved);
  return new Trigger(rt, saved);
}

class ClockTriggerBuilder {
  private readonly schedule: Omit<TriggerState, 'id' | 'owner' | 'handler' | 'eventType'> = {};
  /** atDate's day: its midnight is resolved at create(), once inTimezone may have been called. */
  private atDateParts: { year: number; month: number; day: number } | undefined;

  constructor(
    private readonly rt: Runtime,
    private readonly handler: string,
  ) {}

  private step(method: string): this {
    this.rt.call(`ScriptApp.ClockTriggerBuilder.${method}`, { minAuthMode: 'FULL' });
    return this;
  }

  atHour(hour: number): this {
    this.step('atHour');
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      throw new ScriptError('Invalid argument: hour');
    this.schedule.atHour = hour;
    return this;
  }
  nearMinute(minute: number): this {
    this.step('nearMinute');
    if (!Number.isInteger(minute) || minute < 0 || minute > 59)
      throw new ScriptError('Invalid argument: minute');
    this.schedule.nearMinute = minute;
    return this;
  }
  everyMinutes(n: number): this {
    this.step('everyMinutes');
    if (![1, 5, 10, 15, 30].includes(n)) {
      throw new ScriptError('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    }
    this.schedule.everyMinutes = n;
    return this;
  }
  everyHours(n: number): this {
    this.step('everyHours');
    if (![1, 2, 4, 6, 8, 12].includes(n)) {
      throw new ScriptError('The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    }
    this.schedule.everyHours = n;
    return this;
  }
  everyDays(n: number): this {
    this.step('everyDays');
    if (!Number.isInteger(n) || n < 1) throw new ScriptError('Invalid argument: n');
    this.schedule.everyDays = n;
    return this;
  }
  everyWeeks(n: number): this {
    this.step('everyWeeks');
    if (!Number.isInteger(n) || n < 1) throw new ScriptError('Invalid argument: n');
    this.schedule.everyWeeks = n;
    return this;
  }
  onWeekDay(day: string): this {
    this.step('onWeekDay');
    if (!WEEKDAY_INDEX.includes(String(day))) throw new ScriptError('Invalid argument: day');
    this.schedule.weekDay = String(day);
    return this;
  }
  onMonthDay(day: number): this {
    this.step('onMonthDay');
    if (!Number.isInteger(day) || day < 1 || day > 31)
      throw new ScriptError('Invalid argument: day');
    this.schedule.monthDay = day;
    return this;
  }
  at(date: Date): this {
    this.step('at');
    this.schedule.at = new Date(date.getTime());
    return this;
  }
  atDate(year: number, month: number, day: number): this {
    this.step('atDate');
    this.atDateParts = { year, month, day };
    return this;
  }
  after(durationMilliseconds: number): this {
    this.step('after');
    this.schedule.at = new Date(this.rt.now().getTime() + durationMilliseconds);
    return this;
  }
  inTimezone(timezone: string): this {
    this.step('inTimezone');
    this.schedule.timeZone = timezone;
    return this;
  }

  create(): Trigger {
    const s = this.schedule;
    if (this.atDateParts) s.at = zonedTimeToUtc(this.atDateParts, s.timeZone ?? this.rt.timeZone);
    const recurring =
      s.everyMinutes !== undefined ||
      s.everyHours !== undefined ||
      s.everyDays !== undefined ||
      s.everyWeeks !== undefined ||
      s.monthDay !== undefined;
    if (!recurring && s.at === undefined) {
      throw new ScriptError(
        'Clock triggers need a schedule: everyMinutes, everyHours, everyDays, everyWeeks, onMonthDay, at, atDate or after.',
      );
    }
    if (this.rt.isAddon && s.everyMinutes !== undefined) {
      // Editor add-ons: "Time-driven triggers cannot run more frequently than once per hour."
      throw new ScriptError(
        'Add-on time-based triggers can only be set to run once per hour at most.',
      );
    }
    return createTrigger(this.rt, 'ClockTriggerBuilder', {
      ...s,
      handler: this.handler,
      eventType: 'CLOCK',
    });
  }
}

class SpreadsheetTriggerBuilder {
  private eventType: TriggerState['eventType'] | undefined;

  constructor(
    private readonly rt: Runtime,
    private readonly handler: string,
  ) {}

  private on(eventType: TriggerState['eventType'], method: string): this {
    this.rt.call(`ScriptApp.SpreadsheetTriggerBuilder.${method}`, { minAuthMode: 'FULL' });
    this.eventType = eventType;
    return this;
  }
  onOpen(): this {
    return this.on('ON_OPEN', 'onOpen');
  }
  onEdit(): this {
    return this.on('ON_EDIT', 'onEdit');
  }
  onChange(): this {
    return this.on('ON_CHANGE', 'onChange');
  }
  onFormSubmit(): this {
    return this.on('ON_FORM_SUBMIT', 'onFormSubmit');
  }
  create(): Trigger {
    if (!this.eventType)
      throw new ScriptError(
        'Choose the trigger event (onOpen, onEdit, onChange or onFormSubmit) first.',
      );
    return createTrigger(this.rt, 'SpreadsheetTriggerBuilder', {
      handler: this.handler,
      eventType: this.eventType,
    });
  }
}

class TriggerBuilder {
  constructor(
    private readonly rt: Runtime,
    private readonly handler: string,
  ) {}
  timeBased(): ClockTriggerBuilder {
    this.rt.call('ScriptApp.TriggerBuilder.timeBased', { minAuthMode: 'FULL' });
    return new ClockTriggerBuilder(this.rt, this.handler);
  }
  /** The emulator has one document: any spreadsheet (or its id) means this one. */
  forSpreadsheet(_sheetOrKey: unknown): SpreadsheetTriggerBuilder {
    this.rt.call('ScriptApp.TriggerBuilder.forSpreadsheet', { minAuthMode: 'FULL' });
    return new SpreadsheetTriggerBuilder(this.rt, this.handler);
  }
}

export function createScriptApp(rt: Runtime) {
  const manage = (method: string, kind: 'read' | 'write' | 'other'): void =>
    rt.call(`ScriptApp.${method}`, { scopes: [SCOPE.SCRIPTAPP], minAuthMode: 'FULL', kind });
  const mine = (): Trigger[] =>
    rt.state.triggers.filter((t) => t.owner === rt.user).map((t) => new Trigger(rt, t));

  return {
    AuthMode,
    AuthorizationStatus,
    EventType,
    TriggerSource,
    WeekDay,
    InstallationSource,

    getAuthorizationInfo(_authMode: string) {
      rt.call('ScriptApp.getAuthorizationInfo');
      // Every scope of the manifest is granted in the emulator.
      return {
        getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED,
        getAuthorizationUrl: (): string | null => null,
        getAuthorizedScopes: (): string[] => [...rt.scopes],
      };
    },
    getInstallationSource(): string {
      rt.call('ScriptApp.getInstallationSource', { minAuthMode: 'NONE' });
      return rt.isAddon ? InstallationSource.WEB_STORE_ADD_ON : InstallationSource.NONE;
    },
    getScriptId(): string {
      rt.call('ScriptApp.getScriptId', { minAuthMode: 'NONE' });
      return `script-${rt.state.spreadsheet.id}`;
    },
    getOAuthToken(): string {
      rt.call('ScriptApp.getOAuthToken');
      return 'emulator-oauth-token';
    },
    /** The add-on is not deployed as a web app, so, as in Apps Script, it has no URL. */
    getService() {
      rt.call('ScriptApp.getService');
      return { getUrl: (): string | null => null, isEnabled: (): boolean => false };
    },

    /** Only the current user's triggers: Apps Script hides other users' triggers. */
    getProjectTriggers(): Trigger[] {
      manage('getProjectTriggers', 'read');
      return mine();
    },
    getUserTriggers(_document: unknown): Trigger[] {
      manage('getUserTriggers', 'read');
      return mine();
    },
    deleteTrigger(trigger: Trigger): void {
      manage('deleteTrigger', 'write');
      const id = trigger instanceof Trigger ? trigger.state.id : undefined;
      const index = rt.state.triggers.findIndex((t) => t.id === id && t.owner === rt.user);
      if (index >= 0) rt.state.triggers.splice(index, 1);
    },
    newTrigger(functionName: string): TriggerBuilder {
      manage('newTrigger', 'other');
      return new TriggerBuilder(rt, String(functionName));
    },
  };
}
