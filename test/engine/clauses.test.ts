import { describe, expect, it } from 'vitest';
import { codes, lostSum, one, warning } from './helpers';

const PUB = { platformPublicHours: 30 };

describe('正文二: requirement 30 public + 60 professional, kept apart', () => {
  it('exactly at the requirement is 达标', () => {
    const r = one({ platformPublicHours: 30, platformProfessionalHours: 60 });
    expect(r).toMatchObject({ status: '达标', requiredPublic: 30, requiredProfessional: 60, totalHours: 90 });
  });
  it('a hair below is 未达标 with the exact shortfall', () => {
    const r = one({ platformPublicHours: 29.5, platformProfessionalHours: 60 });
    expect(r).toMatchObject({ status: '未达标', publicShortfall: 0.5, professionalShortfall: 0 });
  });
  it('professional hours never cover public', () => {
    const r = one({ platformPublicHours: 0, platformProfessionalHours: 200 });
    expect(r).toMatchObject({ status: '未达标', publicShortfall: 30, professionalShortfall: 0, totalHours: 200 });
  });
  it('transfer hours (正文四(三)) count in full', () => {
    const r = one({ transferPublicHours: 30, transferProfessionalHours: 60 });
    expect(r).toMatchObject({ status: '达标', publicHours: 30, professionalHours: 60 });
    expect(r.breakdown.map((b) => b.clause)).toEqual(['正文四(三)', '正文四(三)']);
  });
});

describe('正文二(二)、四(二): professional subjects checked by the sector (Reading, 专业课按行业规定)', () => {
  const SECTOR_MESSAGE =
    '专业课按行业规定：专业课由省行业主管部门按本行业规定核对，本表不计专业课要求和缺口，只核对公需课；已填的专业课学时照常列出（正文二(二)）';
  it('yes: professional hours still credited and shown, no professional requirement nor shortfall, one warning', () => {
    const r = one({ platformPublicHours: 30, platformProfessionalHours: 12, trainingHours: 16, trainingDays: 2, professionalBySector: '是' });
    expect(r).toMatchObject({
      status: '达标', publicHours: 30, professionalHours: 28, totalHours: 58, requiredPublic: 30, requiredProfessional: 0,
      publicShortfall: 0, professionalShortfall: 0,
    });
    expect(r.breakdown.map((b) => b.label)).toEqual(['市平台公需课', '市平台专业课', '培训进修']);
    expect(r.warnings).toEqual([{ code: 'PROFESSIONAL_BY_SECTOR', clause: '正文二(二)', message: SECTOR_MESSAGE }]);
  });
  it('public subjects as usual: a public shortfall is 未达标', () => {
    const r = one({ platformPublicHours: 20, professionalBySector: 'Y' });
    expect(r).toMatchObject({ status: '未达标', publicShortfall: 10, professionalShortfall: 0, requiredProfessional: 0 });
  });
  it('blank, a placeholder or no: the usual requirement, no warning', () => {
    for (const v of [undefined, '', '/', '否', 'N', false, 0]) {
      const r = one({ platformPublicHours: 30, platformProfessionalHours: 12, professionalBySector: v });
      expect(r, String(v)).toMatchObject({ status: '未达标', requiredProfessional: 60, professionalShortfall: 48 });
      expect(codes(r), String(v)).toEqual([]);
    }
  });
  it('a bad value is NOT_YES_NO naming the column', () => {
    const r = one({ platformPublicHours: 30, professionalBySector: '卫健委' });
    expect(r.status).toBe('数据有误');
    expect(r.errors).toEqual([{ field: 'professionalBySector', code: 'NOT_YES_NO', message: '专业课按行业规定：“卫健委”无法识别，请填写“是”或“否”' }]);
  });
  it('with a special case: the public requirement is prorated, the professional one stays 0', () => {
    const r = one({ platformPublicHours: 15, specialCase: '产假', absentMonths: 6, professionalBySector: '是' });
    expect(r).toMatchObject({ status: '达标', requiredPublic: 15, requiredProfessional: 0 });
    expect(codes(r)).toEqual(['PROFESSIONAL_BY_SECTOR']);
  });
  it('evidence is still needed for the hours that need it (附件1第7条)', () => {
    const r = one({ platformPublicHours: 30, competitions: 1, evidenceComplete: '否', professionalBySector: '是' });
    expect(r.status).toBe('待补材料');
  });
});

