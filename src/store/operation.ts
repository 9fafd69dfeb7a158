/**
 * One user operation on the workbook: under the document lock, read the tabs it needs (whole, or
 * only the rows it needs), let the caller decide every change in memory, then append the audit
 * log's rows in one write and write back each changed tab's changed cells. A refusal
 * ({ ok: false }) or an error writes nothing.
 *
 * The audit rows go first: they are the operation's intent, tagged with the sidebar's request ID,
 * so a retry of the same submit finds them and completes whatever did not reach the tabs (see
 * request-log.ts) instead of doing it all again. Before them the submit's ID and answer are noted
 * in the document properties: only a submit noted there is looked for in the log, and the retry
 * gives the same answer; when the answer was not kept, the caller's `alreadyDone` words are used.
 * A save cut off and not retried is put right by the next save of the same record (its own tab is
 * written last, and derived rows such as reviews are checked again by it).
 */
import type { TabSpec } from '../domain/workbook';
import { withDocumentLock } from '../services/lock';
import { currentUserEmail } from '../services/environment';
import { writeAudit } from './audit-log';
import {
  completeLoggedChanges,
  findRequestChanges,
  recentRequests,
  rememberRequest,
  validRequestId,
} from './request-log';
import { Table, type Change } from './table';
import { readWhere, type RowMatch } from './table-where';
import { activeSpreadsheet } from './workbook';

/** How an operation reads its tabs: whole, or only the rows it needs. */
export interface TableLoader {
  whole(spec: TabSpec): Table;
  /** See readWhere: the rows matching, and those sharing a `sharing` column's value with them. */
  where(spec: TabSpec, match: RowMatch, sharing?: readonly string[]): Table;
}

export interface OperationContext {
  /** Who is acting (for the audit log and "created by"). */
  user: string;
  now: Date;
}

export interface OperationOptions<K extends string, T> {
  /**
   * Reads the tabs (in the same keys as the specs, the operation's own record first) with only
   * the rows the operation needs; left out, each tab is read whole. A retry reads them whole.
   */
  load?: (loader: TableLoader) => NoInfer<Record<K, Table>>;
  /** The sidebar's ID for this submit (see request-log.ts); ignored when not a valid ID. */
  requestId?: unknown;
  /** What a retry returns when its first attempt saved and its answer was not kept. */
  alreadyDone?: (recordIds: string[]) => NoInfer<T>;
  /**
   * Works out again what follows from the record (figures written unaudited, see
   * Row.setDerived) when a retry has completed the first attempt's writes from the audit log.
   */
  afterRetry?: (
    tables: NoInfer<Record<K, Table>>,
    context: OperationContext,
    recordIds: readonly string[],
  ) => void;
}

function isRefusal(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === false;
}

export function runOperation<K extends string, T>(
  specs: Record<K, TabSpec>,
  work: (tables: Record<K, Table>, context: OperationContext) => T,
  options: OperationOptions<K, T> = {},
): T {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const readWhole = (): Record<K, Table> => {
      const whole = {} as Record<K, Table>;
      for (const key of Object.keys(specs) as K[]) whole[key] = Table.read(spreadsheet, specs[key]);
      return whole;
    };
    const requestId = validRequestId(options.requestId);

    // Only a submit seen before can be a retry: the audit log is searched for those alone.
    const recent = requestId && options.alreadyDone ? recentRequests() : { ids: [], results: {} };
    if (requestId && options.alreadyDone && recent.ids.includes(requestId)) {
      const logged = findRequestChanges(spreadsheet, requestId);
      if (logged.length > 0) {
        const tables = readWhole();
        // A retry: finish the first attempt's writes, then give its result again.
        const touched = completeLoggedChanges(spreadsheet, tables, logged);
        if (options.afterRetry) {
          options.afterRetry(
            tables,
            { user: currentUserEmail(), now: new Date() },
            logged.map((c) => c.recordId),
          );
          const own = Object.values<Table>(tables).reverse();
          for (const table of touched) if (!own.includes(table)) table.flush();
          for (const table of own) table.flush();
        } else {
          for (const table of touched) table.flush();
        }
        if (requestId in recent.results) return recent.results[requestId] as T;
        return options.alreadyDone([...new Set(logged.map((c) => c.recordId))]);
      }
    }

    const tables = options.load
      ? options.load({
          whole: (spec) => Table.read(spreadsheet, spec),
          where: (spec, match, sharing) => readWhere(spreadsheet, spec, match, sharing),
        })
      : readWhole();
    const context: OperationContext = { user: currentUserEmail(), now: new Date() };
    const result = work(tables, context);
    if (isRefusal(result)) return result;
    const changes: Change[] = Object.values<Table>(tables).flatMap((table) => table.changes);
    if (requestId && options.alreadyDone && changes.length > 0) {
      rememberRequest(requestId, recent, result);
    }
    writeAudit(spreadsheet, changes, { ...context, requestId });
    // The operation's own record (its first tab) is written last: a save cut off between writes
    // then leaves that record as it was, and saving it again does the rest again.
    for (const table of Object.values<Table>(tables).reverse()) table.flush();
    return result;
  });
}
