import {
  EHC_PLAN_SETTING,
  NATIONAL_FIGURE_ROWS,
  PUPILS_ON_ROLL_SETTING,
  SEN_SUPPORT_SETTING,
  nationalNeedSetting,
  senReportSettingRows,
} from '../../src/domain/national-figures';
import { DEFAULT_SETTINGS, NEED_CODE_LIST } from '../../src/domain/workbook';

const row = (setting: string) => NATIONAL_FIGURE_ROWS.find((r) => r.setting === setting);

test('every national row says which census it describes and where it comes from, with a link', () => {
  for (const r of NATIONAL_FIGURE_ROWS) {
    expect(r.year).toMatch(/^January 20\d\d$/);
    expect(r.source).toMatch(/Special educational needs in England/);
    expect(r.source).toMatch(/https:\/\/explore-education-statistics\.service\.gov\.uk\//);
  }
});

test('every figure shipped is a percentage from 0 to 100; a figure not found is blank, with where to look', () => {
  for (const r of NATIONAL_FIGURE_ROWS) {
    if (r.value === undefined) expect(r.note).toMatch(/Not pre-filled.*latest release/);
    else {
      expect(r.value).toBeGreaterThanOrEqual(0);
      expect(r.value).toBeLessThanOrEqual(100);
    }
  }
});

test('the headline figures are January 2026’s 6.0% with an EHC plan and 14.8% on SEN support, as nasen reports the DfE release', () => {
  for (const [setting, value] of [
    [EHC_PLAN_SETTING, 6.0],
    [SEN_SUPPORT_SETTING, 14.8],
  ] as const) {
    expect(row(setting)).toMatchObject({ value, year: 'January 2026' });
    expect(row(setting)?.source).toContain(
      'https://explore-education-statistics.service.gov.uk/find-statistics/special-educational-needs-in-england/2025-26',
    );
    expect(row(setting)?.source).toContain(
      'https://nasen.org.uk/index.php/news/latest-sen-stats-released-dfe',
    );
  }
});

test('the per-need figures found: ASD 33.6% and SEMH 15.5% of EHC plans, SLCN 25.7% of SEN support (January 2025)', () => {
  expect(row(nationalNeedSetting('EHC plan', 'ASD'))).toMatchObject({
    value: 33.6,
    year: 'January 2025',
  });
  expect(row(nationalNeedSetting('EHC plan', 'SEMH'))).toMatchObject({
    value: 15.5,
    year: 'January 2025',
  });
  expect(row(nationalNeedSetting('EHC plan', 'SEMH'))?.source).toContain('written question 53853');
  expect(row(nationalNeedSetting('SEN support', 'SLCN'))).toMatchObject({
    value: 25.7,
    year: 'January 2025',
  });
  const found = NATIONAL_FIGURE_ROWS.filter((r) => r.value !== undefined).map((r) => r.setting);
  expect(found).toEqual([
    EHC_PLAN_SETTING,
    SEN_SUPPORT_SETTING,
    'National SEN support: SLCN %',
    'National EHC plan: SEMH %',
    'National EHC plan: ASD %',
  ]);
});

test('the most common needs are the ones DOMAIN.md names: ASD for EHC plans, SLCN for SEN support', () => {
  const top = (status: 'EHC plan' | 'SEN support') =>
    NATIONAL_FIGURE_ROWS.filter((r) => r.setting.startsWith(`National ${status}:`)).reduce(
      (best, r) => ((r.value ?? 0) > (best.value ?? 0) ? r : best),
    ).setting;
  expect(top('EHC plan')).toBe('National EHC plan: ASD %');
  expect(top('SEN support')).toBe('National SEN support: SLCN %');
});

test('a row for every need code under SEN support, and every one but NSA (SEN support only) under EHC plans', () => {
  for (const code of NEED_CODE_LIST) {
    expect(row(nationalNeedSetting('SEN support', code))).toBeDefined();
    expect(row(nationalNeedSetting('EHC plan', code)) === undefined).toBe(code === 'NSA');
  }
});

test('the Settings rows: "Pupils on roll" first and blank, blanks written blank, each note giving year and link', () => {
  const rows = senReportSettingRows();
  expect(rows[0]).toEqual({
    setting: PUPILS_ON_ROLL_SETTING,
    value: '',
    notes: "The number of pupils on roll, for the SEN report's percentages",
  });
  expect(rows).toHaveLength(NATIONAL_FIGURE_ROWS.length + 1);
  const slcn = rows.find((r) => r.setting === 'National SEN support: SLCN %');
  expect(slcn?.value).toBe(25.7);
  expect(slcn?.notes).toMatch(/^Speech, language and communication needs\. .*January 2025; DfE/);
  expect(rows.find((r) => r.setting === 'National EHC plan: VI %')?.value).toBe('');
  for (const r of rows.slice(1)) expect(r.notes).toMatch(/January 20\d\d; .*https:\/\//);
});

test('setting names are unique and clash with no other default setting', () => {
  const names = senReportSettingRows().map((r) => r.setting);
  expect(new Set(names).size).toBe(names.length);
  for (const d of DEFAULT_SETTINGS) expect(names).not.toContain(d.setting);
});
