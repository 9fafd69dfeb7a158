/**
 * DocumentApp and DriveApp, and renderDocHtml for the trial page's Docs viewer.
 *
 * A Doc is kept in rt.state.documents as plain structure (DocState): a list of paragraphs, list
 * items and tables per section, as in Docs. Page breaks and horizontal rules live inside a
 * paragraph or list item (its `inline` list), never directly in a section. The wrappers below
 * (Paragraph, Table, Body...) hold a reference into that structure and change it in place, so the
 * state is always current and can be saved or rendered at any moment.
 *
 * Arguments are checked as Apps Script checks them: a call whose arguments match none of the
 * method's signatures throws "The parameters (…) don't match the method signature for …" instead of
 * inserting "[object Object]" or accepting swapped arguments.
 *
 * Drive access follows the OAuth scopes as Google applies them: `drive` sees everything,
 * `drive.readonly` reads everything, `drive.file` sees only what this app created. A school's
 * template Doc (createdByApp: false) can still be opened with DocumentApp under `documents`.
 */
import { Runtime, SCOPE, ScriptError } from './core';
import type {
  DocElementState,
  DocState,
  DriveFileState,
  EmulatorState,
  InlineElementState,
  TextSpanState,
} from './state';
import { Blob, dayKey } from './services';

export const DOC_MIME = 'application/vnd.google-apps.document';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';

function enumOf<const T extends readonly string[]>(...names: T): { readonly [K in T[number]]: K } {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as {
    readonly [K in T[number]]: K;
  };
}

// Enum values are their own names, so they print, compare and persist as plain strings.
const ParagraphHeading = enumOf(
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
);
const ElementType = enumOf(
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'DOCUMENT',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'RICH_LINK',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
);
const GlyphType = enumOf(
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
);
const HorizontalAlignment = enumOf('LEFT', 'CENTER', 'RIGHT', 'JUSTIFY');
const VerticalAlignment = enumOf('BOTTOM', 'CENTER', 'TOP');
const TextAlignment = enumOf('NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT');
const Attribute = enumOf(
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
);
const Access = enumOf('ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE');
const Permission = enumOf(
  'VIEW',
  'EDIT',
  'COMMENT',
  'OWNER',
  'ORGANIZER',
  'FILE_ORGANIZER',
  'NONE',
);

type TextBlockState = Extract<DocElementState, { type: 'PARAGRAPH' | 'LIST_ITEM' }>;
type TableState = Extract<DocElementState, { type: 'TABLE' }>;
type SectionKind = 'BODY_SECTION' | 'HEADER_SECTION' | 'FOOTER_SECTION';

const LAST_PARAGRAPH = "Can't remove the last paragraph in a document section.";
const MISSING_DOC = "Document is missing (perhaps it was deleted, or you don't have read access?)";
const DETACHED = 'Element must be detached.';
const NOT_A_CHILD = 'Element does not contain the specified child element.';
/** The emulator's wording: Docs allows a page break only in a body paragraph or list item. */
const PAGE_BREAK_PLACE =
  'A page break can only be placed in a paragraph or list item of the body, not in a header, footer or table.';

function emptyParagraph(): DocElementState {
  return { type: 'PARAGRAPH', text: '', heading: 'NORMAL' };
}

// ---- argument checks ---------------------------------------------------------------------------

/** How Apps Script names an argument's type in a signature error. */
function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const names = new Set(value.map(typeName));
    return `${names.size === 1 ? [...names][0] : 'Object'}[]`;
  }
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'function') return 'Function';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  if (value instanceof DocNode) return `DocumentApp.${value.apiClass}`;
  if (value instanceof DriveItem) return `DriveApp.${value.apiClass}`;
  if (value instanceof Blob) return 'Blob';
  return 'Object';
}

/** The error Apps Script throws when the arguments match none of a method's signatures. */
export function signatureError(method: string, args: readonly unknown[]): ScriptError {
  return new ScriptError(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

type Kind = (value: unknown) => boolean;

const isString: Kind = (v) => typeof v === 'string';
const isStringOrNull: Kind = (v) => v === null || typeof v === 'string';
const isNumber: Kind = (v) => typeof v === 'number' && Number.isFinite(v);
const isNumberOrNull: Kind = (v) => v === null || isNumber(v);
const isBoolean: Kind = (v) => typeof v === 'boolean';
const isBooleanOrNull: Kind = (v) => v === null || typeof v === 'boolean';
const isObject: Kind = (v) =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof DocNode);
const isCells: Kind = (v) =>
  Array.isArray(v) && v.every((row) => Array.isArray(row) && row.every(isString));
const isAbsent: Kind = (v) => v === null || v === undefined;
const isEnum =
  (values: Record<string, string>): Kind =>
  (v) =>
    typeof v === 'string' && Object.prototype.hasOwnProperty.call(values, v);
const isInstance =
  (cls: abstract new (...args: never[]) => unknown): Kind =>
  (v) =>
    v instanceof cls;

/** Which of the signatures the arguments match (its index); throws Apps Script's error if none. */
function overload(method: string, args: readonly unknown[], ...signatures: Kind[][]): number {
  const index = signatures.findIndex(
    (kinds) => kinds.length === args.length && kinds.every((kind, i) => kind(args[i])),
  );
  if (index < 0) throw signatureError(method, args);
  return index;
}

// ---- text editing ------------------------------------------------------------------------------

/**
 * Replaces text[start, endExclusive) with `insert` and moves the formatting spans with it, as Docs
 * does: text inserted at a span's end is outside it, a replacement inside a span takes its format.
 */
function spliceText(
  text: string,
  spans: TextSpanState[],
  start: number,
  endExclusive: number,
  insert: string,
): { text: string; spans: TextSpanState[] } {
  const delta = insert.length - (endExclusive - start);
  const moveStart = (b: number): number => (b < start ? b : b >= endExclusive ? b + delta : start);
  const moveEnd = (e: number): number =>
    e <= start ? e : e >= endExclusive ? e + delta : start + insert.length;
  const moved: TextSpanState[] = [];
  for (const span of spans) {
    const s = moveStart(span.start);
    const e = moveEnd(span.end + 1);
    if (e > s) moved.push({ start: s, end: e - 1, attributes: span.attributes });
  }
  return { text: text.slice(0, start) + insert + text.slice(endExclusive), spans: moved };
}

/** A paragraph cannot hold "\n": Docs turns it into a line break ("\r") within the paragraph. */
function paragraphText(text: string): string {
  return text.replace(/\n/g, '\r');
}

/** The page breaks and rules of a paragraph, kept in document order. */
function inlineOf(state: TextBlockState): InlineElementState[] {
  return state.inline ?? [];
}

function setInline(state: TextBlockState, items: InlineElementState[]): void {
  if (items.length > 0) state.inline = items;
  else delete state.inline;
}

/**
 * Edits a paragraph's text: text, spans and the positions of its page breaks and rules move
 * together. Inline elements from index `moveFrom` on move with the text after the edit; before
 * it they stay (by default: those at or before `start`, so appended text comes after a break).
 */
function spliceBlock(
  state: TextBlockState,
  start: number,
  endExclusive: number,
  insert: string,
  moveFrom?: number,
): void {
  const text = paragraphText(insert);
  const next = spliceText(state.text, state.spans ?? [], start, endExclusive, text);
  const delta = text.length - (endExclusive - start);
  // Moved in place: a PageBreak object keeps pointing at its item.
  inlineOf(state).forEach((item, i) => {
    const moves = moveFrom === undefined ? item.offset > start : i >= moveFrom;
    if (moves)
      item.offset = item.offset >= endExclusive ? item.offset + delta : start + text.length;
  });
  state.text = next.text;
  if (next.spans.length > 0) state.spans = next.spans;
  else delete state.spans;
}

/** Apps Script patterns are Java regular expressions; the common subset is also valid JavaScript. */
function javaRegex(pattern: string): RegExp {
  let source = String(pattern);
  let flags = 'g';
  const inline = /^\(\?([imsux]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1] ?? '') if ('ims'.includes(f) && !flags.includes(f)) flags += f;
  }
  source = source.replace(/\\Q([\s\S]*?)(?:\\E|$)/g, (_m, literal: string) =>
    literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
  );
  try {
    return new RegExp(source, flags);
  } catch {
    throw new ScriptError(`Invalid regular expression pattern ${pattern}`);
  }
}

/**
 * A run of text that can be edited and formatted: a paragraph's or list item's text (all of it, or
 * one Text child between page breaks), or a table cell.
 */
interface TextTarget {
  /** The element that holds the text. */
  owner: DocElementState;
  getText(): string;
  getSpans(): TextSpanState[];
  /** Replaces text[start, endExclusive) with `insert`, moving formatting and page breaks along. */
  splice(start: number, endExclusive: number, insert: string): void;
  /** Sets the whole text, dropping ranged formatting. */
  replace(text: string): void;
  /** Formats text[start..end] (inclusive). */
  addSpan(span: TextSpanState): void;
  /** Whole-text attributes; created when `create` is true. */
  attributes(create: boolean): Record<string, unknown> | undefined;
  /** Table cells keep no ranged formatting: a ranged change formats the whole cell. */
  ranged: boolean;
}

function blockAttributes(state: TextBlockState, create: boolean) {
  return create ? (state.attributes ??= {}) : state.attributes;
}

/** All the text of a paragraph or list item (editAsText). */
function blockTarget(state: TextBlockState): TextTarget {
  return {
    owner: state,
    ranged: true,
    getText: () => state.text,
    getSpans: () => state.spans ?? [],
    splice: (start, end, insert) => spliceBlock(state, start, end, insert),
    replace(text) {
      state.text = paragraphText(text);
      delete state.spans;
      delete state.inline;
    },
    addSpan(span) {
      (state.spans ??= []).push(span);
    },
    attributes: (create) => blockAttributes(state, create),
  };
}

/** Where the k-th run of text between a paragraph's page breaks and rules starts and ends. */
function segmentBounds(state: TextBlockState, k: number): [number, number] {
  const items = inlineOf(state);
  const start = k === 0 ? 0 : Math.min(items[k - 1]?.offset ?? 0, state.text.length);
  const end = k < items.length ? (items[k]?.offset ?? state.text.length) : state.text.length;
  return [start, Math.max(start, Math.min(end, state.text.length))];
}

/** One Text child of a paragraph: the text between two of its page breaks or rules. */
function segmentTarget(state: TextBlockState, k: number): TextTarget {
  if (inlineOf(state).length === 0) return blockTarget(state);
  const bounds = (): [number, number] => segmentBounds(state, k);
  return {
    owner: state,
    ranged: true,
    getText() {
      const [start, end] = bounds();
      return state.text.slice(start, end);
    },
    getSpans() {
      const [start, end] = bounds();
      return (state.spans ?? [])
        .filter((s) => s.end >= start && s.start < end)
        .map((s) => ({
          start: Math.max(s.start, start) - start,
          end: Math.min(s.end, end - 1) - start,
          attributes: s.attributes,
        }));
    },
    splice(start, end, insert) {
      const [base] = bounds();
      spliceBlock(state, base + start, base + end, insert, k);
    },
    replace(text) {
      const [start, end] = bounds();
      const outside = (state.spans ?? []).filter((s) => s.end < start || s.start >= end);
      if (outside.length > 0) state.spans = outside;
      else delete state.spans;
      spliceBlock(state, start, end, text, k);
    },
    addSpan(span) {
      const [base] = bounds();
      (state.spans ??= []).push({ ...span, start: span.start + base, end: span.end + base });
    },
    attributes: (create) => blockAttributes(state, create),
  };
}

function cellTarget(table: TableState, row: number, column: number): TextTarget {
  const key = `${row},${column}`;
  const get = (): string => table.rows[row]?.[column] ?? '';
  const set = (text: string): void => {
    const cells = table.rows[row];
    if (cells) cells[column] = text;
  };
  return {
    owner: table,
    ranged: false,
    getText: get,
    getSpans: () => [],
    splice: (start, end, insert) => set(get().slice(0, start) + insert + get().slice(end)),
    replace: set,
    addSpan() {
      // Cells keep no ranged formatting (see `ranged`).
    },
    attributes(create) {
      if (!create) return table.cellAttributes?.[key];
      const all = (table.cellAttributes ??= {});
      return (all[key] ??= {});
    },
  };
}

/** The runs of text findText and replaceText look through: one per Text element, as in Docs. */
function searchTargetsOf(state: DocElementState): TextTarget[] {
  switch (state.type) {
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return inlineOf(state).length === 0
        ? [blockTarget(state)]
        : inlineOf(state)
            .map((_item, k) => segmentTarget(state, k))
            .concat(segmentTarget(state, inlineOf(state).length));
    case 'TABLE':
      return state.rows.flatMap((cells, r) => cells.map((_c, c) => cellTarget(state, r, c)));
  }
}

/** The text of each paragraph, list item or cell, whole (editAsText of a section). */
function wholeTargetsOf(state: DocElementState): TextTarget[] {
  return state.type === 'TABLE' ? searchTargetsOf(state) : [blockTarget(state)];
}

