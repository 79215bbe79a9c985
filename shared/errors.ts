/** Thrown by evaluate/getRuleSet for a rule-set id that is not registered. */
export class UnknownRuleSetError extends Error {
  readonly ruleSet: string;
  constructor(ruleSet: string, known: readonly string[]) {
    super(`未知的规则集“${ruleSet}”，可用：${known.join('、')}`);
    this.name = 'UnknownRuleSetError';
    this.ruleSet = ruleSet;
  }
}

/** Thrown by evaluate for options a caller should have validated (e.g. asOf not a YYYY-MM-DD date). */
export class InvalidOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidOptionsError';
  }
}
