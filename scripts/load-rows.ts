// Synthetic roster rows for the load script: deterministic, varied (every status, caps, special cases, bad cells).
import { getRuleSet } from '../shared/index';
import type { RosterRowInput } from '../shared/types';
import { prng } from './bench-rows';

const UNITS = ['枣庄市立医院', '枣庄学院', '薛城区人民医院', '滕州市第一中学', '山亭区农业农村局'];
const DEPARTMENTS = ['内科', '外科', '教务处', '信息中心', '', '办公室'];
const CASES = ['', '', '', '', '', '', '产假', '病假', '境外工作', '其他'];

export function syntheticRows(count: number, seed = 2023): RosterRowInput[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (max: number) => Math.floor(rand() * (max + 1));
  return Array.from({ length: count }, (_, i): RosterRowInput => {
    const specialCase = pick(CASES);
    const row: RosterRowInput = {
      name: `职工${i + 1}`,
      unit: pick(UNITS),
      department: pick(DEPARTMENTS),
      platformPublicHours: int(40),
      platformProfessionalHours: rand() < 0.2 ? `${int(60)}学时` : int(60),
      trainingHours: rand() < 0.4 ? int(40) : null,
      trainingDays: rand() < 0.35 ? int(5) : null,
      seminarHours: rand() < 0.15 ? int(40) : null,
      seminarDays: rand() < 0.15 ? int(5) : null,
      trainingFiled: rand() < 0.05 ? '否' : '',
      certificates: rand() < 0.1 ? 1 : null,
      achievements: rand() < 0.1 ? int(4) : null,
      competitions: rand() < 0.05 ? int(4) : null,
      aidMonths: rand() < 0.03 ? int(12) : null,
      specialCase,
      absentMonths: specialCase ? int(12) : null,
      evidenceComplete: rand() < 0.1 ? '否' : '是',
      titleApplicant: rand() < 0.1 ? '是' : '',
      titleSubmissionDate: rand() < 0.1 ? `${getRuleSet().year}-10-09` : null,
    };
    if (rand() < 0.02) row.platformPublicHours = '三十'; // a bad cell: a 数据有误 row
    return row;
  });
}
