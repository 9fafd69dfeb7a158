/**
 * "Update the dashboard" (and the daily run): works out every intervention's cost, impact and
 * value again, then rebuilds the Dashboard's report from the school's figures. One read of each
 * tab it needs, one write of the Interventions tab's figures, then the report's values, formats,
 * colouring rules and charts, replacing the last build's.
 */
import { format, startOfDay } from 'date-fns';
import { amalgamate, withArchivedRuns } from '../domain/amalgamate';
import { dashboardReport } from '../domain/dashboard-report';
import {
  provisionGlance,
  runsBetweenSchoolWeeks,
  thisTerm,
  thisYear,
  type GlanceGrid,
} from '../domain/glance';
import { impactCostOf, interventionImpact } from '../domain/impact';
import { whatToLookAt } from '../domain/look-at';
import type { PlaceFigureFacts } from '../domain/provision-facts';
import { nationalFiguresFrom, pupilsOnRollFrom, senReport } from '../domain/sen-report';
import { TABS } from '../domain/workbook';
import { archivedRuns } from '../store/archive';
import { calendarFrom } from '../store/calendar';
import { setDashboardRows } from '../store/dashboard';
import { settingValues } from '../store/facts';
import {
  interventionFigureFacts,
  libraryFigureFacts,
  placeFigureFacts,
  pupilFigureFacts,
} from '../store/figure-facts';
import { measuresOn } from '../store/measures';
import { runOperation } from '../store/operation';
import type { Table } from '../store/table';
import { writeReport } from './dashboard-writer';
import { syncInterventionFigures } from './intervention-figures';
import { syncInterventionStatuses } from './lifecycle-sync';

export const DASHBOARD_SPECS = {
  interventions: TABS.interventions,
  participants: TABS.participants,
  pupils: TABS.pupils,
  staff: TABS.staff,
  settings: TABS.settings,
  library: TABS.provisionLibrary,
  dashboard: TABS.dashboard,
};

export type DashboardTables = Record<keyof typeof DASHBOARD_SPECS, Table>;

export interface DashboardSummary {
  interventions: number;
  lookAt: number;
  charts: number;
}

/** The menu item: brings the figures and the Dashboard up to date, and shows the tab. */
export function updateDashboardNow(): DashboardSummary {
  return runOperation(DASHBOARD_SPECS, (t, { now }) => {
    syncInterventionStatuses(t.interventions, t.participants);
    syncInterventionFigures(t, now);
    return rebuildDashboard(t, now);
  });
}

/** Rebuilds the report from tables already read (figures already worked out). */
export function rebuildDashboard(t: DashboardTables, now: Date): DashboardSummary {
  const today = startOfDay(now);
  const { measures } = measuresOn(t.settings);
  const interventions = t.interventions
    .records()
    .filter((row) => row.id !== '')
    .map((row) => ({ row, facts: interventionFigureFacts(row) }));
  const places = t.participants
    .records()
    .filter((row) => row.id !== '')
    .map((row) => placeFigureFacts(row, measures));
  const pupils = t.pupils
    .records()
    .filter((row) => row.id !== '')
    .map(pupilFigureFacts);
  const library = t.library
    .records()
    .filter((row) => row.id !== '')
    .map(libraryFigureFacts);
  const placesOf = new Map<string, PlaceFigureFacts[]>();
  for (const place of places) {
    placesOf.set(place.interventionId, [...(placesOf.get(place.interventionId) ?? []), place]);
  }
  const facts = interventions.map((i) => i.facts);

  const calendar = calendarFrom(t.settings);
  const runs = runsBetweenSchoolWeeks(calendar);
  const term = thisTerm(calendar, today);
  const glance: GlanceGrid[] = [];
  const glanceNotes: string[] = [];
  if (term) {
    const period = { ...term, name: `This term: ${term.name}` };
    glance.push(provisionGlance({ interventions: facts, places, pupils }, period, runs));
  } else glanceNotes.push('Add the term dates on the Settings tab to see this term’s figures.');
  const year = thisYear(today);
  const period = { ...year, name: `This school year: ${year.name}` };
  glance.push(provisionGlance({ interventions: facts, places, pupils }, period, runs));

  const values = settingValues(t.settings);
  const lookAt = whatToLookAt({ interventions: facts, places, pupils });
  const plan = dashboardReport({
    interventions: interventions.map(({ row, facts: f }) => ({
      facts: f,
      impact: interventionImpact(placesOf.get(f.id) ?? [], impactCostOf(f)),
      band: row.text('Cost band'),
    })),
    glance,
    glanceNotes,
    lookAt,
    // Past years' archived runs too, so a programme's track record survives the new year.
    amalgamated: amalgamate(
      withArchivedRuns(
        { interventions: facts, places, pupils, library },
        archivedRuns(t.settings, measures),
      ),
    ),
    senReport: senReport(pupils, pupilsOnRollFrom(values), nationalFiguresFrom(values)),
  });
  writeReport(t.dashboard.sheet, plan, asOfText(now));
  if (!t.dashboard.records().some((row) => row.text('Measure') === 'Reminders: last run')) {
    setDashboardRows(t.dashboard, {
      'Reminders: last run': [
        'Not yet',
        'Review reminders have not run: choose "Turn on review reminders" from the add-on menu, and staff get an email each school day about the reviews they have due.',
      ],
    });
  }
  return { interventions: facts.length, lookAt: lookAt.length, charts: plan.charts.length };
}

function asOfText(now: Date): string {
  return `As of ${format(now, 'EEEE d MMMM yyyy, HH:mm')}. Written by the add-on: please do not type here, as the next update replaces it. To bring it up to date, choose "Update the dashboard" from the add-on menu (the daily run also updates it).`;
}
