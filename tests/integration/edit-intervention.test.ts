/**
 * Changing an intervention from the sidebar: only the fields that changed are written (the audit
 * notes old → new), and a new start date or length moves the reviews still due to the new dates,
 * in the same operation. Recorded results (Done and Cancelled reviews) and Extra reviews never move.
 */
import type { Emulator } from '../../emulator/src';
import type { CellValue } from '../../emulator/src';
import {
  editCellAsUser,
  moveColumnAsUser,
  sortSheetRowsAsUser,
} from '../../emulator/src/spreadsheet';
import type {
  InterventionFormOptions,
  InterventionRecordForm,
  SaveResult,
} from '../../src/api/contract';
import type { AddPupilsResult, InterventionPupils } from '../../src/api/participants-contract';
import { schoolCalendar, TERM_DATE_KINDS, type TermDateRow } from '../../src/domain/calendar';
import { dateFromIso } from '../../src/domain/dates';
import { reviewDates } from '../../src/domain/schedule';
import { interventionChoiceLabel } from '../../sidebar/intervention-form';
import { setUpEmulator, validForm } from '../support/emulator';

const READ = 'SpreadsheetApp.Range.getValues';
const WRITE = 'SpreadsheetApp.Range.setValues';
const CONSENT = { parentsInformedOn: '2026-09-01', parentsInformedHow: 'Letter' };

