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

export interface RowRun {
  /** The first row's index (0-based, into the rows under the header). */
  start: number;
  count: number;
}

/** Runs of exactly consecutive rows (for writing: rows in between are never written). */
export function consecutiveRuns(indices: readonly number[]): RowRun[] {
  const sorted = [...new Set(indices)].filter((i) => i >= 0).sort((a, b) => a - b);
  const runs: RowRun[] = [];
  for (const index of sorted) {
    const last = runs[runs.length - 1];
    if (last && index === last.start + last.count) last.count += 1;
    else runs.push({ start: index, count: 1 });
  }
  return runs;
}
