// Before reading: is this an .xlsx at all? A real .xls (or .et) renamed, a password-protected workbook, a CSV, a
// damaged zip: each gets a Chinese sentence with what to do. Also the words for a part found damaged while reading.
import { DamagedPartError, XlsxFileError } from './errors';
import { XLSX_LIMITS } from './limits';
import type { ZipProblem } from './zip/zip-read';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

export const SAVE_AS = '请用 Excel 或 WPS 打开它，点“文件 → 另存为”，文件类型选“Excel 工作簿（*.xlsx）”，再选择另存的 .xlsx 文件。';
const MB = 1024 * 1024;

/** Whether an OLE compound file (the container of .xls, .et, .doc and of encrypted .xlsx) holds a stream named `name`. */
function hasStream(bytes: Uint8Array, name: string): boolean {
  // Directory entries hold their names in UTF-16LE; a linear search for the name's bytes, bounded by the file.
  const pattern: number[] = [];
  for (const ch of name) pattern.push(ch.charCodeAt(0), 0);
  pattern.push(0, 0); // the name's terminating NUL
  const first = pattern[0];
  outer: for (let i = 512; i + pattern.length <= bytes.length; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 1; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    // a directory entry starts at a multiple of 128 bytes after the header
    if ((i - 512) % 128 === 0) return true;
  }
  return false;
}

/** What an OLE compound file is: an encrypted OOXML package, a BIFF workbook (.xls/.et), or something else. */
export function oleKind(bytes: Uint8Array): 'encrypted' | 'workbook' | 'other' {
  if (hasStream(bytes, 'EncryptedPackage') || hasStream(bytes, 'EncryptionInfo')) return 'encrypted';
  if (hasStream(bytes, 'Workbook') || hasStream(bytes, 'Book')) return 'workbook';
  return 'other';
}

/** Throws XlsxFileError with a Chinese explanation unless `bytes` look like an .xlsx workbook. */
export function checkXlsxFile(fileName: string, bytes: Uint8Array): void {
  const lower = fileName.toLowerCase();
  const ext = lower.includes('.') ? lower.slice(lower.lastIndexOf('.')) : '';
  if (bytes.length === 0) throw new XlsxFileError(`文件“${fileName}”是空的（0 字节）。`);
  if (bytes.length > XLSX_LIMITS.maxFileBytes) {
    throw new XlsxFileError(`文件“${fileName}”有 ${Math.round(bytes.length / MB)} MB，超过本工具能读取的 ${XLSX_LIMITS.maxFileBytes / MB} MB。请把花名册拆成几个文件分别核对。`);
  }
  if (startsWith(bytes, CFB_MAGIC)) {
    const kind = oleKind(bytes);
    if (kind === 'encrypted') {
      throw new XlsxFileError(`文件“${fileName}”设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开它，取消密码（“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码）后保存，再选择。`);
    }
    if (kind === 'workbook' || ext === '.et' || ext === '.xls') {
      const what = ext === '.et' ? '是 WPS 表格（.et）文件' : ext === '.xlsx' || ext === '.xlsm' ? `其实是旧版 Excel（.xls）文件，只是扩展名写成了“${ext}”` : '是旧版 Excel（.xls）文件';
      throw new XlsxFileError(`文件“${fileName}”${what}，本工具只能读取 .xlsx。${SAVE_AS}`);
    }
    throw new XlsxFileError(`文件“${fileName}”是旧版 Office 格式的文件，不是 .xlsx 工作簿。${SAVE_AS}`);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    if (ext === '.csv' || ext === '.txt') {
      throw new XlsxFileError(`文件“${fileName}”是 CSV 文本文件，其中没有列格式，身份证号和日期容易被改坏。${SAVE_AS}`);
    }
    throw new XlsxFileError(`文件“${fileName}”不是 .xlsx 工作簿（无法识别的文件内容）。${SAVE_AS}`);
  }
  if (ext === '.ods') throw new XlsxFileError(`文件“${fileName}”是 OpenDocument 表格（.ods），本工具只能读取 .xlsx。${SAVE_AS}`);
}

const DAMAGED_FIX = '如果文件是从邮件、网盘或 U 盘拷来的，请重新拷贝一份；否则请用 Excel 或 WPS 打开它（软件会尝试修复），另存为 .xlsx 后再选择。';

/** The clerk's sentence for a zip this reader does not take. */
export function zipProblemMessage(fileName: string, problem: ZipProblem): string {
  switch (problem) {
    case 'zip64':
      return `文件“${fileName}”超过 4 GB 或含有过多内容（ZIP64 格式），本工具无法读取。请把花名册拆成几个文件分别核对。`;
    case 'too-many-entries':
      return `文件“${fileName}”内部的部件超过 ${XLSX_LIMITS.maxEntries.toLocaleString('en-US')} 个，超出本工具能读取的范围。请删除不需要的工作表、图片后另存，再选择。`;
    case 'encrypted-entry':
      return `文件“${fileName}”的内容被加密，无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx，再选择。`;
    default:
      return `文件“${fileName}”已损坏（压缩包结构不完整），无法读取。${DAMAGED_FIX}`;
  }
}

/** The clerk's sentence for a part found damaged (or beyond a limit) while reading. */
export function damagedMessage(fileName: string, e: DamagedPartError): string {
  const where = /worksheets\/|sharedStrings/.test(e.part) ? '里的表格数据' : e.part ? '的内部结构' : '';
  if (e.why.startsWith('too large') || e.why.startsWith('read budget')) {
    return `文件“${fileName}”解压后超过 ${Math.round(XLSX_LIMITS.maxPartBytes / MB)} MB（单个部件）或 ${Math.round(XLSX_LIMITS.maxReadBytes / MB)} MB（合计），超出本工具能读取的范围。请把花名册拆成几个文件分别核对。`;
  }
  if (e.why.startsWith('ratio')) {
    return `文件“${fileName}”的压缩比例异常（解压后会膨胀上千倍），为安全起见不予读取。请用 Excel 或 WPS 打开检查后另存为 .xlsx，再选择。`;
  }
  if (e.why.startsWith('cell too long') || e.why.startsWith('text too long')) {
    return `文件“${fileName}”中有单元格超过 Excel 的上限 ${XLSX_LIMITS.maxCellChars.toLocaleString('en-US')} 个字符，文件可能已损坏。${DAMAGED_FIX}`;
  }
  if (e.why.startsWith('DTD')) {
    return `文件“${fileName}”${where}含有 .xlsx 不允许的声明（DTD），为安全起见不予读取。请用 Excel 或 WPS 打开后另存为 .xlsx，再选择。`;
  }
  if (e.why.startsWith('too many sheets')) {
    return `文件“${fileName}”的工作表超过 ${XLSX_LIMITS.maxSheets.toLocaleString('en-US')} 张，超出本工具能读取的范围。`;
  }
  if (e.why.startsWith('overlapping merges')) {
    return `文件“${fileName}”的工作表“${e.part}”中合并单元格互相重叠，文件已损坏。${DAMAGED_FIX}`;
  }
  return `文件“${fileName}”${where}已损坏，无法读取。${DAMAGED_FIX}`;
}
