/**
 * Sidebar endpoints: see letters-contract.ts. Letters to parents as Google Docs, one pupil per call
 * (the sidebar calls generateLetter for each pupil of a group in turn, so one failure stops
 * nothing else). Each call reads the tabs it needs once, under the document lock, makes the Doc
 * (the built-in layout, or the school's own template named on the Settings tab), files it in the
 * user's folder for the school year, and writes its link on the pupil's Participants row (one
 * write, plus the audit log, which keeps the old link: generating again keeps the old Doc).
 * Only the endpoints are exported: everything exported here becomes callable from the sidebar.
 */
import { startOfDay } from 'date-fns';
import { INTERVENTION_COLUMNS } from '../domain/intervention';
import {
  LETTER_KIND_INFO,
  buildLetter,
  isLetterKind,
  letterDocName,
  lettersFolderName,
  pickReview,
  placeholderList,
  placeholderValues,
  type LetterFacts,
  type LetterKind,
  type LetterProvisionFacts,
  type LetterReviewFacts,
} from '../domain/letters';
import { libraryRecordFrom, type LibraryRecord } from '../domain/library';
import { isRemovedStatus } from '../domain/participant';
import { listOf } from '../domain/text';
import { TABS } from '../domain/workbook';
import {
  createDocFromBlocks,
  createDocFromTemplate,
  fileInYearFolder,
  trashDoc,
} from '../services/docs';
import { documentProperties } from '../services/triggers';
import { cellToText } from '../domain/cells';
import { settingValues } from '../store/facts';
import { runOperation } from '../store/operation';
import type { Row, Table } from '../store/table';
import { readTables, tabsExist } from '../store/workbook';
import type { LetterOptions, LetterPupil, LetterPupils, LetterResult } from './letters-contract';
import { ALREADY_SAVED } from './results';
import { letterNotYet } from '../domain/letter-gate';

// ---------------------------------------------------------------------------------------------
// Endpoints

export function getLetterOptions(): LetterOptions {
  const placeholders = placeholderList();
  if (!tabsExist([TABS.interventions, TABS.participants, TABS.pupils])) {
    return { workbookReady: false, interventions: [], placeholders };
  }
  const { interventions } = readTables({ interventions: TABS.interventions });
  const choices = interventions
    .records()
    .filter((row) => row.id !== '')
    .map((row) => {
      const name = row.text(INTERVENTION_COLUMNS.name) || row.id;
      const status = row.text('Status');
      return { id: row.id, label: status ? `${name} (${status})` : name, name };
    })
    .sort(
      (a, b) =>
        a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || a.id.localeCompare(b.id),
    )
    .map(({ id, label }) => ({ id, label }));
  return { workbookReady: true, interventions: choices, placeholders };
}

export function getLetterPupils(interventionId: unknown): LetterPupils {
  const id = typeof interventionId === 'string' ? interventionId.trim() : '';
  const specs = { participants: TABS.participants, pupils: TABS.pupils };
  if (!tabsExist(Object.values(specs))) {
    return { workbookReady: false, interventionId: id, pupils: [] };
  }
  const { participants, pupils } = readTables(specs);
  const list: (LetterPupil & { sortKey: string })[] = participants
    .records()
    .filter(
      (row) =>
        row.id !== '' && row.text('Intervention ID') === id && !isRemovedStatus(row.text('Status')),
    )
    .map((row) => {
      const pupil = pupils.find(row.text('Pupil ID'));
      const name = pupil ? fullName(pupil) : row.text('Pupil ID') || row.id;
      const year = pupil?.text('Year group') ?? '';
      return {
        participantId: row.id,
        label: year ? `${name} (${year})` : name,
        links: {
          start: row.text(LETTER_KIND_INFO.start.column),
          'mid-point': row.text(LETTER_KIND_INFO['mid-point'].column),
          end: row.text(LETTER_KIND_INFO.end.column),
        },
        sortKey: pupil ? `${pupil.text('Last name')} ${pupil.text('First name')}` : name,
      };
    })
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'en-GB', { sensitivity: 'base' }));
  return {
    workbookReady: true,
    interventionId: id,
    pupils: list.map(({ participantId, label, links }) => ({ participantId, label, links })),
  };
}

