import { validateIntervention } from '../../src/domain/intervention';
import {
  EVIDENCE_STRENGTHS,
  LIBRARY_COLUMNS,
  LIBRARY_LABELS,
  NEED_CHOICES,
  evidenceRationale,
  interventionPrefill,
  libraryFormFrom,
  librarySchema,
  normaliseNeed,
  normaliseStrength,
  validateLibraryEntry,
  type LibraryForm,
  type LibraryRecord,
} from '../../src/domain/library';
import {
  STAFF_COLUMNS,
  STAFF_LABELS,
  sencoWarnings,
  staffChoiceLabel,
  staffFormFrom,
  staffSchema,
  validateStaffMember,
  type StaffForm,
} from '../../src/domain/staff';
import { formatPounds, isWebAddress, type CellReader } from '../../src/domain/record-fields';
import { TABS } from '../../src/domain/workbook';

const person: StaffForm = {
  name: 'Mr Tom Reed',
  email: 'treed@school.example',
  role: 'TA',
  hourlyCost: '18.50',
  trainedIn: 'Precision teaching, Lego therapy',
};

const entry: LibraryForm = {
  name: 'Precision teaching',
  areaOfNeed: 'SPLD',
  evidenceLink: 'https://educationendowmentfoundation.org.uk/toolkit',
  evidenceNote: 'EEF: TA-led structured interventions add about 4 months',
  evidenceStrength: 'Moderate',
  minutesPerSession: '20',
  sessionsPerWeek: '3',
  lengthWeeks: '12',
  resourceCost: '45',
  usualGroupSize: '4',
  trainingNeeded: 'None',
};

function errorsOf(result: { ok: boolean; errors?: Record<string, string> }) {
  return result.ok ? {} : (result.errors ?? {});
}

/** A read row over a plain object keyed by header. */
function rowOf(id: string, cells: Record<string, unknown>): CellReader {
  return {
    id,
    text: (h) => (cells[h] === undefined ? '' : String(cells[h]).trim()),
    number: (h) => {
      const v = cells[h];
      if (typeof v === 'number') return v;
      return typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
        ? Number(v)
        : undefined;
    },
  };
}

describe('the staff schema', () => {
  it('accepts a complete person and turns the cost into pounds and pence', () => {
    const result = validateStaffMember(person);
    expect(result).toEqual({
      ok: true,
      value: { ...person, hourlyCost: 18.5 },
    });
  });

  it('leaves the hourly cost and training optional', () => {
    const result = validateStaffMember({ ...person, hourlyCost: '  ', trainedIn: '' });
    expect(result.ok && result.value.hourlyCost).toBeUndefined();
    expect(result.ok && result.value.trainedIn).toBe('');
  });

  it.each([
    ['£18.50', 18.5],
    ['18', 18],
    ['0', 0],
    ['1,000', 1000],
    [' 12.3 ', 12.3],
    [22.75, 22.75],
  ])('reads an hourly cost typed as %p', (typed, pounds) => {
    const result = validateStaffMember({ ...person, hourlyCost: typed });
    expect(result.ok && result.value.hourlyCost).toBe(pounds);
  });

  it.each([
    ['abc', 'Hourly cost: enter an amount in pounds, like 18.50'],
    [
      '18.505',
      'Hourly cost: use pounds and pence, with at most 2 numbers after the point, like 18.50',
    ],
    ['1000.01', 'Hourly cost: enter an amount from £0.00 to £1,000.00'],
    ['-5', 'Hourly cost: enter an amount from £0.00 to £1,000.00'],
    ['=1+1', 'Hourly cost: enter an amount in pounds, like 18.50'],
  ])('refuses an hourly cost of %p, saying why', (typed, message) => {
    expect(errorsOf(validateStaffMember({ ...person, hourlyCost: typed }))).toEqual({
      hourlyCost: message,
    });
  });

  it('names each field that is wrong, in plain English', () => {
    const result = validateStaffMember({ name: ' ', email: '', role: 'Head', hourlyCost: '' });
    expect(errorsOf(result)).toEqual({
      name: 'Name: this is required',
      email: 'Email address: this is required',
      role: 'Role: choose one of SENCo, Teacher, TA, External',
    });
  });

  it.each(['treed', 'treed@school', 'tom reed@school.example', '@school.example', 'a@b@c.org'])(
    'refuses %p as an email address',
    (email) => {
      expect(errorsOf(validateStaffMember({ ...person, email }))).toEqual({
        email: 'Email address: enter a full email address, like name@school.org.uk',
      });
    },
  );

  it('accepts ordinary school addresses', () => {
    for (const email of ['t.reed@larkspur.sch.uk', 'SENCo+reviews@school.example']) {
      expect(validateStaffMember({ ...person, email }).ok).toBe(true);
    }
  });

  it('labels and stores every field, under headers the Staff tab has', () => {
    const fields = Object.keys(staffSchema.shape).sort();
    expect(Object.keys(STAFF_LABELS).sort()).toEqual(fields);
    expect(Object.keys(STAFF_COLUMNS).sort()).toEqual(fields);
    const headers = TABS.staff.columns.map((c) => c.header as string);
    for (const header of Object.values(STAFF_COLUMNS)) expect(headers).toContain(header);
  });

  it('offers a person by name and role', () => {
    expect(staffChoiceLabel('Ms Amara Okafor', 'SENCo')).toBe('Ms Amara Okafor (SENCo)');
    expect(staffChoiceLabel('', '')).toBe('No name yet');
  });

  it('fills the form from a row typed by hand: cost in pence, role in its list spelling', () => {
    const row = rowOf('STF-1', {
      Name: 'Ms Amara Okafor',
      Email: 'senco@school.example',
      Role: 'senco',
      'Hourly cost': 38.5,
      'Trained in': 'Boxall Profile',
    });
    expect(staffFormFrom(row)).toEqual({
      name: 'Ms Amara Okafor',
      email: 'senco@school.example',
      role: 'SENCo',
      hourlyCost: '38.50',
      trainedIn: 'Boxall Profile',
    });
  });
});

