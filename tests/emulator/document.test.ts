import { Runtime, SCOPE } from '../../emulator/src/core';
import { emptyState, type DocElementState } from '../../emulator/src/state';
import {
  DOC_MIME,
  addDocument,
  createDocumentApp,
  createDriveApp,
  renderDocHtml,
} from '../../emulator/src/document';

const USER = 'senco@school.example';
const NO_ITEM =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

function setup(
  scopes: string[] = [SCOPE.DOCUMENTS, SCOPE.DRIVE_FILE],
  now = new Date('2025-06-02T09:00:00Z'),
) {
  const clock = { current: now };
  const rt = new Runtime(
    emptyState(),
    { now: () => new Date(clock.current.getTime()) },
    USER,
    new Set(scopes),
    '/tmp',
  );
  rt.execution = {
    id: 'e1',
    functionName: 'f',
    kind: 'api',
    user: rt.user,
    authMode: 'FULL',
    startedAt: now,
    uiEvents: [],
    heldLocks: new Set(),
  };
  const setNow = (iso: string) => {
    clock.current = new Date(iso);
  };
  return { rt, DocumentApp: createDocumentApp(rt), DriveApp: createDriveApp(rt), setNow };
}

/** A school's own letter template, made in Google Docs (not by the add-on). */
function addTemplate(rt: Runtime) {
  const body: DocElementState[] = [
    { type: 'PARAGRAPH', text: 'Support plan for {{pupil}}', heading: 'TITLE' },
    {
      type: 'PARAGRAPH',
      text: 'Dear {{parent}},',
      heading: 'NORMAL',
      spans: [{ start: 5, end: 14, attributes: { BOLD: true } }],
    },
    { type: 'LIST_ITEM', text: 'Reading: {{reading}}', glyph: 'NUMBER', nesting: 0 },
    {
      type: 'TABLE',
      rows: [
        ['Provision', 'Hours'],
        ['{{provision}}', '{{hours}}'],
      ],
    },
    { type: 'PARAGRAPH', text: '', heading: 'NORMAL' },
  ];
  return addDocument(rt.state, {
    name: 'School template',
    owner: 'head@school.example',
    now: rt.now(),
    body,
    createdByApp: false,
  });
}

