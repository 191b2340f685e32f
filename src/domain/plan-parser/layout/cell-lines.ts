/**
 * A Word table saved as plain text, one cell per line:
 *   STT / Nội dung công việc / Đơn vị chủ trì / Đơn vị phối hợp / Thời gian / Ghi chú
 *   (1) / (2) / … / (6)                    ← the header's column numbers, on one line or one per line
 *   1 / Tổ chức hội nghị … / Văn phòng / (blank) / Quý I/2026 / (blank)
 *   2 / Kiểm tra … / (blank: merged with the cell above) / …
 * Rows open with their STT number (or a section number I, II, A); a blank line is an empty cell; a
 * line that starts in lower case, or with a bullet, continues the cell above (a cell over two lines);
 * time words go to the time column wherever the count of cells stands; page-break lines and a header
 * repeated on a new page are skipped. Lead cells left blank below a filled one are merged cells: they
 * take the value above, within the same section.
 */
import { columnKind, isHeaderCell, isHeaderRow, opensRow, type Row } from './task-table';
import { findRecurrence, isSpecificTime } from '../time/time-words';
import { detectMarker } from './markers';
import { foldWords } from './fold';
import { DUTIES_HEADINGS } from '../lexicon';

/** Header cells of one table come one after the other; more than this many is not one header. */
const MAX_COLUMNS = 9;
/** A table is only worth reading this way with at least this many rows. */
const MIN_ROWS = 2;

const COLUMN_NUMBERS = /^(?:\(\d{1,2}\)\s*)+$/;
const ROW_NUMBER = /^(?:\d{1,3}(?:\.\d{1,2})*|[IVX]{1,4}|[A-ZĐ])\.?$/;

/** A page break's trace: a form feed, "Trang 2", "- 2 -", "2/5" (a bare number is a row's STT here). */
function pageBreak(line: string): boolean {
  return (
    line.includes('\f') ||
    /^\s*(?:trang\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–]|\d{1,3}\s*\/\s*\d{1,3})\s*$/i.test(line)
  );
}

function timeLike(line: string): boolean {
  return (
    isSpecificTime(line) ||
    findRecurrence(line) !== null ||
    /^(?:thường xuyên|cả năm|hằng năm|trong năm)/iu.test(line.trim())
  );
}

