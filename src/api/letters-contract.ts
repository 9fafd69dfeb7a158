/** Letters to parents as Google Docs: the start, the mid-point and the end of an intervention. */
export type LetterKind = 'start' | 'mid-point' | 'end';

export interface LetterPupil {
  participantId: string;
  /** "Amy Brown (Year 3)". */
  label: string;
  /** Links to the latest letter of each kind ('' when none yet). */
  links: Record<LetterKind, string>;
}

export interface LetterOptions {
  workbookReady: boolean;
  interventions: { id: string; label: string }[];
  /** The placeholders a school's own template may use, with what each becomes. */
  placeholders: { name: string; description: string }[];
}

export interface LetterPupils {
  workbookReady: boolean;
  interventionId: string;
  pupils: LetterPupil[];
}

export type LetterResult =
  | {
      ok: true;
      participantId: string;
      /** The new Doc's name and link. */
      name: string;
      url: string;
      /** Placeholders in the school's template that the add-on does not know (left as typed). */
      unknownPlaceholders: string[];
      /** What to check before sending it (e.g. the school's name is missing from Settings). */
      warnings: string[];
      message: string;
    }
  | { ok: false; participantId: string; message: string };

export interface LetterApi {
  getLetterOptions(): LetterOptions;
  getLetterPupils(interventionId: string): LetterPupils;
  /** Generates one letter (a new Doc; earlier versions are kept) and links it on the pupil's row. */
  generateLetter(request: { participantId: string; kind: LetterKind }): LetterResult;
}
