/**
 * The shape of the provision map workbook: one tab per record type, columns found by header name.
 * Pure data, shared by the set-up, the store, the trial's demo school and the tests.
 */

export const YEAR_GROUPS = [
  'Reception',
  'Year 1',
  'Year 2',
  'Year 3',
  'Year 4',
  'Year 5',
  'Year 6',
  'Year 7',
  'Year 8',
  'Year 9',
  'Year 10',
  'Year 11',
  'Year 12',
  'Year 13',
] as const;

export const SEN_STATUSES = ['SEN support', 'EHC plan'] as const;

/** The school census's primary types of need, with the words a parent or new teacher understands. */
export const NEED_CODES = {
  SPLD: 'Specific learning difficulty',
  MLD: 'Moderate learning difficulty',
  SLD: 'Severe learning difficulty',
  PMLD: 'Profound and multiple learning difficulty',
  SEMH: 'Social, emotional and mental health',
  SLCN: 'Speech, language and communication needs',
  HI: 'Hearing impairment',
  VI: 'Visual impairment',
  MSI: 'Multi-sensory impairment',
  PD: 'Physical disability',
  ASD: 'Autistic spectrum disorder',
  DS: 'Down syndrome',
  OTH: 'Other difficulty or disability',
  NSA: 'SEN support but no specialist assessment of type of need',
} as const;
export type NeedCode = keyof typeof NEED_CODES;
export const NEED_CODE_LIST = Object.keys(NEED_CODES) as NeedCode[];

export const STAFF_ROLES = ['SENCo', 'Teacher', 'TA', 'External'] as const;
export const DELIVERY_MODES = ['Group', 'Individual'] as const;
export const INTERVENTION_STATUSES = ['Planned', 'Running', 'Finished', 'Stopped'] as const;
/** A pupil's place in an intervention: started only once parents know (the consent gate). */
export const PARTICIPANT_STATUSES = [
  'Planned',
  'Started',
  'Finished',
  'Stopped',
  'Removed',
] as const;
export const PARENTS_INFORMED_HOW = [
  'Letter',
  'Meeting',
  'Phone call',
  'Email',
  'Parents evening',
  'Blanket consent',
] as const;
export const REVIEW_KINDS = ['Baseline', 'Mid-point', 'End', 'Extra'] as const;
export const REVIEW_STATUSES = ['Due', 'Done', 'Cancelled'] as const;
export const REVIEW_JUDGEMENTS = ['Working', 'Partly working', 'Not working'] as const;
export const FURTHER_ACTIONS = ['Continue', 'Change', 'Stop', 'New plan'] as const;
export const YES_NO = ['Yes', 'No'] as const;
/** The SENCo's decision about an intervention (the decision sidebar). */
export const DECISIONS = ['Continue', 'Change', 'Stop'] as const;
/** Whether a pupil reached their target. */
export const TARGET_MET = ['Yes', 'Partly', 'No'] as const;
/** The kinds of measure a school records results in (Settings tab, "Measure" rows). */
export const MEASURE_KINDS = [
  'Score out of',
  'Age in months',
  'Standardised score',
  'Count',
  'Percentage',
  'Rating 1 to 5',
  'Words only',
] as const;
export const BETTER_WHEN = ['Higher', 'Lower'] as const;

/** Lessons a session may be taken from (what the pupil misses). */
export const LESSONS = [
  'English',
  'Maths',
  'Science',
  'Art and design',
  'Computing',
  'Design and technology',
  'Geography',
  'History',
  'Languages',
  'Music',
  'PE',
  'PSHE',
  'RE',
  'Assembly',
  'Registration',
  'Break or lunchtime',
  'Before or after school',
] as const;

/** How a column's cells are validated in the sheet (dropdowns and the like). */
export type ColumnRule =
  | { kind: 'list'; values: readonly string[] }
  | { kind: 'staffName' }
  | { kind: 'date' }
  | { kind: 'number'; min: number; max: number };

export interface ColumnSpec {
  header: string;
  rule?: ColumnRule;
  /** Number format for the column, e.g. dates as dd/mm/yyyy. */
  format?: string;
  /** Help shown to staff on the header cell. */
  note?: string;
}

