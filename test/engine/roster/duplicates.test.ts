import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/index';
import { findCrossDuplicates, placeResults, planRoster, rowsToSend } from '../../../shared/roster';
import { grid } from './grid';

const HEAD = ['姓名', '身份证号', '市平台公需课学时', '市平台专业课学时'];
const ID1 = '370402198001011234';
const ID2 = '370402199002022345';
const IDX = '11010519491231002X';

describe('the same ID number on several rows', () => {
  it('within one roster: both rows are 数据有误 naming the other sheet row; others are untouched', () => {
    const p = planRoster(grid('花名册', [['2023年台账'], HEAD, ['张三', IDX, 30, 60], ['李四', ID2, 30, 60], ['张三', ' 1101 0519 4912 3100 2x ', 30, 60]]));
    const dupes = findCrossDuplicates([p]);
    expect(dupes).toEqual([{ idNumber: IDX, at: [{ sheetName: '花名册', sheetRow: 2 }, { sheetName: '花名册', sheetRow: 4 }] }]);
    const placed = placeResults(p, evaluate(rowsToSend(p)).results, dupes);
    expect(placed.map((r) => r?.status)).toEqual(['数据有误', '达标', '数据有误']);
    expect(placed[0]?.errors.filter((e) => e.code === 'DUPLICATE_ID').map((e) => e.message)).toEqual([
      '身份证号与第 5 行相同：同一个人只能占一行，请合并为一行。',
    ]);
    expect(placed[2]?.errors.find((e) => e.code === 'DUPLICATE_ID')?.message).toContain('第 3 行');
    expect(placed[0]).toMatchObject({ publicHours: 0, professionalHours: 0, totalHours: 0, publicShortfall: 0, professionalShortfall: 0 });
  });

  it('across two sheets: the message names the other sheet', () => {
    const a = planRoster(grid('一科', [HEAD, ['张三', ID1, 30, 60]]));
    const b = planRoster(grid('二科', [HEAD, ['王五', ID2, 30, 60], ['张三', ID1, 10, 20]]));
    const dupes = findCrossDuplicates([a, b]);
    expect(dupes).toEqual([{ idNumber: ID1, at: [{ sheetName: '一科', sheetRow: 1 }, { sheetName: '二科', sheetRow: 2 }] }]);
    const pa = placeResults(a, evaluate(rowsToSend(a)).results, dupes);
    const pb = placeResults(b, evaluate(rowsToSend(b)).results, dupes);
    expect(pa[0]?.errors.find((e) => e.code === 'DUPLICATE_ID')?.message).toBe('身份证号与“二科”第 3 行相同：同一个人只能占一行，请合并为一行。');
    expect(pb.map((r) => r?.status)).toEqual(['达标', '数据有误']);
  });

  it('blank, placeholder, numeric and error-value IDs never count as duplicates', () => {
    const p = planRoster(grid('花名册', [HEAD, ['甲', '', 30, 60], ['乙', '', 30, 60], ['丙', '无', 30, 60], ['丁', '无', 30, 60], ['戊', 370402198001011200, 30, 60], ['己', 370402198001011200, 30, 60], ['庚', '#N/A', 30, 60], ['辛', '#N/A', 30, 60]]));
    expect(findCrossDuplicates([p])).toEqual([]);
  });

  it('excluded rows (合计, footer) are never duplicates and get no result', () => {
    const p = planRoster(grid('花名册', [HEAD, ['张三', ID1, 30, 60], ['合计', ID1, 30, 60], ['制表人：王小红', ID1]]));
    expect(findCrossDuplicates([p])).toEqual([]);
    const placed = placeResults(p, evaluate(rowsToSend(p)).results);
    expect(placed.map((r) => r?.status ?? null)).toEqual(['达标', null]);
  });
});
