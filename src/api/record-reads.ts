/**
 * The rows a save about one pupil's place needs, read by their IDs rather than whole tabs: the
 * place and every place of its intervention (statuses and figures are worked out over them), the
 * intervention, and the pupil.
 */
import { TABS } from '../domain/workbook';
import type { TableLoader } from '../store/operation';
import type { Table } from '../store/table';

export interface PlaceTables {
  participants: Table;
  interventions: Table;
  pupils: Table;
}

export function placeAndIntervention(
  loader: TableLoader,
  placeId: string,
  interventionId: string,
): PlaceTables {
  const placesOf = (id: string): Table =>
    loader.where(TABS.participants, { 'Intervention ID': [id] });
  let participants = placesOf(interventionId);
  let place = participants.find(placeId);
  let id = interventionId;
  if (!place) {
    // A row without its intervention's ID (or another's): the place's own intervention counts.
    const alone = loader.where(TABS.participants, { 'Participant ID': [placeId] });
    place = alone.find(placeId);
    id = place?.text('Intervention ID') || interventionId;
    participants = id !== '' && id !== interventionId ? placesOf(id) : alone;
  }
  return {
    participants,
    interventions: loader.where(TABS.interventions, { 'Intervention ID': [id] }),
    pupils: loader.where(TABS.pupils, { 'Pupil ID': [place?.text('Pupil ID') ?? ''] }),
  };
}

/**
 * A pupil's place with what its save works out again: every place of its intervention (statuses,
 * figures) and of its pupil (warnings over all their places), those places' interventions and
 * the pupil; with the place's reviews and the Settings and Staff tabs where asked.
 */
export function placeWithRelated(loader: TableLoader, placeId: string): PlaceTables {
  const participants = loader.where(TABS.participants, { 'Participant ID': [placeId] }, [
    'Intervention ID',
    'Pupil ID',
  ]);
  const place = participants.find(placeId);
  return {
    participants,
    interventions: interventionsOf(loader, participants),
    pupils: loader.where(TABS.pupils, { 'Pupil ID': [place?.text('Pupil ID') ?? ''] }),
  };
}

/** The interventions of the places read (and any others named). */
export function interventionsOf(
  loader: TableLoader,
  participants: Table,
  also: readonly string[] = [],
): Table {
  return loader.where(TABS.interventions, {
    'Intervention ID': [
      ...also,
      ...participants.records().map((row) => row.text('Intervention ID')),
    ],
  });
}
