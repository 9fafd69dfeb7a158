/**
 * A generated large school for performance tests: 2,000 pupils, 60 staff, 300 interventions,
 * 6,000 pupil places and their 18,000 reviews (baseline, mid-point and end), due dates spread
 * over the autumn term around 24 November 2026. Other sizes (2,000, 10,000 and 20,000 places), a
 * long Audit log for the benchmark, and optionally start dates with some left blank.
 */
import type { CellValue, Emulator } from '../../emulator/src';

const YEARS = ['Year 1', 'Year 2', 'Year 3', 'Year 4', 'Year 5', 'Year 6'];
const pad = (n: number): string => String(n).padStart(4, '0');

export interface BigSchoolSize {
  pupils: number;
  staff: number;
  interventions: number;
  participants: number;
  /**
   * Left out, the interventions and places have no start date, dosage or lesson missed (as the
   * sizes below). Set, every intervention gets a start date in the autumn term, a dosage and every
   * place a lesson missed, and this fraction (0 to 1) of interventions and of places is left with
   * a blank start date: a place's blank date follows its intervention's, the slow path of the
   * good-practice rules.
   */
  blankStartDates?: number;
}

export const BIG_SCHOOL: BigSchoolSize = {
  pupils: 2000,
  staff: 60,
  interventions: 300,
  participants: 6000,
};

/** 2,000 pupil places: a middle-sized school's year of interventions. */
export const SCHOOL_2000_PLACES: BigSchoolSize = {
  pupils: 700,
  staff: 30,
  interventions: 100,
  participants: 2000,
};

/** 10,000 pupil places: the largest school the add-on is built for. */
export const SCHOOL_10000_PLACES: BigSchoolSize = {
  pupils: 3300,
  staff: 100,
  interventions: 500,
  participants: 10000,
};

/** 20,000 pupil places: twice the largest school, for the whole-school jobs. */
export const SCHOOL_20000_PLACES: BigSchoolSize = {
  pupils: 6600,
  staff: 200,
  interventions: 1000,
  participants: 20000,
};

const AUDIT_FIELDS = ['Status', 'Lead', 'Due date', 'Result', 'Judgement'];

/**
 * An Audit log of `rows` past changes (a few years' use), written straight into the tab as the
 * other records are, without service calls. The rows predate the hash chain: their Row hash is
 * blank, as in a log kept before the chain began.
 */
export function seedAuditLog(emu: Emulator, rows: number): void {
  const first = new Date(2024, 8, 2, 9, 0).getTime();
  emu.appendRecords(
    'Audit log',
    Array.from({ length: rows }, (_, i) => ({
      'Audit ID': `AUD-B${String(i).padStart(6, '0')}`,
      // One change every 20 minutes from 2 September 2024.
      When: new Date(first + i * 20 * 60_000),
      Who: `staff${i % 60}@school.example`,
      'Record type': 'Review',
      'Record ID': `REV-B${String(i % 30000).padStart(6, '0')}`,
      Field: AUDIT_FIELDS[i % AUDIT_FIELDS.length] ?? 'Status',
      'Old value': 'Due',
      'New value': 'Done',
      'Request ID': '',
    })),
  );
}

/**
 * The intervention of the i-th place: an intervention's pupils are added together (the
 * participants form appends them in one go), so its places, and their reviews, sit together.
 */
function interventionOf(place: number, size: BigSchoolSize): number {
  return Math.floor((place * size.interventions) / size.participants);
}

export function seedBigSchool(emu: Emulator, size: BigSchoolSize = BIG_SCHOOL): void {
  emu.appendRecords(
    'Staff',
    Array.from({ length: size.staff }, (_, i) => ({
      'Staff ID': `STF-B${pad(i)}`,
      Name: `Staff Member ${i}`,
      Email: `staff${i}@school.example`,
      Role: 'TA',
    })),
  );
  emu.appendRecords(
    'Pupils',
    Array.from({ length: size.pupils }, (_, i) => ({
      'Pupil ID': `PUP-B${pad(i)}`,
      'First name': `First${i}`,
      'Last name': `Last${i}`,
      'Year group': YEARS[i % YEARS.length] ?? 'Year 1',
    })),
  );
  emu.appendRecords(
    'Interventions',
    Array.from({ length: size.interventions }, (_, i) => ({
      'Intervention ID': `INT-B${pad(i)}`,
      Name: `Programme ${i}`,
      Status: 'Running',
      Lead: `Staff Member ${i % size.staff}`,
      'Supported by': `Staff Member ${(i + 7) % size.staff}`,
      'Needs decision': i % 50 === 0 ? 'Mid-point review: not working' : '',
      ...datedIntervention(size, i),
    })),
  );
  emu.appendRecords(
    'Participants',
    Array.from({ length: size.participants }, (_, i) => ({
      'Participant ID': `PAR-B${pad(i)}`,
      'Intervention ID': `INT-B${pad(interventionOf(i, size))}`,
      'Pupil ID': `PUP-B${pad(i % size.pupils)}`,
      Status: 'Started',
      ...datedPlace(size, i),
    })),
  );
  const kinds = ['Baseline', 'Mid-point', 'End'] as const;
  emu.appendRecords(
    'Reviews',
    Array.from({ length: size.participants * 3 }, (_, i) => {
      const place = Math.floor(i / 3);
      const kind = kinds[i % 3] ?? 'End';
      // Spread from 2 November to 18 December; baselines done.
      const dueDay = 2 + ((place + (i % 3) * 17) % 47);
      return {
        'Review ID': `REV-B${String(i).padStart(6, '0')}`,
        'Intervention ID': `INT-B${pad(interventionOf(place, size))}`,
        'Participant ID': `PAR-B${pad(place)}`,
        Kind: kind,
        'Due date': new Date(2026, 10, dueDay),
        Status: kind === 'Baseline' ? 'Done' : 'Due',
      };
    }),
  );
}

/**
 * Whether record `i` is one of the `fraction` left blank: scattered by a fixed hash (a different
 * one per tab), so a blank place is as likely to be in a dated intervention as in a blank one.
 */
function isBlank(fraction: number, i: number, seed: number): boolean {
  return (Math.imul(i + 1, seed) >>> 0) / 2 ** 32 < fraction;
}

/** Mondays of nine weeks from 7 September 2026: a pupil's places start some together, some not. */
function autumnStart(i: number): Date {
  return new Date(2026, 8, 7 + 7 * (i % 9));
}

const LESSONS = ['Maths', 'English', 'Science', 'PE', 'Break or lunchtime'];

function datedIntervention(size: BigSchoolSize, i: number): Record<string, CellValue> {
  if (size.blankStartDates === undefined) return {};
  return {
    'Start date': isBlank(size.blankStartDates, i, 0x9e3779b1) ? '' : autumnStart(i),
    'Length (weeks)': 10,
    'Sessions per week': 3,
    'Minutes per session': 20 + 5 * (i % 4),
  };
}

function datedPlace(size: BigSchoolSize, i: number): Record<string, CellValue> {
  if (size.blankStartDates === undefined) return {};
  const intervention = interventionOf(i, size);
  const start = isBlank(size.blankStartDates, i, 0x85ebca6b) ? '' : autumnStart(intervention);
  return { 'Start date': start, 'Lesson missed': LESSONS[i % LESSONS.length] ?? 'Maths' };
}
