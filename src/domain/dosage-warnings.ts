/**
 * Dosage (EEF guidance, "Making best use of teaching assistants"): sessions of 15 to 45 minutes,
 * 3 to 5 times a week, over 8 to 20 weeks, and never left to run indefinitely. The bounds come from
 * the Settings tab; the messages say whose they are, and only call the guidance "for TA-led
 * interventions" when a TA is leading.
 */
import { formatNumber, plural, positive, range, type Warning } from './practice-facts';
import { isEefGuidance, type PracticeSettingKey, type PracticeSettings } from './practice-settings';

export interface Dosage {
  minutesPerSession: number | undefined;
  sessionsPerWeek: number | undefined;
  lengthWeeks: number | undefined;
}

/**
 * The dosage warnings for an intervention (or a library entry's defaults). `leadRole` is the lead's
 * Role on the Staff tab ('' or undefined when not known).
 */
export function dosageWarnings(
  dosage: Dosage,
  settings: PracticeSettings,
  leadRole = '',
): Warning[] {
  return [
    ...sessionLengthWarnings(positive(dosage.minutesPerSession), settings, leadRole),
    ...sessionsPerWeekWarnings(positive(dosage.sessionsPerWeek), settings),
    ...programmeLengthWarnings(positive(dosage.lengthWeeks), settings),
  ];
}

function boundsSource(
  settings: PracticeSettings,
  pair: readonly [PracticeSettingKey, PracticeSettingKey],
): string {
  return isEefGuidance(settings, pair) ? 'the EEF recommends' : 'set on the Settings tab';
}

/** Whom the EEF's session length is for: the guidance is written for TAs leading sessions. */
function ledBy(leadRole: string): string {
  return leadRole.trim().toLowerCase() === 'ta'
    ? 'for TA-led interventions'
    : 'for structured interventions';
}

function sessionLengthWarnings(
  minutes: number | undefined,
  settings: PracticeSettings,
  leadRole: string,
): Warning[] {
  if (minutes === undefined) return [];
  const pair = ['minMinutes', 'maxMinutes'] as const;
  const { minMinutes, maxMinutes } = settings;
  const guidance = `the ${range(minMinutes, maxMinutes)} minutes ${
    isEefGuidance(settings, pair)
      ? `the EEF recommends ${ledBy(leadRole)}`
      : 'set on the Settings tab'
  }`;
  const sessions = `Sessions of ${plural(minutes, 'minute')}`;
  if (minutes > maxMinutes) {
    return [
      {
        kind: 'session-length',
        message: `${sessions} are longer than ${guidance}: pupils lose focus and miss more lessons.`,
      },
    ];
  }
  if (minutes < minMinutes) {
    return [
      {
        kind: 'session-length',
        message: `${sessions} are shorter than ${guidance}: too short for the structured practice that makes interventions work.`,
      },
    ];
  }
  return [];
}

function sessionsPerWeekWarnings(
  sessions: number | undefined,
  settings: PracticeSettings,
): Warning[] {
  if (sessions === undefined) return [];
  const { minSessions, maxSessions } = settings;
  const often = sessions === 1 ? 'Once a week' : `${plural(sessions, 'session')} a week`;
  const guidance = `the ${range(minSessions, maxSessions)} ${
    maxSessions === 1 ? 'session' : 'sessions'
  } a week ${boundsSource(settings, ['minSessions', 'maxSessions'])}`;
  if (sessions < minSessions) {
    return [
      {
        kind: 'sessions-per-week',
        message: `${often} is less than ${guidance}: gains fade between sessions.`,
      },
    ];
  }
  if (sessions > maxSessions) {
    return [
      {
        kind: 'sessions-per-week',
        message: `${often} is more than ${guidance}: more than ${formatNumber(maxSessions)} a week takes a lot of lesson time.`,
      },
    ];
  }
  return [];
}

function programmeLengthWarnings(weeks: number | undefined, settings: PracticeSettings): Warning[] {
  if (weeks === undefined) {
    return [
      {
        kind: 'not-time-limited',
        message:
          'No length is set: an intervention must be time-limited, with an end date, never left to run indefinitely.',
      },
    ];
  }
  const { minWeeks, maxWeeks } = settings;
  const guidance = `the ${range(minWeeks, maxWeeks)} weeks ${boundsSource(settings, [
    'minWeeks',
    'maxWeeks',
  ])}`;
  if (weeks > maxWeeks) {
    return [
      {
        kind: 'programme-length',
        message: `${plural(weeks, 'week')} is longer than ${guidance}: impact is highest for programmes of 12 to 20 weeks, so review whether it is still needed.`,
      },
    ];
  }
  if (weeks < minWeeks) {
    return [
      {
        kind: 'programme-length',
        message: `${plural(weeks, 'week')} is shorter than ${guidance}: too short to show measurable progress.`,
      },
    ];
  }
  return [];
}