/** getText: a table's cells, row by row, each on its own line (a cell is a paragraph in Docs). */
function elementText(state: DocElementState): string {
  switch (state.type) {
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return state.text;
    case 'TABLE':
      return state.rows.flat().join('\n');
  }
}

/** Replaces every match in every target; the replacement is literal text. */
function replaceInTargets(
  targets: TextTarget[],
  searchPattern: string,
  replacement: string,
): boolean {
  const regex = javaRegex(searchPattern);
  let changed = false;
  for (const target of targets) {
    const matches = [...target.getText().matchAll(regex)].filter((m) => m[0].length > 0);
    if (matches.length === 0) continue;
    for (const m of matches.reverse()) {
      const at = m.index ?? 0;
      target.splice(at, at + m[0].length, replacement);
    }
    changed = true;
  }
  return changed;
}

/** Where findText found its pattern: a target (by position in the search) and offsets. */
interface Found {
  targetIndex: number;
  start: number;
  end: number;
}

function findInTargets(targets: TextTarget[], searchPattern: string, after?: Found): Found | null {
  const regex = javaRegex(searchPattern);
  for (let i = after ? after.targetIndex : 0; i < targets.length; i += 1) {
    for (const m of (targets[i]?.getText() ?? '').matchAll(regex)) {
      const start = m.index ?? 0;
      if (m[0].length === 0) continue;
      if (after && i === after.targetIndex && start <= after.start) continue;
      return { targetIndex: i, start, end: start + m[0].length - 1 };
    }
  }
  return null;
}

// ---- attributes --------------------------------------------------------------------------------

/** The attributes each kind of element has: getAttributes gives every one, null when unset. */
const TEXT_ATTRIBUTES = [
  'BACKGROUND_COLOR',
  'BOLD',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'ITALIC',
  'LINK_URL',
  'STRIKETHROUGH',
  'UNDERLINE',
] as const;
const PARAGRAPH_ATTRIBUTES = [
  ...TEXT_ATTRIBUTES,
  'HEADING',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'SPACING_AFTER',
  'SPACING_BEFORE',
] as const;
const LIST_ITEM_ATTRIBUTES = [
  ...PARAGRAPH_ATTRIBUTES,
  'GLYPH_TYPE',
  'LIST_ID',
  'NESTING_LEVEL',
] as const;
const TABLE_ATTRIBUTES = [...TEXT_ATTRIBUTES, 'BORDER_COLOR', 'BORDER_WIDTH'] as const;
const TABLE_ROW_ATTRIBUTES = [...TEXT_ATTRIBUTES, 'MINIMUM_HEIGHT'] as const;
const TABLE_CELL_ATTRIBUTES = [
  ...TEXT_ATTRIBUTES,
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
] as const;

/** Every attribute of the element's kind, null when unset, plus any other set Attribute. */
function attributeView(
  keys: readonly string[],
  values: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const key of keys) view[key] = values?.[key] ?? null;
  for (const [key, value] of Object.entries(values ?? {})) {
    if (key in Attribute && value !== undefined) view[key] = value;
  }
  return view;
}

function stateAttributes(state: DocElementState): Record<string, unknown> {
  const stored = { ...(state.attributes ?? {}) };
  if (state.type === 'PARAGRAPH') stored.HEADING = state.heading;
  if (state.type === 'LIST_ITEM') {
    stored.GLYPH_TYPE = state.glyph;
    stored.NESTING_LEVEL = state.nesting;
  }
  const keys =
    state.type === 'PARAGRAPH'
      ? PARAGRAPH_ATTRIBUTES
      : state.type === 'LIST_ITEM'
        ? LIST_ITEM_ATTRIBUTES
        : TABLE_ATTRIBUTES;
  return attributeView(keys, stored);
}

/** Writes attributes onto an element; HEADING, GLYPH_TYPE and NESTING_LEVEL go to their own fields. */
function applyAttributes(state: DocElementState, attributes: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(attributes)) {
    if (!(key in Attribute)) continue;
    if (state.type === 'PARAGRAPH' && key === 'HEADING' && value != null)
      state.heading = String(value);
    else if (state.type === 'LIST_ITEM' && key === 'GLYPH_TYPE' && value != null)
      state.glyph = String(value);
    else if (state.type === 'LIST_ITEM' && key === 'NESTING_LEVEL' && value != null)
      state.nesting = Number(value);
    else setAttribute((state.attributes ??= {}), key, value);
  }
}

function setAttribute(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === null || value === undefined) delete target[key];
  else target[key] = value;
}

// ---- element wrappers --------------------------------------------------------------------------

interface DocContext {
  rt: Runtime;
  /** The Doc this node belongs to; null for a detached copy. */
  doc: DocState | null;
  /** Shared by every node reached through one Document object: saveAndClose closes them all. */
  session: { closed: boolean };
}

function detachedContext(rt: Runtime): DocContext {
  return { rt, doc: null, session: { closed: false } };
}

/** A section's elements; a bare page break or rule kept by an older version becomes a paragraph. */
function sectionElements(doc: DocState, kind: SectionKind): DocElementState[] | undefined {
  const list =
    kind === 'BODY_SECTION' ? doc.body : kind === 'HEADER_SECTION' ? doc.header : doc.footer;
  if (list) normaliseSection(list);
  return list;
}

function normaliseSection(list: DocElementState[]): void {
  list.forEach((element, i) => {
    const type = (element as { type: string }).type;
    if (type === 'PAGE_BREAK' || type === 'HORIZONTAL_RULE') {
      list[i] = { type: 'PARAGRAPH', text: '', heading: 'NORMAL', inline: [{ type, offset: 0 }] };
    }
  });
}

/** Every Docs object: counts its calls as `DocumentApp.<Class>.<method>`. */
abstract class DocNode {
  protected abstract readonly className: string;

  constructor(protected readonly ctx: DocContext) {}

  /** The Apps Script class name, as signature errors print it. */
  get apiClass(): string {
    return this.className;
  }

  /** The counted name of a method of this class, e.g. 'DocumentApp.Body.appendParagraph'. */
  protected method(name: string): string {
    return `DocumentApp.${this.className}.${name}`;
  }

  protected read(method: string): string {
    this.ctx.rt.call(this.method(method), { kind: 'read' });
    return this.method(method);
  }

  protected write(method: string): string {
    this.ctx.rt.call(this.method(method), { kind: 'write' });
    if (this.ctx.session.closed) {
      throw new ScriptError('Document is closed, its contents cannot be updated.');
    }
    return this.method(method);
  }

  /** Records that the Doc changed (a detached copy belongs to no Doc). */
  protected touched(): void {
    if (this.ctx.doc) this.ctx.doc.updatedAt = this.ctx.rt.now();
  }

  /** Element.asText() and the other casts: only the matching kind of element casts. */
  protected cast<T>(method: string, cls: abstract new (...args: never[]) => T, name: string): T {
    this.read(method);
    if (this instanceof cls) return this;
    throw new ScriptError(`Cannot cast ${this.typeName()} to ${name}.`);
  }

  protected abstract typeName(): string;
}

/** A child of a section: paragraph, list item or table. */
abstract class DocElement<S extends DocElementState = DocElementState> extends DocNode {
  constructor(
    ctx: DocContext,
    readonly state: S,
    protected section: SectionKind | null,
  ) {
    super(ctx);
  }

  protected typeName(): string {
    return this.state.type;
  }

  /** The section this element is in, or null when it is detached. */
  get sectionKind(): SectionKind | null {
    return this.siblings() ? this.section : null;
  }

  /** The list holding this element, or null when it is detached. */
  siblings(): DocElementState[] | null {
    if (!this.ctx.doc || !this.section) return null;
    const list = sectionElements(this.ctx.doc, this.section);
    return list && list.includes(this.state) ? list : null;
  }

  getType(): string {
    this.read('getType');
    return this.state.type;
  }

  getParent(): Section | null {
    this.read('getParent');
    return this.siblings() && this.section ? sectionOf(this.ctx, this.section) : null;
  }

  getNextSibling(): DocElement | null {
    this.read('getNextSibling');
    return this.sibling(1);
  }

  getPreviousSibling(): DocElement | null {
    this.read('getPreviousSibling');
    return this.sibling(-1);
  }

  private sibling(step: number): DocElement | null {
    const list = this.siblings();
    const next = list?.[list.indexOf(this.state) + step];
    return next ? wrapElement(this.ctx, next, this.section) : null;
  }

  isAtDocumentEnd(): boolean {
    this.read('isAtDocumentEnd');
    const list = this.siblings();
    return this.section === 'BODY_SECTION' && list !== null && list[list.length - 1] === this.state;
  }

  removeFromParent(): this {
    this.write('removeFromParent');
    const list = this.siblings();
    if (list) {
      removeElement(list, this.state);
      this.section = null;
      this.touched();
    }
    return this;
  }

  /** A detached deep copy, to be appended elsewhere (how a template's content is copied). */
  copy(): DocElement {
    this.read('copy');
    return wrapElement(detachedContext(this.ctx.rt), structuredClone(this.state), null);
  }

  getAttributes(): Record<string, unknown> {
    this.read('getAttributes');
    return stateAttributes(this.state);
  }

  setAttributes(...args: unknown[]): this {
    const method = this.write('setAttributes');
    overload(method, args, [isObject]);
    applyAttributes(this.state, args[0] as Record<string, unknown>);
    this.touched();
    return this;
  }

  asParagraph(): Paragraph {
    return this.cast('asParagraph', Paragraph, 'Paragraph');
  }
  asListItem(): ListItem {
    return this.cast('asListItem', ListItem, 'ListItem');
  }
  asTable(): Table {
    return this.cast('asTable', Table, 'Table');
  }
  asText(): TextElement {
    return this.cast('asText', TextElement, 'Text');
  }
  asHorizontalRule(): HorizontalRule {
    return this.cast('asHorizontalRule', HorizontalRule, 'HorizontalRule');
  }
  asPageBreak(): PageBreak {
    return this.cast('asPageBreak', PageBreak, 'PageBreak');
  }
}

function removeElement(list: DocElementState[], state: DocElementState): void {
  const index = list.indexOf(state);
  if (index < 0) return;
  // A Docs section always ends with a paragraph.
  if (index === list.length - 1 && (state.type === 'PARAGRAPH' || state.type === 'LIST_ITEM')) {
    throw new ScriptError(LAST_PARAGRAPH);
  }
  list.splice(index, 1);
}

function wrapElement(
  ctx: DocContext,
  state: DocElementState,
  section: SectionKind | null,
): DocElement {
  switch (state.type) {
    case 'PARAGRAPH':
      return new Paragraph(ctx, state, section);
    case 'LIST_ITEM':
      return new ListItem(ctx, state, section);
    case 'TABLE':
      return new Table(ctx, state, section);
  }
}

function checkChildIndex(index: number, count: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new ScriptError(
      `Child index (${index}) must be less than the number of child elements (${count}).`,
    );
  }
}

function checkInsertIndex(index: number, count: number): void {
  if (!Number.isInteger(index) || index < 0 || index > count) {
    throw new ScriptError(
      `Index (${index}) must be less than or equal to the number of child elements (${count}).`,
    );
  }
}

/** A child of a paragraph: a run of text (the k-th), or a page break or rule. */
type BlockChild = { kind: 'text'; segment: number } | { kind: 'inline'; item: InlineElementState };

function blockChildren(state: TextBlockState): BlockChild[] {
  const children: BlockChild[] = [];
  const items = inlineOf(state);
  for (let k = 0; k <= items.length; k += 1) {
    const [start, end] = segmentBounds(state, k);
    if (end > start) children.push({ kind: 'text', segment: k });
    const item = items[k];
    if (item) children.push({ kind: 'inline', item });
  }
  return children;
}

/** Paragraphs and list items: text, page breaks and rules, alignment, links and formatting. */
abstract class TextBlock<S extends TextBlockState> extends DocElement<S> {
  getText(): string {
    this.read('getText');
    return this.state.text;
  }

  setText(...args: unknown[]): this {
    const method = this.write('setText');
    overload(method, args, [isString]);
    blockTarget(this.state).replace(args[0] as string);
    this.touched();
    return this;
  }

  /** appendText(text) or appendText(Text): the new text joins the paragraph's last run of text. */
  appendText(...args: unknown[]): TextElement {
    const method = this.write('appendText');
    const form = overload(method, args, [isString], [isInstance(TextElement)]);
    const text = form === 0 ? (args[0] as string) : (args[0] as TextElement).plainText();
    const items = inlineOf(this.state);
    const target = segmentTarget(this.state, items.length);
    const end = target.getText().length;
    target.splice(end, end, text);
    this.touched();
    return new TextElement(this.ctx, [target], this, {
      block: this.state,
      segment: items.length,
    });
  }

  clear(): this {
    this.write('clear');
    blockTarget(this.state).replace('');
    this.touched();
    return this;
  }