export interface TabSpec {
  name: string;
  /** The header of the stable ID column, and the prefix of the IDs in it. */
  idHeader?: string;
  idPrefix?: string;
  columns: readonly ColumnSpec[];
  /** The sheet row of the header (1 unless the tab has a title above its table). */
  headerRow?: number;
  /** A table of fixed size: only this many rows under the header are its records. */
  maxDataRows?: number;
}

const DATE = 'dd/mm/yyyy';
const MONEY = '£#,##0.00';
const COST_NOTE =
  'Staff time (sessions a week × minutes ÷ 60 × weeks × each person’s hourly cost on the Staff tab) plus other costs (written by the add-on)';
/** EEF Teaching and Learning Toolkit, "About the Toolkit: cost" (per pupil per year). */
const COST_BAND_NOTE =
  'The EEF Teaching and Learning Toolkit’s cost rating of the cost per pupil, per pupil per year: very low under £80, low up to £200, moderate up to £720, high up to £1,200, very high above (written by the add-on)';

export const TABS = {
  pupils: {
    name: 'Pupils',
    idHeader: 'Pupil ID',
    idPrefix: 'PUP',
    columns: [
      { header: 'Pupil ID' },
      { header: 'First name' },
      { header: 'Last name' },
      { header: 'Date of birth', rule: { kind: 'date' }, format: DATE },
      { header: 'Year group', rule: { kind: 'list', values: YEAR_GROUPS } },
      {
        header: 'Working at year group',
        rule: { kind: 'list', values: YEAR_GROUPS },
        note: 'Only when different from the year group',
      },
      { header: 'SEN status', rule: { kind: 'list', values: SEN_STATUSES } },
      { header: 'Primary need', rule: { kind: 'list', values: NEED_CODE_LIST } },
      { header: 'Secondary need', rule: { kind: 'list', values: NEED_CODE_LIST } },
      { header: 'Class teacher', rule: { kind: 'staffName' } },
      { header: 'UPN', note: 'Unique pupil number (optional)' },
    ],
  },
  staff: {
    name: 'Staff',
    idHeader: 'Staff ID',
    idPrefix: 'STF',
    columns: [
      { header: 'Staff ID' },
      { header: 'Name' },
      { header: 'Email' },
      { header: 'Role', rule: { kind: 'list', values: STAFF_ROLES } },
      { header: 'Hourly cost', rule: { kind: 'number', min: 0, max: 1000 }, format: MONEY },
      { header: 'Trained in', note: 'Programmes this person is trained to deliver' },
    ],
  },
  provisionLibrary: {
    name: 'Provision library',
    idHeader: 'Provision ID',
    idPrefix: 'PRV',
    columns: [
      { header: 'Provision ID' },
      { header: 'Name' },
      { header: 'Area of need', rule: { kind: 'list', values: NEED_CODE_LIST } },
      { header: 'Evidence link' },
      { header: 'Evidence note' },
      { header: 'Evidence strength' },
      { header: 'Default minutes per session', rule: { kind: 'number', min: 1, max: 240 } },
      { header: 'Default sessions per week', rule: { kind: 'number', min: 1, max: 10 } },
      { header: 'Default weeks', rule: { kind: 'number', min: 1, max: 52 } },
      { header: 'Resource cost', rule: { kind: 'number', min: 0, max: 100000 }, format: MONEY },
      { header: 'Usual group size', rule: { kind: 'number', min: 1, max: 40 } },
      { header: 'Training needed' },
      {
        header: 'Help at home',
        note: 'For parents, in plain words: what they can do at home to help. Letters to parents print it under "How you can help at home"; blank gives advice for the area of need',
      },
    ],
  },
  interventions: {
    name: 'Interventions',
    idHeader: 'Intervention ID',
    idPrefix: 'INT',
    columns: [
      { header: 'Intervention ID' },
      { header: 'Name' },
      { header: 'Code' },
      {
        header: 'Status',
        rule: { kind: 'list', values: INTERVENTION_STATUSES },
        note: 'Kept by the add-on: Planned until a pupil starts, Running while any pupil is started, Finished when every end review is recorded, Stopped when the SENCo stops it',
      },
      { header: 'Lead', rule: { kind: 'staffName' } },
      { header: 'Supported by' },
      { header: 'Group or individual', rule: { kind: 'list', values: DELIVERY_MODES } },
      { header: 'Start date', rule: { kind: 'date' }, format: DATE },
      { header: 'Length (weeks)', rule: { kind: 'number', min: 1, max: 52 } },
      { header: 'Sessions per week', rule: { kind: 'number', min: 1, max: 10 } },
      { header: 'Minutes per session', rule: { kind: 'number', min: 1, max: 240 } },
      { header: 'Location' },
      { header: 'Rationale and evidence' },
      { header: 'Expected outcome' },
      { header: 'Assessment methods' },
      { header: 'Summary' },
      { header: 'Published resources' },
      { header: 'Provision ID', note: 'The Provision library entry it started from, if any' },
      { header: 'Warnings', note: 'Good-practice warnings, written by the add-on' },
      {
        header: 'Needs decision',
        note: 'Why the SENCo must decide whether to change or stop it (from a mid-point review)',
      },
      {
        header: 'Decision',
        rule: { kind: 'list', values: DECISIONS },
        note: 'The SENCo’s decision, recorded with "Decide about interventions…"',
      },
      { header: 'Decision reason' },
      { header: 'Decided by' },
      { header: 'Decided on', rule: { kind: 'date' }, format: DATE },
      { header: 'Run again', rule: { kind: 'list', values: YES_NO } },
      { header: 'Change first' },
      { header: 'Staff training needs' },
      {
        header: 'Other costs',
        rule: { kind: 'number', min: 0, max: 100000 },
        format: MONEY,
        note: 'Licences and resources for the whole intervention (£). Starts as the Provision library entry’s resource cost; type 0 when there are none',
      },
      { header: 'Cost (planned)', format: MONEY, note: COST_NOTE },
      {
        header: 'Cost to date',
        format: MONEY,
        note: 'Staff time over the school weeks run so far (to the stop date of a stopped one), plus other costs (written by the add-on)',
      },
      {
        header: 'Cost per pupil',
        format: MONEY,
        note: 'Cost (planned; to date for a stopped one) ÷ pupils who took part (written by the add-on)',
      },
      { header: 'Cost band', note: COST_BAND_NOTE },
      {
        header: 'Cost leaves out',
        note: 'People whose time is not priced: not on the Staff tab, or no hourly cost there (written by the add-on)',
      },
      {
        header: 'Pupils with an outcome',
        note: 'Pupils whose end review gave an outcome score (written by the add-on)',
      },
      {
        header: 'Average outcome score',
        note: 'The average of their −2 … +2 outcome scores (written by the add-on)',
      },
      {
        header: 'Met target',
        note: 'Pupils who met their target, of those judged (written by the add-on)',
      },
      {
        header: 'Average ratio gain',
        note: 'Age measures: months gained ÷ months elapsed, averaged (written by the add-on)',
      },
      {
        header: 'Average score change',
        note: 'Standardised scores: points gained on average, with the EEF months of progress it is worth (written by the add-on)',
      },
      {
        header: 'Cost per pupil meeting target',
        format: MONEY,
        note: 'Cost ÷ pupils who met their target (written by the add-on)',
      },
      {
        header: 'Cost per unit of progress',
        note: 'Where the pupils share one measure: £ per month of reading age, per standardised point… (written by the add-on)',
      },
      { header: 'Created by' },
      { header: 'Created on', format: DATE },
    ],
  },
  participants: {
    name: 'Participants',
    idHeader: 'Participant ID',
    idPrefix: 'PAR',
    columns: [
      { header: 'Participant ID' },
      { header: 'Intervention ID' },
      { header: 'Pupil ID' },
      { header: 'Status', rule: { kind: 'list', values: PARTICIPANT_STATUSES } },
      { header: 'Start date', rule: { kind: 'date' }, format: DATE },
      { header: 'Parents informed on', rule: { kind: 'date' }, format: DATE },
      { header: 'Parents informed how', rule: { kind: 'list', values: PARENTS_INFORMED_HOW } },
      {
        header: 'Parents not informed because',
        note: 'Only when parents were not told directly',
      },
      { header: 'Baseline' },
      { header: 'Baseline measure', note: 'One of the measures on the Settings tab' },
      { header: 'Baseline date', rule: { kind: 'date' }, format: DATE },
      { header: 'Target', note: 'SMART: specific, measurable, achievable, relevant, time-bound' },
      { header: 'Lesson missed', rule: { kind: 'list', values: LESSONS } },
      { header: 'Actual' },
      { header: 'Actual date', rule: { kind: 'date' }, format: DATE },
      {
        header: 'Baseline value',
        note: 'The baseline as a number in its measure (written by the add-on)',
      },
      {
        header: 'Target value',
        note: 'The target as a number in its measure (written by the add-on)',
      },
      {
        header: 'Actual value',
        note: 'The end result as a number in its measure (written by the add-on)',
      },
      {
        header: 'Outcome score',
        note: '−2 significantly less than expected … +2 significantly more than expected (Settings tab); written by the add-on at the end review',
      },
      { header: 'Target met', rule: { kind: 'list', values: TARGET_MET } },
      { header: 'Ratio gain', note: 'Months of age gained ÷ months elapsed (age measures only)' },
      { header: 'Score change', note: 'Standardised scores: points gained, and the effect size' },
      { header: 'Outcome reason', note: 'Why the reviewer chose the outcome score, when they did' },
      { header: 'Evaluation' },
      { header: 'Further action' },
      { header: 'Warnings', note: 'Good-practice warnings, written by the add-on' },
      {
        header: 'Start letter',
        note: 'Link to the latest letter to parents (older versions are kept in Drive)',
      },
      { header: 'Mid-point letter', note: 'Link to the latest letter to parents' },
      { header: 'End letter', note: 'Link to the latest letter to parents' },
    ],
  },
  reviews: {
    name: 'Reviews',
    idHeader: 'Review ID',
    idPrefix: 'REV',
    columns: [
      { header: 'Review ID' },
      { header: 'Intervention ID' },
      { header: 'Participant ID' },
      { header: 'Kind', rule: { kind: 'list', values: REVIEW_KINDS } },
      { header: 'Due date', rule: { kind: 'date' }, format: DATE },
      { header: 'Status', rule: { kind: 'list', values: REVIEW_STATUSES } },
      { header: 'Done on', rule: { kind: 'date' }, format: DATE },
      { header: 'Result', note: 'Measured the same way as the baseline' },
      { header: 'Result date', rule: { kind: 'date' }, format: DATE },
      {
        header: 'Result value',
        note: 'The result as a number in its measure (written by the add-on)',
      },
      {
        header: 'Outcome score',
        note: 'At the end review (provisional at the mid-point): −2 … +2, see the Settings tab',
      },
      { header: 'Outcome reason', note: 'Why the reviewer chose the score, when they did' },
      {
        header: 'Pupil rating',
        rule: { kind: 'number', min: 1, max: 5 },
        note: 'The pupil’s own view, 1 to 5',
      },
      { header: 'Pupil view', note: 'In the pupil’s words, or why they were not asked' },
      { header: 'Parents view' },
      { header: 'Progress' },
      { header: 'Other factors' },
      { header: 'Judgement', rule: { kind: 'list', values: REVIEW_JUDGEMENTS } },
      { header: 'Further action', rule: { kind: 'list', values: FURTHER_ACTIONS } },
      { header: 'Recorded by' },
      {
        header: 'Due reminder sent',
        note: 'When the add-on emailed that this review is coming up (written by the add-on)',
      },
      {
        header: 'Overdue reminder sent',
        note: 'When the add-on emailed that this review is overdue (written by the add-on)',
      },
    ],
  },
  settings: {
    name: 'Settings',
    columns: [
      { header: 'Setting' },
      { header: 'Value' },
      { header: 'Notes' },
      { header: 'From', format: DATE, note: 'Term dates: the first day' },
      { header: 'To', format: DATE, note: 'Term dates: the last day (blank for a single day)' },
      {
        header: 'Kind',
        rule: { kind: 'list', values: MEASURE_KINDS },
        note: 'Measure rows: how results are recorded',
      },
      { header: 'Out of', note: 'Measure rows: the top score, for a score out of N' },
      {
        header: 'Better when',
        rule: { kind: 'list', values: BETTER_WHEN },
        note: 'Measure rows: Higher or Lower (e.g. behaviour incidents: Lower)',
      },
    ],
  },
  dashboard: {
    name: 'Dashboard',
    // The add-on's status rows (review reminders, email privacy) under the Dashboard's title; the
    // report the add-on builds goes below them (src/api/dashboard.ts).
    columns: [{ header: 'Measure' }, { header: 'Value' }, { header: 'Notes' }],
    headerRow: 4,
    maxDataRows: 6,
  },
  auditLog: {
    name: 'Audit log',
    idHeader: 'Audit ID',
    idPrefix: 'AUD',
    columns: [
      { header: 'Audit ID' },
      { header: 'When', format: 'dd/mm/yyyy hh:mm' },
      { header: 'Who' },
      { header: 'Record type' },
      { header: 'Record ID' },
      { header: 'Field' },
      { header: 'Old value' },
      { header: 'New value' },
      {
        header: 'Request ID',
        note: 'The sidebar submit that made this change: a retry of it completes it, never repeats it',
      },
      {
        header: 'Row hash',
        note: 'Chained to the row above: "Check the audit log" tells whether any row was changed or removed',
      },
    ],
  },
} as const satisfies Record<string, TabSpec>;

