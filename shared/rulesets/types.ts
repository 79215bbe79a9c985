// The shape of a rule set: one notice (a city and a year) as data of a few kinds (rules-as-code). The formulas live
// in shared/rules/ (one file per kind), the numbers and words here; a rule set is checked when it is registered
// (validate.ts). docs/developer-guide.md, “How to add a year from a new notice”, walks through every field.
//
// Keys a rule set does not have are absent: a rule set without special cases has no `specialCases` and no 特殊情况
// column; a source of hours exists only when `sources` lists it. Orders that clients depend on (the compact
// answer's source indexes, the custom functions' default columns, the warning codes) are the explicit lists of
// `orders`, append-only per rule set.

/** A parameter's value: a number of the notice, a date, a yes/no default, or null (“none”, e.g. no yearly cap). */
export type ParameterValue = number | string | boolean | null;

/** One named number (or setting) of a notice, with the clause it comes from and that clause's wording. */
export type Parameter<T = number> = {
  value: T;
  /** Short Chinese label shown to users, e.g. 培训进修年度上限. */
  label: string;
  /** The clause, e.g. 附件1第1条. */
  clause: string;
  /** The clause's wording in the notice (or, for a Reading, the reading in Chinese). */
  text: string;
  unit?: string;
  /** true when the value is a Reading of an ambiguous clause (docs/rules.md), not a number printed in the notice. */
  reading?: boolean;
};

/** How a roster column's cells are read (docs/rules.md §7). */
export type InputKind = 'text' | 'hours' | 'days' | 'count' | 'months' | 'yesno' | 'case' | 'date';

/** One roster column: its JSON key is its key in `inputs`. */
export type InputDef = {
  /** The template's Chinese header, e.g. 培训进修学时. */
  header: string;
  /** Other spellings real rosters use (besides the header and the JSON key); no two columns may share one. */
  aliases: string[];
  kind: InputKind;
  /** A row with content must fill it in (only 姓名). */
  required?: boolean;
  /** The clause cited in the template's input title. */
  clause?: string;
  /**
   * The template's input message, in a clerk's words. `{name}` is replaced by the value of parameter `name`,
   * `{specialCases}` by the names of the special cases joined with “/”.
   */
  rule: string;
  /** Yes/no columns: the boolean parameter that says what a blank cell means. */
  blank?: string;
};

/** Which requirement a source's hours count towards. */
export type Side = 'public' | 'professional';

/** What the unit checks before approving one source of hours on the provincial platform (附件1第7条). */
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

/** What every source of hours says about itself, whatever its kind. */
type SourceCommon = {
  /** How the breakdown names it, e.g. 培训进修; its warnings' messages name it so too. */
  label: string;
  /** The clause that credits it, as the breakdown and its warnings cite it. */
  clause: string;
  /** That clause's wording. */
  text: string;
  /** What the unit checks before approving its hours (附件1第7条); absent: no evidence (the city platform's hours). */
  evidence?: EvidenceRule;
};

/** Hours credited as given (市平台学时, 调入学时): `hours` is an input of kind hours. */
export type HoursAsGiven = SourceCommon & { kind: 'hoursAsGiven'; side: Side; hours: string };

/**
 * Hours by the actual time, at most `perDay` a day and (optionally) `yearCap` a year (培训进修, 研修班, 专家):
 * days without hours credit nothing (HOURS_MISSING), hours without days are credited up to the yearly cap
 * (DAYS_MISSING). `hours`, `days`: inputs; `perDay`, `yearCap`: parameters (a null yearCap: no yearly cap).
 */
export type HoursPerDay = SourceCommon & {
  kind: 'hoursPerDay';
  side: Side;
  hours: string;
  days: string;
  perDay: string;
  yearCap?: string;
  /** The code of the warning when the daily cap removes hours, e.g. CAP_TRAINING_DAILY. */
  dailyCapCode: string;
  /** The code of the warning when the yearly cap removes hours, e.g. CAP_TRAINING (with yearCap). */
  yearCapCode?: string;
};

/** Hours with a yearly cap (自考及学历教育): `hours` an input, `yearCap` a parameter (null: no cap). */
export type HoursYearCap = SourceCommon & { kind: 'hoursYearCap'; side: Side; hours: string; yearCap: string; capCode: string };

/**
 * So many hours per item, with an optional yearly cap (资格证书, 代表性成果, 竞赛): `count` an input of kind count,
 * `hoursEach` and `yearCap` parameters (a null yearCap: no cap), `itemWord` how the cap's message counts the items
 * (项, 次: 竞赛3项计30学时).
 */
