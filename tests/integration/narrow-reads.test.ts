/**
 * Saves about one record read only the rows they need, found by their IDs, and write back only
 * the cells that changed: a bigger school costs them no more calls, and only the key columns'
 * cells more. Rows sorted and columns moved by hand between two saves are still found.
 */
import type { Emulator } from '../../emulator/src';
import { moveColumnAsUser, sortSheetRowsAsUser } from '../../emulator/src/spreadsheet';
import { seedBigSchool, type BigSchoolSize } from '../support/big-school';
import { setUpEmulator } from '../support/emulator';

const SMALL: BigSchoolSize = { pupils: 70, staff: 10, interventions: 10, participants: 200 };
const LARGE: BigSchoolSize = { pupils: 700, staff: 30, interventions: 100, participants: 2000 };

const str = (v: unknown): string => String(v ?? '');

function school(size: BigSchoolSize): Emulator {
  const emu = setUpEmulator();
  seedBigSchool(emu, size);
  return emu;
}

function totals(emu: Emulator): { calls: number; read: number; written: number } {
  const calls = Object.entries(emu.calls())
    .filter(([method]) => !method.startsWith('Utilities.'))
    .reduce((n, [, c]) => n + c, 0);
  const cells = Object.values(emu.cells());
  return {
    calls,
    read: cells.reduce((n, c) => n + c.read, 0),
    written: cells.reduce((n, c) => n + c.written, 0),
  };
}

/** Every cell of the tabs a review save uses. */
function tabCells(emu: Emulator, tabs: string[]): number {
  return tabs.reduce((n, tab) => {
    const values = emu.values(tab);
    return n + values.length * (values[0]?.length ?? 0);
  }, 0);
}

function saveMidPoint(emu: Emulator, nth = 0): { ok: boolean; message?: string; id?: string } {
  const due = emu.records('Reviews').filter((r) => r.Kind === 'Mid-point' && r.Status === 'Due')[
    nth
  ];
  emu.resetCalls();
  return emu.scriptRun<{ ok: boolean; message?: string; id?: string }>('saveReview', [
    {
      reviewId: str(due?.['Review ID']),
      kind: 'Mid-point',
      result: '5',
      resultDate: '2026-11-23',
      judgement: 'Working',
      furtherAction: 'Continue',
    },
  ]).value;
}

describe('a save reads what it needs, whatever the size of the school', () => {
  test('recording a review: the same calls at 200 and 2,000 places, a fraction of the cells', () => {
    const small = school(SMALL);
    expect(saveMidPoint(small).ok).toBe(true);
    const atSmall = totals(small);
    const large = school(LARGE);
    expect(saveMidPoint(large).ok).toBe(true);
    const atLarge = totals(large);
    expect(atLarge.calls).toBe(atSmall.calls);
    // The whole of the four big tabs would be over 60,000 cells at 2,000 places.
    const whole = tabCells(large, ['Reviews', 'Participants', 'Interventions', 'Pupils']);
    expect(whole).toBeGreaterThan(60_000);
    expect(atLarge.read).toBeLessThan(whole / 4);
    // Only the review's own cells and the audit rows are written, not the rows around them.
    expect(atLarge.written).toBeLessThan(200);
  });

  test('starting a pupil and a stop decision: no more calls at 2,000 places than their rows need', () => {
    const figures = [SMALL, LARGE].map((size) => {
      const emu = school(size);
      const place = emu.records('Participants')[5];
      emu.resetCalls();
      const started = emu.scriptRun<{ ok: boolean }>('saveParticipant', [
        {
          id: str(place?.['Participant ID']),
          status: 'Started',
          startDate: '2026-11-23',
          parentsInformedOn: '2026-11-20',
          parentsInformedHow: 'Letter',
        },
      ]).value;
      expect(started.ok).toBe(true);
      const start = totals(emu).calls;
      emu.resetCalls();
      const stopped = emu.scriptRun<{ ok: boolean }>('recordDecision', [
        {
          interventionId: str(place?.['Intervention ID']),
          decision: 'Stop',
          reason: 'No progress',
        },
      ]).value;
      expect(stopped.ok).toBe(true);
      return { start, stop: totals(emu).calls };
    });
    expect(figures[1]?.stop).toBe(figures[0]?.stop);
    // The pupil's two other places sit far apart on the bigger tab: a block (two calls) each.
    expect(figures[1]?.start).toBeLessThanOrEqual((figures[0]?.start ?? 0) + 4);
  });
});

