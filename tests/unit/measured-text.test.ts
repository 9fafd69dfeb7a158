import { leadingValue } from '../../src/domain/measured-text';
import type { Measure } from '../../src/domain/measures';

const spelling: Measure = {
  name: 'Spelling test',
  kind: 'Score out of',
  outOf: 10,
  better: 'Higher',
};
const readingAge: Measure = { name: 'Reading age', kind: 'Age in months', better: 'Higher' };

test('a target in words: its value is read from the words it starts with', () => {
  expect(leadingValue(spelling, '8/10 or better by February half term', 'Target')).toEqual({
    ok: true,
    value: 8,
  });
  expect(leadingValue(readingAge, '7y 4m by Easter', 'Target')).toEqual({ ok: true, value: 88 });
});

test('a target with no value in its measure is refused, naming the field and the measure', () => {
  const result = leadingValue(spelling, 'better spelling', 'Target');
  expect(result.ok).toBe(false);
  expect(!result.ok && result.message).toMatch(/^Target: .*Start with the value in Spelling test/);
});
