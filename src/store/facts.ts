/**
 * Rows of the workbook as the plain facts the good-practice rules (src/domain/warnings.ts) take.
 * Columns are read by header name, so users may reorder them.
 */
import { INTERVENTION_COLUMNS } from '../domain/intervention';
import {
  practiceSettingsFrom,
  type InterventionFacts,
  type LibraryFacts,
  type ParticipantFacts,
  type PracticeSettings,
  type StaffFacts,
} from '../domain/warnings';
import type { Row, Table } from './table';

export function interventionFacts(row: Row): InterventionFacts {
  const c = INTERVENTION_COLUMNS;
  return {
    id: row.id,
    name: row.text(c.name),
    code: row.text(c.code),
    lead: row.text(c.lead),
    supportedBy: row.text(c.supportedBy),
    lengthWeeks: row.number(c.lengthWeeks),
    sessionsPerWeek: row.number(c.sessionsPerWeek),
    minutesPerSession: row.number(c.minutesPerSession),
    startDate: row.date(c.startDate),
    rationale: row.text(c.rationale),
    provisionId: row.text(c.provisionId),
    status: row.text('Status'),
  };
}

export function participantFacts(row: Row): ParticipantFacts {
  return {
    id: row.id,
    interventionId: row.text('Intervention ID'),
    pupilId: row.text('Pupil ID'),
    status: row.text('Status'),
    startDate: row.date('Start date'),
    lessonMissed: row.text('Lesson missed'),
  };
}

export function staffFacts(row: Row): StaffFacts {
  return { name: row.text('Name'), trainedIn: row.text('Trained in'), role: row.text('Role') };
}

/** The email addresses of the SENCos on the Staff tab (Role SENCo, with an email), each once. */
export function sencoEmails(staff: Table): string[] {
  const emails = staff
    .records()
    .filter((r) => r.text('Role').trim().toLowerCase() === 'senco' && r.text('Email') !== '')
    .map((r) => r.text('Email').trim());
  return [...new Set(emails)];
}

export function libraryFacts(row: Row): LibraryFacts {
  return {
    id: row.id,
    name: row.text('Name'),
    evidenceLink: row.text('Evidence link'),
    evidenceNote: row.text('Evidence note'),
    trainingNeeded: row.text('Training needed'),
  };
}

/** The Settings tab as setting name → value (the first row of each name wins). */
export function settingValues(settings: Table): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const row of settings.records()) {
    const name = row.text('Setting');
    if (name !== '' && !(name in values)) values[name] = row.value('Value');
  }
  return values;
}

/** The Settings tab's rules of good practice (its defaults where a value is missing or odd). */
export function practiceSettings(settings: Table): PracticeSettings {
  return practiceSettingsFrom(settingValues(settings));
}
