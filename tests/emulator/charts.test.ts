import { Runtime, SCOPE } from '../../emulator/src/core';
import {
  emptyState,
  parseState,
  serializeState,
  type EmulatorState,
} from '../../emulator/src/state';
import {
  createSpreadsheetApp,
  PROTECTED_MESSAGE,
  sheetBridge,
} from '../../emulator/src/spreadsheet';
import { createCharts } from '../../emulator/src/charts';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type ChartsService = GoogleAppsScript.Charts.Charts;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

const NOW = new Date('2026-11-23T09:00:00Z');

function setup(state: EmulatorState = emptyState()): {
  rt: Runtime;
  app: App;
  Charts: ChartsService;
  sheet: Sheet;
} {
  const rt = new Runtime(
    state,
    { now: () => NOW },
    'senco@school.example',
    new Set([SCOPE.SPREADSHEETS_CURRENTONLY]),
    '/tmp/charts-test-build',
  );
  const app = createSpreadsheetApp(rt) as unknown as App;
  const Charts = createCharts(rt, sheetBridge) as unknown as ChartsService;
  const sheet = app.getActiveSpreadsheet().getSheets()[0] as Sheet;
  return { rt, app, Charts, sheet };
}

/** Interventions per year group, with a header row. */
function data(sheet: Sheet): GoogleAppsScript.Spreadsheet.Range {
  const range = sheet.getRange(1, 1, 4, 2);
  range.setValues([
    ['Year', 'Interventions'],
    ['Year 3', 4],
    ['Year 4', 6],
    ['Year 5', 2],
  ]);
  return range;
}

