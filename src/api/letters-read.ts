/**
 * The facts letters need, read once for a whole group and only the rows it needs: the group's
 * places on Participants, their pupils, their intervention(s) and their reviews, each found by a
 * narrow read of one key column, then read in as few blocks of rows as pays (domain/letter-batch);
 * the small tabs (Settings, Staff, Provision library) whole. Columns are found by header name, so
 * users may reorder columns, sort and insert rows by hand.
 */
import { cellToText } from '../domain/cells';
import { INTERVENTION_COLUMNS } from '../domain/intervention';
import {
  pickReview,
  type LetterFacts,
  type LetterProvisionFacts,
  type LetterReviewFacts,
} from '../domain/letters';
import { libraryRecordFrom, type LibraryRecord } from '../domain/library';
import { TABS, type TabSpec } from '../domain/workbook';
import { settingValues } from '../store/facts';
import { MissingColumnError, MissingTabError, Table, type Row } from '../store/table';
import { readWhere } from '../store/table-where';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A row read by header name: what letters need of a store Row. */
export interface Fields {
  readonly id: string;
  value(header: string): unknown;
  text(header: string): string;
  number(header: string): number | undefined;
  date(header: string): Date | undefined;
}

/** A tab's header row and key columns, read without its other cells. */
export interface TabColumns {
  sheet: Sheet;
  headers: string[];
  /** How many rows sit under the header. */
  rows: number;
  /** Each asked-for column's cells as text, by header ('' for every row when it is missing). */
  columns: Map<string, string[]>;
}

/** The header row and the given columns, one read each; a missing key column is an error. */
export function readColumns(
  spreadsheet: Spreadsheet,
  spec: TabSpec,
  names: readonly string[],
): TabColumns {
  const sheet = spreadsheet.getSheetByName(spec.name);
  if (!sheet) throw new MissingTabError(spec.name);
  const lastRow = sheet.getLastRow();
  const width = sheet.getLastColumn();
  const headers =
    width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map(cellToText) : [];
  const rows = Math.max(0, lastRow - 1);
  const columns = new Map<string, string[]>();
  for (const name of names) {
    const at = headers.indexOf(name);
    if (at < 0) throw new MissingColumnError(spec.name, name);
    const cells = rows > 0 ? sheet.getRange(2, at + 1, rows, 1).getValues() : [];
    columns.set(
      name,
      cells.map((row) => cellToText(row[0])),
    );
  }
  return { sheet, headers, rows, columns };
}

export interface RowsRead {
  headers: string[];
  has(header: string): boolean;
  /** The rows whose key is wanted, in sheet order. */
  rows: Row[];
}

/**
 * The rows whose `key` cell holds one of `wanted`: the key column read alone, then only the
 * blocks of rows that hold a wanted one. `firstOnly` keeps the first row of each key (an ID).
 */
export function readRowsByKey(
  spreadsheet: Spreadsheet,
  spec: TabSpec,
  key: string,
  wanted: ReadonlySet<string>,
  firstOnly: boolean,
): RowsRead {
  const table = readWhere(spreadsheet, spec, { [key]: wanted });
  const seen = new Set<string>();
  const rows = table.records().filter((row) => {
    if (!firstOnly) return true;
    const value = row.text(key);
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
  return { headers: table.headers, has: (header) => table.has(header), rows };
}

/** Everything the letters of one run are made from. */
export interface LetterGroup {
  /** The places asked for, by Participant ID (missing when not on the tab). */
  places: Map<string, Row>;
  /** Participant IDs in the order to make the letters. */
  order: string[];
  hasPlaceColumn(header: string): boolean;
  pupils: Map<string, Row>;
  interventions: Map<string, Row>;
  /** Each place's reviews. */
  reviews: Map<string, Row[]>;
  /** Settings by lower-cased name. */
  settings: Map<string, string>;
  sencoName: string;
  library: Table;
}

export type LetterGroupAsk = { participantIds: string[] } | { interventionId: string };

export function readLetterGroup(spreadsheet: Spreadsheet, ask: LetterGroupAsk): LetterGroup {
  const byIntervention = 'interventionId' in ask;
  const placesRead = byIntervention
    ? readRowsByKey(
        spreadsheet,
        TABS.participants,
        'Intervention ID',
        new Set([ask.interventionId]),
        false,
      )
    : readRowsByKey(
        spreadsheet,
        TABS.participants,
        'Participant ID',
        new Set(ask.participantIds),
        true,
      );
  const places = new Map<string, Row>();
  for (const row of placesRead.rows)
    if (row.id !== '' && !places.has(row.id)) places.set(row.id, row);
  const order = byIntervention ? [...places.keys()] : ask.participantIds;

  const pupilIds = new Set([...places.values()].map((row) => row.text('Pupil ID')));
  const interventionIds = new Set([...places.values()].map((row) => row.text('Intervention ID')));
  const byId = (read: RowsRead): Map<string, Row> => new Map(read.rows.map((row) => [row.id, row]));
  const pupils = byId(readRowsByKey(spreadsheet, TABS.pupils, 'Pupil ID', pupilIds, true));
  const interventions = byId(
    readRowsByKey(spreadsheet, TABS.interventions, 'Intervention ID', interventionIds, true),
  );
  const reviews = new Map<string, Row[]>();
  const reviewRows = readRowsByKey(
    spreadsheet,
    TABS.reviews,
    'Participant ID',
    new Set(places.keys()),
    false,
  ).rows;
  for (const row of reviewRows) {
    const place = row.text('Participant ID');
    reviews.set(place, [...(reviews.get(place) ?? []), row]);
  }

  const settings = settingsMap(Table.read(spreadsheet, TABS.settings));
  const staff = Table.read(spreadsheet, TABS.staff);
  const senco = staff.records().find((row) => row.text('Role').toLowerCase() === 'senco');
  return {
    places,
    order,
    hasPlaceColumn: placesRead.has,
    pupils,
    interventions,
    reviews,
    settings,
    sencoName: senco?.text('Name') ?? '',
    library: Table.read(spreadsheet, TABS.provisionLibrary),
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

/** The one pupil's facts a letter is made from. */
export function letterFacts(
  group: LetterGroup,
  place: Fields,
  pupil: Fields,
  intervention: Fields,
  today: Date,
): LetterFacts {
  const c = INTERVENTION_COLUMNS;
  const reviewsOf = (kind: string): LetterReviewFacts[] =>
    (group.reviews.get(place.id) ?? []).filter((row) => row.text('Kind') === kind).map(reviewFacts);
  const provisionId = intervention.text(c.provisionId);
  const entry = provisionId === '' ? undefined : group.library.find(provisionId);
  return {
    today,
    schoolName: group.settings.get('school name') ?? '',
    sencoName: group.sencoName,
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

function reviewFacts(row: Fields): LetterReviewFacts {
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

/** "Amy Brown", or the row's ID when both names are blank. */
export function fullName(row: Fields): string {
  return `${row.text('First name')} ${row.text('Last name')}`.trim() || row.id;
}
