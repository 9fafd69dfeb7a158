/** What the Getting started sidebar asks the server (src/api/getting-started.ts). */
import type { StepStatus } from '../domain/getting-started';

export interface GettingStartedStatus {
  /** Every step in order, each done or not, with what the workbook has now. */
  steps: StepStatus[];
}

/** The outcome of a step run from the sidebar, with the steps as they are afterwards. */
export interface GettingStartedOutcome {
  ok: boolean;
  /** What happened, one paragraph a line. */
  message: string;
  status: GettingStartedStatus;
}

export interface GettingStartedApi {
  getGettingStarted(): GettingStartedStatus;
  /** "Set up provision map", run from the sidebar: its report comes back as the message. */
  setUpFromGettingStarted(): GettingStartedOutcome;
  /** Turns the review reminders on from this user's account (when nobody sends them). */
  turnOnRemindersFromGettingStarted(): GettingStartedOutcome;
}
