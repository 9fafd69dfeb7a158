/**
 * What a spreadsheet call costs against the cells it moves, from the cost model `npm run bench`
 * states (scripts/bench.ts: 60 ms a call, 0.01 ms a cell read, 0.05 ms a cell written). Reads and
 * writes are planned with them: a few cells nobody needs are cheaper than one more call.
 */
export const MS_PER_CALL = 60;
export const MS_PER_CELL_READ = 0.01;
export const MS_PER_CELL_WRITTEN = 0.05;

/** One call costs about as much as reading 6,000 cells. */
export const CELLS_READ_PER_CALL = MS_PER_CALL / MS_PER_CELL_READ;
/** One call costs about as much as writing 1,200 cells. */
export const CELLS_WRITTEN_PER_CALL = MS_PER_CALL / MS_PER_CELL_WRITTEN;
