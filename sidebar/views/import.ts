/**
 * Import pupils from a CSV exported from the school's MIS: choose the file (or paste it), check
 * which column holds each detail, preview what would be added and skipped, then import in one go
 * or cancel. Nothing is written until "Import N pupils"; only the mapped columns are sent.
 */
import type { PupilImportPreview } from '../../src/api/pupils-contract';
import { parseCsv } from '../../src/domain/csv';
import {
  PUPIL_FIELDS,
  PUPIL_LABELS,
  REQUIRED_PUPIL_FIELDS,
  type PupilField,
} from '../../src/domain/pupil';
import {
  guessMapping,
  mappingProblems,
  onlyMappedColumns,
  type ColumnMapping,
} from '../../src/domain/pupil-columns';
import { MAX_IMPORT_ROWS } from '../../src/domain/pupil-import';
import type { FieldErrors } from '../../src/domain/schema-helpers';
import { h } from '../dom';
import { loadThen, problemCount } from '../form-kit';
import { callServer } from '../server';

const HEADING = 'Import pupils';
/** How many rows of each kind the preview lists (the rest are counted). */
export const SHOWN = 20;
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export function render(root: HTMLElement): void {
  loadThen(
    root,
    HEADING,
    () => callServer('getPupilFormOptions'),
    () => build(root),
  );
}

/** Data read from the file: the header row and the rows under it. */
interface Loaded {
  source: string;
  headers: string[];
  rows: string[][];
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** "Import 200 pupils" */
export function importLabel(n: number): string {
  return `Import ${plural(n, 'pupil')}`;
}

/** What a column is called in the lists: its header, or its position when it has none. */
export function columnName(headers: readonly string[], index: number): string {
  const header = (headers[index] ?? '').trim();
  return header === '' ? `Column ${index + 1}` : header;
}

/** Reads CSV text into a header and rows, or says in plain words why it cannot be used. */
export function readCsvText(
  text: string,
  source: string,
): { ok: true; loaded: Loaded; notes: string[] } | { ok: false; message: string } {
  const parsed = parseCsv(text);
  // "The pasted text is empty", but a file keeps its name as it is: "pupils.csv is empty".
  const Source = source.startsWith('the ') ? `T${source.slice(1)}` : source;
  const [header, ...rest] = parsed.rows;
  if (!header || header.every((cell) => cell.trim() === '')) {
    return { ok: false, message: `${Source} is empty: there is nothing to import.` };
  }
  // Blank lines in the middle stay (they keep the line numbers right); the preview skips them.
  if (rest.length === 0 || rest.every((row) => row.every((cell) => cell.trim() === ''))) {
    return {
      ok: false,
      message: `${Source} has a header row but no pupils under it.`,
    };
  }
  if (rest.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      message:
        `${Source} has ${plural(rest.length, 'row')} of pupils: import at most ` +
        `${MAX_IMPORT_ROWS.toLocaleString('en-GB')} at a time. Split it into smaller files ` +
        '(for example one for each year group) and import each one.',
    };
  }
  const notes: string[] = [];
  if (parsed.unclosedQuote) {
    notes.push(
      'A quotation mark (") in the file is never closed, so the end of the file may not have ' +
        'been read as intended: check the preview carefully.',
    );
  }
  const width = Math.max(...parsed.rows.map((row) => row.length));
  const headers = Array.from({ length: width }, (_, i) => header[i] ?? '');
  return { ok: true, loaded: { source, headers, rows: rest }, notes };
}

