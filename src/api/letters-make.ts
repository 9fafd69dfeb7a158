/**
 * One pupil's letter, given the facts a run has read: the checks (still in the intervention, on
 * the Pupils tab, the review the letter reports on recorded), then the Doc (the built-in layout,
 * or the school's own template named on the Settings tab, opened once a run), filed in the user's
 * folder for the school year (found once a run). Nothing here writes to the sheet: the run writes
 * every link at its end (letters-batch.ts). A problem with one pupil's letter is that pupil's
 * result, in words; only a failure to keep the run's notes stops the run.
 */
import { startOfDay } from 'date-fns';
import { letterNotYetReason } from '../domain/letter-gate';
import {
  LETTER_KIND_INFO,
  buildLetter,
  letterDocName,
  placeholderValues,
  type LetterKind,
} from '../domain/letters';
import { isRemovedStatus } from '../domain/participant';
import {
  createDocFromBlocks,
  createDocFromTemplate,
  docUrl,
  moveDocTo,
  openTemplate,
  trashDoc,
  yearFolder,
} from '../services/docs';
import { fullName, letterFacts, type LetterGroup } from './letters-read';
import type { LetterNotes } from './letters-notes';

type Document = GoogleAppsScript.Document.Document;

/** What one run shares between its letters. */
export interface LetterRun {
  kind: LetterKind;
  user: string;
  today: Date;
  folderName: string;
  notes: LetterNotes;
  /** Places whose unfinished Doc of an earlier attempt was put in the bin. */
  binned: Set<string>;
  /** The year folder, or why there is none (looked up at the first letter). */
  folder?: GoogleAppsScript.Drive.Folder | string;
  templates: Map<string, Document | Error>;
}

export interface LetterMadeFor {
  ok: true;
  participantId: string;
  /** The pupil's full name. */
  pupil: string;
  docName: string;
  url: string;
  /** The letter's link before (kept in the Audit log). */
  previous: string;
  unknownPlaceholders: string[];
  warnings: string[];
  /** Why it is in My Drive rather than the year folder ('' when filed). */
  folderProblem: string;
}

export interface LetterRefusedFor {
  ok: false;
  participantId: string;
  /** The pupil's full name ('' when the place is not on the sheet). */
  pupil: string;
  /** Why, to follow the pupil's name: "their mid-point review has not been recorded yet…". */
  reason: string;
  /** The same as a sentence of its own: "No mid-point letter was made for Amy Brown: …". */
  message: string;
}

export type LetterOutcome = LetterMadeFor | LetterRefusedFor;

/** The run's notes could not be written: the run stops (its retry finishes it). */
export class NotesError extends Error {}

