/**
 * What "Start a new school year…" tells the SENCo: the confirmation before anything changes, naming
 * each step with its counts and the archive tabs, and the message after (the rules:
 * new-year.ts). Dates in words, school years as schools write them ("2025-26").
 */
import { longDate } from './dates';
import { archiveTabName, schoolYearLabel, type NewYearPlan, type YearMove } from './new-year';

/** The working tabs whose rows move, as named in messages. */
export interface TabNames {
  interventions: string;
  participants: string;
  reviews: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

const quoted = (name: string) => `"${name}"`;

function withTheir(places: number, reviews: number): string {
  const parts = [
    places > 0 ? plural(places, 'pupil place') : '',
    reviews > 0 ? plural(reviews, 'review') : '',
  ].filter(Boolean);
  return parts.length === 0 ? '' : `, with their ${listed(parts)}`;
}

/** The archive tabs a year's move writes to (only those that receive rows). */
export function archiveTabsOf(move: YearMove, tabs: TabNames): string[] {
  return [
    move.interventions.length > 0 ? tabs.interventions : '',
    move.places.length > 0 ? tabs.participants : '',
    move.reviews.length > 0 ? tabs.reviews : '',
  ]
    .filter(Boolean)
    .map((tab) => archiveTabName(move.year, tab));
}

function moveWords(moves: readonly YearMove[], tabs: TabNames): string {
  const total = (pick: (m: YearMove) => string[]) =>
    moves.reduce((sum, m) => sum + pick(m).length, 0);
  const head = plural(
    total((m) => m.interventions),
    'finished or stopped intervention',
  );
  const tabWords = (move: YearMove) => listed(archiveTabsOf(move, tabs).map(quoted));
  const [only] = moves;
  if (moves.length === 1 && only) {
    const names = archiveTabsOf(only, tabs);
    return `${head} of ${schoolYearLabel(only.year)}${withTheir(only.places.length, only.reviews.length)}, to the archive tab${names.length === 1 ? '' : 's'} ${tabWords(only)}`;
  }
  // Newest year first: the one the SENCo has in mind.
  const perYear = [...moves].reverse().map((m) => {
    const counts = [
      plural(m.interventions.length, 'intervention'),
      m.places.length > 0 ? plural(m.places.length, 'pupil place') : '',
      m.reviews.length > 0 ? plural(m.reviews.length, 'review') : '',
    ].filter(Boolean);
    return `\n• ${schoolYearLabel(m.year)}: ${listed(counts)}, to ${tabWords(m)}`;
  });
  return `${head}${withTheir(
    total((m) => m.places),
    total((m) => m.reviews),
  )}, each to the archive tabs of the school year it ended in:${perYear.join(';')}`;
}

function yearSpan(year: number): string {
  return `${longDate(new Date(year, 8, 1))} to ${longDate(new Date(year + 1, 7, 31))}`;
}

function midYearNote(plan: NewYearPlan): string {
  if (!plan.midYear) return '';
  return `\n\nIt is still the ${schoolYearLabel(plan.year)} school year (to ${longDate(new Date(plan.year + 1, 7, 31))}), so only work that ended before ${longDate(new Date(plan.year, 8, 1))} can move. Choose this again from ${longDate(new Date(plan.year + 1, 7, 1))} to move this year’s finished work and add the term dates of ${schoolYearLabel(plan.year + 1)}.`;
}

function undatedNote(plan: NewYearPlan, tabs: TabNames): string {
  if (plan.undated === 0) return '';
  const they = plan.undated === 1 ? 'it stays' : 'they stay';
  return `\n\n${plural(plan.undated, 'finished or stopped intervention has', 'finished or stopped interventions have')} no start date, decision or review date to tell which school year ${plan.undated === 1 ? 'it' : 'they'} ended in, so ${they} on the ${tabs.interventions} tab.`;
}

function stillOpenNote(plan: NewYearPlan, tabs: TabNames): string {
  if (plan.stillOpen === 0) return '';
  const one = plan.stillOpen === 1;
  return `\n\n${plural(plan.stillOpen, 'intervention was', 'interventions were')} planned to end in an earlier school year but ${one ? 'is' : 'are'} still open on the ${tabs.interventions} tab (an end review not recorded yet, a pupil still Started, or never started), so ${one ? 'it stays' : 'they stay'}: record ${one ? 'its' : 'their'} end reviews or stop ${one ? 'it' : 'them'}, then choose this again to move ${one ? 'it' : 'them'}.`;
}

export interface Confirmation {
  /** False when there is nothing to do: the words say so, and no question is asked. */
  asks: boolean;
  text: string;
}

/** The words of the confirmation, before anything is changed. */
export function confirmationText(plan: NewYearPlan, tabs: TabNames): Confirmation {
  const label = schoolYearLabel(plan.year);
  const steps: string[] = [];
  if (plan.moves.length > 0) steps.push(`Move ${moveWords(plan.moves, tabs)}.`);
  if (plan.termDates.length > 0) {
    steps.push(
      `Roll the term dates forward to ${label}: typical dates for ${yearSpan(plan.year)} (terms, half terms, bank holidays and INSET days) are added to the Settings tab, for you to change to your school’s own.`,
    );
  }
  const notes = midYearNote(plan) + undatedNote(plan, tabs) + stillOpenNote(plan, tabs);
  const nothingToMove = `There is nothing to move: no finished or stopped intervention ended before ${longDate(new Date(plan.year, 8, 1))}.`;
  const datesKept = `The Settings tab already has term dates for ${label}: they stay as they are.`;
  if (steps.length === 0) {
    return {
      asks: false,
      text: `Nothing to do: no finished or stopped intervention ended before ${longDate(new Date(plan.year, 8, 1))}, and the Settings tab already has term dates for ${label} (they stay as they are).${notes}`,
    };
  }
  const intro = plan.moves.length === 0 ? `${nothingToMove}\n\n` : '';
  const kept = plan.moves.length > 0 && plan.termDates.length === 0 ? `\n\n${datesKept}` : '';
  const stays =
    plan.moves.length > 0
      ? `\n\nRunning and planned interventions, with their pupils and reviews, stay where they are. Nothing is deleted: the Dashboard’s impact by type of provision, area of need and year group still counts the archived work, and the audit log records the move.`
      : '';
  const numbered = steps.length === 1 ? steps : steps.map((s, i) => `${i + 1}. ${s}`);
  return {
    asks: true,
    text: `${intro}Starting the ${label} school year will:\n\n${numbered.join('\n\n')}${kept}${stays}${notes}\n\nGo ahead?`,
  };
}

/** What was done, for the message after the move. */
export interface NewYearOutcome {
  plan: NewYearPlan;
  /** Rows written to archive tabs: fewer than moved when a move cut off had written some. */
  archived: number;
}

export function resultText(outcome: NewYearOutcome, tabs: TabNames): string {
  const { plan } = outcome;
  const label = schoolYearLabel(plan.year);
  const parts: string[] = [];
  if (plan.moves.length > 0) {
    parts.push(
      `Moved ${moveWords(plan.moves, tabs)}.`,
      'The audit log has a row for each record moved, saying which archive tab it went to.',
    );
    const moved = plan.moves.reduce(
      (sum, m) => sum + m.interventions.length + m.places.length + m.reviews.length,
      0,
    );
    if (outcome.archived < moved) {
      parts.push(
        `${plural(moved - outcome.archived, 'record was', 'records were')} already in the archive from a move that stopped part-way: ${moved - outcome.archived === 1 ? 'it was' : 'they were'} only taken off the working tabs, not copied again.`,
      );
    }
    parts.push(
      `Running and planned work is still on the ${tabs.interventions}, ${tabs.participants} and ${tabs.reviews} tabs. The Dashboard’s impact by type of provision, area of need and year group counts the archived work too: choose "Update the dashboard" to bring it up to date.`,
    );
  } else {
    parts.push(
      `Nothing was moved: no finished or stopped intervention ended before ${longDate(new Date(plan.year, 8, 1))}.`,
    );
  }
  parts.push(
    plan.termDates.length > 0
      ? `Typical term dates for ${label} were added to the Settings tab: please change them to your school’s own dates, holidays and INSET days (review dates are worked out from them).`
      : `The Settings tab already had term dates for ${label}: they were kept as they are.`,
  );
  return (
    parts.join('\n\n') + midYearNote(plan) + undatedNote(plan, tabs) + stillOpenNote(plan, tabs)
  );
}
