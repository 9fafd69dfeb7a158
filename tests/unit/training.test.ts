import {
  isTrainedIn,
  programmeNames,
  programmeWords,
  sameProgramme,
  trainedInItems,
  withProgramme,
} from '../../src/domain/training';
import {
  DEFAULT_PRACTICE_SETTINGS,
  interventionWarnings,
  type InterventionFacts,
  type LibraryFacts,
  type StaffFacts,
} from '../../src/domain/warnings';

function intervention(overrides: Partial<InterventionFacts> = {}): InterventionFacts {
  return {
    id: 'INT-1',
    name: 'Emotional literacy support (1:1)',
    code: 'SEMH-EL1',
    lead: 'Elin Carraway',
    supportedBy: '',
    lengthWeeks: 12,
    sessionsPerWeek: 3,
    minutesPerSession: 30,
    startDate: new Date(2026, 8, 14),
    rationale: 'Feelings check-ins help her settle in the mornings.',
    provisionId: '',
    ...overrides,
  };
}

const entry: LibraryFacts = {
  id: 'PRV-0006',
  name: 'Emotional literacy support',
  evidenceLink: '',
  evidenceNote: '',
  trainingNeeded: 'ELSA training (6 days)',
};

function warnings(
  i: InterventionFacts,
  staff: StaffFacts[],
  library: LibraryFacts[] = [],
  kind = 'staff-not-trained',
): string[] {
  return interventionWarnings(i, { settings: DEFAULT_PRACTICE_SETTINGS, staff, library })
    .filter((w) => w.kind === kind)
    .map((w) => w.message);
}

describe('the words that name a programme', () => {
  it('drops case, punctuation, accents, what is in brackets and small words', () => {
    expect(programmeWords('Language for learning group (vocabulary and narrative)')).toEqual([
      'language',
      'learning',
      'group',
    ]);
    expect(programmeWords('Précision Teaching: SPELLING')).toEqual([
      'precision',
      'teaching',
      'spelling',
    ]);
    expect(programmeWords('Fine motor skills group ("Busy fingers")')).toEqual([
      'fine',
      'motor',
      'skills',
      'group',
    ]);
  });

  it('keeps what is in brackets when that is all there is, and small words when only they are', () => {
    expect(programmeWords('(ELSA)')).toEqual(['elsa']);
    expect(programmeWords('On and on')).toEqual(['on', 'and', 'on']);
  });
});

describe('sameProgramme', () => {
  it.each([
    ['Emotional literacy (1:1)', 'Emotional literacy support (1:1)'],
    ['Language group', 'Language for learning group'],
    ['Language group', 'Language for learning group (vocabulary and narrative)'],
    ['Emotional literacy support (ELSA)', 'Emotional literacy support (1:1)'],
    ['Precision teaching', 'Precision teaching: spelling'],
    ['PRECISION TEACHING - SPELLING', 'Precision teaching: spelling'],
    ['Speech and language therapy (HCPC registered)', 'Speech and language therapy (1:1)'],
    ['Phonics catch-up', 'Phonics catch-up (Phase 3 and 4 recap)'],
    ['Lego therapy', 'Lego-based therapy'],
    ['Social skills group', 'Friendship and social skills group'],
    ['Talk Boost', 'KS1 Talk Boost'],
    ['Boxall', 'Boxall Profile'],
    ['ELSA', 'ELSA'],
  ])('"%s" is the same programme as "%s"', (a, b) => {
    expect(sameProgramme(a, b)).toBe(true);
    expect(sameProgramme(b, a)).toBe(true);
  });

  it.each([
    ['Social skills group', 'Fine motor skills group'],
    ['Language group', 'Social skills group'],
    ['Reading fluency', 'Reading comprehension software'],
    ['Spelling', 'Precision teaching: spelling'],
    ['Maths manipulatives', 'Number sense group (concrete maths resources)'],
    ['Group', 'Language for learning group'],
    ['Maths', 'Number sense group (concrete maths resources)'],
    ['Emotional literacy', 'Literacy support'],
    ['Catch-up phonics', 'Phonics catch-up'],
    ['', 'Phonics catch-up'],
  ])('"%s" is not "%s"', (a, b) => {
    expect(sameProgramme(a, b)).toBe(false);
    expect(sameProgramme(b, a)).toBe(false);
  });
});