export function makeLetterFor(
  run: LetterRun,
  group: LetterGroup,
  participantId: string,
): LetterOutcome {
  const info = LETTER_KIND_INFO[run.kind];
  const what = `${info.label.toLowerCase()} letter`;
  const refuse = (pupil: string, reason: string, message?: string): LetterRefusedFor => ({
    ok: false,
    participantId,
    pupil,
    reason,
    message: message ?? `No ${what} was made for ${pupil}: ${reason}`,
  });

  const place = group.places.get(participantId);
  if (!place || isRemovedStatus(place.text('Status'))) {
    return refuse(
      '',
      'no longer in the intervention on the Participants tab. Choose the intervention again.',
      `No ${what} was made: this pupil is no longer in the intervention on the Participants tab. Choose the intervention again.`,
    );
  }
  const pupilRow = group.pupils.get(place.text('Pupil ID'));
  if (!pupilRow) {
    const who = place.text('Pupil ID') || participantId;
    return refuse(who, 'the pupil is not on the Pupils tab.');
  }
  const pupil = fullName(pupilRow);
  const intervention = group.interventions.get(place.text('Intervention ID'));
  if (!intervention) {
    return refuse(pupil, 'the intervention is no longer on the Interventions tab.');
  }
  if (!group.hasPlaceColumn(info.column)) {
    return refuse(
      pupil,
      `the Participants tab has no "${info.column}" column. Choose "Set up provision map" from the add-on menu to add it.`,
    );
  }
  const facts = letterFacts(group, place, pupilRow, intervention, startOfDay(run.today));
  const notYet = letterNotYetReason(run.kind, {
    name: pupil,
    midPoint: facts.midPoint,
    end: facts.end,
    placeStatus: place.text('Status'),
    interventionStatus: intervention.text('Status'),
  });
  if (notYet) return refuse(pupil, notYet);

  const docName = letterDocName(facts, run.kind);
  const previous = place.text(info.column);
  const warnings =
    facts.schoolName.trim() === ''
      ? [
          `The letter does not name the school: "School name" on the Settings tab is blank. Type the school's name there, then make the letter again.`,
        ]
      : [];
  const made = (url: string, unknown: string[], folderProblem: string): LetterMadeFor => ({
    ok: true,
    participantId,
    pupil,
    docName,
    url,
    previous,
    unknownPlaceholders: unknown,
    warnings,
    folderProblem,
  });

  // An earlier attempt of this request made it and was cut off before linking it.
  const earlier = run.notes.own(participantId);
  if (earlier?.ready) {
    try {
      return made(docUrl(earlier.docId), [], '');
    } catch {
      run.notes.binOwn(participantId);
      run.binned.add(participantId);
    }
  } else if (earlier) {
    run.notes.binOwn(participantId);
    run.binned.add(participantId);
  }

  const templateUrl = group.settings.get(info.templateSetting.toLowerCase()) ?? '';
  let template: Document | undefined;
  if (templateUrl !== '') {
    const opened = templateFor(run, templateUrl);
    if (opened instanceof Error) {
      return refuse(
        pupil,
        docsProblem(
          opened,
          `the school's own template (Settings tab, "${info.templateSetting}") could not be opened: check that the link is right and that you can open that Doc, or clear the setting to use the built-in letter.`,
        ),
      );
    }
    template = opened;
  }
  // Noted the moment it exists, before anything is written in it.
  let created: Document | undefined;
  let docId = '';
  const note = (doc: Document): void => {
    created = doc;
    docId = doc.getId();
    try {
      run.notes.made(participantId, docId);
    } catch (err) {
      throw new NotesError(errorText(err));
    }
  };
  try {
    let doc: Document;
    let unknown: string[] = [];
    if (template) {
      ({ doc, unknown } = createDocFromTemplate(
        docName,
        template,
        placeholderValues(facts, run.kind),
        note,
      ));
    } else {
      doc = createDocFromBlocks(docName, buildLetter(facts, run.kind).blocks, note);
    }
    const url = doc.getUrl();
    doc.saveAndClose();
    const folderProblem = fileIt(run, docId);
    run.notes.ready(participantId);
    return made(url, unknown, folderProblem);
  } catch (err) {
    if (created) {
      try {
        trashDoc(docId || (created as Document).getId());
        run.notes.forget(participantId);
      } catch {
        // Still noted: the next attempt puts it in the bin.
      }
    }
    if (err instanceof NotesError) throw err;
    return refuse(pupil, docsProblem(err, ''));
  }
}

function templateFor(run: LetterRun, url: string): Document | Error {
  let template = run.templates.get(url);
  if (!template) {
    try {
      template = openTemplate(url);
    } catch (err) {
      template = err instanceof Error ? err : new Error(errorText(err));
    }
    run.templates.set(url, template);
  }
  return template;
}

/** Files the Doc in the year folder; returns why it is in My Drive instead ('' when filed). */
function fileIt(run: LetterRun, docId: string): string {
  const problem = `It could not be put in your "${run.folderName}" folder, so it is in your My Drive.`;
  if (run.folder === undefined) {
    try {
      run.folder = yearFolder(run.folderName, run.user);
    } catch {
      run.folder = problem;
    }
  }
  if (typeof run.folder === 'string') return run.folder;
  try {
    moveDocTo(docId, run.folder);
    return '';
  } catch {
    return problem;
  }
}

function docsProblem(err: unknown, otherwise: string): string {
  const text = errorText(err);
  if (/too many times|quota|limit/i.test(text)) {
    return `Google's daily limit on new Docs has been reached (${text}). Try again tomorrow.`;
  }
  return otherwise || `Google Docs could not make it (${text}). Try again later.`;
}

/** An error's own words (Apps Script's service errors may come from another realm than Error). */
export function errorText(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(err);
}
