/**
 * Who is in each demo intervention, their baselines and targets in a Settings measure, the reviews
 * recorded so far and the SENCo's decisions: the figures the Dashboard judges. The finished and
 * stopped work tells the story a SENCo would tell governors: the reading fluency pilot clearly
 * worked and is running again; the reading software did not and was stopped; the bought-in speech
 * and language therapy cost a lot for as-expected progress; the rest is ordinary.
 */

/** A review as the reviewer records it in "Record a review". */
export interface ReviewPlan {
  result: string;
  judgement: 'Working' | 'Partly working' | 'Not working';
  furtherAction: 'Continue' | 'Change' | 'Stop' | 'New plan';
  progress: string;
  /** The reviewer's own score and reason, for a words-only measure. */
  outcomeScore?: '-2' | '-1' | '0' | '+1' | '+2';
  outcomeReason?: string;
}

export interface EndReviewPlan extends ReviewPlan {
  runAgain: 'Yes' | 'No';
  staffTrainingNeeds?: string;
  /** A final result taken this many days after the SENCo stopped it (its End review). */
  daysAfterStop?: number;
}

export interface Placement {
  pupil: string;
  lesson: string;
  /** One of the measures on the Settings tab: baseline, target and results fit it. */
  measure: string;
  baseline: string;
  target: string;
  /** Parents told by a blanket consent rather than a letter for this intervention. */
  blanket?: boolean;
  /** Reviews recorded by today; the add-on works out the numbers and outcome scores. */
  midPoint?: ReviewPlan;
  end?: EndReviewPlan;
}

function p(
  pupil: string,
  lesson: string,
  measure: string,
  baseline: string,
  target: string,
  blanket = false,
): Placement {
  return { pupil, lesson, measure, baseline, target, blanket };
}

function working(result: string, progress: string): ReviewPlan {
  return { result, judgement: 'Working', furtherAction: 'Continue', progress };
}

function ended(
  result: string,
  judgement: ReviewPlan['judgement'],
  progress: string,
): EndReviewPlan {
  return { result, judgement, furtherAction: 'Stop', progress, runAgain: 'Yes' };
}

/** A pupil's last result in a stopped intervention, a week after the SENCo stopped it. */
function finalResult(result: string, progress: string): EndReviewPlan {
  return {
    result,
    judgement: 'Not working',
    furtherAction: 'New plan',
    progress,
    runAgain: 'No',
    daysAfterStop: 7,
  };
}

