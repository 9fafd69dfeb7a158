/**
 * The Provision library form: the school's catalogue of interventions, each with its evidence,
 * usual dosage and cost, and advice for parents. A new intervention sheet can start from an entry.
 */
import {
  EVIDENCE_STRENGTHS,
  LIBRARY_LABELS,
  NEED_CHOICES,
  validateLibraryEntry,
  type LibraryForm,
} from '../../src/domain/library';
import type { GroupSpec } from '../form-kit';
import { renderPickToEdit } from '../pick-to-edit';
import { callServer } from '../server';

const L = LIBRARY_LABELS;

const LIBRARY_GROUPS: GroupSpec[] = [
  {
    legend: 'What it is',
    fields: [
      {
        key: 'name',
        label: L.name,
        kind: 'text',
        hint: 'The title of the published programme, if you use one.',
      },
      {
        key: 'areaOfNeed',
        label: L.areaOfNeed,
        kind: 'select',
        prompt: 'Choose an area of need',
        options: NEED_CHOICES,
        hint: 'The main need it helps with.',
      },
    ],
  },
  {
    legend: 'Evidence',
    hint: 'Every intervention should say what evidence supports it.',
    fields: [
      {
        key: 'evidenceLink',
        label: L.evidenceLink,
        kind: 'text',
        hint: 'A web page about the evidence, starting https://. Optional.',
      },
      {
        key: 'evidenceNote',
        label: L.evidenceNote,
        kind: 'textarea',
        groupHint: true,
        hint: 'What the evidence says, e.g. "EEF Toolkit: about 4 months’ extra progress".',
      },
      {
        key: 'evidenceStrength',
        label: L.evidenceStrength,
        kind: 'select',
        prompt: 'Choose one',
        options: EVIDENCE_STRENGTHS,
        hint: 'Choose "Not yet evaluated" if nobody has studied it yet.',
      },
    ],
  },
  {
    legend: 'Usual dosage',
    hint: 'Filled in when a new intervention starts from this entry. EEF guidance: 15–45 minutes, 3–5 times a week, 8–20 weeks.',
    fields: [
      { key: 'minutesPerSession', label: L.minutesPerSession, kind: 'number', groupHint: true },
      { key: 'sessionsPerWeek', label: L.sessionsPerWeek, kind: 'number', groupHint: true },
      { key: 'lengthWeeks', label: L.lengthWeeks, kind: 'number', groupHint: true },
    ],
  },
  {
    legend: 'Cost and staffing',
    fields: [
      {
        key: 'resourceCost',
        label: `${L.resourceCost} (£)`,
        kind: 'number',
        hint: 'Books and materials for the whole programme, in pounds, e.g. 45.00.',
      },
      {
        key: 'usualGroupSize',
        label: L.usualGroupSize,
        kind: 'number',
        hint: 'How many pupils in a session: 1 for one-to-one.',
      },
      {
        key: 'trainingNeeded',
        label: L.trainingNeeded,
        kind: 'text',
        hint: 'E.g. "None", or the course staff need first.',
      },
    ],
  },
  {
    legend: 'For parents',
    hint: 'Parents read this in letters; everything above stays in the provision map.',
    fields: [
      {
        key: 'helpAtHome',
        label: L.helpAtHome,
        kind: 'textarea',
        hint: 'What parents can do at home to help, in plain words, e.g. "Share a book for ten minutes most days." Letters print it under "How you can help at home"; left blank, they give advice for the area of need.',
      },
    ],
  },
];

export function render(root: HTMLElement): void {
  renderPickToEdit(root, {
    heading: 'Provision library',
    intro: "Your school's catalogue of interventions. Add one, or choose one to change it.",
    pickLabel: 'Library entry',
    newChoice: 'New library entry',
    idHeader: 'Provision ID',
    tab: 'Provision library',
    groups: LIBRARY_GROUPS,
    validate: validateLibraryEntry,
    loadChoices: () =>
      callServer('getLibraryFormOptions').then((o) => ({
        workbookReady: o.workbookReady,
        choices: o.entries,
        withoutId: o.withoutId,
      })),
    loadRecord: (id) => callServer('getLibraryEntry', id),
    save: (values, id) => callServer('saveLibraryEntry', { ...(values as LibraryForm), id }),
    choiceLabel: (values) => (values.name ?? '').trim() || 'No name yet',
  });
}
