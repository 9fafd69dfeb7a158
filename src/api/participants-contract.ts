/** Pupils in an intervention (consent, baselines, targets) and the pupil profile. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ParticipantApi {}
