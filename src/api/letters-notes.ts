/**
 * A letter's Doc is made before its link is written on the sheet, and a run's links are written
 * together at its end. Between the two, the run keeps a note (one document property per request)
 * of each Doc it made: "made" the moment it exists, "ready" once it is filled, saved and filed.
 * So when a run is cut off (the 6-minute limit, a lost connection), its retry with the same
 * request ID links the ready Docs instead of making them again, and puts the unfinished one in the
 * bin: never two Docs for one letter, never a Doc with pupil data left nowhere. Notes of other
 * runs that are over (they failed, or were left long enough ago that Apps Script has surely ended
 * them) are settled by the next run for the same pupils: a Doc linked is forgotten, one not is
 * put in the bin. A run still making letters is left alone.
 */
import type { LetterKind } from '../domain/letters';
import { trashDoc } from '../services/docs';
import { documentProperties } from '../services/triggers';

const PREFIX = 'letters.batch.';
/** Notes the single-letter endpoint kept before runs did: one per pupil and kind. */
const OLD_PREFIX = 'letters.unlinked.';
/** A run that noted nothing for this long has ended (Apps Script stops one at 6 minutes). */
const ABANDONED_MS = 10 * 60 * 1000;

interface NoteValue {
  kind: LetterKind;
  /** When the note was last written (ms). */
  at: number;
  /** 1 once the run has ended (it failed): its Docs are for the next run to settle. */
  over?: number;
  /** Participant ID → [Doc ID, 1 when ready]. */
  docs: Record<string, [string, number]>;
}

export interface NotedDoc {
  docId: string;
  ready: boolean;
}

/** Another run's Doc for one of this run's letters. */
interface Leftover {
  key: string;
  participantId: string;
  docId: string;
}

export class LetterNotes {
  private readonly store = documentProperties();
  private readonly key: string;
  private readonly docs: Record<string, [string, number]>;
  private readonly leftovers: Leftover[] = [];
  private readonly others = new Map<string, NoteValue | undefined>();
  private dirty = false;

  /** Reads every note once (one call), for this request and these places. */
  constructor(
    requestKey: string,
    private readonly kind: LetterKind,
    places: ReadonlySet<string>,
    now: number,
  ) {
    this.key = `${PREFIX}${requestKey}`;
    const all = this.store.getProperties();
    const own = parse(all[this.key]);
    this.docs = own && own.kind === kind ? own.docs : {};
    for (const [key, value] of Object.entries(all)) {
      if (key.startsWith(OLD_PREFIX)) {
        const rest = key.slice(OLD_PREFIX.length);
        const participantId = rest.slice(0, rest.length - kind.length - 1);
        if (rest.endsWith(`.${kind}`) && places.has(participantId)) {
          this.leftovers.push({ key, participantId, docId: value });
        }
      } else if (key.startsWith(PREFIX) && key !== this.key) {
        const note = parse(value);
        if (!note || note.kind !== kind) continue;
        if (note.over !== 1 && now - note.at < ABANDONED_MS) continue;
        for (const [participantId, [docId]] of Object.entries(note.docs)) {
          if (!places.has(participantId)) continue;
          this.leftovers.push({ key, participantId, docId });
          this.others.set(key, note);
        }
      }
    }
  }

  /** What an earlier attempt of this request made for this place. */
  own(participantId: string): NotedDoc | undefined {
    const entry = this.docs[participantId];
    return entry ? { docId: entry[0], ready: entry[1] === 1 } : undefined;
  }

  /**
   * Settles every Doc other runs left for these places, given each place's current link: one
   * linked is forgotten, one not is put in the bin. Returns the places that had one binned.
   */
  settleLeftovers(linkOf: (participantId: string) => string): Set<string> {
    const binned = new Set<string>();
    for (const leftover of this.leftovers) {
      if (!linkOf(leftover.participantId).includes(leftover.docId)) {
        trashQuietly(leftover.docId);
        binned.add(leftover.participantId);
      }
      const note = this.others.get(leftover.key);
      if (note) delete note.docs[leftover.participantId];
      else this.store.deleteProperty(leftover.key);
    }
    for (const [key, note] of this.others) {
      if (!note || Object.keys(note.docs).length === 0) this.store.deleteProperty(key);
      else this.store.setProperty(key, JSON.stringify(note));
    }
    this.leftovers.length = 0;
    this.others.clear();
    return binned;
  }

  /** Puts an earlier attempt's unfinished Doc in the bin and forgets it. */
  binOwn(participantId: string): void {
    const entry = this.docs[participantId];
    if (!entry) return;
    trashQuietly(entry[0]);
    delete this.docs[participantId];
    this.dirty = true;
  }

  /** Notes a Doc the moment it exists (written at once, with whatever else changed). */
  made(participantId: string, docId: string): void {
    this.docs[participantId] = [docId, 0];
    this.write();
  }

  /** The Doc is filled, saved and filed: written with the next note, or by flush. */
  ready(participantId: string): void {
    const entry = this.docs[participantId];
    if (entry) entry[1] = 1;
    this.dirty = true;
  }

  /** A Doc that went in the bin. */
  forget(participantId: string): void {
    delete this.docs[participantId];
    this.dirty = true;
  }

  /** Writes what changed since the last write (e.g. the last Doc is ready). */
  flush(): void {
    if (this.dirty) this.write();
  }

  /**
   * The run failed: its note says so, so that the next run for these pupils, whatever its
   * request, settles the Docs noted (its own retry still links the ready ones).
   */
  abandon(): void {
    try {
      this.over = true;
      this.write();
    } catch {
      // Settled once the note is old enough instead.
    }
  }

  private over = false;

  private write(): void {
    if (Object.keys(this.docs).length === 0) this.store.deleteProperty(this.key);
    else {
      const value: NoteValue = { kind: this.kind, at: Date.now(), docs: this.docs };
      if (this.over) value.over = 1;
      this.store.setProperty(this.key, JSON.stringify(value));
    }
    this.dirty = false;
  }
}

/** The note of a run whose links are all written. */
export function forgetNote(requestKey: string): void {
  documentProperties().deleteProperty(`${PREFIX}${requestKey}`);
}

function parse(value: string | undefined): NoteValue | undefined {
  if (!value) return undefined;
  try {
    const note = JSON.parse(value) as NoteValue;
    return typeof note === 'object' && note !== null && typeof note.docs === 'object'
      ? note
      : undefined;
  } catch {
    return undefined;
  }
}

function trashQuietly(docId: string): void {
  try {
    trashDoc(docId);
  } catch {
    // Gone already, or not this user's to bin: nothing more to do.
  }
}
