/**
 * The school's name as the spreadsheet's name gives it, for set-up to pre-fill an empty "School
 * name" setting (letters and emails print it). Schools name the file after themselves, often with
 * the product's words or a note around it: "SEND provision map – Larkspur Lane Primary School
 * (demo)" gives "Larkspur Lane Primary School". A note in brackets is dropped only when it is one
 * of the usual notes about the file (demo, copy, trial, draft, a number), since a school's own name
 * may end in brackets ("St Anne's (VA)"). A name with nothing of the school's in it ("Provision
 * map", "Untitled spreadsheet") gives '' and the setting stays blank.
 */

const FILE_NOTE =
  /\s*[([]\s*(?:demo|copy|trial|test|testing|draft|example|sample|old|backup|archive|template|\d+)\s*[)\]]\s*$/i;

const SCHOOL_YEAR = /\b(?:19|20)\d{2}\s*[-–/]\s*(?:(?:19|20)?\d{2})\b/g;

/** "SEND provision map" before or after the school's name, with no dash between. */
const PRODUCT_WORDS_AT_START = /^(?:send\s+|sen\s+)?provision\s+maps?\b\s*(?:for\s+)?/i;
const PRODUCT_WORDS_AT_END = /\s*\b(?:send\s+|sen\s+)?provision\s+maps?$/i;

/** Words that name the file, not the school. */
const FILE_WORDS = new Set([
  'send',
  'sen',
  'senco',
  'provision',
  'provisions',
  'map',
  'maps',
  'mapping',
  'spreadsheet',
  'untitled',
  'copy',
  'of',
  'the',
  'and',
  'for',
  'our',
  'school',
  'year',
  'interventions',
  'intervention',
  'tracker',
  'demo',
  'trial',
]);

function onlyFileWords(part: string): boolean {
  const words = part
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  return words.every((w) => FILE_WORDS.has(w) || /^\d+$/.test(w));
}

export function schoolNameFromSpreadsheet(name: string): string {
  let text = name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^copy of\s+/i, '');
  for (let note = FILE_NOTE.exec(text); note; note = FILE_NOTE.exec(text)) {
    text = text.slice(0, note.index).trim();
  }
  const parts = text
    .replace(SCHOOL_YEAR, ' ')
    .split(/\s+[–—-]\s+|\s*[:|]\s+/)
    .map((part) =>
      part
        .trim()
        .replace(PRODUCT_WORDS_AT_START, '')
        .replace(PRODUCT_WORDS_AT_END, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((part) => part !== '' && !onlyFileWords(part));
  return parts.join(' – ');
}
