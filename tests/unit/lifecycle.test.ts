import {
  interventionStatus,
  isClosedStatus,
  placeStatusAfterReview,
} from '../../src/domain/lifecycle';

describe("an intervention's Status follows its pupils", () => {
  test('no pupil yet, or every pupil still planned: Planned', () => {
    expect(interventionStatus('Planned', [])).toBe('Planned');
    expect(interventionStatus('Running', ['Planned', 'Planned'])).toBe('Planned');
  });

  test('any pupil started: Running, whatever the dates say', () => {
    expect(interventionStatus('Planned', ['Planned', 'Started', 'Started'])).toBe('Running');
    expect(interventionStatus('Finished', ['Finished', 'Started'])).toBe('Running');
  });

  test('every pupil who started has finished: Finished (removed ones do not count)', () => {
    expect(interventionStatus('Running', ['Finished', 'Finished', 'Removed'])).toBe('Finished');
    expect(interventionStatus('Running', ['Finished', 'Planned'])).toBe('Finished');
  });

  test('stopped by the SENCo: Stopped, and only the SENCo changes that', () => {
    expect(interventionStatus('Stopped', ['Started'])).toBe('Stopped');
    expect(interventionStatus('Running', ['Stopped', 'Stopped'])).toBe('Stopped');
  });
});

describe("a pupil's place", () => {
  test('becomes Finished when its End review is recorded, not at the mid-point', () => {
    expect(placeStatusAfterReview('Started', 'End')).toBe('Finished');
    expect(placeStatusAfterReview('Started', 'Mid-point')).toBe('Started');
    expect(placeStatusAfterReview('Stopped', 'End')).toBe('Stopped');
  });

  test('finished, stopped and removed places get no more reminders', () => {
    expect(['Finished', 'Stopped', 'Removed', 'Started', 'Planned'].map(isClosedStatus)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
