// Excel failures the layer reacts to, and their Chinese messages.

/** Office.js error code when a request or response exceeds Excel on the web's payload limit. */
export const PAYLOAD_TOO_LARGE = 'RequestPayloadSizeLimitExceeded';

export function officeErrorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export class RosterError extends Error {
  override readonly name = 'RosterError';
}

export function excelErrorMessage(e: unknown): string {
  if (e instanceof RosterError) return e.message;
  const code = officeErrorCode(e);
  const msg = e instanceof Error ? e.message : String(e);
  if (code === PAYLOAD_TOO_LARGE) return `Excel 拒绝了过大的数据请求（超过 5 MB）：${msg}`;
  if (code === 'AccessDenied') {
    return '工作表受保护或为只读，Excel 拒绝写入：请点击“审阅”→“撤消工作表保护”（或另存一份可编辑的副本）后再试。';
  }
  if (code === 'InvalidSelection') return '当前选中的不是单元格区域，请先点选花名册中的一个单元格。';
  return code ? `Excel 出错（${code}）：${msg}` : `Excel 出错：${msg}`;
}
