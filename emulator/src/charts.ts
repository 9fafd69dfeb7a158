/**
 * Embedded charts (Sheet.newChart, insertChart, getCharts, updateChart, removeChart) and the
 * Charts service's enums, as the Apps Script reference describes them:
 *
 * - https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * - https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart
 * - https://developers.google.com/apps-script/reference/spreadsheet/container-info
 * - https://developers.google.com/apps-script/reference/spreadsheet/embedded-column-chart-builder
 *   (and its area, bar, line, pie, scatter and table siblings)
 * - https://developers.google.com/apps-script/reference/charts/charts and chart-options
 *
 * A chart lives in its sheet's state (`SheetState.charts`), so it survives a restart. The objects
 * handed to the script are snapshots, as in Apps Script: an EmbeddedChart does not change until the
 * script calls `modify()`, rebuilds it and passes it to `Sheet.updateChart(chart)`. A built chart
 * has no id (`getChartId()` is null) until `insertChart` gives it one.
 *
 * What the reference leaves open, decided here (and worded in the emulator's own messages):
 * - `build()` never throws, as the reference's own examples build charts without a type or ranges;
 *   `insertChart`/`updateChart` refuse a chart without a type, or anchored outside the sheet.
 *   A chart without ranges is accepted (Sheets shows an empty chart).
 * - Without `setPosition`, a chart is anchored at A1 with no offset.
 * - `insertChart` of a chart that already has an id still in the spreadsheet (one from
 *   `getCharts()` or `modify().build()`) throws, as the Sheets API refuses an existing id: use
 *   `updateChart`. `updateChart`/`removeChart` throw for a chart that is not on that sheet.
 * - The typed builders' setters store the Google Charts option they stand for (`setTitle` ->
 *   'title', `setXAxisTitle` -> 'hAxis.title', `setStacked` -> 'isStacked', `setLegendPosition`
 *   -> 'legend.position', ...), which `getOptions().get(key)` returns. `get` also reads into an
 *   object set under a shorter key: after setOption('legend', {position: 'top'}),
 *   get('legend.position') is 'top'.
 * - A chart's data ranges and anchor cell move with inserted, deleted and moved rows and columns
 *   (`shiftCharts`, called by spreadsheet.ts); a range whose rows or columns are all deleted is
 *   dropped. Ranges on a deleted sheet are left out of `getRanges()`.
 * - `getAs`/`getBlob` (chart images) are not emulated.
 *
 * spreadsheet.ts imports this file, so this file takes what it needs from spreadsheet.ts (the Range
 * class, protections, Apps Script's argument errors) through a `SheetBridge` instead of importing it.
 */
import { SCOPE, ScriptError, type Runtime } from './core';
import type { ChartState, GridRangeState, SheetState, SpreadsheetState } from './state';
import type { Rect } from './spreadsheet';

/** What the chart and conditional format classes need from spreadsheet.ts. */
export interface SheetBridge {
  /** The sheet and rectangle of a Range, or undefined for anything else (throws for a deleted sheet). */
  rangeInfo(value: unknown): { sheetId: number; rect: Rect } | undefined;
  /** A Range object for the script. */
  range(rt: Runtime, sheetId: number, rect: Rect): object;
  /** Apps Script's "The parameters (…) don't match the method signature for …" error. */
  signatureError(method: string, args: unknown[]): ScriptError;
  isDate(value: unknown): value is Date;
  /** Throws Apps Script's protection error when the user may not edit these cells. */
  assertEditable(rt: Runtime, sheetId: number, rect: Rect): void;
  /** Throws it when a protection of the whole sheet stops the user changing its charts. */
  assertObjectsEditable(rt: Runtime, sheetId: number): void;
}

const SHEET_SCOPES = [SCOPE.SPREADSHEETS_CURRENTONLY, SCOPE.SPREADSHEETS] as const;

/** Counts a SpreadsheetApp call, e.g. countSheetCall(rt, 'EmbeddedChartBuilder.addRange'). */
export function countSheetCall(
  rt: Runtime,
  method: string,
  kind: 'read' | 'write' | 'other' = 'other',
): void {
  rt.call(`SpreadsheetApp.${method}`, { scopes: SHEET_SCOPES, kind });
}

/** Counts a Charts service call: it reads no document data and needs no scope. */
function countChartsCall(rt: Runtime, method: string): void {
  rt.call(`Charts.${method}`, { minAuthMode: 'NONE' });
}

export function enumOf<const T extends string>(...names: T[]): { readonly [K in T]: K } {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { readonly [K in T]: K };
}

// ---- the Charts service's enums ---------------------------------------------------------------

export const ChartType = enumOf(
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
);
export const ChartMergeStrategy = enumOf('MERGE_COLUMNS', 'MERGE_ROWS');
export const ChartHiddenDimensionStrategy = enumOf(
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
);
export const Position = enumOf('TOP', 'RIGHT', 'BOTTOM', 'NONE');
export const CurveStyle = enumOf('NORMAL', 'SMOOTH');
export const PointStyle = enumOf('NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE');
export const ColumnType = enumOf('DATE', 'NUMBER', 'STRING');

