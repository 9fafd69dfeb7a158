/** Email through MailApp (scope script.send_mail): the one place the add-on sends mail. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  /** Plain-text body, for mail readers that show no HTML. */
  text: string;
  /** HTML body: every value in it must already be escaped. */
  html: string;
}

export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

export function sendEmail(email: OutgoingEmail): void {
  MailApp.sendEmail({
    to: email.to,
    subject: email.subject,
    body: email.text,
    htmlBody: email.html,
    name: 'SEND provision map',
  });
}
