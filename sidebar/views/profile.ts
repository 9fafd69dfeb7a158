/**
 * The pupil profile: choose a pupil, then read who they are (needs in words), their current and
 * past interventions, the reviews due, the time they spend away from lessons each week and any
 * good-practice warnings. Read-only: it changes nothing in the sheet.
 */
import type {
  ProfileLessonTime,
  ProfilePlace,
  ProfileResult,
  ProfileReview,
  PupilChoice,
  PupilProfile,
} from '../../src/api/participants-contract';
import { h } from '../dom';
import { loadThen, selectControl } from '../form-kit';
import { callServer } from '../server';

const HEADING = 'Pupil profile';

/** "Amy Brown (Year 4)". */
export function pupilLabel(pupil: PupilChoice): string {
  return pupil.yearGroup ? `${pupil.name} (${pupil.yearGroup})` : pupil.name;
}

/** "Year 4, working at Year 2". */
export function yearText(yearGroup: string, workingAt: string): string {
  const year = yearGroup || 'Not recorded';
  return workingAt ? `${year}, working at ${workingAt}` : year;
}

/** The rows of a description list, leaving out those with nothing to say. */
export function facts(rows: readonly (readonly [string, string])[]): [string, string][] {
  return rows.filter(([, value]) => value.trim() !== '').map(([k, v]) => [k, v]);
}

export function render(root: HTMLElement): void {
  loadThen(
    root,
    HEADING,
    () => callServer('getProfileOptions'),
    (options) => renderPicker(root, options.pupils),
  );
}

function renderPicker(root: HTMLElement, pupils: PupilChoice[]): void {
  if (pupils.length === 0) {
    root.replaceChildren(
      h('h1', {}, HEADING),
      h(
        'p',
        {},
        'There are no pupils yet. Add them first: in the add-on menu, choose "Add or edit a pupil…" or "Import pupils from a CSV file…".',
      ),
    );
    return;
  }
  const picker = selectControl(
    { id: 'pupil', name: 'pupil', 'aria-describedby': 'pupil-hint' },
    'Choose a pupil',
    pupils.map((p) => ({ value: p.id, label: pupilLabel(p) })),
  );
  const panel = h('div', { id: 'profile' });
  root.replaceChildren(
    h('h1', {}, HEADING),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'pupil' }, 'Pupil'),
      h(
        'p',
        { class: 'hint', id: 'pupil-hint' },
        'Their needs, interventions, reviews due and time away from lessons. Nothing here changes the sheet.',
      ),
      picker,
    ),
    panel,
  );

  let request = 0;
  const load = (): void => {
    const id = picker.value;
    const mine = (request += 1);
    panel.replaceChildren();
    if (id === '') return;
    panel.append(h('p', { role: 'status', 'aria-live': 'polite' }, 'Loading…'));
    callServer('getPupilProfile', id)
      .then((profile) => {
        if (mine === request) panel.replaceChildren(...profileView(profile));
      })
      .catch((error: unknown) => {
        if (mine !== request) return;
        const retry = h('button', { type: 'button', class: 'secondary' }, 'Try again');
        retry.addEventListener('click', load);
        panel.replaceChildren(
          h('div', { class: 'notice', role: 'alert' }, h('p', {}, (error as Error).message), retry),
        );
      });
  };
  picker.addEventListener('change', load);
}

function list(rows: [string, string][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    ...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
  );
}

function section(id: string, heading: string, ...content: Node[]): HTMLElement {
  return h(
    'section',
    { class: 'profile-section', 'aria-labelledby': id },
    h('h3', { id }, heading),
    ...content,
  );
}

function profileView(profile: PupilProfile): Node[] {
  const { pupil } = profile;
  const about = list(
    facts([
      ['Year group', yearText(pupil.yearGroup, pupil.workingAt)],
      ['SEN status', pupil.senStatus || 'Not recorded'],
      ['Primary need', pupil.primaryNeed || 'Not recorded'],
      ['Secondary need', pupil.secondaryNeed],
      ['Class teacher', pupil.classTeacher || 'Not recorded'],
    ]),
  );
  const nodes: Node[] = [
    h('h2', { id: 'profile-name', tabindex: '-1' }, pupil.name),
    about,
    section(
      'current-heading',
      'Current interventions',
      ...(profile.current.length === 0
        ? [h('p', {}, 'No current interventions.')]
        : [h('ul', { class: 'places' }, ...profile.current.map(currentPlace))]),
    ),
    section(
      'past-heading',
      'Past interventions',
      ...(profile.past.length === 0
        ? [h('p', {}, 'No past interventions.')]
        : [h('ul', { class: 'places' }, ...profile.past.map(pastPlace))]),
    ),
    section(
      'reviews-heading',
      'Reviews due',
      ...(profile.reviewsDue.length === 0
        ? [h('p', {}, 'No reviews due.')]
        : [
            h(
              'ul',
              { class: 'reviews-due' },
              ...profile.reviewsDue.map((r) => {
                const [when, what] = reviewDueText(r);
                return h(
                  'li',
                  r.overdue ? { class: 'overdue' } : {},
                  r.overdue ? h('strong', {}, when) : when,
                  `: ${what}`,
                );
              }),
            ),
          ]),
    ),
    section('time-heading', 'Time away from lessons', ...lessonTime(profile)),
  ];
  if (profile.warnings.length > 0) {
    nodes.push(
      section(
        'warnings-heading',
        'Good-practice warnings',
        h('ul', { class: 'warnings' }, ...profile.warnings.map((w) => h('li', {}, w))),
      ),
    );
  }
  return nodes;
}

