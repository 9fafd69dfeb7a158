import { schoolCalendar } from '../../src/domain/calendar';
import { reminderHealth } from '../../src/domain/reminder-health';

const calendar = schoolCalendar([]);
const at = (iso: string): Date => new Date(`${iso}T12:00:00`);

describe('the sheet notices when the daily reminders stop', () => {
  test('reminders nobody turned on are off, not missing', () => {
    expect(
      reminderHealth({ owner: '', lastGoodDay: '2026-11-01', today: at('2026-12-01'), calendar }),
    ).toEqual({ state: 'off' });
  });

  test('a run on the school day before today is fine; so is Friday seen on Monday', () => {
    const owner = 'senco@school.example';
    expect(
      reminderHealth({ owner, lastGoodDay: '2026-11-30', today: at('2026-12-01'), calendar }).state,
    ).toBe('running');
    expect(
      reminderHealth({ owner, lastGoodDay: '2026-11-27', today: at('2026-11-30'), calendar }).state,
    ).toBe('running');
  });

  test('no run since before the previous school day: missed, naming the owner and the day', () => {
    expect(
      reminderHealth({
        owner: 'old.senco@school.example',
        lastGoodDay: '2026-11-26',
        today: at('2026-11-30'),
        calendar,
      }),
    ).toEqual({
      state: 'missed',
      owner: 'old.senco@school.example',
      lastGoodDay: new Date(2026, 10, 26),
    });
  });
});