describe('isTrainedIn', () => {
  const programme = {
    names: ['Precision teaching: spelling', 'Precision teaching'],
    codes: ['PT-SP', 'PRV-0001'],
  };

  it("matches the intervention's code or its library entry's ID, ignoring case and punctuation", () => {
    expect(isTrainedIn('Boxall\npt sp', programme)).toBe(true);
    expect(isTrainedIn('prv-0001', programme)).toBe(true);
    expect(isTrainedIn('PT', programme)).toBe(false);
    expect(isTrainedIn('PRV-0002', programme)).toBe(false);
  });

  it('reads each item of the cell, split on commas, semicolons and new lines', () => {
    expect(isTrainedIn('Lego therapy, Boxall; Precision teaching', programme)).toBe(true);
    expect(isTrainedIn('Lego therapy, Boxall; ELSA', programme)).toBe(false);
  });
});

describe('trainedInItems', () => {
  it('splits on commas, semicolons and new lines, but not inside brackets', () => {
    expect(
      trainedInItems('Speech and language therapy (HCPC, band 6); Lego therapy,\n Boxall ,'),
    ).toEqual(['Speech and language therapy (HCPC, band 6)', 'Lego therapy', 'Boxall']);
  });
});

describe('the Staff training warning', () => {
  it('no longer flags Elin, trained in "Emotional literacy (1:1)", for "Emotional literacy support (1:1)"', () => {
    const elin = { name: 'Elin Carraway', trainedIn: 'Emotional literacy (1:1)', role: 'TA' };
    expect(warnings(intervention(), [elin])).toEqual([]);
  });

  it('no longer flags Sam, trained in "Language group", for "Language for learning group"', () => {
    const sam = { name: 'Sam Okonjo-Reed', trainedIn: 'Language group', role: 'TA' };
    const i = intervention({
      name: 'Language for learning group (vocabulary and narrative)',
      code: 'SLC-LG1',
      lead: 'Sam Okonjo-Reed',
    });
    expect(warnings(i, [sam])).toEqual([]);
  });

  it("accepts training named as the intervention's library entry, by name or by its ID", () => {
    const i = intervention({ name: 'Feelings club', code: '', provisionId: 'PRV-0006' });
    const byName = { name: 'Elin Carraway', trainedIn: 'Emotional literacy support' };
    const byId = { name: 'Elin Carraway', trainedIn: 'PRV-0006' };
    expect(warnings(i, [byName], [entry])).toEqual([]);
    expect(warnings(i, [byId], [entry])).toEqual([]);
    // Without the library entry, "Feelings club" is another programme.
    expect(warnings(i, [byName])).toHaveLength(1);
  });

  it('still flags training in an unrelated programme, naming it', () => {
    const sam = { name: 'Sam Okonjo-Reed', trainedIn: 'Social skills group', role: 'TA' };
    const i = intervention({
      name: 'Fine motor skills group',
      code: 'PD-FM1',
      lead: 'Sam Okonjo-Reed',
    });
    expect(warnings(i, [sam])).toEqual([
      'Sam Okonjo-Reed (lead) has no recorded training in Fine motor skills group: record it on the Staff tab, or arrange training.',
    ]);
  });

  it("asks for an external professional's qualification to be recorded, not for training", () => {
    const therapist = { name: 'Rhiannon Pryce', trainedIn: '', role: 'External' };
    const i = intervention({ name: 'Speech and language therapy', lead: 'Rhiannon Pryce' });
    expect(warnings(i, [therapist])).toEqual([
      'Rhiannon Pryce (lead) has no recorded training or qualification in Speech and language therapy: record it in "Trained in" on the Staff tab.',
    ]);
  });

  it('finds a supporter typed "Name (role)" on the Staff tab', () => {
    const elin = { name: 'Elin Carraway', trainedIn: 'Emotional literacy', role: 'TA' };
    const sam = { name: 'Sam Okonjo-Reed', trainedIn: 'Maths manipulatives', role: 'TA' };
    const i = intervention({ supportedBy: 'Sam Okonjo-Reed (TA)' });
    expect(warnings(i, [elin, sam])).toEqual([
      'Sam Okonjo-Reed (supporting) has no recorded training in Emotional literacy support (1:1): record it on the Staff tab, or arrange training.',
    ]);
  });
});

