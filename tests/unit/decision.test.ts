import {
  DECISION_REQUIRED,
  decisionReason,
  needsDecisionLines,
  outcomeScoreText,
  shortPupilName,
  stopPlan,
  validateDecision,
  type Decision,
} from '../../src/domain/decision';

const valid = (input: Record<string, unknown>): Decision => {
  const result = validateDecision({ interventionId: 'INT-0001', ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

const errorsOf = (input: Record<string, unknown>): Record<string, string> => {
  const result = validateDecision(input);
  return result.ok ? {} : result.errors;
};

describe('the decision schema', () => {
  it('needs an intervention and one of Continue, Change or Stop, naming each field', () => {
    expect(errorsOf({})).toEqual({
      interventionId: 'Intervention: choose an intervention from the list first',
      decision: 'Decision: choose Continue, Change or Stop',
    });
    expect(errorsOf({ interventionId: 'INT-1', decision: 'continue' })).toEqual({
      decision: DECISION_REQUIRED.decision,
    });
    expect(errorsOf({ interventionId: 'x'.repeat(41), decision: 'Stop', reason: 'r' })).toEqual({
      interventionId: DECISION_REQUIRED.interventionId,
    });
  });

  it('Continue and Stop need a reason (blank or spaces are not one)', () => {
    expect(errorsOf({ interventionId: 'INT-1', decision: 'Continue', reason: '   ' })).toEqual({
      reason: 'Reason: say why the intervention should carry on',
    });
    expect(errorsOf({ interventionId: 'INT-1', decision: 'Stop' })).toEqual({
      reason: 'Reason: say why the intervention is being stopped',
    });
    expect(valid({ decision: 'Stop', reason: '  No progress  ' })).toMatchObject({
      decision: 'Stop',
      reason: 'No progress',
      changes: [],
      plan: '',
    });
  });

  it('Change needs at least one of dosage, lead or approach, and the new plan; no reason', () => {
    expect(errorsOf({ interventionId: 'INT-1', decision: 'Change' })).toEqual({
      changes: 'What changes: tick at least one of dosage, lead or approach',
      plan: 'New plan: describe the new plan in words',
    });
    expect(
      errorsOf({ interventionId: 'INT-1', decision: 'Change', changes: ['time'], plan: 'p' }),
    ).toEqual({ changes: 'What changes: choose from dosage, lead and approach' });
    expect(
      errorsOf({ interventionId: 'INT-1', decision: 'Change', changes: 'lead', plan: 'p' }),
    ).toEqual({ changes: 'What changes: choose from dosage, lead and approach' });
    expect(
      valid({ decision: 'Change', changes: ['lead', 'lead'], plan: 'Mr Reed' }).changes,
    ).toEqual(['lead']);
  });

  it('keeps text under its limit, saying so', () => {
    expect(
      errorsOf({ interventionId: 'INT-1', decision: 'Continue', reason: 'x'.repeat(2001) }),
    ).toEqual({ reason: 'Reason: keep it under 2000 characters' });
  });
});

describe('the Decision reason cell', () => {
  it('is the reason for Continue and Stop', () => {
    expect(decisionReason(valid({ decision: 'Continue', reason: 'Give it time' }))).toBe(
      'Give it time',
    );
  });

  it('for Change lists what changes in the form’s order, then the plan', () => {
    const change = valid({
      decision: 'Change',
      changes: ['approach', 'dosage'],
      plan: 'Four sessions a week, with the new word lists',
      reason: 'not used',
    });
    expect(decisionReason(change)).toBe(
      'Change dosage, approach: Four sessions a week, with the new word lists',
    );
    expect(
      decisionReason(valid({ decision: 'Change', changes: ['dosage', 'lead'], plan: 'P' })),
    ).toBe('Change dosage, lead: P');
  });
});

describe('what stopping changes', () => {
  it('stops started places and cancels the reviews still to do of stopped places only', () => {
    const plan = stopPlan(
      [
        { participantId: 'P1', status: 'Started' },
        { participantId: 'P2', status: ' started ' },
        { participantId: 'P3', status: 'Planned' },
        { participantId: 'P4', status: 'Finished' },
        { participantId: 'P5', status: 'Stopped' },
        { participantId: 'P6', status: 'Removed' },
      ],
      [
        { reviewId: 'R1', participantId: 'P1', status: 'Due' },
        { reviewId: 'R2', participantId: 'P1', status: 'Done' },
        { reviewId: 'R3', participantId: 'P2', status: '' },
        { reviewId: 'R4', participantId: 'P3', status: 'Due' },
        { reviewId: 'R5', participantId: 'P4', status: 'Due' },
        { reviewId: 'R6', participantId: 'P5', status: 'Due' },
        { reviewId: 'R7', participantId: 'P6', status: 'Due' },
        { reviewId: 'R8', participantId: 'P2', status: 'Cancelled' },
      ],
    );
    expect(plan).toEqual({ placesToStop: ['P1', 'P2'], reviewsToCancel: ['R1', 'R3', 'R6'] });
  });

  it('changes nothing when no pupil is taking part', () => {
    expect(stopPlan([], [])).toEqual({ placesToStop: [], reviewsToCancel: [] });
  });
});

describe('showing the evidence', () => {
  it('names a pupil by first name and last initial', () => {
    expect(shortPupilName('Ann', 'patel')).toBe('Ann P.');
    expect(shortPupilName(' Ann ', "O'Neill")).toBe('Ann O.');
    expect(shortPupilName('Ann', '')).toBe('Ann');
    expect(shortPupilName('', 'Patel')).toBe('P.');
    expect(shortPupilName('Zoë', 'Émile')).toBe('Zoë É.');
  });

  it('writes an outcome score with its sign, a real minus for negatives', () => {
    expect([2, 1, 0, -1, -2, '-2', ' 1 ', '', 'n/a', null].map(outcomeScoreText)).toEqual([
      '+2',
      '+1',
      '0',
      '−1',
      '−2',
      '−2',
      '+1',
      '',
      '',
      '',
    ]);
  });

  it('splits the Needs decision cell into its lines', () => {
    expect(needsDecisionLines(' a \n\n b\n')).toEqual(['a', 'b']);
    expect(needsDecisionLines('')).toEqual([]);
  });
});
