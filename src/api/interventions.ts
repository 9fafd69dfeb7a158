/** Sidebar endpoints for the intervention sheet form. */
import { dateFromIso, statusOn } from '../domain/dates';
import { newRecordId } from '../domain/ids';
import {
  INTERVENTION_COLUMNS,
  INTERVENTION_LABELS,
  validateIntervention,
  type Intervention,
  type InterventionField,
} from '../domain/intervention';
import { interventionPrefill, libraryRecordFrom } from '../domain/staff';
import { TABS } from '../domain/workbook';
import { todayIso, uuid } from '../services/environment';
import { formatWarnings, interventionWarnings, type InterventionFacts } from '../domain/warnings';
import { libraryFacts, practiceSettings, staffFacts } from '../store/facts';
import { runOperation } from '../store/operation';
import type { RecordValues, Table } from '../store/table';
import { activeSpreadsheet, readTables } from '../store/workbook';
import type { InterventionFormOptions, LibraryChoice, SaveResult } from './contract';
import { refused } from './results';

export function getInterventionFormOptions(): InterventionFormOptions {
  const spreadsheet = activeSpreadsheet();
  const staffSheet = spreadsheet.getSheetByName(TABS.staff.name);
  const ready = Boolean(staffSheet && spreadsheet.getSheetByName(TABS.interventions.name));
  const staff = ready ? readTables({ staff: TABS.staff }).staff : undefined;
  const hasLibrary = ready && Boolean(spreadsheet.getSheetByName(TABS.provisionLibrary.name));
  const library = hasLibrary ? readTables({ library: TABS.provisionLibrary }).library : undefined;
  return {
    staff: staff ? [...new Set(staff.texts('Name').filter((n) => n !== ''))].sort() : [],
    today: todayIso(),
    workbookReady: ready,
    library: library ? libraryChoices(library) : [],
  };
}

/** Every library entry with an ID, by name, with the intervention fields it pre-fills. */
function libraryChoices(library: Table): LibraryChoice[] {
  return library
    .records()
    .filter((row) => row.id !== '')
    .map((row) => {
      const entry = libraryRecordFrom(row);
      return { id: entry.id, name: entry.name || entry.id, form: interventionPrefill(entry) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }));
}

export function saveIntervention(form: unknown): SaveResult {
  const checked = validateIntervention(form);
  if (!checked.ok) return refused(checked.errors);
  const intervention = checked.value;
  return runOperation(
    {
      interventions: TABS.interventions,
      staff: TABS.staff,
      library: TABS.provisionLibrary,
      settings: TABS.settings,
    },
    ({ interventions, staff, library, settings }, { user, now }): SaveResult => {
      const staffNames = new Set(staff.texts('Name').map((n) => n.toLowerCase()));
      if (staffNames.size > 0 && !staffNames.has(intervention.lead.toLowerCase())) {
        return refused({
          lead: `${INTERVENTION_LABELS.lead}: "${intervention.lead}" is not on the Staff tab. Choose a name from the list, or add them to the Staff tab first.`,
        });
      }
      const id = newRecordId(TABS.interventions.idPrefix, interventions.ids(), uuid);
      const warnings = interventionWarnings(
        { ...interventionFactsOf(intervention), id },
        {
          settings: practiceSettings(settings),
          staff: staff.records().map(staffFacts),
          library: library.records().map(libraryFacts),
        },
      );
      interventions.append({
        ...interventionValues(intervention),
        [TABS.interventions.idHeader]: id,
        Status: statusOn(now, dateFromIso(intervention.startDate), intervention.lengthWeeks),
        Warnings: formatWarnings(warnings),
        'Created by': user,
        'Created on': now,
      });
      return {
        ok: true,
        id,
        message: `Saved "${intervention.name}" (${id}) on the Interventions tab.`,
        warnings: warnings.map((w) => w.message),
      };
    },
  );
}

function interventionFactsOf(intervention: Intervention): InterventionFacts {
  return {
    id: '',
    name: intervention.name,
    code: intervention.code,
    lead: intervention.lead,
    supportedBy: intervention.supportedBy,
    lengthWeeks: intervention.lengthWeeks,
    sessionsPerWeek: intervention.sessionsPerWeek,
    minutesPerSession: intervention.minutesPerSession,
    startDate: dateFromIso(intervention.startDate),
    rationale: intervention.rationale,
    provisionId: intervention.provisionId,
  };
}

/** The form's fields as cell values under their Interventions headers. */
function interventionValues(intervention: Intervention): RecordValues {
  const values: RecordValues = {};
  for (const [field, header] of Object.entries(INTERVENTION_COLUMNS)) {
    const value = intervention[field as InterventionField];
    values[header] = field === 'startDate' ? dateFromIso(String(value)) : value;
  }
  return values;
}
