/**
 * "Letters for the whole group": one kind of letter for every pupil listed, made by the server in
 * as few runs as Apps Script's 6-minute limit allows. Between runs the panel says how many are
 * made; at the end, a summary names each pupil whose letter was not made, with the reason. A run
 * that fails (cut off, or the connection lost) is sent again once, unchanged, so the server
 * finishes it without making any letter twice; if it fails again, a button sends it once more.
 */
import type { LetterBatchResult, LetterKind } from '../../src/api/letters-contract';
import { h } from '../dom';
import { selectControl } from '../form-kit';
import { callServer } from '../server';
import {
  KINDS,
  KIND_LABELS,
  checkBox,
  linkLetter,
  unknownBox,
  type PupilRow,
} from './letters-parts';

/** "Make 1 letter", "Make 15 letters". */
export function makeLabel(count: number): string {
  return count === 1 ? 'Make 1 letter' : `Make ${count} letters`;
}

/** While the first run works: how long to expect (a letter takes a few seconds). */
export function startText(total: number): string {
  const minutes = Math.round((total * 3) / 60);
  const time = minutes <= 1 ? 'about a minute' : `about ${minutes} minutes`;
  return total === 1
    ? 'Making the letter…'
    : `Making ${total} letters: this takes ${time}. Keep this panel open.`;
}

/** Between runs: "12 of 30 letters made…". */
export function progressText(made: number, total: number): string {
  return `${made} of ${total} ${total === 1 ? 'letter' : 'letters'} made…`;
}

/** The group's summary: "Made all 15 letters.", "Made 14 of 15 letters.", "Made both letters.". */
export function summaryText(made: number, total: number): string {
  const noun = total === 1 ? 'letter' : 'letters';
  if (made === total) {
    if (total === 1) return 'Made the letter.';
    return total === 2 ? 'Made both letters.' : `Made all ${total} letters.`;
  }
  if (made === 0)
    return total === 1 ? 'The letter was not made.' : `None of the ${total} letters were made.`;
  return `Made ${made} of ${total} ${noun}.`;
}

type Batch = Extract<LetterBatchResult, { ok: true }>;

/** What the runs so far add up to. */
interface Tally {
  made: number;
  failed: { name: string; reason: string }[];
  unknown: Set<string>;
  toCheck: Set<string>;
  notes: Set<string>;
  /** Why the runs stopped before the end, and the places they did not reach. */
  stopped?: { message: string; todo: string[] };
}

