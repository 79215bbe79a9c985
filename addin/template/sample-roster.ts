// "插入示例花名册": a realistic 30-row roster of Zaozhuang professionals covering the notice's cases. Its dates are in
// the rule set's year (and one early in the next), so the sample reads the same under any year's rule set.
import { DEFAULT_RULE_SET, getRuleSet, headerTable } from '../../shared/index';
import type { CellValue, RosterKey, RosterRowInput } from '../../shared/types';

export const SAMPLE_SHEET_NAME = '示例花名册';

/** Excel 1900-system serial number of a calendar date (dates after 1900-03-01). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** An 18-digit ID number with a valid GB 11643 check digit, from a 17-digit body. */
export function withCheckDigit(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body17.split('').reduce((s, ch, i) => s + Number(ch) * weights[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

type Person = RosterRowInput & { name: string };

/** A date of the sample, written as `Y-10-09` (the rule set's year) or `N/3/1` (the next year): set per year below. */
const YEAR = 'Y';
const NEXT = 'N';

const id = (region: string, birth: string, seq: string): string => withCheckDigit(region + birth + seq);

const people: Person[] = [
  { name: '张伟', idNumber: id('370402', '19850312', '123'), unit: '枣庄市立医院', department: '内科', platformPublicHours: 30, platformProfessionalHours: 60 },
  { name: '王芳', idNumber: id('370402', '19880724', '246'), unit: '枣庄市立医院', department: '内科', platformPublicHours: 32, platformProfessionalHours: 40, trainingHours: 30, trainingDays: 3 },
  { name: '李娜', idNumber: id('370402', '19900105', '368'), unit: '枣庄市立医院', department: '外科', platformPublicHours: 45, platformProfessionalHours: 50 },
  { name: '刘洋', idNumber: id('370402', '19790918', '415'), unit: '枣庄市立医院', department: '外科', platformPublicHours: 30, platformProfessionalHours: 20, seminarHours: 40, seminarDays: 5, trainingHours: 16, trainingDays: 2 },
  { name: '陈静', idNumber: id('370402', '19920228', '522'), unit: '枣庄市立医院', department: '护理部', platformPublicHours: 30, platformProfessionalHours: 30, specialCase: '产假', absentMonths: 6 },
  { name: '杨帆', idNumber: id('370402', '19870611', '637'), unit: '枣庄市立医院', department: '护理部', platformPublicHours: 20, platformProfessionalHours: 30, trainingHours: 24, trainingDays: 3, trainingFiled: '否' },
  { name: '赵磊', idNumber: id('370481', '19830402', '714'), unit: '滕州市中心人民医院', department: '检验科', platformPublicHours: 30, platformProfessionalHours: 28, certificates: 2 },
  { name: '黄敏', idNumber: id('370481', '19910817', '826'), unit: '滕州市中心人民医院', department: '检验科', platformPublicHours: 30, degreeStudyHours: 60, platformProfessionalHours: 10, professionalBySector: '是' },
  { name: '周强', idNumber: id('370481', '19760130', '931'), unit: '滕州市中心人民医院', department: '放射科', platformPublicHours: 30, platformProfessionalHours: 20, achievements: 5, evidenceComplete: '否' },
  { name: '吴丽', idNumber: id('370481', '19891203', '148'), unit: '滕州市中心人民医院', department: '放射科', platformPublicHours: 30, platformProfessionalHours: 60, titleApplicant: '是', titleSubmissionDate: `${YEAR}-10-09` },
  { name: '徐刚', idNumber: id('370403', '19820506', '257'), unit: '枣庄市第八中学', department: '数学组', platformPublicHours: 30, platformProfessionalHours: 40, competitions: 4 },
  { name: '孙丹', idNumber: id('370403', '19940921', '362'), unit: '枣庄市第八中学', department: '数学组', platformPublicHours: 15, platformProfessionalHours: 30, aidMonths: 6 },
  { name: '马超', idNumber: id('370403', '19800714', '473'), unit: '枣庄市第八中学', department: '语文组', platformPublicHours: 30, platformProfessionalHours: 45, expertDays: 2, expertHours: 20 },
  { name: '朱琳', idNumber: id('370403', '19950308', '584'), unit: '枣庄市第八中学', department: '语文组', platformPublicHours: 30, platformProfessionalHours: 48, trainingHours: 12 },
  { name: '胡军', idNumber: id('370403', '19781025', '695'), unit: '枣庄市第八中学', department: '英语组', platformPublicHours: 30, platformProfessionalHours: '六十' },
  { name: '郭婷', idNumber: id('370403', '19930614', '716'), unit: '枣庄市第八中学', department: '英语组', platformPublicHours: 10, platformProfessionalHours: 20, specialCase: '境外工作', absentMonths: 8 },
  { name: '何亮', idNumber: id('370404', '19860219', '827'), unit: '薛城区住房和城乡建设局', department: '工程质量科', platformPublicHours: 30, platformProfessionalHours: 36, trainingHours: 24, trainingDays: 3 },
  { name: '高雪', idNumber: id('370404', '19900907', '938'), unit: '薛城区住房和城乡建设局', department: '工程质量科', platformPublicHours: 28, platformProfessionalHours: 60 },
  { name: '林峰', idNumber: id('370404', '19750423', '149'), unit: '薛城区住房和城乡建设局', department: '规划科', platformPublicHours: 30, platformProfessionalHours: 60, titleApplicant: '是' },
  { name: '罗欣', idNumber: id('370404', '19970111', '252'), unit: '薛城区住房和城乡建设局', department: '规划科', platformPublicHours: 30, platformProfessionalHours: 44, certificates: 1, evidenceComplete: '否' },
  { name: '郑凯', idNumber: id('370405', '19840830', '363'), unit: '山东丰源建设集团', department: '技术部', platformPublicHours: 30, platformProfessionalHours: 30, seminarHours: 24, seminarDays: 3, trainingHours: 20, trainingDays: 3 },
  { name: '梁爽', idNumber: id('370405', '19920516', '474'), unit: '山东丰源建设集团', department: '技术部', platformPublicHours: 30, platformProfessionalHours: 30, specialCase: '病假', absentMonths: 3 },
  { name: '谢斌', idNumber: '370405198807220000', unit: '山东丰源建设集团', department: '安全部', platformPublicHours: 30, platformProfessionalHours: 60 },
  { name: '宋佳', idNumber: id('370405', '19960304', '696'), unit: '山东丰源建设集团', department: '安全部', platformPublicHours: -5, platformProfessionalHours: 60 },
  { name: '唐浩', idNumber: id('370406', '19810612', '717'), unit: '台儿庄区农业农村局', department: '农技站', platformPublicHours: 30, platformProfessionalHours: 0, aidMonths: 12 },
  { name: '韩梅', idNumber: id('370406', '19891128', '828'), unit: '台儿庄区农业农村局', department: '农技站', platformPublicHours: 30, platformProfessionalHours: 50, specialCase: '其他', absentMonths: 2 },
  { name: '冯涛', idNumber: id('370406', '19770809', '939'), unit: '台儿庄区农业农村局', department: '畜牧站', platformPublicHours: 30, platformProfessionalHours: 52, expertDays: 1 },
  { name: '邓洁', idNumber: id('370406', '19940127', '141'), unit: '台儿庄区农业农村局', department: '畜牧站', platformPublicHours: '30学时', platformProfessionalHours: '６０' },
  { name: '曹阳', idNumber: id('370481', '19830915', '258'), unit: '滕州市中心人民医院', department: '检验科', platformPublicHours: 30, platformProfessionalHours: 60, titleApplicant: '是', titleSubmissionDate: `${NEXT}/3/1` },
  { name: '彭飞', idNumber: id('370402', '19860403', '365'), unit: '枣庄市立医院', department: '外科', platformPublicHours: 30, platformProfessionalHours: 60, transferProfessionalHours: 12, transferPublicHours: 6 },
];

/** A sample date in `year`: Y is the year, N the next one. */
function inYear(v: string, year: number): string {
  if (v.startsWith(YEAR)) return `${year}${v.slice(YEAR.length)}`;
  if (v.startsWith(NEXT)) return `${year + 1}${v.slice(NEXT.length)}`;
  return v;
}

/**
 * Header row and 30 data rows, in the template's column order of a rule set (the default one when omitted; the people
 * are the default rule set's examples, a column another rule set lacks is left out), dated in the rule set's year. Dates are
 * Excel serial numbers.
 */
export function sampleRoster(ruleSet: string = DEFAULT_RULE_SET): { headers: string[]; rows: CellValue[][]; dateColumns: number[]; textColumns: number[] } {
  const headers = headerTable(ruleSet);
  const year = getRuleSet(ruleSet).year;
  const keys: RosterKey[] = headers.map((h) => h.key);
  const rows = people.map((p) =>
    keys.map((k, i) => {
      const given = p[k];
      const v = headers[i].kind === 'date' && typeof given === 'string' ? inYear(given, year) : given;
      if (headers[i].kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return excelSerial(v);
      return v === undefined || v === null ? '' : v;
    }),
  );
  const dateColumns = keys.flatMap((_k, i) => (headers[i].kind === 'date' ? [i] : []));
  // Text columns (18-digit ID numbers above all) must be formatted as text before writing, or Excel turns them
  // into numbers and loses digits.
  const textColumns = keys.flatMap((_k, i) => (headers[i].kind === 'text' ? [i] : []));
  return { headers: headers.map((h) => h.zh), rows, dateColumns, textColumns };
}
