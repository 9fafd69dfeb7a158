/**
 * A generated large school for performance tests: 2,000 pupils, 60 staff, 300 interventions,
 * 6,000 pupil places and their 18,000 reviews (baseline, mid-point and end), due dates spread
 * over the autumn term around 24 November 2026. Other sizes (2,000 and 10,000 places) and a
 * long Audit log for the benchmark.
 */
import type { Emulator } from '../../emulator/src';

const YEARS = ['Year 1', 'Year 2', 'Year 3', 'Year 4', 'Year 5', 'Year 6'];
const pad = (n: number): string => String(n).padStart(4, '0');

export interface BigSchoolSize {
  pupils: number;
  staff: number;
  interventions: number;
  participants: number;
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
    })),
  );
  emu.appendRecords(
    'Participants',
    Array.from({ length: size.participants }, (_, i) => ({
      'Participant ID': `PAR-B${pad(i)}`,
      'Intervention ID': `INT-B${pad(i % size.interventions)}`,
      'Pupil ID': `PUP-B${pad(i % size.pupils)}`,
      Status: 'Started',
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
        'Intervention ID': `INT-B${pad(place % size.interventions)}`,
        'Participant ID': `PAR-B${pad(place)}`,
        Kind: kind,
        'Due date': new Date(2026, 10, dueDay),
        Status: kind === 'Baseline' ? 'Done' : 'Due',
      };
    }),
  );
}
