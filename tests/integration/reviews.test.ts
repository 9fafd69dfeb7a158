import type { Emulator } from '../../emulator/src';
import type { CellValue } from '../../emulator/src/state';
import { editCellAsUser } from '../../emulator/src/spreadsheet';
import {
  insertRowAsUser,
  moveColumnAsUser,
  sortSheetRowsAsUser,
} from '../../emulator/src/spreadsheet';
import type { SaveResult } from '../../src/api/contract';
import type { InterventionReviews, ReviewOptions } from '../../src/api/reviews-contract';
import { REVIEW_REQUIRED } from '../../src/domain/review';
import { setUpEmulator, switchOnFullNames, validForm } from '../support/emulator';

const READ = 'SpreadsheetApp.Range.getValues';
const WRITE = 'SpreadsheetApp.Range.setValues';
const SEND = 'MailApp.sendEmail';

/** Today in the tests (TODAY in tests/support/emulator.ts): Monday 23 November 2026. */
const TODAY_TEXT = '23 November 2026';
const day = (y: number, m: number, d: number): Date => new Date(y, m - 1, d);

const PUPILS: Record<string, CellValue>[] = [
  {
    'Pupil ID': 'PUP-0001',
    'First name': '<b>Ann</b>',
    'Last name': 'Patel',
    'Year group': 'Year 3',
  },
  { 'Pupil ID': 'PUP-0002', 'First name': 'Ben', 'Last name': 'Cole', 'Year group': 'Year 4' },
];

interface School {
  emu: Emulator;
  spelling: string;
}

/**
 * An intervention "<i>Spelling</i>" with two pupils started: Ann (baseline 4/10) and Ben (5/10),
 * each with a baseline, mid-point and end review due (typed in as the scheduler would write them).
 */
function school(): School {
  const emu = setUpEmulator();
  emu.appendRecords('Pupils', PUPILS);
  const saved = emu.scriptRun<SaveResult>('saveIntervention', [
    validForm({ name: '<i>Spelling</i>', startDate: '2026-11-02' }),
  ]).value;
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const spelling = saved.id;
  emu.appendRecords('Participants', [
    {
      'Participant ID': 'PAR-ANN',
      'Intervention ID': spelling,
      'Pupil ID': 'PUP-0001',
      Status: 'Started',
      'Start date': day(2026, 11, 2),
      Baseline: '4/10',
      'Baseline measure': 'Weekly spelling test',
      'Baseline date': day(2026, 11, 2),
      Target: '8/10 or better by February half term',
    },
    {
      'Participant ID': 'PAR-BEN',
      'Intervention ID': spelling,
      'Pupil ID': 'PUP-0002',
      Status: 'Started',
      'Start date': day(2026, 11, 2),
      Baseline: '5/10',
      'Baseline measure': 'Weekly spelling test',
    },
  ]);
  const reviews: Record<string, CellValue>[] = [];
  for (const [who, par] of [
    ['ANN', 'PAR-ANN'],
    ['BEN', 'PAR-BEN'],
  ] as const) {
    for (const [kind, due] of [
      ['Baseline', day(2026, 11, 2)],
      ['Mid-point', day(2026, 12, 14)],
      ['End', day(2027, 2, 8)],
    ] as const) {
      reviews.push({
        'Review ID': `REV-${who}-${kind.slice(0, 3).toUpperCase()}`,
        'Intervention ID': spelling,
        'Participant ID': par,
        Kind: kind,
        'Due date': due,
        Status: 'Due',
      });
    }
  }
  emu.appendRecords('Reviews', reviews);
  // Its pupils have started, so it is Running (the add-on keeps that true: domain/lifecycle.ts).
  const [header = []] = emu.values('Interventions');
  editCellAsUser(emu.rt, 'Interventions', 2, header.indexOf('Status') + 1, 'Running');
  emu.resetCalls();
  return { emu, spelling };
}

function save(emu: Emulator, form: Record<string, string>): SaveResult {
  return emu.scriptRun<SaveResult>('saveReview', [form]).value;
}