describe('DocumentApp.create', () => {
  it('creates a Doc with one empty paragraph and a Drive file the app created', () => {
    const { rt, DocumentApp } = setup();
    const doc = DocumentApp.create('Letter for A.B.');
    const id = doc.getId();
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${id}/edit`);
    expect(doc.getBody().getNumChildren()).toBe(1);
    expect(doc.getBody().getChild(0).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(rt.state.documents[0]).toMatchObject({ id, name: 'Letter for A.B.', owner: USER });
    expect(rt.state.drive.files[0]).toMatchObject({
      id,
      mimeType: DOC_MIME,
      parents: [rt.state.drive.rootFolderId],
      createdByApp: true,
    });
  });

  it('needs the documents scope and counts against the daily docs quota', () => {
    expect(() => setup([SCOPE.DRIVE]).DocumentApp.create('x')).toThrow(
      /Specified permissions are not sufficient/,
    );

    const { rt, DocumentApp, setNow } = setup();
    rt.docsDailyQuota = 2;
    DocumentApp.create('one');
    DocumentApp.create('two');
    expect(() => DocumentApp.create('three')).toThrow(
      'Service invoked too many times for one day: docs create.',
    );
    expect(rt.state.documents).toHaveLength(2);
    setNow('2025-06-02T23:30:00Z'); // already 3 June in London
    DocumentApp.create('three');
    expect(rt.state.documents).toHaveLength(3);
  });

  it('has no active document in a Sheets add-on', () => {
    expect(setup().DocumentApp.getActiveDocument()).toBeNull();
  });
});

describe('building a Doc', () => {
  it('appends headings, lists, tables and paragraphs holding rules and page breaks', () => {
    const { rt, DocumentApp, setNow } = setup();
    const doc = DocumentApp.create('Plan');
    setNow('2025-06-02T10:00:00Z');
    const body = doc.getBody();
    body.appendParagraph('Provision plan').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body.appendParagraph('Centred').setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    body.appendListItem('First');
    body.appendListItem('Nested').setNestingLevel(1).setGlyphType(DocumentApp.GlyphType.NUMBER);
    const table = body.appendTable([
      ['Pupil', 'Target'],
      ['A.B.', 'Read 20 words'],
    ]);
    table.appendTableRow().appendTableCell('C.D.');
    body.appendHorizontalRule();
    body.appendPageBreak();
    body.insertParagraph(0, 'Top');

    const state = rt.state.documents[0]!;
    expect(state.updatedAt).toEqual(new Date('2025-06-02T10:00:00Z'));
    expect(state.body.map((e) => e.type)).toEqual([
      'PARAGRAPH',
      'PARAGRAPH',
      'PARAGRAPH',
      'PARAGRAPH',
      'LIST_ITEM',
      'LIST_ITEM',
      'TABLE',
      'PARAGRAPH', // Docs keeps a paragraph after a table appended at the end
      'PARAGRAPH', // holding the rule
      'PARAGRAPH', // holding the page break
    ]);
    expect(state.body[8]).toMatchObject({ text: '', inline: [{ type: 'HORIZONTAL_RULE' }] });
    expect(state.body[9]).toMatchObject({ text: '', inline: [{ type: 'PAGE_BREAK' }] });
    expect(state.body[2]).toMatchObject({ text: 'Provision plan', heading: 'HEADING1' });
    expect(state.body[3]).toMatchObject({ attributes: { HORIZONTAL_ALIGNMENT: 'CENTER' } });
    expect(state.body[5]).toMatchObject({ nesting: 1, glyph: 'NUMBER' });
    expect(state.body[6]).toMatchObject({
      rows: [['Pupil', 'Target'], ['A.B.', 'Read 20 words'], ['C.D.']],
    });

    expect(body.getChild(2).asParagraph().getHeading()).toBe('HEADING1');
    expect(body.getChild(6).asTable().getRow(1).getCell(1).getText()).toBe('Read 20 words');
    expect(body.getChild(6).asTable().getNumRows()).toBe(3);
    expect(() => body.getChild(4).asParagraph()).toThrow(/Cannot cast LIST_ITEM/);
    expect(() => body.getChild(99)).toThrow(
      'Child index (99) must be less than the number of child elements (10).',
    );
  });

  it('keeps a paragraph after a table placed at the end, as Docs does', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    body.clear();
    body.appendTable([['a']]);
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(2).getType()).toBe('PARAGRAPH');
  });

  it('never removes the last paragraph of a section', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    const first = body.appendParagraph('keep me');
    expect(() => body.getChild(1).removeFromParent()).toThrow(
      "Can't remove the last paragraph in a document section.",
    );
    body.removeChild(body.getChild(0));
    expect(body.getText()).toBe('keep me');
    expect(first.getParent()?.getType()).toBe('BODY_SECTION');
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
  });

  it('formats text by range and whole element', () => {
    const { rt, DocumentApp } = setup();
    const p = DocumentApp.create('T').getBody().appendParagraph('Target: read fluently');
    const text = p.editAsText();
    text.setBold(0, 6, true).setItalic(true).setFontSize(14);
    text.setLinkUrl(8, 11, 'https://example.org/');
    expect(text.isBold(0)).toBe(true);
    expect(text.isBold(10)).toBeNull();
    expect(text.getLinkUrl(9)).toBe('https://example.org/');
    expect(p.getAttributes()).toMatchObject({ ITALIC: true, FONT_SIZE: 14, BOLD: null });
    expect(rt.state.documents[0]!.body[1]).toMatchObject({
      spans: [
        { start: 0, end: 6, attributes: { BOLD: true } },
        { start: 8, end: 11, attributes: { LINK_URL: 'https://example.org/' } },
      ],
    });
    expect(() => text.setBold(5, 99, true)).toThrow(/must be less than the content length/);
  });

  it('adds a header and footer once each', () => {
    const { rt, DocumentApp } = setup();
    const doc = DocumentApp.create('T');
    expect(doc.getHeader()).toBeNull();
    doc.addHeader().appendParagraph('Oak School');
    doc.addFooter().appendParagraph('Confidential');
    expect(() => doc.addHeader()).toThrow(/already contains a header/);
    expect(doc.getHeader()?.getText()).toBe('\nOak School');
    expect(rt.state.documents[0]!.footer?.[1]).toMatchObject({ text: 'Confidential' });
  });

  it('refuses edits after saveAndClose', () => {
    const { rt, DocumentApp } = setup();
    const doc = DocumentApp.create('T');
    doc.getBody().appendParagraph('saved');
    doc.saveAndClose();
    expect(() => doc.getBody().appendParagraph('late')).toThrow(
      'Document is closed, its contents cannot be updated.',
    );
    const reopened = DocumentApp.openById(doc.getId());
    reopened.getBody().appendParagraph('fine');
    expect(rt.state.documents[0]!.body.map((e) => (e.type === 'PARAGRAPH' ? e.text : ''))).toEqual([
      '',
      'saved',
      'fine',
    ]);
  });
});

describe('replaceText and findText', () => {
  it('replaces a Java regex in paragraphs, list items and table cells with literal text', () => {
    const { rt, DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    body.appendParagraph('Dear {{name}}, about {{name}}');
    body.appendListItem('{{name}} reads');
    body.appendTable([['{{name}}', 'x']]);
    body.replaceText('\\{\\{name\\}\\}', 'Zoë $1 & <b>');
    expect(body.getText()).toBe(
      '\nDear Zoë $1 & <b>, about Zoë $1 & <b>\nZoë $1 & <b> reads\nZoë $1 & <b>\nx\n',
    );
    expect(rt.state.documents[0]!.body[3]).toMatchObject({ rows: [['Zoë $1 & <b>', 'x']] });
  });

  it('keeps formatting in place when text before it changes', () => {
    const { rt, DocumentApp } = setup();
    const p = DocumentApp.create('T').getBody().appendParagraph('Hi {{n}}: BOLD');
    p.editAsText().setBold(10, 13, true);
    p.replaceText('\\{\\{n\\}\\}', 'Alexandra');
    expect(p.getText()).toBe('Hi Alexandra: BOLD');
    expect(rt.state.documents[0]!.body[1]).toMatchObject({ spans: [{ start: 14, end: 17 }] });
  });

  it('finds text and continues from a previous result', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    body.appendParagraph('one target');
    body.appendParagraph('two target');
    const first = body.findText('tar.et');
    expect(first?.getStartOffset()).toBe(4);
    expect(first?.getEndOffsetInclusive()).toBe(9);
    expect(first?.getElement().getText()).toBe('one target');
    const second = body.findText('tar.et', first!);
    expect(second?.getElement().getText()).toBe('two target');
    expect(body.findText('tar.et', second!)).toBeNull();
  });
});

describe("copying a school's template", () => {
  it('opens the template by URL under documents and copies its elements into a new Doc', () => {
    const { rt, DocumentApp } = setup([SCOPE.DOCUMENTS, SCOPE.DRIVE_FILE]);
    const template = addTemplate(rt);
    const source = DocumentApp.openByUrl(template.url).getBody();
    const target = DocumentApp.create('Plan for A.B.');
    const body = target.getBody();
    for (let i = 0; i < source.getNumChildren(); i += 1) {
      const child = source.getChild(i);
      const type = child.getType();
      if (type === DocumentApp.ElementType.PARAGRAPH)
        body.appendParagraph(child.copy().asParagraph());
      else if (type === DocumentApp.ElementType.LIST_ITEM)
        body.appendListItem(child.copy().asListItem());
      else if (type === DocumentApp.ElementType.TABLE) body.appendTable(child.copy().asTable());
    }
    body.replaceText('\\{\\{pupil\\}\\}', 'A.B.');
    body.replaceText('\\{\\{parent\\}\\}', 'Ms Smith');
    body.replaceText('\\{\\{provision\\}\\}', 'Phonics group');

    const copied = rt.state.documents.find((d) => d.id === target.getId())!;
    expect(copied.body[1]).toMatchObject({ text: 'Support plan for A.B.', heading: 'TITLE' });
    expect(copied.body[2]).toMatchObject({
      text: 'Dear Ms Smith,',
      spans: [{ start: 5, end: 12 }],
    });
    expect(copied.body[3]).toMatchObject({ type: 'LIST_ITEM', glyph: 'NUMBER' });
    expect(copied.body[4]).toMatchObject({
      rows: [
        ['Provision', 'Hours'],
        ['Phonics group', '{{hours}}'],
      ],
    });
    // The template itself is untouched.
    expect(template.body[0]).toMatchObject({ text: 'Support plan for {{pupil}}' });
  });

  it('refuses to append an element that is still attached', () => {
    const { rt, DocumentApp } = setup();
    addTemplate(rt);
    const source = DocumentApp.openById(rt.state.documents[0]!.id).getBody();
    const body = DocumentApp.create('x').getBody();
    expect(() => body.appendParagraph(source.getChild(0).asParagraph())).toThrow(
      'Element must be detached.',
    );
    expect(() => body.appendParagraph(source.getChild(2).copy() as never)).toThrow(
      "The parameters (DocumentApp.ListItem) don't match the method signature for DocumentApp.Body.appendParagraph.",
    );
  });

  it('reports a missing Doc as Apps Script does', () => {
    const { DocumentApp } = setup();
    expect(() => DocumentApp.openById('nope')).toThrow(
      "Document is missing (perhaps it was deleted, or you don't have read access?)",
    );
    expect(() => DocumentApp.openByUrl('https://docs.google.com/document/d/nope/edit')).toThrow(
      /Document is missing/,
    );
  });
});

describe('DriveApp scopes', () => {
  it('under drive.file sees only files the app created: a template cannot be fetched or copied', () => {
    const { rt, DocumentApp, DriveApp } = setup([SCOPE.DOCUMENTS, SCOPE.DRIVE_FILE]);
    const template = addTemplate(rt);
    expect(() => DriveApp.getFileById(template.id)).toThrow(NO_ITEM);
    expect(DriveApp.getFilesByName('School template').hasNext()).toBe(false);

    const mine = DocumentApp.create('Mine');
    mine.getBody().appendParagraph('content');
    const folder = DriveApp.createFolder('SEND letters');
    const copy = DriveApp.getFileById(mine.getId()).makeCopy('Copy', folder);
    expect(copy.getName()).toBe('Copy');
    expect(DocumentApp.openById(copy.getId()).getBody().getText()).toBe('\ncontent');
    expect(DriveApp.getFoldersByName('SEND letters').next().getFilesByName('Copy').hasNext()).toBe(
      true,
    );
    expect(rt.state.drive.files.find((f) => f.id === copy.getId())).toMatchObject({
      createdByApp: true,
      parents: [folder.getId()],
    });
  });

  it('with drive.readonly the template can be read but makeCopy is denied', () => {
    const { rt, DriveApp } = setup([SCOPE.DOCUMENTS, SCOPE.DRIVE_FILE, SCOPE.DRIVE_READONLY]);
    const template = addTemplate(rt);
    const file = DriveApp.getFileById(template.id);
    expect(file.getName()).toBe('School template');
    expect(() => file.makeCopy('x')).toThrow('Access denied: DriveApp.');
    expect(() => file.setName('renamed')).toThrow('Access denied: DriveApp.');
  });

  it('with full drive copies the template, content included', () => {
    const { rt, DriveApp, DocumentApp } = setup([SCOPE.DOCUMENTS, SCOPE.DRIVE]);
    const template = addTemplate(rt);
    const copy = DriveApp.getFileById(template.id).makeCopy('Plan for A.B.');
    expect(copy.getMimeType()).toBe(DOC_MIME);
    expect(copy.getUrl()).toBe(`https://docs.google.com/document/d/${copy.getId()}/edit`);
    const body = DocumentApp.openById(copy.getId()).getBody();
    expect(body.getChild(0).asParagraph().getText()).toBe('Support plan for {{pupil}}');
    body.replaceText('\\{\\{pupil\\}\\}', 'A.B.');
    expect(template.body[0]).toMatchObject({ text: 'Support plan for {{pupil}}' });
  });

  it('without any Drive scope every DriveApp call fails', () => {
    const { DriveApp } = setup([SCOPE.DOCUMENTS]);
    expect(() => DriveApp.getRootFolder()).toThrow(/Specified permissions are not sufficient/);
    expect(() => DriveApp.createFolder('x')).toThrow(/Specified permissions are not sufficient/);
  });

  it('moves, trashes and shares files, with iterators that end', () => {
    const { DriveApp, DocumentApp } = setup();
    const doc = DocumentApp.create('Letter');
    const file = DriveApp.getFileById(doc.getId());
    const folder = DriveApp.getRootFolder().createFolder('Out');
    file.moveTo(folder);
    const files = folder.getFiles();
    expect(files.next().getId()).toBe(doc.getId());
    expect(files.hasNext()).toBe(false);
    expect(() => files.next()).toThrow(/iterator has reached the end/);

    file.setSharing(DriveApp.Access.DOMAIN_WITH_LINK, DriveApp.Permission.VIEW);
    expect(file.getSharingAccess()).toBe('DOMAIN_WITH_LINK');
    expect(file.getSharingPermission()).toBe('VIEW');
    file.setTrashed(true);
    expect(DriveApp.getFileById(doc.getId()).isTrashed()).toBe(true);
    expect(DriveApp.searchFiles("title contains 'Lett' and trashed = false").hasNext()).toBe(false);
    expect(DriveApp.searchFiles("title contains 'Lett' and trashed = true").hasNext()).toBe(true);
  });
});

