/**
 * Conditional format rules: SpreadsheetApp.newConditionalFormatRule(), the rules of a sheet
 * (Sheet.getConditionalFormatRules / setConditionalFormatRules / clearConditionalFormatRules) and
 * the SpreadsheetApp enums they use, as the Apps Script reference describes them:
 *
 * - https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
 * - https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule
 * - https://developers.google.com/apps-script/reference/spreadsheet/boolean-condition
 * - https://developers.google.com/apps-script/reference/spreadsheet/gradient-condition
 * - https://developers.google.com/apps-script/reference/spreadsheet/boolean-criteria,
 *   interpolation-type and relative-date
 * - https://developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule)
 *
 * A sheet's rules live in its state (`SheetState.conditionalFormats`), in priority order.
 * Which format a cell shows is worked out by `conditionalFormatFor` (conditional-format-eval.ts).
 *
 * What the reference leaves open, decided here (in the emulator's own words):
 * - `build()` needs a condition (a when…() method, withCriteria, or gradient points), as the
 *   data validation builder needs criteria; a gradient needs its min and max points. The last
 *   kind of condition set wins (a when…() after gradient points makes a boolean rule).
 * - "A rule must have at least one range": `build()` accepts a rule without ranges (the
 *   reference's withCriteria example builds one), `setConditionalFormatRules` refuses it, and a
 *   rule with a range on another sheet.
 * - Changing the rules of protected cells needs edit rights on them, as editing their format does.
 * - Colours are kept as given, hex written in lower case (`#FF0000` reads back as `#ff0000`).
 * - A rule's ranges move with inserted, deleted and moved rows and columns
 *   (`shiftConditionalFormats`, called by spreadsheet.ts); a range whose cells are all deleted is
 *   dropped, and a rule left without ranges too.
 */
import { ScriptError, type Runtime } from './core';
import type {
  ConditionalFormatRuleState,
  ConditionalFormatState,
  GradientPointState,
  GridRangeState,
  GridRect,
  SheetState,
} from './state';
import type { Rect } from './spreadsheet';
import { countSheetCall, deepCopy, enumOf, rangesFor, type SheetBridge } from './charts';

export const BooleanCriteria = enumOf(
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
);
export const InterpolationType = enumOf('NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX');
export const RelativeDate = enumOf(
  'TODAY',
  'TOMORROW',
  'YESTERDAY',
  'PAST_WEEK',
  'PAST_MONTH',
  'PAST_YEAR',
);

function isMember(names: object, value: unknown): value is string {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(names, value);
}

const NAMED_COLOURS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  lime: '#00ff00',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  maroon: '#800000',
  navy: '#000080',
  teal: '#008080',
  olive: '#808000',
  aqua: '#00ffff',
  cyan: '#00ffff',
  fuchsia: '#ff00ff',
  magenta: '#ff00ff',
};

/** '#F00' and '#FF0000' -> '#ff0000'; CSS colour names as hex; anything else as given. */
export function normaliseColour(colour: string): string {
  const text = colour.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  return NAMED_COLOURS[text] ?? colour;
}

// ---- BooleanCondition and GradientCondition ---------------------------------------------------

function copyValues(values: unknown[]): unknown[] {
  return deepCopy(values);
}

class BooleanConditionImpl {
  readonly #rt: Runtime;
  readonly #criteria: string;
  readonly #values: unknown[];
  readonly #format: ConditionalFormatState;

  constructor(rt: Runtime, criteria: string, values: unknown[], format: ConditionalFormatState) {
    this.#rt = rt;
    this.#criteria = criteria;
    this.#values = copyValues(values);
    this.#format = { ...format };
  }

  toString(): string {
    return 'BooleanCondition';
  }

  #call(method: string): void {
    countSheetCall(this.#rt, `BooleanCondition.${method}`);
  }

  getBackground(): string | null {
    this.#call('getBackground');
    return this.#format.background ?? null;
  }

  getBold(): boolean | null {
    this.#call('getBold');
    return this.#format.bold ?? null;
  }

  getCriteriaType(): string {
    this.#call('getCriteriaType');
    return this.#criteria;
  }

