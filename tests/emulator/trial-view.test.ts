/**
 * The trial page shows a tab as Sheets would: cell formats, conditional formats and embedded
 * charts, all worked out in the view the page is sent.
 */
import { Runtime, SCOPE } from '../../emulator/src/core';
import { emptyState, type ChartState, type SheetState } from '../../emulator/src/state';
import { createSpreadsheetApp, sheetBridge } from '../../emulator/src/spreadsheet';
import { createCharts } from '../../emulator/src/charts';
import { tabView, type CellStyleView, type TabView } from '../../emulator/server/view';
import { chartSvg } from '../../emulator/server/chart-svg';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type ChartsService = GoogleAppsScript.Charts.Charts;

const NOW = new Date('2026-11-23T09:00:00Z');

function setup(): { rt: Runtime; app: App; Charts: ChartsService; sheet: Sheet } {
  const rt = new Runtime(
    emptyState(),
    { now: () => NOW },
    'senco@school.example',
    new Set([SCOPE.SPREADSHEETS_CURRENTONLY]),
    '/tmp/trial-view-test-build',
  );
  const app = createSpreadsheetApp(rt) as unknown as App;
  const Charts = createCharts(rt, sheetBridge) as unknown as ChartsService;
  const sheet = app.getActiveSpreadsheet().getSheets()[0] as Sheet;
  return { rt, app, Charts, sheet };
}

function view(rt: Runtime, name = 'Sheet1'): TabView {
  const sheet = rt.state.spreadsheet.sheets.find((s) => s.name === name) as SheetState;
  return tabView(sheet, rt.state.spreadsheet, NOW);
}

/** The format the page gives the cell at (row, column), 1-based, decoding the style runs. */
function styleAt(tab: TabView, row: number, column: number): CellStyleView {
  const runs = tab.cellStyles[row - 1] ?? [];
  let first = 1;
  for (let i = 0; i < runs.length; i += 2) {
    const [style = 0, count = 0] = [runs[i], runs[i + 1]];
    if (column < first + count) return tab.styles[style] ?? {};
    first += count;
  }
  return {};
}

const count = (svg: string, pattern: RegExp): number => (svg.match(pattern) ?? []).length;
const bars = (svg: string): number => count(svg, /<rect class="bar"/g);
const points = (svg: string): number => count(svg, /<circle class="point"/g);

/** Interventions per year group, with a header row. */
function interventions(sheet: Sheet): GoogleAppsScript.Spreadsheet.Range {
  const range = sheet.getRange(1, 1, 4, 3);
  range.setValues([
    ['Year', 'Running', 'Finished'],
    ['Year 3', 4, 1],
    ['Year 4', 6, 3],
    ['Year 5', 2, 0],
  ]);
  return range;
}

describe('cell formats in the view', () => {
  test('a header row made bold on a blue background, centred, shows so; other cells stay plain', () => {
    const { rt, sheet } = setup();
    interventions(sheet);
    sheet
      .getRange('A1:C1')
      .setFontWeight('bold')
      .setBackground('#e8f0fe')
      .setFontColor('#1f1f1f')
      .setHorizontalAlignment('center');
    sheet.getRange('B3').setFontStyle('italic').setFontSize(14).setWrap(true);
    const tab = view(rt);
    expect(styleAt(tab, 1, 1)).toEqual({
      background: '#e8f0fe',
      color: '#1f1f1f',
      bold: true,
      align: 'center',
    });
    expect(styleAt(tab, 1, 3)).toEqual(styleAt(tab, 1, 1));
    expect(styleAt(tab, 3, 2)).toEqual({ italic: true, fontSize: 14, wrap: true });
    expect(styleAt(tab, 2, 1)).toEqual({});
    // One run for the whole header row, and nothing sent for unformatted rows.
    expect(tab.cellStyles[0]).toHaveLength(2);
    expect(tab.cellStyles[1]).toEqual([]);
  });

  test('a big tab formatted by whole rows stays small: one style, a short run per row', () => {
    const { rt, sheet } = setup();
    const rows = Array.from({ length: 10000 }, (_, i) => [`PUP-${i}`, i, 'Year 3', 'SEN support']);
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    sheet.getRange(1, 1, rows.length, 4).setValues(rows).setBackground('#fce8e6');
    const tab = view(rt);
    expect(tab.styles).toEqual([{}, { background: '#fce8e6' }]);
    expect(tab.cellStyles.every((runs) => runs.join() === '1,4')).toBe(true);
    expect(JSON.stringify(tab.cellStyles).length).toBeLessThan(20 * rows.length);
  });

  test('a formatted empty cell below the data is sent too, and notes are sent by cell', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1').setValue('Total');
    sheet.getRange('B5').setBackground('yellow').setNote('Check this');
    const tab = view(rt);
    expect(tab.rows).toHaveLength(1);
    expect(styleAt(tab, 5, 2)).toEqual({ background: 'yellow' });
    expect(tab.notes).toEqual({ '5,2': 'Check this' });
  });

  test('a colour that is not a colour is not sent to the page', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1').setValue('x').setBackground('red; background-image: url(http://x)');
    expect(styleAt(view(rt), 1, 1)).toEqual({});
  });
});

