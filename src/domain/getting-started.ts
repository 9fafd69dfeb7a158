/**
 * Getting started: the five things a school does once to make a blank Sheet its provision map,
 * and when each counts as done, worked out from the workbook itself (never remembered apart from
 * it, so a step undone by hand shows as to do again).
 */
import { TABS, TAB_ORDER } from './workbook';

export const GETTING_STARTED_STEPS = [
  'setUp',
  'staff',
  'pupils',
  'intervention',
  'reminders',
] as const;
export type GettingStartedStep = (typeof GETTING_STARTED_STEPS)[number];

/** What the workbook says, read in one go. */
export interface WorkbookFacts {
  /** The names of the Sheet's tabs. */
  tabNames: readonly string[];
  /** Rows under the header on the Staff, Pupils and Interventions tabs (0 when a tab is missing). */
  staffRows: number;
  pupilRows: number;
  interventionRows: number;
  /** Who sends the review reminders ('' for nobody), who is asking, and their own reminder triggers. */
  remindersOwner: string;
  user: string;
  myReminderTriggers: number;
}

export interface StepStatus {
  step: GettingStartedStep;
  done: boolean;
  /** What is there now, in a sentence: "2 people on the Staff tab." */
  detail: string;
}

/** The provision map's tabs, in set-up order (the Sheet is blank when it has none of them). */
export const PROVISION_MAP_TABS: readonly string[] = TAB_ORDER.map((key) => TABS[key].name);

/** The provision map's tabs that the Sheet does not have yet, in set-up order. */
export function missingTabs(tabNames: readonly string[]): string[] {
  return PROVISION_MAP_TABS.filter((name) => !tabNames.includes(name));
}

const sameEmail = (a: string, b: string): boolean =>
  a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Reminders are on when someone is recorded as sending them and, when that is the person asking,
 * their daily trigger exists (someone else's trigger cannot be seen from this account).
 */
export function remindersAreOn(
  facts: Pick<WorkbookFacts, 'remindersOwner' | 'user' | 'myReminderTriggers'>,
): boolean {
  if (facts.remindersOwner.trim() === '') return false;
  return !sameEmail(facts.remindersOwner, facts.user) || facts.myReminderTriggers > 0;
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

function setUpDetail(missing: readonly string[]): string {
  if (missing.length === 0) return 'Every tab of the provision map is there.';
  if (missing.length === PROVISION_MAP_TABS.length) return 'This Sheet has none of the tabs yet.';
  return `Missing ${missing.length === 1 ? 'tab' : 'tabs'}: ${missing.join(', ')}.`;
}

function remindersDetail(facts: WorkbookFacts, on: boolean): string {
  const owner = facts.remindersOwner.trim();
  if (on && sameEmail(owner, facts.user)) return 'On, sent from your account.';
  if (on) return `On, sent from ${owner}'s account.`;
  if (owner !== '') {
    return 'They were turned on from your account, but their daily schedule has gone: turn them on again.';
  }
  return 'Not on yet.';
}

/** Each step, done or not, with what is there now. Steps after set-up wait for its tabs. */
export function gettingStartedSteps(facts: WorkbookFacts): StepStatus[] {
  const missing = missingTabs(facts.tabNames);
  const has = (tab: string): boolean => facts.tabNames.includes(tab);
  const rows = (tab: string, n: number, one: string, many: string): StepStatus['detail'] =>
    !has(tab)
      ? `Once the provision map is set up (there is no ${tab} tab yet).`
      : n === 0
        ? `The ${tab} tab is empty.`
        : `${count(n, one, many)} on the ${tab} tab.`;
  const on = remindersAreOn(facts);
  return [
    { step: 'setUp', done: missing.length === 0, detail: setUpDetail(missing) },
    {
      step: 'staff',
      done: has(TABS.staff.name) && facts.staffRows > 0,
      detail: rows(TABS.staff.name, facts.staffRows, 'person', 'people'),
    },
    {
      step: 'pupils',
      done: has(TABS.pupils.name) && facts.pupilRows > 0,
      detail: rows(TABS.pupils.name, facts.pupilRows, 'pupil', 'pupils'),
    },
    {
      step: 'intervention',
      done: has(TABS.interventions.name) && facts.interventionRows > 0,
      detail: rows(
        TABS.interventions.name,
        facts.interventionRows,
        'intervention',
        'interventions',
      ),
    },
    { step: 'reminders', done: on, detail: remindersDetail(facts, on) },
  ];
}
