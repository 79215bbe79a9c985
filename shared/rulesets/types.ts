// The shape of a rule set: the notice as data (rules-as-code). Logic lives in shared/rules/*; numbers live here.

/** One named number (or setting) of a notice, with the clause it comes from and that clause's wording. */
export type Parameter<T = number> = {
  value: T;
  /** Short Chinese label shown to users, e.g. 培训进修类年度上限. */
  label: string;
  /** The clause, e.g. 附件1第1条. */
  clause: string;
  /** The clause's wording in the notice (or, for a Reading, the reading in Chinese). */
  text: string;
  unit?: string;
  /** true when the value is a Reading of an ambiguous clause (RULES.md), not a number printed in the notice. */
  reading?: boolean;
};

/** A special case of 附件1第6条 that lowers the requirement. */
export type SpecialCaseRule = {
  name: string;
  /** Qualifies only when absentMonths is strictly above this; null = any absentMonths qualifies. */
  minAbsentMonthsExclusive: number | null;
  /** Qualifies only with an approval outside the unit (warning SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL). */
  needsProvincialApproval: boolean;
  clause: string;
  text: string;
};

/** The State Council holiday schedule as data: holidays and adjusted working days (调休). */
export type HolidayCalendar = {
  /** Years whose schedule is fully known; other years fall back to weekends only (CALENDAR_UNKNOWN). */
  years: number[];
  /** Days off that would otherwise be working days (YYYY-MM-DD), including edges of neighbouring years. */
  holidays: string[];
  /** Weekend days that are working days (调休上班). */
  workdays: string[];
  /** The official document the schedule is taken from. */
  notice: string;
};

export type RuleSetParameters = {
  requiredPublic: Parameter;
  requiredProfessional: Parameter;
  requiredTotal: Parameter;
  trainingHoursPerDay: Parameter;
  trainingYearCap: Parameter;
  seminarHoursPerDay: Parameter;
  seminarYearCap: Parameter;
  category1Cap: Parameter<number | null>;
  degreeYearCap: Parameter;
  certificateHours: Parameter;
  /** Reading (docs/rules.md §3): certificates beside the 40-hour cap of 学历教育; null = no yearly cap. */
  certificatesYearCap: Parameter<number | null>;
  achievementHours: Parameter;
  achievementsYearCap: Parameter;
  expertHoursPerDay: Parameter;
  aidPublicPerMonth: Parameter;
  aidProfessionalPerMonth: Parameter;
  competitionHours: Parameter;
  competitionsYearCap: Parameter;
  prorationMonthsPerYear: Parameter;
  deadlineWorkingDays: Parameter;
  yearEnd: Parameter<string>;
  trainingFiledDefault: Parameter<boolean>;
  evidenceCompleteDefault: Parameter<boolean>;
  titleApplicantDefault: Parameter<boolean>;
  /** Reading (docs/rules.md §6a): 专业课按行业规定 left blank means no. */
  professionalBySectorDefault: Parameter<boolean>;
  maxHours: Parameter;
  maxDays: Parameter;
  maxMonths: Parameter;
  maxCount: Parameter;
};

/** The sources of credited hours, in breakdown order. */
export const SOURCE_KEYS = [
  'platformPublic',
  'platformProfessional',
  'training',
  'seminars',
  'degree',
  'certificates',
  'achievements',
  'experts',
  'aid',
  'competitions',
  'transferPublic',
  'transferProfessional',
] as const;

export type SourceKey = (typeof SOURCE_KEYS)[number];

/** How a source of credited hours is named in the breakdown, and the clause that credits it. */
export type SourceDef = { label: string; clause: string };

/** The clauses of the notice the rules cite, by the notice's structure (正文 sections, 附件1 items). */
export const CLAUSE_KEYS = [
  'main2',
  'main2Item2',
  'main4',
  'main6',
  'main7',
  'annex1Item1',
  'annex1Item2',
  'annex1Item3',
  'annex1Item4',
  'annex1Item5',
  'annex1Item6',
  'annex1Item7',
] as const;
export type ClauseKey = (typeof CLAUSE_KEYS)[number];

/** A clause: how it is cited (e.g. 附件1第3条) and its wording in the notice. */
export type ClauseDef = { clause: string; text: string };

/** A list of words the input checks recognise (RULES.md §7, §9): every one a Reading of what real rosters hold. */
export type WordList = Parameter<string[]>;