  editAsText(): TextElement {
    this.read('editAsText');
    return new TextElement(this.ctx, [blockTarget(this.state)], this);
  }

  replaceText(...args: unknown[]): this {
    const method = this.write('replaceText');
    overload(method, args, [isString, isString]);
    const [pattern, replacement] = args as [string, string];
    if (replaceInTargets(searchTargetsOf(this.state), pattern, replacement)) this.touched();
    return this;
  }

  findText(...args: unknown[]): RangeElement | null {
    const method = this.read('findText');
    overload(method, args, [isString], [isString, isRangeOrNull]);
    const from = (args[1] ?? undefined) as RangeElement | undefined;
    return searchRange(this.ctx, searchTargetsOf(this.state), this, args[0] as string, from);
  }

  setAlignment(...args: unknown[]): this {
    const method = this.write('setAlignment');
    overload(method, args, [isEnumOrNull(HorizontalAlignment)]);
    setAttribute((this.state.attributes ??= {}), 'HORIZONTAL_ALIGNMENT', args[0]);
    this.touched();
    return this;
  }

  getAlignment(): string | null {
    this.read('getAlignment');
    return (this.state.attributes?.HORIZONTAL_ALIGNMENT as string | undefined) ?? null;
  }

  setLinkUrl(...args: unknown[]): this {
    const method = this.write('setLinkUrl');
    overload(method, args, [isStringOrNull]);
    setAttribute((this.state.attributes ??= {}), 'LINK_URL', args[0]);
    this.touched();
    return this;
  }

  getLinkUrl(): string | null {
    this.read('getLinkUrl');
    return (this.state.attributes?.LINK_URL as string | undefined) ?? null;
  }

  // -- children: runs of text, page breaks and horizontal rules

  getNumChildren(): number {
    this.read('getNumChildren');
    return blockChildren(this.state).length;
  }

  getChild(...args: unknown[]): TextElement | InlineElement {
    const method = this.read('getChild');
    overload(method, args, [isNumber]);
    const children = blockChildren(this.state);
    const index = args[0] as number;
    checkChildIndex(index, children.length);
    return this.wrapChild(children[index] as BlockChild);
  }

  getChildIndex(...args: unknown[]): number {
    const method = this.read('getChildIndex');
    overload(method, args, [isElement]);
    const index = this.childIndex(args[0]);
    if (index < 0) throw new ScriptError(NOT_A_CHILD);
    return index;
  }

  removeChild(...args: unknown[]): this {
    const method = this.write('removeChild');
    overload(method, args, [isElement]);
    const child = args[0];
    if (this.childIndex(child) < 0) throw new ScriptError(NOT_A_CHILD);
    if (child instanceof InlineElement) child.detach();
    else if (child instanceof TextElement) child.clearRun();
    this.touched();
    return this;
  }

  /** appendPageBreak() or appendPageBreak(pageBreak): at the end of the paragraph. */
  appendPageBreak(...args: unknown[]): PageBreak {
    const method = this.write('appendPageBreak');
    overload(method, args, [], [isInstance(PageBreak)]);
    this.checkPageBreakPlace();
    return this.placeInline(this.state.text.length, 'PAGE_BREAK', args[0]) as PageBreak;
  }

  /** insertPageBreak(childIndex) or insertPageBreak(childIndex, pageBreak). */
  insertPageBreak(...args: unknown[]): PageBreak {
    const method = this.write('insertPageBreak');
    overload(method, args, [isNumber], [isNumber, isInstance(PageBreak)]);
    this.checkPageBreakPlace();
    const offset = this.offsetOfChild(args[0] as number);
    return this.placeInline(offset, 'PAGE_BREAK', args[1]) as PageBreak;
  }

  appendHorizontalRule(...args: unknown[]): HorizontalRule {
    const method = this.write('appendHorizontalRule');
    overload(method, args, []);
    return this.placeInline(this.state.text.length, 'HORIZONTAL_RULE') as HorizontalRule;
  }

  insertHorizontalRule(...args: unknown[]): HorizontalRule {
    const method = this.write('insertHorizontalRule');
    overload(method, args, [isNumber]);
    const offset = this.offsetOfChild(args[0] as number);
    return this.placeInline(offset, 'HORIZONTAL_RULE') as HorizontalRule;
  }

  /** A page break may not go into a paragraph of a header, footer or table. */
  private checkPageBreakPlace(): void {
    const section = this.sectionKind;
    if (section !== null && section !== 'BODY_SECTION') throw new ScriptError(PAGE_BREAK_PLACE);
  }

  /** The text offset at which a child inserted at `childIndex` goes. */
  private offsetOfChild(childIndex: number): number {
    const children = blockChildren(this.state);
    checkInsertIndex(childIndex, children.length);
    const child = children[childIndex];
    if (!child) return this.state.text.length;
    return child.kind === 'inline'
      ? child.item.offset
      : segmentBounds(this.state, child.segment)[0];
  }

  private placeInline(
    offset: number,
    type: InlineElementState['type'],
    copyOf?: unknown,
  ): InlineElement {
    if (copyOf instanceof InlineElement && copyOf.isAttached()) throw new ScriptError(DETACHED);
    const item: InlineElementState = { type, offset };
    const items = [...inlineOf(this.state)];
    // After every item at or before this offset, so a new break follows earlier ones.
    let at = items.findIndex((i) => i.offset > offset);
    if (at < 0) at = items.length;
    items.splice(at, 0, item);
    setInline(this.state, items);
    this.touched();
    return wrapInline(this.ctx, item, this);
  }

  private childIndex(child: unknown): number {
    const children = blockChildren(this.state);
    if (child instanceof InlineElement) {
      return children.findIndex((c) => c.kind === 'inline' && c.item === child.item);
    }
    if (!(child instanceof TextElement)) return -1;
    const run = child.runOf(this.state);
    return run === undefined
      ? -1
      : children.findIndex((c) => c.kind === 'text' && c.segment === run);
  }

  private wrapChild(child: BlockChild): TextElement | InlineElement {
    if (child.kind === 'inline') return wrapInline(this.ctx, child.item, this);
    return new TextElement(this.ctx, [segmentTarget(this.state, child.segment)], this, {
      block: this.state,
      segment: child.segment,
    });
  }
}

const isRangeOrNull: Kind = (v) => isAbsent(v) || v instanceof RangeElement;
/** Any Docs element (an Element parameter): paragraphs, tables, text, page breaks... */
const isElement: Kind = (v) => v instanceof DocNode && !(v instanceof GoogleDocument);
const isEnumOrNull =
  (values: Record<string, string>): Kind =>
  (v) =>
    v === null || isEnum(values)(v);

class Paragraph extends TextBlock<Extract<DocElementState, { type: 'PARAGRAPH' }>> {
  protected readonly className = 'Paragraph';

  setHeading(...args: unknown[]): this {
    const method = this.write('setHeading');
    overload(method, args, [isEnum(ParagraphHeading)]);
    this.state.heading = args[0] as string;
    this.touched();
    return this;
  }

  getHeading(): string {
    this.read('getHeading');
    return this.state.heading;
  }
}

class ListItem extends TextBlock<Extract<DocElementState, { type: 'LIST_ITEM' }>> {
  protected readonly className = 'ListItem';

  setGlyphType(...args: unknown[]): this {
    const method = this.write('setGlyphType');
    overload(method, args, [isEnum(GlyphType)]);
    this.state.glyph = args[0] as string;
    this.touched();
    return this;
  }

  getGlyphType(): string {
    this.read('getGlyphType');
    return this.state.glyph;
  }

  setNestingLevel(...args: unknown[]): this {
    const method = this.write('setNestingLevel');
    overload(method, args, [isNumber]);
    const nestingLevel = args[0] as number;
    if (!Number.isInteger(nestingLevel) || nestingLevel < 0 || nestingLevel > 8) {
      throw new ScriptError('Invalid argument: nestingLevel');
    }
    this.state.nesting = nestingLevel;
    this.touched();
    return this;
  }

  getNestingLevel(): number {
    this.read('getNestingLevel');
    return this.state.nesting;
  }
}

/** A page break or horizontal rule: a child of a paragraph or list item (or detached). */
abstract class InlineElement extends DocNode {
  constructor(
    ctx: DocContext,
    readonly item: InlineElementState,
    /** The paragraph holding it; null once removed or for a copy. */
    private host: TextBlock<TextBlockState> | null,
  ) {
    super(ctx);
  }

  protected typeName(): string {
    return this.item.type;
  }

  isAttached(): boolean {
    return this.host !== null && inlineOf(this.host.state).includes(this.item);
  }

  /** Takes it out of its paragraph (removeFromParent, removeChild). */
  detach(): void {
    if (!this.host || !this.isAttached()) return;
    setInline(
      this.host.state,
      inlineOf(this.host.state).filter((i) => i !== this.item),
    );
    this.host = null;
  }

  getType(): string {
    this.read('getType');
    return this.item.type;
  }

  getParent(): TextBlock<TextBlockState> | null {
    this.read('getParent');
    return this.isAttached() ? this.host : null;
  }

  getNextSibling(): TextElement | InlineElement | null {
    this.read('getNextSibling');
    return this.sibling(1);
  }

  getPreviousSibling(): TextElement | InlineElement | null {
    this.read('getPreviousSibling');
    return this.sibling(-1);
  }

  private sibling(step: number): TextElement | InlineElement | null {
    if (!this.host || !this.isAttached()) return null;
    const children = blockChildren(this.host.state);
    const index = children.findIndex((c) => c.kind === 'inline' && c.item === this.item);
    const next = children[index + step];
    if (!next) return null;
    return this.host.getChild(children.indexOf(next));
  }

  isAtDocumentEnd(): boolean {
    this.read('isAtDocumentEnd');
    if (!this.host || !this.isAttached()) return false;
    const children = blockChildren(this.host.state);
    const last = children[children.length - 1];
    return last?.kind === 'inline' && last.item === this.item && this.host.isAtDocumentEnd();
  }

  removeFromParent(): this {
    this.write('removeFromParent');
    const host = this.host;
    if (host && this.isAttached()) {
      this.detach();
      this.touched();
    }
    return this;
  }

  copy(): InlineElement {
    this.read('copy');
    return wrapInline(detachedContext(this.ctx.rt), { ...this.item, offset: 0 }, null);
  }

  getAttributes(): Record<string, unknown> {
    this.read('getAttributes');
    return attributeView(TEXT_ATTRIBUTES, undefined);
  }

  setAttributes(...args: unknown[]): this {
    const method = this.write('setAttributes');
    overload(method, args, [isObject]);
    return this;
  }

  asPageBreak(): PageBreak {
    return this.cast('asPageBreak', PageBreak, 'PageBreak');
  }
  asHorizontalRule(): HorizontalRule {
    return this.cast('asHorizontalRule', HorizontalRule, 'HorizontalRule');
  }
  asText(): TextElement {
    return this.cast('asText', TextElement, 'Text');
  }
  asParagraph(): Paragraph {
    return this.cast('asParagraph', Paragraph, 'Paragraph');
  }
}

class HorizontalRule extends InlineElement {
  protected readonly className = 'HorizontalRule';
}

class PageBreak extends InlineElement {
  protected readonly className = 'PageBreak';
}

function wrapInline(
  ctx: DocContext,
  item: InlineElementState,
  host: TextBlock<TextBlockState> | null,
): InlineElement {
  return item.type === 'PAGE_BREAK'
    ? new PageBreak(ctx, item, host)
    : new HorizontalRule(ctx, item, host);
}

class Table extends DocElement<TableState> {
  protected readonly className = 'Table';

  getNumRows(): number {
    this.read('getNumRows');
    return this.state.rows.length;
  }

  getRow(...args: unknown[]): TableRow {
    const method = this.read('getRow');
    overload(method, args, [isNumber]);
    const rowIndex = args[0] as number;
    checkChildIndex(rowIndex, this.state.rows.length);
    return new TableRow(this.ctx, this.state, rowIndex, this.section);
  }

  getCell(...args: unknown[]): TableCell {
    const method = this.read('getCell');
    overload(method, args, [isNumber, isNumber]);
    const [rowIndex, cellIndex] = args as [number, number];
    checkChildIndex(rowIndex, this.state.rows.length);
    checkChildIndex(cellIndex, this.state.rows[rowIndex]?.length ?? 0);
    return new TableCell(this.ctx, this.state, rowIndex, cellIndex, this.section);
  }

  /** appendTableRow() adds an empty row (add cells with appendTableCell); appendTableRow(row) a copy. */
  appendTableRow(...args: unknown[]): TableRow {
    const method = this.write('appendTableRow');
    overload(method, args, [], [isInstance(TableRow)]);
    const row = args[0] as TableRow | undefined;
    const index = this.state.rows.length;
    if (row) {
      this.state.rows.push([...row.cells()]);
      row.cellAttributes().forEach((attrs, c) => {
        if (attrs) (this.state.cellAttributes ??= {})[`${index},${c}`] = structuredClone(attrs);
      });
    } else {
      this.state.rows.push([]);
    }
    this.touched();
    return new TableRow(this.ctx, this.state, index, this.section);
  }