describe('money', () => {
  it('is shown in pounds and pence', () => {
    expect(formatPounds(18.5)).toBe('£18.50');
    expect(formatPounds(0)).toBe('£0.00');
    expect(formatPounds(100000)).toBe('£100,000.00');
  });
});

describe('the SENCo check (never a block)', () => {
  const amara = { name: 'Ms Amara Okafor', role: 'SENCo' };
  const tom = { name: 'Mr Tom Reed', role: 'TA' };

  it('says nothing while there is exactly one SENCo', () => {
    expect(sencoWarnings([amara, tom], [amara, tom, { name: 'New', role: 'TA' }], true)).toEqual(
      [],
    );
  });

  it('warns when a save makes a second SENCo, naming the one reminders go to', () => {
    expect(sencoWarnings([amara, tom], [amara, { ...tom, role: 'SENCo' }], false)).toEqual([
      'There are now 2 SENCos: reminders go to the first one listed on the Staff tab (Ms Amara Okafor). If that is not right, change the other roles.',
    ]);
  });

  it('warns when a save leaves no SENCo', () => {
    const [warning] = sencoWarnings([amara, tom], [{ ...amara, role: 'Teacher' }, tom], false);
    expect(warning).toMatch(/^There is now no SENCo on the Staff tab/);
  });

  it('warns when people are added and nobody is the SENCo yet', () => {
    expect(sencoWarnings([], [tom], true)).toHaveLength(1);
  });

  it('does not repeat a warning that an unrelated edit did not cause', () => {
    const two = [amara, { name: 'Ms B', role: 'SENCo' }, tom];
    expect(sencoWarnings(two, two, false)).toEqual([]);
  });
});

describe('the Provision library schema', () => {
  it('accepts a complete entry and turns typed numbers into numbers', () => {
    const result = validateLibraryEntry(entry);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toMatchObject({
        areaOfNeed: 'SPLD',
        minutesPerSession: 20,
        sessionsPerWeek: 3,
        lengthWeeks: 12,
        resourceCost: 45,
        usualGroupSize: 4,
      });
    }
  });

  it('needs only a name, an area of need and how strong the evidence is', () => {
    const result = validateLibraryEntry({
      name: 'Lego therapy',
      areaOfNeed: 'ASD',
      evidenceStrength: 'Not yet evaluated',
    });
    expect(result.ok).toBe(true);
    expect(errorsOf(validateLibraryEntry({}))).toEqual({
      name: 'Name of the provision: enter some text',
      areaOfNeed: 'Area of need: choose one from the list',
      evidenceStrength:
        'Evidence strength: choose one of Strong (several robust studies), Moderate, Limited, Not yet evaluated',
    });
  });

  it.each([
    'javascript:alert(1)',
    'ftp://files.example.org/study.pdf',
    'www.eef.org.uk',
    'https://',
    'https://eef org.uk/x',
    'file:///C:/study.pdf',
  ])('refuses %p as an evidence link', (evidenceLink) => {
    expect(errorsOf(validateLibraryEntry({ ...entry, evidenceLink }))).toEqual({
      evidenceLink:
        'Evidence link: enter a web address starting with https:// (or http://), like https://educationendowmentfoundation.org.uk',
    });
  });

  it('accepts http and https links, with paths and queries', () => {
    expect(isWebAddress('http://example.org')).toBe(true);
    expect(isWebAddress('https://www.eef.org.uk/toolkit?x=1#y')).toBe(true);
    expect(validateLibraryEntry({ ...entry, evidenceLink: '' }).ok).toBe(true);
  });

  it.each([
    [
      'minutesPerSession',
      '2',
      'Default minutes per session: enter a whole number from 5 to 240, or leave it blank',
    ],
    [
      'sessionsPerWeek',
      '2.5',
      'Default sessions per week: enter a whole number from 1 to 10, or leave it blank',
    ],
    [
      'lengthWeeks',
      '60',
      'Default length in weeks: enter a whole number from 1 to 52, or leave it blank',
    ],
    [
      'usualGroupSize',
      'six',
      'Usual group size: enter a whole number from 1 to 40, or leave it blank',
    ],
    ['resourceCost', '100001', 'Resource cost: enter an amount from £0.00 to £100,000.00'],
  ])('refuses a %s of %p', (field, typed, message) => {
    expect(errorsOf(validateLibraryEntry({ ...entry, [field]: typed }))).toEqual({
      [field]: message,
    });
  });

  it('shows each area of need with its words, storing the code', () => {
    expect(NEED_CHOICES).toContainEqual({
      value: 'SEMH',
      label: 'Social, emotional and mental health (SEMH)',
    });
    expect(normaliseNeed('spld')).toBe('SPLD');
    expect(normaliseNeed('Autistic spectrum disorder')).toBe('ASD');
    expect(normaliseStrength('strong')).toBe('Strong (several robust studies)');
    expect(normaliseStrength('moderate')).toBe('Moderate');
  });

  it('labels and stores every field, under headers the Provision library tab has', () => {
    const fields = Object.keys(librarySchema.shape).sort();
    expect(Object.keys(LIBRARY_LABELS).sort()).toEqual(fields);
    expect(Object.keys(LIBRARY_COLUMNS).sort()).toEqual(fields);
    const headers = TABS.provisionLibrary.columns.map((c) => c.header as string);
    for (const header of Object.values(LIBRARY_COLUMNS)) expect(headers).toContain(header);
    expect(EVIDENCE_STRENGTHS).toHaveLength(4);
  });

  it('fills the form from a row as stored', () => {
    const row = rowOf('PRV-1', {
      Name: 'Precision teaching',
      'Area of need': 'SPLD',
      'Evidence strength': 'Moderate',
      'Default weeks': 12,
      'Resource cost': 45,
      'Help at home': 'Practise the words on the card',
    });
    expect(libraryFormFrom(row)).toMatchObject({
      helpAtHome: 'Practise the words on the card',
      name: 'Precision teaching',
      areaOfNeed: 'SPLD',
      lengthWeeks: '12',
      resourceCost: '45.00',
      evidenceLink: '',
    });
  });
});