function ymd(value: unknown): string {
  if (!(value instanceof Date)) return String(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

function writesOf(calls: Record<string, number>): number {
  return Object.entries(calls)
    .filter(([method]) => /\.(set\w*|append\w*|insert\w*|delete\w*|clear\w*)$/.test(method))
    .reduce((sum, [, n]) => sum + n, 0);
}

/**
 * A 10-week intervention from Monday 7 September 2026 with two pupils, both started: Amy follows
 * the intervention's start; Ben started on Wednesday 30 September. Amy's baseline has been done
 * (a recorded result), Ben's end review was cancelled, and Amy has an extra review added by hand.
 */
function school() {
  const emu = setUpEmulator();
  emu.appendRecords('Pupils', [
    { 'Pupil ID': 'PUP-0001', 'First name': 'Amy', 'Last name': 'Brown', 'Year group': 'Year 4' },
    { 'Pupil ID': 'PUP-0002', 'First name': 'Ben', 'Last name': 'Cole', 'Year group': 'Year 4' },
  ]);
  const saved = emu.scriptRun<SaveResult>('saveIntervention', [
    validForm({ startDate: '2026-09-07', lengthWeeks: '10' }),
  ]).value;
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const id = saved.id;
  const added = emu.scriptRun<AddPupilsResult>('addPupilsToIntervention', [
    { interventionId: id, pupilIds: ['PUP-0001', 'PUP-0002'] },
  ]).value;
  if (!added.ok) throw new Error(JSON.stringify(added.errors));
  const pupils = emu.scriptRun<InterventionPupils>('getInterventionPupils', [id]).value;
  const place = (pupilId: string) => {
    const found = pupils.participants.find((p) => p.pupilId === pupilId);
    if (!found) throw new Error(`no place for ${pupilId}`);
    return found;
  };
  const amy = place('PUP-0001');
  const ben = place('PUP-0002');
  for (const form of [
    { ...amy.form, status: 'Started', ...CONSENT },
    { ...ben.form, status: 'Started', startDate: '2026-09-30', ...CONSENT },
  ]) {
    const result = emu.scriptRun<SaveResult>('saveParticipant', [form]).value;
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
  }
  // Amy's baseline is recorded; Ben's end review was cancelled; both typed into the sheet.
  setReview(emu, amy.id, 'Baseline', { Status: 'Done', Result: '4/10', Progress: 'Baseline' });
  setReview(emu, ben.id, 'End', { Status: 'Cancelled' });
  setReview(emu, amy.id, 'Mid-point', { 'Due reminder sent': '2026-10-09' });
  emu.appendRecords('Reviews', [
    {
      'Review ID': 'REV-EXTRA001',
      'Intervention ID': id,
      'Participant ID': amy.id,
      Kind: 'Extra',
      'Due date': new Date(2026, 9, 20),
      Status: 'Due',
    },
  ]);
  emu.resetCalls();
  return { emu, id, amy: amy.id, ben: ben.id };
}

/** Types values into one review's row, as a member of staff would. */
function setReview(
  emu: Emulator,
  participantId: string,
  kind: string,
  values: Record<string, string>,
): void {
  const [header = [], ...rows] = emu.values('Reviews');
  const index = rows.findIndex(
    (r) =>
      r[header.indexOf('Participant ID')] === participantId && r[header.indexOf('Kind')] === kind,
  );
  if (index < 0) throw new Error(`no ${kind} review for ${participantId}`);
  for (const [field, value] of Object.entries(values)) {
    editCellAsUser(emu.rt, 'Reviews', index + 2, header.indexOf(field) + 1, value);
  }
}

function formOf(emu: Emulator, id: string): InterventionRecordForm {
  const form = emu.scriptRun<InterventionRecordForm | null>('getIntervention', [id]).value;
  if (!form) throw new Error(`no intervention ${id}`);
  return form;
}

function change(emu: Emulator, id: string, changes: Record<string, string>): SaveResult {
  return emu.scriptRun<SaveResult>('saveIntervention', [{ ...formOf(emu, id), ...changes }]).value;
}

function calendarOf(emu: Emulator) {
  const rows: TermDateRow[] = [];
  for (const r of emu.records('Settings')) {
    const kind = TERM_DATE_KINDS.find((k) => k === r.Setting);
    if (!kind || !(r.From instanceof Date)) continue;
    rows.push({
      kind,
      name: String(r.Value),
      from: r.From,
      to: r.To instanceof Date ? r.To : r.From,
    });
  }
  return schoolCalendar(rows);
}

/** Each review as [participant, kind, due date, status], by Review ID order-independent. */
function reviewsOf(emu: Emulator, participantId: string) {
  return emu
    .records('Reviews')
    .filter((r) => r['Participant ID'] === participantId)
    .map((r) => [r.Kind, ymd(r['Due date']), r.Status]);
}

function expected(emu: Emulator, start: string, weeks: number) {
  const dates = reviewDates(dateFromIso(start), weeks, calendarOf(emu));
  return { baseline: ymd(dates.baseline), mid: ymd(dates.midPoint), end: ymd(dates.end) };
}

function rowOf(emu: Emulator, tab: string, header: string, value: CellValue) {
  return emu.records(tab).find((r) => r[header] === value);
}

describe('choosing an intervention to change', () => {
  it('lists the interventions with their start dates, as the sidebar labels them after a save', () => {
    const { emu, id } = school();
    const options = emu.scriptRun<InterventionFormOptions>('getInterventionFormOptions').value;
    expect(options.interventions).toEqual([
      { id, label: 'Precision teaching: spelling (from 7 September 2026)' },
    ]);
    expect(options.withoutId).toBe(0);
    expect(interventionChoiceLabel(formOf(emu, id))).toBe(options.interventions[0]?.label);
  });

  it("gives the form the intervention's fields as text, dates as yyyy-mm-dd", () => {
    const { emu, id } = school();
    expect(formOf(emu, id)).toEqual({
      ...validForm({ startDate: '2026-09-07', lengthWeeks: '10' }),
      provisionId: '',
      id,
    });
    expect(emu.scriptRun('getIntervention', ['INT-NOTHERE']).value).toBeNull();
    expect(emu.scriptRun('getIntervention', [''])).toMatchObject({ value: null });
  });

  it('counts rows typed in by hand without an ID, which cannot be picked', () => {
    const { emu } = school();
    emu.appendRecords('Interventions', [{ Name: 'Typed by hand' }]);
    const options = emu.scriptRun<InterventionFormOptions>('getInterventionFormOptions').value;
    expect(options.interventions).toHaveLength(1);
    expect(options.withoutId).toBe(1);
  });
});

const SALT_WARNING =
  '• "SALT" (supporting) is not on the Staff tab, so they get no reminders about this intervention\'s reviews and their time is left out of its cost: add them with the Staff form, or correct the spelling in Lead or Supported by. Someone from outside the school who should not be on the Staff tab can stay as typed.';

describe('changing an intervention', () => {
  it('writes only the changed cells, with the audit noting old and new, and moves no review', () => {
    const { emu, id } = school();
    const interventionsBefore = emu.records('Interventions');
    const reviewsBefore = emu.values('Reviews');
    const participantsBefore = emu.values('Participants');
    const auditBefore = emu.records('Audit log').length;
    const result = change(emu, id, { location: 'Room 4', supportedBy: 'Mr Tom Reed, SALT' });
    expect(result).toMatchObject({
      ok: true,
      id,
      message: `Saved "Precision teaching: spelling" (${id}): changed Supported by and Where it happens.`,
    });
    expect(result.ok && result.message).not.toMatch(/moved/);
    const after = emu.records('Interventions');
    expect(after).toHaveLength(1);
    expect(after[0]).toEqual({
      ...interventionsBefore[0],
      Location: 'Room 4',
      'Supported by': 'Mr Tom Reed, SALT',
      // Its cost now names the new supporter it cannot price (not audited: worked out).
      'Cost leaves out':
        'Cost leaves out: Ms Amara Okafor (no hourly cost), Mr Tom Reed (no hourly cost), SALT (not on the Staff tab)',
      // And its warnings name the supporter who is not on the Staff tab (audited: it is new text).
      Warnings: SALT_WARNING,
    });
    expect(emu.values('Reviews')).toEqual(reviewsBefore);
    expect(emu.values('Participants')).toEqual(participantsBefore);

    const audit = emu.records('Audit log').slice(auditBefore);
    expect(audit.map((r) => [r['Record ID'], r.Field, r['Old value'], r['New value']])).toEqual([
      [id, 'Supported by', 'Mr Tom Reed', 'Mr Tom Reed, SALT'],
      [id, 'Location', 'Library', 'Room 4'],
      [id, 'Warnings', '', SALT_WARNING],
    ]);
    expect(audit.every((r) => r['Record type'] === 'Interventions')).toBe(true);

    // Reads: Interventions, Participants and Reviews by ID (header row, key column, rows needed:
    // 3 each), Staff, Provision library, Settings and the Audit log's header row; writes:
    // Interventions and the Audit log.
    const calls = emu.calls();
    expect(calls[READ]).toBe(13 + 1); // + getIntervention's read of Interventions
    expect(calls[WRITE]).toBe(2);
    expect(writesOf(calls)).toBe(2 + 1); // + the audit log's chain head
    expect(calls['LockService.Lock.waitLock']).toBe(1);
  });

  it('moves the reviews still due when the length changes, and leaves recorded ones alone', () => {
    const { emu, id, amy, ben } = school();
    const doneBefore = rowOf(emu, 'Reviews', 'Status', 'Done');
    const cancelledBefore = rowOf(emu, 'Reviews', 'Status', 'Cancelled');
    const extraBefore = rowOf(emu, 'Reviews', 'Kind', 'Extra');
    const reminded = () =>
      emu.records('Reviews').find((r) => r['Participant ID'] === amy && r.Kind === 'Mid-point')?.[
        'Due reminder sent'
      ];
    expect(reminded()).not.toBe('');
    const form = { ...formOf(emu, id), lengthWeeks: '12' };
    emu.resetCalls();
    const result = emu.scriptRun<SaveResult>('saveIntervention', [form]).value;
    expect(result).toMatchObject({
      ok: true,
      message:
        `Saved "Precision teaching: spelling" (${id}): changed Length in weeks. ` +
        '3 reviews moved to the new dates; recorded results were not changed.',
    });

    const amyDates = expected(emu, '2026-09-07', 12);
    const benDates = expected(emu, '2026-09-30', 12);
    const oldBen = expected(emu, '2026-09-30', 10);
    // The new dates really differ from the old ones.
    expect(amyDates.mid).not.toBe(expected(emu, '2026-09-07', 10).mid);
    expect(reviewsOf(emu, amy)).toEqual([
      ['Baseline', '2026-09-07', 'Done'],
      ['Mid-point', amyDates.mid, 'Due'],
      ['End', amyDates.end, 'Due'],
      ['Extra', '2026-10-20', 'Due'],
    ]);
    expect(reviewsOf(emu, ben)).toEqual([
      ['Baseline', benDates.baseline, 'Due'],
      ['Mid-point', benDates.mid, 'Due'],
      ['End', oldBen.end, 'Cancelled'],
    ]);
    // Recorded results and the extra review are exactly as they were.
    expect(rowOf(emu, 'Reviews', 'Status', 'Done')).toEqual(doneBefore);
    expect(rowOf(emu, 'Reviews', 'Status', 'Cancelled')).toEqual(cancelledBefore);
    expect(rowOf(emu, 'Reviews', 'Kind', 'Extra')).toEqual(extraBefore);
    // A reminder sent about the old date is cleared, so the new date is reminded.
    expect(reminded()).toBe('');

    // The audit has old → new for each moved date.
    const moves = emu
      .records('Audit log')
      .filter((r) => r['Record type'] === 'Reviews' && r.Field === 'Due date')
      .filter((r) => r['Old value'] !== ''); // not the dates written when the pupils started
    expect(moves.map((r) => r['New value']).sort()).toEqual(
      [amyDates.mid, amyDates.end, benDates.mid].sort(),
    );
    expect(moves.every((r) => r['Old value'] !== r['New value'])).toBe(true);
    const lengthAudit = emu
      .records('Audit log')
      .filter((r) => r['Record ID'] === id && r.Field === 'Length (weeks)');
    expect(lengthAudit.at(-1)).toMatchObject({ 'Old value': '10', 'New value': '12' });

    // Three tabs by ID (3 reads each), three whole, the Audit log's header; one write per
    // changed tab (Interventions, Reviews) + the Audit log.
    const calls = emu.calls();
    expect(calls[READ]).toBe(13);
    expect(calls[WRITE]).toBe(3);
    expect(writesOf(calls)).toBe(3 + 1); // + the audit log's chain head
  });

  it("moves a new start date for pupils who followed it, and keeps a pupil's own start", () => {
    const { emu, id, amy, ben } = school();
    const benBefore = reviewsOf(emu, ben);
    emu.resetCalls();
    const result = change(emu, id, { startDate: '2026-09-14' });
    expect(result).toMatchObject({
      ok: true,
      message:
        `Saved "Precision teaching: spelling" (${id}): changed Start date. ` +
        '2 reviews moved to the new dates; recorded results were not changed.',
    });
    const amyDates = expected(emu, '2026-09-14', 10);
    expect(reviewsOf(emu, amy)).toEqual([
      ['Baseline', '2026-09-07', 'Done'], // done: keeps its date and result
      ['Mid-point', amyDates.mid, 'Due'],
      ['End', amyDates.end, 'Due'],
      ['Extra', '2026-10-20', 'Due'],
    ]);
    expect(reviewsOf(emu, ben)).toEqual(benBefore);
    // Amy's start date followed the intervention's, so it moves with it; Ben's is his own.
    const starts = Object.fromEntries(
      emu.records('Participants').map((r) => [r['Participant ID'], ymd(r['Start date'])]),
    );
    expect(starts).toEqual({ [amy]: '2026-09-14', [ben]: '2026-09-30' });
    expect(
      emu
        .records('Audit log')
        .filter((r) => r['Record ID'] === amy)
        .at(-1),
    ).toMatchObject({
      Field: 'Start date',
      'Old value': '2026-09-07',
      'New value': '2026-09-14',
    });
    // Reads: 3 tabs by ID (3 each), 3 whole, getIntervention and the audit header; writes:
    // Interventions, Participants, Reviews and the Audit log.
    expect(emu.calls()[READ]).toBe(14);
    expect(emu.calls()[WRITE]).toBe(4);
  });

  it("keeps its pupils' own warnings true when its dosage changes", () => {
    const { emu, id, amy } = school();
    // Still running on 23 November: lesson time counts only while an intervention runs.
    expect(change(emu, id, { lengthWeeks: '14' }).ok).toBe(true);
    const pupils = emu.scriptRun<InterventionPupils>('getInterventionPupils', [id]).value;
    const place = pupils.participants.find((p) => p.id === amy);
    const saved = emu.scriptRun<SaveResult>('saveParticipant', [
      { ...place!.form, lessonMissed: 'Maths' },
    ]).value;
    expect(saved.ok && saved.warnings).toEqual([]); // 3 × 20 minutes: at the 60-minute threshold
    const warningsOf = () =>
      String(emu.records('Participants').find((r) => r['Participant ID'] === amy)?.Warnings);
    expect(warningsOf()).toBe('');
    expect(change(emu, id, { minutesPerSession: '40' }).ok).toBe(true);
    expect(warningsOf()).toMatch(/miss 120 minutes of Maths a week/);
    expect(change(emu, id, { minutesPerSession: '20' }).ok).toBe(true);
    expect(warningsOf()).toBe('');
  });

  it('says so and writes nothing when nothing changed', () => {
    const { emu, id } = school();
    const result = change(emu, id, {});
    expect(result).toMatchObject({
      ok: true,
      message: 'Nothing had changed in "Precision teaching: spelling", so nothing was saved.',
    });
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('keeps the Status following its pupils, not its dates, and leaves a Stopped intervention stopped', () => {
    const { emu, id } = school();
    const places = emu.records('Participants').filter((p) => p['Intervention ID'] === id);
    const expected = places.some((p) => p.Status === 'Started') ? 'Running' : 'Planned';
    change(emu, id, { lengthWeeks: '20' });
    expect(rowOf(emu, 'Interventions', 'Intervention ID', id)?.Status).toBe(expected);
    const [header = []] = emu.values('Interventions');
    editCellAsUser(emu.rt, 'Interventions', 2, header.indexOf('Status') + 1, 'Stopped');
    change(emu, id, { lengthWeeks: '8' });
    expect(rowOf(emu, 'Interventions', 'Intervention ID', id)?.Status).toBe('Stopped');
  });

  it('works out the good-practice warnings again', () => {
    const { emu, id } = school();
    const result = change(emu, id, { minutesPerSession: '60' });
    expect(result.ok && result.warnings?.join('\n')).toMatch(/60 minutes/);
    expect(String(rowOf(emu, 'Interventions', 'Intervention ID', id)?.Warnings)).toMatch(
      /60 minutes/,
    );
    change(emu, id, { minutesPerSession: '20' });
    expect(rowOf(emu, 'Interventions', 'Intervention ID', id)?.Warnings).toBe('');
  });

  it('refuses bad input, a lead not on the Staff tab, or a deleted intervention, writing nothing', () => {
    const { emu, id } = school();
    const before = emu.values('Interventions');
    const bad = change(emu, id, { lengthWeeks: 'ten' });
    expect(!bad.ok && bad.errors).toEqual({
      lengthWeeks: expect.stringMatching(/^Length in weeks:/) as string,
    });
    const lead = change(emu, id, { lead: 'Nobody' });
    expect(!lead.ok && lead.errors.lead).toMatch(/"Nobody" is not on the Staff tab/);
    const gone = emu.scriptRun<SaveResult>('saveIntervention', [
      { ...formOf(emu, id), id: 'INT-NOTHERE', lengthWeeks: '12' },
    ]).value;
    expect(!gone.ok && gone.errors.form).toMatch(/no longer on the Interventions tab/);
    expect(emu.values('Interventions')).toEqual(before);
    expect(writesOf(emu.calls())).toBe(0);
  });

  it('still finds and writes the right cells after users moved columns and sorted rows', () => {
    const { emu, id, amy, ben } = school();
    // A second intervention with its own pupil, which must not move.
    const other = emu.scriptRun<SaveResult>('saveIntervention', [
      validForm({ name: 'Another group', startDate: '2026-09-07', lengthWeeks: '10' }),
    ]).value;
    const otherId = other.ok ? other.id : '';
    emu.appendRecords('Reviews', [
      {
        'Review ID': 'REV-OTHER001',
        'Intervention ID': otherId,
        'Participant ID': 'PAR-OTHER',
        Kind: 'End',
        'Due date': new Date(2026, 10, 23),
        Status: 'Due',
      },
    ]);
    moveColumnAsUser(emu.state, 'Reviews', 5, 1); // Due date first
    moveColumnAsUser(emu.state, 'Reviews', 3, 8); // Participant ID further right
    moveColumnAsUser(emu.state, 'Participants', 5, 2); // Start date second
    moveColumnAsUser(emu.state, 'Interventions', 9, 2); // Length (weeks) second
    sortSheetRowsAsUser(emu.state, 'Reviews', 1, false); // latest due date first
    sortSheetRowsAsUser(emu.state, 'Interventions', 3, false);

    const result = change(emu, id, { lengthWeeks: '12', startDate: '2026-09-14' });
    expect(result.ok && result.message).toMatch(/3 reviews moved to the new dates/);
    const amyDates = expected(emu, '2026-09-14', 12);
    const benDates = expected(emu, '2026-09-30', 12);
    const sorted = (rows: unknown[][]) => rows.map(String).sort();
    expect(sorted(reviewsOf(emu, amy))).toEqual(
      sorted([
        ['Baseline', '2026-09-07', 'Done'],
        ['Mid-point', amyDates.mid, 'Due'],
        ['End', amyDates.end, 'Due'],
        ['Extra', '2026-10-20', 'Due'],
      ]),
    );
    expect(sorted(reviewsOf(emu, ben))).toEqual(
      sorted([
        ['Baseline', benDates.baseline, 'Due'],
        ['Mid-point', benDates.mid, 'Due'],
        ['End', expected(emu, '2026-09-30', 10).end, 'Cancelled'],
      ]),
    );
    expect(ymd(rowOf(emu, 'Reviews', 'Review ID', 'REV-OTHER001')?.['Due date'])).toBe(
      '2026-11-23',
    );
    expect(rowOf(emu, 'Interventions', 'Intervention ID', id)).toMatchObject({
      'Length (weeks)': 12,
      Name: 'Precision teaching: spelling',
    });
    expect(rowOf(emu, 'Interventions', 'Intervention ID', otherId)).toMatchObject({
      'Length (weeks)': 10,
      Name: 'Another group',
    });
    expect(ymd(rowOf(emu, 'Participants', 'Participant ID', amy)?.['Start date'])).toBe(
      '2026-09-14',
    );
  });
});