  removeRow(...args: unknown[]): TableRow {
    const method = this.write('removeRow');
    overload(method, args, [isNumber]);
    const rowIndex = args[0] as number;
    checkChildIndex(rowIndex, this.state.rows.length);
    const removed = new TableRow(this.ctx, this.state, rowIndex, this.section).detachedCopy();
    this.state.rows.splice(rowIndex, 1);
    // Cell formatting is keyed by position: shift the rows below up by one.
    const moved: Record<string, Record<string, unknown>> = {};
    for (const [key, attrs] of Object.entries(this.state.cellAttributes ?? {})) {
      const [r = 0, c = 0] = key.split(',').map(Number);
      if (r !== rowIndex) moved[`${r > rowIndex ? r - 1 : r},${c}`] = attrs;
    }
    if (this.state.cellAttributes) this.state.cellAttributes = moved;
    this.touched();
    return removed;
  }

  getText(): string {
    this.read('getText');
    return elementText(this.state);
  }

  editAsText(): TextElement {
    this.read('editAsText');
    return new TextElement(this.ctx, searchTargetsOf(this.state), this);
  }

  replaceText(...args: unknown[]): this {
    const method = this.write('replaceText');
    overload(method, args, [isString, isString]);
    const [pattern, replacement] = args as [string, string];
    if (replaceInTargets(searchTargetsOf(this.state), pattern, replacement)) this.touched();
    return this;
  }

  findText(...args: unknown[]): RangeElement | null {
    const method = this.read('findText');
    overload(method, args, [isString], [isString, isRangeOrNull]);
    const from = (args[1] ?? undefined) as RangeElement | undefined;
    return searchRange(this.ctx, searchTargetsOf(this.state), this, args[0] as string, from);
  }

  setBorderWidth(...args: unknown[]): this {
    return this.setTableAttribute('setBorderWidth', 'BORDER_WIDTH', args, isNumber);
  }

  setBorderColor(...args: unknown[]): this {
    return this.setTableAttribute('setBorderColor', 'BORDER_COLOR', args, isStringOrNull);
  }

  setColumnWidth(...args: unknown[]): this {
    const method = this.write('setColumnWidth');
    overload(method, args, [isNumber, isNumber]);
    const [columnIndex, width] = args as [number, number];
    const widths = ((this.state.attributes ??= {}).COLUMN_WIDTHS ??= {}) as Record<string, number>;
    widths[String(columnIndex)] = width;
    this.touched();
    return this;
  }

  private setTableAttribute(method: string, key: string, args: unknown[], kind: Kind): this {
    const name = this.write(method);
    overload(name, args, [kind]);
    setAttribute((this.state.attributes ??= {}), key, args[0]);
    this.touched();
    return this;
  }
}

class TableRow extends DocNode {
  protected readonly className = 'TableRow';

  constructor(
    ctx: DocContext,
    private readonly table: TableState,
    private readonly index: number,
    private readonly section: SectionKind | null,
  ) {
    super(ctx);
  }

  protected typeName(): string {
    return 'TABLE_ROW';
  }

  cells(): string[] {
    return this.table.rows[this.index] ?? [];
  }

  cellAttributes(): (Record<string, unknown> | undefined)[] {
    return this.cells().map((_c, c) => this.table.cellAttributes?.[`${this.index},${c}`]);
  }

  /** A one-row table holding a copy of this row: what copy() and removeRow() hand back. */
  detachedCopy(): TableRow {
    const table: TableState = { type: 'TABLE', rows: [[...this.cells()]] };
    this.cellAttributes().forEach((attrs, c) => {
      if (attrs) (table.cellAttributes ??= {})[`0,${c}`] = structuredClone(attrs);
    });
    return new TableRow(detachedContext(this.ctx.rt), table, 0, null);
  }

  getType(): string {
    this.read('getType');
    return 'TABLE_ROW';
  }

  getNumCells(): number {
    this.read('getNumCells');
    return this.cells().length;
  }

  getCell(...args: unknown[]): TableCell {
    const method = this.read('getCell');
    overload(method, args, [isNumber]);
    const cellIndex = args[0] as number;
    checkChildIndex(cellIndex, this.cells().length);
    return new TableCell(this.ctx, this.table, this.index, cellIndex, this.section);
  }

  /** appendTableCell(), appendTableCell(text) or appendTableCell(cell) (a detached copy). */
  appendTableCell(...args: unknown[]): TableCell {
    const method = this.write('appendTableCell');
    const form = overload(method, args, [], [isString], [isInstance(TableCell)]);
    const cells = this.table.rows[this.index];
    if (!cells) throw new ScriptError('This table row has been removed.');
    const text = form === 1 ? (args[0] as string) : form === 2 ? (args[0] as TableCell).text() : '';
    cells.push(text);
    this.touched();
    return new TableCell(this.ctx, this.table, this.index, cells.length - 1, this.section);
  }

  /** Each cell on its own line, as Docs gives a row's text. */
  getText(): string {
    this.read('getText');
    return this.cells().join('\n');
  }

  editAsText(): TextElement {
    this.read('editAsText');
    return new TextElement(this.ctx, this.targets(), this);
  }

  replaceText(...args: unknown[]): this {
    const method = this.write('replaceText');
    overload(method, args, [isString, isString]);
    const [pattern, replacement] = args as [string, string];
    if (replaceInTargets(this.targets(), pattern, replacement)) this.touched();
    return this;
  }

  private targets(): TextTarget[] {
    return this.cells().map((_c, c) => cellTarget(this.table, this.index, c));
  }

  getAttributes(): Record<string, unknown> {
    this.read('getAttributes');
    return attributeView(TABLE_ROW_ATTRIBUTES, undefined);
  }

  getParentTable(): Table {
    this.read('getParentTable');
    return new Table(this.ctx, this.table, this.section);
  }

  copy(): TableRow {
    this.read('copy');
    return this.detachedCopy();
  }
}

class TableCell extends DocNode {
  protected readonly className = 'TableCell';

  constructor(
    ctx: DocContext,
    private readonly table: TableState,
    private readonly row: number,
    private readonly column: number,
    private readonly section: SectionKind | null,
  ) {
    super(ctx);
  }

  protected typeName(): string {
    return 'TABLE_CELL';
  }

  private target(): TextTarget {
    return cellTarget(this.table, this.row, this.column);
  }

  /** The cell's text, uncounted (for appendTableCell(cell)). */
  text(): string {
    return this.target().getText();
  }

  getType(): string {
    this.read('getType');
    return 'TABLE_CELL';
  }

  getText(): string {
    this.read('getText');
    return this.target().getText();
  }

  setText(...args: unknown[]): this {
    const method = this.write('setText');
    overload(method, args, [isString]);
    this.target().replace(args[0] as string);
    this.touched();
    return this;
  }

  clear(): this {
    this.write('clear');
    this.target().replace('');
    this.touched();
    return this;
  }

  editAsText(): TextElement {
    this.read('editAsText');
    return new TextElement(this.ctx, [this.target()], this);
  }

  replaceText(...args: unknown[]): this {
    const method = this.write('replaceText');
    overload(method, args, [isString, isString]);
    const [pattern, replacement] = args as [string, string];
    if (replaceInTargets([this.target()], pattern, replacement)) this.touched();
    return this;
  }

  setBackgroundColor(...args: unknown[]): this {
    const method = this.write('setBackgroundColor');
    overload(method, args, [isStringOrNull]);
    setAttribute(this.target().attributes(true) ?? {}, 'BACKGROUND_COLOR', args[0]);
    this.touched();
    return this;
  }

  getBackgroundColor(): string | null {
    this.read('getBackgroundColor');
    return (this.target().attributes(false)?.BACKGROUND_COLOR as string | undefined) ?? null;
  }

  getAttributes(): Record<string, unknown> {
    this.read('getAttributes');
    return attributeView(TABLE_CELL_ATTRIBUTES, this.target().attributes(false));
  }

  setAttributes(...args: unknown[]): this {
    const method = this.write('setAttributes');
    overload(method, args, [isObject]);
    const target = this.target().attributes(true) ?? {};
    for (const [key, value] of Object.entries(args[0] as Record<string, unknown>)) {
      if (key in Attribute) setAttribute(target, key, value);
    }
    this.touched();
    return this;
  }

  getParentRow(): TableRow {
    this.read('getParentRow');
    return new TableRow(this.ctx, this.table, this.row, this.section);
  }

  getParentTable(): Table {
    this.read('getParentTable');
    return new Table(this.ctx, this.table, this.section);
  }
}

/** Apps Script's Text: the editable text of one element (or of all elements of a container). */
class TextElement extends DocNode {
  protected readonly className = 'Text';

  constructor(
    ctx: DocContext,
    private readonly targets: TextTarget[],
    private readonly parent: DocNode | null,
    /** For a Text child of a paragraph: which run of its text this is. */
    private readonly run?: { block: TextBlockState; segment: number },
  ) {
    super(ctx);
  }

  protected typeName(): string {
    return 'TEXT';
  }

  /** The text, uncounted (for appendText(Text)). */
  plainText(): string {
    return this.targets.map((t) => t.getText()).join('\n');
  }

  /** Which run of `block`'s text this Text child is, if it is one. */
  runOf(block: TextBlockState): number | undefined {
    return this.run?.block === block ? this.run.segment : undefined;
  }

  /** Empties this run of text (removeChild of a Text child). */
  clearRun(): void {
    for (const target of this.targets) target.replace('');
  }

  getType(): string {
    this.read('getType');
    return 'TEXT';
  }

  getParent(): DocNode | null {
    this.read('getParent');
    return this.parent;
  }

  getText(): string {
    this.read('getText');
    return this.plainText();
  }

  setText(...args: unknown[]): this {
    const method = this.write('setText');
    overload(method, args, [isString]);
    this.single('setText').replace(args[0] as string);
    this.touched();
    return this;
  }

  appendText(...args: unknown[]): this {
    const method = this.write('appendText');
    overload(method, args, [isString]);
    const target = this.single('appendText');
    const end = target.getText().length;
    target.splice(end, end, args[0] as string);
    this.touched();
    return this;
  }

  insertText(...args: unknown[]): this {
    const method = this.write('insertText');
    overload(method, args, [isNumber, isString]);
    const [offset, text] = args as [number, string];
    const target = this.single('insertText');
    if (!Number.isInteger(offset) || offset < 0 || offset > target.getText().length) {
      throw new ScriptError(
        `Index (${offset}) must be less than or equal to the content length (${target.getText().length}).`,
      );
    }
    target.splice(offset, offset, text);
    this.touched();
    return this;
  }

  deleteText(...args: unknown[]): this {
    const method = this.write('deleteText');
    overload(method, args, [isNumber, isNumber]);
    const [startOffset, endOffsetInclusive] = args as [number, number];
    const target = this.single('deleteText');
    checkRange(target, startOffset, endOffsetInclusive);
    target.splice(startOffset, endOffsetInclusive + 1, '');
    this.touched();
    return this;
  }

  replaceText(...args: unknown[]): this {
    const method = this.write('replaceText');
    overload(method, args, [isString, isString]);
    const [pattern, replacement] = args as [string, string];
    if (replaceInTargets(this.targets, pattern, replacement)) this.touched();
    return this;
  }

  findText(...args: unknown[]): RangeElement | null {
    const method = this.read('findText');
    overload(method, args, [isString], [isString, isRangeOrNull]);
    const from = (args[1] ?? undefined) as RangeElement | undefined;
    return searchRange(this.ctx, this.targets, this.parent, args[0] as string, from);
  }

  // setBold(bold) formats all the text; setBold(start, endInclusive, bold) part of it. Likewise below.
  setBold(...args: unknown[]): this {
    return this.format('setBold', 'BOLD', args, isBooleanOrNull);
  }
  setItalic(...args: unknown[]): this {
    return this.format('setItalic', 'ITALIC', args, isBooleanOrNull);
  }
  setUnderline(...args: unknown[]): this {
    return this.format('setUnderline', 'UNDERLINE', args, isBooleanOrNull);
  }
  setStrikethrough(...args: unknown[]): this {
    return this.format('setStrikethrough', 'STRIKETHROUGH', args, isBooleanOrNull);
  }
  setFontSize(...args: unknown[]): this {
    return this.format('setFontSize', 'FONT_SIZE', args, isNumberOrNull);
  }
  setFontFamily(...args: unknown[]): this {
    return this.format('setFontFamily', 'FONT_FAMILY', args, isStringOrNull);
  }
  setForegroundColor(...args: unknown[]): this {
    return this.format('setForegroundColor', 'FOREGROUND_COLOR', args, isStringOrNull);
  }
  setBackgroundColor(...args: unknown[]): this {
    return this.format('setBackgroundColor', 'BACKGROUND_COLOR', args, isStringOrNull);
  }
  setLinkUrl(...args: unknown[]): this {
    return this.format('setLinkUrl', 'LINK_URL', args, isStringOrNull);
  }

