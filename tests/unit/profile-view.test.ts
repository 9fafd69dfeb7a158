import { outcomeInWords, DEFAULT_OUTCOME_SETTINGS } from '../../src/domain/outcome';
import { resultText, targetMetText } from '../../sidebar/views/profile';

describe('the pupil profile in words', () => {
  it('names each result with its review and date', () => {
    expect(resultText({ kind: 'Mid-point', result: '6/10', date: '12 October 2026' })).toBe(
      'Mid-point review, 12 October 2026: 6/10',
    );
    expect(resultText({ kind: 'Extra', result: '7/10', date: '' })).toBe('Extra review: 7/10');
  });

  it('says whether the target was met in words', () => {
    expect(targetMetText('Yes')).toBe('Yes, met');
    expect(targetMetText('Partly')).toBe('Partly met');
    expect(targetMetText('No')).toBe('No, not met');
    expect(targetMetText('')).toBe('');
  });

  it('gives the outcome score in words with its number, a mid-point one as provisional', () => {
    expect(outcomeInWords(0)).toBe('As expected (0)');
    expect(outcomeInWords(2)).toBe('Significantly more than expected (+2)');
    expect(outcomeInWords(-1, DEFAULT_OUTCOME_SETTINGS, true)).toBe(
      'Less than expected (−1), provisional',
    );
    const own = { labels: { ...DEFAULT_OUTCOME_SETTINGS.labels, 1: 'Better than hoped' } };
    expect(outcomeInWords(1, own)).toBe('Better than hoped (+1)');
    expect(outcomeInWords(undefined)).toBe('');
    expect(outcomeInWords(3)).toBe('');
  });
});
