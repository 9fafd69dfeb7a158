import {
  ageText,
  expected,
  formatValue,
  isNumeric,
  parseResult,
  type Measure,
} from '../../src/domain/measures';

const spelling: Measure = {
  name: 'Spelling test',
  kind: 'Score out of',
  outOf: 10,
  better: 'Higher',
};
const readingAge: Measure = { name: 'Reading age', kind: 'Age in months', better: 'Higher' };
const standardised: Measure = {
  name: 'Standardised reading score',
  kind: 'Standardised score',
  better: 'Higher',
};
const incidents: Measure = { name: 'Behaviour incidents a week', kind: 'Count', better: 'Lower' };
const attendance: Measure = { name: 'Attendance', kind: 'Percentage', better: 'Higher' };
const selfRating: Measure = { name: 'Pupil self-rating', kind: 'Rating 1 to 5', better: 'Higher' };
const observation: Measure = { name: 'Observation', kind: 'Words only', better: 'Higher' };

const value = (measure: Measure, text: string) => {
  const parsed = parseResult(measure, text, 'Baseline');
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};
const message = (measure: Measure, text: string, label = 'Baseline') => {
  const parsed = parseResult(measure, text, label);
  if (parsed.ok) throw new Error(`"${text}" was accepted as ${parsed.value}`);
  return parsed.message;
};

describe('a score out of N (spelling test out of 10)', () => {
  it.each([
    ['6', 6],
    ['0', 0],
    ['10', 10],
    ['6.5', 6.5],
    ['6/10', 6],
    ['6 / 10', 6],
    ['6 out of 10', 6],
    ['10/10', 10],
  ])('"%s" is %d', (text, expectedValue) => {
    expect(value(spelling, text)).toBe(expectedValue);
  });

  it('keeps the text as typed, trimmed', () => {
    expect(parseResult(spelling, '  6/10 ', 'Result')).toEqual({
      ok: true,
      value: 6,
      text: '6/10',
    });
  });

  it('refuses "12/10", 11 and words, naming the field', () => {
    expect(message(spelling, '12/10')).toBe(
      'Baseline: Spelling test is a score from 0 to 10, like 6 or "6/10" — not "12/10"',
    );
    expect(message(spelling, '11', 'Target')).toBe(
      'Target: Spelling test is a score from 0 to 10, like 6 or "6/10" — not "11"',
    );
    expect(message(spelling, 'banana')).toBe(
      'Baseline: Spelling test is a score from 0 to 10, like 6 or "6/10" — not "banana"',
    );
    expect(message(spelling, '6.25')).toMatch(/not "6.25"$/);
    expect(message(spelling, '-1')).toMatch(/not "-1"$/);
  });

  it('refuses a score out of a different number', () => {
    expect(message(spelling, '6/20')).toBe(
      'Baseline: Spelling test is out of 10, not 20 — enter a score from 0 to 10, like 6 or "6/10"',
    );
  });

  it('refuses blank, saying what to enter', () => {
    expect(message(spelling, '  ', 'Result')).toBe(
      'Result: enter a score from 0 to 10, like 6 or "6/10"',
    );
  });

  it('phonics check out of 40: "32/40" is 32; the example fits the top score', () => {
    const phonics: Measure = { ...spelling, name: 'Phonics check', outOf: 40 };
    expect(value(phonics, '32/40')).toBe(32);
    expect(message(phonics, '41')).toBe(
      'Baseline: Phonics check is a score from 0 to 40, like 24 or "24/40" — not "41"',
    );
  });

  it('a score measure with no Out of cannot check results and says who can fix it', () => {
    const noTop: Measure = { name: 'Spelling test', kind: 'Score out of', better: 'Higher' };
    expect(message(noTop, '6')).toBe(
      "Baseline: Spelling test has no top score ('Out of' on the Settings tab), so results cannot be checked: ask the SENCo to set it",
    );
  });
});

describe('an age in months (reading age)', () => {
  it.each([
    ['7y 4m', 88],
    ['7y4m', 88],
    ['7 y 4 m', 88],
    ['7 years 4 months', 88],
    ['7 years and 4 months', 88],
    ['7 yrs 4 mths', 88],
    ['7Y 4M', 88],
    ['7y', 84],
    ['7 years', 84],
    ['7:4', 88],
    ['7:04', 88],
    ['7y 0m', 84],
    ['7y 11m', 95],
    ['88', 88],
    ['88 months', 88],
    ['18m', 18],
    ['1y 6m', 18],
    ['24', 24],
    ['25y', 300],
  ])('"%s" is %d months', (text, months) => {
    expect(value(readingAge, text)).toBe(months);
  });

  it('refuses "banana", naming the field and the forms it takes', () => {
    expect(message(readingAge, 'banana')).toBe(
      'Baseline: Reading age is years and months, like "7y 4m", "7:4" or 88 (months) — not "banana"',
    );
  });

  it('refuses 12 months or more after the years', () => {
    expect(message(readingAge, '7y 14m')).toBe(
      'Baseline: Reading age has 0 to 11 months after the years, like "7y 11m" — not "7y 14m"',
    );
    expect(message(readingAge, '7:12')).toMatch(/0 to 11 months after the years/);
  });

  it('refuses "7.4" as ambiguous: 7 years 4 months, or 7.4 years?', () => {
    expect(message(readingAge, '7.4')).toBe(
      'Baseline: "7.4" could mean 7 years 4 months or 7.4 years — write it as "7y 4m" or "7:4"',
    );
    expect(message(readingAge, '9.10')).toBe(
      'Baseline: "9.10" could mean 9 years 10 months or 9.10 years — write it as "9y 10m" or "9:10"',
    );
  });

  it('refuses a bare number under 24, which reads like years', () => {
    expect(message(readingAge, '7')).toBe(
      'Baseline: "7" would be 7 months: for 7 years write "7y 0m", or give the age in months, like 84',
    );
    expect(message(readingAge, '1')).toMatch(/^Baseline: "1" would be 1 month:/);
  });

  it('refuses an age over 25 years', () => {
    expect(message(readingAge, '26y')).toBe(
      'Baseline: Reading age is at most 25 years (300 months) — not "26y"',
    );
    expect(message(readingAge, '301')).toMatch(/at most 25 years/);
  });

  it('refuses half months and blank', () => {
    expect(message(readingAge, '88.5')).toMatch(/not "88.5"$/);
    expect(message(readingAge, '', 'Target')).toBe(
      'Target: enter years and months, like "7y 4m", "7:4" or 88 (months)',
    );
  });
});