  /** setAttributes(attributes) or setAttributes(startOffset, endOffsetInclusive, attributes). */
  setAttributes(...args: unknown[]): this {
    const method = this.write('setAttributes');
    const form = overload(method, args, [isObject], [isNumber, isNumber, isObject]);
    const attributes = (form === 1 ? args[2] : args[0]) as Record<string, unknown>;
    for (const [key, value] of Object.entries(attributes)) {
      if (!(key in Attribute)) continue;
      this.apply(key, value, form === 1 ? [args[0] as number, args[1] as number] : undefined);
    }
    this.touched();
    return this;
  }

  /** Attributes at an offset (or of the whole text): whole-text ones overlaid by ranged ones. */
  getAttributes(...args: unknown[]): Record<string, unknown> {
    const method = this.read('getAttributes');
    overload(method, args, [], [isNumber]);
    return attributeView(TEXT_ATTRIBUTES, this.attributesAt(args[0] as number | undefined));
  }

  isBold(...args: unknown[]): boolean | null {
    return this.attribute('isBold', 'BOLD', args) as boolean | null;
  }

  isItalic(...args: unknown[]): boolean | null {
    return this.attribute('isItalic', 'ITALIC', args) as boolean | null;
  }

  isUnderline(...args: unknown[]): boolean | null {
    return this.attribute('isUnderline', 'UNDERLINE', args) as boolean | null;
  }

  getLinkUrl(...args: unknown[]): string | null {
    return this.attribute('getLinkUrl', 'LINK_URL', args) as string | null;
  }

  getFontSize(...args: unknown[]): number | null {
    return this.attribute('getFontSize', 'FONT_SIZE', args) as number | null;
  }

  asText(): TextElement {
    this.read('asText');
    return this;
  }

  private attribute(method: string, key: string, args: unknown[]): unknown {
    const name = this.read(method);
    overload(name, args, [], [isNumber]);
    return this.attributesAt(args[0] as number | undefined)[key] ?? null;
  }

  private attributesAt(offset?: number): Record<string, unknown> {
    const target = this.targets[0];
    if (!target) return {};
    const merged = { ...(target.attributes(false) ?? {}) };
    if (offset !== undefined) {
      for (const span of target.getSpans()) {
        if (span.start <= offset && offset <= span.end) Object.assign(merged, span.attributes);
      }
    }
    return merged;
  }

  private format(method: string, key: string, args: unknown[], kind: Kind): this {
    const name = this.write(method);
    const form = overload(name, args, [kind], [isNumber, isNumber, kind]);
    if (form === 1) this.apply(key, args[2], [args[0] as number, args[1] as number]);
    else this.apply(key, args[0]);
    this.touched();
    return this;
  }

  private apply(key: string, value: unknown, range?: [number, number]): void {
    if (!range) {
      for (const target of this.targets) setAttribute(target.attributes(true) ?? {}, key, value);
      return;
    }
    const target = this.single('a ranged format');
    checkRange(target, range[0], range[1]);
    if (!target.ranged) {
      setAttribute(target.attributes(true) ?? {}, key, value);
      return;
    }
    target.addSpan({ start: range[0], end: range[1], attributes: { [key]: value ?? null } });
  }

  /** Offsets only make sense within one run of text. */
  private single(what: string): TextTarget {
    const [target, ...rest] = this.targets;
    if (!target || rest.length > 0) {
      throw new ScriptError(
        `The emulator supports ${what} on the text of one paragraph, list item or table cell only.`,
      );
    }
    return target;
  }
}

function checkRange(target: TextTarget, start: number, endInclusive: number): void {
  const length = target.getText().length;
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(endInclusive) ||
    start < 0 ||
    start > endInclusive
  ) {
    throw new ScriptError('Invalid argument: startOffset');
  }
  if (endInclusive >= length) {
    throw new ScriptError(
      `Index (${endInclusive}) must be less than the content length (${length}).`,
    );
  }
}

/** A findText result. */
class RangeElement {
  constructor(
    private readonly ctx: DocContext,
    private readonly element: TextElement,
    readonly found: Found,
  ) {}
  getElement(): TextElement {
    this.ctx.rt.call('DocumentApp.RangeElement.getElement', { kind: 'read' });
    return this.element;
  }
  getStartOffset(): number {
    this.ctx.rt.call('DocumentApp.RangeElement.getStartOffset', { kind: 'read' });
    return this.found.start;
  }
  getEndOffsetInclusive(): number {
    this.ctx.rt.call('DocumentApp.RangeElement.getEndOffsetInclusive', { kind: 'read' });
    return this.found.end;
  }
  isPartial(): boolean {
    this.ctx.rt.call('DocumentApp.RangeElement.isPartial', { kind: 'read' });
    return true;
  }
}

/** The result of findText: the Text found in, its parent element, and the offsets. */
function searchRange(
  ctx: DocContext,
  targets: TextTarget[],
  container: DocNode | null,
  searchPattern: string,
  from?: RangeElement,
): RangeElement | null {
  const found = findInTargets(targets, searchPattern, from?.found);
  const target = found ? targets[found.targetIndex] : undefined;
  if (!found || !target) return null;
  const section =
    container instanceof Section
      ? container.kind
      : container instanceof DocElement
        ? container.sectionKind
        : null;
  const parent =
    container instanceof DocElement && container.state === target.owner
      ? container
      : wrapElement(ctx, target.owner, section);
  return new RangeElement(ctx, new TextElement(ctx, [target], parent), found);
}

// ---- sections and the document -----------------------------------------------------------------

const SECTION_CLASS: Record<SectionKind, string> = {
  BODY_SECTION: 'Body',
  HEADER_SECTION: 'HeaderSection',
  FOOTER_SECTION: 'FooterSection',
};

/** The header or footer of a Doc (and, through Body, its body). */
class Section extends DocNode {
  protected readonly className: string;

  constructor(
    ctx: DocContext,
    readonly kind: SectionKind,
  ) {
    super(ctx);
    this.className = SECTION_CLASS[kind];
  }

  protected typeName(): string {
    return this.kind;
  }

  protected get elements(): DocElementState[] {
    const list = this.ctx.doc ? sectionElements(this.ctx.doc, this.kind) : undefined;
    if (!list) throw new ScriptError('This section is no longer part of the document.');
    return list;
  }

  getType(): string {
    this.read('getType');
    return this.kind;
  }

  getNumChildren(): number {
    this.read('getNumChildren');
    return this.elements.length;
  }

  getChild(...args: unknown[]): DocElement {
    const method = this.read('getChild');
    overload(method, args, [isNumber]);
    const childIndex = args[0] as number;
    checkChildIndex(childIndex, this.elements.length);
    return wrapElement(this.ctx, this.elements[childIndex] as DocElementState, this.kind);
  }

  getChildIndex(...args: unknown[]): number {
    const method = this.read('getChildIndex');
    overload(method, args, [isElement]);
    const child = args[0];
    const index = child instanceof DocElement ? this.elements.indexOf(child.state) : -1;
    if (index < 0) throw new ScriptError(NOT_A_CHILD);
    return index;
  }

  getParagraphs(): (Paragraph | ListItem)[] {
    this.read('getParagraphs');
    return this.wrapped().filter((e): e is Paragraph | ListItem => e instanceof TextBlock);
  }

  getListItems(): ListItem[] {
    this.read('getListItems');
    return this.wrapped().filter((e): e is ListItem => e instanceof ListItem);
  }

  getTables(): Table[] {
    this.read('getTables');
    return this.wrapped().filter((e): e is Table => e instanceof Table);
  }

  private wrapped(): DocElement[] {
    return this.elements.map((state) => wrapElement(this.ctx, state, this.kind));
  }

  /** appendParagraph(text) or appendParagraph(paragraph) (a detached one, e.g. a copy). */
  appendParagraph(...args: unknown[]): Paragraph {
    const method = this.write('appendParagraph');
    overload(method, args, [isString], [isInstance(Paragraph)]);
    return this.place(undefined, this.paragraphState(args[0])) as Paragraph;
  }

  insertParagraph(...args: unknown[]): Paragraph {
    const method = this.write('insertParagraph');
    overload(method, args, [isNumber, isString], [isNumber, isInstance(Paragraph)]);
    return this.place(args[0] as number, this.paragraphState(args[1])) as Paragraph;
  }

  appendListItem(...args: unknown[]): ListItem {
    const method = this.write('appendListItem');
    overload(method, args, [isString], [isInstance(ListItem)]);
    return this.place(undefined, this.listItemState(args[0])) as ListItem;
  }

  insertListItem(...args: unknown[]): ListItem {
    const method = this.write('insertListItem');
    overload(method, args, [isNumber, isString], [isNumber, isInstance(ListItem)]);
    return this.place(args[0] as number, this.listItemState(args[1])) as ListItem;
  }

  /** appendTable(), appendTable(cells) (a String[][]) or appendTable(table) (a detached one). */
  appendTable(...args: unknown[]): Table {
    const method = this.write('appendTable');
    overload(method, args, [], [isCells], [isInstance(Table)]);
    return this.place(undefined, tableState(args[0])) as Table;
  }

  insertTable(...args: unknown[]): Table {
    const method = this.write('insertTable');
    overload(method, args, [isNumber], [isNumber, isCells], [isNumber, isInstance(Table)]);
    return this.place(args[0] as number, tableState(args[1])) as Table;
  }

  /** A rule lives in a paragraph: this adds a paragraph holding it, and returns the rule. */
  appendHorizontalRule(...args: unknown[]): HorizontalRule {
    const method = this.write('appendHorizontalRule');
    overload(method, args, []);
    return this.placeInline(undefined, 'HORIZONTAL_RULE') as HorizontalRule;
  }

  insertHorizontalRule(...args: unknown[]): HorizontalRule {
    const method = this.write('insertHorizontalRule');
    overload(method, args, [isNumber]);
    return this.placeInline(args[0] as number, 'HORIZONTAL_RULE') as HorizontalRule;
  }

  removeChild(...args: unknown[]): this {
    const method = this.write('removeChild');
    overload(method, args, [isElement]);
    const child = args[0];
    if (!(child instanceof DocElement) || !this.elements.includes(child.state)) {
      throw new ScriptError(NOT_A_CHILD);
    }
    removeElement(this.elements, child.state);
    this.touched();
    return this;
  }

  /** Leaves one empty paragraph: a Docs section is never empty. */
  clear(): this {
    this.write('clear');
    this.elements.splice(0, this.elements.length, emptyParagraph());
    this.touched();
    return this;
  }

  getText(): string {
    this.read('getText');
    return this.elements.map(elementText).join('\n');
  }

  setText(...args: unknown[]): this {
    const method = this.write('setText');
    overload(method, args, [isString]);
    // The section's text, one paragraph per line.
    const lines = (args[0] as string).split('\n');
    this.elements.splice(
      0,
      this.elements.length,
      ...lines.map((text): DocElementState => ({ type: 'PARAGRAPH', text, heading: 'NORMAL' })),
    );
    this.touched();
    return this;
  }

  editAsText(): TextElement {
    this.read('editAsText');
    return new TextElement(this.ctx, this.elements.flatMap(wholeTargetsOf), this);
  }

  replaceText(...args: unknown[]): this {
    const method = this.write('replaceText');
    overload(method, args, [isString, isString]);
    const [pattern, replacement] = args as [string, string];
    if (replaceInTargets(this.elements.flatMap(searchTargetsOf), pattern, replacement))
      this.touched();
    return this;
  }

  findText(...args: unknown[]): RangeElement | null {
    const method = this.read('findText');
    overload(method, args, [isString], [isString, isRangeOrNull]);
    const from = (args[1] ?? undefined) as RangeElement | undefined;
    const targets = this.elements.flatMap(searchTargetsOf);
    return searchRange(this.ctx, targets, this, args[0] as string, from);
  }

  /** Puts a new element at `index` (the end when undefined). */
  protected place(index: number | undefined, state: DocElementState): DocElement {
    const list = this.elements;
    if (index !== undefined) checkInsertIndex(index, list.length);
    if (this.kind !== 'BODY_SECTION' && hasPageBreak(state)) {
      throw new ScriptError(PAGE_BREAK_PLACE);
    }
    const at = index ?? list.length;
    list.splice(at, 0, state);
    // A section ends with a paragraph: Docs adds an empty one after a table put at the end.
    if (state.type === 'TABLE' && at === list.length - 1) list.push(emptyParagraph());
    this.touched();
    return wrapElement(this.ctx, state, this.kind);
  }

  /** A new paragraph holding a page break or rule (a copy of `copyOf` when given). */
  protected placeInline(
    index: number | undefined,
    type: InlineElementState['type'],
    copyOf?: unknown,
  ): InlineElement {
    if (copyOf instanceof InlineElement && copyOf.isAttached()) throw new ScriptError(DETACHED);
    const item: InlineElementState = { type, offset: 0 };
    const state: TextBlockState = {
      type: 'PARAGRAPH',
      text: '',
      heading: 'NORMAL',
      inline: [item],
    };
    const paragraph = this.place(index, state) as Paragraph;
    return wrapInline(this.ctx, item, paragraph);
  }

