/**
 * Telling the SENCo that a mid-point review needs their decision, by email, after the sheet is
 * written; the sidebar is told whether it went, or why not.
 */
import { escapeHtml } from '../domain/html';
import { longDate } from '../domain/participant';
import { pupilInEmail } from '../domain/review';
import { TABS } from '../domain/workbook';
import { remainingMailQuota, sendEmail } from '../services/mail';
import { settingValues } from '../store/facts';
import type { Table } from '../store/table';
import { activeSpreadsheet, readTables } from '../store/workbook';
import { reminderSettingsForEmail } from './email-privacy';

export interface Decision {
  interventionName: string;
  reason: string;
  judgement: string;
  furtherAction: string;
  recordedBy: string;
  date: Date;
  pupil: { firstName: string; lastName: string; yearGroup: string };
}

/** Emails the SENCo (the first Staff row with Role SENCo) and says so, or why not. */
export function tellSenco(decision: Decision, staffRead?: Table, settingsRead?: Table): string {
  const { staff, settings } =
    staffRead && settingsRead
      ? { staff: staffRead, settings: settingsRead }
      : readTables({ staff: TABS.staff, settings: TABS.settings });
  const senco = staff.records().find((row) => row.text('Role').toLowerCase() === 'senco');
  if (!senco) {
    return 'There is no SENCo on the Staff tab, so nobody was emailed: please tell your SENCo yourself.';
  }
  const name = senco.text('Name') || 'SENCo';
  const email = senco.text('Email');
  if (email === '') {
    return `The SENCo (${name}) has no email address on the Staff tab, so they were not emailed: please tell them yourself.`;
  }
  const { fullNames } = reminderSettingsForEmail(settingValues(settings));
  try {
    if (remainingMailQuota() < 1) {
      return `The email to the SENCo (${name}) could not be sent because today's email limit is used up: please tell them yourself.`;
    }
    const url = activeSpreadsheet().getUrl();
    sendEmail(decisionEmail(decision, email, name, url, fullNames));
  } catch {
    return `The email to the SENCo (${name}) could not be sent: please tell them yourself.`;
  }
  return `The SENCo (${name}) has been told.`;
}

function decisionEmail(
  decision: Decision,
  to: string,
  sencoName: string,
  url: string,
  fullNames: boolean,
): { to: string; subject: string; text: string; html: string } {
  const who = pupilInEmail(decision.pupil, fullNames);
  const lines = [
    `Hello ${sencoName},`,
    `A mid-point review of ${decision.interventionName} needs your decision for ${who}.`,
    `Why: ${decision.reason}.`,
    `Judgement: ${decision.judgement || 'not given'}. Further action suggested: ${decision.furtherAction || 'not given'}.`,
    `Recorded by ${decision.recordedBy} on ${longDate(decision.date)}.`,
    'Please decide whether to change or stop the intervention for this pupil. The review and the Needs decision column of the Interventions tab are in the provision map:',
  ];
  const e = escapeHtml;
  const html = [
    ...lines.slice(0, -1).map((line) => `<p>${e(line)}</p>`),
    `<p>${e(lines[lines.length - 1] ?? '')} <a href="${e(url)}">open the provision map</a>.</p>`,
  ].join('\n');
  return {
    to,
    subject: `Decision needed: ${decision.interventionName}`,
    text: [...lines, url].join('\n\n'),
    html,
  };
}