  /** The arguments of the criteria, ready for ConditionalFormatRuleBuilder.withCriteria. */
  getCriteriaValues(): unknown[] {
    this.#call('getCriteriaValues');
    return copyValues(this.#values);
  }

  getFontColor(): string | null {
    this.#call('getFontColor');
    return this.#format.fontColor ?? null;
  }

  getItalic(): boolean | null {
    this.#call('getItalic');
    return this.#format.italic ?? null;
  }

  getStrikethrough(): boolean | null {
    this.#call('getStrikethrough');
    return this.#format.strikethrough ?? null;
  }

  getUnderline(): boolean | null {
    this.#call('getUnderline');
    return this.#format.underline ?? null;
  }
}

interface GradientDraft {
  min?: GradientPointState;
  mid?: GradientPointState;
  max?: GradientPointState;
}

class GradientConditionImpl {
  readonly #rt: Runtime;
  readonly #gradient: GradientDraft;

  constructor(rt: Runtime, gradient: GradientDraft) {
    this.#rt = rt;
    this.#gradient = deepCopy(gradient);
  }

  toString(): string {
    return 'GradientCondition';
  }

  #point(method: string, point: keyof GradientDraft): GradientPointState | undefined {
    countSheetCall(this.#rt, `GradientCondition.${method}`);
    return this.#gradient[point];
  }

  /** An unset point's colour and value are empty strings, its type null. */
  getMaxColor(): string {
    return this.#point('getMaxColor', 'max')?.color ?? '';
  }

  getMaxType(): string | null {
    return this.#point('getMaxType', 'max')?.type ?? null;
  }

  getMaxValue(): string {
    return this.#point('getMaxValue', 'max')?.value ?? '';
  }

  getMidColor(): string {
    return this.#point('getMidColor', 'mid')?.color ?? '';
  }

  getMidType(): string | null {
    return this.#point('getMidType', 'mid')?.type ?? null;
  }

  getMidValue(): string {
    return this.#point('getMidValue', 'mid')?.value ?? '';
  }

  getMinColor(): string {
    return this.#point('getMinColor', 'min')?.color ?? '';
  }

  getMinType(): string | null {
    return this.#point('getMinType', 'min')?.type ?? null;
  }

  getMinValue(): string {
    return this.#point('getMinValue', 'min')?.value ?? '';
  }
}

// ---- ConditionalFormatRuleBuilder and ConditionalFormatRule -----------------------------------

interface RuleDraft {
  ranges: GridRangeState[];
  /** Which condition the rule has: the kind set last. */
  kind?: 'boolean' | 'gradient';
  condition?: { criteria: string; values: unknown[] };
  format: ConditionalFormatState;
  gradient: GradientDraft;
}

function emptyRule(): RuleDraft {
  return { ranges: [], format: {}, gradient: {} };
}

function booleanConditionOf(rt: Runtime, draft: RuleDraft): BooleanConditionImpl | null {
  if (draft.kind !== 'boolean' || !draft.condition) return null;
  const { criteria, values } = draft.condition;
  return new BooleanConditionImpl(rt, criteria, values, draft.format);
}

function gradientConditionOf(rt: Runtime, draft: RuleDraft): GradientConditionImpl | null {
  return draft.kind === 'gradient' ? new GradientConditionImpl(rt, draft.gradient) : null;
}

class ConditionalFormatRuleImpl {
  readonly #rt: Runtime;
  readonly #bridge: SheetBridge;
  readonly #rule: RuleDraft;

  constructor(rt: Runtime, bridge: SheetBridge, rule: RuleDraft) {
    this.#rt = rt;
    this.#bridge = bridge;
    this.#rule = rule;
  }

  static draftOf(rule: ConditionalFormatRuleImpl): RuleDraft {
    return rule.#rule;
  }

  toString(): string {
    return 'ConditionalFormatRule';
  }

  #call(method: string): void {
    countSheetCall(this.#rt, `ConditionalFormatRule.${method}`);
  }

  copy(): ConditionalFormatRuleBuilderImpl {
    this.#call('copy');
    return new ConditionalFormatRuleBuilderImpl(this.#rt, this.#bridge, deepCopy(this.#rule));
  }

  getBooleanCondition(): BooleanConditionImpl | null {
    this.#call('getBooleanCondition');
    return booleanConditionOf(this.#rt, this.#rule);
  }

  getGradientCondition(): GradientConditionImpl | null {
    this.#call('getGradientCondition');
    return gradientConditionOf(this.#rt, this.#rule);
  }

  getRanges(): object[] {
    this.#call('getRanges');
    return rangesFor(this.#rt, this.#bridge, this.#rule.ranges);
  }
}

type FormatKey = keyof ConditionalFormatState;

class ConditionalFormatRuleBuilderImpl {
  readonly #rt: Runtime;
  readonly #bridge: SheetBridge;
  readonly #draft: RuleDraft;

  constructor(rt: Runtime, bridge: SheetBridge, draft: RuleDraft = emptyRule()) {
    this.#rt = rt;
    this.#bridge = bridge;
    this.#draft = draft;
  }

  toString(): string {
    return 'ConditionalFormatRuleBuilder';
  }

  #call(method: string): void {
    countSheetCall(this.#rt, `ConditionalFormatRuleBuilder.${method}`);
  }

  #error(method: string, args: unknown[]): ScriptError {
    return this.#bridge.signatureError(
      `SpreadsheetApp.ConditionalFormatRuleBuilder.${method}`,
      args,
    );
  }

  /** A when…() method: counts the call, checks the arguments, makes a boolean condition. */
  #when(method: string, criteria: string, args: unknown[], ok: boolean): this {
    this.#call(method);
    if (!ok) throw this.#error(method, args);
    this.#draft.kind = 'boolean';
    this.#draft.condition = { criteria, values: copyValues(args) };
    return this;
  }

  #number(method: string, criteria: string, args: unknown[]): this {
    const ok = args.every((a) => typeof a === 'number' && !Number.isNaN(a));
    return this.#when(method, criteria, args, ok);
  }