  private paragraphState(value: unknown): DocElementState {
    if (value instanceof DocElement) return detachedState(value);
    return { type: 'PARAGRAPH', text: paragraphText(value as string), heading: 'NORMAL' };
  }

  private listItemState(value: unknown): DocElementState {
    if (value instanceof DocElement) return detachedState(value);
    return { type: 'LIST_ITEM', text: paragraphText(value as string), glyph: 'BULLET', nesting: 0 };
  }
}

/** A Doc's body: a section that may also hold page breaks. */
class Body extends Section {
  /** A page break lives in a paragraph: this adds a paragraph holding it, and returns the break. */
  appendPageBreak(...args: unknown[]): PageBreak {
    const method = this.write('appendPageBreak');
    overload(method, args, [], [isInstance(PageBreak)]);
    return this.placeInline(undefined, 'PAGE_BREAK', args[0]) as PageBreak;
  }

  insertPageBreak(...args: unknown[]): PageBreak {
    const method = this.write('insertPageBreak');
    overload(method, args, [isNumber], [isNumber, isInstance(PageBreak)]);
    return this.placeInline(args[0] as number, 'PAGE_BREAK', args[1]) as PageBreak;
  }
}

function sectionOf(ctx: DocContext, kind: SectionKind): Section {
  return kind === 'BODY_SECTION' ? new Body(ctx, kind) : new Section(ctx, kind);
}

function hasPageBreak(state: DocElementState): boolean {
  return state.type !== 'TABLE' && inlineOf(state).some((i) => i.type === 'PAGE_BREAK');
}

/** The state to insert for an element argument: it must be detached (e.g. a copy). */
function detachedState(element: DocElement): DocElementState {
  if (element.siblings()) throw new ScriptError(DETACHED);
  return structuredClone(element.state);
}

function tableState(cellsOrTable: unknown): TableState {
  if (cellsOrTable instanceof DocElement) return detachedState(cellsOrTable) as TableState;
  const rows = ((cellsOrTable as string[][] | undefined) ?? []).map((row) => [...row]);
  const width = rows[0]?.length ?? 0;
  if (rows.some((row) => row.length !== width)) {
    throw new ScriptError('All rows of a table must have the same number of cells.');
  }
  return { type: 'TABLE', rows };
}

class GoogleDocument extends DocNode {
  protected readonly className = 'Document';

  constructor(
    ctx: DocContext,
    private readonly doc: DocState,
  ) {
    super(ctx);
  }

  protected typeName(): string {
    return 'DOCUMENT';
  }

  getId(): string {
    this.read('getId');
    return this.doc.id;
  }

  getName(): string {
    this.read('getName');
    return this.doc.name;
  }

  setName(...args: unknown[]): this {
    const method = this.write('setName');
    overload(method, args, [isString]);
    this.doc.name = args[0] as string;
    const file = this.ctx.rt.state.drive.files.find((f) => f.id === this.doc.id);
    if (file) file.name = this.doc.name;
    this.touched();
    return this;
  }

  getUrl(): string {
    this.read('getUrl');
    return this.doc.url;
  }

  getBody(): Body {
    this.read('getBody');
    return new Body(this.ctx, 'BODY_SECTION');
  }

  getHeader(): Section | null {
    this.read('getHeader');
    return this.doc.header ? new Section(this.ctx, 'HEADER_SECTION') : null;
  }

  addHeader(): Section {
    this.write('addHeader');
    if (this.doc.header) throw new ScriptError('Document tab already contains a header.');
    this.doc.header = [emptyParagraph()];
    this.touched();
    return new Section(this.ctx, 'HEADER_SECTION');
  }

  getFooter(): Section | null {
    this.read('getFooter');
    return this.doc.footer ? new Section(this.ctx, 'FOOTER_SECTION') : null;
  }

  addFooter(): Section {
    this.write('addFooter');
    if (this.doc.footer) throw new ScriptError('Document tab already contains a footer.');
    this.doc.footer = [emptyParagraph()];
    this.touched();
    return new Section(this.ctx, 'FOOTER_SECTION');
  }

  /** Changes are saved as they are made; closing only stops further edits through this object. */
  saveAndClose(): void {
    this.read('saveAndClose');
    this.ctx.session.closed = true;
  }

  /** Only PDF is offered, as in Apps Script; the emulator's "PDF" holds the rendered HTML page. */
  getAs(...args: unknown[]): Blob {
    const method = this.read('getAs');
    overload(method, args, [isString]);
    const contentType = args[0] as string;
    if (contentType !== 'application/pdf') {
      throw new ScriptError(`Converting from ${DOC_MIME} to ${contentType} is not supported.`);
    }
    return docBlob(this.doc);
  }

  getBlob(): Blob {
    this.read('getBlob');
    return docBlob(this.doc);
  }
}

function docBlob(doc: DocState): Blob {
  return new Blob(Buffer.from(renderDocHtml(doc), 'utf8'), 'application/pdf', `${doc.name}.pdf`);
}

/**
 * Adds a Doc and its Drive file to the state, as if it were made in Google Docs. For a school's own
 * template pass createdByApp: false (then drive.file cannot touch it).
 */
export function addDocument(
  state: EmulatorState,
  options: {
    name: string;
    owner: string;
    now: Date;
    body?: DocElementState[];
    header?: DocElementState[];
    footer?: DocElementState[];
    createdByApp?: boolean;
    id?: string;
    parentId?: string;
  },
): DocState {
  const id = options.id ?? `doc-${Math.random().toString(36).slice(2, 14)}`;
  const doc: DocState = {
    id,
    name: options.name,
    url: `https://docs.google.com/document/d/${id}/edit`,
    owner: options.owner,
    createdAt: options.now,
    updatedAt: options.now,
    body: options.body && options.body.length > 0 ? options.body : [emptyParagraph()],
  };
  if (options.header) doc.header = options.header;
  if (options.footer) doc.footer = options.footer;
  for (const list of [doc.body, doc.header, doc.footer]) if (list) normaliseSection(list);
  state.documents.push(doc);
  state.drive.files.push({
    id,
    name: options.name,
    mimeType: DOC_MIME,
    parents: [options.parentId ?? state.drive.rootFolderId],
    owner: options.owner,
    createdByApp: options.createdByApp ?? true,
    createdAt: options.now,
    trashed: false,
    sharing: { access: Access.PRIVATE, permission: Permission.NONE },
  });
  return doc;
}

export function createDocumentApp(rt: Runtime) {
  const open = (doc: DocState): GoogleDocument =>
    new GoogleDocument({ rt, doc, session: { closed: false } }, doc);
  const find = (id: string): DocState => {
    const doc = rt.state.documents.find((d) => d.id === id);
    if (!doc) throw new ScriptError(MISSING_DOC);
    return doc;
  };

  return {
    ParagraphHeading,
    ElementType,
    GlyphType,
    HorizontalAlignment,
    VerticalAlignment,
    TextAlignment,
    Attribute,

    create(...args: unknown[]): GoogleDocument {
      rt.call('DocumentApp.create', {
        scopes: [SCOPE.DOCUMENTS],
        minAuthMode: 'FULL',
        kind: 'write',
      });
      overload('DocumentApp.create', args, [isString]);
      const name = args[0] as string;
      const key = `${rt.user}|${dayKey(rt.now(), rt.timeZone)}`;
      const created = (rt.state.docsCreated ??= {});
      if ((created[key] ?? 0) >= rt.docsDailyQuota) {
        throw new ScriptError('Service invoked too many times for one day: docs create.');
      }
      created[key] = (created[key] ?? 0) + 1;
      return open(
        addDocument(rt.state, {
          name,
          owner: rt.user,
          now: rt.now(),
          id: rt.nextId('doc-'),
        }),
      );
    },

    openById(...args: unknown[]): GoogleDocument {
      rt.call('DocumentApp.openById', {
        scopes: [SCOPE.DOCUMENTS],
        minAuthMode: 'FULL',
        kind: 'read',
      });
      overload('DocumentApp.openById', args, [isString]);
      return open(find(args[0] as string));
    },

    openByUrl(...args: unknown[]): GoogleDocument {
      rt.call('DocumentApp.openByUrl', {
        scopes: [SCOPE.DOCUMENTS],
        minAuthMode: 'FULL',
        kind: 'read',
      });
      overload('DocumentApp.openByUrl', args, [isString]);
      const url = args[0] as string;
      const id = /\/d\/([A-Za-z0-9_-]+)/.exec(url)?.[1];
      const doc = rt.state.documents.find((d) => d.id === id || d.url === url);
      if (!doc) throw new ScriptError(MISSING_DOC);
      return open(doc);
    },

    /** This is a Sheets add-on: there is never an active Doc. */
    getActiveDocument(): null {
      rt.call('DocumentApp.getActiveDocument', {
        scopes: [SCOPE.DOCUMENTS, SCOPE.DOCUMENTS_CURRENTONLY],
      });
      return null;
    },

    getUi(): never {
      rt.call('DocumentApp.getUi');
      throw new ScriptError('Cannot call DocumentApp.getUi() from this context.');
    },
  };
}

// ---- DriveApp ----------------------------------------------------------------------------------

const DRIVE_READ = [SCOPE.DRIVE, SCOPE.DRIVE_READONLY, SCOPE.DRIVE_FILE];
const DRIVE_WRITE = [SCOPE.DRIVE, SCOPE.DRIVE_FILE];
const NO_ITEM =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
const ACCESS_DENIED = 'Access denied: DriveApp.';

/** Per-file access under the granted scopes (the method's own scope is checked by rt.call). */
class DriveAccess {
  constructor(private readonly rt: Runtime) {}

  isRoot(file: DriveFileState): boolean {
    return file.id === this.rt.state.drive.rootFolderId;
  }

  canRead(file: DriveFileState): boolean {
    const s = this.rt.scopes;
    return (
      this.isRoot(file) ||
      s.has(SCOPE.DRIVE) ||
      s.has(SCOPE.DRIVE_READONLY) ||
      (s.has(SCOPE.DRIVE_FILE) && file.createdByApp)
    );
  }

  canWrite(file: DriveFileState): boolean {
    const s = this.rt.scopes;
    return (
      this.isRoot(file) || s.has(SCOPE.DRIVE) || (s.has(SCOPE.DRIVE_FILE) && file.createdByApp)
    );
  }

  root(): DriveFileState {
    return {
      id: this.rt.state.drive.rootFolderId,
      name: 'My Drive',
      mimeType: FOLDER_MIME,
      parents: [],
      owner: this.rt.user,
      createdByApp: false,
      createdAt: new Date(0),
      trashed: false,
      sharing: { access: Access.PRIVATE, permission: Permission.NONE },
    };
  }

  /** A file or folder by id, or undefined when it does not exist or cannot be seen. */
  find(id: string): DriveFileState | undefined {
    if (id === this.rt.state.drive.rootFolderId) return this.root();
    const file = this.rt.state.drive.files.find((f) => f.id === id);
    return file && this.canRead(file) ? file : undefined;
  }

  /** Everything this app may see (trashed files included, as DriveApp's own searches do). */
  visible(filter: (file: DriveFileState) => boolean): DriveFileState[] {
    return this.rt.state.drive.files.filter((f) => this.canRead(f) && filter(f));
  }
}

class DriveIterator<T> {
  private index = 0;
  constructor(
    private readonly rt: Runtime,
    private readonly className: 'FileIterator' | 'FolderIterator',
    private readonly items: T[],
  ) {}
  hasNext(): boolean {
    this.rt.call(`DriveApp.${this.className}.hasNext`, { kind: 'read' });
    return this.index < this.items.length;
  }
  next(): T {
    this.rt.call(`DriveApp.${this.className}.next`, { kind: 'read' });
    const item = this.items[this.index];
    if (item === undefined)
      throw new ScriptError('Cannot retrieve the next object: iterator has reached the end.');
    this.index += 1;
    return item;
  }
  getContinuationToken(): string {
    this.rt.call(`DriveApp.${this.className}.getContinuationToken`, { kind: 'read' });
    return String(this.index);
  }
}

/** What File and Folder share. */
abstract class DriveItem {
  protected abstract readonly className: 'File' | 'Folder';

  constructor(
    protected readonly rt: Runtime,
    protected readonly access: DriveAccess,
    readonly record: DriveFileState,
  ) {}

  /** The Apps Script class name, as signature errors print it. */
  get apiClass(): string {
    return this.className;
  }

  protected read(method: string): string {
    const name = `DriveApp.${this.className}.${method}`;
    this.rt.call(name, { scopes: DRIVE_READ, kind: 'read' });
    return name;
  }

