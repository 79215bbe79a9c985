// Reading a simulated sheet the way a test states its expectations: by A1 address.
import type { Scalar, SheetModel, SimValidation } from './model';
import { parseA1 } from './addresses';

/** The values of `address` on `sheet` ('' for an empty cell). */
export function cellsAt(sheet: SheetModel, address: string): Scalar[][] {
  const b = parseA1(address);
  return sheet.block(b.row, b.col, b.rows, b.cols);
}

/** The number formats of `address` on `sheet` ('General' where none was set). */
export function formatsAt(sheet: SheetModel, address: string): string[][] {
  const b = parseA1(address);
  return sheet.formatBlock(b.row, b.col, b.rows, b.cols);
}

/** The data validation set on exactly `address`, if any. */
export function validationAt(sheet: SheetModel, address: string): SimValidation | undefined {
  const b = parseA1(address);
  return sheet.validations.find((v) => v.box.row === b.row && v.box.col === b.col && v.box.rows === b.rows && v.box.cols === b.cols);
}