describe('附件1第1条: training', () => {
  it('24 h in 3 days: at both caps, nothing lost', () => {
    const r = one({ ...PUB, trainingHours: 24, trainingDays: 3 });
    expect(r.professionalHours).toBe(24);
    expect(codes(r)).toEqual([]);
  });
  it('25 h in 4 days: one above the yearly cap', () => {
    const r = one({ ...PUB, trainingHours: 25, trainingDays: 4 });
    expect(r.professionalHours).toBe(24);
    expect(warning(r, 'CAP_TRAINING')).toMatchObject({ clause: '附件1第1条', lostHours: 1 });
    expect(codes(r)).toEqual(['CAP_TRAINING']);
  });
  it('30 h in 4 days: the message a clerk reads', () => {
    const r = one({ ...PUB, trainingHours: 30, trainingDays: 4 });
    expect(warning(r, 'CAP_TRAINING')?.message).toBe('培训进修学时超过24学时上限，6学时未计入（附件1第1条）');
  });
  it('17 h in 2 days: one above the daily cap', () => {
    const r = one({ ...PUB, trainingHours: 17, trainingDays: 2 });
    expect(r.professionalHours).toBe(16);
    expect(codes(r)).toEqual(['CAP_TRAINING_DAILY']);
    expect(warning(r, 'CAP_TRAINING_DAILY')?.lostHours).toBe(1);
  });
  it('16 h in 2 days: at the daily cap', () => {
    expect(codes(one({ ...PUB, trainingHours: 16, trainingDays: 2 }))).toEqual([]);
  });
  it('days blank: credited up to the yearly cap, DAYS_MISSING', () => {
    const r = one({ ...PUB, trainingHours: 30 });
    expect(r.professionalHours).toBe(24);
    expect(codes(r)).toEqual(['CAP_TRAINING', 'DAYS_MISSING']);
    expect(warning(r, 'DAYS_MISSING')?.lostHours).toBeUndefined();
  });
  it('hours blank, days given: nothing credited, HOURS_MISSING (按备案的实际学时; 8 a day is a ceiling)', () => {
    const r = one({ ...PUB, trainingDays: 3 });
    expect(r.professionalHours).toBe(0);
    expect(codes(r)).toEqual(['HOURS_MISSING']);
    expect(warning(r, 'HOURS_MISSING')).toEqual({
      code: 'HOURS_MISSING',
      clause: '附件1第1条',
      message: '培训进修填写了3天但未填学时，暂不计入（每天8学时是上限，不是默认值）；请按证明材料补填实际学时（附件1第1条）',
    });
    expect(r.breakdown.some((b) => b.label === '培训进修')).toBe(false);
  });
  it('hours 0 typed with days: 0, no warning (the clerk says none); days 0 with hours blank: nothing to say', () => {
    expect(codes(one({ ...PUB, trainingDays: 3, trainingHours: 0 }))).toEqual([]);
    expect(codes(one({ ...PUB, trainingDays: 0 }))).toEqual([]);
    expect(codes(one({ ...PUB, trainingDays: 3, trainingHours: '/' }))).toEqual(['HOURS_MISSING']);
  });
  it('seminar days without hours: HOURS_MISSING of the seminar, training still credited', () => {
    const r = one({ ...PUB, seminarDays: 2, trainingHours: 16, trainingDays: 2 });
    expect(r.professionalHours).toBe(16);
    expect(codes(r)).toEqual(['HOURS_MISSING']);
    expect(warning(r, 'HOURS_MISSING')?.message).toMatch(/^高级研修班填写了2天但未填学时/);
    expect(warning(r, 'HOURS_MISSING')?.lostHours).toBeUndefined();
  });
});

