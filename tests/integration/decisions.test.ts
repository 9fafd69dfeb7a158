/**
 * Decide about interventions, through the emulator around the built add-on: the list (those
 * needing a decision first, stopped ones left out), the evidence, and Continue, Change and Stop
 * recorded on the Interventions row with Needs decision cleared, audited, in one operation.
 */
import type { Emulator } from '../../emulator/src';
import type { CellValue } from '../../emulator/src/state';
import {
  editCellAsUser,
  moveColumnAsUser,
  sortSheetRowsAsUser,
} from '../../emulator/src/spreadsheet';
import type { SaveResult } from '../../src/api/contract';
import type { DecisionEvidence, DecisionOptions } from '../../src/api/decisions-contract';
import { DECISION_REQUIRED } from '../../src/domain/decision';
import { setUpEmulator, storedCell, validForm } from '../support/emulator';
import { seedSchool, sevenAm } from '../support/reminders-school';

const READ = 'SpreadsheetApp.Range.getValues';
const WRITE = 'SpreadsheetApp.Range.setValues';
const SENCO = 'senco@school.example';
const REQUEST = 'd0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5';

/** Today in the tests (TODAY in tests/support/emulator.ts): Monday 23 November 2026. */
const day = (y: number, m: number, d: number): Date => new Date(y, m - 1, d);
const TODAY = day(2026, 11, 23);

interface School {
  emu: Emulator;
  spelling: string;
  art: string;
}

/**
 * "<i>Spelling</i>" with Ann (baseline 4/10, mid-point "Not working" recorded: Needs decision)
 * and Ben started, Cara planned and Dan removed; "Art club" with nothing to decide; a stopped
 * and a finished intervention typed in by hand.
 */
function school(): School {
  const emu = setUpEmulator();
  emu.appendRecords('Pupils', [
    {
      'Pupil ID': 'PUP-A',
      'First name': '<b>Ann</b>',
      'Last name': 'patel',
      'Year group': 'Year 3',
    },
    { 'Pupil ID': 'PUP-B', 'First name': 'Ben', 'Last name': 'Cole', 'Year group': 'Year 4' },
    { 'Pupil ID': 'PUP-C', 'First name': 'Cara', 'Last name': 'Diaz', 'Year group': 'Year 4' },
    { 'Pupil ID': 'PUP-D', 'First name': 'Dan', 'Last name': 'Evans', 'Year group': 'Year 4' },
  ]);
  const saved = (name: string): string => {
    const result = emu.scriptRun<SaveResult>('saveIntervention', [
      validForm({ name, startDate: '2026-11-02' }),
    ]).value;
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.id;
  };
  const spelling = saved('<i>Spelling</i>');
  const art = saved('Art club');
  emu.appendRecords('Interventions', [
    { 'Intervention ID': 'INT-OLD', Name: 'Old group', Status: 'Stopped' },
    { 'Intervention ID': 'INT-DONE', Name: 'Finished group', Status: 'Finished' },
  ]);
  const place = (
    id: string,
    pupil: string,
    status: string,
    more: Record<string, CellValue> = {},
  ) => ({
    'Participant ID': id,
    'Intervention ID': spelling,
    'Pupil ID': pupil,
    Status: status,
    'Start date': day(2026, 11, 2),
    ...more,
  });
  emu.appendRecords('Participants', [
    place('PAR-ANN', 'PUP-A', 'Started', {
      Baseline: '4/10',
      'Baseline measure': 'Weekly spelling test',
      'Baseline date': day(2026, 11, 2),
      Target: '8/10 or better by February half term',
    }),
    place('PAR-BEN', 'PUP-B', 'Started', { Baseline: '5/10', Target: '8/10' }),
    place('PAR-CARA', 'PUP-C', 'Planned'),
    place('PAR-DAN', 'PUP-D', 'Removed'),
    { ...place('PAR-ART', 'PUP-B', 'Started'), 'Intervention ID': art },
  ]);
  const reviews: Record<string, CellValue>[] = [];
  for (const [who, par] of [
    ['ANN', 'PAR-ANN'],
    ['BEN', 'PAR-BEN'],
  ] as const) {
    for (const [kind, due] of [
      ['Baseline', day(2026, 11, 2)],
      ['Mid-point', day(2026, 11, 20)],
      ['End', day(2027, 2, 8)],
    ] as const) {
      reviews.push({
        'Review ID': `REV-${who}-${kind.slice(0, 3).toUpperCase()}`,
        'Intervention ID': spelling,
        'Participant ID': par,
        Kind: kind,
        'Due date': due,
        Status: kind === 'Baseline' ? 'Done' : 'Due',
      });
    }
  }
  reviews.push({
    'Review ID': 'REV-ART-END',
    'Intervention ID': art,
    'Participant ID': 'PAR-ART',
    Kind: 'End',
    'Due date': day(2027, 2, 8),
    Status: 'Due',
  });
  emu.appendRecords('Reviews', reviews);
  const mid = emu.scriptRun<SaveResult>('saveReview', [
    {
      reviewId: 'REV-ANN-MID',
      kind: 'Mid-point',
      result: '4/10',
      resultDate: '2026-11-20',
      progress: 'Knows the first 4 words only',
      otherFactors: 'Absent one week',
      judgement: 'Not working',
      furtherAction: 'Change',
    },
  ]).value;
  if (!mid.ok) throw new Error(JSON.stringify(mid.errors));
  // The provisional outcome score, as the outcome scoring writes it at the mid-point.
  const values = emu.values('Reviews');
  const headers = (values[0] ?? []).map(String);
  const row = values.findIndex((r) => r[headers.indexOf('Review ID')] === 'REV-ANN-MID');
  editCellAsUser(emu.rt, 'Reviews', row + 1, headers.indexOf('Outcome score') + 1, '-2');
  emu.resetCalls();
  return { emu, spelling, art };
}

