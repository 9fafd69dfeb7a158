/**
 * The SEN report: the school's SEN register beside England's, to spot a mismatch between the
 * school's areas of need and the nation's (and so between need and provision). For each status,
 * SEN support and EHC plan: the % of pupils on roll, and the % of that status's pupils by primary
 * need, each beside the national % (from the Settings tab, as the school may have edited it) and
 * the difference in percentage points. Figures are rounded to one decimal; a difference is that of
 * the two figures shown, so the printed sheet adds up.
 */
import {
  NATIONAL_FIGURE_ROWS,
  PUPILS_ON_ROLL_SETTING,
  nationalNeedSetting,
  nationalStatusSetting,
  type SenStatus,
} from './national-figures';
import type { PupilFigureFacts } from './provision-facts';
import { NEED_CODE_LIST, NEED_CODES, SEN_STATUSES, type NeedCode } from './workbook';

export interface NationalFigure {
  value: number | undefined;
  year: string;
  source: string;
  /** Why a Settings value was not used ("abc" is not a percentage), when it was not. */
  problem?: string;
}

/** Setting name → the national figure the report uses. */
export type NationalFigures = Readonly<Record<string, NationalFigure>>;

export const EDITED_YEAR = 'As entered on the Settings tab';
export const EDITED_SOURCE = 'The Settings tab (the school’s own figure)';

/** A percentage as a cell holds it: 5.3, '5.3' or '5.3%', from 0 to 100. */
function percentFrom(value: unknown): number | undefined {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\d+(\.\d+)?\s*%?$/.test(value.trim())) {
    n = Number.parseFloat(value.trim());
  }
  return n !== undefined && Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
}

/**
 * The national figures from the Settings tab's setting → value map (settingValues). A row the tab
 * lacks (set-up not yet run since it was added) keeps the built-in figure; a blank one has none; a
 * value the school changed is its own, so the built-in year and source no longer describe it.
 */
export function nationalFiguresFrom(values: Readonly<Record<string, unknown>>): NationalFigures {
  const figures: Record<string, NationalFigure> = {};
  for (const row of NATIONAL_FIGURE_ROWS) {
    const builtIn = { value: row.value, year: row.year, source: row.source };
    if (!(row.setting in values)) {
      figures[row.setting] = builtIn;
      continue;
    }
    const raw = values[row.setting];
    const blank = raw === undefined || raw === null || (typeof raw === 'string' && !raw.trim());
    const value = percentFrom(raw);
    if (blank) figures[row.setting] = { ...builtIn, value: undefined };
    else if (value === undefined) {
      figures[row.setting] = {
        value: undefined,
        year: '',
        source: EDITED_SOURCE,
        problem: `"${String(raw)}" is not a percentage from 0 to 100`,
      };
    } else if (value === row.value) figures[row.setting] = builtIn;
    else figures[row.setting] = { value, year: EDITED_YEAR, source: EDITED_SOURCE };
  }
  return figures;
}

/** "Pupils on roll" from the Settings tab: a whole number of 1 or more, else undefined. */
export function pupilsOnRollFrom(values: Readonly<Record<string, unknown>>): number | undefined {
  const raw = values[PUPILS_ON_ROLL_SETTING];
  const n = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** One decimal, halves away from zero (a small nudge absorbs binary fractions like 0.15). */
export function oneDecimal(x: number): number {
  const sign = x < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(x) * 10 + 1e-9)) / 10;
}

const percentOf = (part: number, whole: number): number => oneDecimal((part / whole) * 100);
const pointsBetween = (school: number | undefined, national: number | undefined) =>
  school === undefined || national === undefined ? undefined : oneDecimal(school - national);

export interface NeedLine {
  /** '' for the pupils with no primary need recorded. */
  code: NeedCode | '';
  need: string;
  pupils: number;
  /** % of this status's pupils; undefined when the status has none. */
  percent: number | undefined;
  national: NationalFigure;
  /** School − national, in percentage points. */
  differencePoints: number | undefined;
}

export interface StatusReport {
  status: SenStatus;
  pupils: number;
  /** % of pupils on roll; undefined (see SenReport.rollReason) without a usable number on roll. */
  percentOfRoll: number | undefined;
  national: NationalFigure;
  differencePoints: number | undefined;
  /** NEED_CODES order, then the pupils with no primary need (only when there are any). */
  byNeed: NeedLine[];
}

export interface SenReport {
  pupilsOnRoll: number | undefined;
  /** Pupils with SEN support or an EHC plan. */
  onRegister: number;
  /** Why the % of pupils on roll is blank, when it is. */
  rollReason: string | undefined;
  statuses: StatusReport[];
}

const NOT_RECORDED = 'No primary need recorded';
const NO_FIGURE: NationalFigure = { value: undefined, year: '', source: '' };

function statusOf(pupil: PupilFigureFacts): SenStatus | undefined {
  const text = pupil.senStatus.trim().toLowerCase();
  return SEN_STATUSES.find((s) => s.toLowerCase() === text);
}

function rollReasonFor(pupilsOnRoll: number | undefined, onRegister: number): string | undefined {
  if (pupilsOnRoll === undefined || !(pupilsOnRoll >= 1))
    return 'Enter "Pupils on roll" on the Settings tab';
  if (pupilsOnRoll < onRegister) {
    return `"Pupils on roll" (${pupilsOnRoll}) is fewer than the ${onRegister} pupils on the SEN register: correct it on the Settings tab`;
  }
  return undefined;
}

export function senReport(
  pupils: readonly PupilFigureFacts[],
  pupilsOnRoll: number | undefined,
  national: NationalFigures,
): SenReport {
  const withStatus = pupils.flatMap((p) => {
    const status = statusOf(p);
    return status ? [{ status, need: p.primaryNeed }] : [];
  });
  const onRegister = withStatus.length;
  const rollReason = rollReasonFor(pupilsOnRoll, onRegister);
  const roll = rollReason === undefined ? pupilsOnRoll : undefined;
  const figure = (setting: string): NationalFigure => national[setting] ?? NO_FIGURE;

  const statuses = SEN_STATUSES.map((status): StatusReport => {
    const group = withStatus.filter((p) => p.status === status);
    const count = (code: NeedCode | '') => group.filter((p) => p.need === code).length;
    const line = (code: NeedCode | ''): NeedLine => {
      const n = count(code);
      const percent = group.length > 0 ? percentOf(n, group.length) : undefined;
      const nat = code === '' ? NO_FIGURE : figure(nationalNeedSetting(status, code));
      return {
        code,
        need: code === '' ? NOT_RECORDED : NEED_CODES[code],
        pupils: n,
        percent,
        national: nat,
        differencePoints: pointsBetween(percent, nat.value),
      };
    };
    const byNeed = NEED_CODE_LIST.map(line);
    if (count('') > 0) byNeed.push(line(''));
    const nat = figure(nationalStatusSetting(status));
    const percentOfRoll = roll === undefined ? undefined : percentOf(group.length, roll);
    return {
      status,
      pupils: group.length,
      percentOfRoll,
      national: nat,
      differencePoints: pointsBetween(percentOfRoll, nat.value),
      byNeed,
    };
  });
  return { pupilsOnRoll, onRegister, rollReason, statuses };
}
