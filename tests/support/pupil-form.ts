import type { PupilForm } from '../../src/domain/pupil';

/** A pupil form with every field filled in validly, as the tests of the pupil form and import use. */
export const COMPLETE_PUPIL: PupilForm = {
  firstName: 'Amelia',
  lastName: 'Jones',
  dateOfBirth: '2016-03-14',
  yearGroup: 'Year 5',
  workingAtYearGroup: 'Year 3',
  senStatus: 'SEN support',
  primaryNeed: 'SPLD',
  secondaryNeed: 'SLCN',
  classTeacher: 'Ms Amara Okafor',
  upn: 'A123456789012',
};