describe('conditional formats in the view', () => {
  function scores(app: App, sheet: Sheet): void {
    sheet.getRange('A1:B5').setValues([
      ['Pupil', 'Outcome'],
      ['A. B.', 2],
      ['C. D.', 0],
      ['E. F.', -1],
      ['G. H.', 'n/a'],
    ]);
    const outcomes = sheet.getRange('B2:B5');
    const rule = (build: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder) =>
      build.setRanges([outcomes]).build();
    sheet.setConditionalFormatRules([
      rule(app.newConditionalFormatRule().whenNumberGreaterThan(0).setBackground('#b7e1cd')),
      rule(app.newConditionalFormatRule().whenNumberEqualTo(0).setBackground('#fce8b2')),
      rule(
        app
          .newConditionalFormatRule()
          .whenNumberLessThan(0)
          .setBackground('#f4c7c3')
          .setFontColor('#a50e0e')
          .setBold(true),
      ),
      // Never reached for a negative number: the rule above wins.
      rule(app.newConditionalFormatRule().whenNumberLessThan(5).setBackground('#000000')),
    ]);
  }

  test('a number column shows green, amber and red by value; the first matching rule wins', () => {
    const { rt, app, sheet } = setup();
    scores(app, sheet);
    const tab = view(rt);
    expect(styleAt(tab, 2, 2)).toEqual({ background: '#b7e1cd' });
    expect(styleAt(tab, 3, 2)).toEqual({ background: '#fce8b2' });
    expect(styleAt(tab, 4, 2)).toEqual({ background: '#f4c7c3', color: '#a50e0e', bold: true });
    // Text is no number: no rule applies, and cells outside the rules' range are untouched.
    expect(styleAt(tab, 5, 2)).toEqual({});
    expect(styleAt(tab, 2, 1)).toEqual({});
  });

  test("the conditional format goes over the cell's own format, keeping what it does not set", () => {
    const { rt, app, sheet } = setup();
    scores(app, sheet);
    sheet.getRange('B4').setBackground('#ffffff').setFontStyle('italic');
    expect(styleAt(view(rt), 4, 2)).toEqual({
      italic: true,
      background: '#f4c7c3',
      color: '#a50e0e',
      bold: true,
    });
  });
});