export function generateLetter(request: unknown, requestId?: unknown): LetterResult {
  const input = (typeof request === 'object' && request !== null ? request : {}) as {
    participantId?: unknown;
    kind?: unknown;
  };
  const participantId =
    typeof input.participantId === 'string' ? input.participantId.trim().slice(0, 60) : '';
  if (participantId === '') {
    return { ok: false, participantId, message: 'Choose a pupil first.' };
  }
  if (!isLetterKind(input.kind)) {
    return {
      ok: false,
      participantId,
      message: 'Choose which letter to make: start, mid-point or end.',
    };
  }
  const kind = input.kind;
  try {
    const result = runOperation(
      {
        participants: TABS.participants,
        pupils: TABS.pupils,
        interventions: TABS.interventions,
        reviews: TABS.reviews,
        staff: TABS.staff,
        settings: TABS.settings,
        library: TABS.provisionLibrary,
      },
      (tables, { user, now }): LetterResult => makeLetter(tables, participantId, kind, user, now),
      {
        requestId,
        alreadyDone: () => ({
          ok: true,
          participantId,
          name: '',
          url: '',
          unknownPlaceholders: [],
          warnings: [],
          message: `${ALREADY_SAVED} The letter's link is on the pupil's row of the Participants tab.`,
        }),
      },
    );
    if (result.ok) forgetUnlinkedLetter(participantId, kind);
    return result;
  } catch (err) {
    return {
      ok: false,
      participantId,
      message: `The letter could not be made: ${errorText(err)}`,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers (not exported: not callable from the sidebar)

/**
 * A letter's Doc is made before its link is written on the sheet. Between the two, its ID is kept
 * in the document properties, so that when an attempt is cut off there, the next attempt for the
 * same pupil and letter finds the Doc: linked already (then nothing to do) or not (then it goes in
 * the bin before the new one is made). Never two Docs for one letter, never a Doc with pupil data
 * left nowhere.
 */
function unlinkedKey(participantId: string, kind: LetterKind): string {
  return `letters.unlinked.${participantId}.${kind}`;
}

function rememberUnlinkedLetter(participantId: string, kind: LetterKind, docId: string): void {
  documentProperties().setProperty(unlinkedKey(participantId, kind), docId);
}

function forgetUnlinkedLetter(participantId: string, kind: LetterKind): void {
  try {
    documentProperties().deleteProperty(unlinkedKey(participantId, kind));
  } catch {
    // Harmless: the next attempt finds the Doc linked and only tidies the note away.
  }
}

/** Returns true when an unlinked Doc of an earlier attempt was put in the bin. */
function settleUnlinkedLetter(participantId: string, kind: LetterKind, link: string): boolean {
  const key = unlinkedKey(participantId, kind);
  const store = documentProperties();
  const docId = store.getProperty(key);
  if (!docId) return false;
  const linked = link.includes(docId);
  if (!linked) trashDoc(docId);
  store.deleteProperty(key);
  return !linked;
}

interface Tables {
  participants: Table;
  pupils: Table;
  interventions: Table;
  reviews: Table;
  staff: Table;
  settings: Table;
  library: Table;
}

function makeLetter(
  tables: Tables,
  participantId: string,
  kind: LetterKind,
  user: string,
  now: Date,
): LetterResult {
  const info = LETTER_KIND_INFO[kind];
  const what = `${info.label.toLowerCase()} letter`;
  const refuse = (message: string): LetterResult => ({ ok: false, participantId, message });

  const place = tables.participants.find(participantId);
  if (!place || isRemovedStatus(place.text('Status'))) {
    return refuse(
      `No ${what} was made: this pupil is no longer in the intervention on the Participants tab. Choose the intervention again.`,
    );
  }
  const pupil = tables.pupils.find(place.text('Pupil ID'));
  if (!pupil) {
    return refuse(
      `No ${what} was made for ${place.text('Pupil ID') || participantId}: the pupil is not on the Pupils tab.`,
    );
  }
  const name = fullName(pupil);
  const intervention = tables.interventions.find(place.text('Intervention ID'));
  if (!intervention) {
    return refuse(
      `No ${what} was made for ${name}: the intervention is no longer on the Interventions tab.`,
    );
  }
  if (!tables.participants.has(info.column)) {
    return refuse(
      `No ${what} was made for ${name}: the Participants tab has no "${info.column}" column. Choose "Set up provision map" from the add-on menu to add it.`,
    );
  }

  const binned = settleUnlinkedLetter(participantId, kind, place.text(info.column));
  const remember = (made: GoogleAppsScript.Document.Document): void => {
    try {
      rememberUnlinkedLetter(participantId, kind, made.getId());
    } catch (err) {
      // Not noted, so nothing would find it again: the empty new Doc goes in the bin at once.
      try {
        trashDoc(made.getId());
      } catch {
        // Nothing more can be done here; the error below says the letter was not made.
      }
      throw err;
    }
  };
  const settings = settingsMap(tables.settings);
  const facts = letterFacts(place, pupil, intervention, tables, settings, startOfDay(now));
  const notYet = letterNotYet(kind, {
    name,
    midPoint: facts.midPoint,
    end: facts.end,
    placeStatus: place.text('Status'),
    interventionStatus: intervention.text('Status'),
  });
  if (notYet) return refuse(notYet);
  const docName = letterDocName(facts, kind);
  const templateUrl = settings.get(info.templateSetting.toLowerCase()) ?? '';

  let doc: GoogleAppsScript.Document.Document;
  let unknown: string[] = [];
  if (templateUrl !== '') {
    try {
      const made = createDocFromTemplate(
        docName,
        templateUrl,
        placeholderValues(facts, kind),
        remember,
      );
      doc = made.doc;
      unknown = made.unknown;
    } catch (err) {
      return refuse(
        `No ${what} was made for ${name}. ${docsProblem(err, `The school's own template (Settings tab, "${info.templateSetting}") could not be opened: check that the link is right and that you can open that Doc, or clear the setting to use the built-in letter.`)}`,
      );
    }
  } else {
    try {
      doc = createDocFromBlocks(docName, buildLetter(facts, kind).blocks, remember);
    } catch (err) {
      return refuse(`No ${what} was made for ${name}. ${docsProblem(err, '')}`);
    }
  }

  const folderName = lettersFolderName(facts.today);
  const folderProblem = fileInYearFolder(doc, folderName, user);
  const url = doc.getUrl();
  doc.saveAndClose();

  const previous = place.text(info.column);
  place.set({ [info.column]: url });

  const first = facts.pupil.firstName || name;
  const message = [
    `Made the ${what} for ${name}: "${docName}"${folderProblem ? '.' : ` is in your "${folderName}" folder in Google Drive.`}`,
    folderProblem,
    `The link is on ${first}'s row of the Participants tab (${info.column}).`,
    previous ? 'The earlier letter is kept in Drive, and its link in the Audit log.' : '',
    binned
      ? 'An unfinished copy left by an earlier attempt that was cut off was put in the Drive bin.'
      : '',
    unknown.length > 0
      ? `Check the letter before sending it: the template has ${unknown.length === 1 ? 'a placeholder' : 'placeholders'} the add-on does not know, left as typed: ${listOf(unknown.map((u) => `{{${u}}}`))}. Correct the template (see the list of placeholders), then make the letter again.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const warnings =
    facts.schoolName.trim() === ''
      ? [
          `The letter does not name the school: "School name" on the Settings tab is blank. Type the school's name there, then make the letter again.`,
        ]
      : [];
  return {
    ok: true,
    participantId,
    name: docName,
    url,
    unknownPlaceholders: unknown,
    warnings,
    message,
  };
}

function letterFacts(
  place: Row,
  pupil: Row,
  intervention: Row,
  tables: Tables,
  settings: Map<string, string>,
  today: Date,
): LetterFacts {
  const c = INTERVENTION_COLUMNS;
  const reviewsOf = (kind: string): LetterReviewFacts[] =>
    tables.reviews
      .records()
      .filter((row) => row.text('Participant ID') === place.id && row.text('Kind') === kind)
      .map(reviewFacts);
  const senco = tables.staff.records().find((row) => row.text('Role').toLowerCase() === 'senco');
  const provisionId = intervention.text(c.provisionId);
  const entry = provisionId === '' ? undefined : tables.library.find(provisionId);
  return {
    today,
    schoolName: settings.get('school name') ?? '',
    sencoName: senco?.text('Name') ?? '',
    pupil: {
      firstName: pupil.text('First name'),
      lastName: pupil.text('Last name'),
    },
    intervention: {
      name: intervention.text(c.name),
      lead: intervention.text(c.lead),
      supportedBy: intervention.text(c.supportedBy),
      summary: intervention.text(c.summary),
      rationale: intervention.text(c.rationale),
      expectedOutcome: intervention.text(c.expectedOutcome),
      assessmentMethods: intervention.text(c.assessmentMethods),
      location: intervention.text(c.location),
      delivery: intervention.text(c.delivery),
      startDate: intervention.date(c.startDate),
      lengthWeeks: intervention.number(c.lengthWeeks),
      sessionsPerWeek: intervention.number(c.sessionsPerWeek),
      minutesPerSession: intervention.number(c.minutesPerSession),
      status: intervention.text('Status'),
      decision: intervention.text('Decision'),
    },
    place: {
      startDate: place.date('Start date'),
      parentsInformedHow: place.text('Parents informed how'),
      baseline: place.text('Baseline'),
      baselineMeasure: place.text('Baseline measure'),
      baselineDate: place.date('Baseline date'),
      target: place.text('Target'),
      lessonMissed: place.text('Lesson missed'),
      actual: place.text('Actual'),
      actualDate: place.date('Actual date'),
      furtherAction: place.text('Further action'),
      status: place.text('Status'),
      targetMet: place.text('Target met'),
    },
    provision: entry ? provisionFacts(libraryRecordFrom(entry)) : undefined,
    midPoint: pickReview(reviewsOf('Mid-point')),
    end: pickReview(reviewsOf('End')),
  };
}

/** Only the entry's parent-facing fields: its cost, group size and training never reach a letter. */
function provisionFacts(entry: LibraryRecord): LetterProvisionFacts {
  return {
    name: entry.name,
    areaOfNeed: entry.areaOfNeed,
    helpAtHome: entry.helpAtHome,
    evidenceNote: entry.evidenceNote,
    evidenceLink: entry.evidenceLink,
    evidenceStrength: entry.evidenceStrength,
  };
}

function reviewFacts(row: Row): LetterReviewFacts {
  return {
    status: row.text('Status'),
    dueDate: row.date('Due date'),
    doneOn: row.date('Done on'),
    result: row.text('Result'),
    resultDate: row.date('Result date'),
    progress: row.text('Progress'),
    judgement: row.text('Judgement'),
    furtherAction: row.text('Further action'),
    parentsView: row.text('Parents view'),
  };
}

/** Settings by lower-cased name (the first row of each name wins). */
function settingsMap(settings: Table): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(settingValues(settings))) {
    const key = name.toLowerCase();
    if (!map.has(key)) map.set(key, cellToText(value));
  }
  return map;
}

function docsProblem(err: unknown, otherwise: string): string {
  const text = errorText(err);
  if (/too many times|quota|limit/i.test(text)) {
    return `Google's daily limit on new Docs has been reached (${text}). Try again tomorrow.`;
  }
  return otherwise || `Google Docs said: ${text}`;
}

/** An error's own words (Apps Script's service errors may come from another realm than Error). */
function errorText(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(err);
}

function fullName(row: Row): string {
  return `${row.text('First name')} ${row.text('Last name')}`.trim() || row.id;
}
