/**
 * "Check good practice": recomputes the Warnings column of every intervention and every pupil's
 * place, for rows typed or imported by hand as well as those saved through the forms.
 */
import { interventionWarnings, participantWarnings, formatWarnings } from '../domain/warnings';
import { TABS } from '../domain/workbook';
import {
  interventionFacts,
  libraryFacts,
  participantFacts,
  practiceSettings,
  staffFacts,
} from '../store/facts';
import { runOperation } from '../store/operation';

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
    ({ interventions, participants, staff, library, settings }, { now }) => {
      const check: PracticeCheck = {
        interventionsWithWarnings: 0,
        placesWithWarnings: 0,
        warnings: 0,
      };
      const rules = practiceSettings(settings);
      const interventionContext = {
        settings: rules,
        staff: staff.records().map(staffFacts),
        library: library.records().map(libraryFacts),
      };
      const interventionRows = interventions.records();
      for (const row of interventionRows) {
        const warnings = interventionWarnings(interventionFacts(row), interventionContext);
        row.set({ Warnings: formatWarnings(warnings) });
        if (warnings.length > 0) check.interventionsWithWarnings += 1;
        check.warnings += warnings.length;
      }
      const placeContext = {
        settings: rules,
        interventions: interventionRows.map(interventionFacts),
        participants: participants.records().map(participantFacts),
        today: now,
      };
      for (const row of participants.records()) {
        const warnings = participantWarnings(participantFacts(row), placeContext);
        row.set({ Warnings: formatWarnings(warnings) });
        if (warnings.length > 0) check.placesWithWarnings += 1;
        check.warnings += warnings.length;
      }
      return check;
    },
  );
}