describe('page breaks and horizontal rules live inside paragraphs', () => {
  // https://developers.google.com/apps-script/reference/document/page-break
  it('body.appendPageBreak adds a paragraph holding the break, and the break is its child', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    body.appendParagraph('Page one');
    const pageBreak = body.appendPageBreak();
    body.appendParagraph('Page two');

    expect(pageBreak.getType()).toBe(DocumentApp.ElementType.PAGE_BREAK);
    const holder = body.getChild(2);
    expect(holder.getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    const parent = pageBreak.getParent();
    expect(parent?.getType()).toBe(DocumentApp.ElementType.PARAGRAPH);
    expect(body.getChildIndex(parent as never)).toBe(2);
    expect(() => body.getChildIndex(pageBreak)).toThrow(
      'Element does not contain the specified child element.',
    );
    expect(holder.asParagraph().getNumChildren()).toBe(1);
    expect(holder.asParagraph().getChild(0).getType()).toBe('PAGE_BREAK');
    expect(holder.asParagraph().getText()).toBe('');
    expect(body.getText()).toBe('\nPage one\n\nPage two');
    for (let i = 0; i < body.getNumChildren(); i += 1) {
      expect(['PARAGRAPH', 'LIST_ITEM', 'TABLE']).toContain(body.getChild(i).getType());
    }
  });

  it('Paragraph.appendPageBreak puts the break after its text; later text follows the break', () => {
    const { rt, DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    const p = body.appendParagraph('Before');
    const pageBreak = p.appendPageBreak();
    p.appendText('After');
    expect(pageBreak.getParent()?.getText()).toBe('BeforeAfter');
    expect([0, 1, 2].map((i) => p.getChild(i).getType())).toEqual(['TEXT', 'PAGE_BREAK', 'TEXT']);
    expect(p.getChild(2).asText().getText()).toBe('After');
    expect(p.getChildIndex(pageBreak)).toBe(1);
    expect(pageBreak.getPreviousSibling()?.getType()).toBe('TEXT');
    expect(pageBreak.getNextSibling()?.asText().getText()).toBe('After');
    expect(rt.state.documents[0]!.body[1]).toMatchObject({
      text: 'BeforeAfter',
      inline: [{ type: 'PAGE_BREAK', offset: 6 }],
    });
    // A replacement before the break moves it with the text.
    p.replaceText('Before', 'B');
    expect(rt.state.documents[0]!.body[1]).toMatchObject({ inline: [{ offset: 1 }] });
    expect(renderDocHtml(rt.state.documents[0]!)).toContain(
      '<p>B</p><div class="page-break" role="separator" aria-label="Page break"></div><p>After</p>',
    );
    pageBreak.removeFromParent();
    expect(pageBreak.getParent()).toBeNull();
    expect(p.getNumChildren()).toBe(1);
    expect(p.getText()).toBe('BAfter');
  });

  it('copies a break into another paragraph only when detached', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    const first = body.appendPageBreak();
    expect(() => body.appendPageBreak(first)).toThrow('Element must be detached.');
    const second = body.appendPageBreak(first.copy() as never);
    expect(second.getParent()?.getType()).toBe('PARAGRAPH');
    const inserted = body.insertPageBreak(0);
    expect(body.getChild(0).asParagraph().getChild(0).getType()).toBe('PAGE_BREAK');
    expect(inserted.isAtDocumentEnd()).toBe(false);
    expect(second.isAtDocumentEnd()).toBe(true);
  });

  it('refuses a page break in a header or footer, which have no appendPageBreak', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('T');
    const header = doc.addHeader();
    expect((header as unknown as Record<string, unknown>).appendPageBreak).toBeUndefined();
    const line = header.appendParagraph('Oak School');
    expect(() => line.appendPageBreak()).toThrow(/page break can only be placed/);
    const withBreak = doc.getBody().appendParagraph('x');
    withBreak.appendPageBreak();
    expect(() => header.appendParagraph(withBreak.copy() as never)).toThrow(
      /page break can only be placed/,
    );
  });

  it('appendHorizontalRule also adds a paragraph holding the rule', () => {
    // https://developers.google.com/apps-script/reference/document/horizontal-rule
    const { rt, DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    const rule = body.appendHorizontalRule();
    expect(rule.getType()).toBe('HORIZONTAL_RULE');
    expect(rule.getParent()?.getType()).toBe('PARAGRAPH');
    expect(body.getChild(1).getType()).toBe('PARAGRAPH');
    expect(renderDocHtml(rt.state.documents[0]!)).toContain('<hr>');
    expect(renderDocHtml(rt.state.documents[0]!)).not.toContain('<p><hr>');
  });

  it('reads a bare break or rule saved by an older emulator as a paragraph holding it', () => {
    const { rt, DocumentApp } = setup();
    const legacy = [
      { type: 'PARAGRAPH', text: 'a', heading: 'NORMAL' },
      { type: 'PAGE_BREAK' },
      { type: 'PARAGRAPH', text: 'b', heading: 'NORMAL' },
    ] as unknown as DocElementState[];
    const saved = addDocument(rt.state, { name: 'Old', owner: USER, now: rt.now(), body: legacy });
    const body = DocumentApp.openById(saved.id).getBody();
    expect(body.getChild(1).getType()).toBe('PARAGRAPH');
    expect(body.getChild(1).asParagraph().getChild(0).getType()).toBe('PAGE_BREAK');
  });
});