describe('附件1第1条: seminars and the common cap (Reading: category1Cap 30)', () => {
  it('30 h seminar in 4 days: at the cap', () => {
    const r = one({ ...PUB, seminarHours: 30, seminarDays: 4 });
    expect(r.professionalHours).toBe(30);
    expect(codes(r)).toEqual([]);
  });
  it('31 h seminar in 4 days: one above', () => {
    const r = one({ ...PUB, seminarHours: 31, seminarDays: 4 });
    expect(r.professionalHours).toBe(30);
    expect(codes(r)).toEqual(['CAP_SEMINAR']);
  });
  it('seminar daily cap', () => {
    const r = one({ ...PUB, seminarHours: 20, seminarDays: 2 });
    expect(r.professionalHours).toBe(16);
    expect(codes(r)).toEqual(['CAP_SEMINAR_DAILY']);
  });
  it('training 24 + seminar 6 = 30: at the common cap', () => {
    const r = one({ ...PUB, trainingHours: 24, trainingDays: 3, seminarHours: 6, seminarDays: 1 });
    expect(r.professionalHours).toBe(30);
    expect(codes(r)).toEqual([]);
  });
  it('training 24 + seminar 7: one above the common cap', () => {
    const r = one({ ...PUB, trainingHours: 24, trainingDays: 3, seminarHours: 7, seminarDays: 1 });
    expect(r.professionalHours).toBe(30);
    expect(warning(r, 'CAP_CATEGORY1')).toMatchObject({ clause: '附件1第1条', lostHours: 1 });
    const cat1 = r.breakdown.filter((b) => b.clause === '附件1第1条').reduce((s, b) => s + b.professional, 0);
    expect(cat1).toBe(30);
  });
  it('caps chain: daily, yearly, then common; lost hours add up', () => {
    const r = one({ ...PUB, trainingHours: 50, trainingDays: 5, seminarHours: 45, seminarDays: 5 });
    expect(r.professionalHours).toBe(30);
    expect(codes(r)).toEqual(['CAP_CATEGORY1', 'CAP_SEMINAR', 'CAP_SEMINAR_DAILY', 'CAP_TRAINING', 'CAP_TRAINING_DAILY']);
    expect(lostSum(r)).toBe(95 - 30);
  });
});

describe('附件1第1条、正文七: unfiled training', () => {
  it('earns nothing, one warning with every 第1条 hour lost', () => {
    const r = one({ ...PUB, trainingHours: 40, trainingDays: 2, seminarHours: 10, trainingFiled: '否' });
    expect(r.professionalHours).toBe(0);
    expect(codes(r)).toEqual(['TRAINING_NOT_FILED']);
    expect(warning(r, 'TRAINING_NOT_FILED')?.lostHours).toBe(50);
  });
  it('no warning without 第1条 hours', () => {
    expect(codes(one({ ...PUB, trainingFiled: 'N' }))).toEqual([]);
  });
  it('blank means filed', () => {
    expect(one({ ...PUB, trainingHours: 8, trainingDays: 1, trainingFiled: '' }).professionalHours).toBe(8);
  });
});

describe('附件1第2条: degree study and certificates', () => {
  it('40 at the cap, 41 one above', () => {
    expect(codes(one({ ...PUB, degreeStudyHours: 40 }))).toEqual([]);
    const r = one({ ...PUB, degreeStudyHours: 41 });
    expect(r.professionalHours).toBe(40);
    expect(warning(r, 'CAP_DEGREE')).toMatchObject({ clause: '附件1第2条', lostHours: 1 });
  });
  it('certificates: 16 each, no cap', () => {
    const r = one({ ...PUB, certificates: 5 });
    expect(r.professionalHours).toBe(80);
    expect(codes(r)).toEqual([]);
  });
});

