import { validateIntervention, type InterventionForm } from '../../src/domain/intervention';

const complete: InterventionForm = {
  name: 'Precision teaching: spelling',
  code: 'PT-SP',
  lead: 'Ms Amara Okafor',
  supportedBy: 'Mr Tom Reed',
  delivery: 'Group',
  startDate: '2026-09-14',
  lengthWeeks: '12',
  sessionsPerWeek: '3',
  minutesPerSession: '20',
  location: 'Library',
  rationale: 'EEF toolkit: TA-led structured interventions',
  expectedOutcome: '8/10 or better in weekly spelling tests',
  assessmentMethods: 'Weekly spelling test, same list format before and after',
  summary: '',
  publishedResources: '',
};

describe('the intervention sheet schema', () => {
  it('accepts a complete form and turns typed numbers into numbers', () => {
    const result = validateIntervention(complete);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.lengthWeeks).toBe(12);
      expect(result.value.minutesPerSession).toBe(20);
      expect(result.value.name).toBe('Precision teaching: spelling');
    }
  });

  it('names each field that is wrong, in plain English', () => {
    const result = validateIntervention({
      ...complete,
      name: '   ',
      minutesPerSession: '500',
      lengthWeeks: '2.5',
      startDate: '2026-02-30',
      delivery: 'Whole class',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.name).toBe('Name of the intervention: this is required');
      expect(result.errors.minutesPerSession).toBe(
        'Minutes per session: enter a whole number from 5 to 240',
      );
      expect(result.errors.lengthWeeks).toMatch(/^Length in weeks: enter a whole number/);
      expect(result.errors.startDate).toBe(
        'Start date: 30 February 2026 is not a date: February 2026 has 28 days',
      );
      expect(result.errors.delivery).toBe('Group or individual: choose one of Group, Individual');
      expect(Object.keys(result.errors).sort()).toEqual(
        ['delivery', 'lengthWeeks', 'minutesPerSession', 'name', 'startDate'].sort(),
      );
    }
  });

  it('says a missing number is required rather than out of range', () => {
    const result = validateIntervention({ ...complete, sessionsPerWeek: '' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.sessionsPerWeek).toBe('Sessions per week: this is required');
  });

  it('keeps text exactly as typed, formulas included (the sheet layer makes it literal)', () => {
    const result = validateIntervention({ ...complete, location: '=IMPORTXML("http://x","//a")' });
    expect(result.ok && result.value.location).toBe('=IMPORTXML("http://x","//a")');
  });

  it('refuses text that is too long', () => {
    const result = validateIntervention({ ...complete, code: 'X'.repeat(21) });
    expect(!result.ok && result.errors.code).toBe('Intervention code: keep it under 20 characters');
  });
});
