import { hasWarning } from './codes';

/** A number as shown in messages and sheet cells: rounded to 2 decimals, no trailing zeros. */
export function round2(n: number): number {
  // from 2^52 up every double is a whole number already, and n * 100 would overflow to Infinity above ~1.8e306
  if (!(Math.abs(n) < 2 ** 52)) return n;
  const r = Math.round(n * 100) / 100;
  return r === 0 ? 0 : r;
}

export function fmt(n: number): string {
  return String(round2(n));
}

/**
 * A row's requirement as messages show it: `公需课30学时、专业课60学时`, or `公需课30学时（专业课按行业规定核对）` when the
 * sector checks the professional part (PROFESSIONAL_BY_SECTOR, docs/rules.md §6a: its requirement here is 0, not “0 hours”).
 */
export function requirementText(r: { readonly requiredPublic: number; readonly requiredProfessional: number; readonly warnings: readonly { readonly code: string }[] }): string {
  const pub = `公需课${fmt(r.requiredPublic)}学时`;
  return hasWarning(r, 'PROFESSIONAL_BY_SECTOR') ? `${pub}（专业课按行业规定核对）` : `${pub}、专业课${fmt(r.requiredProfessional)}学时`;
}
