import {
  LETTER_KINDS,
  PLACEHOLDERS,
  buildLetter,
  fillPlaceholders,
  findPlaceholders,
  fullDate,
  inPlainWords,
  letterDocName,
  letterText,
  lettersFolderName,
  pickReview,
  placeholderSpans,
  placeholderValues,
  targetMet,
  type LetterFacts,
  type LetterProvisionFacts,
  type LetterReviewFacts,
} from '../../src/domain/letters';

const day = (y: number, m: number, d: number): Date => new Date(y, m - 1, d);

function facts(overrides: Partial<LetterFacts> = {}): LetterFacts {
  return {
    today: day(2026, 9, 14),
    schoolName: 'Hillside Primary School',
    sencoName: 'Ms Amara Okafor',
    pupil: { firstName: 'Amy', lastName: 'Brown' },
    intervention: {
      name: 'Precision teaching: spelling',
      lead: 'Mr Tom Reed',
      supportedBy: 'Ms Amara Okafor (SENCo)',
      summary: 'Short daily 1:1 practice of tricky words',
      rationale: 'EEF evidence: structured TA-led interventions work',
      expectedOutcome: '8/10 or better in weekly spelling tests',
      assessmentMethods: 'Weekly spelling test of 10 words',
      location: 'Library',
      startDate: day(2026, 9, 14),
      lengthWeeks: 12,
      sessionsPerWeek: 4,
      minutesPerSession: 20,
    },
    place: {
      startDate: day(2026, 9, 21),
      parentsInformedHow: 'Letter',
      baseline: '4/10',
      baselineMeasure: 'Weekly spelling test',
      baselineDate: day(2026, 9, 21),
      target: '8/10 or better',
      lessonMissed: 'Maths',
      actual: '',
      furtherAction: '',
    },
    midPoint: review({ dueDate: day(2026, 11, 2) }),
    end: review({ dueDate: day(2026, 12, 14) }),
    ...overrides,
  };
}

function review(overrides: Partial<LetterReviewFacts> = {}): LetterReviewFacts {
  return {
    status: 'Due',
    result: '',
    progress: '',
    judgement: '',
    furtherAction: '',
    ...overrides,
  };
}

const textOf = (f: LetterFacts, kind: (typeof LETTER_KINDS)[number]): string =>
  letterText(buildLetter(f, kind));

describe('the start letter', () => {
  const text = textOf(facts(), 'start');

  it('says what, why, who, when, how often, how long, where, aims, measures, misses, reply and help', () => {
    expect(text).toContain('Hillside Primary School');
    expect(text).toContain('Monday 14 September 2026');
    expect(text).toContain('Dear parent or carer of Amy,');
    expect(text).toContain(
      'Amy will be taking part in Precision teaching: spelling, starting on Monday 21 September 2026',
    );
    expect(text).toContain('Education Endowment Foundation evidence');
    expect(text).toContain('teaching assistant-led');
    expect(text).toContain('Who runs it: Mr Tom Reed, supported by Ms Amara Okafor');
    expect(text).toContain('How often: 4 sessions a week, 20 minutes each');
    expect(text).toContain('For how long: 12 weeks');
    expect(text).toContain('Where: Library');
    expect(text).toContain('8/10 or better in weekly spelling tests.');
    expect(text).toContain('Weekly spelling test of 10 words.');
    expect(text).toContain('around Monday 2 November 2026');
    expect(text).toContain('during Maths lessons');
    expect(text).toContain('about 80 minutes a week');
    expect(text).toContain('look at the word, cover it, write it, then check it');
    expect(text).toContain('happy for Amy to take part');
    expect(text).toContain('Mr Tom Reed, who leads the sessions');
    expect(text).toContain('Ms Amara Okafor, special educational needs coordinator');
  });

  it('uses no codes or jargon', () => {
    expect(text.replace(/ \(SENCo\)/g, '')).not.toMatch(/\b(SLCN|SPLD|SENCo|TA|EEF)\b|1:1/);
    expect(text).toContain('one-to-one');
  });

  it('uses the first name only', () => {
    expect(text).not.toContain('Brown');
  });

  it('tells parents with blanket consent they need not reply', () => {
    const t = textOf(
      facts({ place: { ...facts().place, parentsInformedHow: 'Blanket consent' } }),
      'start',
    );
    expect(t).toContain('you do not need to reply');
    expect(t).not.toContain('Signed');
  });

  it('says so when sessions are at lunchtime', () => {
    const t = textOf(
      facts({ place: { ...facts().place, lessonMissed: 'Break or lunchtime' } }),
      'start',
    );
    expect(t).toContain('does not miss any lessons');
  });

  it('has no school line when the school name is blank', () => {
    const letter = buildLetter(facts({ schoolName: '' }), 'start');
    expect(letter.blocks[0]).toEqual({ type: 'paragraph', text: 'Monday 14 September 2026' });
  });
});

