/**
 * A generated large school for performance tests: 2,000 pupils, 60 staff, 300 interventions,
 * 6,000 pupil places and their 18,000 reviews (baseline, mid-point and end), due dates spread
 * over the autumn term around 24 November 2026.
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