  /** A change: needs a write scope, and under drive.file a file this app created. */
  protected write(method: string): string {
    const name = `DriveApp.${this.className}.${method}`;
    this.rt.call(name, { scopes: DRIVE_WRITE, kind: 'write' });
    if (!this.access.canWrite(this.record)) throw new ScriptError(ACCESS_DENIED);
    return name;
  }

  getId(): string {
    this.read('getId');
    return this.record.id;
  }

  getName(): string {
    this.read('getName');
    return this.record.name;
  }

  setName(...args: unknown[]): this {
    const method = this.write('setName');
    overload(method, args, [isString]);
    this.record.name = args[0] as string;
    const doc = this.rt.state.documents.find((d) => d.id === this.record.id);
    if (doc) doc.name = this.record.name;
    return this;
  }

  getDateCreated(): Date {
    this.read('getDateCreated');
    return new Date(this.record.createdAt.getTime());
  }

  getLastUpdated(): Date {
    this.read('getLastUpdated');
    const doc = this.rt.state.documents.find((d) => d.id === this.record.id);
    return new Date((doc?.updatedAt ?? this.record.createdAt).getTime());
  }

  getOwner(): { getEmail(): string } {
    this.read('getOwner');
    const email = this.record.owner;
    return { getEmail: () => email };
  }

  getParents(): DriveIterator<Folder> {
    this.read('getParents');
    const parents = this.record.parents
      .map((id) => this.access.find(id))
      .filter((f): f is DriveFileState => f !== undefined)
      .map((f) => new Folder(this.rt, this.access, f));
    return new DriveIterator(this.rt, 'FolderIterator', parents);
  }

  isTrashed(): boolean {
    this.read('isTrashed');
    return this.record.trashed;
  }

  setTrashed(...args: unknown[]): this {
    const method = this.write('setTrashed');
    overload(method, args, [isBoolean]);
    this.record.trashed = args[0] as boolean;
    return this;
  }

  getSharingAccess(): string {
    this.read('getSharingAccess');
    return this.record.sharing.access;
  }

  getSharingPermission(): string {
    this.read('getSharingPermission');
    return this.record.sharing.permission;
  }

  setSharing(...args: unknown[]): this {
    const method = this.write('setSharing');
    overload(method, args, [isEnum(Access), isEnum(Permission)]);
    const [access, permission] = args as [string, string];
    this.record.sharing = { access, permission };
    return this;
  }

  /** Moving needs write access to both the item and the destination. */
  moveTo(...args: unknown[]): this {
    const method = this.write('moveTo');
    overload(method, args, [isInstance(Folder)]);
    const destination = args[0] as Folder;
    if (!this.access.canWrite(destination.record)) throw new ScriptError(ACCESS_DENIED);
    this.record.parents = [destination.record.id];
    return this;
  }
}

/** createFile(blob), createFile(name, content) or createFile(name, content, mimeType). */
function createFileIn(
  rt: Runtime,
  access: DriveAccess,
  method: string,
  args: readonly unknown[],
  parentId: string,
): File {
  const form = overload(
    method,
    args,
    [isBlobSource],
    [isString, isString],
    [isString, isString, isString],
  );
  let name: string;
  let mimeType: string;
  let bytes: Buffer;
  if (form === 0) {
    const blob = (args[0] as { getBlob(): Blob }).getBlob();
    name = blob.getName() ?? 'Untitled';
    mimeType = blob.getContentType() ?? 'application/octet-stream';
    bytes = Buffer.from(blob.bytes);
  } else {
    name = args[0] as string;
    mimeType = form === 2 ? (args[2] as string) : 'text/plain';
    bytes = Buffer.from(args[1] as string, 'utf8');
  }
  // Content cannot make a Google Docs, Sheets... file: those are made with their own services.
  if (mimeType.startsWith('application/vnd.google-apps.')) {
    throw new ScriptError('Invalid argument: file.contentType');
  }
  const record: DriveFileState = {
    id: rt.nextId('file-'),
    name,
    mimeType,
    parents: [parentId],
    owner: rt.user,
    createdByApp: true,
    createdAt: rt.now(),
    trashed: false,
    sharing: { access: Access.PRIVATE, permission: Permission.NONE },
    content: bytes.toString('base64'),
  };
  rt.state.drive.files.push(record);
  return new File(rt, access, record);
}

/** A Blob, or anything with getBlob() (a File, a Document...). */
const isBlobSource: Kind = (v) =>
  v instanceof Blob ||
  (v !== null &&
    typeof v === 'object' &&
    !(v instanceof Folder) &&
    typeof (v as { getBlob?: unknown }).getBlob === 'function');

class File extends DriveItem {
  protected readonly className = 'File';

  getMimeType(): string {
    this.read('getMimeType');
    return this.record.mimeType;
  }

  getUrl(): string {
    this.read('getUrl');
    const doc = this.rt.state.documents.find((d) => d.id === this.record.id);
    return doc?.url ?? `https://drive.google.com/file/d/${this.record.id}/view?usp=drivesdk`;
  }

  getBlob(): Blob {
    this.read('getBlob');
    const doc = this.rt.state.documents.find((d) => d.id === this.record.id);
    if (doc) return docBlob(doc);
    const bytes = Buffer.from(this.record.content ?? '', 'base64');
    return new Blob(bytes, this.record.mimeType, this.record.name);
  }

  getAs(...args: unknown[]): Blob {
    const method = this.read('getAs');
    overload(method, args, [isString]);
    const contentType = args[0] as string;
    if (this.record.mimeType === DOC_MIME && contentType !== 'application/pdf') {
      throw new ScriptError(`Converting from ${DOC_MIME} to ${contentType} is not supported.`);
    }
    return this.getBlob().getAs(contentType);
  }

  /**
   * makeCopy(), makeCopy(name), makeCopy(destination) or makeCopy(name, destination). Under
   * drive.file only a file this app created may be copied: a school's template cannot.
   */
  makeCopy(...args: unknown[]): File {
    const method = 'DriveApp.File.makeCopy';
    this.rt.call(method, { scopes: DRIVE_WRITE, kind: 'write' });
    const form = overload(
      method,
      args,
      [],
      [isString],
      [isInstance(Folder)],
      [isString, isInstance(Folder)],
    );
    if (!this.access.canWrite(this.record)) throw new ScriptError(ACCESS_DENIED);
    const name = form === 1 || form === 3 ? (args[0] as string) : `Copy of ${this.record.name}`;
    const folder = form === 2 ? (args[0] as Folder) : form === 3 ? (args[1] as Folder) : undefined;
    if (folder && !this.access.canWrite(folder.record)) throw new ScriptError(ACCESS_DENIED);
    const now = this.rt.now();
    const id = this.rt.nextId(this.record.mimeType === DOC_MIME ? 'doc-' : 'file-');
    const copy: DriveFileState = {
      ...structuredClone(this.record),
      id,
      name,
      parents: folder ? [folder.record.id] : [...this.record.parents],
      owner: this.rt.user,
      createdByApp: true,
      createdAt: now,
      trashed: false,
      sharing: { access: Access.PRIVATE, permission: Permission.NONE },
    };
    this.rt.state.drive.files.push(copy);
    const doc = this.rt.state.documents.find((d) => d.id === this.record.id);
    if (doc) {
      this.rt.state.documents.push({
        ...structuredClone(doc),
        id,
        name,
        url: `https://docs.google.com/document/d/${id}/edit`,
        owner: this.rt.user,
        createdAt: now,
        updatedAt: now,
      });
    }
    return new File(this.rt, this.access, copy);
  }
}

class Folder extends DriveItem {
  protected readonly className = 'Folder';

  getUrl(): string {
    this.read('getUrl');
    return `https://drive.google.com/drive/folders/${this.record.id}`;
  }

  createFolder(...args: unknown[]): Folder {
    const method = this.write('createFolder');
    overload(method, args, [isString]);
    return new Folder(this.rt, this.access, newFolder(this.rt, args[0] as string, this.record.id));
  }

  createFile(...args: unknown[]): File {
    const method = this.write('createFile');
    return createFileIn(this.rt, this.access, method, args, this.record.id);
  }

  getFiles(): DriveIterator<File> {
    this.read('getFiles');
    return this.files((f) => f.parents.includes(this.record.id));
  }

  getFilesByName(...args: unknown[]): DriveIterator<File> {
    const method = this.read('getFilesByName');
    overload(method, args, [isString]);
    return this.files((f) => f.parents.includes(this.record.id) && f.name === args[0]);
  }

  getFolders(): DriveIterator<Folder> {
    this.read('getFolders');
    return this.folders((f) => f.parents.includes(this.record.id));
  }

  getFoldersByName(...args: unknown[]): DriveIterator<Folder> {
    const method = this.read('getFoldersByName');
    overload(method, args, [isString]);
    return this.folders((f) => f.parents.includes(this.record.id) && f.name === args[0]);
  }

  addFile(...args: unknown[]): Folder {
    const method = this.write('addFile');
    overload(method, args, [isInstance(File)]);
    const file = args[0] as File;
    if (!this.access.canWrite(file.record)) throw new ScriptError(ACCESS_DENIED);
    if (!file.record.parents.includes(this.record.id)) file.record.parents.push(this.record.id);
    return this;
  }

  removeFile(...args: unknown[]): Folder {
    const method = this.write('removeFile');
    overload(method, args, [isInstance(File)]);
    const file = args[0] as File;
    if (!this.access.canWrite(file.record)) throw new ScriptError(ACCESS_DENIED);
    file.record.parents = file.record.parents.filter((id) => id !== this.record.id);
    return this;
  }

  private files(filter: (f: DriveFileState) => boolean): DriveIterator<File> {
    const found = this.access.visible((f) => f.mimeType !== FOLDER_MIME && filter(f));
    return new DriveIterator(
      this.rt,
      'FileIterator',
      found.map((f) => new File(this.rt, this.access, f)),
    );
  }

  private folders(filter: (f: DriveFileState) => boolean): DriveIterator<Folder> {
    const found = this.access.visible((f) => f.mimeType === FOLDER_MIME && filter(f));
    return new DriveIterator(
      this.rt,
      'FolderIterator',
      found.map((f) => new Folder(this.rt, this.access, f)),
    );
  }
}

function newFolder(rt: Runtime, name: string, parentId: string): DriveFileState {
  const folder: DriveFileState = {
    id: rt.nextId('folder-'),
    name,
    mimeType: FOLDER_MIME,
    parents: [parentId],
    owner: rt.user,
    createdByApp: true,
    createdAt: rt.now(),
    trashed: false,
    sharing: { access: Access.PRIVATE, permission: Permission.NONE },
  };
  rt.state.drive.files.push(folder);
  return folder;
}

/** The few Drive search terms the emulator understands (v2 `title` or v3 `name`). */
function searchFilter(query: string): (f: DriveFileState) => boolean {
  const tests = String(query)
    .split(/\s+and\s+/i)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '')
    .map((clause): ((f: DriveFileState) => boolean) => {
      let m = /^(?:title|name)\s*(=|contains)\s*'((?:[^'\\]|\\.)*)'$/i.exec(clause);
      if (m) {
        const value = (m[2] ?? '').replace(/\\(.)/g, '$1');
        return m[1] === '=' ? (f) => f.name === value : (f) => f.name.includes(value);
      }
      m = /^mimeType\s*(=|!=)\s*'([^']*)'$/i.exec(clause);
      if (m) {
        const value = m[2];
        return m[1] === '=' ? (f) => f.mimeType === value : (f) => f.mimeType !== value;
      }
      m = /^trashed\s*=\s*(true|false)$/i.exec(clause);
      if (m) {
        const value = m[1]?.toLowerCase() === 'true';
        return (f) => f.trashed === value;
      }
      m = /^'([^']+)'\s+in\s+parents$/i.exec(clause);
      if (m) {
        const parent = m[1] ?? '';
        return (f) => f.parents.includes(parent);
      }
      throw new ScriptError(`Invalid argument: q (the emulator does not understand "${clause}")`);
    });
  return (f) => tests.every((test) => test(f));
}