/**
 * A deep copy of plain data that keeps Dates as Dates of this realm (structuredClone's come from
 * Node's own realm, which `instanceof Date` elsewhere may not recognise, e.g. under jest).
 */
export function deepCopy<T>(value: T): T {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    return new Date((value as Date).getTime()) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => deepCopy(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepCopy(v)])) as T;
  }
  return value;
}

function isMember(names: object, value: unknown): value is string {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(names, value);
}

// ---- the Charts service: enums and text styles --------------------------------------------------

class TextStyleImpl {
  readonly #rt: Runtime;
  readonly #style: { color: string; fontName: string; fontSize: number };

  constructor(rt: Runtime, style: { color: string; fontName: string; fontSize: number }) {
    this.#rt = rt;
    this.#style = { ...style };
  }

  static valueOf(style: TextStyleImpl): Record<string, unknown> {
    return { ...style.#style };
  }

  toString(): string {
    return 'TextStyle';
  }

  getColor(): string {
    countChartsCall(this.#rt, 'TextStyle.getColor');
    return this.#style.color;
  }

  getFontName(): string {
    countChartsCall(this.#rt, 'TextStyle.getFontName');
    return this.#style.fontName;
  }

  getFontSize(): number {
    countChartsCall(this.#rt, 'TextStyle.getFontSize');
    return this.#style.fontSize;
  }
}

class TextStyleBuilderImpl {
  readonly #rt: Runtime;
  readonly #bridge: SheetBridge;
  readonly #style = { color: '#000000', fontName: 'Arial', fontSize: 10 };

  constructor(rt: Runtime, bridge: SheetBridge) {
    this.#rt = rt;
    this.#bridge = bridge;
  }

  toString(): string {
    return 'TextStyleBuilder';
  }

  #set(method: string, args: unknown[], ok: boolean, apply: () => void): TextStyleBuilderImpl {
    countChartsCall(this.#rt, `TextStyleBuilder.${method}`);
    if (!ok) throw this.#bridge.signatureError(`Charts.TextStyleBuilder.${method}`, args);
    apply();
    return this;
  }

  setColor(cssValue: unknown): TextStyleBuilderImpl {
    return this.#set('setColor', [cssValue], typeof cssValue === 'string', () => {
      this.#style.color = cssValue as string;
    });
  }

  setFontName(fontName: unknown): TextStyleBuilderImpl {
    return this.#set('setFontName', [fontName], typeof fontName === 'string', () => {
      this.#style.fontName = fontName as string;
    });
  }

