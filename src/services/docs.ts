/**
 * Google Docs and Drive for letters to parents: the one place the add-on reaches DocumentApp and
 * DriveApp. Scopes: `documents` (create Docs, open a school's template by its link) and
 * `drive.file` (only files and folders this add-on created). So a template is never copied with
 * DriveApp's makeCopy (drive.file refuses a file the add-on did not create): its body's elements are
 * copied into a new Doc with DocumentApp, then filled element by element. Sharing is never changed:
 * the Docs stay at the user's default (private to them).
 */
import { placeholderSpans } from '../domain/letters';
import { docPlan } from '../domain/letters-layout';
import type { LetterBlock } from '../domain/letters';

type Document = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Element = GoogleAppsScript.Document.Element;
type Text = GoogleAppsScript.Document.Text;
type Section =
  | GoogleAppsScript.Document.Body
  | GoogleAppsScript.Document.HeaderSection
  | GoogleAppsScript.Document.FooterSection;

/** Told the new Doc the moment it exists, before anything is written in it. */
export type OnDocCreated = (doc: Document) => void;

/**
 * A new Doc laid out from blocks (the built-in letter), in few calls: the text of every paragraph
 * at once, then the headings, tables and list items (see domain/letters-layout.ts). Should Docs
 * split the text otherwise than planned, the Doc is laid out again block by block.
 */
export function createDocFromBlocks(
  name: string,
  blocks: readonly LetterBlock[],
  onCreated?: OnDocCreated,
): Document {
  const doc = DocumentApp.create(name);
  onCreated?.(doc);
  const body = doc.getBody();
  const plan = docPlan(blocks);
  body.setText(plan.lines.join('\n'));
  const paragraphs = body.getParagraphs();
  if (paragraphs.length !== plan.lines.length) {
    body.clear();
    const first = body.getChild(0);
    for (const block of blocks) appendBlock(body, block);
    removeLeadingEmpty(body, first);
    return doc;
  }
  for (const { line, style } of plan.styles) {
    paragraphs[line]?.setHeading(
      style === 'title'
        ? DocumentApp.ParagraphHeading.TITLE
        : DocumentApp.ParagraphHeading.HEADING2,
    );
  }
  for (const insert of plan.inserts) {
    if (insert.type === 'table') body.insertTable(insert.at, insert.rows);
    else body.insertListItem(insert.at, insert.text).setGlyphType(DocumentApp.GlyphType.BULLET);
  }
  return doc;
}

function appendBlock(body: Body, block: LetterBlock): void {
  switch (block.type) {
    case 'title':
      body.appendParagraph(block.text).setHeading(DocumentApp.ParagraphHeading.TITLE);
      return;
    case 'heading':
      body.appendParagraph(block.text).setHeading(DocumentApp.ParagraphHeading.HEADING2);
      return;
    case 'paragraph':
      body.appendParagraph(block.text);
      return;
    case 'list':
      for (const item of block.items) {
        body.appendListItem(item).setGlyphType(DocumentApp.GlyphType.BULLET);
      }
      return;
    case 'table':
      body.appendTable(block.rows.map((row) => row.map((cell) => cell)));
      return;
  }
}

/** A new Doc holds one empty paragraph: remove it once there is content after it. */
function removeLeadingEmpty(body: Body, first: Element): void {
  if (body.getNumChildren() < 2) return;
  if (first.getType() !== DocumentApp.ElementType.PARAGRAPH) return;
  if (first.asParagraph().getText() !== '') return;
  try {
    first.removeFromParent();
  } catch {
    // Docs refuses in a few layouts (e.g. before a table at the end): an empty line is harmless.
  }
}

/** A school's own template, opened once for all the letters of a run. */
export function openTemplate(templateUrl: string): Document {
  return DocumentApp.openByUrl(templateUrl);
}

/**
 * A new Doc with a copy of the template's body (and header and footer), every known placeholder
 * filled with its value as literal text. The template is opened first (openTemplate), so a bad
 * link creates nothing.
 */
export function createDocFromTemplate(
  name: string,
  template: Document,
  values: Readonly<Record<string, string>>,
  onCreated?: OnDocCreated,
): { doc: Document; unknown: string[] } {
  const doc = DocumentApp.create(name);
  onCreated?.(doc);
  const unknown = new Set<string>();
  const body = doc.getBody();
  const first = body.getChild(0);
  copySection(template.getBody(), body, values, unknown, false);
  removeLeadingEmpty(body, first);
  const header = template.getHeader();
  if (header) copySection(header, doc.getHeader() ?? doc.addHeader(), values, unknown, true);
  const footer = template.getFooter();
  if (footer) copySection(footer, doc.getFooter() ?? doc.addFooter(), values, unknown, true);
  return { doc, unknown: [...unknown] };
}