function saveOk(emu: Emulator, form: Record<string, string>): Extract<SaveResult, { ok: true }> {
  const result = save(emu, form);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

function review(emu: Emulator, id: string): Record<string, CellValue> {
  const found = emu.records('Reviews').find((r) => r['Review ID'] === id);
  if (!found) throw new Error(`no review ${id}`);
  return found;
}

function byId(emu: Emulator, tab: string, header: string, id: string): Record<string, CellValue> {
  const found = emu.records(tab).find((r) => r[header] === id);
  if (!found) throw new Error(`no ${id} on ${tab}`);
  return found;
}

const MID = (overrides: Record<string, string> = {}): Record<string, string> => ({
  reviewId: 'REV-ANN-MID',
  kind: 'Mid-point',
  result: '6/10',
  resultDate: '2026-11-20',
  progress: 'Spells 6 of the 10 tricky words',
  otherFactors: 'Absent one week',
  judgement: 'Working',
  furtherAction: 'Continue',
  ...overrides,
});

describe('choosing a review', () => {
  it('lists interventions with reviews due, and their reviews by due date with pupil names', () => {
    const { emu, spelling } = school();
    const other = emu.scriptRun<SaveResult>('saveIntervention', [
      validForm({ name: 'Art club' }),
    ]).value;
    emu.resetCalls();
    const options = emu.scriptRun<ReviewOptions>('getReviewOptions').value;
    expect(options.workbookReady).toBe(true);
    expect(options.interventions.map((i) => [i.name, i.dueCount, i.overdueCount])).toEqual([
      ['<i>Spelling</i>', 6, 2],
      ['Art club', 0, 0],
    ]);
    expect(other.ok).toBe(true);
    // Four columns of Interventions and three of Reviews (two reads each: header row, columns).
    expect(emu.callCount(READ)).toBe(6);

    emu.resetCalls();
    const data = emu.scriptRun<InterventionReviews>('getInterventionReviews', [spelling]).value;
    // Its reviews, places, pupils and the intervention by ID: header row, key column, rows.
    expect(emu.callCount(READ)).toBe(12);
    expect(emu.callCount(WRITE)).toBe(0);
    expect(data.intervention).toMatchObject({ id: spelling, name: '<i>Spelling</i>' });
    expect(data.reviews.map((r) => [r.pupilName, r.kind, r.dueDateText, r.status])).toEqual([
      ['<b>Ann</b> Patel', 'Baseline', '2 November 2026', 'Due'],
      ['Ben Cole', 'Baseline', '2 November 2026', 'Due'],
      ['<b>Ann</b> Patel', 'Mid-point', '14 December 2026', 'Due'],
      ['Ben Cole', 'Mid-point', '14 December 2026', 'Due'],
      ['<b>Ann</b> Patel', 'End', '8 February 2027', 'Due'],
      ['Ben Cole', 'End', '8 February 2027', 'Due'],
    ]);
    const ann = data.reviews[0]!;
    expect(ann).toMatchObject({
      overdue: true,
      baseline: '4/10',
      baselineMeasure: 'Weekly spelling test',
      baselineDateText: '2 November 2026',
      target: '8/10 or better by February half term',
      dueDate: '2026-11-02',
    });
    expect(data.pupils.map((p) => p.name)).toEqual(['<b>Ann</b> Patel', 'Ben Cole']);
    expect(() => emu.scriptRun('getInterventionReviews', ['INT-NOPE'])).toThrow(
      /no longer on the Interventions tab/,
    );
  });

  it('says the workbook is not set up yet', () => {
    const { emu } = school();
    emu.state.spreadsheet.sheets = emu.state.spreadsheet.sheets.filter((s) => s.name !== 'Reviews');
    expect(emu.scriptRun<ReviewOptions>('getReviewOptions').value.workbookReady).toBe(false);
  });
});

describe('recording a review', () => {
  it('records a baseline review: the review row and the pupil’s baseline', () => {
    const { emu } = school();
    const result = saveOk(emu, {
      reviewId: 'REV-BEN-BAS',
      kind: 'Baseline',
      result: '3/10',
      resultDate: '2026-11-03',
      progress: '',
      otherFactors: '',
    });
    expect(result.message).toBe(
      "Saved Ben Cole's baseline review for <i>Spelling</i>. The result is now their baseline on the Participants tab.",
    );
    expect(review(emu, 'REV-BEN-BAS')).toMatchObject({
      Status: 'Done',
      'Done on': day(2026, 11, 23),
      Result: '3/10',
      'Result date': day(2026, 11, 3),
      'Recorded by': 'senco@school.example',
      Judgement: '',
    });
    expect(byId(emu, 'Participants', 'Participant ID', 'PAR-BEN')).toMatchObject({
      Baseline: '3/10',
      'Baseline date': day(2026, 11, 3),
    });
    expect(emu.callCount(READ)).toBe(15); // Reviews, Participants, Interventions, Pupils by ID (3 each), Settings, Staff, the Audit log's headers
    expect(emu.callCount(WRITE)).toBe(3); // Reviews, Participants, Audit log
    expect(emu.outbox()).toHaveLength(0);
  });

  it('records a working mid-point review with progress: no flag, no email', () => {
    const { emu, spelling } = school();
    const result = saveOk(emu, MID());
    expect(result.message).toBe("Saved <b>Ann</b> Patel's mid-point review for <i>Spelling</i>.");
    expect(review(emu, 'REV-ANN-MID')).toMatchObject({
      Status: 'Done',
      Result: '6/10',
      Progress: 'Spells 6 of the 10 tricky words',
      'Other factors': 'Absent one week',
      Judgement: 'Working',
      'Further action': 'Continue',
    });
    expect(byId(emu, 'Interventions', 'Intervention ID', spelling)['Needs decision']).toBe('');
    expect(emu.outbox()).toHaveLength(0);
    expect(emu.callCount(READ)).toBe(15); // Reviews, Participants, Interventions, Pupils by ID (3 each), Settings, Staff, the Audit log's headers
    expect(emu.callCount(WRITE)).toBe(2); // Reviews, Audit log
    expect(emu.callCount(SEND)).toBe(0);
  });

  it('flags "Not working" at the mid-point and emails the SENCo once, with initials, escaped', () => {
    const { emu, spelling } = school();
    const form = MID({ judgement: 'Not working', furtherAction: 'Change' });
    const result = saveOk(emu, form);
    expect(result.message).toContain('Judged "Not working" at the mid-point');
    expect(result.message).toMatch(/The SENCo \(Ms Amara Okafor\) has been told\.$/);
    expect(byId(emu, 'Interventions', 'Intervention ID', spelling)['Needs decision']).toBe(
      `${TODAY_TEXT}: B.P.: Judged "Not working" at the mid-point`,
    );
    // The operation's reads only: telling the SENCo uses the Staff and Settings it read.
    expect(emu.callCount(READ)).toBe(15);
    expect(emu.callCount(WRITE)).toBe(3); // Reviews, Interventions, Audit log
    expect(emu.callCount(SEND)).toBe(1);

    const [email, ...more] = emu.outbox();
    expect(more).toHaveLength(0);
    expect(email?.to).toEqual(['senco@school.example']);
    expect(email?.subject).toBe('Decision needed: <i>Spelling</i>');
    expect(email?.body).toContain('B.P. (Year 3)');
    expect(email?.body).toContain('Why: Judged "Not working" at the mid-point.');
    expect(email?.body).toContain('http');
    for (const text of [email?.body ?? '', email?.htmlBody ?? '']) {
      expect(text).not.toContain('Ann');
      expect(text).not.toContain('Patel');
      expect(text).not.toContain('Spells'); // the progress notes stay in the sheet
    }
    expect(email?.htmlBody).toContain('&lt;i&gt;Spelling&lt;/i&gt;');
    expect(email?.htmlBody).not.toContain('<i>');
    expect(email?.htmlBody).toMatch(/<a href="[^"]+">open the provision map<\/a>/);

    // Saving the same review again (a correction) neither flags nor emails a second time.
    emu.resetCalls();
    const again = saveOk(emu, { ...form, otherFactors: 'Absent two weeks' });
    expect(again.message).toContain('Corrected');
    expect(again.message).toContain('already flagged');
    expect(emu.outbox()).toHaveLength(1);
    expect(emu.callCount(SEND)).toBe(0);
    expect(byId(emu, 'Interventions', 'Intervention ID', spelling)['Needs decision']).toBe(
      `${TODAY_TEXT}: B.P.: Judged "Not working" at the mid-point`,
    );
  });

  it('flags no measured progress too, appending to what is there, with full names if chosen', () => {
    const { emu, spelling } = school();
    switchOnFullNames(emu);
    saveOk(emu, MID({ judgement: 'Not working' }));
    const result = saveOk(
      emu,
      MID({ reviewId: 'REV-BEN-MID', result: '5/10', judgement: 'Partly working' }),
    );
    expect(result.message).toContain('No measured progress at the mid-point (baseline 5, now 5)');
    expect(byId(emu, 'Interventions', 'Intervention ID', spelling)['Needs decision']).toBe(
      `${TODAY_TEXT}: B.P.: Judged "Not working" at the mid-point\n` +
        `${TODAY_TEXT}: B.C.: No measured progress at the mid-point (baseline 5, now 5)`,
    );
    const [first, second] = emu.outbox();
    expect(emu.outbox()).toHaveLength(2);
    expect(first?.htmlBody).toContain('&lt;b&gt;Ann&lt;/b&gt; Patel (Year 3)');
    expect(first?.htmlBody).not.toContain('<b>');
    expect(first?.body).toContain('<b>Ann</b> Patel (Year 3)');
    expect(second?.body).toContain('Ben Cole (Year 4)');
  });

  it('records the end review: the actual result on the pupil and the evaluation on the intervention', () => {
    const { emu, spelling } = school();
    const form = {
      reviewId: 'REV-ANN-END',
      kind: 'End',
      result: '9/10',
      resultDate: '2027-02-05',
      progress: 'Spells 9 of 10',
      otherFactors: 'Moved tables',
      judgement: 'Working',
      furtherAction: 'Stop',
      runAgain: '',
      changeFirst: 'Shorter sessions',
      staffTrainingNeeds: '=Precision teaching refresher',
    };
    const refusedResult = save(emu, form);
    expect(refusedResult).toMatchObject({
      ok: false,
      errors: { runAgain: REVIEW_REQUIRED.runAgain },
    });
    expect(emu.callCount(WRITE)).toBe(0);

    emu.resetCalls();
    const result = saveOk(emu, { ...form, runAgain: 'Yes' });
    expect(result.message).toContain('evaluation of the intervention is on the Interventions tab');
    expect(review(emu, 'REV-ANN-END')).toMatchObject({ Status: 'Done', Result: '9/10' });
    expect(byId(emu, 'Participants', 'Participant ID', 'PAR-ANN')).toMatchObject({
      Actual: '9/10',
      'Actual date': day(2027, 2, 5),
      Evaluation: 'Working.\nProgress: Spells 9 of 10\nOther factors: Moved tables',
      'Further action': 'Stop',
    });
    expect(byId(emu, 'Interventions', 'Intervention ID', spelling)).toMatchObject({
      'Run again': 'Yes',
      'Change first': 'Shorter sessions',
      'Staff training needs': '=Precision teaching refresher',
      'Needs decision': '',
    });
    expect(emu.callCount(READ)).toBe(15); // Reviews, Participants, Interventions, Pupils by ID (3 each), Settings, Staff, the Audit log's headers
    expect(emu.callCount(WRITE)).toBe(4); // Reviews, Participants, Interventions, Audit log
    expect(emu.outbox()).toHaveLength(0);

    // The end review of the next pupil shows the evaluation already recorded.
    const data = emu.scriptRun<InterventionReviews>('getInterventionReviews', [spelling]).value;
    const ben = data.reviews.find((r) => r.reviewId === 'REV-BEN-END');
    expect(ben?.form).toMatchObject({ runAgain: 'Yes', changeFirst: 'Shorter sessions' });
    const ann = data.reviews.find((r) => r.reviewId === 'REV-ANN-END');
    expect(ann).toMatchObject({ status: 'Done', doneOnText: TODAY_TEXT });
    expect(ann?.form).toMatchObject({ result: '9/10', resultDate: '2027-02-05' });
  });

  it('corrects a recorded review, keeping the old values in the audit log', () => {
    const { emu } = school();
    saveOk(emu, MID());
    const result = saveOk(emu, MID({ result: '7/10' }));
    expect(result.message).toContain('Corrected');
    expect(result.message).toContain('The old values are kept in the Audit log.');
    expect(review(emu, 'REV-ANN-MID').Result).toBe('7/10');
    const audit = emu
      .records('Audit log')
      .filter((r) => r['Record ID'] === 'REV-ANN-MID' && r.Field === 'Result');
    expect(audit.map((r) => [r['Old value'], r['New value']])).toEqual([
      ['', '6/10'],
      ['6/10', '7/10'],
    ]);
  });

  it('refuses bad input and reviews that have gone, writing nothing', () => {
    const { emu } = school();
    const bad = save(emu, MID({ result: '', judgement: '' }));
    expect(bad).toMatchObject({
      ok: false,
      errors: { result: 'Result: this is required', judgement: REVIEW_REQUIRED.judgement },
    });
    expect(save(emu, MID({ reviewId: 'REV-GONE' }))).toMatchObject({
      ok: false,
      errors: { reviewId: expect.stringMatching(/no longer on the Reviews tab/) },
    });
    // The form said Baseline, but the row is a mid-point: the row's kind decides.
    expect(save(emu, MID({ kind: 'Baseline', judgement: '' }))).toMatchObject({
      ok: false,
      errors: { judgement: REVIEW_REQUIRED.judgement },
    });
    expect(emu.callCount(WRITE)).toBe(0);
  });
});

describe("the pupil's own view and the parents' view", () => {
  function formOf(emu: Emulator, spelling: string, reviewId: string) {
    const data = emu.scriptRun<InterventionReviews>('getInterventionReviews', [spelling]).value;
    const found = data.reviews.find((r) => r.reviewId === reviewId);
    if (!found) throw new Error(`no review ${reviewId}`);
    return found.form;
  }

  it("records the pupil's 1–5 rating with their words and the parents' view, and shows them again", () => {
    const { emu, spelling } = school();
    saveOk(
      emu,
      MID({
        pupilRating: '4',
        pupilView: 'I can spell more of the words now',
        parentsView: 'Ann practises her words at home and enjoys it',
      }),
    );
    expect(review(emu, 'REV-ANN-MID')).toMatchObject({
      'Pupil rating': 4,
      'Pupil view': 'I can spell more of the words now',
      'Parents view': 'Ann practises her words at home and enjoys it',
    });
    expect(formOf(emu, spelling, 'REV-ANN-MID')).toMatchObject({
      pupilRating: '4',
      pupilView: 'I can spell more of the words now',
      parentsView: 'Ann practises her words at home and enjoys it',
    });
  });

  it('records "Not asked" with its reason and no rating; refuses it without one, writing nothing', () => {
    const { emu, spelling } = school();
    const refusedSave = save(emu, MID({ pupilRating: 'Not asked', pupilView: '' }));
    expect(refusedSave).toMatchObject({
      ok: false,
      errors: {
        pupilView:
          "In the pupil's words, or why they were not asked: say why the pupil was not asked",
      },
    });
    expect(emu.callCount(WRITE)).toBe(0);
    saveOk(emu, MID({ pupilRating: 'Not asked', pupilView: 'Absent on the review day' }));
    expect(review(emu, 'REV-ANN-MID')).toMatchObject({
      'Pupil rating': '',
      'Pupil view': 'Not asked: Absent on the review day',
    });
    expect(formOf(emu, spelling, 'REV-ANN-MID')).toMatchObject({
      pupilRating: 'Not asked',
      pupilView: 'Absent on the review day',
    });
  });

  it("records the start letter's reply slip as the parents' view on the baseline review", () => {
    const { emu } = school();
    saveOk(emu, {
      reviewId: 'REV-BEN-BAS',
      kind: 'Baseline',
      result: '5/10',
      resultDate: '2026-11-02',
      parentsView: 'Would like to talk first',
    });
    expect(review(emu, 'REV-BEN-BAS')).toMatchObject({
      Status: 'Done',
      'Parents view': 'Would like to talk first',
      'Pupil rating': '',
      'Pupil view': '',
    });
  });
});

describe('extra reviews', () => {
  it('adds an extra review by hand, which can then be recorded', () => {
    const { emu, spelling } = school();
    const result = emu.scriptRun<SaveResult>('addExtraReview', [
      { participantId: 'PAR-BEN', dueDate: '2027-01-11' },
    ]).value;
    expect(result).toMatchObject({
      ok: true,
      message: 'Added an extra review for Ben Cole, due 11 January 2027.',
    });
    expect(emu.callCount(READ)).toBe(4); // three tabs, and the Audit log's headers
    expect(emu.callCount(WRITE)).toBe(2); // Reviews, Audit log
    const id = result.ok ? result.id : '';
    expect(id).toMatch(/^REV-/);
    expect(review(emu, id)).toMatchObject({
      'Intervention ID': spelling,
      'Participant ID': 'PAR-BEN',
      Kind: 'Extra',
      'Due date': day(2027, 1, 11),
      Status: 'Due',
    });
    const again = emu.scriptRun<SaveResult>('addExtraReview', [
      { participantId: 'PAR-BEN', dueDate: '2027-01-11' },
    ]).value;
    expect(again).toMatchObject({
      ok: false,
      errors: { dueDate: expect.stringMatching(/already has a review due on 11 January 2027/) },
    });
    expect(
      emu.scriptRun<SaveResult>('addExtraReview', [{ participantId: '', dueDate: 'soon' }]).value,
    ).toMatchObject({
      ok: false,
      errors: {
        participantId: 'Pupil: choose a pupil from the list',
        dueDate: 'Due date: enter a date, like 07/09/2026',
      },
    });
    const recorded = saveOk(
      emu,
      MID({ reviewId: id, kind: 'Extra', result: '5/10', judgement: 'Not working' }),
    );
    expect(recorded.message).toBe("Saved Ben Cole's extra review for <i>Spelling</i>.");
    expect(emu.outbox()).toHaveLength(0); // only the mid-point asks for a decision
  });
});

describe('after users move columns and sort rows', () => {
  it('still reads and writes the right cells', () => {
    const { emu, spelling } = school();
    moveColumnAsUser(emu.state, 'Reviews', 1, 9); // Review ID
    moveColumnAsUser(emu.state, 'Reviews', 12, 2); // Judgement
    moveColumnAsUser(emu.state, 'Participants', 9, 1); // Baseline
    moveColumnAsUser(emu.state, 'Interventions', 20, 1); // Needs decision
    moveColumnAsUser(emu.state, 'Pupils', 2, 5); // First name
    const kindCol = emu.values('Reviews')[0]!.indexOf('Kind') + 1;
    sortSheetRowsAsUser(emu.state, 'Reviews', kindCol, false);
    const lastNameCol = emu.values('Pupils')[0]!.indexOf('Last name') + 1;
    sortSheetRowsAsUser(emu.state, 'Pupils', lastNameCol, false);
    insertRowAsUser(emu.state, 'Reviews', 3);
    insertRowAsUser(emu.state, 'Participants', 2);

    const data = emu.scriptRun<InterventionReviews>('getInterventionReviews', [spelling]).value;
    expect(data.reviews).toHaveLength(6);
    expect(data.reviews[2]).toMatchObject({
      reviewId: 'REV-ANN-MID',
      pupilName: '<b>Ann</b> Patel',
      baseline: '4/10',
    });

    saveOk(emu, MID({ judgement: 'Not working' }));
    saveOk(emu, {
      reviewId: 'REV-BEN-END',
      kind: 'End',
      result: '8/10',
      resultDate: '2027-02-05',
      judgement: 'Working',
      furtherAction: 'Stop',
      runAgain: 'No',
    });
    expect(review(emu, 'REV-ANN-MID')).toMatchObject({
      'Participant ID': 'PAR-ANN',
      Kind: 'Mid-point',
      Judgement: 'Not working',
      Result: '6/10',
      Status: 'Done',
    });
    expect(review(emu, 'REV-ANN-BAS').Status).toBe('Due');
    expect(byId(emu, 'Participants', 'Participant ID', 'PAR-BEN')).toMatchObject({
      'Pupil ID': 'PUP-0002',
      Actual: '8/10',
      Baseline: '5/10',
    });
    expect(byId(emu, 'Participants', 'Participant ID', 'PAR-ANN').Actual).toBe('');
    expect(byId(emu, 'Interventions', 'Intervention ID', spelling)).toMatchObject({
      Name: '<i>Spelling</i>',
      'Needs decision': `${TODAY_TEXT}: B.P.: Judged "Not working" at the mid-point`,
      'Run again': 'No',
    });
    expect(emu.outbox()).toHaveLength(1);
    expect(emu.outbox()[0]?.body).toContain('B.P. (Year 3)');
  });
});