describe('the mid-point letter', () => {
  it('gives progress against the baseline and target in words, and what happens next', () => {
    const text = textOf(
      facts({
        midPoint: review({
          status: 'Done',
          doneOn: day(2026, 11, 3),
          result: '6/10',
          resultDate: day(2026, 11, 2),
          judgement: 'Working',
          furtherAction: 'Continue',
          progress: 'Much more confident with TA',
        }),
      }),
      'mid-point',
    );
    expect(text).toContain(
      "At the start (Monday 21 September 2026), Amy's result in the weekly spelling test was 4/10.",
    );
    expect(text).toContain('At the halfway review on Monday 2 November 2026, the result was 6/10.');
    expect(text).toContain('The target by the end is: 8/10 or better.');
    expect(text).toContain('working well for Amy');
    expect(text).toContain('Much more confident with teaching assistant.');
    expect(text).toContain('until the end, around Monday 14 December 2026');
  });

  it('says plainly when there is no result yet', () => {
    const text = textOf(facts(), 'mid-point');
    expect(text).toContain(
      "We do not have Amy's halfway result yet: the review is due on Monday 2 November 2026.",
    );
  });

  it('explains a change of plan', () => {
    const text = textOf(
      facts({
        midPoint: review({
          status: 'Done',
          result: '4/10',
          judgement: 'Not working',
          furtherAction: 'Change',
        }),
      }),
      'mid-point',
    );
    expect(text).toContain('not working as well as we hoped');
    expect(text).toContain('We will change the sessions to suit Amy better');
  });
});

describe('the end letter', () => {
  it('gives where the pupil started, is now, the target, whether met and next steps', () => {
    const text = textOf(
      facts({
        end: review({
          status: 'Done',
          result: '9/10',
          resultDate: day(2026, 12, 14),
          judgement: 'Working',
          furtherAction: 'Stop',
        }),
      }),
      'end',
    );
    expect(text).toContain('Where it started: 4/10 (Monday 21 September 2026)');
    expect(text).toContain('Where it is now: 9/10 (Monday 14 December 2026)');
    expect(text).toContain('The target: 8/10 or better');
    expect(text).toContain('Amy reached the target.');
    expect(text).toContain('worked well for Amy');
    expect(text).toContain('The sessions have now ended for Amy');
  });

  it("uses the participant's actual result when the end review has none", () => {
    const f = facts();
    const text = textOf(
      facts({ place: { ...f.place, actual: '7/10', actualDate: day(2026, 12, 10) } }),
      'end',
    );
    expect(text).toContain('Where it is now: 7/10 (Thursday 10 December 2026)');
    expect(text).toContain('Amy has not reached the target yet.');
  });

  it('says plainly when there is no result yet', () => {
    const text = textOf(facts(), 'end');
    expect(text).toContain('Where it is now: No result yet');
    expect(text).toContain(
      "We do not have Amy's final result yet: the final review is due on Monday 14 December 2026.",
    );
    expect(text).not.toContain('reached the target');
  });

  it('thanks the parents for their view when they gave one, without quoting it back', () => {
    const thanks = 'Thank you for telling us what you think; we have taken it into account.';
    const done = { status: 'Done', result: '9/10', resultDate: day(2026, 12, 14) };
    const words = 'We worry she is tired after the sessions';
    const atEnd = textOf(facts({ end: review({ ...done, parentsView: words }) }), 'end');
    expect(atEnd).toContain(thanks);
    expect(atEnd).not.toContain(words);
    const atMidPoint = textOf(
      facts({ midPoint: review({ status: 'Done', parentsView: words }), end: review(done) }),
      'end',
    );
    expect(atMidPoint).toContain(thanks);
    expect(atMidPoint).not.toContain(words);
    expect(textOf(facts({ end: review(done) }), 'end')).not.toContain(thanks);
    expect(textOf(facts({ end: review({ ...done, parentsView: '  ' }) }), 'end')).not.toContain(
      thanks,
    );
  });
});