describe('附件1第3条 and 第5条: achievements and competitions', () => {
  it('3 achievements at the cap, 4 above', () => {
    expect(one({ ...PUB, achievements: 3 }).professionalHours).toBe(30);
    const r = one({ ...PUB, achievements: 4 });
    expect(r.professionalHours).toBe(30);
    expect(warning(r, 'CAP_ACHIEVEMENTS')).toMatchObject({ clause: '附件1第3条', lostHours: 10 });
  });
  it('3 competitions at the cap, 4 above', () => {
    expect(codes(one({ ...PUB, competitions: 3 }))).toEqual([]);
    const r = one({ ...PUB, competitions: 4 });
    expect(r.professionalHours).toBe(30);
    expect(warning(r, 'CAP_COMPETITIONS')).toMatchObject({ clause: '附件1第5条', lostHours: 10 });
  });
});

describe('附件1第4条: experts and aid postings', () => {
  it('days only: nothing until the hours are given (按实际工作时间认定), HOURS_MISSING, no lostHours', () => {
    const r = one({ ...PUB, expertDays: 2.5 });
    expect(r.professionalHours).toBe(0);
    expect(r.status).toBe('未达标');
    expect(r.warnings).toEqual([{
      code: 'HOURS_MISSING',
      clause: '附件1第4条',
      message: '专家活动填写了2.5天但未填学时，暂不计入（每天8学时是上限，不是默认值）；请按证明材料补填实际学时（附件1第4条）',
    }]);
    expect(one({ ...PUB, expertDays: 2.5, expertHours: 20 }).professionalHours).toBe(20);
  });
  it('16 h in 2 days at the cap, 17 h one above', () => {
    expect(codes(one({ ...PUB, expertDays: 2, expertHours: 16 }))).toEqual([]);
    const r = one({ ...PUB, expertDays: 2, expertHours: 17 });
    expect(r.professionalHours).toBe(16);
    expect(warning(r, 'CAP_EXPERT_DAILY')).toMatchObject({ clause: '附件1第4条', lostHours: 1 });
  });
  it('fewer hours than days allow: the hours', () => {
    expect(one({ ...PUB, expertDays: 3, expertHours: 10 }).professionalHours).toBe(10);
  });
  it('hours only: the hours, DAYS_MISSING, no yearly cap', () => {
    const r = one({ ...PUB, expertHours: 100 });
    expect(r.professionalHours).toBe(100);
    expect(codes(r)).toEqual(['DAYS_MISSING']);
  });
  it('aid: 12 months = 30 + 60, 7 months = 17.5 + 35, half a month = 1.25 + 2.5', () => {
    expect(one({ aidMonths: 12 })).toMatchObject({ publicHours: 30, professionalHours: 60, status: '达标' });
    expect(one({ aidMonths: 7 })).toMatchObject({ publicHours: 17.5, professionalHours: 35 });
    expect(one({ aidMonths: 0.5 })).toMatchObject({ publicHours: 1.25, professionalHours: 2.5 });
  });
});

