/** Who is acting, the script's time zone and fresh IDs: the Session and Utilities services. */
export function currentUserEmail(): string {
  return Session.getActiveUser().getEmail();
}

export function uuid(): string {
  return Utilities.getUuid();
}

export function scriptTimeZone(): string {
  return Session.getScriptTimeZone();
}

/** Today's date as yyyy-mm-dd in the script's time zone. */
export function todayIso(): string {
  return Utilities.formatDate(new Date(), scriptTimeZone(), 'yyyy-MM-dd');
}
