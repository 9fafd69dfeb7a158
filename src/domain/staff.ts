/**
 * The Staff tab: one schema shared by the sidebar (validating as the user types) and the server
 * (validating again before anything is written), with the labels shown on the form and the tab
 * header each field is stored under; the SENCo check.
 */
import * as z from 'zod';
import { emailAddress, moneyText, pounds, type CellReader } from './record-fields';
import { oneOf, optionalText, requiredText, validateWith, type Validated } from './schema-helpers';
import { STAFF_ROLES } from './workbook';

export const staffSchema = z.object({
  name: requiredText('Name', 80),
  email: emailAddress('Email address'),
  role: oneOf('Role', STAFF_ROLES),
  hourlyCost: pounds('Hourly cost', 0, 1000),
  trainedIn: optionalText('Trained in', 500),
});

export type StaffMember = z.output<typeof staffSchema>;
export type StaffField = keyof StaffMember;
/** What the form sends: every field as typed. */
export type StaffForm = Record<StaffField, string>;

export function validateStaffMember(input: unknown): Validated<StaffMember> {
  return validateWith(staffSchema, input);
}

/** Field labels, in form order, for the sidebar and for messages. */
export const STAFF_LABELS: Record<StaffField, string> = {
  name: 'Name',
  email: 'Email address',
  role: 'Role',
  hourlyCost: 'Hourly cost',
  trainedIn: 'Trained in',
};

/** The Staff tab's header for each form field. */
export const STAFF_COLUMNS: Record<StaffField, string> = {
  name: 'Name',
  email: 'Email',
  role: 'Role',
  hourlyCost: 'Hourly cost',
  trainedIn: 'Trained in',
};

export const SENCO_ROLE = 'SENCo';

function isSenco(role: string): boolean {
  return role.trim().toLowerCase() === SENCO_ROLE.toLowerCase();
}

export interface StaffRoleFacts {
  name: string;
  role: string;
}

/**
 * The SENCo is the person reminders escalate to: after a save, warn (never block) when the save
 * left the Staff tab with no SENCo, or with more than one. `before` and `after` are the staff in
 * the order they are listed on the tab.
 */
export function sencoWarnings(
  before: readonly StaffRoleFacts[],
  after: readonly StaffRoleFacts[],
  added: boolean,
): string[] {
  const was = before.filter((s) => isSenco(s.role)).length;
  const sencos = after.filter((s) => isSenco(s.role));
  const now = sencos.length;
  if (now === 1 || (now === was && !(added && now === 0))) return [];
  if (now === 0) {
    return [
      'There is now no SENCo on the Staff tab: reminders that go to the SENCo will not reach anyone. Give one person the role SENCo.',
    ];
  }
  const first = sencos[0]?.name.trim() || 'the first SENCo';
  return [
    `There are now ${now} SENCos: reminders go to the first one listed on the Staff tab (${first}). If that is not right, change the other roles.`,
  ];
}

/** "Ms Amara Okafor (SENCo)": how a person is offered in the pick list. */
export function staffChoiceLabel(name: string, role: string): string {
  const who = name.trim() || 'No name yet';
  return role.trim() ? `${who} (${role.trim()})` : who;
}

/** A role read from a cell, in the list's own spelling when it is one of them. */
export function normaliseRole(text: string): string {
  return STAFF_ROLES.find((r) => r.toLowerCase() === text.trim().toLowerCase()) ?? text.trim();
}

/** A Staff row as the form's fields. */
export function staffFormFrom(row: CellReader): StaffForm {
  const c = STAFF_COLUMNS;
  return {
    name: row.text(c.name),
    email: row.text(c.email),
    role: normaliseRole(row.text(c.role)),
    hourlyCost: moneyText(row, c.hourlyCost),
    trainedIn: row.text(c.trainedIn),
  };
}

/** A valid person as cell values under their Staff headers (blank cost → an empty cell). */
export function staffCells(member: StaffMember): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const field of Object.keys(STAFF_COLUMNS) as StaffField[]) {
    values[STAFF_COLUMNS[field]] = member[field] ?? '';
  }
  return values;
}
