// The results of the last 计算学时, kept in the add-in's shared runtime so that 年度汇总 right after it sends nothing
// again (docs/clerk-guide.md): the same roster would make the same requests and get the same answers, and a 100,000-row
// roster is 400 requests at the Free plan's 250 rows a request. Reused only when nothing that decides the results can
// have changed:
//  - the fingerprint: SHA-256 of every row exactly as it was sent to computeAll (every cell the service sees and
//    the name and ID number the bundled engine checks), with the rule set, asOf, the personal-data choice, the sheet
//    row of the first data row and the service's address; any edited cell, setting or service makes another one;
//  - the service's engine version (GET /v1/health, which costs no request against the rate limit) must still be
//    the one that computed them.
// Only the last run is kept (one roster's results), in memory: closing the workbook or another run forgets it.
import { DEFAULT_RULE_SET } from '../../shared/index';
import type { RosterRowInput, RowResult } from '../../shared/types';

/** Everything a run's results depend on. */
export type RunInputs = {
  /** The service's address (WorkerClient.service). */
  service: string;
  rows: readonly RosterRowInput[];
  ruleSet?: string;
  asOf?: string;
  sendPersonalData?: boolean;
  /** 1-based sheet row of rows[0] (the row keys sent instead of names depend on it). */
  firstDataRowNumber: number;
};

export type KeptRun = {
  fingerprint: string;
  results: RowResult[];
  engineVersion: string;
  ruleSet: string;
  batchIds: string[];
};

/** Changes whenever what goes into a fingerprint changes. */
const FINGERPRINT_VERSION = 1;

let kept: KeptRun | null = null;

const hex = (bytes: ArrayBuffer): string => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** Rows hashed together: a roster of 100,000 rows never becomes one 15-million-character string. */
const ROWS_PER_DIGEST = 2000;

/**
 * The fingerprint of a run's inputs, or null where Web Crypto is missing (then nothing is ever reused): SHA-256 over
 * the settings and the SHA-256 of each slice of rows as JSON.
 */
export async function fingerprintOf(inputs: RunInputs): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return null;
  const utf8 = new TextEncoder();
  const slices: Promise<ArrayBuffer>[] = [];
  for (let start = 0; start < inputs.rows.length; start += ROWS_PER_DIGEST) {
    slices.push(subtle.digest('SHA-256', utf8.encode(JSON.stringify(inputs.rows.slice(start, start + ROWS_PER_DIGEST)))));
  }
  const head = JSON.stringify([
    // no rule set named is the default one: the service computes by it either way
    FINGERPRINT_VERSION, inputs.service, inputs.ruleSet || DEFAULT_RULE_SET, inputs.asOf ?? '', inputs.sendPersonalData === true,
    inputs.firstDataRowNumber, inputs.rows.length,
  ]);
  const digests = (await Promise.all(slices)).map(hex).join('');
  return hex(await subtle.digest('SHA-256', utf8.encode(`${head}\n${digests}`)));
}

/** Keeps a finished run's results (replacing the one kept before). */
export function keepRun(run: KeptRun): void {
  kept = run;
}

/** The kept run with this fingerprint, or null. */
export function keptRun(fingerprint: string | null): KeptRun | null {
  return fingerprint !== null && kept !== null && kept.fingerprint === fingerprint ? kept : null;
}

/** Forgets the kept run (a run that starts, fails or is cancelled). */
export function forgetRun(): void {
  kept = null;
}
