/** The document lock: every operation that writes to the workbook runs inside it. */
const LOCK_WAIT_MS = 20000;

export class BusyError extends Error {
  constructor() {
    super(
      'Someone else is saving to the provision map right now. Please wait a few seconds and try again.',
    );
    this.name = 'BusyError';
  }
}

export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    throw new BusyError();
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
