import {
  LETTER_RUN_BUDGET_MS,
  MAX_LETTERS_PER_RUN,
  consecutiveRuns,
  mayStartLetter,
} from '../../src/domain/letter-batch';
import { docPlan } from '../../src/domain/letters-layout';
import { letterNotYet, letterNotYetReason } from '../../src/domain/letter-gate';

const MINUTE = 60_000;

describe('how long one run makes letters', () => {
  it('starts letters for 4½ minutes, then hands back the rest', () => {
    expect(LETTER_RUN_BUDGET_MS).toBe(4.5 * MINUTE);
    expect(mayStartLetter(0, 4 * MINUTE, 10)).toBe(true);
    expect(mayStartLetter(0, 4.5 * MINUTE, 10)).toBe(false);
  });

  it('always starts the first letter, so every run gets somewhere', () => {
    expect(mayStartLetter(0, 10 * MINUTE, 0)).toBe(true);
  });

  it('starts no more than its notes can hold', () => {
    expect(mayStartLetter(0, 0, MAX_LETTERS_PER_RUN - 1)).toBe(true);
    expect(mayStartLetter(0, 0, MAX_LETTERS_PER_RUN)).toBe(false);
  });
});

describe('which rows a run writes', () => {
  it('writes only consecutive rows together, never a row in between', () => {
    expect(consecutiveRuns([4, 2, 3, 9])).toEqual([
      { start: 2, count: 3 },
      { start: 9, count: 1 },
    ]);
    expect(consecutiveRuns([])).toEqual([]);
  });
});

describe("a built-in letter's layout in few calls", () => {
  it('sets every paragraph at once, then puts each table and list item in its place', () => {
    const plan = docPlan([
      { type: 'title', text: 'Hillside Primary School' },
      { type: 'paragraph', text: 'Dear parent or carer of Amy,' },
      { type: 'heading', text: 'Who, when and where' },
      { type: 'table', rows: [['How often', '3 sessions a week']] },
      { type: 'list', items: ['Read together', 'Praise effort'] },
      { type: 'paragraph', text: 'Yours sincerely,' },
    ]);
    expect(plan.lines).toEqual([
      'Hillside Primary School',
      'Dear parent or carer of Amy,',
      'Who, when and where',
      '', // the empty line Docs leaves after a table
      'Yours sincerely,',
    ]);
    expect(plan.styles).toEqual([
      { line: 0, style: 'title' },
      { line: 2, style: 'heading' },
    ]);
    // Indexes in the finished body: title, greeting, heading, TABLE, empty line, ITEM, ITEM, …
    expect(plan.inserts).toEqual([
      { at: 3, type: 'table', rows: [['How often', '3 sessions a week']] },
      { at: 5, type: 'item', text: 'Read together' },
      { at: 6, type: 'item', text: 'Praise effort' },
    ]);
  });

  it('keeps a line break typed in a cell inside its paragraph', () => {
    expect(docPlan([{ type: 'paragraph', text: 'Line one\nline two' }]).lines).toEqual([
      'Line one\rline two',
    ]);
  });
});

describe('why a letter is not made yet, for a list that names the pupil', () => {
  const facts = {
    name: 'Amy Brown',
    placeStatus: 'Started',
    interventionStatus: 'Running',
    midPoint: {
      status: 'Due',
      dueDate: new Date(2026, 11, 14),
      result: '',
      progress: '',
      judgement: '',
      furtherAction: '',
    },
  };

  it('says what is missing and what to do, without the name', () => {
    expect(letterNotYetReason('mid-point', facts)).toBe(
      'their mid-point review has not been recorded yet (it is due on Monday 14 December 2026). Record it with "Record a review…", then make the letter.',
    );
    expect(letterNotYet('mid-point', facts)).toBe(
      `No mid-point letter was made for Amy Brown: ${letterNotYetReason('mid-point', facts)}`,
    );
    expect(letterNotYetReason('start', facts)).toBeUndefined();
  });
});
