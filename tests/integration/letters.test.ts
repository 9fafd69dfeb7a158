import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Emulator } from '../../emulator/src';
import { addDocument, FOLDER_MIME } from '../../emulator/src/document';
import { editCellAsUser, moveColumnAsUser } from '../../emulator/src/spreadsheet';
import type { CellValue, DocElementState, DocState } from '../../emulator/src/state';
import type { SaveResult } from '../../src/api/contract';
import type { InterventionFormOptions } from '../../src/api/contract';
import type { LetterOptions, LetterPupils, LetterResult } from '../../src/api/letters-contract';
import { BUILD_DIR, newEmulator, setUpEmulator, validForm } from '../support/emulator';

const READ = 'SpreadsheetApp.Range.getValues';
const WRITE = 'SpreadsheetApp.Range.setValues';
const FOLDER = 'SEND letters 2026-27'; // TODAY is Monday 23 November 2026
const day = (y: number, m: number, d: number): Date => new Date(y, m - 1, d);

interface School {
  emu: Emulator;
  interventionId: string;
}

function school(pupils: Record<string, CellValue>[] = PUPILS): School {
  const emu = setUpEmulator();
  setSetting(emu, 'School name', 'Hillside Primary School');
  emu.appendRecords('Pupils', pupils);
  const saved = emu.scriptRun<SaveResult>('saveIntervention', [
    validForm({ startDate: '2026-11-02' }),
  ]).value;
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const interventionId = saved.id;
  emu.appendRecords(
    'Participants',
    pupils.map((pupil, i) => ({
      'Participant ID': `PAR-${String(i + 1).padStart(4, '0')}`,
      'Intervention ID': interventionId,
      'Pupil ID': pupil['Pupil ID'] as string,
      Status: 'Started',
      'Start date': day(2026, 11, 2),
      'Parents informed on': day(2026, 10, 20),
      'Parents informed how': 'Letter',
      Baseline: '4/10',
      'Baseline measure': 'Weekly spelling test',
      'Baseline date': day(2026, 11, 2),
      Target: '8/10 or better',
      'Lesson missed': 'Maths',
    })),
  );
  emu.appendRecords('Reviews', [
    {
      'Review ID': 'REV-MID1',
      'Intervention ID': interventionId,
      'Participant ID': 'PAR-0001',
      Kind: 'Mid-point',
      'Due date': day(2026, 12, 14),
      Status: 'Done',
      'Done on': day(2026, 12, 14),
      Result: '6/10',
      'Result date': day(2026, 12, 14),
      Judgement: 'Working',
      'Further action': 'Continue',
    },
    {
      'Review ID': 'REV-END1',
      'Intervention ID': interventionId,
      'Participant ID': 'PAR-0001',
      Kind: 'End',
      'Due date': day(2027, 2, 8),
      Status: 'Due',
    },
    {
      'Review ID': 'REV-MID2',
      'Intervention ID': interventionId,
      'Participant ID': 'PAR-0002',
      Kind: 'Mid-point',
      'Due date': day(2026, 12, 14),
      Status: 'Done',
      Result: '9/10',
      Judgement: 'Working',
    },
  ]);
  emu.resetCalls();
  return { emu, interventionId };
}

const PUPILS: Record<string, CellValue>[] = [
  {
    'Pupil ID': 'PUP-0001',
    'First name': 'Amy',
    'Last name': 'Brown',
    'Year group': 'Year 3',
    'Primary need': 'SLCN',
  },
  { 'Pupil ID': 'PUP-0002', 'First name': 'Ben', 'Last name': 'Cole', 'Year group': 'Year 4' },
];

function setSetting(emu: Emulator, name: string, value: string): void {
  const [header = [], ...rows] = emu.values('Settings');
  const row = rows.findIndex((r) => r[header.indexOf('Setting')] === name);
  if (row < 0) throw new Error(`no setting ${name}`);
  editCellAsUser(emu.rt, 'Settings', row + 2, header.indexOf('Value') + 1, value);
}

