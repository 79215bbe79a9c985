// The add-in's nine output cells for one row (CONTRACT.md, Add-in).
import { round2 } from './format';
import type { CellValue, RowResult } from './types';

export { OUTPUT_HEADERS } from './output-headers';

/** true for a warning that reports hours not credited (caps and unfiled training): it goes to 封顶提示. */
function isCapWarning(w: { lostHours?: number }): boolean {
  return w.lostHours !== undefined;
}

/** A breakdown line, e.g. 市平台公需课 公需30（正文二(一)、四(二)）. */
function breakdownText(result: RowResult): string {
  return result.breakdown
    .map((b) => {
      const parts: string[] = [];
      if (b.public > 0) parts.push(`公需${round2(b.public)}`);
      if (b.professional > 0) parts.push(`专业${round2(b.professional)}`);
      return `${b.label}${parts.join('、')}（${b.clause}）`;
    })
    .join('；');
}

/**
 * The 9 output cells of one result, in OUTPUT_HEADERS order: credited public, professional and total hours,
 * shortfalls (numbers, rounded to 2 decimals), deadline (text), status, 封顶提示 (cap warnings' messages) and
 * 说明 (errors, other warnings, the requirement when prorated, the evidence note, the breakdown).
 * A blank row gives nine empty cells; a 数据有误 row gives empty hour cells and the errors in 说明.
 */
export function formatRowOutput(result: RowResult): CellValue[] {
  if (result.status === '') return ['', '', '', '', '', '', '', '', ''];
  const caps = result.warnings.filter(isCapWarning).map((w) => w.message).join('；');
  const notes: string[] = [];
  for (const e of result.errors) notes.push(e.message);
  for (const w of result.warnings) if (!isCapWarning(w)) notes.push(w.message);
  if (result.status === '数据有误') {
    return ['', '', '', '', '', result.deadline, result.status, caps, notes.join('；')];
  }
  if (result.status === '待补材料') notes.push('学时已达标，但证明材料不齐，请补齐证书或盖章证明后再在省平台申报（附件1第7条）');
  notes.push(`要求：公需课${round2(result.requiredPublic)}学时、专业课${round2(result.requiredProfessional)}学时`);
  const bd = breakdownText(result);
  if (bd.length > 0) notes.push(`认定：${bd}`);
  return [
    round2(result.publicHours),
    round2(result.professionalHours),
    round2(result.totalHours),
    round2(result.publicShortfall),
    round2(result.professionalShortfall),
    result.deadline,
    result.status,
    caps,
    notes.join('；'),
  ];
}