describe('embedded charts in the view', () => {
  test('a bar chart has a bar per category, its title and category labels, at its anchor', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['Need', 'Pupils'],
      ['SEMH', 7],
      ['SLCN', 12],
      ['SpLD', 5],
    ]);
    const chart = sheet
      .newChart()
      .asBarChart()
      .setTitle('Pupils by need')
      .addRange(sheet.getRange('A1:B4'))
      .setPosition(2, 4, 10, 5)
      .setOption('width', 480)
      .setOption('height', 300)
      .build();
    sheet.insertChart(chart);
    const [shown, ...others] = view(rt).charts;
    expect(others).toEqual([]);
    expect(shown).toMatchObject({
      row: 2,
      column: 4,
      offsetX: 10,
      offsetY: 5,
      width: 480,
      height: 300,
      title: 'Pupils by need',
    });
    const svg = shown?.svg ?? '';
    expect(bars(svg)).toBe(3);
    expect(svg).toContain('>Pupils by need</text>');
    for (const need of ['SEMH', 'SLCN', 'SpLD']) expect(svg).toContain(`>${need}</text>`);
    // The header is the series' name, not a category.
    expect(svg).not.toContain('class="category">Need<');
    // Horizontal bars: the longest bar is the widest one, all start at the same x.
    const rects = [...svg.matchAll(/<rect class="bar" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)];
    const widths = rects.map((m) => Number(m[2]));
    expect(new Set(rects.map((m) => m[1])).size).toBe(1);
    expect(widths[1]).toBeGreaterThan(widths[0] ?? 0);
    expect(widths[0]).toBeGreaterThan(widths[2] ?? 0);
  });

  test('a column chart of two series has a bar per value, and a legend naming the series', () => {
    const { rt, Charts, sheet } = setup();
    const range = interventions(sheet);
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.COLUMN)
        .addRange(range)
        .setOption('title', 'Interventions by year group')
        .setOption('vAxis.title', 'Interventions')
        .build(),
    );
    const svg = view(rt).charts[0]?.svg ?? '';
    // Year 5 finished none: a zero-height bar is still drawn for it.
    expect(bars(svg)).toBe(6);
    expect(count(svg, /class="legend-key"/g)).toBe(2);
    expect(svg).toContain('>Running</text>');
    expect(svg).toContain('>Finished</text>');
    expect(svg).toContain('class="axis-title">Interventions</text>');
    // Value ticks from 0 up to at least the biggest value.
    const ticks = [...svg.matchAll(/class="tick">([\d.,]+)</g)].map((m) => Number(m[1]));
    expect(ticks[0]).toBe(0);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(6);
  });

  test('a scatter chart has a point per pair of numbers, skipping text, with its axis titles', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1:B6').setValues([
      ['Baseline', 'Result'],
      [82, 90],
      [95, 101],
      ['absent', 88],
      [104, 'not yet'],
      [88, 97],
    ]);
    sheet.insertChart(
      sheet
        .newChart()
        .asScatterChart()
        .setTitle('Result against baseline')
        .setXAxisTitle('Baseline score')
        .setYAxisTitle('Result score')
        .addRange(sheet.getRange('A1:B6'))
        .build(),
    );
    const svg = view(rt).charts[0]?.svg ?? '';
    expect(points(svg)).toBe(3);
    expect(svg).toContain('class="axis-title">Baseline score</text>');
    expect(svg).toContain('class="axis-title">Result score</text>');
    expect(svg).toContain('>Result against baseline</text>');
  });

  test('a chart reads ranges given apart (categories in A, values in C) and from another tab', () => {
    const { rt, app, sheet } = setup();
    const data = app.getActiveSpreadsheet().insertSheet('Figures');
    data.getRange('A1:C3').setValues([
      ['Lesson', 'Teacher', 'Minutes'],
      ['English', 'Ms A', 40],
      ['Maths', 'Mr B', 25],
    ]);
    sheet.insertChart(
      sheet
        .newChart()
        .asColumnChart()
        .addRange(data.getRange('A1:A3'))
        .addRange(data.getRange('C1:C3'))
        .build(),
    );
    const svg = view(rt).charts[0]?.svg ?? '';
    expect(bars(svg)).toBe(2);
    expect(svg).toContain('>English</text>');
    expect(svg).not.toContain('Ms A');
  });

  test('sheet text in a chart is escaped: it shows as text and cannot add markup', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      ['Group', 'Pupils'],
      ['<script>alert(1)</script> & "Co"', 3],
    ]);
    sheet.insertChart(
      sheet
        .newChart()
        .asColumnChart()
        .setTitle('Tom & Jerry <b>')
        .setColors(['red"/><script>alert(2)</script>'])
        .addRange(sheet.getRange('A1:B2'))
        .build(),
    );
    const { svg, title } = view(rt).charts[0] ?? { svg: '', title: '' };
    expect(title).toBe('Tom & Jerry <b>');
    expect(svg).not.toMatch(/<script|<b>/);
    expect(svg).toContain('Tom &#38; Jerry &#60;b&#62;');
    expect(svg).toContain('&#60;script&#62;');
    // A colour that is not one falls back to Sheets' first series colour.
    expect(svg).toContain('fill="#4285f4"');
  });

  test('a chart of an empty range, or of text only, is an empty chart with its title', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      ['Name', 'Notes'],
      ['A. B.', 'away'],
    ]);
    for (const a1 of ['D1:E10', 'A1:B2']) {
      sheet.insertChart(
        sheet.newChart().asBarChart().setTitle(`Chart ${a1}`).addRange(sheet.getRange(a1)).build(),
      );
    }
    sheet.insertChart(sheet.newChart().asColumnChart().build());
    const charts = view(rt).charts;
    expect(charts).toHaveLength(3);
    for (const chart of charts) {
      expect(bars(chart.svg)).toBe(0);
      expect(chart.svg).toContain('>No data</text>');
    }
    expect(charts[0]?.svg).toContain('>Chart D1:E10</text>');
  });
});