export type TabKey = keyof typeof TABS;
export const TAB_ORDER: TabKey[] = [
  'interventions',
  'participants',
  'reviews',
  'pupils',
  'staff',
  'provisionLibrary',
  'settings',
  'dashboard',
  'auditLog',
];

/** Settings written on first set-up; existing values are never overwritten. */
export const DEFAULT_SETTINGS: readonly {
  setting: string;
  value: string | number;
  notes: string;
}[] = [
  { setting: 'School name', value: '', notes: 'Used in letters and emails' },
  { setting: 'Minimum minutes per session', value: 15, notes: 'EEF guidance: 15 to 45 minutes' },
  { setting: 'Maximum minutes per session', value: 45, notes: 'EEF guidance: 15 to 45 minutes' },
  { setting: 'Minimum sessions per week', value: 3, notes: 'EEF guidance: 3 to 5 a week' },
  { setting: 'Maximum sessions per week', value: 5, notes: 'EEF guidance: 3 to 5 a week' },
  { setting: 'Minimum weeks', value: 8, notes: 'EEF guidance: 8 to 20 weeks' },
  { setting: 'Maximum weeks', value: 20, notes: 'EEF guidance: 8 to 20 weeks' },
  {
    setting: 'New interventions window (weeks)',
    value: 4,
    notes: 'Warn when a pupil starts more than one new intervention within this many weeks',
  },
  {
    setting: 'Lesson time lost threshold (minutes a week)',
    value: 60,
    notes: 'Warn when a pupil misses more than this much of one subject a week',
  },
  {
    setting: 'Reminder lead time (school days)',
    value: 3,
    notes: 'Remind staff of reviews due within this many school days',
  },
  {
    setting: 'Start letter template',
    value: '',
    notes:
      'Optional: the link to a Google Doc with {{placeholders}}; blank uses the built-in letter',
  },
  {
    setting: 'Mid-point letter template',
    value: '',
    notes:
      'Optional: the link to a Google Doc with {{placeholders}}; blank uses the built-in letter',
  },
  {
    setting: 'End letter template',
    value: '',
    notes:
      'Optional: the link to a Google Doc with {{placeholders}}; blank uses the built-in letter',
  },
  {
    setting: 'Full names in emails',
    value: 'No',
    notes: 'No: emails give pupils’ initials and year group only (special category data)',
  },
];
