/**
 * Sidebar endpoints for the Staff tab and the Provision library (see staff-contract.ts): pick a
 * record to edit or add a new one. Every export here becomes an Apps Script function: helpers stay
 * unexported.
 */
import { HOURLY_COST_PROTECTION } from '../store/setup';
import { interventionsOf, refigure, syncInterventionFigures } from './intervention-figures';
import { newRecordId } from '../domain/ids';
import { formatPounds, goneFromTab } from '../domain/record-fields';
import { libraryCells, libraryFormFrom, validateLibraryEntry } from '../domain/library';
import {
  sencoWarnings,
  staffCells,
  staffChoiceLabel,
  staffFormFrom,
  validateStaffMember,
  type StaffMember,
} from '../domain/staff';
import { libraryDosageWarnings } from '../domain/library-dosage';
import { TABS, type TabSpec } from '../domain/workbook';
import { uuid } from '../services/environment';
import { practiceSettings } from '../store/facts';
import { programmeNames } from '../domain/training';
import { refreshInterventionWarnings } from './practice';
import { runOperation } from '../store/operation';
import type { Row, Table } from '../store/table';
import { activeSpreadsheet, readTables } from '../store/workbook';
import type { SaveResult } from './contract';
import type {
  LibraryEntryForm,
  LibraryFormOptions,
  RecordChoice,
  StaffFormOptions,
  StaffApi,
  StaffMemberForm,
} from './staff-contract';
import { refused, savedAlready } from './results';

// ---- Staff --------------------------------------------------------------------------------------

export function getStaffFormOptions(): StaffFormOptions {
  const table = readIfThere(TABS.staff);
  if (!table) return { workbookReady: false, staff: [], withoutId: 0, programmes: [] };
  const { choices, withoutId } = choicesOf(table, (row) =>
    staffChoiceLabel(row.text('Name'), row.text('Role')),
  );
  const library = readIfThere(TABS.provisionLibrary);
  const programmes = library ? programmeNames(library.texts('Name')) : [];
  return { workbookReady: true, staff: choices, withoutId, programmes };
}

export function getStaffMember(id: string): StaffMemberForm | null {
  const row = findRow(TABS.staff, id);
  return row ? { ...staffFormFrom(row), id: row.id } : null;
}

export function saveStaffMember(form: unknown, requestId?: unknown): SaveResult {
  const checked = validateStaffMember(form);
  if (!checked.ok) return refused(checked.errors);
  const member = checked.value;
  const id = idOf(form);
  return runOperation(
    {
      staff: TABS.staff,
      interventions: TABS.interventions,
      participants: TABS.participants,
      settings: TABS.settings,
      library: TABS.provisionLibrary,
    },
    ({ staff, interventions, participants, settings, library }, { now }): SaveResult => {
      const row = id === '' ? undefined : staff.find(id);
      if (id !== '' && !row) return refused(goneFromTab('member of staff', TABS.staff.name));
      const people = staff.records();
      const others = people.filter((p) => p.index !== row?.index);
      const email = member.email.toLowerCase();
      const clash = others.find((p) => p.text('Email').toLowerCase() === email);
      if (clash) {
        return refused({
          email: `Email address: ${member.email} is already used by ${clash.text('Name') || 'someone else'} on the Staff tab. Each person needs their own address.`,
        });
      }

      // Hourly costs are personal: only the person who set the map up may change them.
      if (!mayEditHourlyCosts(staff)) {
        const current = row?.number('Hourly cost');
        if ((member.hourlyCost ?? undefined) !== current) {
          return refused({ hourlyCost: HOURLY_COST_LOCKED });
        }
        staff.keepColumnAsIs('Hourly cost');
      }

      const before = people.map((p) => ({ name: p.text('Name'), role: p.text('Role') }));
      const saved = { name: member.name, role: member.role };
      let recordId = id;
      if (row) {
        row.set(staffCells(member));
        if (staff.changes.length === 0) {
          return {
            ok: true,
            id,
            message: `Nothing had changed for ${member.name}, so nothing was saved.`,
          };
        }
      } else {
        recordId = newRecordId(TABS.staff.idPrefix, staff.ids(), uuid);
        staff.append({ ...staffCells(member), [TABS.staff.idHeader]: recordId });
      }
      const after = row
        ? people.map((p, i) => (p.index === row.index ? saved : before[i]!))
        : [...before, saved];
      // Their hourly cost prices every intervention they lead or support.
      const oldName = row ? before[people.findIndex((p) => p.index === row.index)]?.name : '';
      const named = [member.name, oldName ?? ''];
      const priced = interventionsOf(interventions, named);
      if (priced.size > 0) {
        syncInterventionFigures({ interventions, participants, staff, settings }, now, priced);
        // Whether they are on the Staff tab, and trained, is in those interventions' warnings.
        refreshInterventionWarnings({ interventions, staff, library, settings }, priced);
      }
      const warnings = [...sencoWarnings(before, after, !row), ...sameNameWarnings(member, others)];
      return {
        ok: true,
        id: recordId,
        message: row
          ? `Saved the changes to ${describe(member)} on the Staff tab.`
          : `Added ${describe(member)} to the Staff tab.`,
        warnings,
      };
    },
    { requestId, alreadyDone: savedAlready, afterRetry: refigure },
  );
}

