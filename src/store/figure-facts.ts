/**
 * Rows of the workbook as the facts the impact, value and Dashboard figures take
 * (src/domain/provision-facts.ts). Columns are read by header name, so users may reorder them.
 */
import { measureNamed } from '../domain/measure-settings';
import type { Measure } from '../domain/measures';
import type {
  InterventionFigureFacts,
  LibraryFigureFacts,
  PlaceFigureFacts,
  PupilFigureFacts,
} from '../domain/provision-facts';
import { NEED_CODES, type NeedCode } from '../domain/workbook';
import type { Row } from './table';

const needCode = (text: string): NeedCode | '' => {
  const code = text.trim().toUpperCase();
  return code in NEED_CODES ? (code as NeedCode) : '';
};

export function interventionFigureFacts(row: Row): InterventionFigureFacts {
  const stopped = row.text('Decision') === 'Stop' || row.text('Status') === 'Stopped';
  return {
    id: row.id,
    name: row.text('Name'),
    status: row.text('Status'),
    provisionId: row.text('Provision ID'),
    startDate: row.date('Start date'),
    lengthWeeks: row.number('Length (weeks)'),
    sessionsPerWeek: row.number('Sessions per week'),
    minutesPerSession: row.number('Minutes per session'),
    costPlanned: row.number('Cost (planned)'),
    costToDate: row.number('Cost to date'),
    decision: row.text('Decision'),
    needsDecision: row.text('Needs decision'),
    stoppedOn: stopped ? row.date('Decided on') : undefined,
  };
}

export function placeFigureFacts(row: Row, measures: readonly Measure[]): PlaceFigureFacts {
  const measure = measureNamed(measures, row.text('Baseline measure'));
  const score = row.number('Outcome score');
  return {
    id: row.id,
    interventionId: row.text('Intervention ID'),
    pupilId: row.text('Pupil ID'),
    status: row.text('Status'),
    startDate: row.date('Start date'),
    measure: measure?.name ?? row.text('Baseline measure'),
    measureKind: measure?.kind,
    better: measure?.better,
    baselineValue: row.number('Baseline value'),
    baselineDate: row.date('Baseline date'),
    actualValue: row.number('Actual value'),
    actualDate: row.date('Actual date'),
    outcomeScore: score !== undefined && Number.isInteger(score) ? score : undefined,
    targetMet: row.text('Target met'),
  };
}

export function pupilFigureFacts(row: Row): PupilFigureFacts {
  return {
    id: row.id,
    yearGroup: row.text('Year group'),
    senStatus: row.text('SEN status'),
    primaryNeed: needCode(row.text('Primary need')),
  };
}

export function libraryFigureFacts(row: Row): LibraryFigureFacts {
  return { id: row.id, name: row.text('Name'), areaOfNeed: needCode(row.text('Area of need')) };
}
