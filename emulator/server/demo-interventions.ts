/**
 * The demo school's Provision library and its intervention sheets, as the SENCo fills in the
 * forms. Most sheets start from a library entry, as the intervention form does when one is chosen,
 * so the Dashboard's "by type of provision" groups runs of one programme: reading fluency has two,
 * last spring's pilot and this year's group. Each sheet's "Supported by" names only the people in
 * its sessions (their time is costed); advice and supervision are told in the summary.
 */
import type { InterventionForm } from '../../src/domain/intervention';
import type { LibraryForm } from '../../src/domain/library';

const EEF = 'https://educationendowmentfoundation.org.uk/education-evidence';

export const LIBRARY: readonly LibraryForm[] = [
  {
    name: 'Precision teaching',
    areaOfNeed: 'SPLD',
    evidenceLink: EEF,
    evidenceNote: 'Short daily practice with one-minute probes; progress charted every day.',
    evidenceStrength: 'Moderate',
    minutesPerSession: '10',
    sessionsPerWeek: '5',
    lengthWeeks: '10',
    resourceCost: '0',
    usualGroupSize: '1',
    trainingNeeded: 'Half-day precision teaching course',
  },
  {
    name: 'Phonics catch-up',
    areaOfNeed: 'SPLD',
    evidenceLink: EEF,
    evidenceNote: 'Systematic phonics: strong evidence for early readers (EEF Toolkit).',
    evidenceStrength: 'Strong (several robust studies)',
    minutesPerSession: '20',
    sessionsPerWeek: '4',
    lengthWeeks: '12',
    resourceCost: '45',
    usualGroupSize: '4',
    trainingNeeded: 'School phonics scheme training',
  },
  {
    name: 'Reading fluency',
    areaOfNeed: 'SPLD',
    evidenceLink: EEF,
    evidenceNote:
      'Repeated reading with modelling and feedback improves fluency and comprehension (EEF guidance on improving literacy in key stage 2).',
    evidenceStrength: 'Moderate',
    minutesPerSession: '30',
    sessionsPerWeek: '3',
    lengthWeeks: '10',
    resourceCost: '60',
    usualGroupSize: '4',
    trainingNeeded: 'Reading fluency twilight session',
  },
  {
    name: 'Language group',
    areaOfNeed: 'SLCN',
    evidenceLink: '',
    evidenceNote: 'Oral language interventions: high impact for young pupils (EEF Toolkit).',
    evidenceStrength: 'Strong (several robust studies)',
    minutesPerSession: '30',
    sessionsPerWeek: '3',
    lengthWeeks: '10',
    resourceCost: '120',
    usualGroupSize: '4',
    trainingNeeded: 'Speech and language therapist briefing',
  },
  {
    name: 'Speech and language therapy (bought-in, 1:1)',
    areaOfNeed: 'SLCN',
    evidenceLink: '',
    evidenceNote:
      'Direct therapy from an independent therapist, for a pupil the NHS service cannot see soon.',
    evidenceStrength: 'Limited',
    minutesPerSession: '30',
    sessionsPerWeek: '2',
    lengthWeeks: '8',
    // The therapist's assessment and written report, on top of the sessions.
    resourceCost: '180',
    usualGroupSize: '1',
    trainingNeeded: 'None',
  },
  {
    name: 'Emotional literacy support',
    areaOfNeed: 'SEMH',
    evidenceLink: '',
    evidenceNote: 'Weekly 1:1 sessions with a trained TA, with supervision every half term.',
    evidenceStrength: 'Limited',
    minutesPerSession: '40',
    sessionsPerWeek: '1',
    lengthWeeks: '8',
    resourceCost: '0',
    usualGroupSize: '1',
    trainingNeeded: 'ELSA training (6 days)',
  },
];

/**
 * When a demo intervention starts: weeks from this Monday for this year's work, or a week of a
 * term of last school year (1 = the term's first week), so last year's programmes keep to that
 * year's terms whatever the date the trial is opened.
 */
export type DemoStart =
  | { weeksFromNow: number }
  | { lastYear: 'Autumn term' | 'Spring term' | 'Summer term'; week: number };

/** An intervention sheet as the SENCo fills in the form, and the library entry it came from. */
export interface DemoIntervention extends Omit<InterventionForm, 'startDate' | 'provisionId'> {
  code: string;
  starts: DemoStart;
  library?: string;
}

/**
 * Current work first, in the order the trial's tests expect (the phonics group leads), then the
 * programmes that finished last school year and this autumn.
 */
