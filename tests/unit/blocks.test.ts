import { planBlocks, READ_BLOCK_CELLS, WRITE_BLOCK_CELLS } from '../../src/store/blocks';

const rows = (entries: [number, [number, number]][]) => new Map(entries);

describe('which blocks a tab is written in', () => {
  test('the cost model gives a second block the worth of 2,400 cells written, 12,000 read', () => {
    expect(WRITE_BLOCK_CELLS).toBe(2400);
    expect(READ_BLOCK_CELLS).toBe(12000);
  });

  test('two rows far apart are two blocks of the column changed, not the rows between', () => {
    // A Status mark in row 10 and one in row 20,000 of a 24-column tab.
    const blocks = planBlocks(
      rows([
        [10, [5, 5]],
        [20000, [5, 5]],
      ]),
      WRITE_BLOCK_CELLS,
    );
    expect(blocks).toEqual([
      { firstRow: 10, lastRow: 10, firstColumn: 5, lastColumn: 5 },
      { firstRow: 20000, lastRow: 20000, firstColumn: 5, lastColumn: 5 },
    ]);
  });

  test('marks every few rows in one column are one block of that column', () => {
    const marks = Array.from({ length: 100 }, (_v, i): [number, [number, number]] => [
      i * 15,
      [5, 5],
    ]);
    expect(planBlocks(rows(marks), WRITE_BLOCK_CELLS)).toEqual([
      { firstRow: 0, lastRow: 1485, firstColumn: 5, lastColumn: 5 },
    ]);
  });

  test('rows next to each other with different columns are one block spanning those columns', () => {
    expect(
      planBlocks(
        rows([
          [3, [0, 2]],
          [4, [6, 7]],
        ]),
        WRITE_BLOCK_CELLS,
      ),
    ).toEqual([{ firstRow: 3, lastRow: 4, firstColumn: 0, lastColumn: 7 }]);
  });

  test('rows that are not one under the other on the sheet are never joined', () => {
    const blocks = planBlocks(
      rows([
        [0, [0, 3]],
        [1, [0, 3]],
      ]),
      WRITE_BLOCK_CELLS,
      () => false,
    );
    expect(blocks).toHaveLength(2);
  });

  test('reading: rows a few hundred apart on a wide tab are read as one block, far apart apart', () => {
    const near = planBlocks(
      rows([
        [0, [0, 23]],
        [400, [0, 23]],
      ]),
      READ_BLOCK_CELLS,
    );
    expect(near).toHaveLength(1); // 399 rows × 24 = 9,576 cells between: cheaper than two calls
    const far = planBlocks(
      rows([
        [0, [0, 23]],
        [600, [0, 23]],
      ]),
      READ_BLOCK_CELLS,
    );
    expect(far).toHaveLength(2);
  });
});