export function groupSection(
  rows: PupilRow[],
  setBusy: (on: boolean) => void,
  isBusy: () => boolean,
): HTMLElement {
  const total = rows.length;
  const byId = new Map(rows.map((row) => [row.pupil.participantId, row]));
  const kind = selectControl(
    { id: 'group-kind', name: 'group-kind', 'aria-describedby': 'group-kind-hint' },
    undefined,
    KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
  );
  const make = h('button', { type: 'button', class: 'primary' }, makeLabel(total));
  const progress = h('progress', { max: String(total), 'aria-label': 'Letters made' });
  const live = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const progressBox = h('div', { class: 'letter-progress', hidden: true }, progress);

  const say = (text: string): void => {
    live.classList.remove('done');
    live.replaceChildren(h('p', {}, text));
  };

  /** Runs until every letter is made or reported; `todo` goes to the server unchanged. */
  const runs = (letterKind: LetterKind, todo: string[], tally: Tally): Promise<void> => {
    const send = (again: boolean): Promise<void> =>
      callServer('generateLetters', { participantIds: todo, kind: letterKind }).then(
        (result) => {
          if (!result.ok) {
            tally.stopped = { message: result.message, todo };
            return undefined;
          }
          record(result, tally);
          const done = tally.made + tally.failed.length;
          progress.value = done;
          if (result.remaining.length === 0) return undefined;
          if (result.made.length + result.failed.length === 0) {
            tally.stopped = { message: result.message, todo: result.remaining };
            return undefined;
          }
          say(progressText(tally.made, total));
          return runs(letterKind, result.remaining, tally);
        },
        (error: unknown) => {
          // Sent again unchanged, it carries the same request ID: the server finishes that run.
          if (!again) return send(true);
          tally.stopped = { message: (error as Error).message, todo };
          return undefined;
        },
      );
    return send(false);
  };

  const record = (result: Batch, tally: Tally): void => {
    for (const made of result.made) {
      tally.made += 1;
      const row = byId.get(made.participantId);
      if (row) linkLetter(row, result.kind, made.url);
      for (const name of made.unknownPlaceholders) tally.unknown.add(name);
      for (const warning of made.warnings) tally.toCheck.add(warning);
    }
    for (const failed of result.failed) {
      const row = byId.get(failed.participantId);
      const name = row?.pupil.label ?? (failed.pupil || failed.participantId);
      tally.failed.push({ name, reason: failed.reason });
    }
    for (const note of result.notes) tally.notes.add(note);
  };

  const finish = (letterKind: LetterKind, tally: Tally): void => {
    live.classList.toggle('done', tally.made === total);
    live.replaceChildren(h('p', {}, summaryText(tally.made, total)));
    if (tally.failed.length > 0) {
      live.append(
        h(
          'div',
          { class: 'notice' },
          h(
            'p',
            {},
            tally.failed.length === 1
              ? '1 letter was not made:'
              : `${tally.failed.length} letters were not made:`,
          ),
          h('ul', {}, ...tally.failed.map((f) => h('li', {}, `${f.name}: ${f.reason}`))),
        ),
      );
    }
    const stopped = tally.stopped;
    if (stopped) {
      const count = stopped.todo.length;
      const again = h(
        'button',
        { type: 'button', class: 'secondary' },
        count === 1 ? 'Make the last letter' : `Make the other ${count} letters`,
      );
      again.addEventListener('click', () => start(letterKind, stopped.todo, tally));
      live.append(
        h(
          'div',
          { class: 'notice' },
          h(
            'p',
            {},
            `${count === 1 ? 'One letter was' : `${count} letters were`} not made yet: ${stopped.message}`,
          ),
          again,
        ),
      );
    }
    for (const note of tally.notes) live.append(h('p', { class: 'hint' }, note));
    if (tally.unknown.size > 0) live.append(unknownBox([...tally.unknown]));
    if (tally.toCheck.size > 0) live.append(checkBox([...tally.toCheck]));
    live.scrollIntoView({ block: 'nearest' });
  };

  /** Makes the letters for `todo`: every pupil, or those a stopped run did not reach (`before`). */
  const start = (letterKind: LetterKind, todo: string[], before?: Tally): void => {
    if (isBusy()) return;
    setBusy(true);
    make.disabled = true;
    kind.disabled = true;
    progressBox.hidden = false;
    const tally: Tally = before
      ? { ...before, stopped: undefined }
      : { made: 0, failed: [], unknown: new Set(), toCheck: new Set(), notes: new Set() };
    // No value yet: the bar shows work going on until the first run answers.
    if (tally.made === 0) progress.removeAttribute('value');
    else progress.value = tally.made;
    say(tally.made === 0 ? startText(todo.length) : progressText(tally.made, total));
    live.scrollIntoView({ block: 'nearest' });
    void runs(letterKind, todo, tally).finally(() => {
      finish(letterKind, tally);
      setBusy(false);
      make.disabled = false;
      kind.disabled = false;
      if (document.activeElement === document.body) make.focus();
    });
  };

  make.addEventListener('click', () =>
    start(
      kind.value as LetterKind,
      rows.map((row) => row.pupil.participantId),
    ),
  );

  return h(
    'section',
    { class: 'letter-group', 'aria-labelledby': 'letter-group-heading' },
    h('h2', { id: 'letter-group-heading' }, 'Letters for the whole group'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'group-kind' }, 'Letter'),
      h(
        'p',
        { class: 'hint', id: 'group-kind-hint' },
        total === 1
          ? 'One letter for the pupil above.'
          : `One letter for each of the ${total} pupils above.`,
      ),
      kind,
    ),
    h('div', { class: 'actions' }, make),
    progressBox,
    live,
  );
}
