/**
 * Review dates through the built add-on: the Settings tab's pre-filled school year, and the
 * Baseline, Mid-point and End reviews added when a pupil is marked Started.
 */
import type { Emulator } from '../../emulator/src';
import { moveColumnAsUser } from '../../emulator/src/spreadsheet';
import type { SaveResult } from '../../src/api/contract';
import type { AddPupilsResult, InterventionPupils } from '../../src/api/participants-contract';
import { newEmulator, setUpEmulator, validForm } from '../support/emulator';

const READ = 'SpreadsheetApp.Range.getValues';
const WRITE = 'SpreadsheetApp.Range.setValues';
const CONSENT = { parentsInformedOn: '2026-09-01', parentsInformedHow: 'Letter' };

function ymd(value: unknown): string {
  if (!(value instanceof Date)) return String(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** A school with one pupil in a 10-week programme starting Monday 7 September 2026. */
function school(emu: Emulator = setUpEmulator(), overrides: Record<string, string> = {}) {
  emu.appendRecords('Pupils', [
    { 'Pupil ID': 'PUP-0001', 'First name': 'Amy', 'Last name': 'Brown', 'Year group': 'Year 4' },
  ]);
  const saved = emu.scriptRun<SaveResult>('saveIntervention', [
    validForm({ startDate: '2026-09-07', lengthWeeks: '10', ...overrides }),
  ]).value;
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const added = emu.scriptRun<AddPupilsResult>('addPupilsToIntervention', [
    { interventionId: saved.id, pupilIds: ['PUP-0001'] },
  ]).value;
  if (!added.ok) throw new Error(JSON.stringify(added.errors));
  return { emu, interventionId: saved.id, participantId: added.ids[0] ?? '' };
}

function formFor(emu: Emulator, interventionId: string, changes: Record<string, string>) {
  const pupils = emu.scriptRun<InterventionPupils>('getInterventionPupils', [interventionId]).value;
  const place = pupils.participants[0];
  if (!place) throw new Error('no participant');
  return { ...place.form, ...changes };
}

function save(emu: Emulator, form: Record<string, string>): SaveResult {
  return emu.scriptRun<SaveResult>('saveParticipant', [form]).value;
}

function reviews(emu: Emulator) {
  return emu.records('Reviews').filter((r) => r['Review ID'] !== '');
}

describe("the Settings tab's term dates", () => {
  it('are pre-filled with a typical school year for this academic year, once', () => {
    const emu = setUpEmulator();
    const rows = emu.records('Settings').filter((r) => r.From !== '');
    expect(rows.map((r) => `${String(r.Setting)}: ${String(r.Value)}`)).toEqual(
      expect.arrayContaining([
        'Term: Autumn term',
        'Holiday: October half term',
        'Term: Spring term',
        'Term: Summer term',
        'Bank holiday: Early May bank holiday',
        'INSET day: INSET day',
      ]),
    );
    const autumn = rows.find((r) => r.Value === 'Autumn term');
    expect([ymd(autumn?.From), ymd(autumn?.To)]).toEqual(['2026-09-01', '2026-12-18']);
    // A single day leaves To blank.
    expect(rows.find((r) => r.Value === 'Early May bank holiday')?.To).toBe('');
    expect(String(rows[0]?.Notes)).toMatch(/change these rows to your school's own term dates/);
    expect(rows).toHaveLength(21);

    emu.menu('setUpProvisionMap');
    expect(emu.records('Settings').filter((r) => r.From !== '')).toHaveLength(21);
  });

  it("are not added when the school's own terms are there", () => {
    const emu = newEmulator();
    emu.install();
    emu.menu('setUpProvisionMap');
    // A school that cleared the typical dates and typed its own single term.
    const settings = emu.values('Settings');
    const header = settings[0] ?? [];
    const kept = emu
      .records('Settings')
      .filter((r) => r.From === '')
      .map((r) => header.map((h) => r[String(h)] ?? ''));
    emu.state.spreadsheet.sheets.find((s) => s.name === 'Settings')!.rows.length = 1;
    emu.appendRecords(
      'Settings',
      kept.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i] ?? '']))),
    );
    emu.appendRecords('Settings', [
      { Setting: 'Term', Value: 'Autumn 1', From: new Date(2026, 8, 3), To: new Date(2026, 9, 23) },
    ]);
    emu.menu('setUpProvisionMap');
    const terms = emu.records('Settings').filter((r) => r.From !== '');
    expect(terms.map((r) => r.Value)).toEqual(['Autumn 1']);
  });
});