describe('text as Docs gives it', () => {
  it('joins table cells with newlines in Table, TableRow and Body getText', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    const table = body.appendTable([
      ['Pupil', 'Target'],
      ['A.B.', 'Read 20 words'],
    ]);
    expect(table.getText()).toBe('Pupil\nTarget\nA.B.\nRead 20 words');
    expect(table.getRow(1).getText()).toBe('A.B.\nRead 20 words');
    expect(body.getText()).toBe('\nPupil\nTarget\nA.B.\nRead 20 words\n');
  });

  it('turns "\\n" in a paragraph or list item into a line break "\\r", as Docs does', () => {
    // https://developers.google.com/apps-script/reference/document/paragraph
    const { DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    const p = body.appendParagraph('Line one\nLine two');
    expect(p.getText()).toBe('Line one\rLine two');
    expect(body.appendListItem('a\nb').getText()).toBe('a\rb');
    p.setText('x\ny');
    expect(p.getText()).toBe('x\ry');
    p.editAsText().appendText('\nz');
    expect(p.getText()).toBe('x\ry\rz');
    expect(body.getNumChildren()).toBe(3);
  });

  it('Body.setText makes one paragraph per line', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    body.setText('one\ntwo');
    expect(body.getNumChildren()).toBe(2);
    expect(body.getText()).toBe('one\ntwo');
  });

  it('getAttributes has every attribute of the element, null when unset', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    const p = body.appendParagraph('Hello');
    const attrs = p.getAttributes();
    expect(attrs).toMatchObject({
      BOLD: null,
      ITALIC: null,
      LINK_URL: null,
      HORIZONTAL_ALIGNMENT: null,
      HEADING: DocumentApp.ParagraphHeading.NORMAL,
    });
    expect(Object.keys(attrs)).toContain(DocumentApp.Attribute.FONT_SIZE);
    p.setAttributes({ [DocumentApp.Attribute.BOLD]: true });
    expect(p.getAttributes().BOLD).toBe(true);
    expect(p.editAsText().getAttributes(0)).toMatchObject({ BOLD: true, ITALIC: null });

    const item = body.appendListItem('x').setGlyphType(DocumentApp.GlyphType.NUMBER);
    expect(item.getAttributes()).toMatchObject({
      GLYPH_TYPE: 'NUMBER',
      NESTING_LEVEL: 0,
      BOLD: null,
    });

    const table = body.appendTable([['a']]).setColumnWidth(0, 100);
    const tableAttrs = table.getAttributes();
    expect(tableAttrs).toMatchObject({ BORDER_WIDTH: null, BORDER_COLOR: null });
    expect(tableAttrs).not.toHaveProperty('COLUMN_WIDTHS');
    expect(table.getCell(0, 0).getAttributes()).toMatchObject({
      BACKGROUND_COLOR: null,
      VERTICAL_ALIGNMENT: null,
    });
  });
});