export type ItemsTimesHours = SourceCommon & {
  kind: 'itemsTimesHours';
  side: Side;
  count: string;
  hoursEach: string;
  yearCap?: string;
  capCode: string;
  itemWord: string;
};

/** Months prorated on both sides (援派): `months` an input, public and professional hours per month parameters. */
export type MonthsProrated = SourceCommon & { kind: 'monthsProrated'; months: string; publicPerMonth: string; professionalPerMonth: string };

/** A source of credited hours, of one of the kinds of shared/rules/. */
export type SourceDef = HoursAsGiven | HoursPerDay | HoursYearCap | ItemsTimesHours | MonthsProrated;
export type SourceKind = SourceDef['kind'];

/** A clause: how it is cited (e.g. 附件1第3条) and its wording in the notice. */
export type ClauseDef = { clause: string; text: string };

/** Several sources capped together (附件1第1条: 培训进修 and 研修班 together, a Reading). */
export type CategoryCap = {
  /** Sources of kind hoursPerDay, hoursYearCap or hoursAsGiven, in the order the capped hours are kept. */
  sources: string[];
  /** The parameter of the cap (null: the sources' own caps only). */
  cap: string;
  code: string;
  /** Key of `clauses`. */
  clause: string;
};

/** Hours of some sources count only when filed (附件1第1条、正文七: 培训已备案). */
export type FilingGate = {
  /** A yes/no input. */
  input: string;
  /** Sources with an hours input: their claimed hours are all lost when the input says no. */
  sources: string[];
  code: string;
  /** What was not filed, as the message says it (培训 → 培训未备案). */
  what: string;
  /** Keys of `clauses`, cited together (附件1第1条、正文七). */
  clauses: string[];
};

/** The yearly requirement (正文二): parameters. */
export type Requirement = { public: string; professional: string; total: string };

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

/** A requirement reduction (附件1第6条): the requirement prorated by months on duty for listed cases. */
export type SpecialCases = {
  /** The input of kind case naming the case, and the months input of the months away. */
  caseInput: string;
  monthsInput: string;
  /** The parameter of months in a year (the proration's basis). */
  basis: string;
  /** Key of `clauses`. */
  clause: string;
  /** The cases, in the notice's order. */
  cases: SpecialCaseRule[];
  /** What the unit checks for a prorated requirement. */
  evidence: EvidenceRule;
};

/** Professional subjects checked by the sector (正文二(二)、四(二), a Reading): a yes/no input. */
export type SectorRule = { input: string; clause: string };

/** Evidence and status (附件1第7条): the yes/no input 证明材料齐全. */
export type EvidenceStatus = { input: string; clause: string };

/** The deadline (正文六): the year end, and for title applicants a count back of working days. */
export type Deadline = {
  /** The parameter of the year end (YYYY-MM-DD, in the rule set's year). */
  yearEnd: string;
  /** Key of `clauses`. */
  clause: string;
  titleApplicants?: { applicant: string; submission: string; workingDays: string };
};

/** The State Council holiday schedule as data: holidays and adjusted working days (调休). */
export type HolidayCalendar = {
  /** Years whose schedule is fully known; a submission before the first gets CALENDAR_UNKNOWN. */
  years: number[];
  /** Days off that would otherwise be working days (YYYY-MM-DD), including edges of neighbouring years. */
  holidays: string[];
  /** Weekend days that are working days (调休上班). */
  workdays: string[];
  /** The official document the schedule is taken from. */
  notice: string;
  /**
   * The days whose holidays and adjusted working days this data gives completely: the rule set's year and the days a
   * count back of the deadline's working days can reach before and after it (checked when the rule set is loaded).
   */
  covers: { from: string; to: string };
};

/** A list of words the input checks recognise (docs/rules.md §7, §9): every one a Reading of what real rosters hold. */
export type WordList = Parameter<string[]>;

