// Before reading: is this an .xlsx at all, and what inside it would the re-saved copy lose?
import { zipEntryNames } from './zip-entries';

/** A file the page and the command line cannot read, with the clerk's fix. */
export class XlsxFileError extends Error {
  override readonly name = 'XlsxFileError';
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const SAVE_AS = '请用 Excel 或 WPS 打开它，点“文件 → 另存为”，文件类型选“Excel 工作簿（*.xlsx）”，再选择另存的 .xlsx 文件。';

/** Throws XlsxFileError with a Chinese explanation unless `bytes` look like an .xlsx workbook. */
export function checkXlsxFile(fileName: string, bytes: Uint8Array): void {
  const lower = fileName.toLowerCase();
  const ext = lower.includes('.') ? lower.slice(lower.lastIndexOf('.')) : '';
  if (bytes.length === 0) throw new XlsxFileError(`文件“${fileName}”是空的（0 字节）。`);
  if (startsWith(bytes, CFB_MAGIC)) {
    if (ext === '.xlsx') {
      throw new XlsxFileError(`文件“${fileName}”设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再选择。`);
    }
    const kind = ext === '.et' ? 'WPS 表格（.et）' : ext === '.xls' ? '旧版 Excel（.xls）' : '旧版表格格式';
    throw new XlsxFileError(`文件“${fileName}”是${kind}文件，本工具只能读取 .xlsx。${SAVE_AS}`);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    if (ext === '.csv' || ext === '.txt') {
      throw new XlsxFileError(`文件“${fileName}”是 CSV 文本文件，其中没有列格式，身份证号和日期容易被改坏。${SAVE_AS}`);
    }
    throw new XlsxFileError(`文件“${fileName}”不是 .xlsx 工作簿（无法识别的文件内容）。${SAVE_AS}`);
  }
  if (ext === '.xlsm' || ext === '.xltm') {
    // Read like .xlsx; the macros are reported by lostFeatures().
    return;
  }
  if (ext === '.ods') throw new XlsxFileError(`文件“${fileName}”是 OpenDocument 表格（.ods），本工具只能读取 .xlsx。${SAVE_AS}`);
}

/** What exceljs 4.4 does not keep when it re-saves a workbook, by the part names that hold it. */
const LOST_PARTS: readonly { prefix: string; what: string }[] = [
  { prefix: 'xl/charts/', what: '图表' },
  { prefix: 'xl/pivotTables/', what: '数据透视表' },
  { prefix: 'xl/pivotCache/', what: '数据透视表' },
  { prefix: 'xl/slicers/', what: '切片器' },
  { prefix: 'xl/slicerCaches/', what: '切片器' },
  { prefix: 'xl/timelines/', what: '日程表（时间线）' },
  { prefix: 'xl/vbaProject.bin', what: '宏（VBA）' },
  { prefix: 'xl/ctrlProps/', what: '表单控件（按钮、复选框等）' },
  { prefix: 'xl/activeX/', what: 'ActiveX 控件' },
  { prefix: 'xl/embeddings/', what: '嵌入的对象（如 Word 文档）' },
  { prefix: 'xl/externalLinks/', what: '指向其他工作簿的外部链接' },
  { prefix: 'xl/threadedComments/', what: '新式批注（会话）' },
  { prefix: 'xl/connections.xml', what: '数据连接' },
  { prefix: 'xl/queryTables/', what: '查询表' },
  { prefix: 'xl/model/', what: '数据模型' },
  { prefix: 'xl/webextensions/', what: '加载项保存的设置' },
  { prefix: 'xl/chartsheets/', what: '图表工作表' },
  { prefix: 'xl/dialogsheets/', what: '对话框工作表' },
  { prefix: 'xl/macrosheets/', what: '宏表' },
];

/**
 * The kinds of content in the input that the result file will not contain (Chinese, no repeats, in a fixed order).
 * The clerk's original file keeps them; only the downloaded copy lacks them.
 */
export function lostFeatures(bytes: Uint8Array): string[] {
  const names = zipEntryNames(bytes);
  if (names === null) return [];
  const found = new Set<string>();
  for (const p of LOST_PARTS) if (names.some((n) => n.startsWith(p.prefix))) found.add(p.what);
  // A drawing that holds neither a picture nor a chart holds shapes or text boxes, which are not kept either.
  const has = (prefix: string): boolean => names.some((n) => n.startsWith(prefix));
  if (has('xl/drawings/drawing') && !has('xl/media/') && !has('xl/charts/')) found.add('形状或文本框');
  return [...found];
}

/** One Chinese sentence for the warnings, or null when nothing is lost. */
export function lostFeaturesMessage(lost: readonly string[]): string | null {
  if (lost.length === 0) return null;
  return `原文件中的${lost.join('、')}不会出现在核对结果文件里（原文件不受影响）。请只把结果文件用于查看核对结果，不要用它替换原文件。`;
}
