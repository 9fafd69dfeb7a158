/**
 * 'Full names in emails': only a SENCo may switch it on, through the add-on, and it is audited;
 * a hand edit never widens emails, and the daily run sets it back and tells the SENCo.
 */
import type { Emulator } from '../../emulator/src';
import { setUpEmulator, switchOnFullNames } from '../support/emulator';
import { dashboard, seedSchool, setSetting, sevenAm } from '../support/reminders-school';

const SENCO = 'senco@school.example';
const TOM = 'treed@school.example'; // a TA on the Staff tab
const APPROVAL_KEY = 'emailPrivacy.fullNames';
const FULL = 'Ann Patel (Year 3)';
const INITIALS = 'A.P. (Year 3)';

function school(): Emulator {
  const emu = setUpEmulator();
  seedSchool(emu);
  emu.menu('turnOnReminders');
  return emu;
}

function alerts(emu: Emulator, functionName: string, user = SENCO) {
  return emu.menu(functionName, user).uiEvents.flatMap((e) => (e.type === 'alert' ? [e] : []));
}

function cell(emu: Emulator): unknown {
  return emu.records('Settings').find((r) => r.Setting === 'Full names in emails')?.Value;
}

function auditFor(emu: Emulator): Record<string, unknown>[] {
  return emu.records('Audit log').filter((r) => r['Record ID'] === 'Full names in emails');
}

function digestFor(emu: Emulator, address: string): string {
  return emu
    .outbox()
    .filter((m) => m.to.includes(address) && m.subject.startsWith('Reviews'))
    .map((m) => m.body)
    .join('\n');
}

function notices(emu: Emulator) {
  return emu.outbox().filter((m) => m.subject.startsWith('Email privacy'));
}

test('the menu shows the setting and asks the SENCo Yes or No', () => {
  const emu = school();
  emu.answerAlerts('NO');
  const [question, answer] = alerts(emu, 'showEmailPrivacy');
  expect(question).toMatchObject({ title: 'Email privacy', buttons: 'YES_NO' });
  expect(question?.message).toContain('Emails now give pupils’ initials and year group only');
  expect(question?.message).toContain('Should emails give pupils’ full names?');
  expect(answer?.message).toBe(
    'Nothing changed: emails already give pupils’ initials and year group only.',
  );
  expect(cell(emu)).toBe('No');
  expect(auditFor(emu)).toHaveLength(0);
});

test('anyone but a SENCo is refused in words, and nothing changes', () => {
  const emu = school();
  const shown = alerts(emu, 'showEmailPrivacy', TOM);
  expect(shown).toHaveLength(1);
  expect(shown[0]?.buttons).toBe('OK');
  expect(shown[0]?.message).toContain(
    `Only a SENCo can change this: your account (${TOM}) is not the email of a SENCo on the Staff tab.`,
  );
  expect(cell(emu)).toBe('No');
  expect(emu.state.properties.document[APPROVAL_KEY]).toBeUndefined();
  expect(auditFor(emu)).toHaveLength(0);
});

test('a SENCo switches full names on: the cell, the approval, audit rows and the Dashboard', () => {
  const emu = school();
  emu.answerAlerts('YES');
  const [, done] = alerts(emu, 'showEmailPrivacy');
  expect(done?.message).toBe(
    'Done: emails now give pupils’ full names. The change, and your approval, are recorded in the Audit log.',
  );
  expect(cell(emu)).toBe('Yes');
  const approval = JSON.parse(emu.state.properties.document[APPROVAL_KEY]!) as Record<
    string,
    string
  >;
  expect(approval).toMatchObject({ value: 'Yes', by: SENCO });
  expect(new Date(approval.on!).getTime()).toBe(emu.now.getTime());
  expect(auditFor(emu)).toEqual([
    expect.objectContaining({ Who: SENCO, Field: 'Value', 'Old value': 'No', 'New value': 'Yes' }),
    expect.objectContaining({
      Who: SENCO,
      Field: 'SENCo approval',
      'Old value': 'none',
      'New value': `Yes (${SENCO}, ${approval.on!.slice(0, 10)})`,
    }),
  ]);
  expect(dashboard(emu)['Email privacy']?.value).toBe('Full names');
  emu.fireDueTriggers(sevenAm(24));
  expect(digestFor(emu, TOM)).toContain(FULL);
  expect(notices(emu)).toHaveLength(0);
  // And off again.
  emu.answerAlerts('NO');
  alerts(emu, 'showEmailPrivacy');
  expect(cell(emu)).toBe('No');
});