/** The words of real rosters (docs/rules.md §7, §9), as data so that a city or a year can change them. */
export type RuleSetWords = {
  /** A cell whose trimmed text is exactly one of these is blank (docs/rules.md §9). */
  placeholders: WordList;
  /** Excel error values (compared in upper case): error EXCEL_ERROR in any field (docs/rules.md §9). */
  excelErrors: WordList;
  /** A name (spaces removed) equal to one of these, optionally followed by a colon, is a total row (NOT_A_PERSON). */
  totalRowNames: WordList;
  /** A name (spaces removed) starting with one of these and then a colon is a note row (NOT_A_PERSON). */
  noteRowPrefixes: WordList;
  /** The colons that may follow a total word and must follow a note word (full-width folded first). */
  noteRowColons: WordList;
  /** The unit words a number may carry (any of them in any numeric field, docs/rules.md §7). */
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

/** The orders clients depend on: each an explicit list, append-only for a rule set once it is in use. */
export type RuleSetOrders = {
  /** Keys of `sources`: the breakdown's order, and a compact answer's sourceIndex indexes this list. */
  sources: string[];
  /** Keys of `inputs`: the template's columns and the custom functions' default column order. */
  columns: string[];
  /** Every warning code the rules of this rule set can give. */
  warningCodes: string[];
};

/** A rule set as data: what registerRuleSet takes (from a TypeScript module or a JSON file alike). */
export type RuleSetDefinition = {
  id: string;
  year: number;
  title: string;
  /** The notice, e.g. 枣人社字〔2023〕20号. */
  notice: string;
  /** Every number of the notice (and every Reading), by name; the rules below refer to them by name. */
  parameters: Record<string, Parameter<ParameterValue>>;
  /** The clauses the rules cite, by key, with their wording. */
  clauses: Record<string, ClauseDef>;
  /** The roster's columns, by JSON key. 姓名 is `name`; `idNumber`, `unit`, `department` are read as such. */
  inputs: Record<string, InputDef>;
  /** The sources of credited hours, by key. */
  sources: Record<string, SourceDef>;
  requirement: Requirement;
  categoryCaps?: CategoryCap[];
  filingGate?: FilingGate;
  specialCases?: SpecialCases;
  sectorRule?: SectorRule;
  evidenceStatus?: EvidenceStatus;
  deadline: Deadline;
  calendar: HolidayCalendar;
  /** The words of real rosters the input checks recognise. */
  words: RuleSetWords;
  /** The unit's duties: the platforms and the filing of 附件2 (the evidence is each source's `evidence`). */
  duties: RuleSetDutiesDefinition;
  orders: RuleSetOrders;
};

/** A registered rule set: the definition plus what callers derive from it (the add-in's dropdown, the evidence table). */
export type RuleSet = Omit<RuleSetDefinition, 'duties'> & {
  /** The accepted values of 特殊情况, in the notice's order (none without special cases). */
  specialCaseNames: string[];
  specialCaseRules: SpecialCaseRule[];
  /** orders.sources: a compact answer's sourceIndex indexes this list. */
  sourceOrder: readonly string[];
  /** The duties, with the evidence table of every source that needs evidence (and of a prorated requirement). */
  duties: RuleSetDuties;
};

/** JSON-serialisable description of a rule set (GET /v1/rules). */
export type RuleSetDescription = {
  id: string;
  year: number;
  title: string;
  notice: string;
  parameters: ({ key: string } & Parameter<ParameterValue>)[];
  sources: Record<string, SourceDef>;
  /** The keys of `sources` in breakdown order: a compact answer's sourceIndex (shared/compact.ts) indexes this list. */
  sourceOrder: string[];
  clauses: Record<string, ClauseDef>;
  inputs: Record<string, InputDef>;
  requirement: Requirement;
  categoryCaps: CategoryCap[];
  filingGate?: FilingGate;
  specialCases?: SpecialCases;
  sectorRule?: SectorRule;
  evidenceStatus?: EvidenceStatus;
  deadline: Deadline;
  specialCaseNames: string[];
  specialCaseRules: SpecialCaseRule[];
  calendar: HolidayCalendar;
  words: RuleSetWords;
  duties: RuleSetDuties;
  orders: RuleSetOrders;
};

// ---- The unit's duties (正文四、正文七、附件1第7条、附件2): evidence, platforms, filing of training plans. ----

/** Keys of the evidence table: a source that needs evidence, or `specialCase` (a prorated requirement). */
export type EvidenceKey = string;

/** A web platform named in the notice. */
export type Platform = { name: string; shortName: string; url: string; clause: string; text: string };

/** Where and by when units file 附件2 (枣庄市专业培训项目计划申报表). */
export type TrainingPlanFiling = {
  /** Title of the form (附件2). */
  formTitle: string;
  /** Last filing day for 市直单位 (正文七). */
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

/** The duties of a rule set's definition: the evidence table is derived from the sources (RuleSetDuties). */
export type RuleSetDutiesDefinition = {
  /** Where staff study (正文二(一)): named in every reminder. */
  cityPlatform: Platform;
  /** Where hours are declared and reviewed (正文四(二)). */
  provincialPlatform: Platform;
  trainingPlanFiling: TrainingPlanFiling;
};

/** The duties of a unit's designated clerk (专人), as data: the reminder list, the evidence checklist, 附件2. */
export type RuleSetDuties = RuleSetDutiesDefinition & {
  /** 附件1第7条 (and 第6条, 正文四(三)): the evidence each source of hours needs, by source key, and `specialCase`. */
  evidence: Record<EvidenceKey, EvidenceRule>;
};
