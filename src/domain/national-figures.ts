/**
 * England's national SEN figures, to pre-fill the Settings tab for the SEN report (sen-report.ts),
 * which sets the school's own percentages beside them. Each row carries the census it comes from
 * and where it was read, because a SENCo quoting it to governors must be able to check it. A
 * figure not found in a citable source is left blank, with a note saying where to look: it is
 * never estimated.
 *
 * Sources (the DfE's accredited official statistics "Special educational needs in England", from
 * the January school census; percentages of all pupils, or of the pupils with that provision):
 * - EHC plan 6.0% and SEN support 14.8% of all pupils, January 2026: release for academic year
 *   2025/26, https://explore-education-statistics.service.gov.uk/find-statistics/special-educational-needs-in-england/2025-26/explore
 *   ; the two figures as nasen reports that release ("Latest SEN stats released by DfE":
 *   "up from 5.3% to 6.0%", "bringing the percentage to 14.8% of all pupils"),
 *   https://nasen.org.uk/index.php/news/latest-sen-stats-released-dfe
 * - Autistic spectrum disorder 33.6% of pupils with an EHC plan, and speech, language and
 *   communication needs 25.7% of pupils on SEN support, January 2025: release for academic year
 *   2024/25 (https://explore-education-statistics.service.gov.uk/find-statistics/special-educational-needs-in-england/2024-25),
 *   as two summaries of it report them ("Changing needs" in Flourish Education's "SEN in England:
 *   Numbers Continue to Climb", https://www.flourisheducation.co.uk/resources/news/sen-in-england-numbers-continue-to-climb-reforms/117/
 *   , and "Primary types of need" in Eton Academy's "One in Five Pupils in England Now Has SEND",
 *   https://www.eton-academy.uk/post/one-in-five-pupils-in-england-now-has-send).
 * - Social, emotional and mental health 15.5% of pupils with an EHC plan attending school: the
 *   DfE's answer to written question 53853, answered 25 June 2025 ("Currently, 15.5% of those with
 *   an EHC plan who are attending school have SEMH recorded as their primary need"),
 *   https://parallelparliament.co.uk/question/53853/special-educational-needs ; "currently" then
 *   meant the January 2025 census, published on 12 June 2025.
 * No other percentage by type of need was found for January 2025 or January 2026: those rows are
 * blank for the school to fill from the release's tables.
 */
import { NEED_CODE_LIST, NEED_CODES, type NeedCode, type SEN_STATUSES } from './workbook';

export type SenStatus = (typeof SEN_STATUSES)[number];

export interface NationalFigureRow {
  setting: string;
  /** A percentage (5.3 means 5.3%); undefined when no citable figure was found. */
  value: number | undefined;
  /** The census the figure describes, e.g. 'January 2026'. */
  year: string;
  /** The release, with its address (and where the figure was read, when that is elsewhere). */
  source: string;
  note: string;
}

export const EHC_PLAN_SETTING = 'National: EHC plan %';
export const SEN_SUPPORT_SETTING = 'National: SEN support %';
export const PUPILS_ON_ROLL_SETTING = 'Pupils on roll';

/** The setting holding the national % of all pupils with that provision. */
export function nationalStatusSetting(status: SenStatus): string {
  return status === 'EHC plan' ? EHC_PLAN_SETTING : SEN_SUPPORT_SETTING;
}

/** The setting holding the national % of that provision's pupils whose primary need is `code`. */
export function nationalNeedSetting(status: SenStatus, code: NeedCode): string {
  return `National ${status}: ${code} %`;
}

const RELEASE_2026 =
  'DfE, Special educational needs in England, academic year 2025/26: https://explore-education-statistics.service.gov.uk/find-statistics/special-educational-needs-in-england/2025-26/explore';
const RELEASE_2025 =
  'DfE, Special educational needs in England, academic year 2024/25: https://explore-education-statistics.service.gov.uk/find-statistics/special-educational-needs-in-england/2024-25';
const AS_NASEN_REPORTS =
  'as reported by nasen, https://nasen.org.uk/index.php/news/latest-sen-stats-released-dfe';
const AS_SUMMARIES_REPORT =
  'as reported by Flourish Education, https://www.flourisheducation.co.uk/resources/news/sen-in-england-numbers-continue-to-climb-reforms/117/ and Eton Academy, https://www.eton-academy.uk/post/one-in-five-pupils-in-england-now-has-send';
