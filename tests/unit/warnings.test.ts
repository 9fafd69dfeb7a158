import { addDays, addWeeks } from 'date-fns';
import { dateFromIso } from '../../src/domain/dates';
import { DEFAULT_SETTINGS } from '../../src/domain/workbook';
import {
  DEFAULT_PRACTICE_SETTINGS,
  PRACTICE_SETTING_NAMES,
  WARNING_KINDS,
  formatWarnings,
  interventionWarnings,
  lessonTimeLostBySubject,
  participantWarnings,
  practiceSettingsFrom,
  type InterventionContext,
  type InterventionFacts,
  type LibraryFacts,
  type ParticipantContext,
  type ParticipantFacts,
  type StaffFacts,
  type Warning,
  type WarningKind,
} from '../../src/domain/warnings';

const settings = DEFAULT_PRACTICE_SETTINGS;
const START = dateFromIso('2026-09-14');

/** An intervention that follows every rule: each test changes one thing. */
function intervention(overrides: Partial<InterventionFacts> = {}): InterventionFacts {
  return {
    id: 'INT-1',
    name: 'Precision teaching: spelling',
    code: 'PT-SP',
    lead: 'Jodie Brackett',
    supportedBy: '',
    lengthWeeks: 12,
    sessionsPerWeek: 3,
    minutesPerSession: 20,
    startDate: START,
    rationale: 'Daily precision teaching closes gaps in high-frequency spellings.',
    provisionId: '',
    ...overrides,
  };
}

const jodie: StaffFacts = {
  name: 'Jodie Brackett',
  trainedIn: 'Precision teaching; ELSA',
  role: 'TA',
};

function interventionContext(overrides: Partial<InterventionContext> = {}): InterventionContext {
  return { settings, staff: [jodie], library: [], ...overrides };
}

function library(overrides: Partial<LibraryFacts> = {}): LibraryFacts {
  return {
    id: 'PRV-1',
    name: 'Precision teaching',
    evidenceLink: '',
    evidenceNote: '',
    trainingNeeded: 'Half-day course',
    ...overrides,
  };
}

function kinds(warnings: Warning[]): WarningKind[] {
  return warnings.map((w) => w.kind);
}

function warningsOf(kind: WarningKind, i: InterventionFacts, context = interventionContext()) {
  return interventionWarnings(i, context).filter((w) => w.kind === kind);
}

function messageOf(kind: WarningKind, i: InterventionFacts, context = interventionContext()) {
  const found = warningsOf(kind, i, context);
  expect(found).toHaveLength(1);
  return found[0]?.message;
}

describe('practiceSettingsFrom', () => {
  const namesToValues = (values: Partial<Record<keyof typeof PRACTICE_SETTING_NAMES, unknown>>) =>
    Object.fromEntries(
      Object.entries(values).map(([key, value]) => [
        PRACTICE_SETTING_NAMES[key as keyof typeof PRACTICE_SETTING_NAMES],
        value,
      ]),
    );

  it('has the EEF figures and thresholds of DEFAULT_SETTINGS as defaults', () => {
    expect(DEFAULT_PRACTICE_SETTINGS).toEqual({
      minMinutes: 15,
      maxMinutes: 45,
      minSessions: 3,
      maxSessions: 5,
      minWeeks: 8,
      maxWeeks: 20,
      newInterventionWindowWeeks: 4,
      lessonTimeThresholdMinutes: 60,
    });
    const written = DEFAULT_SETTINGS.map((s) => s.setting);
    expect(written).toEqual(expect.arrayContaining(Object.values(PRACTICE_SETTING_NAMES)));
  });

  it('falls back to the defaults when the Settings tab is empty', () => {
    expect(practiceSettingsFrom({})).toEqual(DEFAULT_PRACTICE_SETTINGS);
  });

  it('reads numbers and numeric text by the Settings tab names', () => {
    const read = practiceSettingsFrom({
      'Minimum minutes per session': 10,
      'Maximum minutes per session': ' 50 ',
      'Minimum sessions per week': '2',
      'Maximum sessions per week': 6,
      'Minimum weeks': 6,
      'Maximum weeks': '24',
      'New interventions window (weeks)': '2.5',
      'Lesson time lost threshold (minutes a week)': 0,
    });
    expect(read).toEqual({
      minMinutes: 10,
      maxMinutes: 50,
      minSessions: 2,
      maxSessions: 6,
      minWeeks: 6,
      maxWeeks: 24,
      newInterventionWindowWeeks: 2.5,
      lessonTimeThresholdMinutes: 0,
    });
  });

  it.each<[string, unknown]>([
    ['blank', ''],
    ['spaces', '   '],
    ['words', 'forty'],
    ['a number with words', '45 minutes'],
    ['negative', -5],
    ['negative text', '-5'],
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
    ['true', true],
    ['a date', new Date(2026, 0, 1)],
    ['null', null],
  ])('uses the default when the value is %s', (_label, value) => {
    const read = practiceSettingsFrom(namesToValues({ maxMinutes: value, maxWeeks: value }));
    expect(read.maxMinutes).toBe(45);
    expect(read.maxWeeks).toBe(20);
  });

  it('uses the default pair when a minimum is above its maximum', () => {
    const read = practiceSettingsFrom(namesToValues({ minMinutes: 50, minSessions: 3 }));
    expect(read.minMinutes).toBe(15);
    expect(read.maxMinutes).toBe(45);
    const ok = practiceSettingsFrom(namesToValues({ minMinutes: 45 }));
    expect(ok.minMinutes).toBe(45);
  });
});

