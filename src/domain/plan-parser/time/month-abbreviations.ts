/**
 * "chấm, trao giải T9/2027", "trung tuần T8/2027", "T3 - T12/2027", "từ T3 đến T6/2027": terse plans write
 * "tháng" as "T". Such a month is written out where a year follows it, inside running words or in a range
 * of months; one that opens a terse line ("3.1. T3/2027 - Lớp 1 - …") is left to the reader of such lines,
 * and "T3" without a year may as well be Tuesday (thứ Ba) or a node's code.
 */
const MONTH = String.raw`T(0?[1-9]|1[0-2])`;
const RANGE = new RegExp(
  String.raw`(?<![\p{L}\d])${MONTH}(\s*(?:[-–—]|đến|tới)\s*(?:hết\s+)?)${MONTH}(?=\/\d{4}\b)`,
  'gu',
);
// (A line's words may go on, indented, on the next line: "chấm, trao giải\n   T9/2027".)
const IN_WORDS = new RegExp(String.raw`(?<=\p{L}(?:[ \t]+|[ \t]*\n[ \t]+))${MONTH}(?=\/\d{4}\b)`, 'gu');

export function monthsWrittenOut(text: string): string {
  return text.replace(RANGE, 'tháng $1$2tháng $3').replace(IN_WORDS, 'tháng $1');
}