/**
 * A review still to do, as when and what: ["Overdue since 7 December 2026", "Mid-point review,
 * Number sense"], or ["Due 14 December 2026", …] when its date has not passed yet.
 */
export function reviewDueText(review: ProfileReview): [string, string] {
  const when =
    review.dueDate === ''
      ? 'No date set'
      : review.overdue
        ? `Overdue since ${review.dueDate}`
        : `Due ${review.dueDate}`;
  const what = `${review.kind ? `${review.kind} review` : 'Review'}, ${review.intervention}`;
  return [when, what];
}

/** "Mid-point review, 14 December 2026: 7/10". */
export function resultText(result: ProfileResult): string {
  const when = [result.kind ? `${result.kind} review` : 'Review', result.date]
    .filter(Boolean)
    .join(', ');
  return `${when}: ${result.result}`;
}

/** "Yes", "Partly", "No": whether the target was met, in a sentence for the list. */
export function targetMetText(targetMet: string): string {
  const answer = targetMet.trim().toLowerCase();
  if (answer === 'yes') return 'Yes, met';
  if (answer === 'partly') return 'Partly met';
  if (answer === 'no') return 'No, not met';
  return targetMet;
}

/** The baseline, each result with its date, the target, the outcome and the views. */
function progressFacts(place: ProfilePlace, none: string): [string, string][] {
  return facts([
    ['Baseline', place.baseline || none],
    ...place.results.map((r): [string, string] => ['Result', resultText(r)]),
    ['Target', place.target || none],
    ['Outcome', place.outcome],
    ['Target met', targetMetText(place.targetMet)],
    ['Pupil’s view', place.pupilView],
    ['Parents’ view', place.parentsView],
  ]);
}

function currentPlace(place: ProfilePlace): HTMLElement {
  return h(
    'li',
    {},
    h('h4', {}, place.name),
    list(
      facts([
        ['Status', place.status],
        ['Lead', place.lead],
        ['Start date', place.startDate],
        ['Sessions', place.sessions],
        ['Lesson missed', place.lessonMissed],
        ...progressFacts(place, 'Not recorded yet'),
        ['Latest result', place.results.length === 0 ? place.actual : ''],
        ['Parents informed', place.consentRecorded ? 'Recorded' : 'Not recorded yet'],
      ]),
    ),
  );
}

function pastPlace(place: ProfilePlace): HTMLElement {
  return h(
    'li',
    {},
    h('h4', {}, place.name),
    list(
      facts([
        ['Status', place.status],
        ['Lead', place.lead],
        ['Start date', place.startDate],
        ...progressFacts(place, 'Not recorded'),
        // Older places have only the actual result typed on the Participants tab.
        ['Actual', place.results.length === 0 ? place.actual || 'Not recorded' : ''],
        ['Evaluation', place.evaluation],
        ['Further action', place.furtherAction],
      ]),
    ),
  );
}

function lessonTime(profile: PupilProfile): Node[] {
  if (profile.lessonTime.length === 0) {
    return [h('p', {}, 'No lesson time is missed for interventions.')];
  }
  const row = (entry: ProfileLessonTime) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, entry.subject),
      h('td', {}, `${entry.text} (${entry.interventions.join(', ')})`),
    );
  return [
    h(
      'table',
      { class: 'lesson-time' },
      h('caption', { class: 'hint' }, 'Minutes a week, from current interventions'),
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, 'Lesson'), h('th', { scope: 'col' }, 'Time a week')),
      ),
      h('tbody', {}, ...profile.lessonTime.map(row)),
      h(
        'tfoot',
        {},
        h('tr', {}, h('th', { scope: 'row' }, 'Total'), h('td', {}, profile.lessonTimeTotal.text)),
      ),
    ),
  ];
}