describe('interventionWarnings', () => {
  it('gives none for an intervention that follows every rule', () => {
    expect(interventionWarnings(intervention(), interventionContext())).toEqual([]);
  });

  describe('session length', () => {
    it.each([15, 30, 45])('accepts sessions of %i minutes', (minutes) => {
      expect(warningsOf('session-length', intervention({ minutesPerSession: minutes }))).toEqual(
        [],
      );
    });

    it('warns about a session 1 minute too long, naming the numbers', () => {
      expect(messageOf('session-length', intervention({ minutesPerSession: 46 }))).toBe(
        'Sessions of 46 minutes are longer than the 15–45 minutes the EEF recommends for TA-led interventions: pupils lose focus and miss more lessons.',
      );
    });

    it('warns about a session 1 minute too short', () => {
      expect(messageOf('session-length', intervention({ minutesPerSession: 14 }))).toBe(
        'Sessions of 14 minutes are shorter than the 15–45 minutes the EEF recommends for TA-led interventions: too short for the structured practice that makes interventions work.',
      );
    });

    it('says "1 minute", not "1 minutes"', () => {
      expect(messageOf('session-length', intervention({ minutesPerSession: 1 }))).toMatch(
        /^Sessions of 1 minute are shorter/,
      );
    });

    it.each(['Teacher', 'SENCo', 'External', ''])(
      'does not call the guidance "for TA-led interventions" when the lead is %p',
      (role) => {
        const context = interventionContext({ staff: [{ ...jodie, role }] });
        expect(messageOf('session-length', intervention({ minutesPerSession: 60 }), context)).toBe(
          'Sessions of 60 minutes are longer than the 15–45 minutes the EEF recommends for structured interventions: pupils lose focus and miss more lessons.',
        );
      },
    );

    it('says "for TA-led interventions" for a TA lead however the role is typed', () => {
      const context = interventionContext({ staff: [{ ...jodie, role: ' ta ' }] });
      expect(messageOf('session-length', intervention({ minutesPerSession: 10 }), context)).toMatch(
        /the EEF recommends for TA-led interventions/,
      );
    });

    it('finds the lead\'s role by name as reminders do, ignoring "(role)", case and accents', () => {
      const teacher = { name: 'Zoë Price', trainedIn: 'Precision teaching', role: 'Teacher' };
      const context = interventionContext({ staff: [teacher] });
      const i = intervention({ lead: 'zoe price (class teacher)', minutesPerSession: 60 });
      expect(messageOf('session-length', i, context)).toMatch(/for structured interventions/);
    });

    it('says nothing when the minutes are not set', () => {
      expect(warningsOf('session-length', intervention({ minutesPerSession: undefined }))).toEqual(
        [],
      );
    });

    it('moves the bounds with the Settings tab, and says where they come from', () => {
      const context = interventionContext({
        settings: practiceSettingsFrom({ 'Maximum minutes per session': 60 }),
      });
      expect(
        warningsOf('session-length', intervention({ minutesPerSession: 60 }), context),
      ).toEqual([]);
      expect(messageOf('session-length', intervention({ minutesPerSession: 61 }), context)).toBe(
        'Sessions of 61 minutes are longer than the 15–60 minutes set on the Settings tab: pupils lose focus and miss more lessons.',
      );
    });
  });

  describe('sessions a week', () => {
    it.each([3, 4, 5])('accepts %i sessions a week', (sessions) => {
      expect(warningsOf('sessions-per-week', intervention({ sessionsPerWeek: sessions }))).toEqual(
        [],
      );
    });

    it('says "once a week"', () => {
      expect(messageOf('sessions-per-week', intervention({ sessionsPerWeek: 1 }))).toBe(
        'Once a week is less than the 3–5 sessions a week the EEF recommends: gains fade between sessions.',
      );
    });

    it('says "2 sessions a week"', () => {
      expect(messageOf('sessions-per-week', intervention({ sessionsPerWeek: 2 }))).toBe(
        '2 sessions a week is less than the 3–5 sessions a week the EEF recommends: gains fade between sessions.',
      );
    });

    it('warns about more sessions than the maximum', () => {
      expect(messageOf('sessions-per-week', intervention({ sessionsPerWeek: 6 }))).toBe(
        '6 sessions a week is more than the 3–5 sessions a week the EEF recommends: more than 5 a week takes a lot of lesson time.',
      );
    });

    it('moves the bounds with the Settings tab', () => {
      const context = interventionContext({
        settings: practiceSettingsFrom({ 'Minimum sessions per week': 1 }),
      });
      expect(
        warningsOf('sessions-per-week', intervention({ sessionsPerWeek: 1 }), context),
      ).toEqual([]);
      expect(messageOf('sessions-per-week', intervention({ sessionsPerWeek: 7 }), context)).toBe(
        '7 sessions a week is more than the 1–5 sessions a week set on the Settings tab: more than 5 a week takes a lot of lesson time.',
      );
    });
  });

  describe('programme length', () => {
    it.each([8, 12, 20])('accepts %i weeks', (weeks) => {
      const warnings = interventionWarnings(
        intervention({ lengthWeeks: weeks }),
        interventionContext(),
      );
      expect(kinds(warnings)).toEqual([]);
    });

    it('warns about a programme longer than the maximum', () => {
      expect(messageOf('programme-length', intervention({ lengthWeeks: 26 }))).toBe(
        '26 weeks is longer than the 8–20 weeks the EEF recommends: impact is highest for programmes of 12 to 20 weeks, so review whether it is still needed.',
      );
      expect(warningsOf('programme-length', intervention({ lengthWeeks: 21 }))).toHaveLength(1);
    });

    it('warns about a programme shorter than the minimum', () => {
      expect(messageOf('programme-length', intervention({ lengthWeeks: 6 }))).toBe(
        '6 weeks is shorter than the 8–20 weeks the EEF recommends: too short to show measurable progress.',
      );
      expect(messageOf('programme-length', intervention({ lengthWeeks: 1 }))).toMatch(
        /^1 week is shorter/,
      );
      expect(warningsOf('programme-length', intervention({ lengthWeeks: 7 }))).toHaveLength(1);
    });

    it('moves the bounds with the Settings tab', () => {
      const context = interventionContext({
        settings: practiceSettingsFrom({ 'Minimum weeks': '6', 'Maximum weeks': '30' }),
      });
      expect(warningsOf('programme-length', intervention({ lengthWeeks: 26 }), context)).toEqual(
        [],
      );
      expect(messageOf('programme-length', intervention({ lengthWeeks: 5 }), context)).toMatch(
        /^5 weeks is shorter than the 6–30 weeks set on the Settings tab/,
      );
    });
  });

  describe('not time-limited', () => {
    it.each([undefined, 0])('warns when the length is %p', (weeks) => {
      const warnings = interventionWarnings(
        intervention({ lengthWeeks: weeks }),
        interventionContext(),
      );
      expect(warnings).toEqual([
        {
          kind: 'not-time-limited',
          message:
            'No length is set: an intervention must be time-limited, with an end date, never left to run indefinitely.',
        },
      ]);
    });
  });

  describe('evidence', () => {
    const noEvidence = (i: InterventionFacts, entries: LibraryFacts[] = []) =>
      warningsOf('no-evidence', i, interventionContext({ library: entries }));

    it('warns when there is no rationale and no library entry', () => {
      expect(noEvidence(intervention({ rationale: '' }))).toEqual([
        {
          kind: 'no-evidence',
          message:
            "No rationale or evidence base is recorded: say why this intervention was chosen and what evidence supports it, so it does not stay only because 'we always have'.",
        },
      ]);
      expect(noEvidence(intervention({ rationale: '  \n ' }))).toHaveLength(1);
    });

    it("accepts the library entry's evidence link or note instead of a rationale", () => {
      const linked = intervention({ rationale: '', provisionId: 'PRV-1' });
      expect(noEvidence(linked, [library({ evidenceLink: 'https://eef.org.uk/x' })])).toEqual([]);
      expect(noEvidence(linked, [library({ evidenceNote: 'EEF: +4 months' })])).toEqual([]);
    });

    it('warns when the library entry has no evidence, or the link leads nowhere', () => {
      const linked = intervention({ rationale: '', provisionId: 'PRV-1' });
      expect(noEvidence(linked, [library()])).toHaveLength(1);
      const evidenced = library({ id: 'PRV-2', evidenceNote: 'EEF: +4 months' });
      expect(noEvidence(linked, [evidenced])).toHaveLength(1);
    });
  });

  describe('staff training', () => {
    const training = (i: InterventionFacts, staff: StaffFacts[], entries: LibraryFacts[] = []) =>
      warningsOf('staff-not-trained', i, interventionContext({ staff, library: entries }));

    it('warns when the lead has no recorded training in the programme', () => {
      const untrained = { name: 'Jodie Brackett', trainedIn: 'ELSA;\nLego therapy, Boxall' };
      expect(training(intervention(), [untrained])).toEqual([
        {
          kind: 'staff-not-trained',
          message:
            'Jodie Brackett (lead) has no recorded training in Precision teaching: spelling: record it on the Staff tab, or arrange training.',
        },
      ]);
    });

    it.each([
      ['a shorter item', 'ELSA; Precision teaching'],
      ['a longer item', 'Precision Teaching: spelling (level 2)'],
      ['the same words in another case', 'PRECISION TEACHING - SPELLING'],
      ['the code', 'Boxall\nPT-SP'],
    ])('accepts training recorded as %s', (_label, trainedIn) => {
      expect(training(intervention(), [{ name: 'Jodie Brackett', trainedIn }])).toEqual([]);
    });

    it("accepts training in the library entry's programme", () => {
      const i = intervention({ name: 'Spelling group', code: '', provisionId: 'PRV-1' });
      const staff = [{ name: 'Jodie Brackett', trainedIn: 'Precision teaching' }];
      expect(training(i, staff, [library()])).toEqual([]);
      expect(training(i, staff, [])).toHaveLength(1);
    });

    it('matches whole words only', () => {
      const i = intervention({ name: 'Spelling group', code: 'ELS' });
      expect(training(i, [{ name: 'Jodie Brackett', trainedIn: 'ELSA support' }])).toHaveLength(1);
    });

    it('finds the lead on the staff list whatever the case and spacing', () => {
      const untrained = [{ name: 'Jodie Brackett', trainedIn: '' }];
      expect(training(intervention({ lead: ' jodie  BRACKETT ' }), untrained)).toHaveLength(1);
    });

    it('says nothing when the lead is not on the staff list', () => {
      expect(training(intervention({ lead: 'Visiting SALT' }), [jodie])).toEqual([]);
    });

    it.each(['', 'None', 'no'])(
      'says nothing when the library entry says training needed is %p',
      (needed) => {
        const i = intervention({ name: 'Spelling group', code: '', provisionId: 'PRV-1' });
        const staff = [{ name: 'Jodie Brackett', trainedIn: '' }];
        expect(training(i, staff, [library({ trainingNeeded: needed })])).toEqual([]);
        expect(training(i, staff, [library({ trainingNeeded: 'Half-day course' })])).toHaveLength(
          1,
        );
      },
    );

    it('checks the supporters found on the staff list', () => {
      const staff = [
        jodie,
        { name: 'Sam Lee', trainedIn: 'Lego therapy' },
        { name: 'Priya Shah', trainedIn: 'Precision teaching' },
        { name: 'Anders Holt', trainedIn: '' },
      ];
      const i = intervention({ supportedBy: 'Sam Lee and Priya Shah; Visiting SALT, anders holt' });
      expect(training(i, staff).map((w) => w.message)).toEqual([
        'Sam Lee (supporting) has no recorded training in Precision teaching: spelling: record it on the Staff tab, or arrange training.',
        'Anders Holt (supporting) has no recorded training in Precision teaching: spelling: record it on the Staff tab, or arrange training.',
      ]);
    });

    it('names a lead who also supports only once', () => {
      const untrained = [{ name: 'Jodie Brackett', trainedIn: '' }];
      const i = intervention({ supportedBy: 'Jodie Brackett' });
      expect(training(i, untrained).map((w) => w.message)).toEqual([
        expect.stringMatching(/^Jodie Brackett \(lead\)/),
      ]);
    });
  });
});