function generate(emu: Emulator, participantId: string, kind: string): LetterResult {
  return emu.scriptRun<LetterResult>('generateLetter', [{ participantId, kind }]).value;
}

function elementText(e: DocElementState): string {
  if (e.type === 'PARAGRAPH' || e.type === 'LIST_ITEM') return e.text;
  if (e.type === 'TABLE') return e.rows.map((r) => r.join(' | ')).join('\n');
  return '';
}

function docText(doc: DocState): string {
  return [...(doc.header ?? []), ...doc.body, ...(doc.footer ?? [])].map(elementText).join('\n');
}

function docByUrl(emu: Emulator, url: string): DocState {
  const doc = emu.documents().find((d) => d.url === url);
  if (!doc) throw new Error(`no Doc at ${url}`);
  return doc;
}

function participant(emu: Emulator, id: string): Record<string, CellValue> {
  const row = emu.records('Participants').find((r) => r['Participant ID'] === id);
  if (!row) throw new Error(`no participant ${id}`);
  return row;
}

function folderOf(emu: Emulator, docId: string): string {
  const file = emu.state.drive.files.find((f) => f.id === docId);
  const parent = emu.state.drive.files.find((f) => f.id === file?.parents[0]);
  return parent?.name ?? '(My Drive)';
}

describe('letters to parents', () => {
  it('makes a start letter as a Doc in the school-year folder and links it on the pupil’s row', () => {
    const { emu } = school();
    // Users reorder columns by hand: the link must still land in the right cell.
    moveColumnAsUser(emu.state, 'Participants', 19, 1); // Start letter first
    moveColumnAsUser(emu.state, 'Participants', 2, 10); // Participant ID further right

    const result = generate(emu, 'PAR-0001', 'start');
    if (!result.ok) throw new Error(result.message);
    expect(result.name).toBe(
      'Amy Brown – Precision teaching: spelling – Start letter – 2026-11-23',
    );
    expect(result.unknownPlaceholders).toEqual([]);
    expect(result.message).toContain(`is in your "${FOLDER}" folder`);

    const doc = docByUrl(emu, result.url);
    expect(doc.name).toBe(result.name);
    const text = docText(doc);
    expect(text).toContain('Hillside Primary School');
    expect(text).toContain('Monday 23 November 2026');
    expect(text).toContain('Dear parent or carer of Amy,');
    // Made on 23 November for a start on 2 November: it speaks of the start in the past.
    expect(text).toContain('which Amy started on Monday 2 November 2026');
    expect(text).not.toMatch(/will be taking part|starting on/);
    expect(text).toContain('How often | 3 sessions a week, 20 minutes each');
    expect(text).toContain(
      'Ms Amara Okafor, special educational needs coordinator, who leads the sessions',
    );
    expect(text).not.toContain('Brown');
    expect(text).not.toContain('Ben');
    expect(doc.body[0]).toMatchObject({ type: 'PARAGRAPH', heading: 'TITLE' });

    expect(folderOf(emu, doc.id)).toBe(FOLDER);
    const file = emu.state.drive.files.find((f) => f.id === doc.id);
    expect(file?.sharing).toEqual({ access: 'PRIVATE', permission: 'NONE' });

    expect(participant(emu, 'PAR-0001')['Start letter']).toBe(result.url);
    expect(participant(emu, 'PAR-0002')['Start letter']).toBe('');
    const calls = emu.calls();
    expect(calls[WRITE]).toBe(2); // the link, and the audit log
    expect(calls['DriveApp.File.makeCopy']).toBeUndefined();
    expect(calls['DriveApp.File.setSharing']).toBeUndefined();
  });

  it('makes the mid-point letter once its review is recorded; no end letter before the end review', () => {
    const { emu } = school();
    const mid = generate(emu, 'PAR-0001', 'mid-point');
    if (!mid.ok) throw new Error(mid.message);
    const midText = docText(docByUrl(emu, mid.url));
    expect(midText).toContain(
      "At the start (Monday 2 November 2026), Amy's result in the weekly spelling test was 4/10.",
    );
    expect(midText).toContain(
      'At the halfway review on Monday 14 December 2026, the result was 6/10.',
    );
    expect(midText).toContain('working well for Amy');
    expect(midText).toContain('until the end, around Monday 8 February 2027');
    const documents = emu.documents().length;
    const end = generate(emu, 'PAR-0001', 'end');
    expect(end).toEqual({
      ok: false,
      participantId: 'PAR-0001',
      message:
        'No end letter was made for Amy Brown: their end review has not been recorded yet (it is due on Monday 8 February 2027), and the intervention has not been stopped. Record the end review with "Record a review…", then make the letter.',
    });
    expect(emu.documents()).toHaveLength(documents);
    const row = participant(emu, 'PAR-0001');
    expect(row['Mid-point letter']).toBe(mid.url);
    expect(row['End letter']).toBe('');
    expect(row['Start letter']).toBe('');
  });

  it('thanks the parents in the end letter for the view they gave at the end review, without quoting it', () => {
    const { emu } = school();
    const saved = emu.scriptRun<SaveResult>('saveReview', [
      {
        reviewId: 'REV-END1',
        kind: 'End',
        result: '8/10',
        resultDate: '2026-11-20',
        judgement: 'Working',
        furtherAction: 'Stop',
        runAgain: 'Yes',
        parentsView: 'Amy says the sessions make her tired',
      },
    ]).value;
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const end = generate(emu, 'PAR-0001', 'end');
    if (!end.ok) throw new Error(end.message);
    const text = docText(docByUrl(emu, end.url));
    expect(text).toContain(
      'Thank you for telling us what you think; we have taken it into account.',
    );
    expect(text).not.toContain('make her tired');
  });

  it('keeps the old letter when generating again: a new Doc, the old link in the Audit log', () => {
    const { emu } = school();
    const first = generate(emu, 'PAR-0001', 'start');
    const second = generate(emu, 'PAR-0001', 'start');
    if (!first.ok || !second.ok) throw new Error('not made');
    expect(second.url).not.toBe(first.url);
    expect(emu.documents().map((d) => d.url)).toEqual(
      expect.arrayContaining([first.url, second.url]),
    );
    expect(participant(emu, 'PAR-0001')['Start letter']).toBe(second.url);
    expect(second.message).toContain('The earlier letter is kept');
    const audit = emu
      .records('Audit log')
      .find((r) => r.Field === 'Start letter' && r['New value'] === second.url);
    expect(audit?.['Old value']).toBe(first.url);
    // One folder for the school year, found again by its ID.
    const folders = emu.state.drive.files.filter((f) => f.mimeType === FOLDER_MIME);
    expect(folders.map((f) => f.name)).toEqual([FOLDER]);
    expect(folderOf(emu, docByUrl(emu, second.url).id)).toBe(FOLDER);
  });

  it("fills a school's own template, reports unknown placeholders and leaves the template alone", () => {
    const { emu } = school([
      ...PUPILS,
      { 'Pupil ID': 'PUP-0003', 'First name': '{{today}} <b>', 'Last name': 'Ng' },
    ]);
    const body: DocElementState[] = [
      { type: 'PARAGRAPH', text: '{{school_name}}', heading: 'TITLE' },
      {
        type: 'PARAGRAPH',
        text: 'Dear parent of {{pupil_first_name}}, {{pupil_first_name}} starts {{intervention_name}} on {{start_date}}.',
        heading: 'NORMAL',
        spans: [{ start: 0, end: 3, attributes: { BOLD: true } }],
      },
      {
        type: 'LIST_ITEM',
        text: 'Led by {{lead_name}}: {{sessions}}',
        glyph: 'BULLET',
        nesting: 0,
      },
      {
        type: 'TABLE',
        rows: [
          ['Target', '{{target}}'],
          ['Favourite colour', '{{favourite_colour}}'],
        ],
      },
      { type: 'PARAGRAPH', text: 'Review: {{review_date}}. {{Oops}}', heading: 'NORMAL' },
    ];
    const template = addDocument(emu.state, {
      name: 'Our start letter',
      owner: 'head@school.example',
      now: emu.now,
      body,
      createdByApp: false,
    });
    const before = structuredClone(template);
    setSetting(emu, 'Start letter template', template.url);
    emu.resetCalls();

    const result = generate(emu, 'PAR-0001', 'start');
    if (!result.ok) throw new Error(result.message);
    expect(result.unknownPlaceholders).toEqual(['favourite_colour', 'oops']);
    expect(result.message).toContain('{{favourite_colour}} and {{oops}}');
    const doc = docByUrl(emu, result.url);
    expect(doc.body.map(elementText)).toEqual([
      'Hillside Primary School',
      'Dear parent of Amy, Amy starts Precision teaching: spelling on Monday 2 November 2026.',
      'Led by Ms Amara Okafor: 3 sessions a week, 20 minutes each',
      'Target | 8/10 or better\nFavourite colour | {{favourite_colour}}',
      'Review: Monday 14 December 2026. {{Oops}}',
    ]);
    expect(doc.body[0]).toMatchObject({ heading: 'TITLE' });
    expect(doc.body[1]).toMatchObject({
      spans: [{ start: 0, end: 3, attributes: { BOLD: true } }],
    });
    expect(doc.body[2]).toMatchObject({ type: 'LIST_ITEM' });
    expect(folderOf(emu, doc.id)).toBe(FOLDER);
    expect(template).toEqual(before);
    expect(emu.calls()['DriveApp.File.makeCopy']).toBeUndefined();

    // A hostile name comes out literally: never read as a placeholder or markup.
    const hostile = generate(emu, 'PAR-0003', 'start');
    if (!hostile.ok) throw new Error(hostile.message);
    expect(docByUrl(emu, hostile.url).body[1]).toMatchObject({
      text: 'Dear parent of {{today}} <b>, {{today}} <b> starts Precision teaching: spelling on Monday 2 November 2026.',
    });
    expect(hostile.unknownPlaceholders).toEqual(['favourite_colour', 'oops']);
  });

  it('makes nothing and says why when the template link is wrong', () => {
    const { emu } = school();
    setSetting(emu, 'Mid-point letter template', 'https://docs.google.com/document/d/nope/edit');
    const docs = emu.documents().length;
    const result = generate(emu, 'PAR-0001', 'mid-point');
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Amy Brown');
    expect(result.message).toContain('"Mid-point letter template"');
    expect(emu.documents()).toHaveLength(docs);
    expect(participant(emu, 'PAR-0001')['Mid-point letter']).toBe('');
  });

  it('makes letters for a group of 15, carrying on after one failure and naming the pupil', () => {
    const many = Array.from({ length: 15 }, (_v, i) => ({
      'Pupil ID': `PUP-${String(i + 1).padStart(4, '0')}`,
      'First name': `Pupil${i + 1}`,
      'Last name': `Family${i + 1}`,
      'Year group': 'Year 5',
    }));
    const { emu, interventionId } = school(many);
    const list = emu.scriptRun<LetterPupils>('getLetterPupils', [interventionId]).value;
    expect(list.pupils).toHaveLength(15);
    emu.injectFault({
      method: 'DocumentApp.create',
      onCall: 8,
      message: 'Service invoked too many times for one day: docs create.',
    });
    const docs = emu.documents().length;
    const results = list.pupils.map((p) => generate(emu, p.participantId, 'start'));
    const failed = results.filter((r) => !r.ok);
    expect(failed).toHaveLength(1);
    expect(emu.documents().length - docs).toBe(14);
    const failure = failed[0] as LetterResult;
    const who = list.pupils.find((p) => p.participantId === failure.participantId);
    expect(failure.message).toContain(who?.label.replace(/ \(Year 5\)$/, ''));
    expect(failure.message).toContain("Google's daily limit on new Docs");
    expect(participant(emu, failure.participantId)['Start letter']).toBe('');
    for (const r of results) {
      if (r.ok) expect(participant(emu, r.participantId)['Start letter']).toBe(r.url);
    }
    // Nothing about any other pupil in anyone's letter.
    for (const r of results) {
      if (!r.ok) continue;
      const text = docText(docByUrl(emu, r.url));
      const own = list.pupils.find((p) => p.participantId === r.participantId)?.label ?? '';
      const first = own.split(' ')[0] ?? '';
      const others = many.map((m) => m['First name']).filter((n) => n !== first);
      for (const other of others) expect(text).not.toMatch(new RegExp(`\\b${other}\\b`));
    }
  });

  it('lists interventions, placeholders and pupils with their letter links', () => {
    const { emu, interventionId } = school();
    const options = emu.scriptRun<LetterOptions>('getLetterOptions').value;
    expect(options.workbookReady).toBe(true);
    expect(options.interventions).toEqual([
      { id: interventionId, label: expect.stringContaining('Precision teaching: spelling') },
    ]);
    expect(options.placeholders.map((p) => p.name)).toContain('pupil_first_name');
    expect(emu.calls()[READ]).toBe(1);
    const made = generate(emu, 'PAR-0002', 'start');
    if (!made.ok) throw new Error(made.message);
    const pupils = emu.scriptRun<LetterPupils>('getLetterPupils', [interventionId]).value;
    expect(pupils.pupils).toEqual([
      {
        participantId: 'PAR-0001',
        label: 'Amy Brown (Year 3)',
        links: { start: '', 'mid-point': '', end: '' },
      },
      {
        participantId: 'PAR-0002',
        label: 'Ben Cole (Year 4)',
        links: { start: made.url, 'mid-point': '', end: '' },
      },
    ]);
  });

  it('refuses bad requests plainly', () => {
    const { emu } = school();
    expect(generate(emu, '', 'start')).toMatchObject({
      ok: false,
      message: 'Choose a pupil first.',
    });
    expect(generate(emu, 'PAR-0001', 'middle')).toMatchObject({ ok: false });
    expect(generate(emu, 'PAR-9999', 'start').message).toContain('no longer in the intervention');
    expect(emu.documents()).toHaveLength(0);
  });

  it('needs no scope beyond documents and drive.file', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(BUILD_DIR, 'appsscript.json'), 'utf8'),
    ) as { oauthScopes: string[] };
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/documents');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/drive.file');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive.readonly');
    // The emulator grants exactly the manifest's scopes: every letter above was made under them.
    const { emu } = school();
    expect([...emu.rt.scopes].sort()).toEqual([...manifest.oauthScopes].sort());
    expect(generate(emu, 'PAR-0001', 'start').ok).toBe(true);
  });
});