describe('arguments checked as Apps Script checks them', () => {
  const sig = (params: string, method: string) =>
    `The parameters (${params}) don't match the method signature for ${method}.`;

  it('refuses wrong types for Body methods instead of inserting "[object Object]"', () => {
    const { rt, DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    expect(() => body.appendParagraph({ text: 'x' })).toThrow(
      sig('Object', 'DocumentApp.Body.appendParagraph'),
    );
    expect(() => body.appendParagraph(5)).toThrow(
      sig('number', 'DocumentApp.Body.appendParagraph'),
    );
    expect(() => body.appendParagraph()).toThrow(sig('', 'DocumentApp.Body.appendParagraph'));
    expect(() => body.appendParagraph(null)).toThrow(
      sig('null', 'DocumentApp.Body.appendParagraph'),
    );
    expect(() => body.insertParagraph('x', 0)).toThrow(
      sig('String,number', 'DocumentApp.Body.insertParagraph'),
    );
    expect(() => body.appendTable([[1, 2]])).toThrow(
      sig('number[][]', 'DocumentApp.Body.appendTable'),
    );
    expect(() => body.appendTable(['a', 'b'])).toThrow(
      sig('String[]', 'DocumentApp.Body.appendTable'),
    );
    expect(() => body.replaceText(/x/, 'y')).toThrow(
      sig('Object,String', 'DocumentApp.Body.replaceText'),
    );
    expect(() => body.getChild('0')).toThrow(sig('String', 'DocumentApp.Body.getChild'));
    expect(rt.state.documents[0]!.body).toHaveLength(1);
  });

  it('refuses wrong types for Paragraph, Text and Table methods', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('T').getBody();
    const p = body.appendParagraph('Hello');
    expect(() => p.setHeading('BIG')).toThrow(sig('String', 'DocumentApp.Paragraph.setHeading'));
    expect(() => p.setText(42)).toThrow(sig('number', 'DocumentApp.Paragraph.setText'));
    expect(() => p.setAlignment('middle')).toThrow(
      sig('String', 'DocumentApp.Paragraph.setAlignment'),
    );
    const text = p.editAsText();
    expect(() => text.insertText('!', 0)).toThrow(
      sig('String,number', 'DocumentApp.Text.insertText'),
    );
    expect(() => text.setBold('yes')).toThrow(sig('String', 'DocumentApp.Text.setBold'));
    expect(() => text.setBold(0, 2)).toThrow(sig('number,number', 'DocumentApp.Text.setBold'));
    expect(() => text.deleteText('0', '1')).toThrow(
      sig('String,String', 'DocumentApp.Text.deleteText'),
    );
    text.setBold(null); // null clears, as in Apps Script
    const table = body.appendTable([['a', 'b']]);
    expect(() => table.getCell(0)).toThrow(sig('number', 'DocumentApp.Table.getCell'));
    expect(() => table.getRow(0).appendTableCell(7)).toThrow(
      sig('number', 'DocumentApp.TableRow.appendTableCell'),
    );
    expect(() => body.appendParagraph(table.copy())).toThrow(
      sig('DocumentApp.Table', 'DocumentApp.Body.appendParagraph'),
    );
    expect(p.getText()).toBe('Hello');
  });

  it('refuses swapped or wrong DriveApp arguments: makeCopy, createFolder, moveTo, createFile', () => {
    const { DocumentApp, DriveApp } = setup();
    const file = DriveApp.getFileById(DocumentApp.create('Mine').getId());
    const folder = DriveApp.createFolder('Letters');
    expect(() => file.makeCopy(folder, 'Copy')).toThrow(
      sig('DriveApp.Folder,String', 'DriveApp.File.makeCopy'),
    );
    expect(() => file.makeCopy('Copy', 'Letters')).toThrow(
      sig('String,String', 'DriveApp.File.makeCopy'),
    );
    expect(file.makeCopy('Copy', folder).getName()).toBe('Copy');
    expect(file.makeCopy(folder).getName()).toBe('Copy of Mine');
    expect(() => DriveApp.createFolder()).toThrow(sig('', 'DriveApp.createFolder'));
    expect(() => folder.createFolder(7)).toThrow(sig('number', 'DriveApp.Folder.createFolder'));
    expect(() => file.moveTo(folder.getId())).toThrow(sig('String', 'DriveApp.File.moveTo'));
    expect(() => file.setSharing('anyone', 'view')).toThrow(
      sig('String,String', 'DriveApp.File.setSharing'),
    );
    expect(() => DriveApp.createFile('notes.txt')).toThrow(sig('String', 'DriveApp.createFile'));
  });
});

