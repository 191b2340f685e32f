/**
 * A pad of task-assignment slips ("Phiếu giao việc"), one unit each, cut apart along a line:
 *
 *   PHIẾU GIAO VIỆC                                   Số: 01/PGV-LMHTX
 *   1. Đơn vị nhận việc: Phòng Kinh tế hợp tác
 *   2. Đơn vị phối hợp: Trung tâm Xúc tiến thương mại …
 *   3. Nội dung công việc:
 *      a) Khảo sát, lựa chọn 15 HTX …
 *         Thời hạn: hoàn thành trước ngày 31/3/2027.
 *      b) …
 *   4. Sản phẩm: danh sách HTX …
 *   - - - - - - - - ✂ - - - - - - - -
 *
 * Each piece of work on a slip becomes a numbered item with the slip's units as "Chủ trì:" / "Phối hợp:"
 * lines and its own "Thời hạn:". A slip struck "THU HỒI" (withdrawn) is none. A note in the margin that
 * extends the deadline ("kéo dài thời hạn đến hết Quý IV/2027") moves the end of the time. A piece that
 * "không cần phối hợp" has no helper. "Sản phẩm" (what is handed in) and the signatures are no work.
 */
import { fold } from './fold';

/** The label of the unit given the work: it is what makes a block a slip. */
const RECEIVER = /^\s*(?:\d+\.\s*)?(?:đơn vị|người)\s+(?:nhận việc|được giao|thực hiện)\s*:\s*(.*)$/iu;
const HELPER = /^\s*(?:\d+\.\s*)?đơn vị phối hợp\s*:\s*(.*)$/iu;
const CONTENT = /^\s*(?:\d+\.\s*)?nội dung(?: công việc)?\s*:\s*(.*)$/iu;
const DUE = /^\s*(?:thời hạn|thời gian|hạn hoàn thành)\s*:\s*(.*)$/iu;
/** The parts of a slip after its work: what is handed in, who gave it, who received it. */
const AFTER_WORK = /^\s*(?:\d+\.\s*)?(?:sản phẩm|người giao việc|xác nhận|ghi chú)\b/iu;
const PIECE = /^\s*([a-zđ])\)\s+(.*)$/iu;
/** A cut line: dashes, dots or the scissors. */
const CUT = /^[\s\-–—_.·]*✂[\s\-–—_.·]*$|^\s*(?:-\s*){10,}$/u;
const WITHDRAWN = /\b(?:thu hoi|da huy|huy bo)\b/;
const EXTENDED = /kéo dài thời hạn\s+(?:đến|tới)\s+([^".\]]+)/iu;
const NO_HELP = /không cần phối hợp/iu;
/** Slips it takes to read a text as a pad of them. */
const MIN_SLIPS = 3;

interface Piece {
  text: string;
  due: string;
}

/** "(không)", "Không", "—": no unit. */
function units(value: string): string {
  const v = value.replace(/\s*\((?:chủ trì|đề nghị)\)\s*/giu, ' ').trim();
  return /^\(?\s*(?:không|không có|-|—)?\s*\)?\.?$/iu.test(v) ? '' : v;
}

/** The time after a margin note extends it: the original's start, the note's end. */
function extended(due: string, to: string): string {
  const start = due.split(/\s+(?:[-–—]|đến|tới)\s+/u)[0]?.trim() ?? '';
  const end = to.trim().replace(/^hết\s+/iu, '');
  return start ? `${start} – ${end}` : `đến hết ${end}`;
}

function slipLines(block: readonly string[], number: { next: number }): string[] {
  let lead = '';
  let helper = '';
  const pieces: Piece[] = [];
  let inWork = false;
  let extension: string | null = null;
  for (const line of block) {
    const receiver = RECEIVER.exec(line);
    const help = HELPER.exec(line);
    const content = CONTENT.exec(line);
    const due = DUE.exec(line);
    const piece = inWork ? PIECE.exec(line) : null;
    const note = EXTENDED.exec(line);
    if (note) extension = note[1]?.trim() ?? null;
    if (receiver) lead = units(receiver[1] ?? '');
    else if (help) helper = units(help[1] ?? '');
    else if (content) {
      inWork = true;
      const text = (content[1] ?? '').trim();
      if (text) pieces.push({ text, due: '' });
    } else if (AFTER_WORK.test(line)) inWork = false;
    else if (due && pieces.length > 0) {
      const last = pieces[pieces.length - 1];
      if (last) last.due = (due[1] ?? '').trim();
    } else if (piece) pieces.push({ text: (piece[2] ?? '').trim(), due: '' });
    else if (inWork && !note && line.trim() !== '' && !/^\s*\[/.test(line) && pieces.length > 0) {
      const last = pieces[pieces.length - 1];
      if (last) last.text = `${last.text} ${line.trim()}`;
    }
  }
  if (!lead) return [];
  // A slip labels every time "Thời hạn", a meeting's day too: the time's own words say whether it is a
  // deadline ("trước ngày 30/6"), so it is passed on as a plain time.
  return pieces.flatMap((p) => {
    const text = p.text.replace(/\s*\(nội dung này không cần phối hợp\)/iu, '').trim();
    const due = extension && p.due ? extended(p.due, extension) : p.due;
    const help = NO_HELP.test(p.text) ? '' : helper;
    return [
      `${number.next++}. ${text}`,
      `- Đơn vị chủ trì: ${lead}`,
      ...(help ? [`- Đơn vị phối hợp: ${help}`] : []),
      ...(due ? [`- Thời gian: ${due}`] : []),
    ];
  });
}

export function assignmentSlipsAsItems(text: string): string {
  const lines = text.split('\n');
  const receivers = lines.filter((l) => RECEIVER.test(l)).length;
  if (receivers < MIN_SLIPS) return text;
  // Blocks between cut lines, or else each from its "PHIẾU GIAO VIỆC" heading.
  const blocks: string[][] = [[]];
  for (const line of lines) {
    const opensSlip =
      /^\s*phieu giao viec\b/.test(fold(line)) &&
      (blocks[blocks.length - 1] ?? []).some((l) => RECEIVER.test(l));
    if (CUT.test(line) || opensSlip) blocks.push([]);
    if (!CUT.test(line)) blocks[blocks.length - 1]?.push(line);
  }
  const slips = blocks.filter((b) => b.some((l) => RECEIVER.test(l)));
  if (slips.length < MIN_SLIPS) return text;
  const preamble = blocks.find((b) => !b.some((l) => RECEIVER.test(l))) ?? [];
  const number = { next: 1 };
  const items = slips.flatMap((slip) => {
    // "╳╳╳ THU HỒI – đã thay bằng Phiếu số 07 ╳╳╳": struck out, before the slip's fields.
    const first = slip.findIndex((l) => RECEIVER.test(l));
    if (slip.slice(0, first).some((l) => WITHDRAWN.test(fold(l)))) return [];
    return slipLines(slip, number);
  });
  return [...preamble, '', 'II. NỘI DUNG CÔNG VIỆC', ...items].join('\n');
}
