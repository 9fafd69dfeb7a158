/**
 * Letters for a whole group in one pass (generateLetters): the tabs read once for the group, the
 * Docs made one after another, a pupil whose letter cannot be made named with the reason while
 * the others are made, a run that runs out of time handing back the rest, and a retry of a run
 * that was cut off finishing it without making any letter twice.
 */
import type { Emulator } from '../../emulator/src';
import { editCellAsUser } from '../../emulator/src/spreadsheet';
import { parseState, serializeState, type CellValue } from '../../emulator/src/state';
import type { SaveResult } from '../../src/api/contract';
import type { LetterBatchResult } from '../../src/api/letters-contract';
import { BUILD_DIR, setUpEmulator, validForm } from '../support/emulator';
import { runSaveSweep, saveScenarios } from '../support/save-sweep';
import { Emulator as EmulatorClass } from '../../emulator/src';

const READ = 'SpreadsheetApp.Range.getValues';
const WRITE = 'SpreadsheetApp.Range.setValues';
const CREATE = 'DocumentApp.create';
const DOC_MIME = 'application/vnd.google-apps.document';
const day = (y: number, m: number, d: number): Date => new Date(y, m - 1, d);
const pad = (n: number): string => String(n).padStart(4, '0');

interface Group {
  emu: Emulator;
  interventionId: string;
  /** The group's places, PAR-0001… */
  ids: string[];
}

/**
 * A group of `n` pupils who have started, in a school with 300 other places (and their 900
 * reviews) in another intervention, so that reading a whole tab would show in the cells read.
 */
function group(n: number): Group {
  const emu = setUpEmulator();
  setSetting(emu, 'School name', 'Hillside Primary School');
  const others = 300;
  emu.appendRecords(
    'Pupils',
    Array.from({ length: n + others }, (_v, i) => ({
      'Pupil ID': `PUP-${pad(i + 1)}`,
      'First name': `Pupil${i + 1}`,
      'Last name': `Family${i + 1}`,
      'Year group': 'Year 5',
    })),
  );
  const saved = emu.scriptRun<SaveResult>('saveIntervention', [
    validForm({ startDate: '2026-11-02' }),
  ]).value;
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const place = (i: number, interventionId: string): Record<string, CellValue> => ({
    'Participant ID': `PAR-${pad(i + 1)}`,
    'Intervention ID': interventionId,
    'Pupil ID': `PUP-${pad(i + 1)}`,
    Status: 'Started',
    'Start date': day(2026, 11, 2),
    'Parents informed on': day(2026, 10, 20),
    'Parents informed how': 'Letter',
    Baseline: '4/10',
    'Baseline measure': 'Weekly spelling test',
    'Baseline date': day(2026, 11, 2),
    Target: '8/10 or better',
    'Lesson missed': 'Maths',
  });
  emu.appendRecords('Participants', [
    ...Array.from({ length: n }, (_v, i) => place(i, saved.id)),
    ...Array.from({ length: others }, (_v, i) => place(n + i, 'INT-OTHER')),
  ]);
  emu.appendRecords(
    'Reviews',
    Array.from({ length: (n + others) * 3 }, (_v, i) => {
      const at = Math.floor(i / 3);
      const kind = (['Baseline', 'Mid-point', 'End'] as const)[i % 3] ?? 'End';
      return {
        'Review ID': `REV-${String(i + 1).padStart(5, '0')}`,
        'Intervention ID': at < n ? saved.id : 'INT-OTHER',
        'Participant ID': `PAR-${pad(at + 1)}`,
        Kind: kind,
        'Due date': kind === 'Baseline' ? day(2026, 11, 2) : day(2026, 12, 14),
        Status: kind === 'Baseline' ? 'Done' : 'Due',
      };
    }),
  );
  emu.resetCalls();
  return {
    emu,
    interventionId: saved.id,
    ids: Array.from({ length: n }, (_v, i) => `PAR-${pad(i + 1)}`),
  };
}

function setSetting(emu: Emulator, name: string, value: string): void {
  const [header = [], ...rows] = emu.values('Settings');
  const row = rows.findIndex((r) => r[header.indexOf('Setting')] === name);
  if (row < 0) throw new Error(`no setting ${name}`);
  editCellAsUser(emu.rt, 'Settings', row + 2, header.indexOf('Value') + 1, value);
}