describe('starting an intervention from a library entry', () => {
  const record: LibraryRecord = {
    id: 'PRV-0001',
    name: 'Precision teaching',
    areaOfNeed: 'SPLD',
    evidenceLink: 'https://educationendowmentfoundation.org.uk/toolkit',
    evidenceNote: 'TA-led structured interventions add about 4 months',
    evidenceStrength: 'Moderate',
    minutesPerSession: 20,
    sessionsPerWeek: 3,
    lengthWeeks: 12,
    resourceCost: 45,
    usualGroupSize: 4,
    trainingNeeded: 'None',
    helpAtHome: '',
  };

  it('pre-fills the name, dosage, evidence, delivery and the entry it came from', () => {
    expect(interventionPrefill(record)).toEqual({
      provisionId: 'PRV-0001',
      name: 'Precision teaching',
      minutesPerSession: '20',
      sessionsPerWeek: '3',
      lengthWeeks: '12',
      rationale:
        'Evidence (moderate): TA-led structured interventions add about 4 months. See https://educationendowmentfoundation.org.uk/toolkit',
      delivery: 'Group',
    });
  });

  it('never pre-fills the Summary parents read with the entry’s internal fields', () => {
    const costly: LibraryRecord = {
      ...record,
      resourceCost: 45,
      usualGroupSize: 1,
      trainingNeeded: 'School phonics scheme training',
      helpAtHome: 'Read together every day',
    };
    const form = interventionPrefill(costly);
    expect(form.summary).toBeUndefined();
    expect(Object.values(form).join(' ')).not.toMatch(
      /Area of need|Specific learning|group of|one pupil|£|45|Training|phonics scheme|Read together/,
    );
  });

  it('gives a form the intervention schema accepts once the rest is filled in', () => {
    const result = validateIntervention({
      ...interventionPrefill(record),
      lead: 'Ms Amara Okafor',
      startDate: '2026-11-30',
      expectedOutcome: '8/10 in spelling tests',
    });
    expect(result.ok).toBe(true);
  });

  it('says Individual for a group of one, and leaves out what the entry does not know', () => {
    const sparse: LibraryRecord = {
      ...record,
      usualGroupSize: 1,
      minutesPerSession: undefined,
      sessionsPerWeek: 2.5,
      evidenceLink: 'javascript:alert(1)',
      evidenceNote: '',
      evidenceStrength: 'Strong (several robust studies)',
      trainingNeeded: 'Two-day course',
      resourceCost: undefined,
    };
    const form = interventionPrefill(sparse);
    expect(form.delivery).toBe('Individual');
    expect(form.minutesPerSession).toBeUndefined();
    expect(form.sessionsPerWeek).toBeUndefined();
    expect(form.rationale).toBe('Evidence (strong).');
    expect(form.summary).toBeUndefined();
  });

  it('writes no rationale when the entry records no evidence at all', () => {
    expect(
      evidenceRationale({ ...record, evidenceLink: '', evidenceNote: '', evidenceStrength: '' }),
    ).toBe('');
    expect(evidenceRationale({ ...record, evidenceStrength: '' })).toMatch(/^Evidence: TA-led/);
  });
});