/** The words of real rosters (RULES.md §7, §9), as data so that a city or a year can change them. */
export type RuleSetWords = {
  /** A cell whose trimmed text is exactly one of these is blank (RULES.md §9). */
  placeholders: WordList;
  /** Excel error values (compared in upper case): error EXCEL_ERROR in any field (RULES.md §9). */
  excelErrors: WordList;
  /** A name (spaces removed) equal to one of these, optionally followed by a colon, is a total row (NOT_A_PERSON). */
  totalRowNames: WordList;
  /** A name (spaces removed) starting with one of these and then a colon is a note row (NOT_A_PERSON). */
  noteRowPrefixes: WordList;
  /** The colons that may follow a total word and must follow a note word (full-width folded first). */
  noteRowColons: WordList;
  /** The unit words a number may carry (any of them in any numeric field, RULES.md §7). */
  unitSuffixes: WordList;
  /**
   * Roster sheets (docs/rules.md §9): a row whose first cell starts with one of these and a colon is a footer line
   * (导出时间：… 导出人：…), read like 制表人：.
   */
  footerRowPrefixes: WordList;
  /** Roster sheets: headers of a numbering column (序号); a total word there (小计 in 序号) makes a total row. */
  numberingHeaders: WordList;
  /** Roster sheets: a count of people written as a name (共17人): optional one of these, digits, then… */
  headcountPrefixes: WordList;
  /** …one of these. */
  headcountSuffixes: WordList;
};

export type RuleSetDefinition = {
  id: string;
  year: number;
  title: string;
  /** The notice, e.g. 枣人社字〔2023〕20号. */
  notice: string;
  parameters: RuleSetParameters;
  /** Breakdown label and clause of every source of credited hours. */
  sources: Record<SourceKey, SourceDef>;
  /** The clauses warnings and notes cite, with their wording. */
  clauses: Record<ClauseKey, ClauseDef>;
  specialCaseRules: SpecialCaseRule[];
  calendar: HolidayCalendar;
  /** The words of real rosters the input checks recognise. */
  words: RuleSetWords;
  /** The unit's duties: the platforms, the evidence each source needs (附件1第7条), the filing of 附件2. */
  duties: RuleSetDuties;
};

/** A registered rule set: the definition plus derived lists callers need (e.g. the add-in's dropdown). */
export type RuleSet = RuleSetDefinition & {
  /** The accepted values of 特殊情况, in the notice's order. */
  specialCaseNames: string[];
  /** The keys of `sources` in breakdown order (SOURCE_KEYS): a compact answer's sourceIndex indexes this list. */
  sourceOrder: readonly SourceKey[];
};

/** JSON-serialisable description of a rule set (GET /v1/rules). */
export type RuleSetDescription = {
  id: string;
  year: number;
  title: string;
  notice: string;
  parameters: ({ key: string } & Parameter<number | string | boolean | null>)[];
  sources: Record<SourceKey, SourceDef>;
  /** The keys of `sources` in breakdown order: a compact answer's sourceIndex (shared/compact.ts) indexes this list. */
  sourceOrder: SourceKey[];
  clauses: Record<ClauseKey, ClauseDef>;
  specialCaseNames: string[];
  specialCaseRules: SpecialCaseRule[];
  calendar: HolidayCalendar;
  words: RuleSetWords;
  duties: RuleSetDuties;
};

// ---- The unit's duties (正文四、正文七、附件1第7条、附件2): evidence, platforms, filing of training plans. ----

/** Sources of hours whose declaration needs evidence (附件1第7条): every credited source but the city platform's, plus a prorated requirement. */
export type EvidenceKey = Exclude<SourceKey, 'platformPublic' | 'platformProfessional'> | 'specialCase';

/** What the unit checks before approving one source of hours on the provincial platform. */
export type EvidenceRule = {
  /** Name of the source as clerks say it, e.g. 培训进修. */
  label: string;
  /** The clauses that require this evidence, e.g. 附件1第1条、第7条. */
  clause: string;
  /** The evidence to look at, in a clerk's words (the checklist's column and the 待补材料 message). */
  evidence: string;
  /** The notice's wording this comes from. */
  text: string;
};

/** A web platform named in the notice. */
export type Platform = { name: string; shortName: string; url: string; clause: string; text: string };

/** Where and by when units file 附件2 (枣庄市专业培训项目计划申报表). */
export type TrainingPlanFiling = {
  /** Title of the form (附件2). */
  formTitle: string;
  /** Last filing day for 市直单位 (正文七: 5月26日前). */
  deadline: Parameter<string>;
  /** Who files by the deadline (正文七). */
  deadlineAppliesTo: string;
  /** The office that receives the form, its address and e-mail (附件2 注). */
  office: string;
  address: string;
  email: string;
  copies: Parameter;
  /** The form's footnote, verbatim (附件2 注). */
  note: string;
  clause: string;
};

/** The duties of a unit's designated clerk (专人), as data: the reminder list, the evidence checklist, 附件2. */
export type RuleSetDuties = {
  /** Where staff study (正文二(一)): named in every reminder. */
  cityPlatform: Platform;
  /** Where hours are declared and reviewed (正文四(二)). */
  provincialPlatform: Platform;
  /** 附件1第7条 (and 第6条, 正文四(三)): the evidence each source of hours needs. */
  evidence: Record<EvidenceKey, EvidenceRule>;
  trainingPlanFiling: TrainingPlanFiling;
};
