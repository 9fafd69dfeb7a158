import {
  findSenco,
  recipientsOf,
  staffDirectory,
  staffKey,
} from '../../src/domain/reminder-recipients';
import type { InterventionRef, StaffRef } from '../../src/domain/reminder-model';

const staff: StaffRef[] = [
  { id: 'STF-1', name: 'Ms Amara Okafor', email: 'senco@x.example', role: 'SENCo' },
  { id: 'STF-2', name: 'Sam Okonjo-Reed', email: 'Sam@X.example ', role: 'TA' },
  { id: 'STF-3', name: 'Zoë Brontë', email: '', role: 'Teacher' },
  { id: '', name: 'Ann Bee', email: 'ann@x.example', role: 'TA' },
];

const intervention = (lead: string, supportedBy: string): InterventionRef => ({
  id: 'INT-1',
  name: 'Language group',
  lead,
  supportedBy,
  status: 'Running',
  needsDecision: '',
});

describe('matching the lead and supporters to the Staff tab', () => {
  const find = staffDirectory(staff);

  test('a trailing role, case, spaces and accents do not count', () => {
    const got = recipientsOf(
      intervention('ms amara  okafor (SENCo)', 'Sam Okonjo-Reed (TA); Zoe Bronte and SALT'),
      find,
    );
    expect(got.people.map((p) => p.id)).toEqual(['STF-1', 'STF-2']);
    expect(got.noEmail).toEqual(['Zoë Brontë']);
    expect(got.notOnStaffList).toEqual(['SALT']);
  });

  test('one person however often named; an empty cell names nobody', () => {
    const got = recipientsOf(intervention('Sam Okonjo-Reed', 'SAM OKONJO-REED (TA)'), find);
    expect(got.people.map((p) => p.id)).toEqual(['STF-2']);
    expect(recipientsOf(intervention('', ''), find)).toEqual({
      people: [],
      noEmail: [],
      notOnStaffList: [],
    });
  });

  test('digest keys and the SENCo', () => {
    expect(staffKey(staff[1]!)).toBe('staff:STF-2');
    expect(staffKey(staff[3]!)).toBe('staff:ann@x.example');
    expect(findSenco(staff)?.id).toBe('STF-1');
    expect(findSenco(staff.slice(1))).toBeUndefined();
  });
});