export function createDriveApp(rt: Runtime) {
  const access = new DriveAccess(rt);
  const read = (method: string): void =>
    rt.call(`DriveApp.${method}`, { scopes: DRIVE_READ, kind: 'read' });
  const files = (filter: (f: DriveFileState) => boolean): DriveIterator<File> =>
    new DriveIterator(
      rt,
      'FileIterator',
      access
        .visible((f) => f.mimeType !== FOLDER_MIME && filter(f))
        .map((f) => new File(rt, access, f)),
    );
  const folders = (filter: (f: DriveFileState) => boolean): DriveIterator<Folder> =>
    new DriveIterator(
      rt,
      'FolderIterator',
      access
        .visible((f) => f.mimeType === FOLDER_MIME && filter(f))
        .map((f) => new Folder(rt, access, f)),
    );

  return {
    Access,
    Permission,

    getRootFolder(): Folder {
      read('getRootFolder');
      return new Folder(rt, access, access.root());
    },

    getFileById(...args: unknown[]): File {
      read('getFileById');
      overload('DriveApp.getFileById', args, [isString]);
      const file = access.find(args[0] as string);
      if (!file || file.mimeType === FOLDER_MIME) throw new ScriptError(NO_ITEM);
      return new File(rt, access, file);
    },

    getFolderById(...args: unknown[]): Folder {
      read('getFolderById');
      overload('DriveApp.getFolderById', args, [isString]);
      const folder = access.find(args[0] as string);
      if (!folder || folder.mimeType !== FOLDER_MIME) throw new ScriptError(NO_ITEM);
      return new Folder(rt, access, folder);
    },

    createFolder(...args: unknown[]): Folder {
      rt.call('DriveApp.createFolder', { scopes: DRIVE_WRITE, kind: 'write' });
      overload('DriveApp.createFolder', args, [isString]);
      return new Folder(rt, access, newFolder(rt, args[0] as string, rt.state.drive.rootFolderId));
    },

    createFile(...args: unknown[]): File {
      rt.call('DriveApp.createFile', { scopes: DRIVE_WRITE, kind: 'write' });
      return createFileIn(rt, access, 'DriveApp.createFile', args, rt.state.drive.rootFolderId);
    },

    getFiles(): DriveIterator<File> {
      read('getFiles');
      return files(() => true);
    },

    getFilesByName(...args: unknown[]): DriveIterator<File> {
      read('getFilesByName');
      overload('DriveApp.getFilesByName', args, [isString]);
      return files((f) => f.name === args[0]);
    },

    getFolders(): DriveIterator<Folder> {
      read('getFolders');
      return folders(() => true);
    },

    getFoldersByName(...args: unknown[]): DriveIterator<Folder> {
      read('getFoldersByName');
      overload('DriveApp.getFoldersByName', args, [isString]);
      return folders((f) => f.name === args[0]);
    },

    searchFiles(...args: unknown[]): DriveIterator<File> {
      read('searchFiles');
      overload('DriveApp.searchFiles', args, [isString]);
      return files(searchFilter(args[0] as string));
    },
  };
}

// ---- rendering ---------------------------------------------------------------------------------

function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Text with line breaks (\n, \r and Docs' soft break \v) as <br>. */
function escapeLines(text: string): string {
  return escapeHtml(text).replace(/\r\n|[\r\n\v]/g, '<br>');
}

function safeUrl(value: unknown): string | null {
  const url = String(value).trim();
  return /^(https?:\/\/|mailto:)/i.test(url) ? url : null;
}

function safeColor(value: unknown): string | null {
  const color = String(value);
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : null;
}

/** Inline CSS for text attributes; values are checked, so nothing else reaches the style. */
function textStyle(attrs: Record<string, unknown>): string {
  const css: string[] = [];
  if (attrs.UNDERLINE === true || attrs.STRIKETHROUGH === true) {
    const lines = [
      attrs.UNDERLINE === true ? 'underline' : '',
      attrs.STRIKETHROUGH === true ? 'line-through' : '',
    ];
    css.push(`text-decoration:${lines.filter(Boolean).join(' ')}`);
  }
  const size = Number(attrs.FONT_SIZE);
  if (attrs.FONT_SIZE != null && Number.isFinite(size) && size >= 1 && size <= 400)
    css.push(`font-size:${size}pt`);
  const color = attrs.FOREGROUND_COLOR != null ? safeColor(attrs.FOREGROUND_COLOR) : null;
  if (color) css.push(`color:${color}`);
  const background = attrs.BACKGROUND_COLOR != null ? safeColor(attrs.BACKGROUND_COLOR) : null;
  if (background) css.push(`background-color:${background}`);
  const family = attrs.FONT_FAMILY != null ? String(attrs.FONT_FAMILY) : '';
  if (/^[A-Za-z0-9 -]{1,60}$/.test(family)) css.push(`font-family:'${family}'`);
  return css.join(';');
}

function renderRun(text: string, attrs: Record<string, unknown>): string {
  let html = escapeLines(text);
  const style = textStyle(attrs);
  if (style) html = `<span style="${escapeHtml(style)}">${html}</span>`;
  if (attrs.ITALIC === true) html = `<em>${html}</em>`;
  if (attrs.BOLD === true) html = `<strong>${html}</strong>`;
  const url = attrs.LINK_URL != null ? safeUrl(attrs.LINK_URL) : null;
  if (url)
    html = `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${html}</a>`;
  return html;
}

/** Splits the text where formatting changes and renders each run with its attributes. */
function renderText(
  text: string,
  whole: Record<string, unknown> | undefined,
  spans: TextSpanState[] = [],
): string {
  if (text === '') return '<br>';
  const cuts = new Set([0, text.length]);
  for (const span of spans) {
    cuts.add(Math.max(0, Math.min(text.length, span.start)));
    cuts.add(Math.max(0, Math.min(text.length, span.end + 1)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? text.length;
    const attrs = { ...(whole ?? {}) };
    for (const span of spans)
      if (span.start <= start && end - 1 <= span.end) Object.assign(attrs, span.attributes);
    html += renderRun(text.slice(start, end), attrs);
  }
  return html;
}

function blockStyle(attrs: Record<string, unknown> | undefined): string {
  const align = String(attrs?.HORIZONTAL_ALIGNMENT ?? '');
  const value = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFY: 'justify' }[align];
  return value ? ` style="text-align:${value}"` : '';
}

const HEADING_TAGS: Record<string, string> = {
  TITLE: 'h1 class="title"',
  SUBTITLE: 'p class="subtitle"',
  HEADING1: 'h1',
  HEADING2: 'h2',
  HEADING3: 'h3',
  HEADING4: 'h4',
  HEADING5: 'h5',
  HEADING6: 'h6',
};

const ORDERED_GLYPHS: Record<string, string> = {
  NUMBER: 'decimal',
  LATIN_UPPER: 'upper-alpha',
  LATIN_LOWER: 'lower-alpha',
  ROMAN_UPPER: 'upper-roman',
  ROMAN_LOWER: 'lower-roman',
};
const BULLET_GLYPHS: Record<string, string> = {
  BULLET: 'disc',
  HOLLOW_BULLET: 'circle',
  SQUARE_BULLET: 'square',
};

const PAGE_BREAK_HTML = '<div class="page-break" role="separator" aria-label="Page break"></div>';

/** A paragraph's or list item's runs of text and its page breaks and rules, in order. */
function renderBlockContent(b: TextBlockState, wrap: (html: string) => string): string {
  if (inlineOf(b).length === 0) return wrap(renderText(b.text, b.attributes, b.spans));
  let html = '';
  for (const child of blockChildren(b)) {
    if (child.kind === 'inline') {
      html += child.item.type === 'PAGE_BREAK' ? PAGE_BREAK_HTML : '<hr>';
      continue;
    }
    const [start, end] = segmentBounds(b, child.segment);
    const spans = segmentTarget(b, child.segment).getSpans();
    html += wrap(renderText(b.text.slice(start, end), b.attributes, spans));
  }
  return html;
}

function renderParagraph(p: Extract<DocElementState, { type: 'PARAGRAPH' }>): string {
  const open = HEADING_TAGS[p.heading] ?? 'p';
  const tag = open.split(' ')[0] ?? 'p';
  return renderBlockContent(p, (html) => `<${open}${blockStyle(p.attributes)}>${html}</${tag}>`);
}

function renderTable(t: TableState): string {
  const rows = t.rows
    .map((cells, r) => {
      const tds = cells
        .map((cell, c) => {
          const attrs = t.cellAttributes?.[`${r},${c}`];
          const background =
            attrs?.BACKGROUND_COLOR != null ? safeColor(attrs.BACKGROUND_COLOR) : null;
          const style = background ? ` style="background-color:${background}"` : '';
          return `<td${style}>${renderText(cell, attrs)}</td>`;
        })
        .join('');
      return `<tr>${tds}</tr>`;
    })
    .join('');
  return `<table class="doc-table"><tbody>${rows}</tbody></table>`;
}

/** Consecutive list items become nested <ul>/<ol> lists, following their nesting levels. */
function renderList(items: Extract<DocElementState, { type: 'LIST_ITEM' }>[]): string {
  let html = '';
  const open: { tag: 'ul' | 'ol'; itemOpen: boolean }[] = [];
  const closeTop = (): void => {
    const top = open.pop();
    if (!top) return;
    if (top.itemOpen) html += '</li>';
    html += `</${top.tag}>`;
  };
  for (const item of items) {
    const level = Math.max(0, Math.min(8, Math.trunc(item.nesting)));
    while (open.length > level + 1) closeTop();
    const top = open[open.length - 1];
    if (open.length === level + 1 && top?.itemOpen) {
      html += '</li>';
      top.itemOpen = false;
    }
    while (open.length < level + 1) {
      const parent = open[open.length - 1];
      if (parent && !parent.itemOpen) {
        html += '<li class="nested">';
        parent.itemOpen = true;
      }
      const ordered = ORDERED_GLYPHS[item.glyph];
      const tag = ordered ? 'ol' : 'ul';
      html += `<${tag} style="list-style-type:${ordered ?? BULLET_GLYPHS[item.glyph] ?? 'disc'}">`;
      open.push({ tag, itemOpen: false });
    }
    const current = open[open.length - 1];
    html += `<li${blockStyle(item.attributes)}>${renderBlockContent(item, (h) => h)}`;
    if (current) current.itemOpen = true;
  }
  while (open.length > 0) closeTop();
  return html;
}

function renderElements(elements: DocElementState[]): string {
  normaliseSection(elements);
  let html = '';
  for (let i = 0; i < elements.length; i += 1) {
    const element = elements[i] as DocElementState;
    switch (element.type) {
      case 'PARAGRAPH':
        html += renderParagraph(element);
        break;
      case 'LIST_ITEM': {
        const items: Extract<DocElementState, { type: 'LIST_ITEM' }>[] = [];
        while (elements[i]?.type === 'LIST_ITEM') {
          items.push(elements[i] as Extract<DocElementState, { type: 'LIST_ITEM' }>);
          i += 1;
        }
        i -= 1;
        html += renderList(items);
        break;
      }
      case 'TABLE':
        html += renderTable(element);
        break;
    }
    html += '\n';
  }
  return html;
}

const DOC_CSS = `
  :root { color-scheme: light; }
  body { margin: 0; background: #f1f3f4; color: #202124; font-family: Arial, Helvetica, sans-serif; }
  .page { box-sizing: border-box; width: 210mm; max-width: calc(100% - 32px); min-height: 297mm;
    margin: 24px auto; padding: 25mm 25mm 20mm; background: #fff;
    box-shadow: 0 1px 3px rgba(60, 64, 67, 0.3), 0 4px 8px rgba(60, 64, 67, 0.15);
    font-size: 11pt; line-height: 1.4; overflow-wrap: break-word; }
  .doc-header, .doc-footer { color: #5f6368; font-size: 9pt; }
  .doc-header { border-bottom: 1px solid #dadce0; margin-bottom: 16px; }
  .doc-footer { border-top: 1px solid #dadce0; margin-top: 24px; }
  p { margin: 0 0 6pt; }
  h1, h2, h3, h4, h5, h6 { font-weight: normal; margin: 16pt 0 6pt; line-height: 1.2; }
  h1.title { font-size: 26pt; margin-top: 0; }
  p.subtitle { font-size: 15pt; color: #666; margin-bottom: 16pt; }
  h1 { font-size: 20pt; } h2 { font-size: 16pt; } h3 { font-size: 14pt; color: #434343; }
  h4 { font-size: 12pt; color: #666; } h5 { font-size: 11pt; color: #666; }
  h6 { font-size: 11pt; color: #666; font-style: italic; }
  ul, ol { margin: 0 0 6pt; padding-left: 24pt; }
  li.nested { list-style: none; }
  table.doc-table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
  table.doc-table td { border: 1px solid #000; padding: 5pt; vertical-align: top; }
  hr { border: 0; border-top: 1px solid #9aa0a6; margin: 12pt 0; }
  .page-break { border-top: 2px dashed #bdc1c6; margin: 24pt -25mm; }
  a { color: #1155cc; }
  @media print { body { background: #fff; } .page { box-shadow: none; margin: 0; width: auto; max-width: none; } }
`;

/**
 * A complete HTML page showing the Doc as Google Docs would (an A4 page, headings, lists, tables).
 * Every piece of text is escaped and the page allows no scripts, so a Doc holding hostile text is
 * shown, not run.
 */
export function renderDocHtml(doc: DocState): string {
  const header = doc.header
    ? `<header class="doc-header">${renderElements(doc.header)}</header>`
    : '';
  const footer = doc.footer
    ? `<footer class="doc-footer">${renderElements(doc.footer)}</footer>`
    : '';
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.name)}</title>
<style>${DOC_CSS}</style>
</head>
<body>
<main class="page" aria-label="${escapeHtml(doc.name)}">
${header}<article>
${renderElements(doc.body)}</article>
${footer}</main>
</body>
</html>
`;
}
