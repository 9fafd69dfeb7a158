/**
 * Whether a person's "Trained in" (Staff tab) covers an intervention's programme. Staff write the
 * programme as they know it, so the names are matched by their main words, not letter for letter:
 *
 * - an item matches when it is the intervention's code, or its Provision library entry's ID (say
 *   "PT-SP" or "PRV-0003"), ignoring case and punctuation;
 * - or when it names the same programme as the intervention's name or its library entry's name:
 *   with case, punctuation, accents, anything in brackets and small words ("for", "and", "the" …)
 *   left out, every word of the shorter name appears in the longer, in the same order, and the
 *   shorter has at least two words (a one-word name must be the longer's first word). So
 *   "Language group" matches "Language for learning group", "Emotional literacy (1:1)" matches
 *   "Emotional literacy support (1:1)" and "Social skills group" matches "Friendship and social
 *   skills group", but "Social skills group" does not match "Fine motor skills group", nor
 *   "Spelling" "Precision teaching: spelling".
 */

/** Words that do not tell one programme from another. */
const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

/** Lower case, accents and punctuation dropped, words split on anything else. */
function plainWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/**
 * The words that name a programme: "Language for learning group (vocabulary)" → language,
 * learning, group. What is in brackets says who, how or which stage, so it is left out, unless
 * it is all there is.
 */
export function programmeWords(name: string): string[] {
  const outside = name.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  const all = plainWords(outside).length > 0 ? plainWords(outside) : plainWords(name);
  const main = all.filter((word) => !SMALL_WORDS.has(word));
  return main.length > 0 ? main : all;
}

/** Whether every word of `short` is in `long`, in the same order. */
function inOrderWithin(short: readonly string[], long: readonly string[]): boolean {
  let at = 0;
  for (const word of long) {
    if (word === short[at]) at += 1;
    if (at === short.length) return true;
  }
  return at === short.length;
}

/** Whether two names name the same programme (the rule above). */
export function sameProgramme(a: string, b: string): boolean {
  const x = programmeWords(a);
  const y = programmeWords(b);
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length === 0) return false;
  // One word alone ("Maths", "Group") would claim too many programmes, unless it leads the name.
  if (short.length === 1 && short[0] !== long[0]) return false;
  return inOrderWithin(short, long);
}

/** The same code: "pt-sp" is "PT SP". */
function sameCode(a: string, b: string): boolean {
  const x = plainWords(a).join(' ');
  return x !== '' && x === plainWords(b).join(' ');
}

export interface Programme {
  /** The intervention's name and its library entry's name ('' when none). */
  names: readonly string[];
  /** The intervention's code and its library entry's Provision ID ('' when none). */
  codes: readonly string[];
}

/**
 * The items of a "Trained in" cell: separated by commas, semicolons or new lines, except inside
 * brackets ("Speech and language therapy (HCPC, band 6)" is one item).
 */
export function trainedInItems(trainedIn: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let item = '';
  for (const character of trainedIn) {
    if (character === '(' || character === '[') depth += 1;
    if ((character === ')' || character === ']') && depth > 0) depth -= 1;
    if (depth === 0 && /[,;\n]/.test(character)) {
      items.push(item);
      item = '';
    } else {
      item += character;
    }
  }
  items.push(item);
  return items.map((i) => i.trim()).filter((i) => i !== '');
}

/** Whether any item of `trainedIn` is the programme, by code or by name. */
export function isTrainedIn(trainedIn: string, programme: Programme): boolean {
  return trainedInItems(trainedIn).some(
    (item) =>
      programme.codes.some((code) => sameCode(item, code)) ||
      programme.names.some((name) => name.trim() !== '' && sameProgramme(item, name)),
  );
}

/** Programme names to offer (the Provision library's), each once whatever its case, by name. */
export function programmeNames(names: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const trimmed = name.trim().replace(/\s+/g, ' ');
    const key = plainWords(trimmed).join(' ');
    if (key !== '' && !byKey.has(key)) byKey.set(key, trimmed);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }));
}

/**
 * "Trained in" with a programme added at the end, unless an item already names it, keeping what
 * is there as typed. It takes the separator the text already uses (commas or semicolons; semicolons
 * when the name itself holds a comma).
 */
export function withProgramme(trainedIn: string, programme: string): string {
  const name = programme.trim().replace(/\s+/g, ' ');
  const key = plainWords(name).join(' ');
  if (key === '') return trainedIn;
  if (trainedInItems(trainedIn).some((item) => plainWords(item).join(' ') === key)) {
    return trainedIn;
  }
  const text = trainedIn.trimEnd();
  if (text === '') return name;
  if (/[,;]$/.test(text)) return `${text} ${name}`;
  const commas = text.includes(',') && !text.includes(';') && !name.includes(',');
  return `${text}${commas ? ',' : ';'} ${name}`;
}