/** Appends copies of every child of `from` to `to`; a header or footer's first empty line goes. */
function copySection(
  from: Section,
  to: Section,
  values: Readonly<Record<string, string>>,
  unknown: Set<string>,
  replaceFirst: boolean,
): void {
  const count = from.getNumChildren();
  const leading = replaceFirst && to.getNumChildren() > 0 ? to.getChild(0) : undefined;
  // Docs adds an empty paragraph after a table appended at the end: drop it once more follows,
  // so the copy keeps the template's spacing.
  let afterTable: Element | undefined;
  for (let index = 0; index < count; index += 1) {
    const copied = appendCopy(to, from.getChild(index).copy(), !replaceFirst);
    if (!copied) continue;
    if (afterTable) removeQuietly(afterTable);
    afterTable = undefined;
    fillElement(copied, values, unknown);
    if (copied.getType() === DocumentApp.ElementType.TABLE) {
      const last = to.getChild(to.getNumChildren() - 1);
      if (
        last.getType() === DocumentApp.ElementType.PARAGRAPH &&
        last.asParagraph().getText() === ''
      ) {
        afterTable = last;
      }
    }
  }
  if (leading && to.getNumChildren() > 1) removeQuietly(leading);
}

/** Removes an element; Docs refuses in a few layouts, where an empty line is harmless. */
function removeQuietly(element: Element): void {
  try {
    element.removeFromParent();
  } catch {
    // left as it is
  }
}

/** Appends a detached copy by its type; other elements (images, drawings) are left out. */
function appendCopy(to: Section, element: Element, isBody: boolean): Element | undefined {
  const type = element.getType();
  const T = DocumentApp.ElementType;
  if (type === T.PARAGRAPH) return to.appendParagraph(element.asParagraph());
  if (type === T.LIST_ITEM) return to.appendListItem(element.asListItem());
  if (type === T.TABLE) return to.appendTable(element.asTable());
  if (type === T.HORIZONTAL_RULE) return to.appendHorizontalRule();
  if (type === T.PAGE_BREAK && isBody) return (to as Body).appendPageBreak();
  return undefined;
}

/** Fills placeholders in a paragraph, a list item, or every cell of a table. */
function fillElement(
  element: Element,
  values: Readonly<Record<string, string>>,
  unknown: Set<string>,
): void {
  const type = element.getType();
  const T = DocumentApp.ElementType;
  if (type === T.PARAGRAPH) fillText(element.asParagraph().editAsText(), values, unknown);
  else if (type === T.LIST_ITEM) fillText(element.asListItem().editAsText(), values, unknown);
  else if (type === T.TABLE) {
    const table = element.asTable();
    for (let r = 0; r < table.getNumRows(); r += 1) {
      const row = table.getRow(r);
      for (let c = 0; c < row.getNumCells(); c += 1) {
        fillText(row.getCell(c).editAsText(), values, unknown);
      }
    }
  }
}

/**
 * Replaces each known placeholder by offsets, from the last to the first, with deleteText and
 * insertText: the value is literal text (never a pattern or a "$1" replacement), the text around it
 * keeps its formatting, and an inserted value is never searched again.
 */
function fillText(
  text: Text,
  values: Readonly<Record<string, string>>,
  unknown: Set<string>,
): void {
  const content = text.getText();
  if (!content.includes('{{')) return;
  const spans = placeholderSpans(content);
  for (const span of [...spans].reverse()) {
    const value = Object.prototype.hasOwnProperty.call(values, span.name)
      ? values[span.name]
      : undefined;
    if (value === undefined) {
      unknown.add(span.name);
      continue;
    }
    text.deleteText(span.start, span.end - 1);
    if (value !== '') text.insertText(span.start, value);
  }
}

// ---------------------------------------------------------------------------------------------
// The school-year folder in the user's Drive

/**
 * The user's folder for letters of this school year, found by the ID kept in a document property
 * for this user (getFoldersByName cannot see a folder made elsewhere, and each user's folder is in
 * their own Drive), created when missing or trashed. Throws when Drive refuses.
 */
export function yearFolder(folderName: string, user: string): GoogleAppsScript.Drive.Folder {
  const store = PropertiesService.getDocumentProperties();
  const key = `lettersFolder:${folderName}:${user}`;
  const known = store.getProperty(key);
  if (known) {
    try {
      const found = DriveApp.getFolderById(known);
      if (!found.isTrashed()) return found;
    } catch {
      // deleted, or not this user's: a new one is made
    }
  }
  const folder = DriveApp.createFolder(folderName);
  store.setProperty(key, folder.getId());
  return folder;
}

/** Moves a Doc the add-on made into a folder (it is made in My Drive). */
export function moveDocTo(docId: string, folder: GoogleAppsScript.Drive.Folder): void {
  DriveApp.getFileById(docId).moveTo(folder);
}

/** A Doc made earlier (by an attempt that was cut off before its link was written). */
export function docUrl(docId: string): string {
  return DocumentApp.openById(docId).getUrl();
}

/** Puts a Doc the add-on made in the bin (drive.file: only its own files). */
export function trashDoc(id: string): void {
  DriveApp.getFileById(id).setTrashed(true);
}
