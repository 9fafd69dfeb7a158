/** Pupils: add and edit, and import from a CSV exported from the school's MIS. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PupilApi {}
