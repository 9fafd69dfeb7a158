/**
 * DocumentApp and DriveApp, and renderDocHtml for the trial page's Docs viewer.
 *
 * A Doc is kept in rt.state.documents as plain structure (DocState): a list of paragraphs, list
 * items, tables, rules and page breaks per section. The wrappers below (Paragraph, Table, Body...)
 * hold a reference into that structure and change it in place, so the state is always current and
 * can be saved or rendered at any moment.
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

function emptyParagraph(): DocElementState {
  return { type: 'PARAGRAPH', text: '', heading: 'NORMAL' };
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

/** A run of text that can be edited and formatted: a paragraph's or list item's text, or a table cell. */
interface TextTarget {
  /** The element that holds the text. */
  owner: DocElementState;
  getText(): string;
  getSpans(): TextSpanState[];
  set(text: string, spans: TextSpanState[]): void;
  /** Whole-text attributes; created when `create` is true. */
  attributes(create: boolean): Record<string, unknown> | undefined;
  /** Table cells keep no ranged formatting: a ranged change formats the whole cell. */
  ranged: boolean;
}

function blockTarget(state: TextBlockState): TextTarget {
  return {
    owner: state,
    ranged: true,
    getText: () => state.text,
    getSpans: () => state.spans ?? [],
    set(text, spans) {
      state.text = text;
      if (spans.length > 0) state.spans = spans;
      else delete state.spans;
    },
    attributes: (create) => (create ? (state.attributes ??= {}) : state.attributes),
  };
}

function cellTarget(table: TableState, row: number, column: number): TextTarget {
  const key = `${row},${column}`;
  return {
    owner: table,
    ranged: false,
    getText: () => table.rows[row]?.[column] ?? '',
    getSpans: () => [],
    set(text) {
      const cells = table.rows[row];
      if (cells) cells[column] = text;
    },
    attributes(create) {
      if (!create) return table.cellAttributes?.[key];
      const all = (table.cellAttributes ??= {});
      return (all[key] ??= {});
    },
  };
}

function targetsOf(state: DocElementState): TextTarget[] {
  switch (state.type) {
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return [blockTarget(state)];
    case 'TABLE':
      return state.rows.flatMap((cells, r) => cells.map((_c, c) => cellTarget(state, r, c)));
    default:
      return [];
  }
}