const PQ_53853 =
  'DfE answer to written question 53853, 25 June 2025: https://parallelparliament.co.uk/question/53853/special-educational-needs';

const LOOK_IT_UP =
  'Not pre-filled: no citable figure was found. Type it from the latest release (its table of pupils by SEN provision and primary type of need, England)';

/** The per-need figures found (see the header for each source). */
const FOUND: readonly {
  status: SenStatus;
  code: NeedCode;
  value: number;
  source: string;
  note: string;
}[] = [
  {
    status: 'EHC plan',
    code: 'ASD',
    value: 33.6,
    source: `${RELEASE_2025}; ${AS_SUMMARIES_REPORT}`,
    note: 'The most common primary need of pupils with an EHC plan',
  },
  {
    status: 'EHC plan',
    code: 'SEMH',
    value: 15.5,
    source: `${PQ_53853}; release: ${RELEASE_2025}`,
    note: 'Of pupils with an EHC plan attending school; the answer says "currently", which then meant the January 2025 census',
  },
  {
    status: 'SEN support',
    code: 'SLCN',
    value: 25.7,
    source: `${RELEASE_2025}; ${AS_SUMMARIES_REPORT}`,
    note: 'The most common primary need of pupils on SEN support',
  },
];

function needRow(status: SenStatus, code: NeedCode): NationalFigureRow {
  const found = FOUND.find((f) => f.status === status && f.code === code);
  const setting = nationalNeedSetting(status, code);
  if (found) {
    return {
      setting,
      value: found.value,
      year: 'January 2025',
      source: found.source,
      note: found.note,
    };
  }
  return {
    setting,
    value: undefined,
    year: 'January 2026',
    source: RELEASE_2026,
    note: LOOK_IT_UP,
  };
}

/** NSA is "SEN support but no specialist assessment of type of need": it has no EHC plan row. */
function codesFor(status: SenStatus): NeedCode[] {
  return status === 'EHC plan' ? NEED_CODE_LIST.filter((c) => c !== 'NSA') : NEED_CODE_LIST;
}

/** The Settings tab's national rows, in the order set-up writes them. */
export const NATIONAL_FIGURE_ROWS: readonly NationalFigureRow[] = [
  {
    setting: EHC_PLAN_SETTING,
    value: 6.0,
    year: 'January 2026',
    source: `${RELEASE_2026}; ${AS_NASEN_REPORTS}`,
    note: 'Pupils with an EHC plan, as a percentage of all pupils in England',
  },
  {
    setting: SEN_SUPPORT_SETTING,
    value: 14.8,
    year: 'January 2026',
    source: `${RELEASE_2026}; ${AS_NASEN_REPORTS}`,
    note: 'Pupils on SEN support (no EHC plan), as a percentage of all pupils in England',
  },
  ...codesFor('SEN support').map((code) => needRow('SEN support', code)),
  ...codesFor('EHC plan').map((code) => needRow('EHC plan', code)),
];

/** A row as DEFAULT_SETTINGS holds it: the Notes cell carries the year, the source and the note. */
export interface SenReportSettingRow {
  setting: string;
  value: number | '';
  notes: string;
}

export const PUPILS_ON_ROLL_ROW: SenReportSettingRow = {
  setting: PUPILS_ON_ROLL_SETTING,
  value: '',
  notes: "The number of pupils on roll, for the SEN report's percentages",
};

function needWords(setting: string): string {
  const code = NEED_CODE_LIST.find((c) => setting.endsWith(`: ${c} %`));
  return code ? `${NEED_CODES[code]}. ` : '';
}

/** The rows set-up adds to the Settings tab for the SEN report (it never overwrites a value). */
export function senReportSettingRows(): SenReportSettingRow[] {
  return [
    PUPILS_ON_ROLL_ROW,
    ...NATIONAL_FIGURE_ROWS.map((row): SenReportSettingRow => ({
      setting: row.setting,
      value: row.value ?? '',
      notes: `${needWords(row.setting)}${row.note}. ${row.year}; ${row.source}. Type a percentage as a number (5.3 for 5.3%).`,
    })),
  ];
}
