// Pure logic of the add-in: addresses, chunk planning, output-column placement, header checks, sample roster.
import { describe, expect, it } from 'vitest';
import { HEADERS, OUTPUT_HEADERS, evaluate, mapHeaders, rowFromCells } from '../../shared/index';
import type { CellValue, RowResult } from '../../shared/types';
import { columnLetter, rangeAddress, sheetRangeAddress } from '../../shared/sheet/a1';
import { LIMITS, jsonBytes, planChunksBySize, planFixedChunks, readChunkRows, utf8Length } from '../../shared/sheet/chunks';
import { groupBlocks, writePlanOf } from '../../addin/compute/layout';
import { NO_HOURS_COLUMN_MESSAGE, planRoster } from '../../shared/roster';
import { preflight } from '../../addin/compute/preflight';
import { attentionRows, blockMatrices } from '../../addin/compute/results';
import { countStatuses } from '../../shared/status-counts';
import { excelSerial, sampleRoster, withCheckDigit } from '../../addin/template/sample-roster';
import { nextReadSize } from '../../addin/compute/read';

const TEMPLATE = HEADERS.map((h) => h.zh);

describe('addresses', () => {
  it('converts 0-based indexes to A1', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
    expect(rangeAddress(0, 1)).toBe('A1');
    expect(rangeAddress(25, 2, 9, 5000)).toBe('Z2:AH5001');
    expect(sheetRangeAddress('示例花名册', 2, 5, 3, 1)).toBe("'示例花名册'!C5:E5");
    expect(sheetRangeAddress('Sheet1', 0, 1, 2, 2)).toBe('Sheet1!A1:B2');
    expect(() => columnLetter(-1)).toThrow();
  });
});

describe('chunk planning', () => {
  it('fixed chunks cover every row once', () => {
    expect(planFixedChunks(12_001, 5000)).toEqual([
      { start: 0, end: 5000 },
      { start: 5000, end: 10_000 },
      { start: 10_000, end: 12_001 },
    ]);
    expect(planFixedChunks(0, 10)).toEqual([]);
  });

  it('size chunks respect both the byte budget and the row limit', () => {
    expect(planChunksBySize([40, 40, 40, 40, 40], 100, 10)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 5 },
    ]);
    expect(planChunksBySize([1, 1, 1, 1, 1], 100, 2).map((c) => c.end - c.start)).toEqual([2, 2, 1]);
    // An oversized item still gets a chunk of its own.
    expect(planChunksBySize([10, 500, 10], 100, 10)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 2 },
      { start: 2, end: 3 },
    ]);
  });

  it('counts UTF-8 bytes like the wire does', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('达标')).toBe(6);
    expect(utf8Length('😀')).toBe(4);
    expect(jsonBytes({ a: '达标' })).toBe(new TextEncoder().encode(JSON.stringify({ a: '达标' })).length);
  });

  it('sizes reads so a chunk stays under the Excel budget', () => {
    const rows = readChunkRows(34);
    expect(rows * 34 * LIMITS.readCellBytesEstimate).toBeLessThanOrEqual(LIMITS.excelBudgetBytes);
    expect(LIMITS.excelBudgetBytes).toBeLessThan(LIMITS.excelPayloadLimitBytes);
    expect(readChunkRows(1)).toBe(LIMITS.maxRowsPerExcelChunk);
  });
});

describe('adaptive read size', () => {
  it('sizes the next read from the largest row seen, within half the budget', () => {
    const small = Array.from({ length: 100 }, () => ['张三', 30, 60]);
    expect(nextReadSize(small, 100)).toBe(LIMITS.maxRowsPerExcelChunk);
    const wide = Array.from({ length: 100 }, (_, i) => ['张三', i === 7 ? '长'.repeat(10_000) : '', 60]);
    const n = nextReadSize(wide, 100);
    expect(n * jsonBytes(wide[7])).toBeLessThanOrEqual(LIMITS.excelBudgetBytes / 2);
    expect(n).toBeGreaterThan(10);
  });
});

