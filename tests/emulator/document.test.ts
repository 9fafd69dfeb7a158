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
  it('appends headings, lists, tables, rules and page breaks into the stored structure', () => {
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
      'HORIZONTAL_RULE',
      'PAGE_BREAK',
    ]);
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
    expect(p.getAttributes()).toEqual({ ITALIC: true, FONT_SIZE: 14 });
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
      '\nDear Zoë $1 & <b>, about Zoë $1 & <b>\nZoë $1 & <b> reads\nZoë $1 & <b>\tx\n',
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