describe('nothing about any other pupil', () => {
  it('builds every letter from one pupil’s facts only', () => {
    for (const kind of LETTER_KINDS) {
      const letter = buildLetter(facts(), kind);
      const text = letterText(letter);
      expect(text).toContain('Amy');
      expect(text).not.toContain('Brown');
    }
  });
});

describe('words', () => {
  it('writes dates in full', () => {
    expect(fullDate(day(2026, 9, 14))).toBe('Monday 14 September 2026');
  });

  it('spells out codes', () => {
    expect(inPlainWords('SEMH group with a TA, see the SENCo')).toBe(
      'social, emotional and mental health group with a teaching assistant, see the special educational needs coordinator',
    );
  });

  it('judges a target only when result and target compare', () => {
    expect(targetMet('9/10', '8/10 or better')).toBe('met');
    expect(targetMet('7/10', '8/10 or better')).toBe('not met');
    expect(targetMet('1 a week', 'fewer than 2 behaviour incidents a week')).toBe('met');
    expect(targetMet('3', 'fewer than 2 incidents')).toBe('not met');
    expect(targetMet('Score 95', 'Standardised score up 5 points')).toBe('unknown');
    expect(targetMet('7y 2m', 'Reading age of 7 years 6 months')).toBe('unknown');
    expect(targetMet('', '8/10')).toBe('unknown');
  });

  it('names the Doc and the folder so a person finds them', () => {
    expect(letterDocName(facts(), 'mid-point')).toBe(
      'Amy Brown – Precision teaching: spelling – Mid-point letter – 2026-09-14',
    );
    expect(lettersFolderName(day(2026, 9, 14))).toBe('SEND letters 2026-27');
    expect(lettersFolderName(day(2027, 7, 20))).toBe('SEND letters 2026-27');
    expect(lettersFolderName(day(2027, 8, 1))).toBe('SEND letters 2027-28');
  });

  it('picks the latest review done, else the next due, never a cancelled one', () => {
    const a = review({ status: 'Due', dueDate: day(2026, 11, 9) });
    const b = review({ status: 'Cancelled', dueDate: day(2026, 11, 2) });
    const c = review({ status: 'Due', dueDate: day(2026, 11, 5) });
    expect(pickReview([a, b, c])).toBe(c);
    const d = review({ status: 'Done', doneOn: day(2026, 11, 10) });
    expect(pickReview([a, d, c])).toBe(d);
    expect(pickReview([])).toBeUndefined();
  });
});

