import {
  EDITED_SOURCE,
  EDITED_YEAR,
  nationalFiguresFrom,
  oneDecimal,
  pupilsOnRollFrom,
  senReport,
  type StatusReport,
} from '../../src/domain/sen-report';
import type { PupilFigureFacts } from '../../src/domain/provision-facts';
import type { NeedCode } from '../../src/domain/workbook';

let next = 0;
function pupils(count: number, senStatus: string, primaryNeed: NeedCode | ''): PupilFigureFacts[] {
  return Array.from({ length: count }, () => {
    next += 1;
    return { id: `PUP-${next}`, yearGroup: 'Year 4', senStatus, primaryNeed };
  });
}

// A school of 400 on roll: 60 on SEN support (18 SLCN, 15 SEMH, 12 SPLD, 9 MLD, 6 ASD) and 20
// with EHC plans (8 ASD, 4 SEMH, 4 SLCN, 2 MLD, 2 SLD), plus 5 pupils on the Pupils tab who are
// not on the register.
const school: PupilFigureFacts[] = [
  ...pupils(18, 'SEN support', 'SLCN'),
  ...pupils(15, 'SEN support', 'SEMH'),
  ...pupils(12, 'SEN support', 'SPLD'),
  ...pupils(9, 'SEN support', 'MLD'),
  ...pupils(6, 'SEN support', 'ASD'),
  ...pupils(8, 'EHC plan', 'ASD'),
  ...pupils(4, 'EHC plan', 'SEMH'),
  ...pupils(4, 'EHC plan', 'SLCN'),
  ...pupils(2, 'EHC plan', 'MLD'),
  ...pupils(2, 'EHC plan', 'SLD'),
  ...pupils(5, '', ''),
];
const builtIn = nationalFiguresFrom({});
const statusOf = (report: ReturnType<typeof senReport>, status: string): StatusReport => {
  const found = report.statuses.find((s) => s.status === status);
  if (!found) throw new Error(status);
  return found;
};
const line = (s: StatusReport, code: NeedCode | '') => s.byNeed.find((l) => l.code === code);

test('400 on roll, 60 on SEN support and 20 with EHC plans: 15.0% and 5.0%, beside 14.8% and 6.0% nationally', () => {
  const report = senReport(school, 400, builtIn);
  expect(report.onRegister).toBe(80);
  expect(report.rollReason).toBeUndefined();
  const support = statusOf(report, 'SEN support');
  const ehc = statusOf(report, 'EHC plan');
  // 60 ÷ 400 = 15.0%, 15.0 − 14.8 = +0.2 points; 20 ÷ 400 = 5.0%, 5.0 − 6.0 = −1.0 points.
  expect([support.pupils, support.percentOfRoll, support.differencePoints]).toEqual([60, 15, 0.2]);
  expect(support.national).toMatchObject({ value: 14.8, year: 'January 2026' });
  expect([ehc.pupils, ehc.percentOfRoll, ehc.differencePoints]).toEqual([20, 5, -1]);
});

test('each status’s pupils by primary need, beside the national %: SLCN 30.0% of SEN support v 25.7%, ASD 40.0% of EHC plans v 33.6%', () => {
  const report = senReport(school, 400, builtIn);
  const support = statusOf(report, 'SEN support');
  const ehc = statusOf(report, 'EHC plan');
  // 18 ÷ 60 = 30.0%, 30.0 − 25.7 = +4.3; 15 ÷ 60 = 25.0% (no national figure: no difference).
  expect(line(support, 'SLCN')).toMatchObject({ pupils: 18, percent: 30, differencePoints: 4.3 });
  expect(line(support, 'SEMH')).toMatchObject({ pupils: 15, percent: 25 });
  expect(line(support, 'SEMH')?.differencePoints).toBeUndefined();
  // 8 ÷ 20 = 40.0%, 40.0 − 33.6 = +6.4; 4 ÷ 20 = 20.0%, 20.0 − 15.5 = +4.5.
  expect(line(ehc, 'ASD')).toMatchObject({ pupils: 8, percent: 40, differencePoints: 6.4 });
  expect(line(ehc, 'SEMH')).toMatchObject({ pupils: 4, percent: 20, differencePoints: 4.5 });
  expect(line(ehc, 'ASD')?.need).toBe('Autistic spectrum disorder');
  expect(line(ehc, 'PD')).toMatchObject({ pupils: 0, percent: 0 });
});

