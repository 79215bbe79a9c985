// 枣人社字〔2023〕20号《关于做好2023年度专业技术人员继续教育工作的通知》 and its 附件1, as data.
// Every number of the notice is a named parameter with its clause and wording; Readings (docs/rules.md) are marked.
// The sources of hours, the columns and the rules refer to the parameters by name (shared/rulesets/types.ts).
import type { RuleSetDefinition } from './types';

const MAIN_2 = '专业技术人员每年参加继续教育累计应不少于90学时，其中公需课不少于30学时，专业课不少于60学时。';
const MAIN_2_2 =
  '（二）专业科目。2023年度专业科目按照各省级行业主管部门发布的学习指南确定；……专业技术人员进行专业科目学习，可自行选择在市平台或我市继续教育基地学习，省行业主管部门有要求的应从其规定，也可以参加市主管部门（单位）组织的其他相关专业培训和进修。';
const ANNEX_1 =
  '培训进修类：……按备案的实际学时登记专业科目学时（不超过8学时/天），累计不超过24学时，省/市级高级研修班累计不超过30学时。';
const ANNEX_2 =
  '学习类：自学考试、在职学历教育，每年累计认定专业科目不超过40学时。参加全国专业技术类职业资格考试……以合格的资格证书为依据，认定专业科目16学时。';
const ANNEX_3 = '代表性成果类：……每项（篇、本）计专业科目10学时，每年累计不超过30学时。';
const ANNEX_4_EXPERT = '活动类：……受邀专家，按实际工作时间认定，每天不超过专业科目8学时，往返和休息时间除外。';
const ANNEX_4_AID =
  '参加各级党委、政府组织的援派，以及到基层参加支教、支农、支医、扶贫等工作的专业技术人员，援派期间每年可按公需科目30学时、专业科目60学时认定。不足一年的，按月份比例计算。';
const ANNEX_5 =
  '参加由行业主管部门组织、人力资源社会保障部门认可的技能竞赛、技术比武、行业性比赛活动，每项（次）计专业科目10学时，每年累计不超过30学时。';
const MAIN_4_2_SECTOR = '自2022年起，省职称申报评审系统不再接收其他方式上报的继续教育完成情况证明材料，省行业主管部门特别要求的，从其规定。';
const MAIN_2_1 =
  '（一）公需科目。……专业技术人员可以注册登录枣庄市专业技术人员继续教育服务平台（网址zzzj.yxlearning.com，以下简称“市平台”）参加公需科目学习和考试。';
const MAIN_4_2_PLATFORM = '市平台仍用于继续教育学习，获得的学时数据无需个人申报，直接对接至省平台。';
const MAIN_4_TRANSFER = '外地调入专业技术人员凭调出地继续教育管理部门出具的继续教育学时证明合并计算学时，调入后应及时进行学时申报。';
const MAIN_4 = `（二）学时线上申报。……市平台仍用于继续教育学习，获得的学时数据无需个人申报，直接对接至省平台。……${MAIN_4_2_SECTOR}（三）分级审验负责。……${MAIN_4_TRANSFER}`;
const MAIN_7 =
  '市直单位计划自主开展专业培训的，请于5月26日前将《枣庄市专业培训项目计划申报表》（附件2）加盖公章报至市人社局人才开发与专业技术人员管理科备案。未进行备案的，不进行继续教育学时认定。';
const ANNEX_6 =
  '有下列情况之一的，经本人所在单位批准，并提交相关证明材料，可按实际在岗时间折算并认定学时：因公派，年度内在境外工作超过6个月的；因受伤、患重病，年度内请病假超过6个月的；女职工休产假的；经省级行业主管部门认定的其他情况。';
const ANNEX_7 =
  '以上继续教育学时的认定以证书、奖状（章、牌）、论文（封面、目录及正文页）、著作（封面、索引、目录页）为依据，其他学习研修项目、活动以培训合格证书或加盖主管部门（单位）公章的证明材料为依据。';
/** 附件1第7条's second kind of evidence, as the checklist names it. */
const STAMPED = '加盖主管部门（单位）公章的证明材料';
const MAIN_6 =
  '网上公需科目学习、在线考试和专业科目学习时间截至2023年12月31日，逾期系统关闭。2023年度参加职称评聘的专业技术人员，应于申报材料前5个工作日完成公需科目和专业科目学习。';