type Ok = Extract<LetterBatchResult, { ok: true }>;

function letters(
  emu: Emulator,
  request: Record<string, unknown>,
  requestId = 'batch-request-0001',
): Ok {
  const result = emu.scriptRun<LetterBatchResult>('generateLetters', [request, requestId]).value;
  if (!result.ok) throw new Error(result.message);
  return result;
}

function place(emu: Emulator, id: string): Record<string, CellValue> {
  const row = emu.records('Participants').find((r) => r['Participant ID'] === id);
  if (!row) throw new Error(`no place ${id}`);
  return row;
}

/** Docs not in the bin, by name. */
function liveDocs(emu: Emulator): string[] {
  return emu.state.drive.files
    .filter((f) => f.mimeType === DOC_MIME && !f.trashed)
    .map((f) => f.name);
}

function linkAudits(emu: Emulator, column = 'Start letter'): Record<string, CellValue>[] {
  return emu.records('Audit log').filter((r) => r.Field === column);
}

/** Cells of the Participants and Reviews tabs: what reading them whole would cost. */
function wholeTabCells(emu: Emulator): number {
  return ['Participants', 'Reviews']
    .map((tab) => emu.values(tab))
    .reduce((sum, rows) => sum + rows.length * (rows[0]?.length ?? 0), 0);
}

