/**
 * Letters for a group in one pass: the rules that decide how much one execution does. Apps Script
 * ends an execution after 6 minutes, so a run stops starting new letters once its time budget is
 * spent and hands back the rest; and it reads only the rows it needs, in as few calls as the cost
 * of a call against the cost of the cells allows.
 */

/** A run stops starting letters after 4½ minutes: the last Doc and the writes fit in the rest. */
export const LETTER_RUN_BUDGET_MS = 270_000;

/** At most this many letters in one run (their notes must fit in one document property). */
export const MAX_LETTERS_PER_RUN = 100;

/**
 * Whether a run that started at `startedAt` may start another letter at `now`, having started
 * `started` already. The first letter always starts, so every run gets somewhere.
 */
export function mayStartLetter(
  startedAt: number,
  now: number,
  started: number,
  budgetMs = LETTER_RUN_BUDGET_MS,
): boolean {
  if (started === 0) return true;
  if (started >= MAX_LETTERS_PER_RUN) return false;
  return now - startedAt < budgetMs;
}

/**
 * A service call costs about as much as reading this many cells (60 ms against 0.01 ms a cell):
 * below it, reading a few rows nobody needs is cheaper than another call.
 */
export const CELLS_PER_CALL = 6000;

export interface RowRun {
  /** The first row's index (0-based, into the rows under the header). */
  start: number;
  count: number;
}

/**
 * The blocks of rows to read so that every wanted row is in one of them: consecutive rows
 * together, and two blocks joined when the rows between them cost less to read than a call.
 *
 *   rowRuns([7, 3, 4, 5], 10)          → [{ start: 3, count: 5 }]      (row 6 read, unwanted)
 *   rowRuns([0, 5000], 10)             → [{ start: 0, count: 1 }, { start: 5000, count: 1 }]
 */
export function rowRuns(indices: readonly number[], width: number, cellsPerCall = CELLS_PER_CALL) {
  const sorted = [...new Set(indices)].filter((i) => i >= 0).sort((a, b) => a - b);
  const runs: RowRun[] = [];
  const gapRows = Math.floor(cellsPerCall / Math.max(1, width));
  for (const index of sorted) {
    const last = runs[runs.length - 1];
    if (last && index - (last.start + last.count) <= gapRows) {
      last.count = index - last.start + 1;
    } else {
      runs.push({ start: index, count: 1 });
    }
  }
  return runs;
}

/** Runs of exactly consecutive rows (for writing: rows in between are never written). */
export function consecutiveRuns(indices: readonly number[]): RowRun[] {
  return rowRuns(indices, 1, 0);
}