test('the need percentages of each status add up to 100 (within the one-decimal rounding)', () => {
  const thirds = [
    ...pupils(1, 'EHC plan', 'ASD'),
    ...pupils(1, 'EHC plan', 'SLD'),
    ...pupils(1, 'EHC plan', 'PMLD'),
  ];
  for (const report of [senReport(school, 400, builtIn), senReport(thirds, 100, builtIn)]) {
    for (const s of report.statuses.filter((x) => x.pupils > 0)) {
      const lines = s.byNeed.filter((l) => l.pupils > 0);
      const sum = lines.reduce((t, l) => t + (l.percent ?? 0), 0);
      expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.05 * lines.length);
    }
  }
  // Three pupils, one each: 33.3% three times (99.9%).
  expect(statusOf(senReport(thirds, 100, builtIn), 'EHC plan').byNeed[2]?.percent).toBe(33.3);
});

test('pupils with no primary need recorded get their own line, so the need lines still cover every pupil', () => {
  const report = senReport(
    [...pupils(3, 'SEN support', 'SLCN'), ...pupils(1, 'SEN support', '')],
    100,
    builtIn,
  );
  const support = statusOf(report, 'SEN support');
  expect(line(support, '')).toMatchObject({
    need: 'No primary need recorded',
    pupils: 1,
    percent: 25,
  });
  expect(line(support, '')?.differencePoints).toBeUndefined();
  expect(line(statusOf(report, 'EHC plan'), '')).toBeUndefined();
});

test('blank "Pupils on roll": no % of roll, the reason says what to do, and the need breakdown still shows', () => {
  const report = senReport(school, undefined, builtIn);
  expect(report.rollReason).toBe('Enter "Pupils on roll" on the Settings tab');
  for (const s of report.statuses) {
    expect(s.percentOfRoll).toBeUndefined();
    expect(s.differencePoints).toBeUndefined();
  }
  expect(line(statusOf(report, 'SEN support'), 'SLCN')?.percent).toBe(30);
});

test('"Pupils on roll" smaller than the register is a mistake to correct, not a 100%+ figure', () => {
  const report = senReport(school, 30, builtIn);
  expect(report.rollReason).toBe(
    '"Pupils on roll" (30) is fewer than the 80 pupils on the SEN register: correct it on the Settings tab',
  );
  expect(statusOf(report, 'SEN support').percentOfRoll).toBeUndefined();
});

test('a national figure the school edited on the Settings tab is the one used, and is marked as its own', () => {
  const national = nationalFiguresFrom({
    'National: SEN support %': 15.1,
    'National: EHC plan %': '6.0',
  });
  expect(national['National: SEN support %']).toEqual({
    value: 15.1,
    year: EDITED_YEAR,
    source: EDITED_SOURCE,
  });
  // Unchanged from the built-in value: still the built-in year and source.
  expect(national['National: EHC plan %']).toMatchObject({ value: 6, year: 'January 2026' });
  const support = statusOf(senReport(school, 400, national), 'SEN support');
  expect(support.differencePoints).toBe(-0.1); // 15.0 − 15.1
});

test('a per-need figure the school types into a blank row is used: "21.4%" for SEMH on SEN support', () => {
  const national = nationalFiguresFrom({ 'National SEN support: SEMH %': '21.4%' });
  const support = statusOf(senReport(school, 400, national), 'SEN support');
  expect(line(support, 'SEMH')).toMatchObject({ percent: 25, differencePoints: 3.6 });
  expect(line(support, 'SEMH')?.national.source).toBe(EDITED_SOURCE);
});

test('a national figure blanked on the Settings tab is not compared; one that is not a percentage says why', () => {
  const national = nationalFiguresFrom({
    'National: EHC plan %': '',
    'National: SEN support %': 'n/a',
  });
  expect(national['National: EHC plan %']?.value).toBeUndefined();
  expect(national['National: SEN support %']).toMatchObject({
    value: undefined,
    problem: '"n/a" is not a percentage from 0 to 100',
  });
  expect(
    nationalFiguresFrom({ 'National: EHC plan %': 140 })['National: EHC plan %']?.value,
  ).toBeUndefined();
  const report = senReport(school, 400, national);
  expect(statusOf(report, 'EHC plan').percentOfRoll).toBe(5);
  expect(statusOf(report, 'EHC plan').differencePoints).toBeUndefined();
});

test('"Pupils on roll" is read as a whole number of 1 or more', () => {
  const read = (v: unknown) => pupilsOnRollFrom({ 'Pupils on roll': v });
  expect([read(400), read(' 400 '), read(''), read(0), read(12.5), read('four hundred')]).toEqual([
    400,
    400,
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
  expect(pupilsOnRollFrom({})).toBeUndefined();
});

test('one decimal, halves away from zero, whatever binary fractions do', () => {
  expect([oneDecimal(0.15), oneDecimal(-0.25), oneDecimal(33.333), oneDecimal(14.95)]).toEqual([
    0.2, -0.3, 33.3, 15,
  ]);
});