describe('output columns', () => {
  it('writes the nine columns shared/roster placed, in blocks, for the consecutive data rows', () => {
    const plan = planRoster({ name: '花名册', origin: { row: 0, col: 2 }, values: [['姓名', '市平台公需课学时', '市平台专业课学时'], ['张三', 30, 60], ['合计', 30, 60]] });
    const write = writePlanOf(plan);
    expect(write.columns.map((c) => c.col)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(write.columns.map((c) => c.header)).toEqual([...OUTPUT_HEADERS]);
    expect(write.created).toHaveLength(9);
    expect(write.blocks).toEqual([{ col: 5, width: 9, outputs: [0, 1, 2, 3, 4, 5, 6, 7, 8] }]);
    expect([write.headerRow, write.firstRow, write.rowCount]).toEqual([0, 1, 2]);
  });

  it('groups adjacent columns into blocks in sheet order', () => {
    const blocks = groupBlocks([
      { header: 'a', col: 7, exists: true },
      { header: 'b', col: 3, exists: true },
      { header: 'c', col: 8, exists: false },
    ]);
    expect(blocks).toEqual([
      { col: 3, width: 1, outputs: [1] },
      { col: 7, width: 2, outputs: [0, 2] },
    ]);
  });
});

describe('the 表头检查 card', () => {
  const plan = (rows: CellValue[][]) => planRoster({ name: '花名册', origin: { row: 0, col: 0 }, values: rows.map((r) => r.map((v) => v ?? null)) });

  it('stops on a missing name column or no hours column, lists unknown headers by name', () => {
    const noName = preflight(plan([['市平台公需课学时', '工号'], [30, 'A1']]));
    expect(noName.blocking.join()).toContain('姓名');
    expect(preflight(plan([['姓名', '工号'], ['张三', 'A1']])).blocking).toEqual([NO_HOURS_COLUMN_MESSAGE]);
    expect(preflight(plan([['姓名', '工号', '市平台公需课学时'], ['张三', 'A1', 30]])).unknown).toEqual(['工号']);
    const dup = preflight(plan([['姓名', '市平台公需课学时', '公需课学时'], ['张三', 30, 30]]));
    expect(dup.blocking.join()).toContain('市平台公需课学时');
    expect(preflight(plan([TEMPLATE])).blocking.join()).toContain('没有人员数据');
  });

  it('says in a clerk’s words what it understood: title, 合计 and footer rows, the clerk’s own 状态 column, where results go', () => {
    const check = preflight(plan([['2023年台账'], ['姓名', '状态', '市平台公需课学时'], ['张三', '在职', 30], ['合计', null, 30], ['制表人：王小红']]));
    expect(check.blocking).toEqual([]);
    expect(check.notes).toEqual([
      '表头在第 2 行，上方的标题行不参与计算。',
      '“状态”（B 列）是您自己的列，按原样保留，不会改动。',
      '第 4 行（合计）是合计行，不是人员，不计算。',
      '从第 5 行（制表人：王小红）起是表尾，不再读取。',
      '计算结果写在 D–L 列（新增在花名册右侧）。',
    ]);
    expect(check.missingOptional).toMatch(/^未出现的 \d+ 个选填列按空白计算/);
  });
});

describe('results', () => {
  const rows = [
    { name: '甲', platformPublicHours: 30, platformProfessionalHours: 60 },
    { name: '乙', platformPublicHours: 20, platformProfessionalHours: 60 },
    {},
    { name: '丙', platformPublicHours: 'abc' },
  ];
  const results: RowResult[] = evaluate(rows, { asOf: '2023-11-01' }).results;

  it('counts statuses and skips blank rows', () => {
    expect(countStatuses(results)).toEqual({ compliant: 1, short: 1, pendingEvidence: 0, invalid: 1, blank: 1, total: 3 });
  });

  it('lists 数据有误 and 未达标 rows with their sheet rows', () => {
    const att = attentionRows(results, ['甲', '乙', '', '丙'].map((name, i) => ({ name, sheetRow: 5 + i })));
    expect(att.map((a) => [a.sheetRow, a.name, a.status])).toEqual([
      [6, '乙', '未达标'],
      [8, '丙', '数据有误'],
    ]);
    expect(att[0].reason).toContain('公需课缺 10');
  });

  it('builds block matrices with 0.0 for hours and text for the rest; blank rows are empty', () => {
    const m = blockMatrices(results, { col: 0, width: 9, outputs: [0, 1, 2, 3, 4, 5, 6, 7, 8] }, 0, 4);
    expect(m.values[0].slice(0, 7)).toEqual([30, 60, 90, 0, 0, '2023-12-31', '达标']);
    expect(m.values[2]).toEqual(['', '', '', '', '', '', '', '', '']);
    expect(m.numberFormat[0]).toEqual(['0.0', '0.0', '0.0', '0.0', '0.0', '@', '@', '@', '@']);
    expect(m.values.every((r) => r.length === 9)).toBe(true);
  });
});

describe('sample roster', () => {
  const sample = sampleRoster();
  const mapping = mapHeaders(sample.headers);
  const answer = evaluate(
    sample.rows.map((r) => rowFromCells(r, mapping.columns)),
    { asOf: '2023-11-01' },
  );

  it('has 30 rows under the template headers, all mapped', () => {
    expect(sample.rows).toHaveLength(30);
    expect(sample.headers).toEqual(TEMPLATE);
    expect(mapping.unknown).toEqual([]);
    expect(mapping.missing).toEqual([]);
    expect(sample.rows.every((r) => r.length === sample.headers.length)).toBe(true);
  });

  it('covers every status, caps and special cases', () => {
    const statuses = new Set(answer.results.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['待补材料', '数据有误', '未达标', '达标'].sort());
    const codes = new Set(answer.results.flatMap((r) => r.warnings.map((w) => w.code)));
    for (const c of ['CAP_TRAINING_DAILY', 'CAP_CATEGORY1', 'CAP_DEGREE', 'TRAINING_NOT_FILED', 'ID_CHECKSUM', 'SPECIAL_CASE_NOT_ELIGIBLE', 'HOURS_MISSING', 'PROFESSIONAL_BY_SECTOR']) {
      expect(codes).toContain(c);
    }
    expect(answer.results.some((r) => r.deadline === '2023-09-26')).toBe(true);
  });

  it('writes dates as Excel serials and valid ID numbers', () => {
    expect(excelSerial('2023-10-09')).toBe(45208);
    expect(withCheckDigit('11010519491231002')).toBe('11010519491231002X');
    const idCol = HEADERS.findIndex((h) => h.key === 'idNumber');
    expect(sample.textColumns).toContain(idCol);
    const bad = answer.results.filter((r) => r.warnings.some((w) => w.code === 'ID_CHECKSUM'));
    expect(bad).toHaveLength(1);
  });
});