describe('rows sorted and columns moved by hand between two saves', () => {
  test('a review save changes the right review, place and intervention rows', () => {
    const emu = school(SMALL);
    const due = emu.records('Reviews').find((r) => r.Kind === 'Mid-point' && r.Status === 'Due');
    const reviewId = str(due?.['Review ID']);
    for (const tab of ['Reviews', 'Participants', 'Interventions', 'Pupils']) {
      moveColumnAsUser(emu.state, tab, 1, 4);
      sortSheetRowsAsUser(emu.state, tab, 2, false);
    }
    const before = emu.records('Reviews').map((r) => ({ ...r }));
    emu.resetCalls();
    const saved = emu.scriptRun<{ ok: boolean }>('saveReview', [
      {
        reviewId,
        kind: 'Mid-point',
        result: '4',
        resultDate: '2026-11-23',
        judgement: 'Not working',
        furtherAction: 'Change',
      },
    ]).value;
    expect(saved.ok).toBe(true);
    const after = emu.records('Reviews');
    const changed = after.filter((r, i) => JSON.stringify(r) !== JSON.stringify(before[i]));
    expect(changed.map((r) => r['Review ID'])).toEqual([reviewId]);
    expect(changed[0]).toMatchObject({ Status: 'Done', Result: '4', Judgement: 'Not working' });
    // Flagged for a decision today, on its own intervention's row only.
    const flagged = emu
      .records('Interventions')
      .filter((row) => str(row['Needs decision']).includes('23 November 2026'));
    expect(flagged.map((i) => i['Intervention ID'])).toEqual([due?.['Intervention ID']]);
  });

  test('reviews added for a pupil who starts go after the last row, below rows typed by hand', () => {
    const emu = school(SMALL);
    emu.appendRecords('Reviews', [{ 'Review ID': 'REV-TYPED', Kind: 'Extra', Status: 'Due' }]);
    const place = emu.records('Participants').find((p) => p.Status === 'Started');
    // A place with no reviews yet: its reviews are made when it is saved as Started.
    const placeId = str(place?.['Participant ID']);
    emu.scriptRun('saveParticipant', [{ id: placeId, status: 'Planned', startDate: '2026-11-23' }]);
    const rowsBefore = emu.records('Reviews').length;
    const before = emu.records('Reviews').filter((r) => r['Participant ID'] === placeId).length;
    const result = emu.scriptRun<{ ok: boolean }>('saveParticipant', [
      {
        id: placeId,
        status: 'Started',
        startDate: '2026-11-23',
        parentsInformedOn: '2026-11-20',
        parentsInformedHow: 'Letter',
      },
    ]).value;
    expect(result.ok).toBe(true);
    const rows = emu.records('Reviews');
    expect(rows.slice(0, rowsBefore).map((r) => r['Review ID'])).toContain('REV-TYPED');
    expect(rows.filter((r) => r['Participant ID'] === placeId).length).toBeGreaterThanOrEqual(
      before,
    );
    expect(rows.some((r) => r['Review ID'] === '')).toBe(false);
  });
});

describe('writes touch only the changed cells', () => {
  test('a stop on tabs sorted by hand: its places and reviews far apart, one write per new value', () => {
    const emu = school(LARGE);
    const headerOf = (tab: string, h: string) => (emu.values(tab)[0] ?? []).indexOf(h) + 1;
    sortSheetRowsAsUser(emu.state, 'Participants', headerOf('Participants', 'Pupil ID'), true);
    sortSheetRowsAsUser(emu.state, 'Reviews', headerOf('Reviews', 'Due date'), true);
    const id = str(emu.records('Interventions')[3]?.['Intervention ID']);
    const before = emu.records('Reviews').map((r) => ({ ...r }));
    emu.resetCalls();
    const stopped = emu.scriptRun<{ ok: boolean }>('recordDecision', [
      { interventionId: id, decision: 'Stop', reason: 'No progress' },
    ]).value;
    expect(stopped.ok).toBe(true);
    const places = emu.records('Participants').filter((p) => p['Intervention ID'] === id);
    expect(places.length).toBeGreaterThan(10);
    expect(places.every((p) => p.Status === 'Stopped')).toBe(true);
    const after = emu.records('Reviews');
    const changed = after.filter((r, i) => JSON.stringify(r) !== JSON.stringify(before[i]));
    expect(changed.length).toBeGreaterThan(10);
    expect(changed.every((r) => r['Intervention ID'] === id && r.Status === 'Cancelled')).toBe(
      true,
    );
    // "Stopped" on the places and "Cancelled" on the reviews: a RangeList write each.
    expect(emu.callCount('SpreadsheetApp.RangeList.setValue')).toBe(2);
  });

  test('the daily run notes the reminders sent in their cells, not whole rows between', () => {
    const emu = school(LARGE);
    emu.menu('turnOnReminders');
    emu.resetCalls();
    emu.fireDueTriggers(new Date('2026-11-24T07:00:00Z'));
    const marked = emu
      .records('Reviews')
      .filter(
        (r) => str(r['Due reminder sent']) !== '' || str(r['Overdue reminder sent']) !== '',
      ).length;
    expect(marked).toBeGreaterThan(100);
    const reviews = emu.values('Reviews');
    const wholeTab = reviews.length * (reviews[0]?.length ?? 0);
    // Marks all over the tab: far fewer cells written than rewriting the tab from the first.
    expect(emu.cells()['SpreadsheetApp.Range.setValues']?.written ?? 0).toBeLessThan(wholeTab / 3);
  });
});