describe('a standardised score (mean 100, SD 15)', () => {
  it.each([
    ['92', 92],
    ['92.5', 92.5],
    ['40', 40],
    ['160', 160],
  ])('"%s" is %d', (text, score) => {
    expect(value(standardised, text)).toBe(score);
  });

  it.each(['39', '161', '92.55', 'average', '92/100'])('refuses "%s"', (text) => {
    expect(message(standardised, text)).toBe(
      `Baseline: Standardised reading score is a standardised score from 40 to 160, like 92 or 92.5 — not "${text}"`,
    );
  });
});

describe('a count (behaviour incidents a week)', () => {
  it.each([
    ['0', 0],
    ['3', 3],
    ['12', 12],
  ])('"%s" is %d', (text, count) => {
    expect(value(incidents, text)).toBe(count);
  });

  it.each(['2.5', '-1', 'a few'])('refuses "%s"', (text) => {
    expect(message(incidents, text)).toBe(
      `Baseline: Behaviour incidents a week is a whole number, 0 or more, like 3 — not "${text}"`,
    );
  });
});

describe('a percentage (attendance)', () => {
  it.each([
    ['95', 95],
    ['95%', 95],
    ['95 %', 95],
    ['94.75%', 94.75],
    ['0', 0],
    ['100%', 100],
  ])('"%s" is %d', (text, percent) => {
    expect(value(attendance, text)).toBe(percent);
  });

  it.each(['105%', '94.755', 'good'])('refuses "%s"', (text) => {
    expect(message(attendance, text)).toBe(
      `Baseline: Attendance is a percentage from 0 to 100, like 95 or "95%" — not "${text}"`,
    );
  });
});

describe('a rating 1 to 5 (pupil self-rating)', () => {
  it.each([
    ['1', 1],
    ['3', 3],
    ['5', 5],
    ['3/5', 3],
    ['3 out of 5', 3],
  ])('"%s" is %d', (text, rating) => {
    expect(value(selfRating, text)).toBe(rating);
  });

  it.each(['0', '6', '3.5', '3/4', 'happy'])('refuses "%s"', (text) => {
    expect(message(selfRating, text)).toBe(
      `Baseline: Pupil self-rating is a whole number from 1 to 5, like 3 — not "${text}"`,
    );
  });
});

describe('words only (observation)', () => {
  it('keeps the words, with no number', () => {
    expect(parseResult(observation, ' Joins in at lunchtime ', 'Result')).toEqual({
      ok: true,
      value: undefined,
      text: 'Joins in at lunchtime',
    });
    expect(isNumeric(observation)).toBe(false);
    expect(isNumeric(readingAge)).toBe(true);
  });

  it('refuses blank and more than 300 characters', () => {
    expect(message(observation, '', 'Result')).toBe('Result: enter some words');
    expect(message(observation, 'x'.repeat(301), 'Result')).toBe(
      'Result: keep it under 300 characters',
    );
    expect(value(observation, 'x'.repeat(300))).toBeUndefined();
  });
});

describe('showing numbers back', () => {
  it.each([
    ['spelling test', 6, '6/10', spelling],
    ['spelling test', 6.5, '6.5/10', spelling],
    ['reading age', 88, '7y 4m', readingAge],
    ['reading age', 84, '7y 0m', readingAge],
    ['reading age', 95.6, '8y 0m', readingAge],
    ['standardised score', 92.5, '92.5', standardised],
    ['incidents', 3, '3', incidents],
    ['attendance', 95, '95%', attendance],
    ['attendance', 94.75, '94.75%', attendance],
    ['self-rating', 3, '3/5', selfRating],
    ['observation', 3, '', observation],
  ] as const)('%s %d → "%s"', (_name, n, text, measure) => {
    expect(formatValue(measure, n)).toBe(text);
  });

  it('shows nothing for no value, and a true minus for a fall in age', () => {
    expect(formatValue(readingAge, undefined)).toBe('');
    expect(ageText(-14)).toBe('−1y 2m');
  });

  it('every form it shows is read back as the same number', () => {
    for (const [measure, n] of [
      [spelling, 6.5],
      [readingAge, 88],
      [standardised, 92.5],
      [incidents, 3],
      [attendance, 94.75],
      [selfRating, 3],
    ] as const) {
      expect(value(measure, formatValue(measure, n))).toBe(n);
    }
  });

  it('says what a good answer looks like, per kind', () => {
    expect(expected(incidents)).toBe('a whole number, 0 or more, like 3');
    expect(expected(observation)).toBe('some words');
  });
});
