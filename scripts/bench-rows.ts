// Deterministic generator of realistic roster rows for the engine benchmark; its PRNG also seeds the load script.
import { dayFromIso } from '../shared/dates';
import { getRuleSet } from '../shared/index';
import { seeded } from '../shared/seeded';
import type { CellValue, RosterRowInput } from '../shared/types';

/** Excel's serial number of 1970-01-01 (the day shared/dates.ts counts from). */
const EXCEL_SERIAL_OF_EPOCH = 25569;

/** mulberry32 (shared/seeded.ts), so every run measures the same rows. */
export const prng = seeded;

const UNITS = ['枣庄市立医院', '滕州市中心人民医院', '枣庄市第一中学', '薛城区住建局', '山亭区农业农村局'];
const DEPTS = ['内科', '外科', '办公室', '教务处', '技术科', ''];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华';
// dates of the default rule set's year, written every way a roster holds them (text, serial number, 20231009-style number)
const Y = getRuleSet().year;
const serial = (iso: string): number => dayFromIso(iso) + EXCEL_SERIAL_OF_EPOCH;
const DATES: CellValue[] = [`${Y}-10-09`, serial(`${Y}-10-09`), `${Y}/6/20`, `${Y}年5月8日`, `${Y}-01-30`, serial(`${Y}-09-01`), `${Y}.12.1`, Number(`${Y}1009`)];

/** `n` rows: mostly numbers, about a tenth as text with units or full-width digits, a few special cases and errors. */
export function generateRows(n: number, seed = 2023): RosterRowInput[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const hours = (max: number): CellValue => {
    const x = Math.round(r() * max * 2) / 2;
    const t = r();
    return t < 0.06 ? `${x}学时` : t < 0.09 ? String(x) : x;
  };
  const rows: RosterRowInput[] = [];
  for (let i = 0; i < n; i++) {
    const row: RosterRowInput = {
      name: pick(SURNAMES.split('')) + pick(GIVEN.split('')) + (r() < 0.5 ? pick(GIVEN.split('')) : ''),
      unit: pick(UNITS),
      department: pick(DEPTS),
      // most people finish on the city platform; some fall short
      platformPublicHours: r() < 0.8 ? 30 + (r() < 0.5 ? 0 : Math.round(r() * 20) / 2) : hours(30),
      platformProfessionalHours: r() < 0.55 ? 60 + (r() < 0.5 ? 0 : Math.round(r() * 40) / 2) : hours(60),
    };
    if (r() < 0.3) {
      row.trainingHours = hours(40);
      row.trainingDays = Math.ceil(r() * 5);
    }
    if (r() < 0.1) {
      row.seminarHours = hours(40);
      row.seminarDays = Math.ceil(r() * 5);
    }
    if (r() < 0.05) row.trainingFiled = pick(['是', '否', 'Y']);
    if (r() < 0.1) row.degreeStudyHours = hours(60);
    if (r() < 0.1) row.certificates = Math.floor(r() * 3);
    if (r() < 0.2) row.achievements = r() < 0.2 ? `${Math.floor(r() * 5)}项` : Math.floor(r() * 5);
    if (r() < 0.05) {
      row.expertDays = Math.ceil(r() * 4);
      row.expertHours = hours(40);
    }
    if (r() < 0.03) row.aidMonths = Math.ceil(r() * 12);
    if (r() < 0.1) row.competitions = Math.floor(r() * 4);
    if (r() < 0.04) {
      row.specialCase = pick(['境外工作', '病假', '产假', '其他']);
      row.absentMonths = Math.ceil(r() * 12);
    }
    if (r() < 0.02) row.transferPublicHours = hours(30);
    if (r() < 0.02) row.transferProfessionalHours = hours(60);
    if (r() < 0.3) row.evidenceComplete = pick(['是', '否', '', 'Y', '√']);
    if (r() < 0.1) {
      row.titleApplicant = '是';
      row.titleSubmissionDate = pick(DATES);
    }
    if (r() < 0.01) row.platformPublicHours = pick(['-3', '三十', '１２ 小时x']);
    // hospitals and schools: some staff's professional part is checked by the sector (by row, not by the PRNG, so
    // that the rows above stay the ones every earlier benchmark measured)
    if (i % 23 === 7) row.professionalBySector = '是';
    rows.push(row);
  }
  return rows;
}
