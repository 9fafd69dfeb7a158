/** Staff and the Provision library. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StaffApi {}