describe('participants', () => {
  const phonics = intervention({
    id: 'INT-PH',
    name: 'Phonics catch-up',
    startDate: START,
    lengthWeeks: 10,
    sessionsPerWeek: 3,
    minutesPerSession: 20,
  });
  const spelling = intervention({
    id: 'INT-SP',
    name: 'Precision teaching: spelling',
    startDate: addWeeks(START, 2),
    lengthWeeks: 10,
    sessionsPerWeek: 2,
    minutesPerSession: 15,
  });
  const lego = intervention({ id: 'INT-LG', name: 'Lego therapy', startDate: addWeeks(START, 3) });

  function place(overrides: Partial<ParticipantFacts> = {}): ParticipantFacts {
    return {
      id: 'PAR-1',
      interventionId: phonics.id,
      pupilId: 'PUP-AVA',
      status: 'Started',
      startDate: undefined,
      lessonMissed: 'Maths',
      ...overrides,
    };
  }

  function participantContext(
    participants: ParticipantFacts[],
    overrides: Partial<ParticipantContext> = {},
  ): ParticipantContext {
    return {
      settings,
      interventions: [phonics, spelling, lego],
      participants,
      today: addWeeks(START, 3),
      ...overrides,
    };
  }

  describe('several new interventions', () => {
    const several = (participant: ParticipantFacts, context: ParticipantContext) =>
      participantWarnings(participant, context).filter(
        (w) => w.kind === 'several-new-interventions',
      );

    it('warns when another starts within the window, naming both', () => {
      const ava = place();
      const other = place({ id: 'PAR-2', interventionId: spelling.id, lessonMissed: 'English' });
      expect(several(ava, participantContext([ava, other]))).toEqual([
        {
          kind: 'several-new-interventions',
          message:
            'This pupil starts 2 new interventions within 4 weeks (Phonics catch-up and Precision teaching: spelling): where possible start one at a time, so you can tell which one worked.',
        },
      ]);
    });

    it('counts exactly the window, on either side, but not a day more', () => {
      const ava = place({ startDate: START });
      const at = (startDate: Date) =>
        several(
          ava,
          participantContext([ava, place({ id: 'PAR-2', interventionId: lego.id, startDate })]),
        );
      expect(at(addWeeks(START, 4))).toHaveLength(1);
      expect(at(addWeeks(START, -4))).toHaveLength(1);
      expect(at(addDays(addWeeks(START, 4), 1))).toEqual([]);
      expect(at(addDays(addWeeks(START, -4), -1))).toEqual([]);
    });

    it("uses the pupil's own start date over the intervention's", () => {
      const ava = place();
      const late = place({
        id: 'PAR-2',
        interventionId: spelling.id,
        startDate: addWeeks(START, 6),
      });
      expect(several(ava, participantContext([ava, late]))).toEqual([]);
      const joinsLate = place({ startDate: addWeeks(START, 7) });
      const other = place({ id: 'PAR-2', interventionId: spelling.id });
      expect(several(joinsLate, participantContext([joinsLate, other]))).toEqual([]);
    });

    it('moves the window with the Settings tab', () => {
      const ava = place();
      const other = place({ id: 'PAR-2', interventionId: spelling.id });
      const context = participantContext([ava, other], {
        settings: practiceSettingsFrom({ 'New interventions window (weeks)': 1 }),
      });
      expect(several(ava, context)).toEqual([]);
      const wider = participantContext([ava, other], {
        settings: practiceSettingsFrom({ 'New interventions window (weeks)': 2 }),
      });
      expect(several(ava, wider)[0]?.message).toContain('within 2 weeks');
    });

    it('lists three interventions, and counts an unsaved place', () => {
      const unsaved = place({ id: '', interventionId: lego.id });
      const saved = [place(), place({ id: 'PAR-2', interventionId: spelling.id })];
      expect(several(unsaved, participantContext(saved))[0]?.message).toContain(
        'starts 3 new interventions within 4 weeks (Lego therapy, Phonics catch-up and Precision teaching: spelling)',
      );
    });

    it('ignores removed places, other pupils and the place itself', () => {
      const ava = place();
      const others = [
        place({ id: 'PAR-2', interventionId: spelling.id, status: 'Removed' }),
        place({ id: 'PAR-3', interventionId: lego.id, pupilId: 'PUP-BEN' }),
        place({ id: 'PAR-1', status: 'Planned' }),
      ];
      expect(several(ava, participantContext([ava, ...others]))).toEqual([]);
    });
  });

  describe('lesson time lost', () => {
    const lost = (participant: ParticipantFacts, context: ParticipantContext) =>
      participantWarnings(participant, context).filter((w) => w.kind === 'lesson-time-lost');

    it('totals the minutes a week per subject, most first', () => {
      const places = [
        place({ id: 'PAR-3', interventionId: lego.id, lessonMissed: 'Art and design' }),
        place(),
        place({ id: 'PAR-4', interventionId: lego.id, pupilId: 'PUP-BEN' }),
        place({ id: 'PAR-2', interventionId: spelling.id }),
      ];
      expect(lessonTimeLostBySubject('PUP-AVA', participantContext(places))).toEqual([
        {
          subject: 'Maths',
          minutesPerWeek: 90,
          interventions: ['Phonics catch-up', 'Precision teaching: spelling'],
        },
        { subject: 'Art and design', minutesPerWeek: 60, interventions: ['Lego therapy'] },
      ]);
    });

    it.each([
      ['finished', { status: 'Finished' }],
      ['stopped', { status: 'Stopped' }],
      ['removed', { status: 'Removed' }],
      ['without a lesson', { lessonMissed: '' }],
      ['before or after school', { lessonMissed: 'Before or after school' }],
      ['at break or lunchtime', { lessonMissed: 'Break or lunchtime' }],
    ])('leaves out a place: %s', (_label, overrides: Partial<ParticipantFacts>) => {
      const places = [place(), place({ id: 'PAR-2', interventionId: spelling.id, ...overrides })];
      expect(lessonTimeLostBySubject('PUP-AVA', participantContext(places))).toEqual([
        { subject: 'Maths', minutesPerWeek: 60, interventions: ['Phonics catch-up'] },
      ]);
    });

    it('counts a pupil listed twice in one intervention once', () => {
      const places = [place(), place({ id: 'PAR-2' })];
      expect(lessonTimeLostBySubject('PUP-AVA', participantContext(places))).toEqual([
        { subject: 'Maths', minutesPerWeek: 60, interventions: ['Phonics catch-up'] },
      ]);
    });

    it('counts an intervention past its planned weeks while it is still running', () => {
      const places = [place(), place({ id: 'PAR-2', interventionId: spelling.id })];
      const running = participantContext(places, {
        interventions: [{ ...phonics, status: 'Running' }, spelling],
        today: addWeeks(START, 30),
      });
      expect(lessonTimeLostBySubject('PUP-AVA', running)[0]?.minutesPerWeek).toBe(90);
    });

    it.each(['Finished', 'Stopped', 'stopped '])(
      'leaves out a place in an intervention that is %p',
      (status) => {
        const places = [place(), place({ id: 'PAR-2', interventionId: spelling.id })];
        const context = participantContext(places, {
          interventions: [
            { ...phonics, status },
            { ...spelling, status: 'Planned' },
          ],
        });
        expect(lessonTimeLostBySubject('PUP-AVA', context)).toEqual([
          { subject: 'Maths', minutesPerWeek: 30, interventions: ['Precision teaching: spelling'] },
        ]);
      },
    );

    it('gives the warning the same total the profile shows: 5 × 10 + 3 × 30 = 140 minutes', () => {
      const short = intervention({ id: 'INT-A', name: 'Number bonds', sessionsPerWeek: 5 });
      const long = intervention({ id: 'INT-B', name: 'Times tables club', sessionsPerWeek: 3 });
      const a = place({ id: 'PAR-A', interventionId: 'INT-A' });
      const b = place({ id: 'PAR-B', interventionId: 'INT-B', status: 'Planned' });
      const context = participantContext([a, b], {
        interventions: [
          { ...short, minutesPerSession: 10, lengthWeeks: 6, status: 'Running' },
          { ...long, minutesPerSession: 30, status: 'Planned' },
        ],
        // Number bonds' 6 weeks are over, but its end review is still to come.
        today: addWeeks(START, 9),
      });
      const [maths] = lessonTimeLostBySubject('PUP-AVA', context);
      expect(maths?.minutesPerWeek).toBe(140);
      for (const own of [a, b]) {
        expect(lost(own, context)[0]?.message).toBe(
          'This pupil would miss 140 minutes of Maths a week across 2 interventions (more than 60): what are they losing? Consider taking sessions from a different lesson.',
        );
      }
    });

    it('warns when the total for the subject is above the threshold', () => {
      const ava = place();
      const other = place({ id: 'PAR-2', interventionId: spelling.id });
      const context = participantContext([ava, other]);
      expect(lost(ava, context)).toEqual([
        {
          kind: 'lesson-time-lost',
          message:
            'This pupil would miss 90 minutes of Maths a week across 2 interventions (more than 60): what are they losing? Consider taking sessions from a different lesson.',
        },
      ]);
    });

    it('says nothing at exactly the threshold', () => {
      const ava = place();
      expect(lost(ava, participantContext([ava]))).toEqual([]);
    });

    it('moves the threshold with the Settings tab, and counts an unsaved place', () => {
      const unsaved = place({ id: '' });
      const context = participantContext([], {
        settings: { ...settings, lessonTimeThresholdMinutes: 45 },
      });
      expect(lost(unsaved, context)[0]?.message).toBe(
        'This pupil would miss 60 minutes of Maths a week in 1 intervention (more than 45): what are they losing? Consider taking sessions from a different lesson.',
      );
    });

    it("counts the edited place, not its saved row, and only the place's own subject", () => {
      const saved = place({ lessonMissed: 'English' });
      const other = place({ id: 'PAR-2', interventionId: spelling.id });
      const context = participantContext([saved, other]);
      expect(lost(saved, context)).toEqual([]);
      expect(lost(place(), context)).toHaveLength(1);
    });

    it('says nothing for a place that no longer takes lesson time', () => {
      const finished = place({ status: 'Finished' });
      const other = place({ id: 'PAR-2', interventionId: spelling.id });
      const context = participantContext([finished, other]);
      expect(lost(finished, context)).toEqual([]);
    });
  });
});

describe('formatWarnings', () => {
  it('is empty when there are no warnings', () => {
    expect(formatWarnings([])).toBe('');
  });

  it('puts each warning on its own line behind a bullet', () => {
    const text = formatWarnings([
      { kind: 'no-evidence', message: 'First.' },
      { kind: 'session-length', message: 'Second.' },
    ]);
    expect(text).toBe('• First.\n• Second.');
  });
});

describe('WARNING_KINDS', () => {
  it('gives every kind a short title', () => {
    expect(Object.keys(WARNING_KINDS).sort()).toEqual([
      'lesson-time-lost',
      'no-evidence',
      'not-time-limited',
      'programme-length',
      'session-length',
      'sessions-per-week',
      'several-new-interventions',
      'staff-not-trained',
      'unknown-staff',
    ]);
    for (const title of Object.values(WARNING_KINDS)) {
      expect(title).toMatch(/^[A-Z][a-z ]{3,29}$/);
    }
  });
});
