/** Reading CSV text as spreadsheets and MIS exports (SIMS, Arbor, Bromcom…) write it. */

export interface ParsedCsv {
  /** Every record, the header row first; rows may differ in length. Trailing blank lines dropped. */
  rows: string[][];
  delimiter: ',' | ';' | '\t';
  /** True when a quoted value was never closed (the rest of the file was read into it). */
  unclosedQuote: boolean;
}

/** Which separator the first line uses most, outside quotes: comma, semicolon or tab. */
function detectDelimiter(text: string): ParsedCsv['delimiter'] {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * Parses CSV text as spreadsheets and MIS exports write it: quoted values may hold separators,
 * doubled quotes ("") and new lines; lines end in LF, CRLF or CR; a byte-order mark is ignored;
 * the separator is a comma, a semicolon (Excel in many European locales) or a tab.
 */
export function parseCsv(input: string): ParsedCsv {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let i = 0;
  const endField = (): void => {
    row.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += char;
      }
      i += 1;
      continue;
    }
    if (char === '"' && !wasQuoted && field.trim() === '') {
      // An opening quote (spaces before it, as some tools write, are dropped).
      field = '';
      quoted = true;
      wasQuoted = true;
    } else if (char === delimiter) {
      endField();
    } else if (char === '\r' || char === '\n') {
      endRow();
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      field += char;
    }
    i += 1;
  }
  const unclosedQuote = quoted;
  if (field !== '' || wasQuoted || row.length > 0) endRow();
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell.trim() === '')) rows.pop();
  return { rows, delimiter, unclosedQuote };
}
