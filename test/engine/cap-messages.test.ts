// Every cap and DAYS_MISSING message word for word: the text a clerk reads, pinned for each source that caps hours.
import { describe, expect, it } from 'vitest';
import { one } from './helpers';
import type { RosterRowInput } from '../../shared/types';

const messages = (row: RosterRowInput): Record<string, string> =>
  Object.fromEntries(one({ platformPublicHours: 30, ...row }).warnings.map((w) => [w.code, w.message]));

describe('cap warnings name the claim, the cap, the hours lost and the clause', () => {
  it('附件1第1条: daily, yearly and common caps of training and seminars', () => {
    expect(messages({ trainingHours: 40, trainingDays: 4, seminarHours: 50, seminarDays: 5 })).toEqual({
      CAP_TRAINING_DAILY: '培训进修40学时超过每天8学时上限（4天最多32学时），8学时未计入（附件1第1条）',
      CAP_TRAINING: '培训进修学时超过24学时上限，8学时未计入（附件1第1条）',
      CAP_SEMINAR_DAILY: '高级研修班50学时超过每天8学时上限（5天最多40学时），10学时未计入（附件1第1条）',
      CAP_SEMINAR: '高级研修班学时超过30学时上限，10学时未计入（附件1第1条）',
      CAP_CATEGORY1: '培训进修与高级研修班合计54学时超过30学时上限，24学时未计入（附件1第1条）',
    });
  });
  it('附件1第2条、第3条、第5条: degree study, achievements, competitions', () => {
    expect(messages({ degreeStudyHours: 50, achievements: 4, competitions: 5 })).toEqual({
      CAP_DEGREE: '自考及学历教育学时超过40学时上限，10学时未计入（附件1第2条）',
      CAP_ACHIEVEMENTS: '代表性成果4项计40学时，超过30学时上限，10学时未计入（附件1第3条）',
      CAP_COMPETITIONS: '竞赛5项计50学时，超过30学时上限，20学时未计入（附件1第5条）',
    });
  });
  it('附件1第4条: experts past 8 h a day', () => {
    expect(messages({ expertHours: 20, expertDays: 2 })).toEqual({
      CAP_EXPERT_DAILY: '专家活动20学时超过每天8学时上限（2天最多16学时），4学时未计入（附件1第4条）',
    });
  });
  it('DAYS_MISSING for training and for experts', () => {
    expect(messages({ trainingHours: 10 })).toEqual({
      DAYS_MISSING: '培训进修填写了10学时但未填天数，无法核对每天8学时上限，请补填天数（附件1第1条）',
    });
    expect(messages({ expertHours: 5 })).toEqual({
      DAYS_MISSING: '专家活动填写了5学时但未填天数，无法核对每天8学时上限，请补填天数（附件1第4条）',
    });
  });
});
