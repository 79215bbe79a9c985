// The compact answer's summary counts (the total and each group) as UTF-8 JSON, to the byte as JSON.stringify writes a
// SummaryCounts or a list of SummaryGroup, straight into the answer's buffer (shared/compact-json.ts). In a CPU profile of
// 250-row calls (the Worker's request), JSON.stringify of a roster's thirty groups was over half of compactAnswerJson's
// own time, about 6 % of the call, most of it printing their 150 fractions. Here the field names are copied, whole and
// half numbers written by hand (putNumber), other numbers printed once and kept (json-writer.ts) and the labels encoded
// by hand (putJsonString): 3–4 % fewer instructions a 250-row call (docs/benchmark-log.md); without keeping the
// printed numbers, more than JSON.stringify.
import { MAX_NUMBER_BYTES, asciiPiece, putNumber, putPiece, putJsonString, reserve, writeText, type JsonWriter, type Piece } from './json-writer';
import type { SummaryCounts, SummaryGroup } from './types';

/**
 * `"name":` of each count, with the comma before it but for the first; putCountFields writes them in the order
 * countsOf (shared/summary.ts) gives SummaryCounts' fields, as JSON.stringify does (the byte tests hold the two together).
 */
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

/** Bytes a SummaryCounts' fields take at most (names, commas, numbers), and a group's besides its two labels. */
const COUNTS_ROOM = 256 + 11 * MAX_NUMBER_BYTES;
const GROUP_ROOM = COUNTS_ROOM + 32;
const UNIT = asciiPiece('{"unit":');
const DEPARTMENT = asciiPiece(',"department":');

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

/**
 * `groups` as JSON.stringify writes the list, at `w.at`. A unit or department label is encoded each time
 * (putJsonString), not kept from call to call: the caches keep no text a person typed (shared/cache.ts).
 */
export function writeGroups(w: JsonWriter, groups: readonly SummaryGroup[]): void {
  writeText(w, '[');
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k];
    reserve(w, GROUP_ROOM + 3 * (g.unit.length + g.department.length));
    let buf = w.buf;
    let at = w.at;
    if (k > 0) buf[at++] = COMMA;
    at = putJsonString(buf, putPiece(w.view, at, UNIT), g.unit);
    if (at >= 0) at = putJsonString(buf, putPiece(w.view, at, DEPARTMENT), g.department);
    if (at < 0) {
      // a label that needs escaping: JSON.stringify's text
      writeText(w, `${k > 0 ? ',' : ''}{"unit":${JSON.stringify(g.unit)},"department":${JSON.stringify(g.department)}`);
      reserve(w, COUNTS_ROOM + 2);
      buf = w.buf;
      at = w.at;
    }
    buf[at++] = COMMA;
    at = putCountFields(w, at, g);
    buf[at++] = CLOSE;
    w.at = at;
  }
  writeText(w, ']');
}

const OPEN = 0x7b;
const CLOSE = 0x7d;
const COMMA = 0x2c;