describe('chartSvg on its own', () => {
  const spec = (type: string, options: Record<string, unknown> = {}): ChartState => ({
    id: 1,
    type,
    ranges: [],
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    options,
    numHeaders: -1,
    mergeStrategy: 'MERGE_COLUMNS',
    hiddenDimensionStrategy: 'IGNORE_ROWS',
    transpose: false,
  });

  test('without a header row every row is a category, and Sheets’ default size is used', () => {
    const drawing = chartSvg(spec('COLUMN'), [
      ['Mon', 3],
      ['Tue', 5],
    ]);
    expect(bars(drawing.svg)).toBe(2);
    expect(drawing).toMatchObject({ width: 600, height: 371, title: '' });
    expect(drawing.svg).toContain('>Mon</text>');
  });

  test('setNumHeaders(0) makes a text first row a category like the others', () => {
    const chart = { ...spec('BAR'), numHeaders: 0 };
    const svg = chartSvg(chart, [
      ['Reading', 'x'],
      ['Maths', 4],
    ]).svg;
    expect(svg).toContain('class="category">Reading<');
    expect(bars(svg)).toBe(1);
  });

  test('a stacked column chart draws each value on top of the one before', () => {
    const svg = chartSvg(spec('COLUMN', { isStacked: true }), [
      ['Term', 'A', 'B'],
      ['Autumn', 2, 3],
    ]).svg;
    const rects = [
      ...svg.matchAll(
        /<rect class="bar" x="([\d.]+)" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g,
      ),
    ];
    expect(rects).toHaveLength(2);
    const [a, b] = rects.map((m) => ({ x: Number(m[1]), y: Number(m[2]), h: Number(m[3]) }));
    expect(a?.x).toBe(b?.x);
    expect((b?.y ?? 0) + (b?.h ?? 0)).toBeCloseTo(a?.y ?? NaN, 0);
  });

  test('a pie chart has a slice per positive value and a legend of the categories', () => {
    const svg = chartSvg(spec('PIE'), [
      ['Need', 'Pupils'],
      ['SEMH', 3],
      ['SLCN', 1],
      ['None', 0],
    ]).svg;
    expect(count(svg, /class="slice"/g)).toBe(2);
    expect(svg).toContain('>75%</text>');
    expect(count(svg, /class="legend-key"/g)).toBe(3);
  });

  test('a chart type the trial does not draw says so instead of drawing something wrong', () => {
    const svg = chartSvg(spec('GEO'), [['England', 3]]).svg;
    expect(svg).toContain('geo charts are not drawn in the trial');
  });
});
