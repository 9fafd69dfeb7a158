/**
 * Saves that a retry completes instead of repeating. Each sidebar submit carries a request ID;
 * an operation writes its audit rows (tagged with the ID) BEFORE its tabs, so the audit log is
 * also the operation's intent. When a submit is retried (the reply was lost, or the save was cut
 * off between two writes), the audit rows of its first attempt are found by the ID and whatever
 * of them did not reach the tabs is written now: nothing is done twice, nothing is left half-done.
 */
import { TABS, TAB_ORDER, type ColumnSpec, type TabSpec } from '../domain/workbook';
import { cellToText, type CellInput } from '../domain/cells';
import { dateFromIso } from '../domain/dates';
import { auditText } from './audit-log';
import { documentProperties } from '../services/triggers';
import { Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** IDs the sidebar makes (UUIDs); anything else is ignored rather than searched for. */
export function validRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(value) ? value : undefined;
}

/**
 * Document property: the latest submits that changed something (their IDs, newest last) and the
 * answers of the last few, for a retry to give again.
 */
export const RECENT_REQUESTS_KEY = 'requests.recent';
/** Enough for every submit of the last minutes: a retry comes seconds after its first attempt. */
const RECENT_REQUESTS_KEPT = 100;
const RECENT_RESULTS_KEPT = 5;
/** A document property holds at most 9 KB: an answer bigger than this is not kept. */
const RESULT_CHARACTERS = 1500;

export interface RecentRequests {
  ids: string[];
  results: Record<string, unknown>;
}

export function recentRequests(): RecentRequests {
  try {
    const parsed = JSON.parse(documentProperties().getProperty(RECENT_REQUESTS_KEY) ?? '{}') as {
      ids?: unknown;
      results?: unknown;
    };
    const ids = Array.isArray(parsed.ids)
      ? parsed.ids.filter((id): id is string => typeof id === 'string')
      : [];
    const results =
      typeof parsed.results === 'object' && parsed.results !== null
        ? (parsed.results as Record<string, unknown>)
        : {};
    return { ids, results };
  } catch {
    return { ids: [], results: {} };
  }
}

/**
 * Notes a submit about to write, with its answer, before its audit rows: a retry then knows to
 * look for them, and answers as the first attempt did. One property write, no cache.
 */
export function rememberRequest(requestId: string, recent: RecentRequests, result: unknown): void {
  const ids = [...recent.ids.filter((id) => id !== requestId), requestId].slice(
    -RECENT_REQUESTS_KEPT,
  );
  const answer = JSON.stringify(result);
  const results: Record<string, unknown> = {};
  const kept = ids.slice(-RECENT_RESULTS_KEPT);
  for (const id of kept)
    if (id !== requestId && id in recent.results) results[id] = recent.results[id];
  if (answer !== undefined && answer.length <= RESULT_CHARACTERS) {
    results[requestId] = JSON.parse(answer) as unknown;
  }
  documentProperties().setProperty(RECENT_REQUESTS_KEY, JSON.stringify({ ids, results }));
}

export interface LoggedChange {
  tab: string;
  recordId: string;
  field: string;
  oldValue: string;
  newValue: string;
}

/**
 * The audit rows of a request, found without reading the whole log: a TextFinder over the
 * Request ID column, then one read of the block its rows sit in (they are written together).
 */
export function findRequestChanges(spreadsheet: Spreadsheet, requestId: string): LoggedChange[] {
  const sheet = spreadsheet.getSheetByName(TABS.auditLog.name);
  if (!sheet) return [];
  const lastRow = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (lastRow < 2 || width < 1) return [];
  const headers = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map(cellToText);
  const column = headers.indexOf('Request ID');
  if (column < 0) return [];
  const found = sheet
    .getRange(2, column + 1, lastRow - 1, 1)
    .createTextFinder(requestId)
    .matchEntireCell(true)
    .matchCase(true)
    .findAll();
  if (found.length === 0) return [];
  const rows = found.map((range) => range.getRow());
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const block = sheet.getRange(first, 1, last - first + 1, width).getValues();
  const at = (name: string) => headers.indexOf(name);
  return block
    .filter((row) => cellToText(row[column]) === requestId)
    .map((row) => ({
      tab: cellToText(row[at('Record type')]),
      recordId: cellToText(row[at('Record ID')]),
      field: cellToText(row[at('Field')]),
      oldValue: cellToText(row[at('Old value')]),
      newValue: cellToText(row[at('New value')]),
    }));
}

function specNamed(tab: string): TabSpec | undefined {
  return TAB_ORDER.map((key) => TABS[key] as TabSpec).find((spec) => spec.name === tab);
}

/** The audit log keeps text: a date column's "2026-11-30" goes back as a date, and so on. */
export function typedValue(spec: TabSpec, field: string, text: string): CellInput {
  if (text === '') return '';
  const column: ColumnSpec | undefined = spec.columns.find((c) => c.header === field);
  const isDate = column?.rule?.kind === 'date' || (column?.format ?? '').includes('yyyy');
  if (isDate && /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(text)) {
    return dateFromIso(text.replace(' ', 'T'));
  }
  const isNumber = column?.rule?.kind === 'number' || (column?.format ?? '').includes('0.00');
  if (isNumber && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/**
 * Writes what a first attempt logged but did not write: a field still at its old value gets the
 * new one; a field at neither was changed by someone since and is left alone; a record that is not
 * there at all is added. `tables` are the operation's own (read under the same lock); other tabs
 * are read here. Returns the tables to flush.
 */
export function completeLoggedChanges(
  spreadsheet: Spreadsheet,
  tables: Record<string, Table>,
  changes: readonly LoggedChange[],
): Table[] {
  const byName = new Map(Object.values(tables).map((t) => [t.spec.name, t]));
  const touched = new Set<Table>();
  const records = new Map<string, { table: Table; id: string; changes: LoggedChange[] }>();
  for (const change of changes) {
    let table = byName.get(change.tab);
    if (!table) {
      const spec = specNamed(change.tab);
      if (!spec) continue;
      table = Table.read(spreadsheet, spec);
      byName.set(change.tab, table);
    }
    if (!table.spec.idHeader || change.recordId === '') continue;
    const key = `${change.tab}\u0000${change.recordId}`;
    const record = records.get(key) ?? { table, id: change.recordId, changes: [] };
    record.changes.push(change);
    records.set(key, record);
  }
  for (const { table, id, changes: fields } of records.values()) {
    const spec = table.spec;
    const row = table.find(id);
    if (!row) {
      // Only a record the attempt created (every field from blank) is added back.
      if (fields.some((f) => f.oldValue !== '')) continue;
      const values: Record<string, CellInput> = { [spec.idHeader!]: id };
      for (const f of fields) values[f.field] = typedValue(spec, f.field, f.newValue);
      table.append(values);
      touched.add(table);
      continue;
    }
    const values: Record<string, CellInput> = {};
    for (const f of fields) {
      if (!table.has(f.field)) continue;
      const now = auditText(row.value(f.field));
      if (now === f.newValue || now !== f.oldValue) continue;
      values[f.field] = typedValue(spec, f.field, f.newValue);
    }
    if (Object.keys(values).length > 0) {
      row.set(values);
      touched.add(table);
    }
  }
  return [...touched];
}
