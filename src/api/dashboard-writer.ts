/**
 * Writes a report plan (domain/report-plan.ts) below the Dashboard's status rows: the old report
 * is cleared with its charts and colouring rules, then the values go in one write, each format in
 * one write over the whole report, the colouring as one set of rules and each chart once. Building
 * again replaces the last build; nothing piles up.
 */
import { toCell } from '../domain/cells';
import { COLOURS, type Block, type ReportPlan } from '../domain/report-plan';
import { REPORT_FIRST_ROW } from '../store/dashboard-frame';
import { ensureRows } from '../store/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Average outcome scores: −1 or below is not working, 0 or above is as expected or better. */
export const SCORE_BANDS = { poorAtMost: -1, goodFrom: 0 } as const;

export function writeReport(sheet: Sheet, plan: ReportPlan, asOfText: string): void {
  const rows = plan.cells.length;
  const width = plan.width;
  ensureRows(sheet, REPORT_FIRST_ROW + rows);
  if (sheet.getMaxColumns() < width) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  }
  // The last build's report (it ends with the last row holding anything), its charts and rules;
  // the spare rows below it hold nothing to clear.
  const oldRows = sheet.getLastRow() - REPORT_FIRST_ROW + 1;
  if (oldRows > 0) sheet.getRange(REPORT_FIRST_ROW, 1, oldRows, sheet.getMaxColumns()).clear();
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);

  sheet.getRange(2, 1).setValue(toCell(asOfText));
  if (rows === 0) {
    sheet.setConditionalFormatRules([]);
    return;
  }
  const range = sheet.getRange(REPORT_FIRST_ROW, 1, rows, width);
  range.setValues(plan.cells.map((row) => row.map((cell) => toCell(cell))));
  writeFormats(range, plan);
  sheet.setConditionalFormatRules(scoreRules(sheet, plan.scoreColouring));
  for (const [column, pixels] of plan.columnWidths.entries()) {
    if (pixels > 0) sheet.setColumnWidth(column + 1, pixels);
  }
  for (const chart of plan.charts) insertChart(sheet, chart);
}

function writeFormats(range: GoogleAppsScript.Spreadsheet.Range, plan: ReportPlan): void {
  const grid = <T>(value: T): T[][] => plan.cells.map((row) => row.map(() => value));
  const backgrounds = grid<string | null>(null);
  const fontColors = grid<string | null>(null);
  const weights = grid<GoogleAppsScript.Spreadsheet.FontWeight | null>(null);
  const styles = grid<GoogleAppsScript.Spreadsheet.FontStyle | null>(null);
  const sizes = grid<number>(10);
  const formats = grid<string>('General');
  const wraps = grid<boolean>(false);
  for (const style of plan.styles) {
    for (let r = style.row; r < style.row + style.rows; r += 1) {
      for (let c = style.column; c < style.column + style.columns; c += 1) {
        if (style.background) backgrounds[r]![c] = style.background;
        if (style.fontColor) fontColors[r]![c] = style.fontColor;
        if (style.bold) weights[r]![c] = 'bold';
        if (style.italic) styles[r]![c] = 'italic';
        if (style.fontSize) sizes[r]![c] = style.fontSize;
        if (style.numberFormat) formats[r]![c] = style.numberFormat;
        if (style.wrap) wraps[r]![c] = true;
      }
    }
  }
  range
    .setBackgrounds(backgrounds)
    .setFontColors(fontColors)
    .setFontWeights(weights)
    .setFontStyles(styles)
    .setFontSizes(sizes)
    .setNumberFormats(formats)
    .setWraps(wraps);
}

function blockRange(sheet: Sheet, block: Block): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(
    REPORT_FIRST_ROW + block.row,
    block.column + 1,
    Math.max(block.rows, 1),
    Math.max(block.columns, 1),
  );
}

/** Three rules (good, poor, in between) over every coloured block. */
function scoreRules(
  sheet: Sheet,
  blocks: readonly Block[],
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  if (blocks.length === 0) return [];
  const ranges = blocks.map((block) => blockRange(sheet, block));
  const rule = (): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder =>
    SpreadsheetApp.newConditionalFormatRule().setRanges(ranges);
  return [
    rule().whenNumberGreaterThanOrEqualTo(SCORE_BANDS.goodFrom).setBackground(COLOURS.good).build(),
    rule().whenNumberLessThanOrEqualTo(SCORE_BANDS.poorAtMost).setBackground(COLOURS.poor).build(),
    rule()
      .whenNumberBetween(SCORE_BANDS.poorAtMost, SCORE_BANDS.goodFrom)
      .setBackground(COLOURS.middling)
      .build(),
  ];
}

function insertChart(sheet: Sheet, chart: ReportPlan['charts'][number]): void {
  const type = {
    BAR: Charts.ChartType.BAR,
    COLUMN: Charts.ChartType.COLUMN,
    SCATTER: Charts.ChartType.SCATTER,
  }[chart.kind];
  // The header row goes with the data: Sheets names the series from it.
  const data = { ...chart.data, row: chart.data.row - 1, rows: chart.data.rows + 1 };
  const vAxis: Record<string, unknown> = { title: chart.vAxisTitle };
  if (chart.vAxisRange) vAxis.viewWindow = chart.vAxisRange;
  const hAxis: Record<string, unknown> = { title: chart.hAxisTitle };
  if (chart.hAxisRange) hAxis.viewWindow = chart.hAxisRange;
  let builder = sheet
    .newChart()
    .setChartType(type)
    .addRange(blockRange(sheet, data))
    .setNumHeaders(1)
    .setPosition(REPORT_FIRST_ROW + chart.anchor.row, chart.anchor.column + 1, 0, 0)
    .setOption('title', chart.title)
    .setOption('width', chart.width)
    .setOption('height', chart.height)
    .setOption('hAxis', hAxis)
    .setOption('vAxis', vAxis)
    .setOption('legend', { position: chart.data.columns > 2 ? 'top' : 'none' });
  if (chart.colors) builder = builder.setOption('colors', chart.colors);
  sheet.insertChart(builder.build());
}