describe('reviews when a pupil starts', () => {
  it('adds a Baseline, a Mid-point and an End review in the same save, with term-time dates', () => {
    const { emu, interventionId, participantId } = school();
    const form = formFor(emu, interventionId, { status: 'Started', ...CONSENT });
    emu.resetCalls();
    const result = save(emu, form);
    expect(result).toMatchObject({
      ok: true,
      message:
        "Saved Amy Brown's record for Precision teaching: spelling. Reviews due: baseline " +
        '7 September 2026, mid-point 12 October 2026, end 23 November 2026.',
    });
    // Reads: Participants, Interventions, Pupils and Reviews by ID (header row, key column, rows
    // needed: 3 each), Settings, Staff (the cost per pupil) and the Audit log's header.
    expect(emu.calls()[READ]).toBe(14);
    // Writes: Participants, Reviews, the intervention's Status (now Running) and the Audit log.
    expect(emu.calls()[WRITE]).toBe(4);

    const added = reviews(emu);
    expect(added.map((r) => [r.Kind, ymd(r['Due date']), r.Status])).toEqual([
      ['Baseline', '2026-09-07', 'Due'],
      ['Mid-point', '2026-10-12', 'Due'],
      // Ten school weeks: October half term does not count.
      ['End', '2026-11-23', 'Due'],
    ]);
    for (const review of added) {
      expect(review['Review ID']).toMatch(/^REV-[0-9A-F]{12}$/);
      expect(review['Intervention ID']).toBe(interventionId);
      expect(review['Participant ID']).toBe(participantId);
    }
    expect(new Set(added.map((r) => r['Review ID'])).size).toBe(3);
    // Each new review's fields are in the audit log.
    const audit = emu.records('Audit log').filter((r) => r['Record type'] === 'Reviews');
    expect(audit.filter((r) => r.Field === 'Kind').map((r) => r['New value'])).toEqual([
      'Baseline',
      'Mid-point',
      'End',
    ]);
  });

  it('adds them once: saving again, or starting again after Planned, adds none', () => {
    const { emu, interventionId } = school();
    save(emu, formFor(emu, interventionId, { status: 'Started', ...CONSENT }));
    const form = formFor(emu, interventionId, { target: '8/10 by Christmas' });
    emu.resetCalls();
    const again = save(emu, form);
    expect(again).toMatchObject({
      ok: true,
      message: "Saved Amy Brown's record for Precision teaching: spelling.",
    });
    // One read more than the first save: the place's reviews are there now, read as a block.
    expect(emu.calls()[READ]).toBe(15);
    expect(emu.calls()[WRITE]).toBe(2); // Participants and the Audit log: Reviews unchanged
    save(emu, formFor(emu, interventionId, { status: 'Planned' }));
    save(emu, formFor(emu, interventionId, { status: 'Started' }));
    expect(reviews(emu)).toHaveLength(3);
  });

  it("uses the pupil's own start date and the school's own holidays", () => {
    const { emu, interventionId } = school();
    emu.appendRecords('Settings', [
      { Setting: 'INSET day', Value: 'Training day', From: new Date(2026, 10, 11) },
    ]);
    // Starts Wednesday 30 September; 10 weeks over half term.
    save(
      emu,
      formFor(emu, interventionId, { status: 'Started', startDate: '2026-09-30', ...CONSENT }),
    );
    expect(reviews(emu).map((r) => ymd(r['Due date']))).toEqual([
      '2026-09-30',
      // Due Wednesday 11 November, the school's own training day.
      '2026-11-12',
      '2026-12-16',
    ]);
  });

  it('pulls an end in the summer holiday back to the last school day of the summer term', () => {
    const { emu, interventionId } = school(undefined, {
      startDate: '2027-06-07',
      lengthWeeks: '8',
    });
    save(emu, formFor(emu, interventionId, { status: 'Started', ...CONSENT }));
    expect(reviews(emu).map((r) => ymd(r['Due date']))).toEqual([
      '2027-06-07',
      '2027-07-05',
      // Due 2 August by the calendar: the last school day of the summer term (21 July is INSET).
      '2027-07-20',
    ]);
  });

  it('puts the mid-point before the end when Easter would move both to one day', () => {
    const { emu, interventionId } = school(undefined, {
      startDate: '2027-03-19',
      lengthWeeks: '2',
    });
    save(emu, formFor(emu, interventionId, { status: 'Started', ...CONSENT }));
    expect(reviews(emu).map((r) => [r.Kind, ymd(r['Due date'])])).toEqual([
      ['Baseline', '2027-03-19'],
      // Due Good Friday, the next school day would be the end's: the last school day before it.
      ['Mid-point', '2027-03-25'],
      // Due 2 April in the Easter holiday; 12 April is an INSET day.
      ['End', '2027-04-13'],
    ]);
  });

  it('writes under the right headers after staff moved columns of the Reviews tab', () => {
    const { emu, interventionId, participantId } = school();
    moveColumnAsUser(emu.state, 'Reviews', 5, 1); // Due date first
    save(emu, formFor(emu, interventionId, { status: 'Started', ...CONSENT }));
    expect(emu.values('Reviews')[0]?.[0]).toBe('Due date');
    expect(reviews(emu).map((r) => [r.Kind, ymd(r['Due date']), r['Participant ID']])).toEqual([
      ['Baseline', '2026-09-07', participantId],
      ['Mid-point', '2026-10-12', participantId],
      ['End', '2026-11-23', participantId],
    ]);
  });

  it('says when review dates cannot be worked out, and adds none', () => {
    const { emu, interventionId } = school();
    const form = formFor(emu, interventionId, { status: 'Started', startDate: '', ...CONSENT });
    // The intervention has a start date, so blank the intervention's too.
    const row = emu.values('Interventions')[0]?.indexOf('Start date') ?? -1;
    const sheet = emu.state.spreadsheet.sheets.find((s) => s.name === 'Interventions')!;
    sheet.rows[1]![row] = null;
    const result = save(emu, form);
    expect(result.ok && result.message).toMatch(/Review dates could not be worked out/);
    expect(reviews(emu)).toHaveLength(0);
  });
});