function decide(emu: Emulator, form: Record<string, unknown>, requestId?: string): SaveResult {
  const args: unknown[] = requestId ? [form, requestId] : [form];
  return emu.scriptRun<SaveResult>('recordDecision', args).value;
}

function decideOk(
  emu: Emulator,
  form: Record<string, unknown>,
  requestId?: string,
): Extract<SaveResult, { ok: true }> {
  const result = decide(emu, form, requestId);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

function byId(emu: Emulator, tab: string, header: string, id: string): Record<string, CellValue> {
  const found = emu.records(tab).find((r) => r[header] === id);
  if (!found) throw new Error(`no ${id} on ${tab}`);
  return found;
}

const intervention = (emu: Emulator, id: string) =>
  byId(emu, 'Interventions', 'Intervention ID', id);
const place = (emu: Emulator, id: string) => byId(emu, 'Participants', 'Participant ID', id);
const review = (emu: Emulator, id: string) => byId(emu, 'Reviews', 'Review ID', id);

function auditOf(emu: Emulator, recordId: string): [CellValue, CellValue, CellValue, CellValue][] {
  return emu
    .records('Audit log')
    .filter((r) => r['Record ID'] === recordId && r['Request ID'] === REQUEST)
    .map((r) => [r.Field ?? '', r['Old value'] ?? '', r['New value'] ?? '', r.Who ?? '']);
}

describe('choosing an intervention', () => {
  it('lists those needing a decision first, then the rest; never stopped ones; one read', () => {
    const { emu, spelling } = school();
    const options = emu.scriptRun<DecisionOptions>('getDecisionOptions').value;
    expect(options.workbookReady).toBe(true);
    expect(options.interventions.map((i) => [i.name, i.status, i.needsDecision])).toEqual([
      ['<i>Spelling</i>', expect.any(String), true],
      ['Art club', expect.any(String), false],
      ['Finished group', 'Finished', false],
    ]);
    expect(options.interventions[0]?.id).toBe(spelling);
    expect(emu.callCount(READ)).toBe(1);
    expect(emu.callCount(WRITE)).toBe(0);
  });

  it('shows the evidence: pupils by first name and initial, baseline, mid-point, target, notes', () => {
    const { emu, spelling } = school();
    const data = emu.scriptRun<DecisionEvidence>('getDecisionEvidence', [spelling]).value;
    expect(emu.callCount(READ)).toBe(4); // Interventions, Participants, Reviews, Pupils
    expect(emu.callCount(WRITE)).toBe(0);
    expect(data.intervention).toMatchObject({
      id: spelling,
      name: '<i>Spelling</i>',
      lead: 'Ms Amara Okafor',
      plan: 'From 2 November 2026, 12 weeks, 3 × 20 min a week',
      needsDecision: ['23 November 2026: B.P.: Judged "Not working" at the mid-point'],
      lastDecision: null,
    });
    // Dan was removed: not listed.
    expect(data.pupils.map((p) => [p.name, p.yearGroup, p.status])).toEqual([
      ['<b>Ann</b> P.', 'Year 3', 'Started'],
      ['Ben C.', 'Year 4', 'Started'],
      ['Cara D.', 'Year 4', 'Planned'],
    ]);
    const [ann, ben, cara] = data.pupils;
    expect(ann).toMatchObject({
      baseline: '4/10',
      baselineMeasure: 'Weekly spelling test',
      baselineDateText: '2 November 2026',
      target: '8/10 or better by February half term',
      midPoint: {
        status: 'Done',
        result: '4/10',
        resultDateText: '20 November 2026',
        outcomeScore: '−2',
        progress: 'Knows the first 4 words only',
        otherFactors: 'Absent one week',
        judgement: 'Not working',
        furtherAction: 'Change',
        recordedBy: SENCO,
      },
    });
    expect(ben?.midPoint).toMatchObject({
      status: 'Due',
      dueDateText: '20 November 2026',
      result: '',
      outcomeScore: '',
    });
    expect(cara?.midPoint).toBeNull();
    expect(() => emu.scriptRun('getDecisionEvidence', ['INT-NOPE'])).toThrow(
      /no longer on the Interventions tab/,
    );
  });

  it('says the workbook is not set up yet', () => {
    const { emu } = school();
    emu.state.spreadsheet.sheets = emu.state.spreadsheet.sheets.filter(
      (s) => s.name !== 'Interventions',
    );
    expect(emu.scriptRun<DecisionOptions>('getDecisionOptions').value.workbookReady).toBe(false);
  });
});

describe('recording a decision', () => {
  it('Continue: needs a reason; then recorded on the row, Needs decision cleared, audited', () => {
    const { emu, spelling } = school();
    expect(decide(emu, { interventionId: spelling, decision: 'Continue', reason: ' ' })).toEqual({
      ok: false,
      errors: { reason: DECISION_REQUIRED.reasonContinue },
      message: 'Nothing was saved: please correct the field marked below.',
    });
    expect(emu.callCount(WRITE)).toBe(0);
    const status = intervention(emu, spelling).Status;

    emu.resetCalls();
    const result = decideOk(
      emu,
      { interventionId: spelling, decision: 'Continue', reason: 'Absent for a week: give it time' },
      REQUEST,
    );
    expect(result.message).toBe(
      'Recorded: <i>Spelling</i> carries on. It no longer needs a decision.',
    );
    // Interventions by ID (header row, key column, its row) and the Audit log's headers to
    // append the rows (a new request ID: the log is not searched for it).
    expect(emu.callCount(READ)).toBe(4);
    expect(emu.callCount(WRITE)).toBe(2); // the Audit log, then Interventions
    expect(intervention(emu, spelling)).toMatchObject({
      Status: status,
      Decision: 'Continue',
      'Decision reason': 'Absent for a week: give it time',
      'Decided by': SENCO,
      'Decided on': TODAY,
      'Needs decision': '',
    });
    expect(auditOf(emu, spelling)).toEqual([
      ['Decision', '', 'Continue', SENCO],
      ['Decision reason', '', 'Absent for a week: give it time', SENCO],
      ['Decided by', '', SENCO, SENCO],
      ['Decided on', '', expect.anything(), SENCO],
      [
        'Needs decision',
        '23 November 2026: B.P.: Judged "Not working" at the mid-point',
        '',
        SENCO,
      ],
    ]);
    const options = emu.scriptRun<DecisionOptions>('getDecisionOptions').value;
    expect(options.interventions.find((i) => i.id === spelling)).toMatchObject({
      needsDecision: false,
      decision: 'Continue',
      decidedOnText: '23 November 2026',
    });
  });

  it('Change: what changes and the new plan, both required; the reason says both', () => {
    const { emu, spelling } = school();
    expect(
      decide(emu, { interventionId: spelling, decision: 'Change', changes: [] }),
    ).toMatchObject({
      ok: false,
      errors: { changes: DECISION_REQUIRED.changes, plan: DECISION_REQUIRED.plan },
    });
    expect(
      decide(emu, { interventionId: spelling, decision: 'Change', changes: ['colour'], plan: 'x' }),
    ).toMatchObject({ ok: false, errors: { changes: expect.stringMatching(/^What changes: /) } });
    const result = decideOk(emu, {
      interventionId: spelling,
      decision: 'Change',
      changes: ['lead', 'dosage', 'lead'],
      plan: '=Four sessions a week, led by Mr Tom Reed',
      reason: 'ignored for a change',
    });
    expect(result.message).toContain('will change');
    expect(intervention(emu, spelling)).toMatchObject({
      Decision: 'Change',
      'Decision reason': 'Change dosage, lead: =Four sessions a week, led by Mr Tom Reed',
      'Needs decision': '',
    });
    // Text stays text: never a formula.
    const row = emu.records('Interventions').findIndex((r) => r['Intervention ID'] === spelling);
    expect(storedCell(emu, 'Interventions', row + 1, 'Decision reason')).not.toHaveProperty('f');
    expect(emu.callCount(WRITE)).toBe(2);
  });

  it('Stop: the intervention and its started places Stopped, their reviews due Cancelled, at once', () => {
    const { emu, spelling, art } = school();
    expect(decide(emu, { interventionId: spelling, decision: 'Stop' })).toMatchObject({
      ok: false,
      errors: { reason: DECISION_REQUIRED.reasonStop },
    });
    emu.resetCalls();
    const result = decideOk(
      emu,
      { interventionId: spelling, decision: 'Stop', reason: 'No progress: try Precision teaching' },
      REQUEST,
    );
    expect(result).toEqual({
      ok: true,
      id: spelling,
      message:
        "Recorded: <i>Spelling</i> is stopped. 2 pupils' places are now Stopped. 3 reviews still to do are cancelled, so nobody will be reminded of them. Next, make the end letters to tell the parents.",
    });
    // Interventions, Participants and Reviews by its ID (3 each), Staff and Settings (its cost
    // stops at the stop date), and the Audit log's headers.
    expect(emu.callCount(READ)).toBe(12);
    // The Audit log first, then Reviews, Participants and Interventions (its own row last).
    expect(emu.callCount(WRITE)).toBe(4);
    expect(intervention(emu, spelling)).toMatchObject({
      Status: 'Stopped',
      Decision: 'Stop',
      'Decision reason': 'No progress: try Precision teaching',
      'Decided by': SENCO,
      'Decided on': TODAY,
      'Needs decision': '',
    });
    expect(place(emu, 'PAR-ANN').Status).toBe('Stopped');
    expect(place(emu, 'PAR-BEN').Status).toBe('Stopped');
    expect(place(emu, 'PAR-CARA').Status).toBe('Planned');
    expect(place(emu, 'PAR-DAN').Status).toBe('Removed');
    expect(place(emu, 'PAR-ART').Status).toBe('Started');
    expect(
      ['ANN-BAS', 'ANN-MID', 'ANN-END', 'BEN-BAS', 'BEN-MID', 'BEN-END'].map(
        (id) => review(emu, `REV-${id}`).Status,
      ),
    ).toEqual(['Done', 'Done', 'Cancelled', 'Done', 'Cancelled', 'Cancelled']);
    expect(review(emu, 'REV-ART-END').Status).toBe('Due');
    expect(auditOf(emu, 'PAR-ANN')).toEqual([['Status', 'Started', 'Stopped', SENCO]]);
    expect(auditOf(emu, 'REV-BEN-MID')).toEqual([['Status', 'Due', 'Cancelled', SENCO]]);
    expect(auditOf(emu, spelling).map(([field]) => field)).toEqual(
      expect.arrayContaining(['Status', 'Decision', 'Needs decision']),
    );

    // Stopped: no longer listed, and no second decision.
    const options = emu.scriptRun<DecisionOptions>('getDecisionOptions').value;
    expect(options.interventions.map((i) => i.id)).not.toContain(spelling);
    expect(options.interventions.map((i) => i.id)).toContain(art);
    emu.resetCalls();
    expect(decide(emu, { interventionId: spelling, decision: 'Continue', reason: 'Oops' })).toEqual(
      {
        ok: false,
        errors: {
          interventionId: `Intervention: <i>Spelling</i> was already stopped on 23 November 2026 by ${SENCO}, so nothing was recorded. Choose another one.`,
        },
        message: 'Nothing was saved: please correct the field marked below.',
      },
    );
    expect(emu.callCount(WRITE)).toBe(0);
  });

  it('refuses an intervention that has gone, and bad input, writing nothing', () => {
    const { emu } = school();
    expect(
      decide(emu, { interventionId: 'INT-GONE', decision: 'Continue', reason: 'Yes' }),
    ).toMatchObject({
      ok: false,
      errors: { interventionId: expect.stringMatching(/no longer on the Interventions tab/) },
    });
    expect(decide(emu, { interventionId: '', decision: 'Maybe' })).toMatchObject({
      ok: false,
      errors: {
        interventionId: DECISION_REQUIRED.interventionId,
        decision: DECISION_REQUIRED.decision,
      },
    });
    expect(decide(emu, { interventionId: 'INT-OLD', decision: 'Stop', reason: 'x' })).toMatchObject(
      {
        ok: false,
        errors: {
          interventionId:
            'Intervention: Old group was already stopped, so nothing was recorded. Choose another one.',
        },
      },
    );
    expect(emu.callCount(WRITE)).toBe(0);
  });
});

describe('a decision that is retried', () => {
  it('the same submit twice records it once and answers the same', () => {
    const { emu, spelling } = school();
    const form = { interventionId: spelling, decision: 'Stop', reason: 'Not working' };
    const first = decideOk(emu, form, REQUEST);
    const again = decide(emu, form, REQUEST);
    expect(again).toEqual(first);
    expect(auditOf(emu, 'PAR-ANN')).toHaveLength(1);
  });

  it('cut off after its audit rows: the retry finishes every tab', () => {
    const { emu, spelling } = school();
    // Write 1 is the audit rows, 2 the Reviews tab: the Participants write (3) fails.
    emu.injectFault({ method: WRITE, onCall: 3, message: 'Service error' });
    const form = { interventionId: spelling, decision: 'Stop', reason: 'Not working' };
    expect(() => decide(emu, form, REQUEST)).toThrow('Service error');
    expect(intervention(emu, spelling).Status).not.toBe('Stopped');
    emu.clearFaults();
    expect(decideOk(emu, form, REQUEST).message).toMatch(/is stopped/);
    expect(intervention(emu, spelling)).toMatchObject({ Status: 'Stopped', Decision: 'Stop' });
    expect(intervention(emu, spelling)['Decided on']).toEqual(TODAY);
    expect(place(emu, 'PAR-BEN').Status).toBe('Stopped');
    expect(review(emu, 'REV-BEN-END').Status).toBe('Cancelled');
  });
});

describe('around the decision', () => {
  it('still finds the right cells after users move columns and sort rows', () => {
    const { emu, spelling } = school();
    moveColumnAsUser(emu.state, 'Interventions', 20, 1); // Needs decision
    moveColumnAsUser(emu.state, 'Interventions', 22, 3); // Decision reason
    moveColumnAsUser(emu.state, 'Participants', 4, 1); // Status
    const nameCol = emu.values('Interventions')[0]!.indexOf('Name') + 1;
    sortSheetRowsAsUser(emu.state, 'Interventions', nameCol, false);
    const kindCol = emu.values('Reviews')[0]!.indexOf('Kind') + 1;
    sortSheetRowsAsUser(emu.state, 'Reviews', kindCol, false);
    decideOk(emu, { interventionId: spelling, decision: 'Stop', reason: 'Not working' });
    expect(intervention(emu, spelling)).toMatchObject({
      Name: '<i>Spelling</i>',
      Status: 'Stopped',
      'Decision reason': 'Not working',
      'Needs decision': '',
    });
    expect(intervention(emu, 'INT-DONE').Status).toBe('Finished');
    expect(place(emu, 'PAR-ANN')).toMatchObject({ 'Pupil ID': 'PUP-A', Status: 'Stopped' });
    expect(review(emu, 'REV-ANN-END')).toMatchObject({ Kind: 'End', Status: 'Cancelled' });
  });

  it('opens the intervention sheet or the letters with the intervention chosen', () => {
    const { emu, spelling } = school();
    const form = emu.scriptRun('showInterventionFormFor', [spelling]).uiEvents;
    expect(form).toEqual([
      expect.objectContaining({ type: 'sidebar', title: 'Intervention sheet' }),
    ]);
    const html = form[0]?.type === 'sidebar' ? form[0].html : '';
    expect(html).toContain(`data-view="intervention" data-record="${spelling}"`);
    const letters = emu.scriptRun('showEndLettersFor', ['"><script>']).uiEvents;
    const page = letters[0]?.type === 'sidebar' ? letters[0].html : '';
    expect(page).toContain('data-view="letters" data-record=""');
    const menu = emu.menu('showDecisions').uiEvents;
    expect(menu[0]).toMatchObject({ type: 'sidebar', title: 'Decide about interventions' });
    const menuHtml = menu[0]?.type === 'sidebar' ? menu[0].html : '';
    expect(menuHtml).toContain('data-view="decide" data-record=""');
  });

  it('the menu offers it', () => {
    const { emu } = school();
    const items = emu.open().flatMap((m) => m.items);
    expect(items).toContainEqual({
      type: 'item',
      caption: 'Decide about interventions…',
      functionName: 'showDecisions',
    });
  });

  it('the SENCo’s daily summary lists the intervention until the decision is made', () => {
    const emu = setUpEmulator();
    seedSchool(emu); // "Lego therapy" (INT-0003) needs a decision; a review is overdue
    emu.menu('turnOnReminders');
    emu.fireDueTriggers(sevenAm(24));
    const first = emu.outbox().filter((m) => m.to.includes(SENCO) && /summary/i.test(m.subject));
    expect(first).toHaveLength(1);
    expect(first[0]?.body).toContain('Lego therapy');
    expect(first[0]?.body).toContain(
      'To record a decision, choose "Decide about interventions…" in the add-on menu',
    );
    decideOk(emu, { interventionId: 'INT-0003', decision: 'Continue', reason: 'Give it time' });
    const sent = emu.outbox().length;
    emu.fireDueTriggers(sevenAm(25));
    for (const email of emu.outbox().slice(sent)) expect(email.body).not.toContain('Lego therapy');
  });
});