/** A line that ends the table: the plan's next heading, its signature block. */
function endsTable(line: string): boolean {
  const t = line.trim();
  if (/^(?:nơi nhận|noi nhan)\b/iu.test(t)) return true;
  // "TỔ CHỨC THỰC HIỆN" in capitals on a line of its own, numbered or not: the plan goes on after the table.
  const words = foldWords(t.replace(/^(?:[IVX]{1,4}|\d{1,2})\.\s*/, '')).join(' ');
  if (t === t.toUpperCase() && /\p{L}/u.test(t) && DUTIES_HEADINGS.some((h) => words === h)) return true;
  const marker = detectMarker(t);
  return marker?.kind === 'roman' && t.length > marker.length + 3;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
/** "Giai đoạn I:", "Đợt 2:", "Phần III -": the words that open a phase of a timeline table. */
const PHASE = /^(?:giai đoạn|giai doan|đợt|dot|phần|phan|bước|buoc)\s+([IVX]{1,4}|\d{1,2})\b\s*[:.–-]/iu;
/** A row in capitals alone ("CÔNG TÁC CHUẨN BỊ") needs this many letters to be a heading, not "VP". */
const MIN_HEADING_LETTERS = 10;

/**
 * A line that is a section row of the table rather than a cell: a phase ("Giai đoạn II: TỔ CHỨC ĐẠI
 * HỘI") or a title in capitals. Returns the section number to give the row (roman, as section rows are
 * numbered), or null.
 */
function phaseLabel(line: string): string | null {
  const m = PHASE.exec(line);
  if (m?.[1]) return /^\d+$/.test(m[1]) ? (ROMAN[Number(m[1]) - 1] ?? null) : m[1].toUpperCase();
  const letters = line.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  // Words, not abbreviations: "CÔNG TÁC CHUẨN BỊ" heads a section, a cell "VP, TT XTTM&DV" does not.
  const words = line
    .split(/[\s,;]+/)
    .filter(
      (w) => /^\p{L}{3,}$/u.test(w) && /[aeiouyăâêôơư]/iu.test(w.normalize('NFD').replace(/\p{M}/gu, '')),
    );
  return letters.length >= MIN_HEADING_LETTERS && upper / letters.length > 0.9 && words.length >= 2
    ? 'A'
    : null;
}

/** After a row's last cell, a blank line ends the table unless the next row (or a phase) follows it. */
function rowFollows(lines: readonly string[], from: number): boolean {
  let j = from;
  while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
  const next = (lines[j] ?? '').trim();
  return ROW_NUMBER.test(next) || phaseLabel(next) !== null;
}

export function cellPerLineTable(lines: readonly string[], i: number): { rows: Row[]; next: number } | null {
  const header: Row = [];
  let j = i;
  // A heading wrapped over two lines ("Lãnh đạo" / "phụ trách", "Đơn vị tham" / "mưu"): its second line
  // opens in lower case.
  const wrapped = (at: number): string | null => {
    const line = (lines[at] ?? '').trim();
    const next = (lines[at + 1] ?? '').trim();
    return /^\p{Ll}/u.test(next) && next.split(/\s+/).length <= 3 && isHeaderCell(`${line} ${next}`)
      ? `${line} ${next}`
      : null;
  };
  while (j < lines.length && header.length < MAX_COLUMNS) {
    const joined = header.length > 0 || isHeaderCell(lines[j] ?? '') ? wrapped(j) : null;
    if (joined) {
      header.push(joined);
      j += 2;
    } else if (isHeaderCell(lines[j] ?? '')) {
      header.push((lines[j] ?? '').trim());
      j++;
    } else break;
  }
  if (header.length < 3 || !isHeaderRow(header)) return null;
  const kinds = header.map(columnKind);
  if (kinds[0] !== 'number') return null;
  const n = header.length;
  const timeCol = kinds.indexOf('time');
  const contentCol = Math.max(kinds.indexOf('content'), 1);
  const body: Row[] = [];
  let row: Row | null = null;
  let k = 1;
  let last = -1;
  let afterBreak = false;
  const headerKeys = new Set(header.map((h) => h.toLowerCase()));
  for (; j < lines.length; j++) {
    const raw = lines[j] ?? '';
    const t = raw.trim();
    // "I. NHÓM NHIỆM VỤ VỀ …" with a row right below it is a section row of the table, not the plan's next part.
    const section = endsTable(t) && rowFollows(lines, j + 1) && /^[IVX]{1,4}\./.test(t);
    if (endsTable(t) && !section) break;
    if (section && (row === null || k > 1)) {
      row = Array.from({ length: n }, () => '');
      row[0] = /^([IVX]{1,4})\./.exec(t)?.[1] ?? 'A';
      row[contentCol] = t.replace(/^[IVX]{1,4}\.\s*/, '');
      body.push(row);
      k = n;
      last = -1;
      continue;
    }
    if (pageBreak(raw)) {
      afterBreak = true;
      continue;
    }
    // The page's number right after the break ("2"), before the repeated header, is no row.
    if (afterBreak && /^\d{1,3}$/.test(t) && headerKeys.has((lines[j + 1] ?? '').trim().toLowerCase()))
      continue;
    if (t !== '') afterBreak = false;
    if (COLUMN_NUMBERS.test(t) || headerKeys.has(t.toLowerCase())) continue;
    const phase = phaseLabel(t);
    if (phase !== null && (row === null || k > 1)) {
      // "Giai đoạn I: CÔNG TÁC CHUẨN BỊ" on its own line: a section row over the rows below it.
      row = Array.from({ length: n }, () => '');
      row[0] = phase;
      row[contentCol] = t;
      body.push(row);
      k = n;
      last = -1;
      continue;
    }
    if (ROW_NUMBER.test(t) && (row === null || k > 1)) {
      row = Array.from({ length: n }, () => '');
      row[0] = t;
      body.push(row);
      k = 1;
      last = -1;
      continue;
    }
    if (!row) {
      if (t === '') continue;
      break;
    }
    if (t === '') {
      // A blank is an empty cell; after the last column, blanks only separate the table from the text.
      if (k < n) k++;
      else if (last >= 0 && !rowFollows(lines, j + 1)) break;
      continue;
    }
    // "Trung tâm Xúc tiến" / "thương mại và Hỗ trợ" / "HTX": a unit's name ends on "HTX" alone on its line.
    const continues = last >= 0 && (/^\p{Ll}/u.test(t) || /^[-+•*]\s/.test(t) || /^HTX[.,;]?$/u.test(t));
    // Time words jump to the time column over blank cells, once the work itself is written.
    const contentDone = (row[contentCol] ?? '') !== '';
    if (contentDone && timeCol > 0 && timeCol >= k && timeLike(t) && !(continues && last === timeCol)) {
      row[timeCol] = t;
      last = timeCol;
      k = timeCol + 1;
    } else if (continues && (k >= n || last === k - 1)) {
      row[last] = `${row[last]} ${t}`;
    } else if (k < n) {
      row[k] = t;
      last = k;
      k++;
    } else if (last >= 0) {
      row[last] = `${row[last]} ${t}`;
    }
  }
  const rows = body.filter((r) => opensRow(r[0] ?? ''));
  if (rows.length < MIN_ROWS) return null;
  fillMerged(rows, kinds);
  return { rows: [header, ...rows], next: j };
}

/**
 * Blank lead cells below a filled one take its value (vertically merged in Word): a lead is what a table
 * merges over a run of rows. So is the time of a timeline, whose time column comes before the work: its
 * rows run in order of time. Elsewhere a blank partner or time cell stays blank (none named, or the
 * plan's time).
 */
function fillMerged(rows: Row[], kinds: readonly string[]): void {
  const lead = kinds.indexOf('unit');
  // A timeline (time column before the work) merges a time over the rows it covers.
  const time = kinds.indexOf('time');
  const mergedTime = time >= 0 && time < kinds.indexOf('content') ? time : -1;
  const above: (string | null)[] = kinds.map(() => null);
  for (const row of rows) {
    const number = row[0] ?? '';
    const section = !/^\d/.test(number);
    if (section) {
      above.fill(null);
      continue;
    }
    kinds.forEach((kind, c) => {
      if (c !== lead && c !== mergedTime) return;
      const cell = (row[c] ?? '').trim();
      if (cell) above[c] = cell;
      else if (above[c]) row[c] = above[c] ?? '';
    });
  }
}
