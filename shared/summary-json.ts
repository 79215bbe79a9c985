// The compact answer's summary counts (the total and each group) as UTF-8 JSON, to the byte as JSON.stringify writes a
// SummaryCounts or a SummaryGroup, straight into the answer's buffer (shared/compact-json.ts). In a CPU profile of
// 250-row calls (the Worker's request), JSON.stringify of a roster's thirty groups was over half of compactAnswerJson's
// own time, about 6 % of the call, most of it printing their 150 fractions. Here the field names are copied, whole and
// half numbers written by hand (putNumber) and other numbers printed once and kept (json-writer.ts): about 3 % fewer
// instructions a 250-row call (docs/benchmark-log.md); without keeping the printed numbers, more than JSON.stringify.
import { MAX_NUMBER_BYTES, asciiPiece, putNumber, putPiece, reserve, type JsonWriter, type Piece } from './json-writer';
import type { SummaryCounts, SummaryGroup } from './types';

/** `"name":` of each count, in SummaryCounts' order (countsOf in shared/summary.ts), with the comma before it. */
const FIELD: Record<keyof SummaryCounts, Piece> = {
  headcount: asciiPiece('"headcount":'),
  compliant: asciiPiece(',"compliant":'),
  short: asciiPiece(',"short":'),
  pendingEvidence: asciiPiece(',"pendingEvidence":'),
  invalid: asciiPiece(',"invalid":'),
  complianceRate: asciiPiece(',"complianceRate":'),
  avgPublic: asciiPiece(',"avgPublic":'),
  avgProfessional: asciiPiece(',"avgProfessional":'),
  avgTotal: asciiPiece(',"avgTotal":'),
  lostHours: asciiPiece(',"lostHours":'),
  professionalBySector: asciiPiece(',"professionalBySector":'),
};
const UNIT = asciiPiece('{"unit":');
const DEPARTMENT = asciiPiece(',"department":');

/** Bytes a SummaryCounts' fields take at most (names, commas, numbers), and a group's besides its two texts. */
const COUNTS_ROOM = 256 + 11 * MAX_NUMBER_BYTES;
const GROUP_ROOM = COUNTS_ROOM + 32;

/** The fields of `c`, without braces, at `at` (in room made by reserve: COUNTS_ROOM); returns the position after them. */
function putCountFields(w: JsonWriter, at: number, c: SummaryCounts): number {
  const buf = w.buf;
  const view = w.view;
  at = putNumber(buf, putPiece(view, at, FIELD.headcount), c.headcount);
  at = putNumber(buf, putPiece(view, at, FIELD.compliant), c.compliant);
  at = putNumber(buf, putPiece(view, at, FIELD.short), c.short);
  at = putNumber(buf, putPiece(view, at, FIELD.pendingEvidence), c.pendingEvidence);
  at = putNumber(buf, putPiece(view, at, FIELD.invalid), c.invalid);
  at = putNumber(buf, putPiece(view, at, FIELD.complianceRate), c.complianceRate);
  at = putNumber(buf, putPiece(view, at, FIELD.avgPublic), c.avgPublic);
  at = putNumber(buf, putPiece(view, at, FIELD.avgProfessional), c.avgProfessional);
  at = putNumber(buf, putPiece(view, at, FIELD.avgTotal), c.avgTotal);
  at = putNumber(buf, putPiece(view, at, FIELD.lostHours), c.lostHours);
  return putNumber(buf, putPiece(view, at, FIELD.professionalBySector), c.professionalBySector);
}

/** `c` as JSON.stringify writes it, at `w.at`. */
export function writeCounts(w: JsonWriter, c: SummaryCounts): void {
  reserve(w, COUNTS_ROOM + 2);
  w.buf[w.at++] = OPEN;
  w.at = putCountFields(w, w.at, c);
  w.buf[w.at++] = CLOSE;
}

/** `groups` as JSON.stringify writes the list, at `w.at`. */
export function writeGroups(w: JsonWriter, groups: readonly SummaryGroup[]): void {
  reserve(w, 1);
  w.buf[w.at++] = OPEN_LIST;
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k];
    const unit = jsonText(g.unit);
    const department = jsonText(g.department);
    reserve(w, GROUP_ROOM + unit.length + department.length);
    const buf = w.buf;
    let at = w.at;
    if (k > 0) buf[at++] = COMMA;
    at = putPiece(w.view, at, UNIT);
    buf.set(unit, at);
    at = putPiece(w.view, at + unit.length, DEPARTMENT);
    buf.set(department, at);
    at += department.length;
    buf[at++] = COMMA;
    at = putCountFields(w, at, g);
    buf[at++] = CLOSE;
    w.at = at;
  }
  reserve(w, 1);
  w.buf[w.at++] = CLOSE_LIST;
}

/**
 * A unit or department label as a JSON string in UTF-8, kept: a roster's labels repeat from call to call. Labels are
 * at most MAX_GROUP_TEXT characters (longer ones are listed as （内容过长）); at most MAX_KEPT_TEXTS are kept.
 */
const keptTexts = new Map<string, Uint8Array>();
const MAX_KEPT_TEXTS = 4096;
const encoder = new TextEncoder();
function jsonText(text: string): Uint8Array {
  let bytes = keptTexts.get(text);
  if (bytes === undefined) {
    bytes = encoder.encode(JSON.stringify(text));
    if (keptTexts.size < MAX_KEPT_TEXTS) keptTexts.set(text, bytes);
  }
  return bytes;
}

const OPEN = 0x7b;
const CLOSE = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const COMMA = 0x2c;
