// 提醒名单 from the sample roster: every row matches evaluate(); who is listed, the order, the plain words, the
// message (city platform and deadline from the rule set), and the layout's cells.
import { describe, expect, it } from 'vitest';
import { fmt } from '../../shared/format';
import { evaluate } from '../../shared/index';
import { parseYesNoCell } from '../../shared/normalize';
import { buildReminders, chineseDate, shortfallText } from '../../addin/reminders/reminders';
import {
  MESSAGE_COLUMN, OVERDUE_FILL, OVERDUE_TEXT, REMINDER_HEADERS, REMINDERS_HEADER_ROW, REMINDERS_ROSTER_CELL, buildRemindersLayout, reminderCells,
} from '../../addin/reminders/reminders-layout';
import { reminderRowsOf } from '../../addin/reminders/copy';
import { rangeAddress } from '../../shared/sheet/a1';
import { AS_OF, sampleEvaluated } from './duties-fixtures';

const s = sampleEvaluated();
const reminders = buildReminders({ ...s, asOf: AS_OF });

describe('提醒名单 from the sample roster', () => {
  it('lists exactly the people not 达标 plus every title applicant, each once', () => {
    const want = s.results
      .filter((r, i) => r.status !== '' && (r.status !== '达标' || parseYesNoCell(s.rows[i].titleApplicant) === true))
      .map((r) => r.index);
    expect(reminders.map((r) => r.index).sort((a, b) => a - b)).toEqual(want);
    // the sample has all three kinds and title applicants who are 达标
    expect(new Set(reminders.map((r) => r.status))).toEqual(new Set(['未达标', '待补材料', '数据有误', '达标']));
    expect(reminders.filter((r) => r.titleApplicant).map((r) => r.name)).toEqual(['吴丽', '林峰', '曹阳']);
  });

  it('each row matches the engine: status, deadline, days left, what is missing', () => {
    for (const r of reminders) {
      const res = s.results[r.index];
      expect(r.rowNumber).toBe(s.firstDataRowNumber + res.index);
      expect(r.name).toBe(String(s.rows[r.index].name));
      expect(r.status).toBe(res.status);
      expect(r.deadline).toBe(res.deadline);
      expect(r.daysLeft).toBe((Date.parse(res.deadline) - Date.parse(AS_OF)) / 86_400_000);
      expect(r.overdue).toBe(res.deadline < AS_OF);
      // days typed without hours: the clerk is told to fill in the hours from the proof (docs/rules.md §3)
      const hoursMissing = res.warnings.filter((w) => w.code === 'HOURS_MISSING').map((w) => w.message);
      for (const m of hoursMissing) expect(m).toContain('请按证明材料补填实际学时');
      if (res.status === '未达标') {
        expect(r.missing).toBe([shortfallText(res), ...hoursMissing].join('；'));
        if (res.publicShortfall > 0) expect(r.missing).toContain(`公需课还差 ${fmt(res.publicShortfall)} 学时`);
        if (res.professionalShortfall > 0) expect(r.missing).toContain(`专业课还差 ${fmt(res.professionalShortfall)} 学时`);
      }
      if (res.status === '数据有误') for (const e of res.errors) expect(r.missing).toContain(e.message);
      if (res.status === '待补材料') expect(r.missing).toMatch(/^证明材料不齐：/);
    }
  });

  it('is sorted by deadline, earliest first, then roster order', () => {
    const keys = reminders.map((r) => `${r.deadline}|${String(r.index).padStart(5, '0')}`);
    expect(keys).toEqual([...keys].sort());
    // the title applicant with a 2023-10-09 submission (deadline 2023-09-26) comes first, and is overdue on 11-01
    expect(reminders[0]).toMatchObject({ name: '吴丽', deadline: '2023-09-26', overdue: true, daysLeft: -36 });
  });

  it('the messages name the city platform and the deadline from the rule set', () => {
    const city = s.duties.cityPlatform;
    for (const r of reminders) {
      if (r.status === '数据有误') {
        // the clerk's typo is not the person's to fix: no message to them, a note to the clerk in 还缺什么
        expect(r.message).toBe('');
        expect(r.missing).toMatch(/^请经办人先改正花名册：.+。改正后重新核对，再提醒本人$/);
        continue;
      }
      expect(r.message.startsWith(`${r.name}您好：`)).toBe(true);
      expect(r.message).toContain(s.ruleSet.notice);
      if (r.status === '未达标') {
        expect(r.message).toContain(`${city.name}（${city.url}）`);
        expect(r.message).toContain(shortfallText(s.results[r.index]).replace(/ /g, ''));
      }
      expect(r.message).toContain(chineseDate(r.deadline));
      if (r.overdue) expect(r.message).toContain('已过');
      if (r.titleApplicant) expect(r.message).toContain(`提交申报材料前${s.ruleSet.parameters.deadlineWorkingDays.value}个工作日`);
    }
    const luo = reminders.find((r) => r.name === '罗欣');
    expect(luo?.status).toBe('待补材料');
    expect(luo?.missing).toBe(`证明材料不齐：资格证书（${s.duties.evidence.certificates.evidence}）`);
    expect(luo?.message).toContain(s.duties.evidence.certificates.evidence);
  });

  it('days without hours: the clerk’s column says to fill in the hours from the proof, the message asks the person for it', () => {
    const feng = reminders.find((r) => r.name === '冯涛');
    const res = s.results[feng?.index ?? -1];
    expect(res.warnings.map((w) => w.code)).toEqual(['HOURS_MISSING']);
    expect(feng?.missing).toBe('专业课还差 8 学时；专家活动填写了1天但未填学时，暂不计入（每天8学时是上限，不是默认值）；请按证明材料补填实际学时（附件1第4条）');
    expect(feng?.message).toContain('专业课还差8学时（要求公需课30学时、专业课60学时）');
    expect(feng?.message).toContain('只登记了天数、没有登记学时的项目，暂不计入学时，请把写明实际学时的证明材料交单位补登。');
    const others = reminders.filter((r) => r.name !== '冯涛' && !s.results[r.index].warnings.some((w) => w.code === 'HOURS_MISSING'));
    for (const r of others) expect(r.message, r.name).not.toContain('只登记了天数');
  });

  it('a person whose professional subjects the sector checks is reminded of public subjects only', () => {
    const rows = [{ name: '李娜', unit: '枣庄市立医院', platformPublicHours: 20, platformProfessionalHours: 10, professionalBySector: '是' }];
    const results = evaluate(rows, { asOf: AS_OF }).results;
    const [li] = buildReminders({ ...s, rows, results, asOf: AS_OF });
    expect(li.missing).toBe('公需课还差 10 学时');
    expect(li.message).toContain('公需课还差10学时（要求公需课30学时（专业课按行业规定核对））');
    expect(li.message).not.toContain('专业课0学时');
  });

  it('lays the sheet out: header row, one row per person, overdue rows marked, print setup', () => {
    const layout = buildRemindersLayout({ reminders, ruleSet: s.ruleSet, duties: s.duties, asOf: AS_OF, rosterSheet: '示例花名册', madeAt: '2023-11-01 09:00' });
    const at = (address: string) => layout.blocks.find((b) => b.address === address || b.address.startsWith(`${address}:`));
    // B3 names the roster (the meta block starts at A2)
    expect(REMINDERS_ROSTER_CELL).toBe('B3');
    expect(at('A2')?.values[1]).toEqual(['花名册工作表', '示例花名册']);
    expect(at(`A${REMINDERS_HEADER_ROW}`)?.values).toEqual([[...REMINDER_HEADERS]]);
    const body = at(`A${REMINDERS_HEADER_ROW + 1}`);
    expect(body?.values).toEqual(reminders.map((r) => reminderCells(r)));
    expect(body?.values.map((v) => v[MESSAGE_COLUMN])).toEqual(reminders.map((r) => r.message));
    expect(body?.values.filter((v) => v[9] === OVERDUE_TEXT)).toHaveLength(reminders.filter((r) => r.overdue).length);
    reminders.forEach((r, i) => {
      const fill = layout.styles.find((st) => st.address === rangeAddress(0, REMINDERS_HEADER_ROW + 1 + i, REMINDER_HEADERS.length, 1));
      expect(fill?.style.fill, r.name).toBe(r.overdue ? OVERDUE_FILL : undefined);
    });
    expect(body?.numberFormat[0][0]).toBe('0');
    expect(body?.numberFormat[0][1]).toBe('@');
    expect(layout.freezeRows).toBe(REMINDERS_HEADER_ROW);
    expect(layout.page).toMatchObject({ paperSize: 'A4', fitToPages: { wide: 1, tall: null }, printTitleRows: `$${REMINDERS_HEADER_ROW}:$${REMINDERS_HEADER_ROW}` });
    expect(layout.page?.printArea).toBe(rangeAddress(0, 1, REMINDER_HEADERS.length, REMINDERS_HEADER_ROW + reminders.length));
  });

  it('nobody to remind: one line says so', () => {
    const layout = buildRemindersLayout({ reminders: [], ruleSet: s.ruleSet, duties: s.duties, asOf: AS_OF, rosterSheet: 'x', madeAt: '' });
    expect(layout.blocks.some((b) => String(b.values[0][0]).startsWith('无需提醒'))).toBe(true);
    expect(layout.borders).toEqual([]);
  });

  it('the copy button takes only rows under the header and inside the list', () => {
    expect(reminderRowsOf({ rowIndex: 0, rowCount: 3 }, 20)).toBeNull();
    expect(reminderRowsOf({ rowIndex: REMINDERS_HEADER_ROW - 1, rowCount: 3 }, 20)).toEqual({ start: REMINDERS_HEADER_ROW, count: 2 });
    expect(reminderRowsOf({ rowIndex: 10, rowCount: 1_048_576 }, 20)).toEqual({ start: 10, count: 10 });
  });
});
