/**
 * "Check good practice": recomputes the Warnings column of every intervention and every pupil's
 * place, for rows typed or imported by hand as well as those saved through the forms. Also the
 * recomputation other saves share when what an intervention's warnings depend on changes (a
 * person added to the Staff tab, or their training).
 */
import { calendarFrom } from '../store/calendar';
import {
  formatWarnings,
  interventionIndex,
  interventionWarnings,
  participantWarnings,
  practiceIndex,
} from '../domain/warnings';
import { TABS } from '../domain/workbook';
import {
  interventionFacts,
  libraryFacts,
  participantFacts,
  practiceSettings,
  staffFacts,
} from '../store/facts';
import { runOperation } from '../store/operation';
import type { Table } from '../store/table';

export interface PracticeCheck {
  interventionsWithWarnings: number;
  placesWithWarnings: number;
  warnings: number;
}

export function recheckGoodPractice(): PracticeCheck {
  return runOperation(
    {
      interventions: TABS.interventions,
      participants: TABS.participants,
      staff: TABS.staff,
      library: TABS.provisionLibrary,
      settings: TABS.settings,
    },
    (tables, { now }) => {
      const { interventions, participants, settings } = tables;
      const check: PracticeCheck = {
        interventionsWithWarnings: 0,
        placesWithWarnings: 0,
        warnings: 0,
      };
      const counts = refreshInterventionWarnings(tables);
      check.interventionsWithWarnings = counts.withWarnings;
      check.warnings = counts.warnings;
      const rows = participants.records();
      const places = rows.map(participantFacts);
      const lists = {
        interventions: interventions.records().map(interventionFacts),
        participants: places,
      };
      // Looked up once for the whole school: each place's check is then as quick as one alone.
      const placeContext = {
        settings: practiceSettings(settings),
        ...lists,
        index: practiceIndex(lists),
        today: now,
      };
      rows.forEach((row, i) => {
        // A copy, as a save checks its place: it replaces the row of its ID among the pupil's.
        const warnings = participantWarnings({ ...places[i]! }, placeContext);
        row.set({ Warnings: formatWarnings(warnings) });
        if (warnings.length > 0) check.placesWithWarnings += 1;
        check.warnings += warnings.length;
      });
      return check;
    },
  );
}

/**
 * Works out the Warnings of the interventions given (every one when `ids` is left out) from the
 * tables as changed in memory, written with the rest of the operation.
 */
export function refreshInterventionWarnings(
  tables: { interventions: Table; staff: Table; library: Table; settings: Table },
  ids?: ReadonlySet<string>,
): { withWarnings: number; warnings: number } {
  const lists = {
    staff: tables.staff.records().map(staffFacts),
    library: tables.library.records().map(libraryFacts),
  };
  const context = {
    settings: practiceSettings(tables.settings),
    ...lists,
    index: interventionIndex(lists),
    calendar: calendarFrom(tables.settings),
  };
  const counts = { withWarnings: 0, warnings: 0 };
  for (const row of tables.interventions.records()) {
    if (ids !== undefined && !ids.has(row.id)) continue;
    const warnings = interventionWarnings(interventionFacts(row), context);
    row.set({ Warnings: formatWarnings(warnings) });
    if (warnings.length > 0) counts.withWarnings += 1;
    counts.warnings += warnings.length;
  }
  return counts;
}
