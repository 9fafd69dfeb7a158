import { setUpEmulator } from '../support/emulator';

describe('Check good practice (menu)', () => {
  it('writes warnings for rows typed by hand, and clears them once fixed', () => {
    const emu = setUpEmulator();
    emu.appendRecords('Interventions', [
      {
        'Intervention ID': 'INT-HAND0001',
        Name: 'Lunchtime nurture club',
        Lead: 'Ms Amara Okafor',
        'Sessions per week': 5,
        'Minutes per session': 30,
        'Rationale and evidence': 'Boxall profile shows needs in organisation of experience',
      },
    ]);
    const { uiEvents } = emu.menu('checkGoodPractice');
    const warnings = String(emu.records('Interventions')[0]?.Warnings);
    expect(warnings).toMatch(/No length is set: an intervention must be time-limited/);
    expect(warnings).toMatch(/no recorded training in Lunchtime nurture club/);
    const alert = uiEvents.find((e) => e.type === 'alert');
    expect(alert?.type === 'alert' && alert.message).toMatch(/^2 warnings: 1 intervention and 0/);

    const sheet = emu.state.spreadsheet.sheets.find((s) => s.name === 'Interventions')!;
    const headers = emu.values('Interventions')[0]!;
    sheet.rows[1]![headers.indexOf('Length (weeks)')] = { v: 12 };
    sheet.rows[1]![headers.indexOf('Lead')] = { v: 'Mr Tom Reed' };
    sheet.rows[1]![headers.indexOf('Name')] = { v: 'Precision teaching' };
    emu.resetCalls();
    emu.menu('checkGoodPractice');
    expect(emu.records('Interventions')[0]?.Warnings).toBe('');
    // One read per tab, one write for Interventions and one for the audit log.
    expect(emu.calls()['SpreadsheetApp.Range.getValues']).toBe(6);
    expect(emu.calls()['SpreadsheetApp.Range.setValues']).toBe(2);
  });

  it('names the people in Lead or Supported by who are not on the Staff tab, for rows typed by hand', () => {
    const emu = setUpEmulator();
    emu.appendRecords('Interventions', [
      {
        'Intervention ID': 'INT-HAND0002',
        Name: 'Precision teaching: spelling',
        Lead: 'Mr Tom Reed (TA)',
        'Supported by': 'Ms Amara Okafor (SENCo); Mrs Jo Patell',
        'Length (weeks)': 12,
        'Sessions per week': 3,
        'Minutes per session': 20,
        'Rationale and evidence': 'Gaps in high-frequency spellings',
      },
    ]);
    emu.menu('checkGoodPractice');
    expect(emu.records('Interventions')[0]?.Warnings).toBe(
      '• "Mrs Jo Patell" (supporting) is not on the Staff tab, so they get no reminders about this intervention\'s reviews and their time is left out of its cost: add them with the Staff form, or correct the spelling in Lead or Supported by. Someone from outside the school who should not be on the Staff tab can stay as typed.',
    );
  });

  it('counts a maths intervention past its planned weeks in the lesson time it warns about', () => {
    const emu = setUpEmulator();
    emu.appendRecords('Pupils', [{ 'Pupil ID': 'PUP-0001', 'First name': 'Amy' }]);
    const maths = (id: string, sessions: number, minutes: number, status: string, start: Date) => ({
      'Intervention ID': id,
      Name: id,
      Lead: 'Mr Tom Reed',
      'Start date': start,
      'Length (weeks)': 6,
      'Sessions per week': sessions,
      'Minutes per session': minutes,
      Status: status,
      'Rationale and evidence': 'Number facts',
    });
    // INT-A's 6 weeks are over by 23 November, but it is still Running: Amy's end review is to come.
    emu.appendRecords('Interventions', [
      maths('INT-A', 5, 10, 'Running', new Date(2026, 8, 7)),
      maths('INT-B', 3, 30, 'Running', new Date(2026, 10, 16)),
      maths('INT-C', 3, 30, 'Finished', new Date(2026, 0, 5)),
    ]);
    const place = (id: string, interventionId: string, status: string) => ({
      'Participant ID': id,
      'Intervention ID': interventionId,
      'Pupil ID': 'PUP-0001',
      Status: status,
      'Lesson missed': 'Maths',
    });
    emu.appendRecords('Participants', [
      place('PAR-A', 'INT-A', 'Started'),
      place('PAR-B', 'INT-B', 'Started'),
      place('PAR-C', 'INT-C', 'Finished'),
    ]);
    emu.menu('checkGoodPractice');
    const warnings = emu.records('Participants').map((r) => String(r.Warnings));
    const lost =
      '• This pupil would miss 140 minutes of Maths a week across 2 interventions (more than 60): what are they losing? Consider taking sessions from a different lesson.';
    expect(warnings).toEqual([lost, lost, '']);
  });
});
