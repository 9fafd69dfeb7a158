/** Results in the pupil's measure, and the outcome score they give. */
import type { Emulator } from '../../emulator/src';
import type { SaveResult } from '../../src/api/contract';
import { setUpEmulator, validForm } from '../support/emulator';

type Rec = Record<string, unknown>;

function school(): { emu: Emulator; id: string; place: string } {
  const emu = setUpEmulator();
  emu.appendRecords('Pupils', [
    { 'Pupil ID': 'PUP-0001', 'First name': 'Amy', 'Last name': 'Brown', 'Year group': 'Year 4' },
  ]);
  const saved = emu.scriptRun<SaveResult>('saveIntervention', [
    validForm({ startDate: '2026-11-02', lengthWeeks: '10' }),
  ]).value;
  if (!saved.ok) throw new Error(saved.message);
  const added = emu.scriptRun<{ ids: string[] }>('addPupilsToIntervention', [
    { interventionId: saved.id, pupilIds: ['PUP-0001'] },
  ]).value;
  return { emu, id: saved.id, place: added.ids[0]! };
}

function savePlace(emu: Emulator, id: string, place: string, extra: Rec): SaveResult {
  const data = emu.scriptRun<{ participants: { id: string; form: Rec }[] }>(
    'getInterventionPupils',
    [id],
  ).value;
  const form = data.participants.find((p) => p.id === place)!.form;
  return emu.scriptRun<SaveResult>('saveParticipant', [
    {
      ...form,
      status: 'Started',
      parentsInformedOn: '2026-10-30',
      parentsInformedHow: 'Letter',
      ...extra,
    },
  ]).value;
}

const row = (emu: Emulator, tab: string, header: string, id: string): Rec =>
  emu.records(tab).find((r) => r[header] === id)!;
const reviewId = (emu: Emulator, place: string, kind: string): string =>
  String(
    emu.records('Reviews').find((r) => r['Participant ID'] === place && r.Kind === kind)![
      'Review ID'
    ],
  );

function review(emu: Emulator, place: string, kind: string, extra: Rec): SaveResult {
  return emu.scriptRun<SaveResult>('saveReview', [
    {
      reviewId: reviewId(emu, place, kind),
      kind,
      resultDate: kind === 'End' ? '2027-01-25' : '2026-12-07',
      judgement: 'Working',
      furtherAction: 'Continue',
      ...extra,
    },
  ]).value;
}

test('a baseline that is not a result in the measure is refused, naming the field', () => {
  const { emu, id, place } = school();
  const refused = savePlace(emu, id, place, {
    baseline: 'banana',
    baselineMeasure: 'Reading age',
    baselineDate: '2026-11-02',
  });
  expect(refused.ok).toBe(false);
  expect(!refused.ok && refused.errors.baseline).toMatch(
    /^Baseline: Reading age is years and months/,
  );
  expect(row(emu, 'Participants', 'Participant ID', place).Status).toBe('Planned');
});

test('baseline and target are kept as typed and as numbers; the end review scores the outcome', () => {
  const { emu, id, place } = school();
  const saved = savePlace(emu, id, place, {
    baseline: '4/10',
    baselineMeasure: 'Spelling test',
    baselineDate: '2026-11-02',
    target: '8/10 or better by February half term',
  });
  expect(saved.ok).toBe(true);
  expect(row(emu, 'Participants', 'Participant ID', place)).toMatchObject({
    Baseline: '4/10',
    'Baseline value': 4,
    'Target value': 8,
  });

  // Mid-point: 6/10 is half the planned gain: provisional −1.
  const mid = review(emu, place, 'Mid-point', { result: '6/10' });
  expect(mid.ok && mid.message).toContain(
    'Provisional outcome at the mid-point: Less than expected.',
  );
  expect(row(emu, 'Reviews', 'Review ID', reviewId(emu, place, 'Mid-point'))).toMatchObject({
    'Result value': 6,
    'Outcome score': -1,
  });

  // End: 9/10 is 1.25 of the planned gain: +1, target met.
  const end = review(emu, place, 'End', { result: '9/10', runAgain: 'Yes' });
  expect(end.ok).toBe(true);
  expect(row(emu, 'Participants', 'Participant ID', place)).toMatchObject({
    Actual: '9/10',
    'Actual value': 9,
    'Outcome score': 1,
    'Target met': 'Yes',
  });
});

test('a result that is not in the measure is refused; a chosen score needs a reason', () => {
  const { emu, id, place } = school();
  savePlace(emu, id, place, {
    baseline: '4/10',
    baselineMeasure: 'Spelling test',
    baselineDate: '2026-11-02',
    target: '8/10',
  });
  const bad = review(emu, place, 'Mid-point', { result: '12/10' });
  expect(bad.ok).toBe(false);
  expect(!bad.ok && bad.errors.result).toMatch(/^Result: /);
  const noReason = review(emu, place, 'Mid-point', { result: '6/10', outcomeScore: '+1' });
  expect(noReason.ok).toBe(false);
  expect(!noReason.ok && Object.values(noReason.errors).join(' ')).toMatch(/reason|why/i);
  const chosen = review(emu, place, 'Mid-point', {
    result: '6/10',
    outcomeScore: '+1',
    outcomeReason: 'Absent for two weeks; much better since',
  });
  expect(chosen.ok).toBe(true);
  expect(row(emu, 'Reviews', 'Review ID', reviewId(emu, place, 'Mid-point'))).toMatchObject({
    'Outcome score': 1,
    'Outcome reason': 'Absent for two weeks; much better since',
  });
});