describe('DriveApp.createFile', () => {
  // https://developers.google.com/apps-script/reference/drive/drive-app
  it('makes a text file, or one from a blob, that reads back; Google types are refused', () => {
    const { rt, DriveApp } = setup();
    const text = DriveApp.createFile('notes.txt', 'Hello, café');
    expect(text.getMimeType()).toBe('text/plain');
    expect(text.getBlob().getDataAsString()).toBe('Hello, café');
    const folder = DriveApp.createFolder('Out');
    const html = folder.createFile('page.html', '<b>Hi</b>', 'text/html');
    expect(html.getParents().next().getId()).toBe(folder.getId());
    expect(html.getBlob().getContentType()).toBe('text/html');
    const fromBlob = DriveApp.createFile(text.getBlob().setName('copy.txt'));
    expect(fromBlob.getName()).toBe('copy.txt');
    expect(fromBlob.getBlob().getDataAsString()).toBe('Hello, café');
    expect(() => DriveApp.createFile('Doc', '', DOC_MIME)).toThrow(
      'Invalid argument: file.contentType',
    );
    expect(text.getAs('application/pdf').getName()).toBe('notes.pdf');
    expect(() => text.getAs('text/html')).toThrow(
      'Converting from text/plain to text/html is not supported.',
    );
    expect(rt.state.drive.files.find((f) => f.id === text.getId())).toMatchObject({
      createdByApp: true,
    });
  });
});