export const INTERVENTIONS: readonly DemoIntervention[] = [
  {
    name: 'Phonics catch-up (Phase 3 and 4 recap)',
    code: 'LIT-PH1',
    library: 'Phonics catch-up',
    lead: 'Jodie Brackett',
    supportedBy: '',
    delivery: 'Group',
    starts: { weeksFromNow: -9 },
    lengthWeeks: 12,
    sessionsPerWeek: 4,
    minutesPerSession: 20,
    location: 'Library corner',
    rationale:
      'For Year 1 and 2 pupils who did not meet the expected standard in the phonics screening check. ' +
      'Systematic phonics has strong evidence for early readers (EEF Teaching and Learning Toolkit).',
    expectedOutcome: 'Blends all Phase 3 graphemes; 32/40 or better on the school phonics check',
    assessmentMethods: 'Phonics check of the same 40 words at the start and the end',
    summary:
      'Revisit, teach, practise, apply: short, pacy sessions for a group of four. The class teacher ' +
      'checks the graphemes in class each week.',
    publishedResources: 'School phonics scheme catch-up materials, Phase 3 and 4 units',
  },
  {
    name: 'Precision teaching: spelling',
    code: 'LIT-PT1',
    library: 'Precision teaching',
    lead: 'Elin Carraway',
    supportedBy: '',
    delivery: 'Individual',
    starts: { weeksFromNow: -4 },
    lengthWeeks: 10,
    sessionsPerWeek: 5,
    minutesPerSession: 10,
    location: 'Quiet room by the hall',
    rationale:
      'Short daily 1:1 practice with one-minute probes builds fluency with words the pupil nearly ' +
      'knows; the daily chart shows at once whether it is working.',
    expectedOutcome: '8/10 or better in weekly tests of Year 3 and 4 statutory spellings',
    assessmentMethods: 'Weekly spelling test of 10 statutory words; probe rates charted daily',
    summary:
      'Teach, one-minute probe, chart, adjust the target words each week; the SENCo sets the probes',
    publishedResources: 'Year 3 and 4 statutory spelling list; probe sheets',
  },
  {
    name: 'Number sense group (concrete maths resources)',
    code: 'MA-NS1',
    lead: 'Priya Marlowe',
    supportedBy: 'Sam Okonjo-Reed (TA)',
    delivery: 'Group',
    starts: { weeksFromNow: -6 },
    lengthWeeks: 12,
    sessionsPerWeek: 3,
    minutesPerSession: 30,
    location: 'Year 3 classroom, group table',
    rationale:
      'Number shapes and rods make number bonds and place value concrete before pictures and ' +
      'symbols (EEF guidance on improving mathematics in key stages 2 and 3: manipulatives).',
    expectedOutcome:
      'Recalls number bonds to 10 and partitions 2-digit numbers; 6 more marks in the mental maths quiz',
    assessmentMethods:
      'The same 20-question mental maths quiz at the start, the mid-point and the end',
    summary: 'Concrete, then pictorial, then abstract; one new idea per week',
    publishedResources: 'Number shapes and rods kit; teacher handbook, units 1 to 3',
  },
  {
    name: 'Language for learning group (vocabulary and narrative)',
    code: 'SLC-LG1',
    library: 'Language group',
    lead: 'Sam Okonjo-Reed',
    // Free to the school, so left out of the cost on purpose: the Dashboard says so.
    supportedBy: 'NHS speech therapy service',
    delivery: 'Group',
    starts: { lastYear: 'Summer term', week: 2 },
    lengthWeeks: 10,
    sessionsPerWeek: 3,
    minutesPerSession: 30,
    location: 'Small group room',
    rationale:
      'Oral language interventions have high impact for young pupils (EEF Toolkit); targets agreed ' +
      'with the NHS speech and language therapist.',
    expectedOutcome:
      'Retells a short story with a beginning, middle and end; uses 5 new topic words in class',
    assessmentMethods:
      'Narrative retell scored with a story grammar checklist; check of 20 taught words',
    summary: 'Topic words taught with pictures and actions; story retell with visual prompts',
    publishedResources: 'Story sequencing cards; school vocabulary lists for each topic',
  },
  {
    name: 'Friendship and social skills group',
    code: 'SEMH-SS1',
    lead: 'Sam Okonjo-Reed',
    supportedBy: '',
    delivery: 'Group',
    starts: { lastYear: 'Autumn term', week: 13 },
    lengthWeeks: 26,
    sessionsPerWeek: 2,
    minutesPerSession: 30,
    location: 'Nurture room',
    rationale:
      'Structured games practise turn-taking, sharing and joining in, then carry over to play times.',
    expectedOutcome:
      'Takes turns in a group game and joins in at lunchtime without adult prompting',
    assessmentMethods:
      'Structured lunchtime observations (10 minutes, three a term); pupil mood board',
    summary:
      'Warm-up game, one skill taught, practised in a game, reviewed with the group; the SENCo ' +
      'observes a session each half term',
    publishedResources: 'School social skills games box',
  },
  {
    name: 'Emotional literacy support (1:1)',
    code: 'SEMH-EL1',
    library: 'Emotional literacy support',
    lead: 'Elin Carraway',
    supportedBy: '',
    delivery: 'Individual',
    starts: { weeksFromNow: -3 },
    lengthWeeks: 8,
    sessionsPerWeek: 1,
    minutesPerSession: 40,
    location: 'Nurture room',
    rationale:
      'Weekly 1:1 sessions with a trained TA help the pupil name and manage feelings; the plan was ' +
      'agreed with the pupil and parents.',
    expectedOutcome:
      'Names and rates four feelings; fewer than 2 behaviour incidents a week at lunchtime',
    assessmentMethods:
      'Behaviour incident log; pupil self-rating scale at the start, mid-point and end',
    summary:
      'Check-in, one feelings activity, a calm-down plan rehearsed, check-out; supervised by the ' +
      'SENCo every half term',
    publishedResources: 'Feelings cards; personal calm-down plan template',
  },
  {
    name: 'Fine motor skills group ("Busy fingers")',
    code: 'PD-FM1',
    lead: 'Jodie Brackett',
    supportedBy: '',
    delivery: 'Group',
    starts: { weeksFromNow: 2 },
    lengthWeeks: 10,
    sessionsPerWeek: 3,
    minutesPerSession: 20,
    location: 'Reception classroom',
    rationale:
      'Daily fine motor practice before handwriting, following the occupational therapist’s advice sheet.',
    expectedOutcome: 'Forms all lower-case letters correctly; cuts along a curved line',
    assessmentMethods: 'Fine motor checklist at the start and the end; handwriting sample',
    summary: 'Dough, pegs, threading and tweezers, then letter formation',
    publishedResources: 'Fine motor activity box; letter formation cards',
  },
  {
    name: 'Reading fluency (paired and repeated reading)',
    code: 'LIT-RF2',
    library: 'Reading fluency',
    lead: 'Tobias Fenwick',
    supportedBy: 'Elin Carraway (TA)',
    delivery: 'Group',
    starts: { weeksFromNow: 6 },
    lengthWeeks: 12,
    sessionsPerWeek: 3,
    minutesPerSession: 60,
    location: 'Library',
    rationale:
      'Last spring’s pilot group gained over twice as many months of reading age as months passed; ' +
      'repeated reading with modelling and feedback improves fluency and comprehension (EEF ' +
      'guidance on improving literacy in key stage 2).',
    expectedOutcome: 'Reading age up by at least 6 months (a ratio gain of 2 or more)',
    assessmentMethods: 'Standardised reading test giving a reading age, at the start and the end',
    summary: 'Adult models a passage, pupils read it in pairs three times, then discuss it',
    publishedResources: 'Levelled fluency passages, years 3 to 6',
  },
  {
    // Stopped after its mid-point by the SENCo's recorded decision (demo-results.ts).
    name: 'Reading comprehension software (computer-based)',
    code: 'LIT-RC1',
    lead: 'Elin Carraway',
    supportedBy: '',
    delivery: 'Group',
    starts: { weeksFromNow: -11 },
    lengthWeeks: 12,
    sessionsPerWeek: 3,
    minutesPerSession: 20,
    location: 'ICT suite',
    rationale:
      'A trial of an adaptive reading program for three Year 6 pupils, with an adult nearby; the ' +
      'evidence for computer-based comprehension programs on their own is mixed, so it is reviewed ' +
      'closely at the mid-point.',
    expectedOutcome: 'Reading age up by 8 to 10 months by the end',
    assessmentMethods:
      'Standardised reading test giving a reading age, at the start, mid-point and end',
    summary:
      'Twenty minutes on the program, then five minutes talking about the text with the adult',
    publishedResources: 'School licence for the reading program (one year)',
  },
  {
    name: 'Reading fluency pilot group (paired and repeated reading)',
    code: 'LIT-RF1',
    library: 'Reading fluency',
    lead: 'Elin Carraway',
    supportedBy: '',
    delivery: 'Group',
    starts: { lastYear: 'Spring term', week: 2 },
    lengthWeeks: 10,
    sessionsPerWeek: 3,
    minutesPerSession: 30,
    location: 'Library',
    rationale:
      'A first run of paired and repeated reading for four key stage 2 pupils whose reading age ' +
      'was well below their age; repeated reading with feedback improves fluency (EEF guidance on ' +
      'improving literacy in key stage 2).',
    expectedOutcome: 'Reading age up by 3 to 6 months in a term (each pupil has their own target)',
    assessmentMethods: 'Standardised reading test giving a reading age, at the start and the end',
    summary: 'The TA models a passage, pupils read it in pairs three times, then discuss it',
    publishedResources: 'Levelled fluency passages, years 3 to 6',
  },
  {
    name: 'Speech and language therapy (independent therapist, 1:1)',
    code: 'SLC-ST1',
    library: 'Speech and language therapy (bought-in, 1:1)',
    lead: 'Rhiannon Pryce',
    supportedBy: 'Sam Okonjo-Reed (TA)',
    delivery: 'Individual',
    starts: { weeksFromNow: -11 },
    lengthWeeks: 8,
    sessionsPerWeek: 2,
    minutesPerSession: 30,
    location: 'Small group room',
    rationale:
      'The pupil made less progress than planned in the language group last summer and the NHS ' +
      'waiting list is over a year, so the school bought in an independent therapist; the TA ' +
      'joins each session to carry the targets into class.',
    expectedOutcome:
      'BPVS standardised score up by 6 points; follows two-step instructions in class',
    assessmentMethods: 'British Picture Vocabulary Scale (BPVS) at the start and the end',
    summary: 'Vocabulary and instruction-following therapy; a home practice sheet each week',
    publishedResources: 'Therapist’s own programme and written report',
  },
];
