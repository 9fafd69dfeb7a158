/** Results the sidebar endpoints return (not an endpoint: src/main.ts does not re-export it). */
import type { FieldErrors } from '../domain/schema-helpers';

/** A refused save: nothing was written, and each field says what is wrong. */
export function refused(errors: FieldErrors): { ok: false; errors: FieldErrors; message: string } {
  const fields = Object.keys(errors).filter((key) => key !== 'form').length;
  return {
    ok: false,
    errors,
    message:
      fields === 0
        ? 'Nothing was saved:'
        : fields === 1
          ? 'Nothing was saved: please correct the field marked below.'
          : `Nothing was saved: please correct the ${fields} fields marked below.`,
  };
}

/** Words for a retried save whose first try had already gone through (see store/request-log.ts). */
export const ALREADY_SAVED =
  'Saved. Your first try had already reached the sheet, so nothing was done twice.';

/** The result a retried save gives when its first result is no longer kept. */
export function savedAlready(recordIds: string[]): { ok: true; id: string; message: string } {
  return { ok: true, id: recordIds[0] ?? '', message: ALREADY_SAVED };
}
