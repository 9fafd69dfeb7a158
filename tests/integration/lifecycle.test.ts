/** The add-on keeps Status true, and the baseline is entered once. */
import type { Emulator } from '../../emulator/src';
import type { SaveResult } from '../../src/api/contract';
import { setUpEmulator, validForm } from '../support/emulator';

type Rec = Record<string, unknown>;

function school(): { emu: Emulator; id: string; places: string[] } {
  const emu = setUpEmulator();
  emu.appendRecords('Pupils', [
    { 'Pupil ID': 'PUP-0001', 'First name': 'Amy', 'Last name': 'Brown', 'Year group': 'Year 4' },
    { 'Pupil ID': 'PUP-0002', 'First name': 'Ben', 'Last name': 'Cole', 'Year group': 'Year 3' },
  ]);
  const saved = emu.scriptRun<SaveResult>('saveIntervention', [
    validForm({ startDate: '2026-11-02', lengthWeeks: '10' }),
  ]).value;
  if (!saved.ok) throw new Error(saved.message);
  const added = emu.scriptRun<{ ok: boolean; ids: string[] }>('addPupilsToIntervention', [
    { interventionId: saved.id, pupilIds: ['PUP-0001', 'PUP-0002'] },
  ]).value;
  return { emu, id: saved.id, places: added.ids };
}

const status = (emu: Emulator, tab: string, idHeader: string, id: string): unknown =>
  emu.records(tab).find((r) => r[idHeader] === id)?.Status;

function formOf(emu: Emulator, interventionId: string, placeId: string): Rec {
  const data = emu.scriptRun<{ participants: { id: string; form: Rec }[] }>(
    'getInterventionPupils',
    [interventionId],
  ).value;
  return data.participants.find((p) => p.id === placeId)!.form;
}

function start(emu: Emulator, interventionId: string, placeId: string, extra: Rec = {}) {
  return emu.scriptRun<SaveResult>('saveParticipant', [
    {
      ...formOf(emu, interventionId, placeId),
      status: 'Started',
      parentsInformedOn: '2026-10-30',
      parentsInformedHow: 'Letter',
      ...extra,
    },
  ]).value;
}

const reviewOf = (emu: Emulator, placeId: string, kind: string): Rec =>
  emu.records('Reviews').find((r) => r['Participant ID'] === placeId && r.Kind === kind)!;

function recordEnd(emu: Emulator, placeId: string): SaveResult {
  return emu.scriptRun<SaveResult>('saveReview', [
    {
      reviewId: String(reviewOf(emu, placeId, 'End')['Review ID']),
      kind: 'End',
      result: '8/10',
      resultDate: '2027-01-25',
      judgement: 'Working',
      furtherAction: 'Continue',
      runAgain: 'Yes',
    },
  ]).value;
}

test('Planned until a pupil starts, Running while one is, Finished when every end review is in', () => {
  const { emu, id, places } = school();
  expect(status(emu, 'Interventions', 'Intervention ID', id)).toBe('Planned');
  start(emu, id, places[0]!);
  start(emu, id, places[1]!);
  expect(status(emu, 'Interventions', 'Intervention ID', id)).toBe('Running');

  const first = recordEnd(emu, places[0]!);
  expect(first.ok && first.message).toContain('Their place in it is now Finished.');
  expect(status(emu, 'Participants', 'Participant ID', places[0]!)).toBe('Finished');
  expect(status(emu, 'Interventions', 'Intervention ID', id)).toBe('Running');
  recordEnd(emu, places[1]!);
  expect(status(emu, 'Interventions', 'Intervention ID', id)).toBe('Finished');
});

test('a finished place is never reminded, even of a review still due', () => {
  const { emu, id, places } = school();
  start(emu, id, places[0]!);
  recordEnd(emu, places[0]!);
  emu.menu('turnOnReminders');
  emu.fireDueTriggers(new Date('2026-12-15T07:00:00Z'));
  // Its Mid-point review was never recorded and is overdue: no reminder, the place is finished.
  expect(reviewOf(emu, places[0]!, 'Mid-point').Status).toBe('Due');
  const told = emu.outbox().map((m) => `${m.subject}\n${m.body}`);
  expect(told.join('\n')).not.toContain('Mid-point review');
});