  setFontSize(fontSize: unknown): TextStyleBuilderImpl {
    return this.#set('setFontSize', [fontSize], typeof fontSize === 'number', () => {
      this.#style.fontSize = fontSize as number;
    });
  }

  build(): TextStyleImpl {
    countChartsCall(this.#rt, 'TextStyleBuilder.build');
    return new TextStyleImpl(this.#rt, this.#style);
  }
}

class ChartsImpl {
  readonly ChartType = ChartType;
  readonly ChartMergeStrategy = ChartMergeStrategy;
  readonly ChartHiddenDimensionStrategy = ChartHiddenDimensionStrategy;
  readonly Position = Position;
  readonly CurveStyle = CurveStyle;
  readonly PointStyle = PointStyle;
  readonly ColumnType = ColumnType;
  readonly #rt: Runtime;
  readonly #bridge: SheetBridge;

  constructor(rt: Runtime, bridge: SheetBridge) {
    this.#rt = rt;
    this.#bridge = bridge;
  }

  toString(): string {
    return 'Charts';
  }

  newTextStyle(): TextStyleBuilderImpl {
    countChartsCall(this.#rt, 'newTextStyle');
    return new TextStyleBuilderImpl(this.#rt, this.#bridge);
  }
}

/** The `Charts` global: `Charts.ChartType.COLUMN`, `Charts.newTextStyle()`. */
export function createCharts(rt: Runtime, bridge: SheetBridge): object {
  return new ChartsImpl(rt, bridge);
}

// ---- a chart being built ----------------------------------------------------------------------

/** A chart as a builder or an EmbeddedChart holds it: no id until inserted, maybe no type yet. */
interface ChartDraft extends Omit<ChartState, 'id' | 'type'> {
  id: number | null;
  type: string | null;
}

function emptyDraft(): ChartDraft {
  return {
    id: null,
    type: null,
    ranges: [],
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    options: {},
    numHeaders: -1,
    mergeStrategy: 'MERGE_COLUMNS',
    hiddenDimensionStrategy: 'IGNORE_ROWS',
    transpose: false,
  };
}

function sameRange(a: GridRangeState, b: GridRangeState): boolean {
  return (
    a.sheetId === b.sheetId &&
    a.row === b.row &&
    a.column === b.column &&
    a.numRows === b.numRows &&
    a.numColumns === b.numColumns
  );
}

/** Range objects for the ranges whose sheet still exists. */
export function rangesFor(rt: Runtime, bridge: SheetBridge, ranges: GridRangeState[]): object[] {
  return ranges
    .filter((r) => rt.state.spreadsheet.sheets.some((s) => s.id === r.sheetId))
    .map(({ sheetId, ...rect }) => bridge.range(rt, sheetId, rect));
}

/** Reads an option by key; a dotted key also reads into an object stored under a shorter key. */
function readOption(options: Record<string, unknown>, key: string): unknown {
  if (Object.prototype.hasOwnProperty.call(options, key)) return deepCopy(options[key]);
  const parts = key.split('.');
  for (let i = parts.length - 1; i >= 1; i -= 1) {
    const head = parts.slice(0, i).join('.');
    if (!Object.prototype.hasOwnProperty.call(options, head)) continue;
    let value: unknown = options[head];
    for (const part of parts.slice(i)) {
      if (!value || typeof value !== 'object') return null;
      value = (value as Record<string, unknown>)[part];
    }
    return value === undefined ? null : deepCopy(value);
  }
  // Options set under longer keys ('legend.position') read back as one object ('legend').
  const prefix = `${key}.`;
  const nested = Object.keys(options).filter((k) => k.startsWith(prefix));
  if (nested.length === 0) return null;
  const result: Record<string, unknown> = {};
  for (const k of nested) {
    const path = k.slice(prefix.length).split('.');
    let target = result;
    path.slice(0, -1).forEach((part) => {
      const next = target[part];
      target[part] = next && typeof next === 'object' ? next : {};
      target = target[part] as Record<string, unknown>;
    });
    target[path[path.length - 1] ?? ''] = deepCopy(options[k]);
  }
  return result;
}

class ContainerInfoImpl {
  readonly #rt: Runtime;
  readonly #position: ChartState['position'];

  constructor(rt: Runtime, position: ChartState['position']) {
    this.#rt = rt;
    this.#position = { ...position };
  }

  toString(): string {
    return 'ContainerInfo';
  }

  getAnchorColumn(): number {
    countSheetCall(this.#rt, 'ContainerInfo.getAnchorColumn');
    return this.#position.column;
  }

  getAnchorRow(): number {
    countSheetCall(this.#rt, 'ContainerInfo.getAnchorRow');
    return this.#position.row;
  }

  getOffsetX(): number {
    countSheetCall(this.#rt, 'ContainerInfo.getOffsetX');
    return this.#position.offsetX;
  }

  getOffsetY(): number {
    countSheetCall(this.#rt, 'ContainerInfo.getOffsetY');
    return this.#position.offsetY;
  }
}

class ChartOptionsImpl {
  readonly #rt: Runtime;
  readonly #bridge: SheetBridge;
  readonly #options: Record<string, unknown>;

  constructor(rt: Runtime, bridge: SheetBridge, options: Record<string, unknown>) {
    this.#rt = rt;
    this.#bridge = bridge;
    this.#options = deepCopy(options);
  }

  toString(): string {
    return 'ChartOptions';
  }

  /** The option's value, or null when it was not set. */
  get(option: unknown): unknown {
    countChartsCall(this.#rt, 'ChartOptions.get');
    if (typeof option !== 'string') {
      throw this.#bridge.signatureError('Charts.ChartOptions.get', [option]);
    }
    return readOption(this.#options, option);
  }

  /** As get: the emulator knows no Google Charts defaults, so an unset option is null. */
  getOrDefault(option: unknown): unknown {
    countChartsCall(this.#rt, 'ChartOptions.getOrDefault');
    if (typeof option !== 'string') {
      throw this.#bridge.signatureError('Charts.ChartOptions.getOrDefault', [option]);
    }
    return readOption(this.#options, option);
  }
}

// ---- EmbeddedChartBuilder and its typed builders ----------------------------------------------

interface BuilderParts {
  rt: Runtime;
  bridge: SheetBridge;
  draft: ChartDraft;
  className: string;
}

type TypedBuilder = new (rt: Runtime, bridge: SheetBridge, draft: ChartDraft) => object;

class EmbeddedChartBuilderImpl {
  readonly #rt: Runtime;
  readonly #bridge: SheetBridge;
  readonly #draft: ChartDraft;
  readonly #className: string;

  constructor(
    rt: Runtime,
    bridge: SheetBridge,
    draft: ChartDraft,
    className = 'EmbeddedChartBuilder',
  ) {
    this.#rt = rt;
    this.#bridge = bridge;
    this.#draft = draft;
    this.#className = className;
  }

  static partsOf(builder: EmbeddedChartBuilderImpl): BuilderParts {
    return {
      rt: builder.#rt,
      bridge: builder.#bridge,
      draft: builder.#draft,
      className: builder.#className,
    };
  }

  toString(): string {
    return this.#className;
  }

  #call(method: string): void {
    countSheetCall(this.#rt, `${this.#className}.${method}`);
  }

  #error(method: string, args: unknown[]): ScriptError {
    return this.#bridge.signatureError(`SpreadsheetApp.${this.#className}.${method}`, args);
  }

  #rangeArg(method: string, range: unknown): GridRangeState {
    const info = this.#bridge.rangeInfo(range);
    if (!info) throw this.#error(method, [range]);
    return { sheetId: info.sheetId, ...info.rect };
  }

  /** The typed builders (asColumnChart()...) share this builder's chart: changes show in both. */
  #as<T>(method: string, type: string, Builder: TypedBuilder): T {
    this.#call(method);
    this.#draft.type = type;
    return new Builder(this.#rt, this.#bridge, this.#draft) as T;
  }

  addRange(range: unknown): this {
    this.#call('addRange');
    const ref = this.#rangeArg('addRange', range);
    if (!this.#draft.ranges.some((r) => sameRange(r, ref))) this.#draft.ranges.push(ref);
    return this;
  }

  /** Removes a range added with addRange; any other range is ignored, without an error. */
  removeRange(range: unknown): this {
    this.#call('removeRange');
    const ref = this.#rangeArg('removeRange', range);
    this.#draft.ranges = this.#draft.ranges.filter((r) => !sameRange(r, ref));
    return this;
  }

  clearRanges(): this {
    this.#call('clearRanges');
    this.#draft.ranges = [];
    return this;
  }

  getRanges(): object[] {
    this.#call('getRanges');
    return rangesFor(this.#rt, this.#bridge, this.#draft.ranges);
  }

  setChartType(type: unknown): this {
    this.#call('setChartType');
    if (!isMember(ChartType, type)) throw this.#error('setChartType', [type]);
    this.#draft.type = type;
    return this;
  }

  getChartType(): string | null {
    this.#call('getChartType');
    return this.#draft.type;
  }

  /** anchorRowPos and anchorColPos are 1-indexed; the offsets are in pixels. */
  setPosition(
    anchorRowPos: unknown,
    anchorColPos: unknown,
    offsetX: unknown,
    offsetY: unknown,
  ): this {
    this.#call('setPosition');
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (!args.every((a) => typeof a === 'number' && Number.isFinite(a))) {
      throw this.#error('setPosition', args);
    }
    const [row, column, x, y] = (args as number[]).map(Math.trunc);
    this.#draft.position = { row: row ?? 1, column: column ?? 1, offsetX: x ?? 0, offsetY: y ?? 0 };
    return this;
  }

  getContainer(): ContainerInfoImpl {
    this.#call('getContainer');
    return new ContainerInfoImpl(this.#rt, this.#draft.position);
  }

  /** Stores any option without checking it, as Apps Script does; null or undefined unsets it. */
  setOption(option: unknown, value: unknown): this {
    this.#call('setOption');
    if (typeof option !== 'string') throw this.#error('setOption', [option, value]);
    if (value === null || value === undefined) {
      delete this.#draft.options[option];
      return this;
    }
    try {
      structuredClone(value); // plain data only: no functions or script objects
    } catch {
      throw this.#error('setOption', [option, value]);
    }
    this.#draft.options[option] = deepCopy(value);
    return this;
  }

  setNumHeaders(headers: unknown): this {
    this.#call('setNumHeaders');
    if (typeof headers !== 'number' || !Number.isFinite(headers)) {
      throw this.#error('setNumHeaders', [headers]);
    }
    this.#draft.numHeaders = Math.trunc(headers);
    return this;
  }

  setMergeStrategy(mergeStrategy: unknown): this {
    this.#call('setMergeStrategy');
    if (!isMember(ChartMergeStrategy, mergeStrategy)) {
      throw this.#error('setMergeStrategy', [mergeStrategy]);
    }
    this.#draft.mergeStrategy = mergeStrategy;
    return this;
  }

  setHiddenDimensionStrategy(strategy: unknown): this {
    this.#call('setHiddenDimensionStrategy');
    if (!isMember(ChartHiddenDimensionStrategy, strategy)) {
      throw this.#error('setHiddenDimensionStrategy', [strategy]);
    }
    this.#draft.hiddenDimensionStrategy = strategy;
    return this;
  }

  setTransposeRowsAndColumns(transpose: unknown): this {
    this.#call('setTransposeRowsAndColumns');
    if (typeof transpose !== 'boolean')
      throw this.#error('setTransposeRowsAndColumns', [transpose]);
    this.#draft.transpose = transpose;
    return this;
  }

  asAreaChart(): EmbeddedAreaChartBuilderImpl {
    return this.#as('asAreaChart', 'AREA', EmbeddedAreaChartBuilderImpl);
  }

  asBarChart(): EmbeddedBarChartBuilderImpl {
    return this.#as('asBarChart', 'BAR', EmbeddedBarChartBuilderImpl);
  }

  asColumnChart(): EmbeddedColumnChartBuilderImpl {
    return this.#as('asColumnChart', 'COLUMN', EmbeddedColumnChartBuilderImpl);
  }

  asComboChart(): EmbeddedComboChartBuilderImpl {
    return this.#as('asComboChart', 'COMBO', EmbeddedComboChartBuilderImpl);
  }

  asHistogramChart(): EmbeddedHistogramChartBuilderImpl {
    return this.#as('asHistogramChart', 'HISTOGRAM', EmbeddedHistogramChartBuilderImpl);
  }

  asLineChart(): EmbeddedLineChartBuilderImpl {
    return this.#as('asLineChart', 'LINE', EmbeddedLineChartBuilderImpl);
  }

  asPieChart(): EmbeddedPieChartBuilderImpl {
    return this.#as('asPieChart', 'PIE', EmbeddedPieChartBuilderImpl);
  }

  asScatterChart(): EmbeddedScatterChartBuilderImpl {
    return this.#as('asScatterChart', 'SCATTER', EmbeddedScatterChartBuilderImpl);
  }

  asTableChart(): EmbeddedTableChartBuilderImpl {
    return this.#as('asTableChart', 'TABLE', EmbeddedTableChartBuilderImpl);
  }

  /** The chart as it stands, to insert (insertChart) or to replace its old self (updateChart). */
  build(): EmbeddedChartImpl {
    this.#call('build');
    return new EmbeddedChartImpl(this.#rt, this.#bridge, deepCopy(this.#draft));
  }
}

/**
 * A typed builder's setter: counts the call, checks the arguments and stores Google Charts options
 * (an undefined value removes one).
 */
function setOptions<T extends EmbeddedChartBuilderImpl>(
  builder: T,
  method: string,
  args: unknown[],
  ok: boolean,
  options: Record<string, unknown>,
): T {
  const { rt, bridge, draft, className } = EmbeddedChartBuilderImpl.partsOf(builder);
  countSheetCall(rt, `${className}.${method}`);
  if (!ok) throw bridge.signatureError(`SpreadsheetApp.${className}.${method}`, args);
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) delete draft.options[key];
    else draft.options[key] = deepCopy(value);
  }
  return builder;
}

function isBarChart(builder: EmbeddedChartBuilderImpl): boolean {
  return EmbeddedChartBuilderImpl.partsOf(builder).className === 'EmbeddedBarChartBuilder';
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function textStyleOf(style: unknown): Record<string, unknown> | undefined {
  return style instanceof TextStyleImpl ? TextStyleImpl.valueOf(style) : undefined;
}

/** Setters every typed builder but the table's has: title, colours, legend. */
class DecoratedChartBuilder extends EmbeddedChartBuilderImpl {
  setTitle(chartTitle: unknown): this {
    const ok = typeof chartTitle === 'string';
    return setOptions(this, 'setTitle', [chartTitle], ok, { title: chartTitle });
  }

  setTitleTextStyle(textStyle: unknown): this {
    const style = textStyleOf(textStyle);
    return setOptions(this, 'setTitleTextStyle', [textStyle], !!style, { titleTextStyle: style });
  }

  setBackgroundColor(cssValue: unknown): this {
    const ok = typeof cssValue === 'string';
    return setOptions(this, 'setBackgroundColor', [cssValue], ok, { backgroundColor: cssValue });
  }

  setColors(cssValues: unknown): this {
    const ok = isStringArray(cssValues);
    return setOptions(this, 'setColors', [cssValues], ok, { colors: cssValues });
  }

  /** By default there is no legend. */
  setLegendPosition(position: unknown): this {
    const ok = isMember(Position, position);
    const value = ok ? (position as string).toLowerCase() : undefined;
    return setOptions(this, 'setLegendPosition', [position], ok, { 'legend.position': value });
  }

  setLegendTextStyle(textStyle: unknown): this {
    const style = textStyleOf(textStyle);
    return setOptions(this, 'setLegendTextStyle', [textStyle], !!style, {
      'legend.textStyle': style,
    });
  }
}

/** Charts with a domain axis and a value axis (vertical, except for bar charts). */
class AxisChartBuilder extends DecoratedChartBuilder {
  #axis(which: 'x' | 'y'): 'hAxis' | 'vAxis' {
    return which === 'x' ? 'hAxis' : 'vAxis';
  }

  #valueAxis(): 'hAxis' | 'vAxis' {
    return isBarChart(this) ? 'hAxis' : 'vAxis';
  }

  setXAxisTitle(title: unknown): this {
    const key = `${this.#axis('x')}.title`;
    return setOptions(this, 'setXAxisTitle', [title], typeof title === 'string', { [key]: title });
  }

  setYAxisTitle(title: unknown): this {
    const key = `${this.#axis('y')}.title`;
    return setOptions(this, 'setYAxisTitle', [title], typeof title === 'string', { [key]: title });
  }

  setXAxisTextStyle(textStyle: unknown): this {
    const style = textStyleOf(textStyle);
    return setOptions(this, 'setXAxisTextStyle', [textStyle], !!style, {
      [`${this.#axis('x')}.textStyle`]: style,
    });
  }

  setYAxisTextStyle(textStyle: unknown): this {
    const style = textStyleOf(textStyle);
    return setOptions(this, 'setYAxisTextStyle', [textStyle], !!style, {
      [`${this.#axis('y')}.textStyle`]: style,
    });
  }

  setXAxisTitleTextStyle(textStyle: unknown): this {
    const style = textStyleOf(textStyle);
    return setOptions(this, 'setXAxisTitleTextStyle', [textStyle], !!style, {
      [`${this.#axis('x')}.titleTextStyle`]: style,
    });
  }

  setYAxisTitleTextStyle(textStyle: unknown): this {
    const style = textStyleOf(textStyle);
    return setOptions(this, 'setYAxisTitleTextStyle', [textStyle], !!style, {
      [`${this.#axis('y')}.titleTextStyle`]: style,
    });
  }

  /** The value axis runs from start to end. */
  setRange(start: unknown, end: unknown): this {
    const axis = this.#valueAxis();
    return setOptions(this, 'setRange', [start, end], isNumber(start) && isNumber(end), {
      [`${axis}.viewWindow.min`]: start,
      [`${axis}.viewWindow.max`]: end,
    });
  }

  useLogScale(): this {
    return setOptions(this, 'useLogScale', [], true, { [`${this.#valueAxis()}.logScale`]: true });
  }

  /** The domain axis is drawn the other way round. */
  reverseCategories(): this {
    const axis = isBarChart(this) ? 'vAxis' : 'hAxis';
    return setOptions(this, 'reverseCategories', [], true, { [`${axis}.direction`]: -1 });
  }
}

class StackedAxisChartBuilder extends AxisChartBuilder {
  /** Stacked lines or bars: values are accumulated. */
  setStacked(): this {
    return setOptions(this, 'setStacked', [], true, { isStacked: true });
  }
}

class EmbeddedAreaChartBuilderImpl extends StackedAxisChartBuilder {
  constructor(rt: Runtime, bridge: SheetBridge, draft: ChartDraft) {
    super(rt, bridge, draft, 'EmbeddedAreaChartBuilder');
  }
}

class EmbeddedBarChartBuilderImpl extends StackedAxisChartBuilder {
  constructor(rt: Runtime, bridge: SheetBridge, draft: ChartDraft) {
    super(rt, bridge, draft, 'EmbeddedBarChartBuilder');
  }

  /** Bars grow from right to left. */
  reverseDirection(): this {
    return setOptions(this, 'reverseDirection', [], true, { 'hAxis.direction': -1 });
  }
}

class EmbeddedColumnChartBuilderImpl extends StackedAxisChartBuilder {
  constructor(rt: Runtime, bridge: SheetBridge, draft: ChartDraft) {
    super(rt, bridge, draft, 'EmbeddedColumnChartBuilder');
  }
}

class EmbeddedComboChartBuilderImpl extends StackedAxisChartBuilder {
  constructor(rt: Runtime, bridge: SheetBridge, draft: ChartDraft) {
    super(rt, bridge, draft, 'EmbeddedComboChartBuilder');
  }
}

class EmbeddedHistogramChartBuilderImpl extends StackedAxisChartBuilder {
  constructor(rt: Runtime, bridge: SheetBridge, draft: ChartDraft) {
    super(rt, bridge, draft, 'EmbeddedHistogramChartBuilder');
  }
}

class EmbeddedLineChartBuilderImpl extends AxisChartBuilder {
  constructor(rt: Runtime, bridge: SheetBridge, draft: ChartDraft) {
    super(rt, bridge, draft, 'EmbeddedLineChartBuilder');
  }

  /** SMOOTH curves are Google Charts' curveType 'function'. */
  setCurveStyle(style: unknown): this {
    const ok = isMember(CurveStyle, style);
    const curveType = style === 'SMOOTH' ? 'function' : 'none';
    return setOptions(this, 'setCurveStyle', [style], ok, { curveType });
  }
}

class EmbeddedPieChartBuilderImpl extends DecoratedChartBuilder {
  constructor(rt: Runtime, bridge: SheetBridge, draft: ChartDraft) {
    super(rt, bridge, draft, 'EmbeddedPieChartBuilder');
  }

  set3D(): this {
    return setOptions(this, 'set3D', [], true, { is3D: true });
  }

  /** Slices are drawn counterclockwise. */
  reverseCategories(): this {
    return setOptions(this, 'reverseCategories', [], true, { reverseCategories: true });
  }
}

class EmbeddedScatterChartBuilderImpl extends DecoratedChartBuilder {
  constructor(rt: Runtime, bridge: SheetBridge, draft: ChartDraft) {
    super(rt, bridge, draft, 'EmbeddedScatterChartBuilder');
  }

  setXAxisTitle(title: unknown): this {
    const ok = typeof title === 'string';
    return setOptions(this, 'setXAxisTitle', [title], ok, { 'hAxis.title': title });
  }

  setYAxisTitle(title: unknown): this {
    const ok = typeof title === 'string';
    return setOptions(this, 'setYAxisTitle', [title], ok, { 'vAxis.title': title });
  }

  setXAxisRange(start: unknown, end: unknown): this {
    return setOptions(this, 'setXAxisRange', [start, end], isNumber(start) && isNumber(end), {
      'hAxis.viewWindow.min': start,
      'hAxis.viewWindow.max': end,
    });
  }

  setYAxisRange(start: unknown, end: unknown): this {
    return setOptions(this, 'setYAxisRange', [start, end], isNumber(start) && isNumber(end), {
      'vAxis.viewWindow.min': start,
      'vAxis.viewWindow.max': end,
    });
  }

  setXAxisLogScale(): this {
    return setOptions(this, 'setXAxisLogScale', [], true, { 'hAxis.logScale': true });
  }

  setYAxisLogScale(): this {
    return setOptions(this, 'setYAxisLogScale', [], true, { 'vAxis.logScale': true });
  }
}

class EmbeddedTableChartBuilderImpl extends EmbeddedChartBuilderImpl {
  constructor(rt: Runtime, bridge: SheetBridge, draft: ChartDraft) {
    super(rt, bridge, draft, 'EmbeddedTableChartBuilder');
  }

  /** enablePaging(enable), enablePaging(pageSize) or enablePaging(pageSize, startPage). */
  enablePaging(first: unknown, startPage?: unknown): this {
    const args = startPage === undefined ? [first] : [first, startPage];
    if (typeof first === 'boolean' && startPage === undefined) {
      return setOptions(this, 'enablePaging', args, true, { page: first ? 'enable' : 'disable' });
    }
    const ok = isNumber(first) && (startPage === undefined || isNumber(startPage));
    return setOptions(this, 'enablePaging', args, ok, {
      page: 'enable',
      pageSize: first,
      startPage,
    });
  }

  enableSorting(enableSorting: unknown): this {
    const ok = typeof enableSorting === 'boolean';
    const sort = enableSorting ? 'enable' : 'disable';
    return setOptions(this, 'enableSorting', [enableSorting], ok, { sort });
  }

  showRowNumberColumn(showRowNumber: unknown): this {
    const ok = typeof showRowNumber === 'boolean';
    return setOptions(this, 'showRowNumberColumn', [showRowNumber], ok, {
      showRowNumber,
    });
  }

  useAlternatingRowStyle(alternate: unknown): this {
    const ok = typeof alternate === 'boolean';
    return setOptions(this, 'useAlternatingRowStyle', [alternate], ok, {
      alternatingRowStyle: alternate,
    });
  }
}

// ---- EmbeddedChart ----------------------------------------------------------------------------

class EmbeddedChartImpl {
  readonly #rt: Runtime;
  readonly #bridge: SheetBridge;
  readonly #chart: ChartDraft;

  constructor(rt: Runtime, bridge: SheetBridge, chart: ChartDraft) {
    this.#rt = rt;
    this.#bridge = bridge;
    this.#chart = chart;
  }

  static draftOf(chart: EmbeddedChartImpl): ChartDraft {
    return chart.#chart;
  }

  toString(): string {
    return 'EmbeddedChart';
  }

  #call(method: string): void {
    countSheetCall(this.#rt, `EmbeddedChart.${method}`);
  }

  /** Charts on data sources (BigQuery, Looker) are not emulated. */
  asDataSourceChart(): null {
    this.#call('asDataSourceChart');
    return null;
  }

  /** Unique across the spreadsheet; null until the chart is inserted. */
  getChartId(): number | null {
    this.#call('getChartId');
    return this.#chart.id;
  }

  getContainerInfo(): ContainerInfoImpl {
    this.#call('getContainerInfo');
    return new ContainerInfoImpl(this.#rt, this.#chart.position);
  }

  getHiddenDimensionStrategy(): string {
    this.#call('getHiddenDimensionStrategy');
    return this.#chart.hiddenDimensionStrategy;
  }

  getMergeStrategy(): string {
    this.#call('getMergeStrategy');
    return this.#chart.mergeStrategy;
  }

  getNumHeaders(): number {
    this.#call('getNumHeaders');
    return this.#chart.numHeaders;
  }

  getOptions(): ChartOptionsImpl {
    this.#call('getOptions');
    return new ChartOptionsImpl(this.#rt, this.#bridge, this.#chart.options);
  }

  getRanges(): object[] {
    this.#call('getRanges');
    return rangesFor(this.#rt, this.#bridge, this.#chart.ranges);
  }

  getTransposeRowsAndColumns(): boolean {
    this.#call('getTransposeRowsAndColumns');
    return this.#chart.transpose;
  }

  /** A builder holding this chart's settings; pass what it builds to Sheet.updateChart. */
  modify(): EmbeddedChartBuilderImpl {
    this.#call('modify');
    return new EmbeddedChartBuilderImpl(this.#rt, this.#bridge, deepCopy(this.#chart));
  }
}

// ---- what Sheet's methods do (spreadsheet.ts calls these after counting the call) ---------------

export function newChartBuilder(rt: Runtime, bridge: SheetBridge): object {
  return new EmbeddedChartBuilderImpl(rt, bridge, emptyDraft());
}

function chartArg(bridge: SheetBridge, method: string, chart: unknown): ChartDraft {
  if (!(chart instanceof EmbeddedChartImpl)) {
    throw bridge.signatureError(`SpreadsheetApp.Sheet.${method}`, [chart]);
  }
  return EmbeddedChartImpl.draftOf(chart);
}

/** The chart as stored, once checked: it needs a type and an anchor cell inside the sheet. */
function storedChart(
  ss: SpreadsheetState,
  sheet: SheetState,
  draft: ChartDraft,
  id: number,
): ChartState {
  if (!draft.type) {
    throw new ScriptError(
      'The chart has no type: call setChartType(type) or an as…Chart() method before inserting it.',
    );
  }
  const { row, column } = draft.position;
  if (row < 1 || column < 1 || row > sheet.maxRows || column > sheet.maxColumns) {
    throw new ScriptError("The chart's anchor cell is outside the dimensions of the sheet.");
  }
  const chart = deepCopy({ ...draft, id, type: draft.type });
  chart.ranges = chart.ranges.filter((r) => ss.sheets.some((s) => s.id === r.sheetId));
  return chart;
}

function allCharts(ss: SpreadsheetState): ChartState[] {
  return ss.sheets.flatMap((s) => s.charts ?? []);
}

export function insertChart(
  rt: Runtime,
  bridge: SheetBridge,
  sheet: SheetState,
  chart: unknown,
): void {
  const draft = chartArg(bridge, 'insertChart', chart);
  bridge.assertObjectsEditable(rt, sheet.id);
  const ss = rt.state.spreadsheet;
  const existing = allCharts(ss);
  if (draft.id !== null && existing.some((c) => c.id === draft.id)) {
    throw new ScriptError(
      `A chart with id ${draft.id} is already in the spreadsheet: use Sheet.updateChart(chart) to change it.`,
    );
  }
  const next = Math.max(ss.nextChartId ?? 1, ...existing.map((c) => c.id + 1));
  const id = draft.id ?? next;
  const stored = storedChart(ss, sheet, draft, id);
  if (draft.id === null) ss.nextChartId = next + 1;
  sheet.charts = [...(sheet.charts ?? []), stored];
}

export function getCharts(rt: Runtime, bridge: SheetBridge, sheet: SheetState): object[] {
  return (sheet.charts ?? []).map((c) => new EmbeddedChartImpl(rt, bridge, deepCopy(c)));
}

function chartIndex(sheet: SheetState, draft: ChartDraft, doing: string): number {
  const index = (sheet.charts ?? []).findIndex((c) => draft.id !== null && c.id === draft.id);
  if (index < 0)
    throw new ScriptError(`The chart you are trying to ${doing} is not on this sheet.`);
  return index;
}

export function updateChart(
  rt: Runtime,
  bridge: SheetBridge,
  sheet: SheetState,
  chart: unknown,
): void {
  const draft = chartArg(bridge, 'updateChart', chart);
  bridge.assertObjectsEditable(rt, sheet.id);
  const index = chartIndex(sheet, draft, 'update');
  const charts = [...(sheet.charts ?? [])];
  charts[index] = storedChart(rt.state.spreadsheet, sheet, draft, draft.id as number);
  sheet.charts = charts;
}

export function removeChart(
  rt: Runtime,
  bridge: SheetBridge,
  sheet: SheetState,
  chart: unknown,
): void {
  const draft = chartArg(bridge, 'removeChart', chart);
  bridge.assertObjectsEditable(rt, sheet.id);
  const index = chartIndex(sheet, draft, 'remove');
  sheet.charts = (sheet.charts ?? []).filter((_c, i) => i !== index);
}

/**
 * Keeps charts in step when rows or columns of `changed` are inserted, deleted or moved: ranges on
 * it (from charts on any sheet) follow their cells, and its own charts' anchor cells too. A chart
 * whose anchor row or column is deleted moves to the row or column that takes its place.
 */
export function shiftCharts(
  ss: SpreadsheetState,
  changed: SheetState,
  axis: 'row' | 'column',
  mapRect: (rect: Rect) => Rect | undefined,
): void {
  for (const sheet of ss.sheets) {
    for (const chart of sheet.charts ?? []) {
      chart.ranges = chart.ranges.flatMap((ref) => {
        if (ref.sheetId !== changed.id) return [ref];
        const { sheetId, ...rect } = ref;
        const moved = mapRect(rect);
        return moved ? [{ sheetId, ...moved }] : [];
      });
      if (sheet !== changed) continue;
      const { row, column } = chart.position;
      const cell = mapRect({ row, column, numRows: 1, numColumns: 1 });
      const onward =
        axis === 'row'
          ? mapRect({ row, column, numRows: Number.MAX_SAFE_INTEGER - row, numColumns: 1 })
          : mapRect({ row, column, numRows: 1, numColumns: Number.MAX_SAFE_INTEGER - column });
      const to = cell ?? onward ?? { row, column };
      chart.position.row = Math.max(1, Math.min(to.row, changed.maxRows));
      chart.position.column = Math.max(1, Math.min(to.column, changed.maxColumns));
    }
  }
}
