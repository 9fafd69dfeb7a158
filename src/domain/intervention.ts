/**
 * The intervention sheet (intervention-level fields), as schools record them: one schema validates
 * in the sidebar as the user types and again on the server before the row is written.
 */
import * as z from 'zod';
import { DELIVERY_MODES } from './workbook';
import {
  isoDate,
  oneOf,
  optionalText,
  requiredText,
  validateWith,
  wholeNumber,
  type Validated,
} from './schema-helpers';

export const interventionSchema = z.object({
  name: requiredText('Name of the intervention', 120),
  code: optionalText('Intervention code', 20),
  lead: requiredText('Lead person', 80),
  supportedBy: optionalText('Supported by', 300),
  delivery: oneOf('Group or individual', DELIVERY_MODES),
  startDate: isoDate('Start date'),
  lengthWeeks: wholeNumber('Length in weeks', 1, 52),
  sessionsPerWeek: wholeNumber('Sessions per week', 1, 10),
  minutesPerSession: wholeNumber('Minutes per session', 5, 240),
  location: optionalText('Where it happens', 120),
  rationale: optionalText('Rationale and evidence', 2000),
  expectedOutcome: requiredText('Expected outcome', 1000),
  assessmentMethods: optionalText('Assessment methods', 1000),
  summary: optionalText('Summary', 2000),
  publishedResources: optionalText('Published resources', 1000),
  /** The Provision library entry the form was started from, if any. */
  provisionId: optionalText('Provision library entry', 40),
});

/** What the form sends: every field as typed. */
export type InterventionForm = z.input<typeof interventionSchema>;
/** What the server stores, once valid. */
export type Intervention = z.output<typeof interventionSchema>;
export type InterventionField = keyof Intervention;

export function validateIntervention(input: unknown): Validated<Intervention> {
  return validateWith(interventionSchema, input);
}

/** Field labels, in form order, for the sidebar and for messages. */
export const INTERVENTION_LABELS: Record<InterventionField, string> = {
  provisionId: 'Start from the Provision library',
  name: 'Name of the intervention',
  code: 'Intervention code',
  lead: 'Lead person',
  supportedBy: 'Supported by',
  delivery: 'Group or individual',
  startDate: 'Start date',
  lengthWeeks: 'Length in weeks',
  sessionsPerWeek: 'Sessions per week',
  minutesPerSession: 'Minutes per session',
  location: 'Where it happens',
  rationale: 'Rationale and evidence',
  expectedOutcome: 'Expected outcome',
  assessmentMethods: 'Assessment methods',
  summary: 'Summary',
  publishedResources: 'Published resources',
};

/** The Interventions tab's header for each form field. */
export const INTERVENTION_COLUMNS: Record<InterventionField, string> = {
  name: 'Name',
  code: 'Code',
  lead: 'Lead',
  supportedBy: 'Supported by',
  delivery: 'Group or individual',
  startDate: 'Start date',
  lengthWeeks: 'Length (weeks)',
  sessionsPerWeek: 'Sessions per week',
  minutesPerSession: 'Minutes per session',
  location: 'Location',
  rationale: 'Rationale and evidence',
  expectedOutcome: 'Expected outcome',
  assessmentMethods: 'Assessment methods',
  summary: 'Summary',
  publishedResources: 'Published resources',
  provisionId: 'Provision ID',
};