describe('附件1第6条: special cases (Reading: prorated by months on duty)', () => {
  it('境外工作: 6 months does not qualify, 7 does', () => {
    const six = one({ specialCase: '境外工作', absentMonths: 6 });
    expect(six).toMatchObject({ requiredPublic: 30, requiredProfessional: 60 });
    expect(codes(six)).toEqual(['SPECIAL_CASE_NOT_ELIGIBLE']);
    const seven = one({ specialCase: '境外工作', absentMonths: 7 });
    expect(seven).toMatchObject({ requiredPublic: 12.5, requiredProfessional: 25 });
    expect(codes(seven)).toEqual([]);
  });
  it('病假: 6 vs 7 months', () => {
    expect(codes(one({ specialCase: '病假', absentMonths: 6 }))).toEqual(['SPECIAL_CASE_NOT_ELIGIBLE']);
    expect(one({ specialCase: '病假', absentMonths: 6.5 })).toMatchObject({ requiredPublic: 13.75, requiredProfessional: 27.5 });
  });
  it('产假: any months above 0', () => {
    expect(one({ specialCase: '产假', absentMonths: 1 })).toMatchObject({ requiredPublic: 27.5, requiredProfessional: 55 });
    expect(codes(one({ specialCase: '产假', absentMonths: 0 }))).toEqual(['SPECIAL_CASE_NOT_ELIGIBLE']);
    expect(one({ specialCase: '产假', absentMonths: 12 })).toMatchObject({ requiredPublic: 0, requiredProfessional: 0, status: '达标' });
  });
  it('其他: qualifies with a provincial-approval warning', () => {
    const r = one({ specialCase: '其他', absentMonths: 3 });
    expect(r).toMatchObject({ requiredPublic: 22.5, requiredProfessional: 45 });
    expect(codes(r)).toEqual(['SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL']);
  });
  it('a case without months is an input error', () => {
    const r = one({ ...PUB, specialCase: '产假' });
    expect(r.status).toBe('数据有误');
    expect(r.errors).toEqual([{ field: 'absentMonths', code: 'REQUIRED', message: expect.stringContaining('不在岗月数') }]);
  });
  it('months without a case are ignored with a warning', () => {
    const r = one({ ...PUB, absentMonths: 8 });
    expect(r).toMatchObject({ requiredPublic: 30, requiredProfessional: 60 });
    expect(codes(r)).toEqual(['ABSENCE_WITHOUT_CASE']);
  });
});

describe('附件1第7条 and docs/rules.md §6: status precedence', () => {
  it('evidence missing but only platform hours: 达标', () => {
    expect(one({ platformPublicHours: 30, platformProfessionalHours: 60, evidenceComplete: '否' }).status).toBe('达标');
  });
  it('evidence missing with transfer hours: 待补材料', () => {
    expect(one({ platformPublicHours: 30, platformProfessionalHours: 50, transferProfessionalHours: 10, evidenceComplete: 'N' }).status).toBe('待补材料');
  });
  it('evidence missing with a proration only: 待补材料', () => {
    expect(one({ platformPublicHours: 30, platformProfessionalHours: 60, specialCase: '产假', absentMonths: 2, evidenceComplete: '否' }).status).toBe('待补材料');
  });
  it('evidence blank means complete', () => {
    expect(one({ ...PUB, platformProfessionalHours: 40, competitions: 2, evidenceComplete: ' ' }).status).toBe('达标');
  });
  it('a shortfall wins over missing evidence', () => {
    expect(one({ ...PUB, competitions: 2, evidenceComplete: '否' }).status).toBe('未达标');
  });
  it('input errors win over everything and zero every number', () => {
    const r = one({ platformPublicHours: 30, platformProfessionalHours: 60, competitions: 'x' });
    expect(r).toMatchObject({
      status: '数据有误', publicHours: 0, professionalHours: 0, totalHours: 0, requiredPublic: 0, requiredProfessional: 0,
      publicShortfall: 0, professionalShortfall: 0, breakdown: [],
    });
  });
});

