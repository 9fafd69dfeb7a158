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

/** One kind of letter for several pupils: the places listed, or every pupil of an intervention. */
export interface LetterBatchRequest {
  /** The pupils' places, in the order their letters are made. */
  participantIds?: string[];
  /** Or every pupil still in this intervention (when no places are listed). */
  interventionId?: string;
  kind: LetterKind;
}

export interface LetterBatchMade {
  participantId: string;
  /** The pupil's name ("Amy Brown"). */
  pupil: string;
  /** The new Doc's name and link. */
  name: string;
  url: string;
  unknownPlaceholders: string[];
  warnings: string[];
}

export interface LetterBatchFailed {
  participantId: string;
  /** The pupil's name ('' when their place is not on the sheet). */
  pupil: string;
  /** Why, in words that follow the pupil's name: "their mid-point review has not been…". */
  reason: string;
}

export type LetterBatchResult =
  | {
      ok: true;
      kind: LetterKind;
      made: LetterBatchMade[];
      failed: LetterBatchFailed[];
      /** Places whose letters this run had no time left to start: ask again for them. */
      remaining: string[];
      /** About the run as a whole (the year folder, copies put in the bin), in words. */
      notes: string[];
      message: string;
    }
  | { ok: false; message: string };

export interface LetterApi {
  getLetterOptions(): LetterOptions;
  getLetterPupils(interventionId: string): LetterPupils;
  /** Generates one letter (a new Doc; earlier versions are kept) and links it on the pupil's row. */
  generateLetter(request: { participantId: string; kind: LetterKind }): LetterResult;
  /**
   * Makes one kind of letter for a group in one run, for as long as one run may last; what it had
   * no time to start comes back in `remaining`, for the next call.
   */
  generateLetters(request: LetterBatchRequest): LetterBatchResult;
}