function build(root: HTMLElement): void {
  let loaded: Loaded | undefined;
  let mapping: ColumnMapping | undefined;
  let request = 0;
  let busy = false;

  const fileInput = h('input', {
    id: 'csv-file',
    name: 'csv-file',
    type: 'file',
    accept: '.csv,text/csv,text/plain',
    'aria-describedby': 'csv-file-hint',
  });
  const pasted = h('textarea', {
    id: 'csv-text',
    name: 'csv-text',
    rows: '4',
    spellcheck: 'false',
    'aria-describedby': 'csv-text-hint',
  });
  const readStatus = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const alert = h('div', { class: 'alert', role: 'alert', 'aria-live': 'assertive' });
  const mappingSection = h('section', { class: 'import-step', 'aria-labelledby': 'map-heading' });
  const previewSection = h('section', {
    class: 'import-step',
    'aria-labelledby': 'preview-heading',
  });
  const resultStatus = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  mappingSection.hidden = true;
  previewSection.hidden = true;

  root.replaceChildren(
    h('h1', {}, HEADING),
    h(
      'p',
      { class: 'intro' },
      "Add pupils from a CSV file saved from your school's information system (such as SIMS, " +
        'Arbor or Bromcom). Nothing is added until you have checked a preview and pressed Import.',
    ),
    resultStatus,
    alert,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'csv-file' }, 'CSV file'),
      h(
        'p',
        { class: 'hint', id: 'csv-file-hint' },
        'A .csv file whose first row names the columns, such as Forename, Surname, DOB.',
      ),
      fileInput,
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'csv-text' }, 'Or paste the CSV here'),
      h(
        'p',
        { class: 'hint', id: 'csv-text-hint' },
        'Copy the rows from a spreadsheet or text file, the row of column names first.',
      ),
      pasted,
    ),
    readStatus,
    mappingSection,
    previewSection,
  );

  // ---- reading ---------------------------------------------------------------------------------

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    pasted.value = '';
    if (file.size > MAX_FILE_BYTES) {
      showUnreadable(
        `${file.name} is too big to be a list of pupils (over 5 MB). Check that it is the right file.`,
      );
      return;
    }
    readStatus.textContent = `Reading ${file.name}…`;
    readFileText(file)
      .then((text) => useText(text, file.name))
      .catch(() =>
        showUnreadable(
          `${file.name} could not be read. Choose it again, or paste its text instead.`,
        ),
      );
  });

  let typing: ReturnType<typeof setTimeout> | undefined;
  pasted.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      if (pasted.value.trim() === '') {
        clearAll();
        return;
      }
      fileInput.value = '';
      useText(pasted.value, 'the pasted text');
    }, 300);
  });

  function useText(text: string, source: string): void {
    const result = readCsvText(text, source);
    if (!result.ok) {
      showUnreadable(result.message);
      return;
    }
    loaded = result.loaded;
    mapping = guessMapping(loaded.headers);
    alert.replaceChildren();
    resultStatus.replaceChildren();
    resultStatus.classList.remove('done');
    const found = PUPIL_FIELDS.filter((f) => (mapping?.[f] ?? -1) >= 0).length;
    readStatus.textContent =
      `Read ${plural(loaded.rows.length, 'row')} of pupils and ` +
      `${plural(loaded.headers.length, 'column')} from ${source}. ` +
      (found > 0
        ? 'Check which column holds each detail below, then press Preview.'
        : 'No column names were recognised: choose which column holds each detail below.');
    renderMapping(result.notes);
    clearPreview();
  }

  function showUnreadable(message: string): void {
    loaded = undefined;
    mapping = undefined;
    readStatus.textContent = '';
    alert.replaceChildren(h('p', {}, message));
    mappingSection.hidden = true;
    mappingSection.replaceChildren();
    clearPreview();
  }

  function clearAll(): void {
    loaded = undefined;
    mapping = undefined;
    fileInput.value = '';
    pasted.value = '';
    readStatus.textContent = '';
    alert.replaceChildren();
    mappingSection.hidden = true;
    mappingSection.replaceChildren();
    clearPreview();
  }

  // ---- matching columns ------------------------------------------------------------------------

  const selects = new Map<PupilField, HTMLSelectElement>();
  const errorNodes = new Map<PupilField, HTMLElement>();

  function renderMapping(notes: string[]): void {
    if (!loaded || !mapping) return;
    const { headers, rows } = loaded;
    selects.clear();
    errorNodes.clear();
    const fieldset = h(
      'fieldset',
      {},
      h('legend', {}, 'Which column holds each detail'),
      h(
        'p',
        { class: 'hint' },
        'The best guess is already chosen. Change any that are wrong; choose "Not in this file" ' +
          'for details the file does not have.',
      ),
    );
    for (const field of PUPIL_FIELDS) {
      const id = `map-${field}`;
      const required = REQUIRED_PUPIL_FIELDS.includes(field);
      const label = h('label', { for: id }, PUPIL_LABELS[field]);
      if (required) label.append(' ', h('span', { class: 'required' }, '(required)'));
      const select = h('select', { id, name: id });
      select.append(Object.assign(h('option', {}, 'Not in this file'), { value: '-1' }));
      headers.forEach((_, index) => {
        const sample = rows.find((row) => (row[index] ?? '').trim() !== '')?.[index]?.trim();
        const example = sample
          ? ` (e.g. ${sample.length > 24 ? `${sample.slice(0, 24)}…` : sample})`
          : '';
        select.append(
          Object.assign(h('option', {}, `${columnName(headers, index)}${example}`), {
            value: String(index),
          }),
        );
      });
      select.value = String(mapping[field]);
      const error = h('p', { class: 'error', id: `${id}-error`, hidden: true });
      select.addEventListener('change', () => {
        if (mapping) mapping[field] = Number(select.value);
        clearPreview();
        if (!error.hidden) showMappingErrors(currentMappingProblems(), false);
      });
      selects.set(field, select);
      errorNodes.set(field, error);
      fieldset.append(h('div', { class: 'field' }, label, select, error));
    }
    const preview = h('button', { type: 'button', class: 'primary' }, 'Preview');
    preview.addEventListener('click', runPreview);
    mappingSection.replaceChildren(
      h('h2', { id: 'map-heading' }, 'Columns'),
      h(
        'p',
        { class: 'columns-found' },
        `Columns found: ${headers.map((_, i) => columnName(headers, i)).join(', ')}.`,
      ),
      ...notes.map((note) => h('p', { class: 'hint' }, note)),
      fieldset,
      h(
        'p',
        { class: 'hint' },
        'Preview checks every row and shows what would be added. Nothing is added yet.',
      ),
      h('div', { class: 'actions' }, preview),
    );
    mappingSection.hidden = false;
  }

  function currentMappingProblems(): FieldErrors {
    if (!loaded || !mapping) return {};
    return mappingProblems(mapping, loaded.headers.length, loaded.headers);
  }

  function showMappingErrors(errors: FieldErrors, summarise: boolean): void {
    for (const field of PUPIL_FIELDS) {
      const select = selects.get(field);
      const error = errorNodes.get(field);
      if (!select || !error) continue;
      const message = errors[field];
      error.textContent = message ?? '';
      error.hidden = !message;
      if (message) {
        select.setAttribute('aria-invalid', 'true');
        select.setAttribute('aria-describedby', error.id);
      } else {
        select.removeAttribute('aria-invalid');
        select.removeAttribute('aria-describedby');
      }
    }
    if (!summarise) return;
    const listed = PUPIL_FIELDS.flatMap((field) => errors[field] ?? []);
    const other = Object.entries(errors)
      .filter(([key]) => !selects.has(key as PupilField))
      .map(([, message]) => message);
    alert.replaceChildren(
      h('p', {}, problemCount(listed.length + other.length)),
      h('ul', {}, ...[...listed, ...other].map((m) => h('li', {}, m))),
    );
    const first = PUPIL_FIELDS.find((field) => errors[field]);
    if (first) selects.get(first)?.focus();
  }

  // ---- preview, import, cancel -----------------------------------------------------------------

  function clearPreview(): void {
    request += 1;
    previewSection.hidden = true;
    previewSection.replaceChildren();
  }

  function runPreview(): void {
    if (!loaded || !mapping || busy) return;
    alert.replaceChildren();
    resultStatus.replaceChildren();
    resultStatus.classList.remove('done');
    const errors = currentMappingProblems();
    showMappingErrors(errors, Object.keys(errors).length > 0);
    if (Object.keys(errors).length > 0) return;
    const body = onlyMappedColumns(loaded.rows, mapping);
    const mine = (request += 1);
    previewSection.hidden = false;
    previewSection.replaceChildren(
      h('h2', { id: 'preview-heading' }, 'Preview'),
      h('p', { role: 'status', 'aria-live': 'polite' }, 'Checking every row…'),
    );
    callServer('previewPupilImport', body)
      .then((preview) => {
        if (mine !== request) return; // the file or the columns changed meanwhile
        if (!preview.ok) {
          clearPreview();
          showMappingErrors(preview.errors, false);
          alert.replaceChildren(h('p', {}, preview.message));
          return;
        }
        renderPreview(preview, body);
      })
      .catch((error: unknown) => {
        if (mine !== request) return;
        clearPreview();
        alert.replaceChildren(h('p', {}, (error as Error).message));
      });
  }

  function renderPreview(
    preview: Extract<PupilImportPreview, { ok: true }>,
    body: { rows: string[][]; mapping: ColumnMapping },
  ): void {
    const { counts } = preview;
    const heading = h('h2', { id: 'preview-heading', tabindex: '-1' }, 'Preview');
    const summary = h(
      'ul',
      { class: 'import-counts' },
      h('li', {}, `${plural(counts.valid, 'pupil')} ready to add`),
    );
    if (counts.invalid > 0) {
      summary.append(
        h('li', {}, `${plural(counts.invalid, 'row')} with problems, which will be skipped`),
      );
    }
    if (counts.duplicates > 0) {
      summary.append(
        h(
          'li',
          {},
          `${plural(counts.duplicates, 'pupil')} already on the Pupils tab or earlier in the ` +
            'file, which will be skipped',
        ),
      );
    }
    if (counts.blank > 0)
      summary.append(h('li', {}, `${plural(counts.blank, 'blank row')} skipped`));

    const parts: Node[] = [heading, summary];
    if (preview.valid.length > 0) {
      parts.push(
        listSection(
          'Ready to add',
          preview.valid.map((row) => h('li', {}, `Line ${row.line}: ${row.summary}`)),
        ),
      );
    }
    if (preview.invalid.length > 0) {
      parts.push(
        listSection(
          'Rows with problems',
          preview.invalid.map((row) =>
            h(
              'li',
              {},
              `Line ${row.line}:`,
              h('ul', {}, ...row.reasons.map((reason) => h('li', {}, reason))),
            ),
          ),
          'Fix these in the file and import it again: the pupils added now will be skipped then.',
        ),
      );
    }
    if (preview.duplicates.length > 0) {
      parts.push(
        listSection(
          'Already there',
          preview.duplicates.map((row) =>
            h('li', {}, `Line ${row.line}: ${row.name}, the same as ${row.matches}`),
          ),
        ),
      );
    }

    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    cancel.addEventListener('click', () => {
      if (busy) return;
      clearAll();
      resultStatus.classList.remove('done');
      resultStatus.replaceChildren(h('p', {}, 'Cancelled: nothing was imported.'));
      fileInput.focus();
    });
    const actions = h('div', { class: 'actions import-actions' });
    if (counts.valid > 0) {
      const importButton = h(
        'button',
        { type: 'button', class: 'primary' },
        importLabel(counts.valid),
      );
      importButton.addEventListener('click', () => runImport(body, importButton, cancel));
      actions.append(importButton);
    } else {
      parts.push(h('p', {}, 'There is nobody new to add from this file.'));
    }
    actions.append(cancel);
    parts.push(actions);
    previewSection.replaceChildren(...parts);
    previewSection.hidden = false;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }

  function listSection(title: string, items: HTMLElement[], hint?: string): HTMLElement {
    const list = h('ul', { class: 'import-list' }, ...items.slice(0, SHOWN));
    const section = h(
      'div',
      { class: 'import-group' },
      h('h3', {}, `${title} (${items.length.toLocaleString('en-GB')})`),
    );
    if (hint) section.append(h('p', { class: 'hint' }, hint));
    section.append(list);
    if (items.length > SHOWN) {
      section.append(
        h('p', { class: 'hint' }, `and ${(items.length - SHOWN).toLocaleString('en-GB')} more`),
      );
    }
    return section;
  }

  function runImport(
    body: { rows: string[][]; mapping: ColumnMapping },
    button: HTMLButtonElement,
    cancel: HTMLButtonElement,
  ): void {
    if (busy) return;
    busy = true;
    const label = button.textContent ?? '';
    button.disabled = true;
    cancel.disabled = true;
    button.textContent = 'Importing…';
    callServer('importPupils', body)
      .then((result) => {
        if (!result.ok) {
          alert.replaceChildren(h('p', {}, result.message));
          showMappingErrors(result.errors, false);
          clearPreview();
          return;
        }
        clearAll();
        resultStatus.classList.add('done');
        resultStatus.replaceChildren(h('p', {}, result.message));
        fileInput.focus();
      })
      .catch((error: unknown) => {
        alert.replaceChildren(h('p', {}, (error as Error).message));
        button.textContent = label;
        button.disabled = false;
        cancel.disabled = false;
        button.focus();
      })
      .finally(() => {
        busy = false;
      });
  }
}

/** The file's text: UTF-8, or Windows-1252 when it is not valid UTF-8 (older Excel "CSV"). */
function readFileText(file: File): Promise<string> {
  const read = (encoding: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result ?? ''));
      reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
      reader.readAsText(file, encoding);
    });
  return read('utf-8').then((text) => (text.includes('\uFFFD') ? read('windows-1252') : text));
}