/** The demo's phonics programme as a SENCo enters it on the Provision library form. */
const PHONICS_ENTRY = {
  name: 'Phonics catch-up',
  areaOfNeed: 'SPLD',
  evidenceLink: 'https://educationendowmentfoundation.org.uk/education-evidence',
  evidenceNote: 'Systematic phonics: strong evidence for early readers (EEF Toolkit).',
  evidenceStrength: 'Strong (several robust studies)',
  minutesPerSession: '20',
  sessionsPerWeek: '4',
  lengthWeeks: '12',
  resourceCost: '45',
  usualGroupSize: '4',
  trainingNeeded: 'School phonics scheme training',
};

/**
 * A phonics group made from the library entry, its form left as the pre-fill gave it (plus what
 * the form requires), for one pupil whose primary need is visual impairment.
 */
function phonicsFromLibrary(helpAtHome = ''): { emu: Emulator; interventionId: string } {
  const emu = setUpEmulator();
  setSetting(emu, 'School name', 'Hillside Primary School');
  const entry = emu.scriptRun<SaveResult>('saveLibraryEntry', [
    { ...PHONICS_ENTRY, helpAtHome },
  ]).value;
  if (!entry.ok) throw new Error(JSON.stringify(entry.errors));
  const options = emu.scriptRun<InterventionFormOptions>('getInterventionFormOptions').value;
  const prefill = options.library.find((l) => l.id === entry.id)?.form ?? {};
  const saved = emu.scriptRun<SaveResult>('saveIntervention', [
    {
      ...Object.fromEntries(Object.keys(validForm()).map((k) => [k, ''])),
      ...prefill,
      lead: 'Mr Tom Reed',
      startDate: '2026-11-02',
      expectedOutcome: '32/40 or better on the phonics check',
    },
  ]).value;
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  emu.appendRecords('Pupils', [
    {
      'Pupil ID': 'PUP-0009',
      'First name': 'Kai',
      'Last name': 'Ward',
      'Year group': 'Year 2',
      'Primary need': 'VI',
      'Secondary need': 'SEMH',
    },
  ]);
  emu.appendRecords('Participants', [
    {
      'Participant ID': 'PAR-0009',
      'Intervention ID': saved.id,
      'Pupil ID': 'PUP-0009',
      Status: 'Started',
      'Start date': day(2026, 11, 2),
      'Parents informed on': day(2026, 10, 20),
      'Parents informed how': 'Letter',
      Baseline: '18/40',
      'Baseline measure': 'Phonics check',
      'Baseline date': day(2026, 11, 2),
      Target: '32/40 or better',
      'Lesson missed': 'Maths',
    },
  ]);
  return { emu, interventionId: saved.id };
}