  #text(method: string, criteria: string, text: unknown): this {
    return this.#when(method, criteria, [text], typeof text === 'string');
  }

  /** whenDate…(date) takes a Date, or a SpreadsheetApp.RelativeDate for the _RELATIVE criteria. */
  #date(method: string, criteria: string, date: unknown): this {
    if (isMember(RelativeDate, date))
      return this.#when(method, `${criteria}_RELATIVE`, [date], true);
    return this.#when(method, criteria, [date], this.#bridge.isDate(date));
  }

  /** A format setter: null removes the setting from the rule. */
  #format(method: string, key: FormatKey, value: unknown, type: 'string' | 'boolean'): this {
    this.#call(method);
    if (value !== null && typeof value !== type) throw this.#error(method, [value]);
    if (value === null) delete this.#draft.format[key];
    else {
      const setting = type === 'string' ? normaliseColour(value as string) : value;
      Object.assign(this.#draft.format, { [key]: setting });
    }
    return this;
  }

  #gradientPoint(
    method: string,
    point: keyof GradientDraft,
    args: unknown[],
    fixedType?: 'MIN' | 'MAX',
  ): this {
    this.#call(method);
    const [color, type, value] = args;
    if (point === 'mid' && type === null) {
      delete this.#draft.gradient.mid;
    } else {
      const ok = fixedType
        ? typeof color === 'string'
        : typeof color === 'string' &&
          isMember(InterpolationType, type) &&
          typeof value === 'string';
      if (!ok) throw this.#error(method, args);
      this.#draft.gradient[point] = {
        color: normaliseColour(color as string),
        type: fixedType ?? (type as string),
        value: fixedType ? '' : (value as string),
      };
    }
    this.#draft.kind = 'gradient';
    return this;
  }

  build(): ConditionalFormatRuleImpl {
    this.#call('build');
    const { kind, gradient } = this.#draft;
    if (!kind) {
      throw new ScriptError(
        'A conditional format rule needs a condition (a when…() method, withCriteria or gradient points) before it can be built.',
      );
    }
    if (kind === 'gradient' && (!gradient.min || !gradient.max)) {
      throw new ScriptError(
        'A gradient conditional format rule needs its minpoint and its maxpoint before it can be built.',
      );
    }
    return new ConditionalFormatRuleImpl(this.#rt, this.#bridge, deepCopy(this.#draft));
  }

  copy(): ConditionalFormatRuleBuilderImpl {
    this.#call('copy');
    return new ConditionalFormatRuleBuilderImpl(this.#rt, this.#bridge, deepCopy(this.#draft));
  }

  getBooleanCondition(): BooleanConditionImpl | null {
    this.#call('getBooleanCondition');
    return booleanConditionOf(this.#rt, this.#draft);
  }

  getGradientCondition(): GradientConditionImpl | null {
    this.#call('getGradientCondition');
    return gradientConditionOf(this.#rt, this.#draft);
  }

  getRanges(): object[] {
    this.#call('getRanges');
    return rangesFor(this.#rt, this.#bridge, this.#draft.ranges);
  }

  /** Replaces the rule's ranges; an empty array clears them. */
  setRanges(ranges: unknown): this {
    this.#call('setRanges');
    const infos = Array.isArray(ranges)
      ? ranges.map((r) => this.#bridge.rangeInfo(r))
      : [undefined];
    if (!Array.isArray(ranges) || infos.some((i) => !i)) throw this.#error('setRanges', [ranges]);
    this.#draft.ranges = infos.flatMap((i) => (i ? [{ sheetId: i.sheetId, ...i.rect }] : []));
    return this;
  }

  setBackground(color: unknown): this {
    return this.#format('setBackground', 'background', color, 'string');
  }

  setFontColor(color: unknown): this {
    return this.#format('setFontColor', 'fontColor', color, 'string');
  }

  setBold(bold: unknown): this {
    return this.#format('setBold', 'bold', bold, 'boolean');
  }

  setItalic(italic: unknown): this {
    return this.#format('setItalic', 'italic', italic, 'boolean');
  }

  setStrikethrough(strikethrough: unknown): this {
    return this.#format('setStrikethrough', 'strikethrough', strikethrough, 'boolean');
  }

  setUnderline(underline: unknown): this {
    return this.#format('setUnderline', 'underline', underline, 'boolean');
  }

  /** The maxpoint is the largest value in the rule's ranges. */
  setGradientMaxpoint(color: unknown): this {
    return this.#gradientPoint('setGradientMaxpoint', 'max', [color], 'MAX');
  }

  setGradientMaxpointWithValue(color: unknown, type: unknown, value: unknown): this {
    return this.#gradientPoint('setGradientMaxpointWithValue', 'max', [color, type, value]);
  }

  /** A null type clears the midpoint. */
  setGradientMidpointWithValue(color: unknown, type: unknown, value: unknown): this {
    return this.#gradientPoint('setGradientMidpointWithValue', 'mid', [color, type, value]);
  }

  /** The minpoint is the smallest value in the rule's ranges. */
  setGradientMinpoint(color: unknown): this {
    return this.#gradientPoint('setGradientMinpoint', 'min', [color], 'MIN');
  }

  setGradientMinpointWithValue(color: unknown, type: unknown, value: unknown): this {
    return this.#gradientPoint('setGradientMinpointWithValue', 'min', [color, type, value]);
  }

  whenCellEmpty(): this {
    return this.#when('whenCellEmpty', 'CELL_EMPTY', [], true);
  }

  whenCellNotEmpty(): this {
    return this.#when('whenCellNotEmpty', 'CELL_NOT_EMPTY', [], true);
  }

  whenDateAfter(date: unknown): this {
    return this.#date('whenDateAfter', 'DATE_AFTER', date);
  }

  whenDateBefore(date: unknown): this {
    return this.#date('whenDateBefore', 'DATE_BEFORE', date);
  }

  whenDateEqualTo(date: unknown): this {
    return this.#date('whenDateEqualTo', 'DATE_EQUAL_TO', date);
  }

  /** The formula's relative references are read from the top-left cell of each range. */
  whenFormulaSatisfied(formula: unknown): this {
    return this.#text('whenFormulaSatisfied', 'CUSTOM_FORMULA', formula);
  }

  /** Inclusive: a number equal to start or end matches. */
  whenNumberBetween(start: unknown, end: unknown): this {
    return this.#number('whenNumberBetween', 'NUMBER_BETWEEN', [start, end]);
  }

  whenNumberEqualTo(number: unknown): this {
    return this.#number('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [number]);
  }

  whenNumberGreaterThan(number: unknown): this {
    return this.#number('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [number]);
  }

  whenNumberGreaterThanOrEqualTo(number: unknown): this {
    const criteria = 'NUMBER_GREATER_THAN_OR_EQUAL_TO';
    return this.#number('whenNumberGreaterThanOrEqualTo', criteria, [number]);
  }

  whenNumberLessThan(number: unknown): this {
    return this.#number('whenNumberLessThan', 'NUMBER_LESS_THAN', [number]);
  }

  whenNumberLessThanOrEqualTo(number: unknown): this {
    return this.#number('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  /** Neither between nor equal to start or end. */
  whenNumberNotBetween(start: unknown, end: unknown): this {
    return this.#number('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', [start, end]);
  }

  whenNumberNotEqualTo(number: unknown): this {
    return this.#number('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', [number]);
  }

  whenTextContains(text: unknown): this {
    return this.#text('whenTextContains', 'TEXT_CONTAINS', text);
  }

  whenTextDoesNotContain(text: unknown): this {
    return this.#text('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', text);
  }

  whenTextEndsWith(text: unknown): this {
    return this.#text('whenTextEndsWith', 'TEXT_ENDS_WITH', text);
  }

  whenTextEqualTo(text: unknown): this {
    return this.#text('whenTextEqualTo', 'TEXT_EQUAL_TO', text);
  }

  whenTextStartsWith(text: unknown): this {
    return this.#text('whenTextStartsWith', 'TEXT_STARTS_WITH', text);
  }

  /** Typically the criteria and values of an existing rule's BooleanCondition. */
  withCriteria(criteria: unknown, args: unknown): this {
    const ok = isMember(BooleanCriteria, criteria) && Array.isArray(args);
    return this.#when(
      'withCriteria',
      String(criteria),
      ok ? (args as unknown[]) : [criteria, args],
      ok,
    );
  }
}

// ---- what Sheet's and SpreadsheetApp's methods do (after spreadsheet.ts counted the call) ------

export function newConditionalFormatRuleBuilder(rt: Runtime, bridge: SheetBridge): object {
  return new ConditionalFormatRuleBuilderImpl(rt, bridge);
}

export function getConditionalFormatRules(
  rt: Runtime,
  bridge: SheetBridge,
  sheet: SheetState,
): object[] {
  return (sheet.conditionalFormats ?? []).map((state) => {
    const draft: RuleDraft = {
      ranges: state.ranges.map((rect) => ({ sheetId: sheet.id, ...rect })),
      format: {},
      gradient: {},
    };
    if (state.boolean) {
      const { criteria, values, format } = state.boolean;
      Object.assign(draft, { kind: 'boolean', condition: { criteria, values }, format });
    }
    if (state.gradient) Object.assign(draft, { kind: 'gradient', gradient: state.gradient });
    return new ConditionalFormatRuleImpl(rt, bridge, deepCopy(draft));
  });
}

function storedRule(sheet: SheetState, draft: RuleDraft): ConditionalFormatRuleState {
  if (draft.ranges.length === 0) {
    throw new ScriptError('A conditional format rule must have at least one range.');
  }
  if (draft.ranges.some((r) => r.sheetId !== sheet.id)) {
    throw new ScriptError(
      'The ranges of a conditional format rule must be on the sheet whose rules are set.',
    );
  }
  const ranges = draft.ranges.map((ref) => {
    const rect: GridRect = {
      row: ref.row,
      column: ref.column,
      numRows: ref.numRows,
      numColumns: ref.numColumns,
    };
    if (ref.openRows) rect.openRows = ref.openRows;
    if (ref.openColumns) rect.openColumns = ref.openColumns;
    return rect;
  });
  const { kind, condition, format, gradient } = deepCopy(draft);
  if (kind === 'gradient' && gradient.min && gradient.max) {
    const { min, mid, max } = gradient;
    return { ranges, gradient: mid ? { min, mid, max } : { min, max } };
  }
  return {
    ranges,
    boolean: { criteria: condition?.criteria ?? '', values: condition?.values ?? [], format },
  };
}

/**
 * Replaces every rule of the sheet, evaluated in the given order. The cells of rules that are
 * added, changed or removed must be editable by the user.
 */
export function setConditionalFormatRules(
  rt: Runtime,
  bridge: SheetBridge,
  sheet: SheetState,
  rules: unknown,
): void {
  if (!Array.isArray(rules) || !rules.every((r) => r instanceof ConditionalFormatRuleImpl)) {
    throw bridge.signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
  }
  const next = rules.map((r: ConditionalFormatRuleImpl) =>
    storedRule(sheet, ConditionalFormatRuleImpl.draftOf(r)),
  );
  replaceRules(rt, bridge, sheet, next);
}

export function clearConditionalFormatRules(
  rt: Runtime,
  bridge: SheetBridge,
  sheet: SheetState,
): void {
  replaceRules(rt, bridge, sheet, []);
}

function replaceRules(
  rt: Runtime,
  bridge: SheetBridge,
  sheet: SheetState,
  next: ConditionalFormatRuleState[],
): void {
  const key = (rule: ConditionalFormatRuleState): string => JSON.stringify(rule);
  const before = sheet.conditionalFormats ?? [];
  const kept = new Set(before.map(key));
  const now = new Set(next.map(key));
  const touched = [
    ...before.filter((r) => !now.has(key(r))),
    ...next.filter((r) => !kept.has(key(r))),
  ];
  for (const rule of touched) {
    for (const rect of rule.ranges) bridge.assertEditable(rt, sheet.id, rect);
  }
  sheet.conditionalFormats = next;
}

/** Keeps a sheet's rules on their cells when its rows or columns are inserted, deleted or moved. */
export function shiftConditionalFormats(
  sheet: SheetState,
  mapRect: (rect: Rect) => Rect | undefined,
): void {
  if (!sheet.conditionalFormats) return;
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((rule) => {
    const ranges = rule.ranges.flatMap((rect) => {
      const moved = mapRect(rect);
      return moved ? [moved] : [];
    });
    return ranges.length > 0 ? [{ ...rule, ranges }] : [];
  });
}