test('a baseline recorded on the place completes the Baseline review, once', () => {
  const { emu, id, places } = school();
  start(emu, id, places[0]!);
  const saved = emu.scriptRun<SaveResult>('saveParticipant', [
    {
      ...formOf(emu, id, places[0]!),
      baseline: '4/10',
      baselineMeasure: 'Spelling test',
      baselineDate: '2026-11-02',
    },
  ]).value;
  expect(saved.ok && saved.message).toContain('The baseline also completes their Baseline review.');
  const review = reviewOf(emu, places[0]!, 'Baseline');
  expect(review).toMatchObject({ Status: 'Done', Result: '4/10' });
  expect(review['Result date']).toEqual(new Date(2026, 10, 2));
  // Reminders then leave it alone: nothing about a baseline in the next digest.
  emu.menu('turnOnReminders');
  emu.fireDueTriggers(new Date('2026-11-05T07:00:00Z'));
  expect(
    emu
      .outbox()
      .map((m) => m.body)
      .join('\n'),
  ).not.toContain('Baseline review');
});

test('a pupil started with their baseline already typed gets a Baseline review that is done', () => {
  const { emu, id, places } = school();
  start(emu, id, places[1]!, {
    baseline: '5/10',
    baselineMeasure: 'Spelling test',
    baselineDate: '2026-11-02',
  });
  expect(reviewOf(emu, places[1]!, 'Baseline')).toMatchObject({ Status: 'Done', Result: '5/10' });
  expect(reviewOf(emu, places[1]!, 'Mid-point').Status).toBe('Due');
});

test('a different result already on the Baseline review is a conflict: neither is changed', () => {
  const { emu, id, places } = school();
  start(emu, id, places[0]!);
  emu.scriptRun('saveReview', [
    {
      reviewId: String(reviewOf(emu, places[0]!, 'Baseline')['Review ID']),
      kind: 'Baseline',
      result: '3/10',
      resultDate: '2026-11-02',
    },
  ]);
  const saved = emu.scriptRun<SaveResult>('saveParticipant', [
    { ...formOf(emu, id, places[0]!), baseline: '6/10', baselineDate: '2026-11-03' },
  ]).value;
  expect(saved.ok && saved.message).toContain(
    'Their Baseline review holds a different result ("3/10"): neither was changed',
  );
  expect(reviewOf(emu, places[0]!, 'Baseline').Result).toBe('3/10');
});

test('"Set up provision map" brings older workbooks into line, listing conflicts for the SENCo', () => {
  const { emu, id, places } = school();
  start(emu, id, places[0]!);
  start(emu, id, places[1]!);
  // Amy's baseline was recorded as a review only; Ben's differs between the two (typed by hand).
  emu.scriptRun('saveReview', [
    {
      reviewId: String(reviewOf(emu, places[0]!, 'Baseline')['Review ID']),
      kind: 'Baseline',
      result: '4/10',
      resultDate: '2026-11-02',
    },
  ]);
  const rows = emu.values('Participants');
  const header = (rows[0] ?? []).map(String);
  const amy = rows.findIndex((r) => r[0] === places[0]);
  emu.rt.state.spreadsheet.sheets.find((s) => s.name === 'Participants')!.rows[amy]![
    header.indexOf('Baseline')
  ] = { v: '' };
  emu.scriptRun('saveReview', [
    {
      reviewId: String(reviewOf(emu, places[1]!, 'Baseline')['Review ID']),
      kind: 'Baseline',
      result: '5/10',
      resultDate: '2026-11-02',
    },
  ]);
  const ben = rows.findIndex((r) => r[0] === places[1]);
  emu.rt.state.spreadsheet.sheets.find((s) => s.name === 'Participants')!.rows[ben]![
    header.indexOf('Baseline')
  ] = { v: '7/10' };

  const { uiEvents } = emu.menu('setUpProvisionMap');
  const message = uiEvents.map((e) => (e.type === 'alert' ? e.message : '')).join('\n');
  expect(message).toContain('Baselines brought into line (one baseline per pupil): 1.');
  expect(message).toContain(
    'Ben Cole (' + places[1] + '): the place says "7/10", the Baseline review "5/10"',
  );
  const amyRow = emu.records('Participants').find((r) => r['Participant ID'] === places[0]);
  expect(amyRow?.Baseline).toBe('4/10');
  const benRow = emu.records('Participants').find((r) => r['Participant ID'] === places[1]);
  expect(benRow?.Baseline).toBe('7/10');
});