describe('letters say only what a parent should read', () => {
  const INTERNAL =
    /Area of need|Specific learning difficulty|Usually a group|Resources cost|£|Training needed|phonics scheme training|Evidence \(|See https/;

  it('a letter from a library-prefilled intervention shows none of the library’s internal notes', () => {
    const { emu, interventionId } = phonicsFromLibrary();
    const row = emu.records('Interventions').find((r) => r['Intervention ID'] === interventionId);
    expect(row?.Summary).toBe('');
    const made = generate(emu, 'PAR-0009', 'start');
    if (!made.ok) throw new Error(made.message);
    const text = docText(docByUrl(emu, made.url));
    expect(text).not.toMatch(INTERNAL);
    expect(text).toContain('In each session, Kai works in a small group with an adult.');
    expect(text).toContain(
      'Research has found that this kind of support works well for many children.',
    );
    expect(text).toContain(
      'Find out more about the research: https://educationendowmentfoundation.org.uk/education-evidence',
    );
    expect(text).toContain("Kai's result in the phonics check was 18/40");
  });

  it('drops the internal notes from a summary saved by the old pre-fill too', () => {
    const { emu, interventionId } = phonicsFromLibrary();
    const sheet = emu.values('Interventions');
    const header = sheet[0] ?? [];
    const at = sheet.findIndex((r) => r[header.indexOf('Intervention ID')] === interventionId);
    editCellAsUser(
      emu.rt,
      'Interventions',
      at + 1,
      header.indexOf('Summary') + 1,
      'Area of need: Specific learning difficulty (SPLD). Usually a group of 4. Resources cost about £45.00. Training needed: School phonics scheme training.',
    );
    const made = generate(emu, 'PAR-0009', 'start');
    if (!made.ok) throw new Error(made.message);
    expect(docText(docByUrl(emu, made.url))).not.toMatch(INTERNAL);
  });

  it('a phonics letter for a pupil whose primary need is VI gives reading tips, no visual-impairment ones', () => {
    const { emu } = phonicsFromLibrary();
    const made = generate(emu, 'PAR-0009', 'start');
    if (!made.ok) throw new Error(made.message);
    const text = docText(docByUrl(emu, made.url));
    expect(text).toContain('Share a book together');
    expect(text).not.toMatch(/visual|vision|lighting|larger print|feelings|emotional/i);
  });

  it("prints the library entry's own Help at home when the school wrote one", () => {
    const { emu } = phonicsFromLibrary(
      'Play the sound games on the sheet we send home on Fridays.',
    );
    const made = generate(emu, 'PAR-0009', 'start');
    if (!made.ok) throw new Error(made.message);
    const text = docText(docByUrl(emu, made.url));
    expect(text).toContain('Play the sound games on the sheet we send home on Fridays.');
    expect(text).not.toContain('Share a book together');
  });

  it('a start letter made on 25 January for a start on 7 December says it started', () => {
    const { emu } = school();
    const row = emu.values('Participants');
    const header = row[0] ?? [];
    editCellAsUser(emu.rt, 'Participants', 2, header.indexOf('Start date') + 1, '07/12/2026');
    emu.setNow(new Date('2027-01-25T09:00:00Z'));
    const made = generate(emu, 'PAR-0001', 'start');
    if (!made.ok) throw new Error(made.message);
    const text = docText(docByUrl(emu, made.url));
    expect(text).toContain('Monday 25 January 2027');
    expect(text).toContain('which Amy started on Monday 7 December 2026');
    expect(text).toContain('Started on | Monday 7 December 2026');
    expect(text).not.toMatch(/will be taking part|will start|starting on/i);
  });
});

describe("the school's name on letters", () => {
  it("set-up fills a blank School name in from the spreadsheet's name, and the letter carries it", () => {
    const emu = newEmulator();
    emu.state.spreadsheet.name = 'SEND provision map – Hillside Primary School (demo)';
    emu.install();
    emu.menu('setUpProvisionMap');
    const setting = emu.records('Settings').find((r) => r.Setting === 'School name');
    expect(setting?.Value).toBe('Hillside Primary School');
    expect(String(setting?.Notes)).toContain("Filled in from the spreadsheet's name");

    // A School name row left blank is filled in when set-up runs again; a typed one is kept.
    const [header = [], ...rows] = emu.values('Settings');
    const at = rows.findIndex((r) => r[header.indexOf('Setting')] === 'School name');
    editCellAsUser(emu.rt, 'Settings', at + 2, header.indexOf('Value') + 1, '');
    emu.menu('setUpProvisionMap');
    expect(emu.records('Settings').find((r) => r.Setting === 'School name')?.Value).toBe(
      'Hillside Primary School',
    );
    editCellAsUser(emu.rt, 'Settings', at + 2, header.indexOf('Value') + 1, 'Hillside Primary');
    emu.menu('setUpProvisionMap');
    expect(emu.records('Settings').find((r) => r.Setting === 'School name')?.Value).toBe(
      'Hillside Primary',
    );
  });

  it('a letter made with no school name says so, and leaves no gap', () => {
    const { emu } = school();
    setSetting(emu, 'School name', '');
    const made = generate(emu, 'PAR-0001', 'start');
    if (!made.ok) throw new Error(made.message);
    expect(made.warnings).toEqual([
      'The letter does not name the school: "School name" on the Settings tab is blank. Type the school\'s name there, then make the letter again.',
    ]);
    const doc = docByUrl(emu, made.url);
    expect(doc.body[0]).toMatchObject({ type: 'PARAGRAPH', text: 'Monday 23 November 2026' });
    const text = docText(doc);
    expect(text).not.toMatch(/ {2}| ,|\(\s*\)|\bof\s*\.|\bat\s*\./);
    expect(text).toContain('Yours sincerely,');
    setSetting(emu, 'School name', 'Hillside Primary School');
    const named = generate(emu, 'PAR-0001', 'start');
    expect(named.ok && named.warnings).toEqual([]);
  });
});