describe('placeholders', () => {
  const values = placeholderValues(facts(), 'start');

  it('has a value for every documented placeholder', () => {
    expect(Object.keys(values).sort()).toEqual(Object.keys(PLACEHOLDERS).sort());
    expect(values.pupil_first_name).toBe('Amy');
    expect(values.start_date).toBe('Monday 21 September 2026');
    expect(values.review_date).toBe('Monday 2 November 2026');
    expect(values.sessions).toBe('4 sessions a week, 20 minutes each');
    expect(values.result).toBe('no result yet');
    expect(Object.values(values).join(' ')).not.toContain('Brown');
  });

  it('fills known placeholders, repeated ones everywhere, with spaces or capitals inside', () => {
    const out = fillPlaceholders(
      'Dear parent of {{pupil_first_name}}: {{ Pupil_First_Name }} starts {{intervention_name}} on {{start_date}}. Bye {{pupil_first_name}}!',
      values,
    );
    expect(out.text).toBe(
      'Dear parent of Amy: Amy starts Precision teaching: spelling on Monday 21 September 2026. Bye Amy!',
    );
    expect(out.unknown).toEqual([]);
  });

  it('leaves unknown placeholders as typed and reports each once', () => {
    const out = fillPlaceholders('{{pupil_nickname}} and {{x}} and {{pupil_nickname}}', values);
    expect(out.text).toBe('{{pupil_nickname}} and {{x}} and {{pupil_nickname}}');
    expect(out.unknown).toEqual(['pupil_nickname', 'x']);
  });

  it('finds placeholder names and places', () => {
    expect(findPlaceholders('{{a}} {{b}} {{a}} {not} {{ c }}')).toEqual(['a', 'b', 'c']);
    expect(placeholderSpans('x{{a}}')).toEqual([{ name: 'a', start: 1, end: 6 }]);
  });

  it('inserts hostile values literally: {{x}}, markup and $ patterns', () => {
    const hostile = placeholderValues(
      facts({ pupil: { ...facts().pupil, firstName: '{{today}}' } }),
      'start',
    );
    expect(fillPlaceholders('Hi {{pupil_first_name}}, {{today}}', hostile).text).toBe(
      'Hi {{today}}, Monday 14 September 2026',
    );
    const markup = { pupil_first_name: '<b>Amy</b>', intervention_name: "$& $1 $$ $' $`" };
    expect(fillPlaceholders('{{pupil_first_name}} in {{intervention_name}}', markup).text).toBe(
      "<b>Amy</b> in $& $1 $$ $' $`",
    );
  });

  it('does not treat inherited object keys as placeholders', () => {
    expect(fillPlaceholders('{{constructor}} {{toString}}', values).unknown).toEqual([
      'constructor',
      'tostring',
    ]);
  });

  it('keeps hostile names literal in the built-in letter too', () => {
    const text = textOf(facts({ pupil: { ...facts().pupil, firstName: '<b>' } }), 'start');
    expect(text).toContain('Dear parent or carer of <b>,');
  });

  it('gives the end letter its result, target and next steps', () => {
    const v = placeholderValues(
      facts({
        end: review({
          status: 'Done',
          doneOn: day(2026, 12, 15),
          result: '9/10',
          judgement: 'Working',
          furtherAction: 'Stop',
        }),
      }),
      'end',
    );
    expect(v.result).toBe('9/10');
    expect(v.review_date).toBe('Tuesday 15 December 2026');
    expect(v.target_met).toBe('Amy reached the target.');
    expect(v.next_steps).toContain('ended for Amy');
  });
});

describe('the starting result, in words', () => {
  it('names the measure when the result does not, and never twice', () => {
    const bare = textOf(facts(), 'start');
    expect(bare).toContain("Amy's result in the weekly spelling test was 4/10");
    const base = facts();
    const described = facts({
      place: { ...base.place, baseline: '4/10 in a weekly spelling test' },
    });
    const text = textOf(described, 'start');
    expect(text).toContain("Amy's result was 4/10 in a weekly spelling test");
    expect(text).not.toMatch(/result in the weekly spelling test was/i);
  });
});

describe('the end letter says what happened, in words', () => {
  test('a stopped intervention: says it stopped and what the school decided, never a score', () => {
    const base = facts();
    const text = textOf(
      {
        ...base,
        intervention: { ...base.intervention, status: 'Stopped', decision: 'Stop' },
        place: { ...base.place, status: 'Stopped', actual: '', targetMet: '' },
        end: undefined,
      },
      'end',
    );
    expect(text).toContain('has now stopped for');
    expect(text).toContain('stopped before its final review, so there is no final result.');
    expect(text).toContain('The school has decided to stop');
    expect(text).not.toMatch(/[−-][12]\b|\+[12]\b|outcome score/i);
  });

  test('the end review found the target partly met: says so in a sentence', () => {
    const base = facts();
    const text = textOf(
      {
        ...base,
        intervention: { ...base.intervention, decision: 'Continue' },
        place: { ...base.place, targetMet: 'Partly' },
        end: review({ status: 'Done', result: '7/10' }),
      },
      'end',
    );
    expect(text).toContain('made progress towards the target, but has not reached all of it yet.');
    expect(text).toContain('The school has decided to carry on with');
  });
});

/** A Provision library entry as the letter sees it (only its parent-facing fields). */
function provision(overrides: Partial<LetterProvisionFacts> = {}): LetterProvisionFacts {
  return {
    name: 'Phonics catch-up',
    areaOfNeed: 'SPLD',
    helpAtHome: '',
    evidenceNote: 'Systematic phonics: strong evidence for early readers (EEF Toolkit).',
    evidenceLink: 'https://educationendowmentfoundation.org.uk/education-evidence',
    evidenceStrength: 'Strong (several robust studies)',
    ...overrides,
  };
}