/** "Mr Tom Reed (TA, £18.50 an hour)". */
function describe(member: StaffMember): string {
  const cost =
    member.hourlyCost === undefined ? '' : `, ${formatPounds(member.hourlyCost)} an hour`;
  return `${member.name} (${member.role}${cost})`;
}

/** Lead people are chosen by name on the intervention form, so two people of one name confuse it. */
function sameNameWarnings(member: StaffMember, others: Row[]): string[] {
  const name = member.name.toLowerCase();
  return others.some((p) => p.text('Name').toLowerCase() === name)
    ? [
        `Someone else on the Staff tab is also called ${member.name}: forms list staff by name, so add an initial or a title to tell them apart.`,
      ]
    : [];
}

// ---- Provision library --------------------------------------------------------------------------

export function getLibraryFormOptions(): LibraryFormOptions {
  const table = readIfThere(TABS.provisionLibrary);
  if (!table) return { workbookReady: false, entries: [], withoutId: 0 };
  const { choices, withoutId } = choicesOf(table, (row) => row.text('Name') || 'No name yet');
  return { workbookReady: true, entries: choices, withoutId };
}

export function getLibraryEntry(id: string): LibraryEntryForm | null {
  const row = findRow(TABS.provisionLibrary, id);
  return row ? { ...libraryFormFrom(row), id: row.id } : null;
}

export function saveLibraryEntry(form: unknown, requestId?: unknown): SaveResult {
  const checked = validateLibraryEntry(form);
  if (!checked.ok) return refused(checked.errors);
  const entry = checked.value;
  const id = idOf(form);
  const tab = TABS.provisionLibrary;
  return runOperation(
    { library: tab, settings: TABS.settings },
    ({ library, settings }): SaveResult => {
      const row = id === '' ? undefined : library.find(id);
      if (id !== '' && !row) return refused(goneFromTab('library entry', tab.name));
      // Read only: the entry's defaults against the school's bounds, saved either way.
      const warnings = libraryDosageWarnings(entry, practiceSettings(settings));
      if (row) {
        row.set(libraryCells(entry));
        return library.changes.length === 0
          ? {
              ok: true,
              id,
              message: `Nothing had changed in "${entry.name}", so nothing was saved.`,
              warnings,
            }
          : {
              ok: true,
              id,
              message: `Saved the changes to "${entry.name}" in the Provision library.`,
              warnings,
            };
      }
      const recordId = newRecordId(tab.idPrefix, library.ids(), uuid);
      library.append({ ...libraryCells(entry), [tab.idHeader]: recordId });
      return {
        ok: true,
        id: recordId,
        message: `Added "${entry.name}" (${recordId}) to the Provision library. It is now offered when you add an intervention.`,
        warnings,
      };
    },
    { requestId, alreadyDone: savedAlready },
  );
}

// ---- Helpers (not endpoints) --------------------------------------------------------------------

/** The tab read in one call, or undefined when the workbook has not been set up. */
function readIfThere(spec: TabSpec): Table | undefined {
  if (!activeSpreadsheet().getSheetByName(spec.name)) return undefined;
  return readTables({ table: spec }).table;
}

function findRow(spec: TabSpec, id: unknown): Row | undefined {
  const wanted = typeof id === 'string' ? id.trim() : '';
  if (wanted === '') return undefined;
  return readIfThere(spec)?.find(wanted);
}

/** The records with an ID, as pick-list choices sorted by label; and how many have no ID. */
function choicesOf(
  table: Table,
  label: (row: Row) => string,
): { choices: RecordChoice[]; withoutId: number } {
  const rows = table.records();
  const withId = rows.filter((row) => row.id !== '');
  const choices = withId
    .map((row) => ({ id: row.id, label: label(row) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB', { sensitivity: 'base' }));
  return { choices, withoutId: rows.length - withId.length };
}

/** The ID of the record being edited ('' when adding). */
function idOf(form: unknown): string {
  const id = typeof form === 'object' && form !== null ? (form as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.trim() : '';
}

/** Compile-time check (erased from the build) that these endpoints keep to the contract. */
export type StaffEndpoints = Implements<{
  getStaffFormOptions: typeof getStaffFormOptions;
  getStaffMember: typeof getStaffMember;
  saveStaffMember: typeof saveStaffMember;
  getLibraryFormOptions: typeof getLibraryFormOptions;
  getLibraryEntry: typeof getLibraryEntry;
  saveLibraryEntry: typeof saveLibraryEntry;
}>;
type Implements<T extends StaffApi> = T;

const HOURLY_COST_LOCKED =
  'Hourly cost: only the SENCo who set up the provision map can set or change hourly costs, as they are personal information about staff. Leave it as it was, and ask them to change it.';

/** Whether this user may edit the Staff tab's protected "Hourly cost" column (set-up adds it). */
function mayEditHourlyCosts(staff: Table): boolean {
  const protection = staff.sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .find((p) => p.getDescription() === HOURLY_COST_PROTECTION);
  return protection ? protection.canEdit() : true;
}
