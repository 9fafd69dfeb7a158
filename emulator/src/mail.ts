/**
 * MailApp: sent messages go to rt.state.outbox instead of the internet.
 *
 * What matters for the add-on is enforced as Apps Script does: the send_mail scope, FULL auth mode
 * (simple triggers cannot send mail), valid addresses, 50 recipients per message and the daily
 * recipient quota per user (counted in the script's time zone). A refused message sends nothing
 * and uses no quota.
 */
import { Runtime, SCOPE, ScriptError } from './core';
import type { SentEmail } from './state';
import { dayKey } from './services';

const MAIL_SCOPES = [SCOPE.SEND_MAIL, SCOPE.MAIL_FULL];
const MAX_RECIPIENTS_PER_MESSAGE = 50;

interface MailMessage {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  replyTo?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  name?: unknown;
  noReply?: unknown;
  attachments?: unknown;
}

type MailOptions = Omit<MailMessage, 'to' | 'subject' | 'body'>;

/** "a@x.org, B <b@y.org>" -> ['a@x.org', 'b@y.org']; throws "Invalid email: …" on a bad one. */
export function parseRecipients(list: unknown): string[] {
  if (list === undefined || list === null) return [];
  return String(list)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const address = /<([^<>]*)>\s*$/.exec(entry)?.[1]?.trim() ?? entry;
      if (!isValidEmail(address)) throw new ScriptError(`Invalid email: ${entry}`);
      return address;
    });
}

function isValidEmail(address: string): boolean {
  return /^[^\s@<>(),;:"[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(
    address,
  );
}

/** Attachments are described, not stored: a name, a type and a size are enough for the outbox. */
function describeAttachments(attachments: unknown): SentEmail['attachments'] {
  if (!Array.isArray(attachments) || attachments.length === 0) return undefined;
  return attachments.map((a: unknown) => {
    const blob = a as {
      getName?: () => unknown;
      getContentType?: () => unknown;
      getBytes?: () => unknown;
    };
    const bytes = typeof blob.getBytes === 'function' ? blob.getBytes() : [];
    return {
      name: String((typeof blob.getName === 'function' ? blob.getName() : null) ?? 'attachment'),
      contentType: String(
        (typeof blob.getContentType === 'function' ? blob.getContentType() : null) ??
          'application/octet-stream',
      ),
      size: Array.isArray(bytes) ? bytes.length : 0,
    };
  });
}

/** How Apps Script names argument types in its "parameters don't match" errors. */
function javaTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}

function optionalString(value: unknown): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

export function createMailApp(rt: Runtime) {
  const quotaKey = (): string => `${rt.user}|${dayKey(rt.now(), rt.timeZone)}`;
  const used = (): number => rt.state.mailRecipientsUsed[quotaKey()] ?? 0;

  function send(message: MailMessage): void {
    const to = parseRecipients(message.to);
    const cc = parseRecipients(message.cc);
    const bcc = parseRecipients(message.bcc);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw new ScriptError('Failed to send email: no recipient');
    if (count > MAX_RECIPIENTS_PER_MESSAGE) {
      throw new ScriptError('Limit Exceeded: Email Recipients Per Message.');
    }
    if (used() + count > rt.mailDailyQuota) {
      throw new ScriptError('Service invoked too many times for one day: email.');
    }
    const replyTo = optionalString(message.replyTo);
    if (replyTo !== undefined) parseRecipients(replyTo);
    const email: SentEmail = {
      id: rt.nextId('mail-'),
      sentAt: rt.now(),
      from: rt.user,
      to,
      cc,
      bcc,
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
    };
    const htmlBody = optionalString(message.htmlBody);
    if (htmlBody !== undefined) email.htmlBody = htmlBody;
    const name = optionalString(message.name);
    if (name !== undefined) email.name = name;
    if (replyTo !== undefined) email.replyTo = replyTo;
    if (message.noReply === true) email.noReply = true;
    const attachments = describeAttachments(message.attachments);
    if (attachments) email.attachments = attachments;
    rt.state.outbox.push(email);
    rt.state.mailRecipientsUsed[quotaKey()] = used() + count;
  }

  return {
    /**
     * sendEmail(message) | sendEmail(recipient, subject, body[, options])
     * | sendEmail(recipient, replyTo, subject, body) (the old four-string form).
     */
    sendEmail(...args: unknown[]): void {
      rt.call('MailApp.sendEmail', { scopes: MAIL_SCOPES, minAuthMode: 'FULL', kind: 'write' });
      const [first, second, third, fourth] = args;
      if (args.length === 1 && typeof first === 'object' && first !== null) {
        send(first as MailMessage);
      } else if (args.length === 4 && typeof fourth === 'string') {
        send({ to: first, replyTo: second, subject: third, body: fourth });
      } else if (args.length >= 3) {
        const options = (
          typeof fourth === 'object' && fourth !== null ? fourth : {}
        ) as MailOptions;
        send({ ...options, to: first, subject: second, body: third });
      } else {
        throw new ScriptError(
          `The parameters (${args.map(javaTypeName).join(',')}) don't match the method signature for MailApp.sendEmail.`,
        );
      }
      rt.afterCall('MailApp.sendEmail');
    },
    getRemainingDailyQuota(): number {
      rt.call('MailApp.getRemainingDailyQuota', {
        scopes: MAIL_SCOPES,
        minAuthMode: 'FULL',
        kind: 'read',
      });
      return Math.max(0, rt.mailDailyQuota - used());
    },
  };
}