/** Pupils placed in each demo intervention, by its code, and the reviews recorded so far. */
export const PLACEMENTS: Readonly<Record<string, Placement[]>> = {
  // Phonics catch-up: one mid-point working, one not (changed by the SENCo), one still overdue.
  'LIT-PH1': [
    {
      ...p('PUP-0005', 'English', 'Phonics check', '14/40', '32/40 or better'),
      midPoint: working('22/40', 'Blends most Phase 3 graphemes; still slow on digraphs'),
    },
    {
      ...p('PUP-0007', 'English', 'Phonics check', '11/40', '30/40 or better'),
      midPoint: {
        result: '12/40',
        judgement: 'Not working',
        furtherAction: 'Change',
        progress: 'Only one more word than at the start; forgets graphemes between sessions',
      },
    },
    p('PUP-0011', 'English', 'Phonics check', '18/40', '34/40 or better'),
  ],
  // Precision teaching: the mid-points are not due yet.
  'LIT-PT1': [
    p('PUP-0016', 'English', 'Spelling test', '3/10', '8/10 or better'),
    p('PUP-0024', 'English', 'Spelling test', '4/10', '8/10 or better'),
  ],
  // Number sense group: one mid-point judged not working, awaiting the SENCo's decision.
  'MA-NS1': [
    // Three 30-minute sessions a week out of maths: 90 minutes, above the 60-minute threshold.
    p('PUP-0017', 'Maths', 'Mental maths', '8/20', '14/20 or better'),
    {
      ...p('PUP-0023', 'Maths', 'Mental maths', '6/20', '12/20 or better'),
      midPoint: {
        result: '6/20',
        judgement: 'Not working',
        furtherAction: 'Change',
        progress: 'No change in the quiz; still counts on from one with the rods',
      },
    },
    p('PUP-0030', 'Maths', 'Mental maths', '9/20', '15/20 or better'),
  ],
  // Language for learning group, last summer: words-only measure, so the reviewer scores it.
  'SLC-LG1': [
    {
      ...p(
        'PUP-0020',
        'English',
        'Observation',
        'Retells 1 of 3 story parts',
        'Retells all 3 parts (beginning, middle and end)',
      ),
      midPoint: working('Retells 2 of 3 parts with picture prompts', 'Uses "first" and "next"'),
      end: {
        result: 'Retells all 3 parts; uses sequencing words in class too',
        judgement: 'Working',
        furtherAction: 'Stop',
        progress: 'Good progress; uses sequencing words in class too',
        outcomeScore: '+1',
        outcomeReason:
          'Met the target and carries it into class work, which the target did not ask',
        runAgain: 'Yes',
        staffTrainingNeeds: 'Refresher on story grammar for the new TA',
      },
    },
    {
      ...p(
        'PUP-0026',
        'English',
        'Observation',
        'Uses 6 of 20 topic words',
        'Uses 15 of 20 topic words in class',
      ),
      midPoint: working('Uses 8 of 20 topic words', 'Slow but steady'),
      end: {
        result: 'Uses 9 of 20 topic words',
        judgement: 'Partly working',
        furtherAction: 'New plan',
        progress: 'Some progress; absent for two weeks with illness',
        outcomeScore: '-1',
        outcomeReason: 'Less progress than planned, partly because of two weeks off ill',
        runAgain: 'Yes',
      },
    },
  ],
  // Friendship and social skills group, last school year: the add-on works out the scores.
  'SEMH-SS1': [
    {
      ...p('PUP-0018', 'PSHE', 'Behaviour incidents a week', '6', '2 a week or fewer', true),
      midPoint: working('3', 'Joins in games at lunchtime with a reminder'),
      // (0 − 6) ÷ (2 − 6) = 1.5 of the planned gain: +2.
      end: ended('0', 'Working', 'No incidents for the last three weeks'),
    },
    {
      ...p('PUP-0029', 'PSHE', 'Behaviour incidents a week', '5', '1 a week or fewer', true),
      midPoint: working('4', 'A little calmer in the group; lunchtimes still hard'),
      // (5 − 5) ÷ (1 − 5) = 0: −2.
      end: ended('5', 'Not working', 'Back to five incidents a week after a change at home'),
    },
    {
      ...p('PUP-0033', 'PSHE', 'Pupil self-rating', '2', '4 or more', true),
      midPoint: working('3', 'Says playtimes are "a bit better"'),
      // (4 − 2) ÷ (4 − 2) = 1: 0, as expected.
      end: ended('4', 'Working', 'Rates lunchtimes 4 out of 5 and joins in without prompting'),
    },
  ],
  'SEMH-EL1': [
    // Also in precision teaching from a week earlier: two new interventions within four weeks.
    p('PUP-0024', 'Music', 'Behaviour incidents a week', '5', '1 a week or fewer'),
  ],
  // Reading comprehension software: no gain by the mid-point, stopped, a last result a week later.
  'LIT-RC1': [
    {
      ...p('PUP-0035', 'English', 'Reading age', '8y 2m', '9y 0m or more'),
      midPoint: {
        result: '8y 2m',
        judgement: 'Not working',
        furtherAction: 'Stop',
        progress: 'No gain in reading age; clicks through the questions without reading',
      },
      // 1 month of the 10 planned: −1.
      end: finalResult('8y 3m', 'One month gained in eight weeks; guesses at the questions'),
    },
    {
      ...p('PUP-0040', 'English', 'Reading age', '7y 9m', '8y 6m or more'),
      midPoint: {
        result: '7y 10m',
        judgement: 'Partly working',
        furtherAction: 'Change',
        progress: 'One month gained in six weeks; needs an adult to talk about the text',
      },
      // 1 month of the 9 planned: −1.
      end: finalResult('7y 10m', 'No more gain after the mid-point'),
    },
    {
      ...p('PUP-0038', 'English', 'Reading age', '8y 0m', '8y 9m or more'),
      midPoint: {
        result: '8y 0m',
        judgement: 'Not working',
        furtherAction: 'Stop',
        progress: 'No gain; the program’s texts are too long for her to follow without support',
      },
      // No gain: −2.
      end: finalResult('8y 0m', 'No gain in reading age'),
    },
  ],
  // Reading fluency pilot, last spring: three pupils beat their targets, one came close.
  'LIT-RF1': [
    {
      ...p('PUP-0028', 'English', 'Reading age', '7y 8m', '7y 11m or more'),
      midPoint: working('7y 11m', 'Reads with more expression; self-corrects'),
      // 5 months of the 3 planned: 1.67 of the planned gain, +2.
      end: ended('8y 1m', 'Working', 'Reads aloud in class now; enjoys the paired reading'),
    },
    {
      ...p('PUP-0022', 'English', 'Reading age', '6y 11m', '7y 5m or more'),
      midPoint: working('7y 1m', 'Decodes faster; still loses the meaning of long sentences'),
      // 5 months of the 6 planned: 0.83, as expected but short of the target.
      end: ended('7y 4m', 'Partly working', 'Good gain, just short of an ambitious target'),
    },
    {
      ...p('PUP-0031', 'English', 'Reading age', '7y 5m', '7y 9m or more'),
      midPoint: working('7y 8m', 'Reads the passages fluently by the third reading'),
      // 7 months of the 4 planned: 1.75, +2.
      end: ended('8y 0m', 'Working', 'Seven months of reading age in a term'),
    },
    {
      ...p('PUP-0037', 'English', 'Reading age', '7y 0m', '7y 3m or more'),
      midPoint: working('7y 2m', 'More confident; reads to his partner without prompting'),
      // 5 months of the 3 planned: 1.67, +2.
      end: ended('7y 5m', 'Working', 'Beat his target; reads the group’s passages fluently'),
    },
  ],
  // Bought-in speech and language therapy this autumn: a high cost for as-expected progress.
  'SLC-ST1': [
    {
      ...p('PUP-0026', 'Science', 'BPVS score', '76', '82 or more'),
      midPoint: working('79', 'Follows two-step instructions with a visual prompt'),
      // 5 points of the 6 planned: 0.83, as expected but short of the target.
      end: {
        result: '81',
        judgement: 'Partly working',
        furtherAction: 'New plan',
        progress: 'Five points gained; follows two-step instructions in class with a prompt',
        runAgain: 'No',
      },
    },
  ],
};

export interface DemoDecision {
  decision: 'Change' | 'Stop';
  form: Record<string, unknown>;
}

/** The SENCo's decisions, recorded a few days after the mid-point reviews of each intervention. */
export const DECISIONS: Readonly<Record<string, DemoDecision>> = {
  'LIT-PH1': {
    decision: 'Change',
    form: {
      changes: ['dosage', 'approach'],
      plan: 'Five sessions a week instead of four, and a decodable book to take home each week',
    },
  },
  'LIT-RC1': {
    decision: 'Stop',
    form: {
      reason:
        'Two of the three pupils gained nothing in reading age by the mid-point and the third one month; they join the Reading fluency group in January instead',
    },
  },
};
