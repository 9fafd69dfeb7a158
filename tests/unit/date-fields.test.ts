/**
 * Every date field of every form says the same thing about a date that does not exist, naming
 * the field first and the date in words, whether the date input sent it as yyyy-mm-dd or staff
 * typed it as day/month/year.
 */
import { validateIntervention } from '../../src/domain/intervention';
import { validateParticipant } from '../../src/domain/participant';
import { validatePupil } from '../../src/domain/pupil';
import { validateExtraReview, validateReview } from '../../src/domain/review';
import { NOT_A_DATE_TYPED } from '../../src/domain/schema-helpers';

type Check = (field: string, value: string) => Record<string, string>;

const errors = (result: { ok: true } | { ok: false; errors: Record<string, string> }) =>
  result.ok ? {} : result.errors;

const intervention: Check = (field, value) =>
  errors(
    validateIntervention({
      name: 'Phonics catch-up',
      lead: 'Ms Okafor',
      delivery: 'Group',
      startDate: '2026-09-07',
      lengthWeeks: '10',
      sessionsPerWeek: '3',
      minutesPerSession: '20',
      expectedOutcome: 'Reads 20 more words',
      [field]: value,
    }),
  );
const place: Check = (field, value) =>
  errors(validateParticipant({ id: 'PAR-1', status: 'Planned', [field]: value }));
const review: Check = (field, value) =>
  errors(
    validateReview({
      reviewId: 'REV-1',
      kind: 'Baseline',
      result: '12 words',
      resultDate: '2026-09-07',
      [field]: value,
    }),
  );
const extraReview: Check = (field, value) =>
  errors(validateExtraReview({ participantId: 'PAR-1', dueDate: '2026-09-07', [field]: value }));
const pupil: Check = (field, value) =>
  errors(
    validatePupil(
      {
        firstName: 'Amy',
        lastName: 'Brown',
        dateOfBirth: '2018-01-05',
        yearGroup: 'Year 3',
        [field]: value,
      },
      '2026-11-23',
    ),
  );

const DATE_FIELDS: [string, string, string, Check][] = [
  ['the intervention', 'Start date', 'startDate', intervention],
  ['a pupil’s place', 'Start date', 'startDate', place],
  ['a pupil’s place', 'Parents informed on', 'parentsInformedOn', place],
  ['a pupil’s place', 'Baseline date', 'baselineDate', place],
  ['a pupil’s place', 'Actual date', 'actualDate', place],
  ['a review', 'Result date', 'resultDate', review],
  ['an extra review', 'Due date', 'dueDate', extraReview],
  ['a pupil', 'Date of birth', 'dateOfBirth', pupil],
];

describe('a date that does not exist', () => {
  it.each(DATE_FIELDS)('%s: %s says so in words', (_form, label, field, check) => {
    const expected = `${label}: 31 February 2026 is not a date: February 2026 has 28 days`;
    expect(check(field, '2026-02-31')[field]).toBe(expected);
    expect(check(field, '31/02/2026')[field]).toBe(expected);
  });

  it.each(DATE_FIELDS)(
    '%s: %s says it is not a date when the date input holds one that is not',
    (_form, label, field, check) => {
      expect(check(field, NOT_A_DATE_TYPED)[field]).toBe(
        `${label}: the date typed is not a date: check the day is in that month`,
      );
    },
  );
});

describe('a date typed as day/month/year', () => {
  it('is read, and kept as the date input would give it', () => {
    const result = validateIntervention({
      name: 'Phonics catch-up',
      lead: 'Ms Okafor',
      delivery: 'Group',
      startDate: '07/09/2026',
      lengthWeeks: '10',
      sessionsPerWeek: '3',
      minutesPerSession: '20',
      expectedOutcome: 'Reads 20 more words',
    });
    expect(result.ok && result.value.startDate).toBe('2026-09-07');
    const placed = validateParticipant({
      id: 'PAR-1',
      status: 'Planned',
      baselineDate: '8/9/2026',
    });
    expect(placed.ok && placed.value.baselineDate).toBe('2026-09-08');
  });

  it('gives an example as staff write dates, never yyyy-mm-dd', () => {
    for (const [, , field, check] of DATE_FIELDS) {
      const message = check(field, 'next week')[field] ?? '';
      expect(message).toMatch(/like \d\d\/\d\d\/\d{4}/);
      expect(message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });
});