describe('docs/rules.md §7: input errors, one per field', () => {
  it.each([
    [{ platformPublicHours: '三十' }, 'platformPublicHours', 'NOT_A_NUMBER'],
    [{ platformPublicHours: -3 }, 'platformPublicHours', 'NEGATIVE'],
    [{ trainingDays: '-1天' }, 'trainingDays', 'NEGATIVE'],
    [{ achievements: 2.5 }, 'achievements', 'NOT_INTEGER'],
    [{ certificates: '1.5' }, 'certificates', 'NOT_INTEGER'],
    [{ aidMonths: 13 }, 'aidMonths', 'OUT_OF_RANGE'],
    [{ absentMonths: 12.5, specialCase: '产假' }, 'absentMonths', 'OUT_OF_RANGE'],
    [{ degreeStudyHours: 2001 }, 'degreeStudyHours', 'OUT_OF_RANGE'],
    [{ trainingDays: 367 }, 'trainingDays', 'OUT_OF_RANGE'],
    [{ evidenceComplete: '也许' }, 'evidenceComplete', 'NOT_YES_NO'],
    [{ titleApplicant: 2 }, 'titleApplicant', 'NOT_YES_NO'],
    [{ specialCase: '出差' }, 'specialCase', 'UNKNOWN_CASE'],
    [{ titleSubmissionDate: '2023-02-30' }, 'titleSubmissionDate', 'NOT_A_DATE'],
    [{ name: '  ' }, 'name', 'NAME_MISSING'],
    [{ unit: { a: 1 } }, 'unit', 'NOT_TEXT'],
  ] as [Record<string, unknown>, string, string][])('%j → %s %s', (fields, field, code) => {
    const r = one(fields);
    expect(r.status).toBe('数据有误');
    expect(r.errors.map((e) => [e.field, e.code])).toEqual([[field, code]]);
    expect(r.errors[0].message.length).toBeGreaterThan(4);
  });

  it('boundaries are valid: 12 months, 2000 hours, 366 days, whole counts', () => {
    expect(one({ aidMonths: 12 }).status).not.toBe('数据有误');
    expect(one({ degreeStudyHours: 2000 }).status).not.toBe('数据有误');
    expect(one({ trainingDays: 366 }).status).not.toBe('数据有误');
    expect(one({ achievements: '3项' }).status).not.toBe('数据有误');
  });

  it('messages name the field by its Chinese header', () => {
    expect(one({ platformPublicHours: -3 }).errors[0].message).toBe('市平台公需课学时：不能为负数（-3）');
  });

  it('the first problem of a field in the order NOT_A_NUMBER, NEGATIVE, NOT_INTEGER, OUT_OF_RANGE', () => {
    expect(one({ achievements: -2.5 }).errors.map((e) => e.code)).toEqual(['NEGATIVE']);
    expect(one({ achievements: 400.5 }).errors.map((e) => e.code)).toEqual(['NOT_INTEGER']);
  });

  it('a name missing on a row with content is an error; a blank row is skipped', () => {
    const r = one({ name: '', platformPublicHours: 30 });
    expect(r.errors.map((e) => e.code)).toEqual(['NAME_MISSING']);
    const blank = one({ name: null, unit: ' ', department: '' });
    expect(blank).toMatchObject({ status: '', deadline: '', totalHours: 0, errors: [], warnings: [] });
  });

  it('a bad ID number is a warning, not an error', () => {
    const r = one({ ...PUB, platformProfessionalHours: 60, idNumber: '110105194912310021' });
    expect(r.status).toBe('达标');
    expect(codes(r)).toEqual(['ID_CHECKSUM']);
    expect(warning(r, 'ID_CHECKSUM')?.message).toContain('X');
    expect(codes(one({ ...PUB, platformProfessionalHours: 60, idNumber: '11010519491231002X' }))).toEqual([]);
  });

  it('hours are credited exactly (no rounding)', () => {
    const r = one({ platformPublicHours: 10.125, platformProfessionalHours: '0.333' });
    expect(r.publicHours).toBe(10.125);
    expect(r.professionalHours).toBe(0.333);
  });
});

describe('breakdown explains every credited source with its clause', () => {
  it('sums to the totals', () => {
    const r = one({
      platformPublicHours: 10, platformProfessionalHours: 10, trainingHours: 8, trainingDays: 1, seminarHours: 8, seminarDays: 1,
      degreeStudyHours: 5, certificates: 1, achievements: 1, expertDays: 1, expertHours: 8, aidMonths: 2, competitions: 1,
      transferPublicHours: 3, transferProfessionalHours: 4,
    });
    const pub = r.breakdown.reduce((s, b) => s + b.public, 0);
    const pro = r.breakdown.reduce((s, b) => s + b.professional, 0);
    expect(pub).toBe(r.publicHours);
    expect(pro).toBe(r.professionalHours);
    expect(r.breakdown.map((b) => b.clause)).toEqual([
      '正文二(一)、四(二)', '正文二(二)、四(二)', '附件1第1条', '附件1第1条', '附件1第2条', '附件1第2条', '附件1第3条',
      '附件1第4条', '附件1第4条', '附件1第5条', '正文四(三)', '正文四(三)',
    ]);
  });
});
