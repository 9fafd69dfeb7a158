import { INTERVENTION_LABELS, type InterventionField } from '../../src/domain/intervention';
import { FIELD_ORDER, GROUPS, isRequired, problemCount } from '../../sidebar/intervention-form';

const LABEL_ORDER = Object.keys(INTERVENTION_LABELS) as InterventionField[];

describe('the intervention form', () => {
  it('shows every field of the intervention sheet exactly once', () => {
    expect([...FIELD_ORDER].sort()).toEqual([...LABEL_ORDER].sort());
  });

  it('keeps INTERVENTION_LABELS order within each group', () => {
    for (const group of GROUPS) {
      const keys = group.fields.map((f) => f.key);
      expect(keys).toEqual(
        [...keys].sort((a, b) => LABEL_ORDER.indexOf(a) - LABEL_ORDER.indexOf(b)),
      );
    }
  });

  it('marks as required exactly the fields the schema requires', () => {
    expect(FIELD_ORDER.filter(isRequired)).toEqual([
      'name',
      'delivery',
      'lead',
      'startDate',
      'lengthWeeks',
      'sessionsPerWeek',
      'minutesPerSession',
      'expectedOutcome',
    ]);
  });

  it('counts problems in plain English', () => {
    expect(problemCount(1)).toBe('There is 1 problem to fix:');
    expect(problemCount(3)).toBe('There are 3 problems to fix:');
  });
});