describe('names that match nobody on the Staff tab', () => {
  const staff: StaffFacts[] = [
    { name: 'Elin Carraway', trainedIn: 'Emotional literacy support', role: 'TA' },
    { name: 'Sam Okonjo-Reed', trainedIn: 'Emotional literacy support', role: 'TA' },
    { name: 'Zoë Price', trainedIn: 'Emotional literacy support', role: 'Teacher' },
  ];
  const unknown = (i: InterventionFacts, people = staff) =>
    warnings(i, people, [], 'unknown-staff');

  it('says nothing when everyone is matched, ignoring "(role)", case, spaces and accents', () => {
    const i = intervention({
      lead: ' elin  CARRAWAY ',
      supportedBy: 'Sam Okonjo-Reed (TA) and zoe price; Elin Carraway',
    });
    expect(unknown(i)).toEqual([]);
  });

  it('names one unknown supporter as typed and says what to do', () => {
    const i = intervention({ supportedBy: 'Sam Okonjo-Reeed (TA)' });
    expect(unknown(i)).toEqual([
      '"Sam Okonjo-Reeed (TA)" (supporting) is not on the Staff tab, so they get no reminders about this intervention\'s reviews and their time is left out of its cost: add them with the Staff form, or correct the spelling in Lead or Supported by. Someone from outside the school who should not be on the Staff tab can stay as typed.',
    ]);
  });

  it('names each unknown name once, the lead first, in one warning', () => {
    const i = intervention({
      lead: 'Ellen Carraway',
      supportedBy: 'Visiting SALT, Sam Okonjo-Reed & visiting salt',
    });
    const [message] = unknown(i);
    expect(message).toMatch(
      /^"Ellen Carraway" \(lead\) and "Visiting SALT" \(supporting\) are not on the Staff tab, so they get no reminders/,
    );
    expect(unknown(i)).toHaveLength(1);
  });

  it('says nothing about an empty Supported by', () => {
    expect(unknown(intervention({ supportedBy: ' ; , ' }))).toEqual([]);
  });
});

describe('picking programmes from the Provision library for "Trained in"', () => {
  it('offers each library name once, trimmed, by name', () => {
    expect(
      programmeNames(['Precision teaching', ' Language  group', 'precision teaching', '', 'ELSA']),
    ).toEqual(['ELSA', 'Language group', 'Precision teaching']);
  });

  it('adds a programme at the end, in the separator already used, keeping the text as typed', () => {
    expect(withProgramme('', 'Language group')).toBe('Language group');
    expect(withProgramme('Precision teaching, Lego therapy', 'Language group')).toBe(
      'Precision teaching, Lego therapy, Language group',
    );
    expect(withProgramme('Precision teaching; Lego therapy', 'Language group')).toBe(
      'Precision teaching; Lego therapy; Language group',
    );
    expect(withProgramme('Precision teaching;\n', 'Language group')).toBe(
      'Precision teaching; Language group',
    );
    expect(withProgramme('Boxall, ELSA', 'Reading, writing and spelling')).toBe(
      'Boxall, ELSA; Reading, writing and spelling',
    );
  });

  it('adds nothing when the programme is already there, whatever its case', () => {
    expect(withProgramme('Precision teaching; language GROUP', 'Language group')).toBe(
      'Precision teaching; language GROUP',
    );
    expect(withProgramme('Boxall', '  ')).toBe('Boxall');
  });
});
