/**
 * The SENCo's decision about an intervention ("Decide about interventions…"): continue it (with a
 * reason), change it (what changes, and the new plan in words) or stop it (with a reason). One zod
 * schema validates in the sidebar and again on the server; messages name the field. Stopping also
 * stops the pupils' places that are still started and cancels their reviews still due (stopPlan).
 * Pure: no Apps Script here.
 */
import * as z from 'zod';
import { DECISIONS } from './workbook';
import { validateWith, type Validated } from './schema-helpers';

export type DecisionKind = (typeof DECISIONS)[number];

/** What a Change can change, with the words used in the form and in the Decision reason. */
export const CHANGE_KINDS = ['dosage', 'lead', 'approach'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  dosage: 'Dosage: how often, how long each session, or how many weeks',
  lead: 'Lead: who runs it',
  approach: 'Approach: the programme, materials or way of working',
};

/** Field labels, in form order, for the sidebar and for messages. */
export const DECISION_LABELS = {
  interventionId: 'Intervention',
  decision: 'Decision',
  reason: 'Reason',
  changes: 'What changes',
  plan: 'New plan',
} as const;

const L = DECISION_LABELS;

/** The messages for what each decision must have. */
export const DECISION_REQUIRED = {
  interventionId: `${L.interventionId}: choose an intervention from the list first`,
  decision: `${L.decision}: choose Continue, Change or Stop`,
  reasonContinue: `${L.reason}: say why the intervention should carry on`,
  reasonStop: `${L.reason}: say why the intervention is being stopped`,
  changes: `${L.changes}: tick at least one of dosage, lead or approach`,
  plan: `${L.plan}: describe the new plan in words`,
} as const;

const REASON_MAX = 2000;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}: enter some text` })
    .trim()
    .max(max, { error: `${label}: keep it under ${max} characters` })
    .optional()
    .transform((v) => v ?? '');

export const decisionSchema = z
  .object({
    interventionId: z
      .string({ error: DECISION_REQUIRED.interventionId })
      .trim()
      .min(1, { error: DECISION_REQUIRED.interventionId })
      .max(40, { error: DECISION_REQUIRED.interventionId }),
    decision: z
      .string({ error: DECISION_REQUIRED.decision })
      .trim()
      .refine((v): v is DecisionKind => (DECISIONS as readonly string[]).includes(v), {
        error: DECISION_REQUIRED.decision,
      }),
    reason: text(L.reason, REASON_MAX),
    changes: z
      .array(
        z.enum(CHANGE_KINDS, { error: `${L.changes}: choose from dosage, lead and approach` }),
        { error: `${L.changes}: choose from dosage, lead and approach` },
      )
      .optional()
      .transform((v) => [...new Set(v ?? [])]),
    plan: text(L.plan, REASON_MAX),
  })
  .superRefine((value, context) => {
    const need = (path: keyof DecisionForm, message: string): void =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (value.decision === 'Continue' && value.reason === '') {
      need('reason', DECISION_REQUIRED.reasonContinue);
    }
    if (value.decision === 'Stop' && value.reason === '') {
      need('reason', DECISION_REQUIRED.reasonStop);
    }
    if (value.decision === 'Change') {
      if (value.changes.length === 0) need('changes', DECISION_REQUIRED.changes);
      if (value.plan === '') need('plan', DECISION_REQUIRED.plan);
    }
  });

/** What the form sends (the ticked boxes' values, checked by the schema). */
export type DecisionForm = Omit<z.input<typeof decisionSchema>, 'changes'> & {
  changes?: string[];
};
/** What the server records, once valid. */
export type Decision = z.output<typeof decisionSchema>;

export function validateDecision(input: unknown): Validated<Decision> {
  return validateWith(decisionSchema, input);
}

/**
 * The Decision reason cell: the reason for Continue and Stop; for Change, what changes and the new
 * plan ("Change dosage, lead: three sessions a week, led by Mr Reed"), in the order of the form.
 */
export function decisionReason(decision: Decision): string {
  if (decision.decision !== 'Change') return decision.reason;
  const changes = CHANGE_KINDS.filter((kind) => decision.changes.includes(kind));
  return `Change ${changes.join(', ')}: ${decision.plan}`;
}

// ---------------------------------------------------------------------------------------------
// What stopping changes

export interface PlaceFacts {
  participantId: string;
  status: string;
}

export interface ReviewFacts {
  reviewId: string;
  participantId: string;
  status: string;
}

export interface StopPlan {
  /** Places still Started: they become Stopped. */
  placesToStop: string[];
  /** Reviews still to do (Due, or no status) of places that are stopped: they become Cancelled. */
  reviewsToCancel: string[];
}

const norm = (status: string): string => status.trim().toLowerCase();

/**
 * What stopping an intervention changes: its started places become Stopped, and the reviews still
 * to do of every stopped place (these and any stopped before) are Cancelled, so nobody is reminded
 * of them. Places planned, finished or removed, and reviews done, are left as they are.
 */
export function stopPlan(places: readonly PlaceFacts[], reviews: readonly ReviewFacts[]): StopPlan {
  const placesToStop = places
    .filter((p) => norm(p.status) === 'started')
    .map((p) => p.participantId);
  const stopped = new Set([
    ...placesToStop,
    ...places.filter((p) => norm(p.status) === 'stopped').map((p) => p.participantId),
  ]);
  const reviewsToCancel = reviews
    .filter((r) => stopped.has(r.participantId) && ['due', ''].includes(norm(r.status)))
    .map((r) => r.reviewId);
  return { placesToStop, reviewsToCancel };
}

// ---------------------------------------------------------------------------------------------
// Showing the evidence

/** "Ann P.": the first name and the last name's initial (the sidebar, which only staff see). */
export function shortPupilName(firstName: string, lastName: string): string {
  const initial = /\p{L}/u.exec(lastName)?.[0]?.toUpperCase();
  const first = firstName.trim();
  if (!first) return initial ? `${initial}.` : '';
  return initial ? `${first} ${initial}.` : first;
}

/** An outcome score as a signed number ("+1", "0", "−2"); '' when there is none. */
export function outcomeScoreText(value: unknown): string {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim() || NaN);
  if (!Number.isFinite(n)) return '';
  if (n > 0) return `+${n}`;
  return n < 0 ? `−${Math.abs(n)}` : '0';
}

/** The lines of a Needs decision cell (one per flagged review). */
export function needsDecisionLines(cell: string): string[] {
  return cell
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
