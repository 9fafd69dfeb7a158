/**
 * Text on the intervention sheet that is written for staff, kept out of letters to parents. Older
 * versions pre-filled an intervention's Summary with the Provision library's internal notes
 * ("Area of need: … Usually a group of 4. Resources cost about £45.00. Training needed: …") and its
 * Rationale with "Evidence (strong): … See https://…"; sheets saved then still hold that text, so
 * it is recognised here by its fixed wording and dropped, whatever else staff typed around it.
 */

/** The sentences the old library pre-fill wrote into a Summary, each as it was worded. */
const INTERNAL_SUMMARY: readonly RegExp[] = [
  /Area of need:[^.]*\.(?=\s|$)/g,
  /Usually (?:one pupil at a time|a group of \d+)\.(?=\s|$)/g,
  /Resources cost about £[\d,]+(?:\.\d{2})?\.(?=\s|$)/g,
  /No special training needed\.(?=\s|$)/g,
  /Training needed:.*?\.(?=\s|$)/gs,
];

/** An intervention's Summary without the library's internal notes ('' when nothing else is left). */
export function parentSummary(summary: string): string {
  let text = summary;
  for (const pattern of INTERNAL_SUMMARY) text = text.replace(pattern, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

const WEB_ADDRESS = /\bhttps?:\/\/[^\s<>"')]+[^\s<>"').,;:!?]/gi;

/** The web addresses in a text, each once, in order. */
export function webAddresses(text: string): string[] {
  return [...new Set(text.match(WEB_ADDRESS) ?? [])];
}

/** A text without its web addresses (and the "See" or "(…)" that introduced them). */
export function withoutWebAddresses(text: string): string {
  return text
    .replace(/\(\s*(?:see\s+)?https?:\/\/[^)]*\)/gi, ' ')
    .replace(/\b(?:see|at|visit)\s*:?\s+(?=https?:\/\/)/gi, ' ')
    .replace(WEB_ADDRESS, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.,;:]\s*/, '')
    .replace(/[,;:]$/, '.');
}

export interface RationaleParts {
  /** What the school wrote about why, in its own words ('' when it was only the pre-fill). */
  ownWords: string;
  /** The evidence strength the old pre-fill named ("strong"), '' when none. */
  strength: string;
  /** The web addresses it gave. */
  links: string[];
}

/** "Evidence (moderate): …", "Evidence (strong)." or "Evidence: …" at the start: the old pre-fill. */
const PREFILL = /^\s*Evidence(?:\s*\(([^)]*)\))?\s*(?::|\.(?=\s|$))/i;

/**
 * A Rationale split into the school's own words, the evidence strength of the old pre-fill, and its
 * links. The pre-fill's evidence note (research wording, for staff) is dropped: the letter says in
 * one plain sentence what the evidence is; `libraryNote` is the note it came from, when known, so
 * whatever staff added after it is kept.
 */
export function rationaleParts(rationale: string, libraryNote = ''): RationaleParts {
  const links = webAddresses(rationale);
  const prefill = PREFILL.exec(rationale);
  if (!prefill) return { ownWords: withoutWebAddresses(rationale), strength: '', links };
  const strength = (prefill[1] ?? '').trim().toLowerCase();
  let rest = withoutWebAddresses(rationale.slice(prefill[0].length));
  const note = libraryNote.trim().replace(/[.!?]$/, '');
  if (note !== '' && rest.toLowerCase().startsWith(note.toLowerCase())) {
    rest = rest.slice(note.length).replace(/^[.!?]?\s*/, '');
  } else {
    // Without the library entry, the note cannot be told from anything after it: all goes.
    rest = '';
  }
  return { ownWords: rest.trim(), strength, links };
}