function a1s(chart: EmbeddedChart | GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder): string[] {
  return chart.getRanges().map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`);
}

describe('Sheet.newChart / insertChart / getCharts', () => {
  test('a column chart built and inserted is returned by getCharts with its settings', () => {
    const { rt, Charts, sheet } = setup();
    const range = data(sheet);
    rt.resetCalls();
    const chart = sheet
      .newChart()
      .asColumnChart()
      .setTitle('Interventions by year')
      .setLegendPosition(Charts.Position.BOTTOM)
      .addRange(range)
      .setNumHeaders(1)
      .setPosition(6, 4, 10, 20)
      .build();
    sheet.insertChart(chart);

    const [stored, ...others] = sheet.getCharts();
    expect(others).toHaveLength(0);
    expect(stored?.modify().getChartType()).toBe('COLUMN');
    expect(a1s(stored as EmbeddedChart)).toEqual(['Sheet1!A1:B4']);
    expect(stored?.getNumHeaders()).toBe(1);
    const info = stored?.getContainerInfo();
    expect([
      info?.getAnchorRow(),
      info?.getAnchorColumn(),
      info?.getOffsetX(),
      info?.getOffsetY(),
    ]).toEqual([6, 4, 10, 20]);
    expect(stored?.getOptions().get('title')).toBe('Interventions by year');
    expect(stored?.getOptions().get('legend.position')).toBe('bottom');
    // Each method is a counted service call, under its own class.
    expect(rt.calls.get('SpreadsheetApp.Sheet.newChart')).toBe(1);
    expect(rt.calls.get('SpreadsheetApp.EmbeddedChartBuilder.asColumnChart')).toBe(1);
    expect(rt.calls.get('SpreadsheetApp.EmbeddedColumnChartBuilder.addRange')).toBe(1);
    expect(rt.calls.get('SpreadsheetApp.EmbeddedColumnChartBuilder.setTitle')).toBe(1);
    expect(rt.calls.get('SpreadsheetApp.Sheet.insertChart')).toBe(1);
    expect(rt.calls.get('SpreadsheetApp.Sheet.getCharts')).toBe(1);
    expect(rt.calls.get('Charts.ChartOptions.get')).toBe(2);
  });

  test('the defaults: anchored at A1, headers detected, columns merged, hidden rows ignored', () => {
    const { Charts, sheet } = setup();
    const chart = sheet.newChart().setChartType(Charts.ChartType.PIE).build();
    const info = chart.getContainerInfo();
    expect([
      info.getAnchorRow(),
      info.getAnchorColumn(),
      info.getOffsetX(),
      info.getOffsetY(),
    ]).toEqual([1, 1, 0, 0]);
    expect(chart.getNumHeaders()).toBe(-1);
    expect(chart.getMergeStrategy()).toBe('MERGE_COLUMNS');
    expect(chart.getHiddenDimensionStrategy()).toBe('IGNORE_ROWS');
    expect(chart.getTransposeRowsAndColumns()).toBe(false);
    expect(chart.getRanges()).toEqual([]);
    expect((chart as unknown as { asDataSourceChart(): unknown }).asDataSourceChart()).toBeNull();
  });

  test('a built chart has no id until inserted; each insertion gets its own id', () => {
    const { Charts, sheet } = setup();
    const chart = sheet.newChart().setChartType(Charts.ChartType.BAR).addRange(data(sheet)).build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    sheet.insertChart(chart);
    const ids = sheet.getCharts().map((c) => c.getChartId());
    expect(ids).toHaveLength(2);
    expect(ids.every((id) => Number.isInteger(id))).toBe(true);
    expect(new Set(ids).size).toBe(2);
    expect(chart.getChartId()).toBeNull(); // the built chart itself is a snapshot
  });

  test('addRange does not add a range twice; removeRange removes an exact match only, silently', () => {
    const { Charts, sheet } = setup();
    const builder = sheet.newChart().setChartType(Charts.ChartType.LINE);
    builder.addRange(sheet.getRange('A1:B5')).addRange(sheet.getRange('A1:B5'));
    builder.addRange(sheet.getRange('A6:B8'));
    expect(a1s(builder)).toEqual(['Sheet1!A1:B5', 'Sheet1!A6:B8']);
    builder.removeRange(sheet.getRange('A1:B4')); // not a range of the chart: no change, no error
    expect(a1s(builder)).toEqual(['Sheet1!A1:B5', 'Sheet1!A6:B8']);
    builder.removeRange(sheet.getRange('A6:B8'));
    expect(a1s(builder)).toEqual(['Sheet1!A1:B5']);
    builder.clearRanges();
    expect(builder.getRanges()).toEqual([]);
  });

  test('a typed builder keeps its setters after the common ones, storing Google Charts options', () => {
    const { Charts, sheet } = setup();
    const style = Charts.newTextStyle().setColor('#1a73e8').setFontSize(14).build();
    const column = sheet.newChart().asColumnChart();
    // addRange and setPosition are declared to return EmbeddedChartBuilder, but the same builder
    // comes back: real scripts chain a typed setter after them.
    const common = column.addRange(data(sheet)).setPosition(1, 4, 0, 0);
    const chart = (common as GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder)
      .setXAxisTitle('Year group')
      .setYAxisTitle('Interventions')
      .setStacked()
      .setColors(['#1a73e8', '#e8710a'])
      .setTitleTextStyle(style)
      .build();
    const options = chart.getOptions();
    expect(options.get('hAxis.title')).toBe('Year group');
    expect(options.get('vAxis.title')).toBe('Interventions');
    expect(options.get('isStacked')).toBe(true);
    expect(options.get('colors')).toEqual(['#1a73e8', '#e8710a']);
    expect(options.get('titleTextStyle')).toEqual({
      color: '#1a73e8',
      fontName: 'Arial',
      fontSize: 14,
    });
    // A bar chart's values run along the horizontal axis.
    const bar = sheet.newChart().asBarChart().useLogScale().setRange(0, 10).build();
    expect(bar.getOptions().get('hAxis.logScale')).toBe(true);
    expect(bar.getOptions().get('hAxis.viewWindow')).toEqual({ min: 0, max: 10 });
    // The plain builder has no typed setters, as in Apps Script.
    expect((sheet.newChart() as unknown as Record<string, unknown>).setTitle).toBeUndefined();
  });

  test('getOptions().get reads into objects, and gives null for an option never set', () => {
    const { Charts, sheet } = setup();
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .setOption('legend', { position: 'top', textStyle: { color: 'blue' } })
      .setOption('vAxis.title', 'Pupils')
      .build();
    const options = chart.getOptions();
    expect(options.get('legend.position')).toBe('top');
    expect(options.get('legend.textStyle.color')).toBe('blue');
    expect(options.get('vAxis')).toEqual({ title: 'Pupils' });
    expect(options.get('width')).toBeNull();
    expect(options.get('legend.alignment')).toBeNull();
    // The options handed out are copies.
    (options.get('legend') as { position: string }).position = 'left';
    expect(chart.getOptions().get('legend.position')).toBe('top');
  });
});

describe('EmbeddedChart.modify / Sheet.updateChart / removeChart', () => {
  test('modify() pre-fills a builder; updateChart replaces the chart with the same id in place', () => {
    const { Charts, sheet } = setup();
    const range = data(sheet);
    const first = sheet.newChart().asPieChart().setTitle('First').addRange(range).build();
    const second = sheet.newChart().asLineChart().setTitle('Second').addRange(range).build();
    sheet.insertChart(first);
    sheet.insertChart(second);
    const [chart] = sheet.getCharts();
    const id = chart?.getChartId();

    const builder = (chart as EmbeddedChart).modify();
    expect(builder.getChartType()).toBe('PIE');
    expect(a1s(builder)).toEqual(['Sheet1!A1:B4']);
    const changed = builder
      .setChartType(Charts.ChartType.COLUMN)
      .setOption('title', 'Updated!')
      .setPosition(2, 2, 0, 0)
      .build();
    expect(changed.getChartId()).toBe(id);
    // Not saved until updateChart.
    expect(sheet.getCharts()[0]?.getOptions().get('title')).toBe('First');
    sheet.updateChart(changed);

    const charts = sheet.getCharts();
    expect(charts.map((c) => c.getOptions().get('title'))).toEqual(['Updated!', 'Second']);
    expect(charts[0]?.getChartId()).toBe(id);
    expect(charts[0]?.modify().getChartType()).toBe('COLUMN');
    expect(charts[0]?.getContainerInfo().getAnchorRow()).toBe(2);
  });

  test('removeChart removes it; a chart that is not on the sheet can be neither updated nor removed', () => {
    const { app, Charts, sheet } = setup();
    const built = sheet
      .newChart()
      .setChartType(Charts.ChartType.AREA)
      .addRange(data(sheet))
      .build();
    sheet.insertChart(built);
    const [chart] = sheet.getCharts() as EmbeddedChart[];
    const other = app.getActiveSpreadsheet().insertSheet('Other');
    expect(() => other.removeChart(chart as EmbeddedChart)).toThrow(
      'The chart you are trying to remove is not on this sheet.',
    );
    expect(() => sheet.updateChart(built)).toThrow(
      'The chart you are trying to update is not on this sheet.',
    );
    sheet.removeChart(chart as EmbeddedChart);
    expect(sheet.getCharts()).toEqual([]);
    expect(() => sheet.removeChart(chart as EmbeddedChart)).toThrow(
      'The chart you are trying to remove is not on this sheet.',
    );
  });

  test('insertChart refuses a chart already in the spreadsheet: updateChart changes it', () => {
    const { Charts, sheet } = setup();
    sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.COLUMN).build());
    const [chart] = sheet.getCharts() as EmbeddedChart[];
    const again = (chart as EmbeddedChart).modify().setOption('title', 'Twice').build();
    expect(() => sheet.insertChart(again)).toThrow(
      /^A chart with id \d+ is already in the spreadsheet: use Sheet.updateChart\(chart\) to change it.$/,
    );
    expect(sheet.getCharts()).toHaveLength(1);
  });

  test('build() never throws, but a chart without a type or anchored outside the sheet is refused', () => {
    const { Charts, sheet } = setup();
    const untyped = sheet.newChart().addRange(data(sheet)).setOption('title', 'No type').build();
    expect(untyped.getOptions().get('title')).toBe('No type');
    expect(() => sheet.insertChart(untyped)).toThrow(
      'The chart has no type: call setChartType(type) or an as…Chart() method before inserting it.',
    );
    const far = sheet.newChart().setChartType(Charts.ChartType.COLUMN).setPosition(1001, 1, 0, 0);
    expect(() => sheet.insertChart(far.build())).toThrow(
      "The chart's anchor cell is outside the dimensions of the sheet.",
    );
    expect(sheet.getCharts()).toEqual([]);
  });
});

describe('chart arguments, scopes and protections', () => {
  test('arguments of the wrong type throw Apps Script’s signature error', () => {
    const { sheet } = setup();
    const builder = sheet.newChart();
    expect(() =>
      builder.addRange('A1:B4' as unknown as GoogleAppsScript.Spreadsheet.Range),
    ).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.",
    );
    expect(() =>
      builder.setChartType('DONUT' as unknown as GoogleAppsScript.Charts.ChartType),
    ).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
    );
    expect(() => builder.asPieChart().setTitle(42 as unknown as string)).toThrow(
      "The parameters (number) don't match the method signature for SpreadsheetApp.EmbeddedPieChartBuilder.setTitle.",
    );
    expect(() => sheet.insertChart({} as EmbeddedChart)).toThrow(
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.insertChart.",
    );
  });

  test('chart methods are counted calls that need a spreadsheets scope', () => {
    const { rt, sheet } = setup();
    const builder = sheet.newChart();
    rt.scopes.clear();
    expect(() => builder.setOption('title', 'x')).toThrow(
      'Specified permissions are not sufficient to call EmbeddedChartBuilder.setOption. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
  });

  test('a protected sheet refuses chart changes from a user who is not one of its editors', () => {
    const { rt, Charts, sheet } = setup();
    const chart = sheet.newChart().setChartType(Charts.ChartType.COLUMN).build();
    sheet.protect(); // its editor: the current user
    rt.user = 'ta@school.example';
    expect(() => sheet.insertChart(chart)).toThrow(PROTECTED_MESSAGE);
    rt.user = 'senco@school.example';
    sheet.insertChart(chart);
    expect(sheet.getCharts()).toHaveLength(1);
  });

  test('Charts exposes the enums scripts use, as names', () => {
    const { Charts } = setup();
    expect(Charts.ChartType.COLUMN).toBe('COLUMN');
    expect(Charts.ChartType.STEPPED_AREA).toBe('STEPPED_AREA');
    expect(Charts.ChartMergeStrategy.MERGE_ROWS).toBe('MERGE_ROWS');
    expect(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH).toBe('SHOW_BOTH');
    expect(Charts.Position.NONE).toBe('NONE');
    expect(Charts.CurveStyle.SMOOTH).toBe('SMOOTH');
    expect(String(Charts)).toBe('Charts');
  });
});

describe('charts in the state', () => {
  test('charts survive serializeState/parseState, and state saved without charts still loads', () => {
    const { rt, Charts, sheet } = setup();
    sheet.insertChart(
      sheet.newChart().asColumnChart().setTitle('Saved').addRange(data(sheet)).build(),
    );
    const reloaded = setup(parseState(serializeState(rt.state)));
    const [chart] = reloaded.sheet.getCharts();
    expect(chart?.getOptions().get('title')).toBe('Saved');
    expect(a1s(chart as EmbeddedChart)).toEqual(['Sheet1!A1:B4']);
    // A new chart after the reload gets a new id.
    reloaded.sheet.insertChart(
      reloaded.sheet.newChart().setChartType(Charts.ChartType.PIE).build(),
    );
    const ids = reloaded.sheet.getCharts().map((c) => c.getChartId());
    expect(new Set(ids).size).toBe(2);

    const old = JSON.parse(serializeState(emptyState())) as {
      spreadsheet: { sheets: Record<string, unknown>[] };
    };
    for (const s of old.spreadsheet.sheets) delete s.charts;
    expect(setup(parseState(JSON.stringify(old))).sheet.getCharts()).toEqual([]);
  });

  test('inserting and deleting rows keeps the data ranges and the anchor cell in step', () => {
    const { Charts, sheet } = setup();
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A2:B10'))
      .addRange(sheet.getRange('D20:D22'))
      .setPosition(12, 3, 0, 0)
      .build();
    sheet.insertChart(chart);
    sheet.insertRowsBefore(1, 2);
    let [stored] = sheet.getCharts();
    expect(a1s(stored as EmbeddedChart)).toEqual(['Sheet1!A4:B12', 'Sheet1!D22:D24']);
    expect(stored?.getContainerInfo().getAnchorRow()).toBe(14);

    sheet.deleteRows(20, 10); // all of D22:D24, and the rows after the first range
    sheet.deleteRows(13, 2); // rows 13 and 14, the anchor row
    [stored] = sheet.getCharts();
    expect(a1s(stored as EmbeddedChart)).toEqual(['Sheet1!A4:B12']);
    expect(stored?.getContainerInfo().getAnchorRow()).toBe(13);

    sheet.insertColumnsBefore(1, 1);
    [stored] = sheet.getCharts();
    expect(a1s(stored as EmbeddedChart)).toEqual(['Sheet1!B4:C12']);
    expect(stored?.getContainerInfo().getAnchorColumn()).toBe(4);
  });

  test('a chart may use ranges of another sheet: renaming it keeps them, deleting it drops them', () => {
    const { app, Charts, sheet } = setup();
    const ss = app.getActiveSpreadsheet();
    const source = ss.insertSheet('Pupils');
    const scratch = ss.insertSheet('Scratch');
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.COLUMN)
        .addRange(source.getRange('A1:B5'))
        .addRange(scratch.getRange('C1:C5'))
        .build(),
    );
    source.setName('Pupil list');
    source.insertRowsBefore(1, 1);
    ss.deleteSheet(scratch);
    const [chart] = sheet.getCharts();
    expect(a1s(chart as EmbeddedChart)).toEqual(['Pupil list!A2:B6']);
  });
});