export const zaozhuang2023: RuleSetDefinition = {
  id: 'zaozhuang-2023',
  year: 2023,
  title: '枣庄市2023年度专业技术人员继续教育学时认定',
  notice: '枣人社字〔2023〕20号',
  parameters: {
    requiredPublic: { value: 30, label: '公需课年度要求', unit: '学时', clause: '正文二', text: MAIN_2 },
    requiredProfessional: { value: 60, label: '专业课年度要求', unit: '学时', clause: '正文二', text: MAIN_2 },
    requiredTotal: { value: 90, label: '年度累计要求', unit: '学时', clause: '正文二', text: MAIN_2 },
    trainingHoursPerDay: { value: 8, label: '培训进修每天上限', unit: '学时/天', clause: '附件1第1条', text: ANNEX_1 },
    trainingYearCap: { value: 24, label: '培训进修年度上限', unit: '学时', clause: '附件1第1条', text: ANNEX_1 },
    seminarHoursPerDay: { value: 8, label: '高级研修班每天上限', unit: '学时/天', clause: '附件1第1条', text: ANNEX_1 },
    seminarYearCap: { value: 30, label: '高级研修班年度上限', unit: '学时', clause: '附件1第1条', text: ANNEX_1 },
    category1Cap: {
      value: 30,
      label: '培训进修类合计上限',
      unit: '学时',
      clause: '附件1第1条',
      text: '解读：培训进修与省/市级高级研修班合计不超过30学时（从严认定；null表示只分别封顶）。',
      reading: true,
    },
    degreeYearCap: { value: 40, label: '自考及学历教育年度上限', unit: '学时', clause: '附件1第2条', text: ANNEX_2 },
    certificateHours: { value: 16, label: '每个资格证书认定', unit: '学时', clause: '附件1第2条', text: ANNEX_2 },
    certificatesYearCap: {
      value: null,
      label: '资格证书年度上限',
      unit: '学时',
      clause: '附件1第2条',
      text: '解读：当年取得的每个资格证书认定专业课16学时，不受“每年累计不超过40学时”限制（该句只说自学考试、在职学历教育）；null表示不封顶。',
      reading: true,
    },
    achievementHours: { value: 10, label: '每项代表性成果认定', unit: '学时', clause: '附件1第3条', text: ANNEX_3 },
    achievementsYearCap: { value: 30, label: '代表性成果年度上限', unit: '学时', clause: '附件1第3条', text: ANNEX_3 },
    expertHoursPerDay: { value: 8, label: '专家活动每天上限', unit: '学时/天', clause: '附件1第4条', text: ANNEX_4_EXPERT },
    aidPublicPerMonth: { value: 2.5, label: '援派每月公需课', unit: '学时/月', clause: '附件1第4条', text: ANNEX_4_AID },
    aidProfessionalPerMonth: { value: 5, label: '援派每月专业课', unit: '学时/月', clause: '附件1第4条', text: ANNEX_4_AID },
    competitionHours: { value: 10, label: '每项竞赛认定', unit: '学时', clause: '附件1第5条', text: ANNEX_5 },
    competitionsYearCap: { value: 30, label: '竞赛年度上限', unit: '学时', clause: '附件1第5条', text: ANNEX_5 },
    prorationMonthsPerYear: {
      value: 12,
      label: '折算基数（按月）',
      unit: '个月',
      clause: '附件1第6条',
      text: '解读：“按实际在岗时间折算”指按在岗月数折算：要求学时 × (12 − 不在岗月数) ÷ 12。',
      reading: true,
    },
    deadlineWorkingDays: { value: 5, label: '职称申报提前完成', unit: '个工作日', clause: '正文六', text: MAIN_6 },
    yearEnd: { value: '2023-12-31', label: '年度截止日期', clause: '正文六', text: MAIN_6 },
    trainingFiledDefault: {
      value: true,
      label: '培训已备案（空白时）',
      clause: '附件1第1条、正文七',
      text: '解读：“培训已备案”留空视为已备案；填“否”则培训进修类不认定学时（正文七：未进行备案的，不进行继续教育学时认定）。',
      reading: true,
    },
    evidenceCompleteDefault: {
      value: true,
      label: '证明材料齐全（空白时）',
      clause: '附件1第7条',
      text: '解读：“证明材料齐全”留空视为齐全。以上继续教育学时的认定以证书、奖状、论文、著作……为依据。',
      reading: true,
    },
    titleApplicantDefault: {
      value: false,
      label: '申报职称（空白时）',
      clause: '正文六',
      text: '解读：“申报职称”留空视为不申报。',
      reading: true,
    },
    professionalBySectorDefault: {
      value: false,
      label: '专业课按行业规定（空白时）',
      clause: '正文二(二)、四(二)',
      text: `解读：“专业课按行业规定”填“是”的人员，专业课由省行业主管部门按本行业规定核对：专业课学时照常认定和列出，但不计专业课要求和缺口，只核对公需课；留空视为“否”。依据：${MAIN_2_2}${MAIN_4_2_SECTOR}`,
      reading: true,
    },
    maxHours: { value: 2000, label: '学时合理上限', unit: '学时', clause: '数据校验', text: '学时超过2000视为录入错误。', reading: true },
    maxDays: { value: 366, label: '天数合理上限', unit: '天', clause: '数据校验', text: '天数超过366视为录入错误。', reading: true },
    maxMonths: { value: 12, label: '月数上限', unit: '个月', clause: '数据校验', text: '月数超过12视为录入错误。', reading: true },
    maxCount: {
      value: 366,
      label: '项数合理上限',
      unit: '项',
      clause: '数据校验',
      text: '解读：一年内资格证书、代表性成果、竞赛的项数超过366视为录入错误。',
      reading: true,
    },
  },
  clauses: {
    main2: { clause: '正文二', text: MAIN_2 },
    main2Item2: { clause: '正文二(二)', text: MAIN_2_2 },
    main4: { clause: '正文四', text: MAIN_4 },
    main6: { clause: '正文六', text: MAIN_6 },
    main7: { clause: '正文七', text: MAIN_7 },
    annex1Item1: { clause: '附件1第1条', text: ANNEX_1 },
    annex1Item2: { clause: '附件1第2条', text: ANNEX_2 },
    annex1Item3: { clause: '附件1第3条', text: ANNEX_3 },
    annex1Item4: { clause: '附件1第4条', text: `${ANNEX_4_EXPERT}${ANNEX_4_AID}` },
    annex1Item5: { clause: '附件1第5条', text: ANNEX_5 },
    annex1Item6: { clause: '附件1第6条', text: ANNEX_6 },
    annex1Item7: { clause: '附件1第7条', text: ANNEX_7 },
  },
  inputs: {
    name: {
      header: '姓名', kind: 'text', required: true, rule: '必填：一行一人一年，有内容的行姓名不能为空。',
      aliases: ['名字', '人员姓名', '职工姓名', '专技人员姓名', '专业技术人员姓名', '基本情况姓名'],
    },
    idNumber: {
      header: '身份证号', kind: 'text', rule: '选填：18位身份证号，按GB 11643校验位核对，不计学时。',
      aliases: ['身份证号码', '身份证', '公民身份号码', '公民身份证号码', '公民身份证号', '证件号码', '身份证件号码', '身份证件号'],
    },
    unit: {
      header: '单位', kind: 'text', rule: '选填：年度汇总按单位分组。',
      aliases: ['工作单位', '单位名称', '所在单位', '用人单位', '单位全称', '学校', '院区'],
    },
    department: {
      header: '部门', kind: 'text', rule: '选填：年度汇总按单位、部门分组。',
      aliases: ['科室', '部门科室', '所在部门', '所在科室', '科室部门', '部门名称', '处室', '科室名称', '病区', '教研组', '年级组'],
    },
    platformPublicHours: {
      header: '市平台公需课学时', kind: 'hours', clause: '正文二(一)、四(二)',
      rule: '市平台学习的公需课学时全额认定，无需证明材料；公需课每年不少于{requiredPublic}学时（{clause}）。',
      aliases: [
        '公需课学时', '市平台公需学时', '公需课', '公需', '公需学时', '公需课学时数', '公需学时数', '市平台公需课', '公需课时',
        '公需课程学时', '市平台学习公需课学时', '网络公需课学时', '平台公需课学时',
      ],
    },
    platformProfessionalHours: {
      header: '市平台专业课学时', kind: 'hours', clause: '正文二(二)、四(二)',
      rule: '市平台学习的专业课学时全额认定，无需证明材料；专业课每年不少于{requiredProfessional}学时（{clause}）。',
      aliases: [
        '专业课学时', '市平台专业学时', '专业课', '专业学时', '专业课学时数', '专业学时数', '市平台专业课', '专业课时',
        '专业课程学时', '市平台学习专业课学时', '网络专业课学时', '平台专业课学时',
      ],
    },
    trainingHours: {
      header: '培训进修学时', kind: 'hours', clause: '附件1第1条',
      rule: '按备案的实际学时认定专业课，每天不超过{trainingHoursPerDay}学时，累计不超过{trainingYearCap}学时；只填天数不填学时的不计入（{clause}）。',
      aliases: ['培训学时', '培训进修类学时', '培训进修', '培训进修学时数', '进修学时', '培训进修类'],
    },
    trainingDays: {
      header: '培训进修天数', kind: 'days', clause: '附件1第1条',
      rule: '培训进修的天数，用于核对每天不超过{trainingHoursPerDay}学时（{clause}）。',
      aliases: ['培训天数', '培训进修类天数', '进修天数', '培训进修天'],
    },
    seminarHours: {
      header: '高级研修班学时', kind: 'hours', clause: '附件1第1条',
      rule: '省/市级高级研修班每天不超过{seminarHoursPerDay}学时，累计不超过{seminarYearCap}学时；与培训进修合计不超过{category1Cap}学时（{clause}）。',
      aliases: ['研修班学时', '高级研修学时', '省市级高级研修班学时', '高级研修班', '高研班学时', '高级研修班学时数'],
    },
    seminarDays: {
      header: '高级研修班天数', kind: 'days', clause: '附件1第1条',
      rule: '高级研修班的天数，用于核对每天不超过{seminarHoursPerDay}学时（{clause}）。',
      aliases: ['研修班天数', '高级研修天数', '高研班天数', '省市级高级研修班天数'],
    },
    trainingFiled: {
      header: '培训已备案', kind: 'yesno', blank: 'trainingFiledDefault', clause: '附件1第1条、正文七',
      rule: '填是/否，空白视为已备案；未备案的培训进修和研修班不认定学时（{clause}）。',
      aliases: ['是否备案', '培训是否备案', '已备案', '培训备案', '备案情况', '是否已备案', '培训进修是否备案'],
    },
    degreeStudyHours: {
      header: '自考及学历教育学时', kind: 'hours', clause: '附件1第2条',
      rule: '自学考试、在职学历教育每年累计认定专业课不超过{degreeYearCap}学时（{clause}）。',
      aliases: ['学历教育学时', '自学考试学时', '自考学时', '学历教育', '自考及学历教育', '在职学历教育学时'],
    },
    certificates: {
      header: '资格证书数', kind: 'count', clause: '附件1第2条',
      rule: '每个合格的资格证书认定专业课{certificateHours}学时（{clause}），填整数。',
      aliases: ['资格证书', '证书数', '资格证书数量', '职业资格证书数', '资格证书个数'],
    },
    achievements: {
      header: '代表性成果数', kind: 'count', clause: '附件1第3条',
      rule: '每项（篇、本）计专业课{achievementHours}学时，每年累计不超过{achievementsYearCap}学时（{clause}），填整数。',
      aliases: ['代表性成果', '成果数', '代表性成果数量', '成果项数', '代表性成果项数'],
    },
    expertDays: {
      header: '专家活动天数', kind: 'days', clause: '附件1第4条',
      rule: '受邀专家按实际工作天数认定，每天不超过专业课{expertHoursPerDay}学时（{clause}）。',
      aliases: ['专家服务天数', '专家天数'],
    },
    expertHours: {
      header: '专家活动学时', kind: 'hours', clause: '附件1第4条',
      rule: '专家活动的实际学时，按证明材料填写，不超过天数×{expertHoursPerDay}；只填天数不填学时的不计入（{clause}）。',
      aliases: ['专家服务学时', '专家学时'],
    },
    aidMonths: {
      header: '援派月数', kind: 'months', clause: '附件1第4条',
      rule: '援派、支教、支农、支医、扶贫的月数（0–{maxMonths}），每月计公需课{aidPublicPerMonth}学时、专业课{aidProfessionalPerMonth}学时（{clause}）。',
      aliases: ['援派月份', '援派时间', '支教支农支医扶贫月数', '援派时长', '援派支教月数', '援派'],
    },
    competitions: {
      header: '竞赛项数', kind: 'count', clause: '附件1第5条',
      rule: '每项（次）计专业课{competitionHours}学时，每年累计不超过{competitionsYearCap}学时（{clause}），填整数。',
      aliases: ['竞赛数', '技能竞赛项数', '竞赛次数', '竞赛', '技能竞赛', '竞赛项目数'],
    },
    specialCase: {
      header: '特殊情况', kind: 'case', clause: '附件1第6条',
      rule: '填{specialCases}或留空，与不在岗月数一起按在岗时间折算要求学时（{clause}）。',
      aliases: ['特殊情况类型', '特殊情形'],
    },
    absentMonths: {
      header: '不在岗月数', kind: 'months', clause: '附件1第6条',
      rule: '不在岗月数（0–{maxMonths}），与特殊情况一起填写；要求学时按({prorationMonthsPerYear}−月数)÷{prorationMonthsPerYear}折算（{clause}）。',
      aliases: ['不在岗月份', '不在岗时间', '特殊情况月数', '不在岗时长', '特殊情况不在岗月数'],
    },
    transferPublicHours: {
      header: '调入公需课学时', kind: 'hours', clause: '正文四(三)',
      rule: '外地调入人员凭调出地继续教育管理部门出具的证明合并计算的公需课学时（{clause}）。',
      aliases: ['调入公需学时', '调入公需课', '外地调入公需课学时'],
    },
    transferProfessionalHours: {
      header: '调入专业课学时', kind: 'hours', clause: '正文四(三)',
      rule: '外地调入人员凭调出地继续教育管理部门出具的证明合并计算的专业课学时（{clause}）。',
      aliases: ['调入专业学时', '调入专业课', '外地调入专业课学时'],
    },
    evidenceComplete: {
      header: '证明材料齐全', kind: 'yesno', blank: 'evidenceCompleteDefault', clause: '附件1第7条',
      rule: '填是/否，空白视为齐全；除市平台学时外均须证书等证明材料，不齐时状态为“待补材料”（{clause}）。',
      aliases: ['证明材料', '材料齐全', '证明材料是否齐全', '材料是否齐全', '证明材料情况'],
    },
    titleApplicant: {
      header: '申报职称', kind: 'yesno', blank: 'titleApplicantDefault', clause: '正文六',
      rule: '填是/否，空白视为否；申报职称者应于申报材料前{deadlineWorkingDays}个工作日完成学习（{clause}）。',
      aliases: ['是否申报职称', '申报职称评审', '职称申报', '是否参加职称评审', '参加职称评聘', '是否参加职称评聘', '职称申报是否申报'],
    },
    titleSubmissionDate: {
      header: '职称材料提交日期', kind: 'date', clause: '正文六',
      rule: '如2023-10-09；完成期限为提交日期前第{deadlineWorkingDays}个工作日，最迟{yearEnd}（{clause}）。',
      aliases: [
        '职称申报材料提交日期', '申报材料提交日期', '提交日期', '申报材料提交时间', '职称材料提交时间', '材料提交日期',
        '职称申报提交日期', '职称申报日期', '申报日期', '提交时间',
      ],
    },
    professionalBySector: {
      header: '专业课按行业规定', kind: 'yesno', blank: 'professionalBySectorDefault', clause: '正文二(二)、四(二)',
      rule: '填是/否，空白视为否；填“是”：专业课由省行业主管部门按本行业规定核对，本表照常列出专业课学时，但只核对公需课（{clause}）。',
      aliases: ['行业另有规定', '专业课按行业要求', '执行行业规定'],
    },
  },
  sources: {
    platformPublic: {
      kind: 'hoursAsGiven', side: 'public', hours: 'platformPublicHours',
      label: '市平台公需课', clause: '正文二(一)、四(二)', text: `${MAIN_2_1}${MAIN_4_2_PLATFORM}`,
    },
    platformProfessional: {
      kind: 'hoursAsGiven', side: 'professional', hours: 'platformProfessionalHours',
      label: '市平台专业课', clause: '正文二(二)、四(二)', text: `${MAIN_2_2}${MAIN_4_2_PLATFORM}`,
    },
    training: {
      kind: 'hoursPerDay', side: 'professional', hours: 'trainingHours', days: 'trainingDays', perDay: 'trainingHoursPerDay',
      yearCap: 'trainingYearCap', dailyCapCode: 'CAP_TRAINING_DAILY', yearCapCode: 'CAP_TRAINING',
      label: '培训进修', clause: '附件1第1条', text: ANNEX_1,
      evidence: {
        label: '培训进修', clause: '附件1第1条、第7条',
        evidence: `培训合格证书（经市平台备案的培训可下载电子证书）或${STAMPED}；培训须已备案`,
        text: ANNEX_7,
      },
    },
    seminars: {
      kind: 'hoursPerDay', side: 'professional', hours: 'seminarHours', days: 'seminarDays', perDay: 'seminarHoursPerDay',
      yearCap: 'seminarYearCap', dailyCapCode: 'CAP_SEMINAR_DAILY', yearCapCode: 'CAP_SEMINAR',
      label: '高级研修班', clause: '附件1第1条', text: ANNEX_1,
      evidence: {
        label: '省/市级高级研修班', clause: '附件1第1条、第7条',
        evidence: `高级研修班培训合格（结业）证书或${STAMPED}`,
        text: ANNEX_7,
      },
    },
    degree: {
      kind: 'hoursYearCap', side: 'professional', hours: 'degreeStudyHours', yearCap: 'degreeYearCap', capCode: 'CAP_DEGREE',
      label: '自考及学历教育', clause: '附件1第2条', text: ANNEX_2,
      evidence: {
        label: '自考及学历教育', clause: '附件1第2条、第7条',
        evidence: `自学考试或在职学历教育的证书（成绩合格证明、学历证书）或${STAMPED}`,
        text: ANNEX_7,
      },
    },
    certificates: {
      kind: 'itemsTimesHours', side: 'professional', count: 'certificates', hoursEach: 'certificateHours', yearCap: 'certificatesYearCap',
      capCode: 'CAP_CERTIFICATES', itemWord: '项',
      label: '资格证书', clause: '附件1第2条', text: ANNEX_2,
      evidence: {
        label: '资格证书', clause: '附件1第2条、第7条',
        evidence: '当年取得的合格的资格证书（职业资格、职业技能等级、专业技术等级或国际注册类考试）',
        text: ANNEX_7,
      },
    },
    achievements: {
      kind: 'itemsTimesHours', side: 'professional', count: 'achievements', hoursEach: 'achievementHours', yearCap: 'achievementsYearCap',
      capCode: 'CAP_ACHIEVEMENTS', itemWord: '项',
      label: '代表性成果', clause: '附件1第3条', text: ANNEX_3,
      evidence: {
        label: '代表性成果', clause: '附件1第3条、第7条',
        evidence: '奖励、专利、软著、标准：证书或奖状（章、牌）；论文：封面、目录及正文页；著作、译著：封面、索引、目录页',
        text: ANNEX_7,
      },
    },
    experts: {
      kind: 'hoursPerDay', side: 'professional', hours: 'expertHours', days: 'expertDays', perDay: 'expertHoursPerDay',
      dailyCapCode: 'CAP_EXPERT_DAILY',
      label: '专家活动', clause: '附件1第4条', text: ANNEX_4_EXPERT,
      evidence: {
        label: '专家活动', clause: '附件1第4条、第7条',
        evidence: `${STAMPED}（写明受邀活动和实际工作天数）`,
        text: ANNEX_7,
      },
    },
    aid: {
      kind: 'monthsProrated', months: 'aidMonths', publicPerMonth: 'aidPublicPerMonth', professionalPerMonth: 'aidProfessionalPerMonth',
      label: '援派', clause: '附件1第4条', text: ANNEX_4_AID,
      evidence: {
        label: '援派、支教、支农、支医、扶贫', clause: '附件1第4条、第7条',
        evidence: `${STAMPED}（写明派出单位和起止月份）`,
        text: ANNEX_7,
      },
    },
    competitions: {
      kind: 'itemsTimesHours', side: 'professional', count: 'competitions', hoursEach: 'competitionHours', yearCap: 'competitionsYearCap',
      capCode: 'CAP_COMPETITIONS', itemWord: '项',
      label: '竞赛', clause: '附件1第5条', text: ANNEX_5,
      evidence: {
        label: '技能竞赛、技术比武', clause: '附件1第5条、第7条',
        evidence: `获奖证书、奖状（章、牌）或${STAMPED}（写明竞赛名称和组织单位）`,
        text: ANNEX_7,
      },
    },
    transferPublic: {
      kind: 'hoursAsGiven', side: 'public', hours: 'transferPublicHours',
      label: '调入公需课', clause: '正文四(三)', text: MAIN_4_TRANSFER,
      evidence: {
        label: '调入前公需课', clause: '正文四(三)',
        evidence: '调出地继续教育管理部门出具的继续教育学时证明',
        text: MAIN_4_TRANSFER,
      },
    },
    transferProfessional: {
      kind: 'hoursAsGiven', side: 'professional', hours: 'transferProfessionalHours',
      label: '调入专业课', clause: '正文四(三)', text: MAIN_4_TRANSFER,
      evidence: {
        label: '调入前专业课', clause: '正文四(三)',
        evidence: '调出地继续教育管理部门出具的继续教育学时证明',
        text: MAIN_4_TRANSFER,
      },
    },
  },
  requirement: { public: 'requiredPublic', professional: 'requiredProfessional', total: 'requiredTotal' },
  // Reading (docs/rules.md §3): 培训进修 and 研修班 together are capped too
  categoryCaps: [{ sources: ['training', 'seminars'], cap: 'category1Cap', code: 'CAP_CATEGORY1', clause: 'annex1Item1' }],
  // 附件1第1条、正文七: 未进行备案的，不进行继续教育学时认定
  filingGate: { input: 'trainingFiled', sources: ['training', 'seminars'], code: 'TRAINING_NOT_FILED', what: '培训', clauses: ['annex1Item1', 'main7'] },
  specialCases: {
    caseInput: 'specialCase',
    monthsInput: 'absentMonths',
    basis: 'prorationMonthsPerYear',
    clause: 'annex1Item6',
    cases: [
      { name: '境外工作', minAbsentMonthsExclusive: 6, needsProvincialApproval: false, clause: '附件1第6条', text: '因公派，年度内在境外工作超过6个月的' },
      { name: '病假', minAbsentMonthsExclusive: 6, needsProvincialApproval: false, clause: '附件1第6条', text: '因受伤、患重病，年度内请病假超过6个月的' },
      { name: '产假', minAbsentMonthsExclusive: 0, needsProvincialApproval: false, clause: '附件1第6条', text: '女职工休产假的' },
      { name: '其他', minAbsentMonthsExclusive: null, needsProvincialApproval: true, clause: '附件1第6条', text: '经省级行业主管部门认定的其他情况' },
    ],
    evidence: {
      label: '特殊情况（按在岗时间折算）', clause: '附件1第6条',
      evidence: '本人所在单位的批准材料及相关证明材料（公派出境、病假、产假证明；“其他”须附省级行业主管部门的认定）',
      text: ANNEX_6,
    },
  },
  // Reading (docs/rules.md §6a)
  sectorRule: { input: 'professionalBySector', clause: 'main2Item2' },
  evidenceStatus: { input: 'evidenceComplete', clause: 'annex1Item7' },
  deadline: {
    yearEnd: 'yearEnd',
    clause: 'main6',
    titleApplicants: { applicant: 'titleApplicant', submission: 'titleSubmissionDate', workingDays: 'deadlineWorkingDays' },
  },
  calendar: {
    years: [2023],
    holidays: [
      '2022-12-31', '2023-01-01', '2023-01-02',
      '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-01-27',
      '2023-04-05',
      '2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03',
      '2023-06-22', '2023-06-23', '2023-06-24',
      '2023-09-29', '2023-09-30', '2023-10-01', '2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06',
      // 2024 New Year's Day: a submission early in 2024 counts back through it into 2023 (docs/rules.md §5)
      '2024-01-01',
    ],
    workdays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
    notice: '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）；2024年元旦：国办发明电〔2023〕7号',
    // from 5 working days before 2023-01-01 to the 5th working day after 2023-12-31: late December 2022 and the first
    // week of 2024 have no other holidays or adjusted working days (国办发明电〔2021〕11号, 〔2023〕7号)
    covers: { from: '2022-12-26', to: '2024-01-08' },
  },
  words: {
    placeholders: {
      value: ['/', '／', '-', '－', '—', '——', '无'],
      label: '占位符（视为空白）',
      clause: '数据校验',
      text: '解读：单元格内容恰为“/”“－”“—”“无”等占位符时视为未填写（docs/rules.md §9）。',
      reading: true,
    },
    excelErrors: {
      value: [
        '#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NUM!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA',
        '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!',
      ],
      label: 'Excel错误值',
      clause: '数据校验',
      text: '解读：单元格为Excel错误值（如#N/A、#VALUE!，不分大小写）时是录入错误，须修正公式（docs/rules.md §9）。',
      reading: true,
    },
    totalRowNames: {
      value: ['合计', '小计', '总计', '共计', '汇总', '累计'],
      label: '合计行（不是人员）',
      clause: '数据校验',
      text: '解读：姓名（去掉空格）为“合计”“小计”等的行是合计行，不是人员，跳过不计（docs/rules.md §9）。',
      reading: true,
    },
    noteRowPrefixes: {
      value: ['制表人', '制表', '审核人', '审核', '填表人', '填报人', '负责人', '单位负责人', '联系人', '联系电话', '注', '备注', '说明', '填表说明'],
      label: '表尾说明行（不是人员）',
      clause: '数据校验',
      text: '解读：姓名以“制表人：”“备注：”等开头的行是表尾说明，不是人员，跳过不计（docs/rules.md §9）。',
      reading: true,
    },
    noteRowColons: {
      value: [':', '：'],
      label: '说明行的冒号',
      clause: '数据校验',
      text: '解读：合计词后可带、说明词后必须紧跟半角或全角冒号（docs/rules.md §9）。',
      reading: true,
    },
    unitSuffixes: {
      value: ['学时', '小时', '天', '项', '个月', '月', '个', '篇', '本', '次'],
      label: '数字后可带的单位',
      clause: '数据校验',
      text: '解读：数字后可带一个单位（学时、小时、天、项、个月、月、个、篇、本、次），任何数字列都接受（docs/rules.md §7）。',
      reading: true,
    },
    footerRowPrefixes: {
      value: ['导出时间', '导出日期', '导出人', '打印时间', '打印日期', '打印人', '统计时间', '填报日期', '填表日期', '制表日期'],
      label: '表尾落款行（不是人员）',
      clause: '数据校验',
      text: '解读：花名册中首个非空单元格以“导出时间：”“导出人：”“打印时间：”等开头的行是系统导出或打印的落款，与“制表人：”一样不是人员；其下没有人员时表格到此为止（docs/rules.md §9）。',
      reading: true,
    },
    numberingHeaders: {
      value: ['序号', '编号', '序', '排序', '顺序号', '行号', 'No', 'No.'],
      label: '序号列的表头',
      clause: '数据校验',
      text: '解读：表头为“序号”“编号”等的列是序号列；姓名为空时，序号列或单位、部门列中写有合计词（如“小计”“儿科小计”“本科室合计”）的行是合计行，不是人员（docs/rules.md §9）。',
      reading: true,
    },
    headcountPrefixes: {
      value: ['共', '计', '共计', '合计', '总计', '总共'],
      label: '人数写法的前缀',
      clause: '数据校验',
      text: '解读：姓名栏写的是人数（如“共17人”“17人”“合计17名”）的行是合计行，不是人员（docs/rules.md §9）。',
      reading: true,
    },
    headcountSuffixes: {
      value: ['人', '名', '人次', '位'],
      label: '人数写法的后缀',
      clause: '数据校验',
      text: '解读：人数写作数字加“人”“名”“人次”“位”（docs/rules.md §9）。',
      reading: true,
    },
  },
  // The unit's duties (正文四、正文七、附件1第7条、附件2): the 提醒名单, the 审核材料清单 and 附件2 read them.
  duties: {
    cityPlatform: {
      name: '枣庄市专业技术人员继续教育服务平台',
      shortName: '市平台',
      url: 'zzzj.yxlearning.com',
      clause: '正文二(一)',
      text: '专业技术人员可以注册登录枣庄市专业技术人员继续教育服务平台（网址zzzj.yxlearning.com，以下简称“市平台”）参加公需科目学习和考试。',
    },
    provincialPlatform: {
      name: '山东省专业技术人员继续教育公共服务平台',
      shortName: '省平台',
      url: 'http://117.73.255.69:9080/',
      clause: '正文四(二)',
      text: '山东省专业技术人员继续教育公共服务平台……用于学时的审验和登记……专业技术人员按规定据实在省平台进行申报，单位完成审核。',
    },
    trainingPlanFiling: {
      formTitle: '枣庄市专业培训项目计划申报表（2023 年度）',
      deadline: { value: '2023-05-26', label: '培训项目计划备案截止日期', clause: '正文七', text: MAIN_7 },
      deadlineAppliesTo: '市直单位',
      office: '市人社局人才开发与专业技术人员管理科',
      address: '薛城区民生路366号南区三楼371室',
      email: 'zzzjk@zz.shandong.cn',
      copies: { value: 2, label: '申报表份数', unit: '份', clause: '附件2', text: '此表一式二份报市人社局人才开发与专业技术人员管理科。' },
      note: '注：此表一式二份报市人社局人才开发与专业技术人员管理科（地址：薛城区民生路366号南区三楼371室，邮箱：zzzjk@zz.shandong.cn），报送后请及时对接，完成市平台备案、发证工作。',
      clause: '附件2',
    },
  },
  // append-only: a compact answer's sourceIndex, the template's and the custom functions' column order, the codes
  orders: {
    sources: [
      'platformPublic', 'platformProfessional', 'training', 'seminars', 'degree', 'certificates', 'achievements', 'experts', 'aid',
      'competitions', 'transferPublic', 'transferProfessional',
    ],
    columns: [
      'name', 'idNumber', 'unit', 'department', 'platformPublicHours', 'platformProfessionalHours', 'trainingHours', 'trainingDays',
      'seminarHours', 'seminarDays', 'trainingFiled', 'degreeStudyHours', 'certificates', 'achievements', 'expertDays', 'expertHours',
      'aidMonths', 'competitions', 'specialCase', 'absentMonths', 'transferPublicHours', 'transferProfessionalHours', 'evidenceComplete',
      'titleApplicant', 'titleSubmissionDate', 'professionalBySector',
    ],
    warningCodes: [
      'CAP_TRAINING_DAILY', 'CAP_TRAINING', 'CAP_SEMINAR_DAILY', 'CAP_SEMINAR', 'CAP_CATEGORY1', 'CAP_DEGREE', 'CAP_CERTIFICATES',
      'CAP_ACHIEVEMENTS', 'CAP_EXPERT_DAILY', 'CAP_COMPETITIONS', 'DAYS_MISSING', 'HOURS_MISSING', 'TRAINING_NOT_FILED',
      'SPECIAL_CASE_NOT_ELIGIBLE', 'SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL', 'ABSENCE_WITHOUT_CASE', 'PROFESSIONAL_BY_SECTOR',
      'TITLE_DATE_MISSING', 'CALENDAR_UNKNOWN', 'DEADLINE_PASSED', 'ID_CHECKSUM', 'ID_AS_NUMBER', 'NOT_A_PERSON',
    ],
  },
};
