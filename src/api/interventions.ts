/** Sidebar endpoints for the intervention sheet form. */
import { dateFromIso, statusOn } from '../domain/dates';
import { newRecordId } from '../domain/ids';
import {
  INTERVENTION_COLUMNS,
  INTERVENTION_LABELS,
  validateIntervention,
  type Intervention,
} from '../domain/intervention';
import type { CellInput } from '../domain/cells';
import { TABS } from '../domain/workbook';
import { withDocumentLock } from '../services/lock';
import { currentUserEmail, todayIso, uuid } from '../services/environment';
import { activeSpreadsheet, readTables } from '../store/workbook';
import type { InterventionFormOptions, SaveResult } from './contract';

export function getInterventionFormOptions(): InterventionFormOptions {
  const spreadsheet = activeSpreadsheet();
  const staffSheet = spreadsheet.getSheetByName(TABS.staff.name);
  const ready = Boolean(staffSheet && spreadsheet.getSheetByName(TABS.interventions.name));
  const staff = ready ? readTables({ staff: TABS.staff }).staff : undefined;
  return {
    staff: staff ? [...new Set(staff.texts('Name').filter((n) => n !== ''))].sort() : [],
    today: todayIso(),
    workbookReady: ready,
  };
}

export function saveIntervention(form: unknown): SaveResult {
  const checked = validateIntervention(form);
  if (!checked.ok) return refused(checked.errors);
  const intervention = checked.value;
  return withDocumentLock(() => {
    const { interventions, staff } = readTables({
      interventions: TABS.interventions,
      staff: TABS.staff,
    });
    const staffNames = new Set(staff.texts('Name').map((n) => n.toLowerCase()));
    if (staffNames.size > 0 && !staffNames.has(intervention.lead.toLowerCase())) {
      return refused({
        lead: `${INTERVENTION_LABELS.lead}: "${intervention.lead}" is not on the Staff tab. Choose a name from the list, or add them to the Staff tab first.`,
      });
    }
    const id = newRecordId(
      TABS.interventions.idPrefix,
      new Set(interventions.texts(TABS.interventions.idHeader)),
      uuid,
    );
    interventions.append([interventionRecord(id, intervention)]);
    return {
      ok: true,
      id,
      message: `Saved "${intervention.name}" (${id}) on the Interventions tab.`,
    } as const;
  });
}

function interventionRecord(id: string, intervention: Intervention): Record<string, CellInput> {
  const record: Record<string, CellInput> = {
    [TABS.interventions.idHeader]: id,
    Status: statusOn(new Date(), dateFromIso(intervention.startDate), intervention.lengthWeeks),
    'Created by': currentUserEmail(),
    'Created on': new Date(),
  };
  for (const [field, header] of Object.entries(INTERVENTION_COLUMNS)) {
    const value = intervention[field as keyof Intervention];
    record[header] = field === 'startDate' ? dateFromIso(String(value)) : value;
  }
  return record;
}

function refused(errors: Record<string, string>): SaveResult {
  const count = Object.keys(errors).length;
  return {
    ok: false,
    errors,
    message:
      count === 1
        ? 'Nothing was saved: please correct the field marked below.'
        : `Nothing was saved: please correct the ${count} fields marked below.`,
  };
}
