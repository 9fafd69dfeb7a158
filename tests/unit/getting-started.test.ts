import {
  PROVISION_MAP_TABS,
  gettingStartedSteps,
  missingTabs,
  remindersAreOn,
  type WorkbookFacts,
} from '../../src/domain/getting-started';

const SET_UP: WorkbookFacts = {
  tabNames: ['Sheet1', ...PROVISION_MAP_TABS],
  staffRows: 0,
  pupilRows: 0,
  interventionRows: 0,
  remindersOwner: '',
  user: 'senco@school.example',
  myReminderTriggers: 0,
};

const stepOf = (facts: WorkbookFacts, step: string) =>
  gettingStartedSteps(facts).find((s) => s.step === step);

describe('Getting started steps', () => {
  it('on a blank Sheet: nothing is done, and the later steps wait for set-up', () => {
    const steps = gettingStartedSteps({ ...SET_UP, tabNames: ['Sheet1'] });
    expect(steps.map((s) => [s.step, s.done])).toEqual([
      ['setUp', false],
      ['staff', false],
      ['pupils', false],
      ['intervention', false],
      ['reminders', false],
    ]);
    expect(steps[0]?.detail).toBe('This Sheet has none of the tabs yet.');
    expect(steps[1]?.detail).toBe('Once the provision map is set up (there is no Staff tab yet).');
  });

  it('set-up is done only when every tab is there, and names the missing ones', () => {
    const twoGone = SET_UP.tabNames.filter((t) => t !== 'Reviews' && t !== 'Audit log');
    expect(missingTabs(twoGone)).toEqual(['Reviews', 'Audit log']);
    expect(stepOf({ ...SET_UP, tabNames: twoGone }, 'setUp')).toEqual({
      step: 'setUp',
      done: false,
      detail: 'Missing tabs: Reviews, Audit log.',
    });
    expect(stepOf(SET_UP, 'setUp')?.done).toBe(true);
  });

  it('staff, pupils and an intervention are done once their tab has a row', () => {
    const facts = { ...SET_UP, staffRows: 1, pupilRows: 212, interventionRows: 0 };
    expect(stepOf(facts, 'staff')).toMatchObject({
      done: true,
      detail: '1 person on the Staff tab.',
    });
    expect(stepOf(facts, 'pupils')).toMatchObject({
      done: true,
      detail: '212 pupils on the Pupils tab.',
    });
    expect(stepOf(facts, 'intervention')).toMatchObject({
      done: false,
      detail: 'The Interventions tab is empty.',
    });
  });

  it('a row left on a Staff tab the set-up has not made yet does not count', () => {
    const noStaffTab = SET_UP.tabNames.filter((t) => t !== 'Staff');
    expect(stepOf({ ...SET_UP, tabNames: noStaffTab, staffRows: 3 }, 'staff')?.done).toBe(false);
  });
});

describe('remindersAreOn', () => {
  const me = 'senco@school.example';
  it('is off when nobody sends them', () => {
    expect(remindersAreOn({ remindersOwner: '', user: me, myReminderTriggers: 0 })).toBe(false);
  });
  it('is on when a colleague sends them (their trigger is not visible from this account)', () => {
    expect(
      remindersAreOn({ remindersOwner: 'ta@school.example', user: me, myReminderTriggers: 0 }),
    ).toBe(true);
  });
  it('for the sender, needs their daily trigger too (case of the address aside)', () => {
    expect(
      remindersAreOn({ remindersOwner: 'SENCo@School.example', user: me, myReminderTriggers: 1 }),
    ).toBe(true);
    expect(remindersAreOn({ remindersOwner: me, user: me, myReminderTriggers: 0 })).toBe(false);
    expect(stepOf({ ...SET_UP, remindersOwner: me }, 'reminders')?.detail).toMatch(
      /their daily schedule has gone: turn them on again/,
    );
  });
});