test('typed Yes by hand: emails still use initials, even before the daily check notices', () => {
  const emu = school();
  setSetting(emu, 'Full names in emails', 'Yes');
  // The check is cut off (its read of Settings fails): the reminders themselves still refuse.
  emu.injectFault({ method: 'SpreadsheetApp.Sheet.getDataRange', message: 'Service error' });
  emu.fireDueTriggers(sevenAm(24));
  expect(cell(emu)).toBe('Yes'); // not noticed yet
  expect(digestFor(emu, TOM)).toContain(INITIALS);
  expect(digestFor(emu, TOM)).not.toContain(FULL);
});

test('the daily run sets a hand-typed Yes back to No, audits it, notes it and tells the SENCo', () => {
  const emu = school();
  emu.setUser(TOM);
  setSetting(emu, 'Full names in emails', 'Yes');
  emu.setUser(SENCO);
  expect(auditFor(emu)).toEqual([
    expect.objectContaining({ Who: `${TOM} (by hand)`, 'Old value': 'No', 'New value': 'Yes' }),
  ]);
  emu.fireDueTriggers(sevenAm(24));
  expect(cell(emu)).toBe('No');
  expect(auditFor(emu).at(-1)).toMatchObject({
    Who: 'SEND provision map add-on (daily check)',
    'Record type': 'Settings',
    Field: 'Value',
    'Old value': 'Yes',
    'New value': 'No',
  });
  expect(dashboard(emu)['Email privacy']).toEqual({
    value: 'Initials only',
    notes: expect.stringContaining('found “Full names in emails” set to Yes on the Settings tab'),
  });
  expect(digestFor(emu, TOM)).toContain(INITIALS);
  const [notice] = notices(emu);
  expect(notices(emu)).toHaveLength(1);
  expect(notice?.to).toEqual([SENCO]);
  expect(notice?.body).toContain('It set it back to No');
  expect(notice?.body).not.toMatch(/Ann|Patel|Omar/);
  // A rerun the same day, and the next day: nothing more to say.
  emu.run('sendDailyReminders', [{}], { kind: 'trigger', user: SENCO });
  emu.fireDueTriggers(sevenAm(25));
  expect(notices(emu)).toHaveLength(1);
  expect(auditFor(emu).filter((r) => String(r.Who).includes('daily check'))).toHaveLength(1);
});

test('narrowed by hand after approval: the No stands, the approval is withdrawn, the SENCo told', () => {
  const emu = school();
  switchOnFullNames(emu);
  setSetting(emu, 'Full names in emails', 'No');
  emu.fireDueTriggers(sevenAm(24));
  expect(cell(emu)).toBe('No');
  expect(JSON.parse(emu.state.properties.document[APPROVAL_KEY]!)).toMatchObject({ value: 'No' });
  expect(auditFor(emu).at(-1)).toMatchObject({
    Field: 'SENCo approval',
    'New value': 'No (withdrawn: the setting was changed by hand)',
  });
  expect(notices(emu)[0]?.body).toContain('has been withdrawn');
  // Typing Yes back by hand now widens nothing, and is set back the next school day.
  setSetting(emu, 'Full names in emails', 'Yes');
  emu.fireDueTriggers(sevenAm(25));
  expect(cell(emu)).toBe('No');
  expect(digestFor(emu, TOM)).not.toContain(FULL);
});

test('the menu offers it', () => {
  const emu = school();
  expect(emu.open().flatMap((m) => m.items)).toContainEqual({
    type: 'item',
    caption: 'Email privacy…',
    functionName: 'showEmailPrivacy',
  });
});
