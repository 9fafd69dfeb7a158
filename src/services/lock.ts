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

/** Set while this execution holds the document lock: inner operations run inside it. */
let held = false;

function holding<T>(lock: GoogleAppsScript.Lock.Lock, work: () => T): T {
  held = true;
  try {
    return work();
  } finally {
    held = false;
    lock.releaseLock();
  }
}

export function withDocumentLock<T>(work: () => T): T {
  if (held) return work();
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    throw new BusyError();
  }
  return holding(lock, work);
}

/**
 * Runs `work` under the document lock when it can be had within the usual wait; otherwise runs
 * nothing and returns undefined (for the daily run: another run is already doing the work).
 */
export function withDocumentLockIfFree<T>(work: () => T): T | undefined {
  if (held) return work();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return undefined;
  return holding(lock, work);
}