describe('renderDocHtml', () => {
  it('renders a complete page with headings, nested lists, tables and formatting', () => {
    const { rt, DocumentApp } = setup();
    const doc = DocumentApp.create('Plan');
    const body = doc.getBody();
    body.appendParagraph('Title here').setHeading(DocumentApp.ParagraphHeading.TITLE);
    body.appendParagraph('Section').setHeading(DocumentApp.ParagraphHeading.HEADING2);
    body.appendListItem('Outer').setGlyphType(DocumentApp.GlyphType.NUMBER);
    body.appendListItem('Inner').setNestingLevel(1);
    body
      .appendTable([['H1', 'H2']])
      .getRow(0)
      .editAsText()
      .setBold(true);
    body.appendParagraph('Bold end').editAsText().setBold(5, 7, true);
    const html = renderDocHtml(rt.state.documents[0]!);

    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>Plan</title>');
    expect(html).toContain('<h1 class="title">Title here</h1>');
    expect(html).toContain('<h2>Section</h2>');
    expect(html).toMatch(
      /<ol style="list-style-type:decimal"><li>Outer<ul[^>]*><li>Inner<\/li><\/ul><\/li><\/ol>/,
    );
    expect(html).toContain('<td><strong>H1</strong></td>');
    expect(html).toContain('<p>Bold <strong>end</strong></p>');
  });

  it('escapes every piece of text and drops unsafe links and styles', () => {
    const { rt, DocumentApp } = setup();
    const doc = DocumentApp.create('<img src=x onerror=alert(1)>');
    const body = doc.getBody();
    const p = body.appendParagraph('<script>alert("x")</script>');
    p.setLinkUrl('javascript:alert(1)');
    p.editAsText().setForegroundColor('red;background:url(x)');
    body.appendTable([['<b>cell</b>']]);
    doc.addHeader().appendParagraph('"quoted" & \'single\'');
    const html = renderDocHtml(rt.state.documents[0]!);

    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('url(x)');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;cell&lt;/b&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    expect(html).toContain('Content-Security-Policy');
  });
});
