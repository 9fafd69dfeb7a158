import { Runtime, SCOPE, type AuthMode } from '../../emulator/src/core';
import { emptyState } from '../../emulator/src/state';
import { createMailApp } from '../../emulator/src/mail';
import { createUtilities } from '../../emulator/src/services';

const USER = 'senco@school.example';

function setup(options: { now?: Date; scopes?: string[]; authMode?: AuthMode } = {}) {
  const clock = { current: options.now ?? new Date('2025-06-02T09:00:00Z') };
  const rt = new Runtime(
    emptyState(),
    { now: () => new Date(clock.current.getTime()) },
    USER,
    new Set(options.scopes ?? [SCOPE.SEND_MAIL]),
    '/tmp',
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
  const setNow = (iso: string) => {
    clock.current = new Date(iso);
  };
  return { rt, MailApp: createMailApp(rt), setNow };
}

/** n distinct valid addresses, comma-separated. */
function addresses(n: number, domain = 'school.example'): string {
  return Array.from({ length: n }, (_, i) => `staff${i}@${domain}`).join(', ');
}

describe('MailApp.sendEmail', () => {
  it('puts a plain message in the outbox, from the running user', () => {
    const { rt, MailApp } = setup();
    MailApp.sendEmail('teacher@school.example', 'Review due', 'A.B. has a review due.');
    expect(rt.state.outbox).toEqual([
      expect.objectContaining({
        from: USER,
        to: ['teacher@school.example'],
        cc: [],
        bcc: [],
        subject: 'Review due',
        body: 'A.B. has a review due.',
        sentAt: new Date('2025-06-02T09:00:00Z'),
      }),
    ]);
    expect(rt.state.outbox[0]?.htmlBody).toBeUndefined();
  });

  it('takes options: htmlBody, name, replyTo, cc, bcc, noReply, attachments', () => {
    const { rt, MailApp } = setup();
    const blob = createUtilities(rt).newBlob('hello', 'text/plain', 'note.txt');
    MailApp.sendEmail('a@school.example, B Person <b@school.example>', 'Subject', 'Text', {
      htmlBody: '<p>Hi</p>',
      name: 'Provision map',
      replyTo: 'senco@school.example',
      cc: 'c@school.example',
      bcc: 'd@school.example',
      noReply: true,
      attachments: [blob],
    });
    expect(rt.state.outbox[0]).toMatchObject({
      to: ['a@school.example', 'b@school.example'],
      cc: ['c@school.example'],
      bcc: ['d@school.example'],
      htmlBody: '<p>Hi</p>',
      name: 'Provision map',
      replyTo: 'senco@school.example',
      noReply: true,
      attachments: [{ name: 'note.txt', contentType: 'text/plain', size: 5 }],
    });
  });

  it('takes a message object', () => {
    const { rt, MailApp } = setup();
    MailApp.sendEmail({
      to: 'x@school.example',
      subject: 'S',
      body: 'B',
      htmlBody: '<b>B</b>',
      cc: 'y@school.example',
    });
    expect(rt.state.outbox[0]).toMatchObject({
      to: ['x@school.example'],
      cc: ['y@school.example'],
      htmlBody: '<b>B</b>',
    });
  });

  it('refuses invalid addresses and messages without recipients', () => {
    const { rt, MailApp } = setup();
    expect(() => MailApp.sendEmail('not-an-address', 'S', 'B')).toThrow(
      'Invalid email: not-an-address',
    );
    expect(() => MailApp.sendEmail('ok@school.example', 'S', 'B', { cc: 'bad@' })).toThrow(
      'Invalid email: bad@',
    );
    expect(() => MailApp.sendEmail({ subject: 'S', body: 'B' })).toThrow(
      'Failed to send email: no recipient',
    );
    expect(rt.state.outbox).toHaveLength(0);
  });

  it('refuses more than 50 recipients in one message', () => {
    const { rt, MailApp } = setup();
    expect(() =>
      MailApp.sendEmail(addresses(40), 'S', 'B', { bcc: addresses(11, 'other.example') }),
    ).toThrow(/Email Recipients Per Message/);
    MailApp.sendEmail(addresses(50), 'S', 'B');
    expect(rt.state.outbox).toHaveLength(1);
  });
});

describe('daily recipient quota', () => {
  it('counts to, cc and bcc recipients and stops at the quota, sending nothing', () => {
    const { rt, MailApp } = setup();
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    MailApp.sendEmail('a@school.example', 'S', 'B', {
      cc: 'b@school.example',
      bcc: 'c@school.example',
    });
    expect(MailApp.getRemainingDailyQuota()).toBe(97);
    expect(rt.state.mailRecipientsUsed[`${USER}|2025-06-02`]).toBe(3);

    MailApp.sendEmail(addresses(50), 'S', 'B');
    MailApp.sendEmail(addresses(45), 'S', 'B');
    expect(MailApp.getRemainingDailyQuota()).toBe(2);
    expect(() => MailApp.sendEmail(addresses(3), 'S', 'B')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(rt.state.outbox).toHaveLength(3);
    expect(MailApp.getRemainingDailyQuota()).toBe(2);
    MailApp.sendEmail(addresses(2), 'S', 'B');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
  });

  it('resets at midnight in the script time zone, per user', () => {
    const { rt, MailApp, setNow } = setup({ now: new Date('2025-06-02T22:30:00Z') }); // 23:30 in London
    rt.mailDailyQuota = 2;
    MailApp.sendEmail(addresses(2), 'S', 'B');
    expect(() => MailApp.sendEmail('x@school.example', 'S', 'B')).toThrow(/too many times/);

    // Another user has their own quota.
    rt.user = 'teacher@school.example';
    MailApp.sendEmail('x@school.example', 'S', 'B');
    rt.user = USER;

    setNow('2025-06-02T23:30:00Z'); // 00:30 the next day in London, still 2 June in UTC
    expect(MailApp.getRemainingDailyQuota()).toBe(2);
    MailApp.sendEmail('x@school.example', 'S', 'B');
    expect(rt.state.mailRecipientsUsed[`${USER}|2025-06-03`]).toBe(1);
  });

  it('uses a Workspace quota when the runtime is given one', () => {
    const { rt, MailApp } = setup();
    rt.mailDailyQuota = 1500;
    for (let i = 0; i < 3; i += 1) MailApp.sendEmail(addresses(50), 'S', 'B');
    expect(rt.state.outbox).toHaveLength(3);
    expect(MailApp.getRemainingDailyQuota()).toBe(1350);
  });
});

describe('permissions and faults', () => {
  it('needs script.send_mail (or full Gmail) scope', () => {
    const none = setup({ scopes: [] });
    expect(() => none.MailApp.sendEmail('a@school.example', 'S', 'B')).toThrow(
      /Specified permissions are not sufficient to call MailApp.sendEmail/,
    );
    const gmail = setup({ scopes: [SCOPE.MAIL_FULL] });
    gmail.MailApp.sendEmail('a@school.example', 'S', 'B');
    expect(gmail.rt.state.outbox).toHaveLength(1);
  });

  it('cannot send from a simple trigger (LIMITED or NONE auth mode)', () => {
    const { rt, MailApp } = setup({ authMode: 'LIMITED' });
    expect(() => MailApp.sendEmail('a@school.example', 'S', 'B')).toThrow(/permission/);
    expect(rt.state.outbox).toHaveLength(0);
  });

  it('throws an injected fault and sends nothing', () => {
    const { rt, MailApp } = setup();
    rt.injectFault({
      method: 'MailApp.sendEmail',
      onCall: 2,
      message: 'Service unavailable: Gmail',
    });
    MailApp.sendEmail('a@school.example', 'S', 'B');
    expect(() => MailApp.sendEmail('b@school.example', 'S', 'B')).toThrow(
      'Service unavailable: Gmail',
    );
    expect(rt.state.outbox.map((m) => m.to[0])).toEqual(['a@school.example']);
    expect(rt.calls.get('MailApp.sendEmail')).toBe(2);
  });

  it('an "after" fault delivers the email, then throws: a send that timed out on its way back', () => {
    const { rt, MailApp } = setup();
    rt.injectFault({ method: 'MailApp.sendEmail', message: 'Timed out', after: true });
    expect(() => MailApp.sendEmail('a@school.example', 'S', 'B')).toThrow('Timed out');
    expect(rt.state.outbox.map((m) => m.to[0])).toEqual(['a@school.example']);
  });

  it('a "*" fault breaks the Nth service call, whatever it is', () => {
    const { rt, MailApp } = setup();
    rt.injectFault({ method: '*', onCall: 2, message: 'Service error' });
    MailApp.getRemainingDailyQuota();
    expect(() => MailApp.sendEmail('a@school.example', 'S', 'B')).toThrow('Service error');
    expect(rt.state.outbox).toHaveLength(0);
    MailApp.sendEmail('b@school.example', 'S', 'B');
    expect(rt.state.outbox).toHaveLength(1);
  });
});