function elementText(state: DocElementState): string {
  switch (state.type) {
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return state.text;
    case 'TABLE':
      return state.rows.map((cells) => cells.join('\t')).join('\n');
    default:
      return '';
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
    const text = target.getText();
    const matches = [...text.matchAll(regex)].filter((m) => m[0].length > 0);
    if (matches.length === 0) continue;
    let current = { text, spans: target.getSpans() };
    for (const m of matches.reverse()) {
      const at = m.index ?? 0;
      current = spliceText(current.text, current.spans, at, at + m[0].length, String(replacement));
    }
    target.set(current.text, current.spans);
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

/** Writes attributes onto an element; HEADING, GLYPH_TYPE and NESTING_LEVEL go to their own fields. */
function applyAttributes(state: DocElementState, attributes: Record<string, unknown>): void {
  if (state.type === 'HORIZONTAL_RULE' || state.type === 'PAGE_BREAK') return;
  for (const [key, value] of Object.entries(attributes ?? {})) {
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

function sectionElements(doc: DocState, kind: SectionKind): DocElementState[] | undefined {
  if (kind === 'BODY_SECTION') return doc.body;
  return kind === 'HEADER_SECTION' ? doc.header : doc.footer;
}

/** Every Docs object: counts its calls as `DocumentApp.<Class>.<method>`. */
abstract class DocNode {
  protected abstract readonly className: string;

  constructor(protected readonly ctx: DocContext) {}

  protected read(method: string): void {
    this.ctx.rt.call(`DocumentApp.${this.className}.${method}`, { kind: 'read' });
  }

  protected write(method: string): void {
    this.ctx.rt.call(`DocumentApp.${this.className}.${method}`, { kind: 'write' });
    if (this.ctx.session.closed) {
      throw new ScriptError('Document is closed, its contents cannot be updated.');
    }
  }

  /** Records that the Doc changed (a detached copy belongs to no Doc). */
  protected touched(): void {
    if (this.ctx.doc) this.ctx.doc.updatedAt = this.ctx.rt.now();
  }
}

/** A child of a section: paragraph, list item, table, horizontal rule or page break. */
abstract class DocElement<S extends DocElementState = DocElementState> extends DocNode {
  constructor(
    ctx: DocContext,
    readonly state: S,
    protected section: SectionKind | null,
  ) {
    super(ctx);
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
    return this.siblings() && this.section ? new Section(this.ctx, this.section) : null;
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
    const attributes = 'attributes' in this.state ? this.state.attributes : undefined;
    return { ...(attributes ?? {}) };
  }

  setAttributes(attributes: Record<string, unknown>): this {
    this.write('setAttributes');
    applyAttributes(this.state, attributes);
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
  asHorizontalRule(): HorizontalRule {
    return this.cast('asHorizontalRule', HorizontalRule, 'HorizontalRule');
  }
  asPageBreak(): PageBreak {
    return this.cast('asPageBreak', PageBreak, 'PageBreak');
  }

  private cast<T>(method: string, cls: abstract new (...args: never[]) => T, name: string): T {
    this.read(method);
    if (this instanceof cls) return this;
    throw new ScriptError(`Cannot cast ${this.state.type} to ${name}.`);
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
    case 'HORIZONTAL_RULE':
      return new HorizontalRule(ctx, state, section);
    case 'PAGE_BREAK':
      return new PageBreak(ctx, state, section);
  }
}

/** Paragraphs and list items: text, alignment, links and formatting. */
abstract class TextBlock<S extends TextBlockState> extends DocElement<S> {
  getText(): string {
    this.read('getText');
    return this.state.text;
  }

  setText(text: string): this {
    this.write('setText');
    blockTarget(this.state).set(String(text), []);
    this.touched();
    return this;
  }

  appendText(text: string): TextElement {
    this.write('appendText');
    const target = blockTarget(this.state);
    const end = target.getText().length;
    const next = spliceText(target.getText(), target.getSpans(), end, end, String(text));
    target.set(next.text, next.spans);
    this.touched();
    return new TextElement(this.ctx, [target], this);
  }

  clear(): this {
    this.write('clear');
    blockTarget(this.state).set('', []);
    this.touched();
    return this;
  }

  editAsText(): TextElement {
    this.read('editAsText');
    return new TextElement(this.ctx, [blockTarget(this.state)], this);
  }

  replaceText(searchPattern: string, replacement: string): this {
    this.write('replaceText');
    if (replaceInTargets([blockTarget(this.state)], searchPattern, replacement)) this.touched();
    return this;
  }

  findText(searchPattern: string, from?: RangeElement): RangeElement | null {
    this.read('findText');
    return searchRange(this.ctx, [blockTarget(this.state)], this.section, searchPattern, from);
  }

  setAlignment(alignment: string): this {
    this.write('setAlignment');
    setAttribute((this.state.attributes ??= {}), 'HORIZONTAL_ALIGNMENT', alignment);
    this.touched();
    return this;
  }

  getAlignment(): string | null {
    this.read('getAlignment');
    return (this.state.attributes?.HORIZONTAL_ALIGNMENT as string | undefined) ?? null;
  }

  setLinkUrl(url: string | null): this {
    this.write('setLinkUrl');
    setAttribute((this.state.attributes ??= {}), 'LINK_URL', url);
    this.touched();
    return this;
  }

  getLinkUrl(): string | null {
    this.read('getLinkUrl');
    return (this.state.attributes?.LINK_URL as string | undefined) ?? null;
  }
}

class Paragraph extends TextBlock<Extract<DocElementState, { type: 'PARAGRAPH' }>> {
  protected readonly className = 'Paragraph';

  setHeading(heading: string): this {
    this.write('setHeading');
    if (!(String(heading) in ParagraphHeading)) throw new ScriptError('Invalid argument: heading');
    this.state.heading = String(heading);
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

  setGlyphType(glyphType: string): this {
    this.write('setGlyphType');
    if (!(String(glyphType) in GlyphType)) throw new ScriptError('Invalid argument: glyphType');
    this.state.glyph = String(glyphType);
    this.touched();
    return this;
  }

  getGlyphType(): string {
    this.read('getGlyphType');
    return this.state.glyph;
  }

  setNestingLevel(nestingLevel: number): this {
    this.write('setNestingLevel');
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

class HorizontalRule extends DocElement<Extract<DocElementState, { type: 'HORIZONTAL_RULE' }>> {
  protected readonly className = 'HorizontalRule';
}

class PageBreak extends DocElement<Extract<DocElementState, { type: 'PAGE_BREAK' }>> {
  protected readonly className = 'PageBreak';
}

class Table extends DocElement<TableState> {
  protected readonly className = 'Table';

  getNumRows(): number {
    this.read('getNumRows');
    return this.state.rows.length;
  }

  getRow(rowIndex: number): TableRow {
    this.read('getRow');
    checkChildIndex(rowIndex, this.state.rows.length);
    return new TableRow(this.ctx, this.state, rowIndex, this.section);
  }

  getCell(rowIndex: number, cellIndex: number): TableCell {
    this.read('getCell');
    checkChildIndex(rowIndex, this.state.rows.length);
    checkChildIndex(cellIndex, this.state.rows[rowIndex]?.length ?? 0);
    return new TableCell(this.ctx, this.state, rowIndex, cellIndex, this.section);
  }

  /** appendTableRow() adds an empty row (add cells with appendTableCell); appendTableRow(row) a copy. */
  appendTableRow(row?: TableRow): TableRow {
    this.write('appendTableRow');
    const index = this.state.rows.length;
    if (row instanceof TableRow) {
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

  removeRow(rowIndex: number): TableRow {
    this.write('removeRow');
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
    return new TextElement(this.ctx, targetsOf(this.state), this);
  }

  replaceText(searchPattern: string, replacement: string): this {
    this.write('replaceText');
    if (replaceInTargets(targetsOf(this.state), searchPattern, replacement)) this.touched();
    return this;
  }

  findText(searchPattern: string, from?: RangeElement): RangeElement | null {
    this.read('findText');
    return searchRange(this.ctx, targetsOf(this.state), this.section, searchPattern, from);
  }

  setBorderWidth(width: number): this {
    return this.setTableAttribute('setBorderWidth', 'BORDER_WIDTH', width);
  }

  setBorderColor(color: string): this {
    return this.setTableAttribute('setBorderColor', 'BORDER_COLOR', color);
  }

  setColumnWidth(columnIndex: number, width: number): this {
    this.write('setColumnWidth');
    const widths = ((this.state.attributes ??= {}).COLUMN_WIDTHS ??= {}) as Record<string, number>;
    widths[String(columnIndex)] = width;
    this.touched();
    return this;
  }

  private setTableAttribute(method: string, key: string, value: unknown): this {
    this.write(method);
    setAttribute((this.state.attributes ??= {}), key, value);
    this.touched();
    return this;
  }
}

function checkChildIndex(index: number, count: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new ScriptError(
      `Child index (${index}) must be less than the number of child elements (${count}).`,
    );
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

  getCell(cellIndex: number): TableCell {
    this.read('getCell');
    checkChildIndex(cellIndex, this.cells().length);
    return new TableCell(this.ctx, this.table, this.index, cellIndex, this.section);
  }

  appendTableCell(text?: string): TableCell {
    this.write('appendTableCell');
    const cells = this.table.rows[this.index];
    if (!cells) throw new ScriptError('This table row has been removed.');
    cells.push(text === undefined ? '' : String(text));
    this.touched();
    return new TableCell(this.ctx, this.table, this.index, cells.length - 1, this.section);
  }

  getText(): string {
    this.read('getText');
    return this.cells().join('\t');
  }

  editAsText(): TextElement {
    this.read('editAsText');
    return new TextElement(
      this.ctx,
      this.cells().map((_c, c) => cellTarget(this.table, this.index, c)),
      this,
    );
  }

  replaceText(searchPattern: string, replacement: string): this {
    this.write('replaceText');
    const targets = this.cells().map((_c, c) => cellTarget(this.table, this.index, c));
    if (replaceInTargets(targets, searchPattern, replacement)) this.touched();
    return this;
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

  private target(): TextTarget {
    return cellTarget(this.table, this.row, this.column);
  }

  getType(): string {
    this.read('getType');
    return 'TABLE_CELL';
  }

  getText(): string {
    this.read('getText');
    return this.target().getText();
  }

  setText(text: string): this {
    this.write('setText');
    this.target().set(String(text), []);
    this.touched();
    return this;
  }

  clear(): this {
    this.write('clear');
    this.target().set('', []);
    this.touched();
    return this;
  }

  editAsText(): TextElement {
    this.read('editAsText');
    return new TextElement(this.ctx, [this.target()], this);
  }

  replaceText(searchPattern: string, replacement: string): this {
    this.write('replaceText');
    if (replaceInTargets([this.target()], searchPattern, replacement)) this.touched();
    return this;
  }

  setBackgroundColor(color: string | null): this {
    this.write('setBackgroundColor');
    setAttribute(this.target().attributes(true) ?? {}, 'BACKGROUND_COLOR', color);
    this.touched();
    return this;
  }

  getBackgroundColor(): string | null {
    this.read('getBackgroundColor');
    return (this.target().attributes(false)?.BACKGROUND_COLOR as string | undefined) ?? null;
  }

  getAttributes(): Record<string, unknown> {
    this.read('getAttributes');
    return { ...(this.target().attributes(false) ?? {}) };
  }

  setAttributes(attributes: Record<string, unknown>): this {
    this.write('setAttributes');
    const target = this.target().attributes(true) ?? {};
    for (const [key, value] of Object.entries(attributes ?? {})) setAttribute(target, key, value);
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
  ) {
    super(ctx);
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
    return this.targets.map((t) => t.getText()).join('\n');
  }

  setText(text: string): this {
    this.write('setText');
    this.single('setText').set(String(text), []);
    this.touched();
    return this;
  }

  appendText(text: string): this {
    this.write('appendText');
    const target = this.single('appendText');
    const end = target.getText().length;
    const next = spliceText(target.getText(), target.getSpans(), end, end, String(text));
    target.set(next.text, next.spans);
    this.touched();
    return this;
  }

  insertText(offset: number, text: string): this {
    this.write('insertText');
    const target = this.single('insertText');
    if (!Number.isInteger(offset) || offset < 0 || offset > target.getText().length) {
      throw new ScriptError(
        `Index (${offset}) must be less than or equal to the content length (${target.getText().length}).`,
      );
    }
    const next = spliceText(target.getText(), target.getSpans(), offset, offset, String(text));
    target.set(next.text, next.spans);
    this.touched();
    return this;
  }

  deleteText(startOffset: number, endOffsetInclusive: number): this {
    this.write('deleteText');
    const target = this.single('deleteText');
    checkRange(target, startOffset, endOffsetInclusive);
    const next = spliceText(
      target.getText(),
      target.getSpans(),
      startOffset,
      endOffsetInclusive + 1,
      '',
    );
    target.set(next.text, next.spans);
    this.touched();
    return this;
  }

  replaceText(searchPattern: string, replacement: string): this {
    this.write('replaceText');
    if (replaceInTargets(this.targets, searchPattern, replacement)) this.touched();
    return this;
  }

  findText(searchPattern: string, from?: RangeElement): RangeElement | null {
    this.read('findText');
    return searchRange(this.ctx, this.targets, null, searchPattern, from);
  }

  // setBold(bold) formats all the text; setBold(start, endInclusive, bold) part of it. Likewise below.
  setBold(...args: unknown[]): this {
    return this.format('setBold', 'BOLD', args);
  }
  setItalic(...args: unknown[]): this {
    return this.format('setItalic', 'ITALIC', args);
  }
  setUnderline(...args: unknown[]): this {
    return this.format('setUnderline', 'UNDERLINE', args);
  }
  setStrikethrough(...args: unknown[]): this {
    return this.format('setStrikethrough', 'STRIKETHROUGH', args);
  }
  setFontSize(...args: unknown[]): this {
    return this.format('setFontSize', 'FONT_SIZE', args);
  }
  setFontFamily(...args: unknown[]): this {
    return this.format('setFontFamily', 'FONT_FAMILY', args);
  }
  setForegroundColor(...args: unknown[]): this {
    return this.format('setForegroundColor', 'FOREGROUND_COLOR', args);
  }
  setBackgroundColor(...args: unknown[]): this {
    return this.format('setBackgroundColor', 'BACKGROUND_COLOR', args);
  }
  setLinkUrl(...args: unknown[]): this {
    return this.format('setLinkUrl', 'LINK_URL', args);
  }

  setAttributes(...args: unknown[]): this {
    this.write('setAttributes');
    const ranged = args.length >= 3;
    const attributes = (ranged ? args[2] : args[0]) as Record<string, unknown>;
    for (const [key, value] of Object.entries(attributes ?? {})) {
      this.apply(key, value, ranged ? [Number(args[0]), Number(args[1])] : undefined);
    }
    this.touched();
    return this;
  }

  /** Attributes at an offset (or of the whole text): whole-text ones overlaid by ranged ones. */
  getAttributes(offset?: number): Record<string, unknown> {
    this.read('getAttributes');
    return this.attributesAt(offset);
  }

  isBold(offset?: number): boolean | null {
    this.read('isBold');
    return (this.attributesAt(offset).BOLD as boolean | undefined) ?? null;
  }

  isItalic(offset?: number): boolean | null {
    this.read('isItalic');
    return (this.attributesAt(offset).ITALIC as boolean | undefined) ?? null;
  }

  getLinkUrl(offset?: number): string | null {
    this.read('getLinkUrl');
    return (this.attributesAt(offset).LINK_URL as string | undefined) ?? null;
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

  private format(method: string, key: string, args: unknown[]): this {
    this.write(method);
    if (args.length >= 3) this.apply(key, args[2], [Number(args[0]), Number(args[1])]);
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
    const spans = [
      ...target.getSpans(),
      { start: range[0], end: range[1], attributes: { [key]: value ?? null } },
    ];
    target.set(target.getText(), spans);
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

function searchRange(
  ctx: DocContext,
  targets: TextTarget[],
  section: SectionKind | null,
  searchPattern: string,
  from?: RangeElement,
): RangeElement | null {
  const found = findInTargets(targets, searchPattern, from?.found);
  const target = found ? targets[found.targetIndex] : undefined;
  if (!found || !target) return null;
  const parent = wrapElement(ctx, target.owner, section);
  return new RangeElement(ctx, new TextElement(ctx, [target], parent), found);
}

// ---- sections and the document -----------------------------------------------------------------

const SECTION_CLASS: Record<SectionKind, string> = {
  BODY_SECTION: 'Body',
  HEADER_SECTION: 'HeaderSection',
  FOOTER_SECTION: 'FooterSection',
};

/** The body, header or footer of a Doc. */
class Section extends DocNode {
  protected readonly className: string;

  constructor(
    ctx: DocContext,
    readonly kind: SectionKind,
  ) {
    super(ctx);
    this.className = SECTION_CLASS[kind];
  }

  private get elements(): DocElementState[] {
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

  getChild(childIndex: number): DocElement {
    this.read('getChild');
    checkChildIndex(childIndex, this.elements.length);
    return wrapElement(this.ctx, this.elements[childIndex] as DocElementState, this.kind);
  }

  getChildIndex(child: DocElement): number {
    this.read('getChildIndex');
    const index = this.elements.indexOf(child.state);
    if (index < 0) throw new ScriptError('Element does not contain the specified child element.');
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

  appendParagraph(textOrParagraph: string | Paragraph): Paragraph {
    return this.insert('appendParagraph', undefined, (m) =>
      this.paragraphState(textOrParagraph, m),
    ) as Paragraph;
  }

  insertParagraph(childIndex: number, textOrParagraph: string | Paragraph): Paragraph {
    return this.insert('insertParagraph', childIndex, (m) =>
      this.paragraphState(textOrParagraph, m),
    ) as Paragraph;
  }

  appendListItem(textOrItem: string | ListItem): ListItem {
    return this.insert('appendListItem', undefined, (m) =>
      this.listItemState(textOrItem, m),
    ) as ListItem;
  }

  insertListItem(childIndex: number, textOrItem: string | ListItem): ListItem {
    return this.insert('insertListItem', childIndex, (m) =>
      this.listItemState(textOrItem, m),
    ) as ListItem;
  }

  appendTable(cellsOrTable?: string[][] | Table): Table {
    return this.insert('appendTable', undefined, (m) => tableState(m, cellsOrTable)) as Table;
  }

  insertTable(childIndex: number, cellsOrTable?: string[][] | Table): Table {
    return this.insert('insertTable', childIndex, (m) => tableState(m, cellsOrTable)) as Table;
  }

  appendHorizontalRule(): HorizontalRule {
    return this.insert('appendHorizontalRule', undefined, () => ({
      type: 'HORIZONTAL_RULE',
    })) as HorizontalRule;
  }

  insertHorizontalRule(childIndex: number): HorizontalRule {
    return this.insert('insertHorizontalRule', childIndex, () => ({
      type: 'HORIZONTAL_RULE',
    })) as HorizontalRule;
  }

  appendPageBreak(): PageBreak {
    return this.insert('appendPageBreak', undefined, () => ({ type: 'PAGE_BREAK' })) as PageBreak;
  }

  insertPageBreak(childIndex: number): PageBreak {
    return this.insert('insertPageBreak', childIndex, () => ({ type: 'PAGE_BREAK' })) as PageBreak;
  }

  removeChild(child: DocElement): this {
    this.write('removeChild');
    if (!this.elements.includes(child.state)) {
      throw new ScriptError('Element does not contain the specified child element.');
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

  setText(text: string): this {
    this.write('setText');
    this.elements.splice(0, this.elements.length, {
      type: 'PARAGRAPH',
      text: String(text),
      heading: 'NORMAL',
    });
    this.touched();
    return this;
  }

  editAsText(): TextElement {
    this.read('editAsText');
    return new TextElement(this.ctx, this.elements.flatMap(targetsOf), this);
  }

  replaceText(searchPattern: string, replacement: string): this {
    this.write('replaceText');
    if (replaceInTargets(this.elements.flatMap(targetsOf), searchPattern, replacement))
      this.touched();
    return this;
  }

  findText(searchPattern: string, from?: RangeElement): RangeElement | null {
    this.read('findText');
    return searchRange(this.ctx, this.elements.flatMap(targetsOf), this.kind, searchPattern, from);
  }

  /** `make` builds the new element's state (given the method's public name, for its errors). */
  private insert(
    method: string,
    index: number | undefined,
    make: (publicMethod: string) => DocElementState,
  ): DocElement {
    this.write(method);
    const state = make(`${this.className}.${method}`);
    const list = this.elements;
    if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > list.length)) {
      throw new ScriptError(
        `Index (${index}) must be less than or equal to the number of child elements (${list.length}).`,
      );
    }
    const at = index ?? list.length;
    list.splice(at, 0, state);
    // A section ends with a paragraph: Docs adds an empty one after a table put at the end.
    if (state.type === 'TABLE' && at === list.length - 1) list.push(emptyParagraph());
    this.touched();
    return wrapElement(this.ctx, state, this.kind);
  }

  private paragraphState(value: string | Paragraph, method: string): DocElementState {
    if (value instanceof DocElement) {
      return detachedState(value, 'PARAGRAPH', method);
    }
    return { type: 'PARAGRAPH', text: String(value), heading: 'NORMAL' };
  }

  private listItemState(value: string | ListItem, method: string): DocElementState {
    if (value instanceof DocElement) {
      return detachedState(value, 'LIST_ITEM', method);
    }
    return { type: 'LIST_ITEM', text: String(value), glyph: 'BULLET', nesting: 0 };
  }
}

/** The state to insert for an element argument: it must be a detached element of the right type. */
const ELEMENT_CLASS: Record<DocElementState['type'], string> = {
  PARAGRAPH: 'Paragraph',
  LIST_ITEM: 'ListItem',
  TABLE: 'Table',
  HORIZONTAL_RULE: 'HorizontalRule',
  PAGE_BREAK: 'PageBreak',
};

function detachedState(
  element: DocElement,
  type: DocElementState['type'],
  method: string,
): DocElementState {
  if (element.state.type !== type) {
    throw new ScriptError(
      `The parameters (DocumentApp.${ELEMENT_CLASS[element.state.type]}) don't match the method signature for DocumentApp.${method}.`,
    );
  }
  if (element.siblings()) throw new ScriptError('Element must be detached.');
  return structuredClone(element.state);
}

function tableState(method: string, cellsOrTable?: string[][] | Table): TableState {
  if (cellsOrTable instanceof DocElement) {
    return detachedState(cellsOrTable, 'TABLE', method) as TableState;
  }
  const rows = (cellsOrTable ?? []).map((row) => Array.from(row, (cell) => String(cell ?? '')));
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

  getId(): string {
    this.read('getId');
    return this.doc.id;
  }

  getName(): string {
    this.read('getName');
    return this.doc.name;
  }

  setName(name: string): this {
    this.write('setName');
    this.doc.name = String(name);
    const file = this.ctx.rt.state.drive.files.find((f) => f.id === this.doc.id);
    if (file) file.name = this.doc.name;
    this.touched();
    return this;
  }

  getUrl(): string {
    this.read('getUrl');
    return this.doc.url;
  }

  getBody(): Section {
    this.read('getBody');
    return new Section(this.ctx, 'BODY_SECTION');
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
  getAs(contentType: string): Blob {
    this.read('getAs');
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

    create(name: string): GoogleDocument {
      rt.call('DocumentApp.create', {
        scopes: [SCOPE.DOCUMENTS],
        minAuthMode: 'FULL',
        kind: 'write',
      });
      const key = `${rt.user}|${dayKey(rt.now(), rt.timeZone)}`;
      const created = (rt.state.docsCreated ??= {});
      if ((created[key] ?? 0) >= rt.docsDailyQuota) {
        throw new ScriptError('Service invoked too many times for one day: docs create.');
      }
      created[key] = (created[key] ?? 0) + 1;
      return open(
        addDocument(rt.state, {
          name: String(name),
          owner: rt.user,
          now: rt.now(),
          id: rt.nextId('doc-'),
        }),
      );
    },

    openById(id: string): GoogleDocument {
      rt.call('DocumentApp.openById', {
        scopes: [SCOPE.DOCUMENTS],
        minAuthMode: 'FULL',
        kind: 'read',
      });
      return open(find(String(id)));
    },

    openByUrl(url: string): GoogleDocument {
      rt.call('DocumentApp.openByUrl', {
        scopes: [SCOPE.DOCUMENTS],
        minAuthMode: 'FULL',
        kind: 'read',
      });
      const id = /\/d\/([A-Za-z0-9_-]+)/.exec(String(url))?.[1];
      const doc = rt.state.documents.find((d) => d.id === id || d.url === String(url));
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

  protected read(method: string): void {
    this.rt.call(`DriveApp.${this.className}.${method}`, { scopes: DRIVE_READ, kind: 'read' });
  }

  /** A change: needs a write scope, and under drive.file a file this app created. */
  protected write(method: string): void {
    this.rt.call(`DriveApp.${this.className}.${method}`, { scopes: DRIVE_WRITE, kind: 'write' });
    if (!this.access.canWrite(this.record)) throw new ScriptError(ACCESS_DENIED);
  }

  getId(): string {
    this.read('getId');
    return this.record.id;
  }

  getName(): string {
    this.read('getName');
    return this.record.name;
  }

  setName(name: string): this {
    this.write('setName');
    this.record.name = String(name);
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

  setTrashed(trashed: boolean): this {
    this.write('setTrashed');
    this.record.trashed = Boolean(trashed);
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

  setSharing(accessType: string, permissionType: string): this {
    this.write('setSharing');
    if (!(String(accessType) in Access)) throw new ScriptError('Invalid argument: accessType');
    if (!(String(permissionType) in Permission))
      throw new ScriptError('Invalid argument: permissionType');
    this.record.sharing = { access: String(accessType), permission: String(permissionType) };
    return this;
  }

  /** Moving needs write access to both the item and the destination. */
  moveTo(destination: Folder): this {
    this.write('moveTo');
    if (!this.access.canWrite(destination.record)) throw new ScriptError(ACCESS_DENIED);
    this.record.parents = [destination.record.id];
    return this;
  }
}

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
    return doc ? docBlob(doc) : new Blob(Buffer.alloc(0), this.record.mimeType, this.record.name);
  }

  getAs(contentType: string): Blob {
    this.read('getAs');
    return this.getBlob().getAs(contentType);
  }

  /**
   * makeCopy(), makeCopy(name), makeCopy(destination) or makeCopy(name, destination). Under
   * drive.file only a file this app created may be copied: a school's template cannot.
   */
  makeCopy(nameOrDestination?: string | Folder, destination?: Folder): File {
    this.rt.call('DriveApp.File.makeCopy', { scopes: DRIVE_WRITE, kind: 'write' });
    if (!this.access.canWrite(this.record)) throw new ScriptError(ACCESS_DENIED);
    const folder = nameOrDestination instanceof Folder ? nameOrDestination : destination;
    const name =
      typeof nameOrDestination === 'string' ? nameOrDestination : `Copy of ${this.record.name}`;
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

  createFolder(name: string): Folder {
    this.write('createFolder');
    return new Folder(this.rt, this.access, newFolder(this.rt, String(name), this.record.id));
  }

  getFiles(): DriveIterator<File> {
    this.read('getFiles');
    return this.files((f) => f.parents.includes(this.record.id));
  }

  getFilesByName(name: string): DriveIterator<File> {
    this.read('getFilesByName');
    return this.files((f) => f.parents.includes(this.record.id) && f.name === String(name));
  }

  getFolders(): DriveIterator<Folder> {
    this.read('getFolders');
    return this.folders((f) => f.parents.includes(this.record.id));
  }

  getFoldersByName(name: string): DriveIterator<Folder> {
    this.read('getFoldersByName');
    return this.folders((f) => f.parents.includes(this.record.id) && f.name === String(name));
  }

  addFile(file: File): Folder {
    this.write('addFile');
    if (!this.access.canWrite(file.record)) throw new ScriptError(ACCESS_DENIED);
    if (!file.record.parents.includes(this.record.id)) file.record.parents.push(this.record.id);
    return this;
  }

  removeFile(file: File): Folder {
    this.write('removeFile');
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

    getFileById(id: string): File {
      read('getFileById');
      const file = access.find(String(id));
      if (!file || file.mimeType === FOLDER_MIME) throw new ScriptError(NO_ITEM);
      return new File(rt, access, file);
    },

    getFolderById(id: string): Folder {
      read('getFolderById');
      const folder = access.find(String(id));
      if (!folder || folder.mimeType !== FOLDER_MIME) throw new ScriptError(NO_ITEM);
      return new Folder(rt, access, folder);
    },

    createFolder(name: string): Folder {
      rt.call('DriveApp.createFolder', { scopes: DRIVE_WRITE, kind: 'write' });
      return new Folder(rt, access, newFolder(rt, String(name), rt.state.drive.rootFolderId));
    },

    getFiles(): DriveIterator<File> {
      read('getFiles');
      return files(() => true);
    },

    getFilesByName(name: string): DriveIterator<File> {
      read('getFilesByName');
      return files((f) => f.name === String(name));
    },

    getFolders(): DriveIterator<Folder> {
      read('getFolders');
      return folders(() => true);
    },

    getFoldersByName(name: string): DriveIterator<Folder> {
      read('getFoldersByName');
      return folders((f) => f.name === String(name));
    },

    searchFiles(params: string): DriveIterator<File> {
      read('searchFiles');
      return files(searchFilter(params));
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

function renderParagraph(p: Extract<DocElementState, { type: 'PARAGRAPH' }>): string {
  const open = HEADING_TAGS[p.heading] ?? 'p';
  const tag = open.split(' ')[0] ?? 'p';
  return `<${open}${blockStyle(p.attributes)}>${renderText(p.text, p.attributes, p.spans)}</${tag}>`;
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
    html += `<li${blockStyle(item.attributes)}>${renderText(item.text, item.attributes, item.spans)}`;
    if (current) current.itemOpen = true;
  }
  while (open.length > 0) closeTop();
  return html;
}

function renderElements(elements: DocElementState[]): string {
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
      case 'HORIZONTAL_RULE':
        html += '<hr>';
        break;
      case 'PAGE_BREAK':
        html += '<div class="page-break" role="separator" aria-label="Page break"></div>';
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