/** The text between a heading and the next heading of a letter. */
function section(f: LetterFacts, kind: (typeof LETTER_KINDS)[number], heading: string): string {
  const blocks = buildLetter(f, kind).blocks;
  const at = blocks.findIndex((b) => b.type === 'heading' && b.text === heading);
  if (at < 0) throw new Error(`no heading ${heading}`);
  const next = blocks.findIndex((b, i) => i > at && b.type === 'heading');
  return letterText({ kind, blocks: blocks.slice(at + 1, next < 0 ? undefined : next) });
}

/** Everything a Provision library entry knows that stays in the provision map. */
const INTERNAL =
  /Area of need|Usually a group|one pupil at a time|Resources cost|£|Training needed|special training|Evidence \(|Evidence:/;

describe('only what a parent should read', () => {
  const base = facts();
  // As the old library pre-fill saved it on interventions made from a library entry.
  const oldPrefill =
    'Area of need: Specific learning difficulty (SPLD). Usually a group of 4. Resources cost about £45.00. Training needed: School phonics scheme training.';
  const phonics = (over: Partial<LetterFacts['intervention']> = {}): LetterFacts => ({
    ...base,
    provision: provision(),
    intervention: {
      ...base.intervention,
      name: 'Phonics catch-up',
      summary: oldPrefill,
      rationale:
        'Evidence (strong): Systematic phonics: strong evidence for early readers (EEF Toolkit). See https://educationendowmentfoundation.org.uk/education-evidence',
      delivery: 'Group',
      ...over,
    },
  });

  it('drops a summary saved with the library’s internal notes, saying plainly how sessions run', () => {
    for (const kind of LETTER_KINDS) expect(textOf(phonics(), kind)).not.toMatch(INTERNAL);
    const start = textOf(phonics(), 'start');
    expect(start).not.toContain('What happens in a session');
    expect(start).toContain('In each session, Amy works in a small group with an adult.');
    expect(placeholderValues(phonics(), 'start').intervention_summary).toBe(
      'In each session, Amy works in a small group with an adult.',
    );
  });

  it('keeps what staff wrote around the old notes, and leaves the section out when nothing is known', () => {
    const kept = textOf(
      phonics({ summary: `${oldPrefill} We practise sounds with games.` }),
      'start',
    );
    expect(kept).toContain('What happens in a session: We practise sounds with games.');
    expect(kept).not.toMatch(INTERNAL);
    const bare = textOf(phonics({ summary: oldPrefill, delivery: '' }), 'start');
    expect(bare).not.toContain('What happens in a session');
    expect(bare).not.toContain('In each session');
  });

  it('says why for this pupil first, then the evidence in a plain sentence, the link on its own line', () => {
    const why = section(phonics(), 'start', 'Why we chose it for Amy');
    const lines = why.split('\n');
    expect(lines[0]).toContain('It works on reading, and we chose it because Amy needs');
    expect(lines[0]).toContain("At the start (Monday 21 September 2026), Amy's result in the");
    expect(lines[0]).toContain('The target for the end: 8/10 or better.');
    expect(why).toContain(
      'Research has found that this kind of support works well for many children.',
    );
    expect(why).not.toMatch(/Evidence \(|strong evidence|See https/);
    expect(lines.filter((l) => /https?:/.test(l))).toEqual([
      'Find out more about the research: https://educationendowmentfoundation.org.uk/education-evidence',
    ]);
    expect(placeholderValues(phonics(), 'start').rationale).not.toMatch(/Evidence \(|See https/);
  });

  it('keeps the school’s own reasons, and words each evidence strength plainly', () => {
    const own = phonics({ rationale: 'Chosen after the Year 1 phonics screening check.' });
    expect(section(own, 'start', 'Why we chose it for Amy')).toContain(
      'Chosen after the Year 1 phonics screening check.',
    );
    const limited = {
      ...own,
      provision: provision({ evidenceStrength: 'Limited', evidenceLink: '' }),
    };
    const why = section(limited, 'start', 'Why we chose it for Amy');
    expect(why).toContain('There is some research suggesting that this kind of support can help.');
    expect(why).not.toContain('Find out more');
    const untested = { ...own, provision: provision({ evidenceStrength: 'Not yet evaluated' }) };
    expect(section(untested, 'start', 'Why we chose it for Amy')).toContain(
      'so we will check carefully how well it works for Amy.',
    );
  });
});

describe('how you can help at home follows the intervention', () => {
  const base = facts();
  const withEntry = (
    name: string,
    entry: Partial<LetterProvisionFacts> | undefined,
  ): LetterFacts => ({
    ...base,
    intervention: { ...base.intervention, name },
    provision: entry ? provision({ name, ...entry }) : undefined,
  });
  const help = (f: LetterFacts, kind: (typeof LETTER_KINDS)[number] = 'start'): string =>
    section(f, kind, kind === 'end' ? 'Keeping it going at home' : 'How you can help at home');
  const NEEDS = /impair|vision|hearing|feelings|autis|emotional|learning difficult|disab/i;

  it('gives a phonics letter reading advice, and nothing about any need', () => {
    const text = help(withEntry('Phonics catch-up', { areaOfNeed: 'SPLD' }));
    expect(text).toContain('Share a book together');
    expect(text).not.toMatch(NEEDS);
    expect(text).not.toMatch(/lighting|large print|count|shopping/i);
  });

  it('gives a times-tables letter maths advice: no reading, no feelings', () => {
    const text = help(withEntry('Precision teaching: times tables', { areaOfNeed: 'MLD' }));
    expect(text).toContain('Use numbers in everyday life');
    expect(text).toContain('times tables');
    expect(text).not.toMatch(/book|read|feelings|calm routines/i);
  });

  it('follows the area of need when the name says nothing: a language group', () => {
    const text = help(withEntry('Chatterbox group', { areaOfNeed: 'SLCN' }));
    expect(text).toContain('give Amy time to answer');
    expect(text).not.toMatch(NEEDS);
  });

  it("prints the school's own Help at home instead, in every letter", () => {
    const f = withEntry('Phonics catch-up', {
      helpAtHome: 'Play the sound games from the sheet we send home on Fridays',
    });
    for (const kind of LETTER_KINDS) {
      const text = help(f, kind);
      expect(text).toContain('Play the sound games from the sheet we send home on Fridays.');
      expect(text).not.toContain('Share a book together');
    }
    expect(placeholderValues(f, 'end').help_at_home).toContain('Play the sound games');
  });

  it('gives only the general advice when nothing says what it works on', () => {
    const text = help(withEntry('Tuesday club', undefined));
    expect(text.split('\n')).toEqual([
      'Above all, ask Amy about the sessions and praise the effort that goes into them. Please tell us about anything at home that might help, or that worries you.',
    ]);
  });
});

describe('a letter made late speaks in the right tense', () => {
  const base = facts();
  const late: LetterFacts = {
    ...base,
    today: day(2027, 1, 25),
    intervention: { ...base.intervention, startDate: day(2026, 12, 7) },
    place: { ...base.place, startDate: day(2026, 12, 7), baselineDate: day(2026, 12, 7) },
    midPoint: review({ dueDate: day(2027, 1, 18) }),
    end: review({ dueDate: day(2027, 3, 8) }),
  };

  it('a start letter of 25 January for a start on 7 December says it started', () => {
    const text = textOf(late, 'start');
    expect(text).toContain('which Amy started on Monday 7 December 2026');
    expect(text).toContain('Started on: Monday 7 December 2026');
    expect(text).toContain('We checked where Amy was at the start');
    expect(text).toContain('halfway through (on Monday 18 January 2027)');
    expect(text).toContain('at the end (around Monday 8 March 2027)');
    expect(text).not.toMatch(/will be taking part|starting on|will start/i);
    expect(placeholderValues(late, 'start').next_steps).toBe(
      'Amy started the sessions on Monday 7 December 2026.',
    );
  });

  it('a start letter made before the start still looks ahead', () => {
    const text = textOf({ ...late, today: day(2026, 11, 30) }, 'start');
    expect(text).toContain(
      'will be taking part in Precision teaching: spelling, starting on Monday 7 December 2026',
    );
    expect(text).toContain('Starting on: Monday 7 December 2026');
  });

  it('an overdue review was due, and a past end date is not promised as ahead', () => {
    const text = textOf({ ...late, today: day(2027, 3, 15) }, 'end');
    expect(text).toContain('the final review was due on Monday 8 March 2027');
    const mid = textOf(
      {
        ...late,
        today: day(2027, 3, 15),
        midPoint: review({ status: 'Done', result: '6/10', dueDate: day(2027, 1, 18) }),
      },
      'mid-point',
    );
    expect(mid).not.toContain('around Monday 8 March 2027');
  });
});

describe('a letter made after the programme ended tells it in the past', () => {
  const base = facts();
  const after: LetterFacts = {
    ...base,
    today: day(2027, 1, 25),
    midPoint: review({
      status: 'Done',
      result: 'Retells 2 of 3 parts',
      dueDate: day(2026, 11, 2),
      resultDate: day(2026, 11, 2),
      judgement: 'Working',
      furtherAction: 'Continue',
    }),
    end: review({ status: 'Done', result: '9/10', dueDate: day(2026, 12, 14) }),
  };

  it('the mid-point letter says what was found and agreed then', () => {
    const text = textOf(after, 'mid-point');
    expect(text).toContain('This letter tells you how it was going at the halfway point.');
    expect(text).toContain(
      'At the halfway review on Monday 2 November 2026, the result: Retells 2 of 3 parts.',
    );
    expect(text).toContain('Staff judged that the sessions were working well for Amy.');
    expect(text).toContain(
      'At the halfway review we agreed that Amy would carry on with the sessions until the end.',
    );
    expect(text).not.toMatch(/We have now reached|will carry on|around Monday 14 December/);
  });

  it('the start letter asks for no consent any more', () => {
    const text = textOf(after, 'start');
    expect(text).toContain(
      'If you would like to talk about Precision teaching: spelling and how it went for Amy, please tell us.',
    );
    expect(text).not.toMatch(/Signed|I am happy for Amy/);
    expect(text).toContain(
      'We checked where Amy was at the start, halfway through (on Monday 2 November 2026) and at the end (on Monday 14 December 2026)',
    );
  });
});

describe('names and measures read naturally', () => {
  const base = facts();
  const reuben: LetterFacts = {
    ...base,
    pupil: { firstName: 'Reuben', lastName: 'Hale' },
    place: { ...base.place, baseline: '12', baselineMeasure: 'One-minute probe' },
    midPoint: review({ status: 'Done', result: '20', resultDate: day(2026, 11, 2) }),
  };

  it.each([
    ['One-minute probe', '12', "Reuben's result in the one-minute probe was 12"],
    ['Mental maths', '12/20', "Reuben's result in mental maths was 12/20"],
    ['Reading age', '7 years 2 months', "Reuben's reading age was 7 years 2 months"],
    ['Behaviour incidents a week', '4', 'Reuben had 4 behaviour incidents a week'],
    [
      'Observation',
      'Retells 1 of 3 story parts',
      'the observation found: Retells 1 of 3 story parts.',
    ],
    ['', '4/10', "Reuben's result was 4/10"],
  ])('a %p result', (measure, result, words) => {
    const f = { ...reuben, place: { ...reuben.place, baseline: result, baselineMeasure: measure } };
    expect(textOf(f, 'mid-point')).toContain(words);
  });

  it('names the pupil once where one sentence is enough', () => {
    for (const kind of LETTER_KINDS) {
      const text = textOf(reuben, kind);
      expect(text).not.toMatch(/When Reuben started, Reuben's|result on one-minute probe/);
      for (const line of text.split('\n')) {
        expect(line.match(/Reuben/g)?.length ?? 0).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe('a blank school name leaves no gap', () => {
  it('neither in the built-in letter nor in a template', () => {
    const blank = facts({ schoolName: '  ' });
    for (const kind of LETTER_KINDS) {
      const letter = buildLetter(blank, kind);
      expect(letter.blocks.some((b) => b.type === 'title')).toBe(false);
      expect(letterText(letter)).not.toMatch(/ {2}|\( *\)| ,|^\s*$/m);
    }
    const filled = fillPlaceholders(
      'Welcome to {{school_name}}.',
      placeholderValues(blank, 'start'),
    );
    expect(filled.text).toBe('Welcome to the school.');
  });
});