describe('letters for a group in one pass', () => {
  it('makes a Doc for each of the group in one run, reading the tabs once whatever its size', () => {
    const figures = [3, 12].map((n) => {
      const { emu, interventionId, ids } = group(n);
      const runsBefore = emu.executions().length;
      const result = letters(emu, { interventionId, kind: 'start' });
      expect(emu.executions().length - runsBefore).toBe(1);
      expect(result.made.map((m) => m.participantId)).toEqual(ids);
      expect(result.failed).toEqual([]);
      expect(result.remaining).toEqual([]);
      expect(liveDocs(emu)).toHaveLength(n);
      // Each pupil's own letter, linked on their own row and audited once, with the request.
      for (const made of result.made) {
        expect(place(emu, made.participantId)['Start letter']).toBe(made.url);
        const doc = emu.documents().find((d) => d.url === made.url);
        expect(doc?.name).toContain(made.pupil);
      }
      expect(linkAudits(emu).map((r) => r['Request ID'])).toEqual(
        ids.map(() => 'batch-request-0001'),
      );
      const calls = emu.calls();
      const read = emu.cells()[READ]?.read ?? 0;
      return { calls, read, whole: wholeTabCells(emu) };
    });
    const [small, large] = figures as [(typeof figures)[0], (typeof figures)[0]];
    // The same reads for 3 pupils as for 12: one pass over the tabs, not one per letter.
    expect(large.calls[READ]).toBe(small.calls[READ]);
    // And one write of the links (the group's rows are together) beside the audit log's.
    expect(large.calls[WRITE]).toBe(2);
    expect(large.calls[CREATE]).toBe(12);
    // Never the whole of Participants or Reviews: their key columns, then the group's rows.
    expect(large.read).toBeLessThan(large.whole / 4);
  });

  it('names the pupil whose letter could not be made, and makes the others', () => {
    const { emu, ids } = group(6);
    // Google refuses the third Doc.
    emu.injectFault({ method: CREATE, onCall: 3, message: 'Service unavailable: Docs' });
    const result = letters(emu, { participantIds: ids, kind: 'start' });
    expect(result.made.map((m) => m.participantId)).toEqual([
      ids[0],
      ids[1],
      ids[3],
      ids[4],
      ids[5],
    ]);
    expect(result.failed).toEqual([
      {
        participantId: ids[2],
        pupil: 'Pupil3 Family3',
        reason: 'Google Docs could not make it (Service unavailable: Docs). Try again later.',
      },
    ]);
    expect(place(emu, ids[2] ?? '')['Start letter']).toBe('');
    expect(liveDocs(emu)).toHaveLength(5);
    expect(result.message).toBe('Made 5 letters. 1 could not be made.');
  });

  it('mid-point letters: the pupil whose review is not recorded yet is named with the reason', () => {
    const { emu, ids } = group(4);
    // Every mid-point review but the second pupil's is recorded.
    const [header = [], ...rows] = emu.values('Reviews');
    rows.forEach((row, i) => {
      const kind = row[header.indexOf('Kind')];
      const who = row[header.indexOf('Participant ID')];
      if (kind !== 'Mid-point' || who === ids[1] || !ids.includes(String(who))) return;
      editCellAsUser(emu.rt, 'Reviews', i + 2, header.indexOf('Status') + 1, 'Done');
      editCellAsUser(emu.rt, 'Reviews', i + 2, header.indexOf('Result') + 1, '6/10');
    });
    const result = letters(emu, { participantIds: ids, kind: 'mid-point' });
    expect(result.made).toHaveLength(3);
    expect(result.failed).toEqual([
      {
        participantId: ids[1],
        pupil: 'Pupil2 Family2',
        reason:
          'their mid-point review has not been recorded yet (it is due on Monday 14 December 2026). Record it with "Record a review…", then make the letter.',
      },
    ]);
    expect(place(emu, ids[1] ?? '')['Mid-point letter']).toBe('');
  });

  it('stops starting letters when its time is up, and the next call makes the rest', () => {
    const { emu, ids } = group(8);
    // Each Doc takes a minute here: after 4½ minutes the run starts no more.
    const start = emu.now.getTime();
    emu.rt.clock = { now: () => new Date(start + emu.callCount(CREATE) * 60_000) };
    const first = letters(emu, { participantIds: ids, kind: 'start' }, 'batch-request-0001');
    expect(first.made.map((m) => m.participantId)).toEqual(ids.slice(0, 5));
    expect(first.remaining).toEqual(ids.slice(5));
    expect(first.message).toBe('Made 5 letters. 3 still to make.');
    for (const id of ids.slice(5)) expect(place(emu, id)['Start letter']).toBe('');

    const second = letters(
      emu,
      { participantIds: first.remaining, kind: 'start' },
      'batch-request-0002',
    );
    expect(second.made.map((m) => m.participantId)).toEqual(ids.slice(5));
    expect(second.remaining).toEqual([]);
    expect(liveDocs(emu)).toHaveLength(8);
    for (const id of ids)
      expect(place(emu, id)['Start letter']).toMatch(/^https:\/\/docs\.google\.com\//);
  });

  it('a run cut off before its links were written: the retry links its Docs and makes none again', () => {
    const { emu, ids } = group(5);
    // The first write of the run (its audit rows) fails: every Doc is made, nothing is linked.
    emu.injectFault({ method: WRITE, onCall: 1, message: 'Service error: Spreadsheets' });
    expect(() => letters(emu, { participantIds: ids, kind: 'start' })).toThrow(/Spreadsheets/);
    emu.clearFaults();
    expect(emu.callCount(CREATE)).toBe(5);
    for (const id of ids) expect(place(emu, id)['Start letter']).toBe('');

    const retry = letters(emu, { participantIds: ids, kind: 'start' });
    expect(emu.callCount(CREATE)).toBe(5);
    expect(retry.made.map((m) => m.participantId)).toEqual(ids);
    expect(liveDocs(emu)).toHaveLength(5);
    for (const made of retry.made)
      expect(place(emu, made.participantId)['Start letter']).toBe(made.url);
    expect(linkAudits(emu)).toHaveLength(5);
  });

  it('a run cut off after its audit rows: the retry writes the links from them and answers the same', () => {
    const { emu, ids } = group(4);
    emu.injectFault({ method: WRITE, onCall: 2, message: 'Service error: Spreadsheets' });
    expect(() => letters(emu, { participantIds: ids, kind: 'start' })).toThrow(/Spreadsheets/);
    emu.clearFaults();
    expect(linkAudits(emu)).toHaveLength(4);
    const retry = letters(emu, { participantIds: ids, kind: 'start' });
    expect(emu.callCount(CREATE)).toBe(4);
    expect(retry.made).toHaveLength(4);
    expect(retry.remaining).toEqual([]);
    for (const made of retry.made)
      expect(place(emu, made.participantId)['Start letter']).toBe(made.url);
    expect(linkAudits(emu)).toHaveLength(4);
    // And asked again, the same: nothing more is made.
    const again = letters(emu, { participantIds: ids, kind: 'start' });
    expect(again.made.map((m) => m.url)).toEqual(retry.made.map((m) => m.url));
    expect(emu.callCount(CREATE)).toBe(4);
  });

  it('cut off at any service call and retried: never two Docs for one letter, never one unlinked', () => {
    const base = group(3);
    const saved = serializeState(base.emu.state);
    const fresh = (): Emulator =>
      new EmulatorClass({ buildDir: BUILD_DIR, now: base.emu.now, state: parseState(saved) });
    const request = { participantIds: base.ids, kind: 'start' };
    const probe = fresh();
    probe.resetCalls();
    letters(probe, request);
    const total = Object.values(probe.calls()).reduce((a, b) => a + b, 0);
    const faults: { method: string; onCall: number; after: boolean }[] = [];
    for (let n = 1; n <= total; n += 3) faults.push({ method: '*', onCall: n, after: false });
    // A write that took effect, and whose answer was lost on the way back.
    for (const method of [WRITE, 'PropertiesService.Properties.setProperty']) {
      for (let n = 1; n <= (probe.calls()[method] ?? 0); n += 1) {
        faults.push({ method, onCall: n, after: true });
      }
    }
    const broken: string[] = [];
    for (const fault of faults) {
      const emu = fresh();
      emu.injectFault({ ...fault, message: 'Service error: injected' });
      let answer: Ok | undefined;
      try {
        answer = letters(emu, request);
      } catch {
        emu.clearFaults();
        answer = letters(emu, request); // the sidebar's retry: the same request ID
      }
      emu.clearFaults();
      const live = emu.state.drive.files.filter((f) => f.mimeType === DOC_MIME && !f.trashed);
      const links = base.ids.map((id) => String(place(emu, id)['Start letter']));
      const problems = [
        ...live
          .filter((f) => !links.some((l) => l.includes(f.id)))
          .map((f) => `unlinked ${f.name}`),
        ...base.ids.filter((id, i) => {
          const made = answer?.made.some((m) => m.participantId === id);
          const failed = answer?.failed.some((m) => m.participantId === id);
          return made ? links[i] === '' : !failed;
        }),
      ];
      if (live.length > base.ids.length) problems.push(`${live.length} Docs`);
      if (linkAudits(emu).length !== links.filter(Boolean).length) problems.push('audit rows');
      if (problems.length > 0) {
        broken.push(`${fault.method} #${fault.onCall}: ${problems.join(', ')}`);
      }
    }
    expect(broken).toEqual([]);
  }, 120_000);

  it('one letter cut off anywhere and retried ends exactly as a clean one', () => {
    const letter = saveScenarios().filter((s) => s.fn === 'generateLetter');
    expect(letter).toHaveLength(1);
    const totals = runSaveSweep(letter, 4);
    expect(totals.broken).toEqual([]);
    expect(totals.failedFirst).toBeGreaterThan(totals.runs / 2);
  }, 120_000);

  it('refuses a request it cannot read, in plain words', () => {
    const { emu } = group(1);
    const ask = (request: unknown): LetterBatchResult =>
      emu.scriptRun<LetterBatchResult>('generateLetters', [request]).value;
    expect(ask({ participantIds: ['PAR-0001'], kind: 'middle' })).toEqual({
      ok: false,
      message: 'Choose which letter to make: start, mid-point or end.',
    });
    expect(ask({ participantIds: [], kind: 'start' })).toEqual({
      ok: false,
      message: 'Choose the pupils first.',
    });
    expect(ask({ kind: 'start' })).toEqual({
      ok: false,
      message: 'Choose the intervention first.',
    });
    const unknown = ask({ participantIds: ['PAR-9999'], kind: 'start' });
    expect(unknown).toMatchObject({
      ok: true,
      made: [],
      failed: [
        {
          participantId: 'PAR-9999',
          pupil: '',
          reason: expect.stringContaining('no longer in the intervention'),
        },
      ],
    });
    expect(emu.documents()).toHaveLength(0);
  });
});
