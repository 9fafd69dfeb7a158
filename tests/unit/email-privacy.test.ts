/** Email privacy (src/domain/email-privacy.ts): who may widen emails, and what a hand edit gets. */
import {
  currentWords,
  fullNamesAllowed,
  handChange,
  isSenco,
  noticeEmail,
  noticeWords,
  parseApproval,
  type Approval,
} from '../../src/domain/email-privacy';

const APPROVED: Approval = {
  value: 'Yes',
  by: 'senco@school.example',
  on: '2026-11-20T10:00:00.000Z',
};
const DECLINED: Approval = { ...APPROVED, value: 'No' };

describe('full names only when the cell AND the SENCo’s approval say Yes', () => {
  test.each([
    [true, APPROVED, true],
    [true, DECLINED, false],
    [true, undefined, false], // typed Yes by hand, not approved: still initials
    [false, APPROVED, false],
    [false, undefined, false],
  ])('cell Yes: %s, approval %j → %s', (cell, approval, allowed) => {
    expect(fullNamesAllowed(cell, approval)).toBe(allowed);
  });
});

describe('what the daily run does about the cell', () => {
  test('Yes without approval: set back to No', () => {
    expect(handChange('Yes', undefined)).toEqual({ kind: 'revert' });
    expect(handChange(' yes ', DECLINED)).toEqual({ kind: 'revert' });
  });
  test('no longer Yes while Yes is approved: the narrowing stands, the approval is withdrawn', () => {
    expect(handChange('No', APPROVED)).toEqual({ kind: 'withdraw', approval: APPROVED });
    expect(handChange(undefined, APPROVED)).toEqual({ kind: 'withdraw', approval: APPROVED });
  });
  test('matching the approval: nothing to do', () => {
    expect(handChange('Yes', APPROVED)).toBeUndefined();
    expect(handChange('No', DECLINED)).toBeUndefined();
    expect(handChange('No', undefined)).toBeUndefined();
    expect(handChange('', undefined)).toBeUndefined();
  });
});

test('a SENCo is a Staff row with Role SENCo whose Email is the acting user’s', () => {
  const staff = [
    { role: 'SENCo', email: 'Senco@School.example ' },
    { role: 'TA', email: 'ta@school.example' },
    { role: 'SENCo', email: '' },
  ];
  expect(isSenco(staff, 'senco@school.example')).toBe(true);
  expect(isSenco(staff, 'ta@school.example')).toBe(false);
  expect(isSenco(staff, '')).toBe(false);
});

test('the approval is read back; anything odd counts as none', () => {
  expect(parseApproval(JSON.stringify(APPROVED))).toEqual(APPROVED);
  expect(parseApproval(JSON.stringify({ value: 'Maybe', by: 'x' }))).toBeUndefined();
  expect(parseApproval('{')).toBeUndefined();
  expect(parseApproval(null)).toBeUndefined();
});

test('the current setting in words', () => {
  expect(currentWords('Yes', APPROVED)).toBe(
    'Emails now give pupils’ full names: senco@school.example switched this on, 20 November 2026.',
  );
  expect(currentWords('No', undefined)).toContain('initials and year group only');
  expect(currentWords('Yes', undefined)).toContain(
    'The Settings tab says Yes, but no SENCo has switched full names on through the add-on',
  );
});

test('what the SENCos are told, in an email that carries no pupil data and is escaped', () => {
  const on = new Date(2026, 10, 23, 7, 0);
  const notice = noticeWords({ kind: 'revert' }, on);
  expect(notice).toBe(
    'On Monday 23 November 2026 the add-on found “Full names in emails” set to Yes on the Settings tab, but no SENCo had switched full names on through the add-on. It set it back to No: emails give pupils’ initials and year group only. A SENCo can switch full names on from the add-on menu: Email privacy….',
  );
  expect(noticeWords({ kind: 'withdraw', approval: APPROVED }, on)).toContain(
    'the approval of full names (by senco@school.example) has been withdrawn',
  );
  const email = noticeEmail('a@school.example,b@school.example', '<b>x</b>', 'https://sheet');
  expect(email.to).toBe('a@school.example,b@school.example');
  expect(email.html).toContain('&lt;b&gt;x&lt;/b&gt;');
  expect(email.text).toContain('Open the provision map: https://sheet');
});
