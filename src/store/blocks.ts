/**
 * Which blocks of a tab one operation reads or writes. A call to the spreadsheet costs about as
 * much as thousands of cells (see scripts/bench.ts: 60 ms a call, 0.01 ms a cell read, 0.05 ms a
 * cell written: domain/call-costs.ts), so rows close together go in one block and rows far apart in separate ones,
 * whichever moves less: the gap's cells are weighed against the calls a second block costs.
 */

import { CELLS_READ_PER_CALL, CELLS_WRITTEN_PER_CALL } from '../domain/call-costs';

/** A rectangle of a table: data-row indices and column indices, both inclusive. */
export interface Block {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

/** A second block costs two calls (getRange and getValues or setValues). */
const CALLS_PER_BLOCK = 2;
/** Cells a second read block is worth: 12,000. */
export const READ_BLOCK_CELLS = CALLS_PER_BLOCK * CELLS_READ_PER_CALL;
/** Cells a second write block is worth: 2,400. */
export const WRITE_BLOCK_CELLS = CALLS_PER_BLOCK * CELLS_WRITTEN_PER_CALL;

/**
 * Groups rows, each with the columns it needs, into blocks. `joinable(a, b)` says whether the rows
 * from index a to index b sit one under the other on the sheet with all of them at hand (a block
 * may then span them); `blockCells` is what a block is worth in cells.
 */
export function planBlocks(
  rows: ReadonlyMap<number, readonly [number, number]>,
  blockCells: number,
  joinable: (from: number, to: number) => boolean = () => true,
): Block[] {
  const order = [...rows.keys()].sort((a, b) => a - b);
  const blocks: Block[] = [];
  for (const index of order) {
    const [from, to] = rows.get(index)!;
    const current = blocks[blocks.length - 1];
    if (current && joinable(current.lastRow, index)) {
      const width = (b: Block) => b.lastColumn - b.firstColumn + 1;
      const apart = (current.lastRow - current.firstRow + 1) * width(current) + (to - from + 1);
      const merged: Block = {
        firstRow: current.firstRow,
        lastRow: index,
        firstColumn: Math.min(current.firstColumn, from),
        lastColumn: Math.max(current.lastColumn, to),
      };
      const together = (index - current.firstRow + 1) * width(merged);
      if (together - apart <= blockCells) {
        blocks[blocks.length - 1] = merged;
        continue;
      }
    }
    blocks.push({ firstRow: index, lastRow: index, firstColumn: from, lastColumn: to });
  }
  return blocks;
}
