/**
 * A process drawn as a flowchart in box characters: each step a box, arrows between them, boxes side by
 * side where the work runs in parallel.
 *
 *   ┌─────────────────────────────┐ ┌──────────────────────────┐
 *   │ B4a. Phát hành thư mời,     │ │ B4b. Lựa chọn đơn vị thi  │
 *   │ nhận đăng ký gian hàng      │ │ công gian hàng, sân khấu  │
 *   │ Làn: Ban Hỗ trợ và XTTM     │ │ Làn: Ban TC-KT            │
 *   │ (+) VPĐD Bắc Kạn            │ │ Thời gian: tháng 6/2027   │
 *   └─────────────────────────────┘ └──────────────────────────┘
 *                 ▼
 *        ◇ B5. Đã đủ 80 gian hàng? ◇
 *
 * Each box becomes the lines the outline reads, in the order the boxes close: its step ("B4a." read as
 * "4a.", "B10.1" as "10.1."), its wrapped words joined, its fields one to a line — the swimlane "Làn:" is
 * who leads it, "(+)" who helps. Arrows, branch labels ("[Có]"), decisions ("◇ … ◇") and notes drawn
 * beside a box are no work and go.
 */

const TOP = /[┌╔][─═]{3,}[┐╗]/gu;
const BOTTOM = /^[└╚][─═]{3,}[┘╝]/u;
/** Boxes it takes to read a text as a flowchart rather than a plan with one framed note. */
const MIN_BOXES = 3;
/** How far a border may stray from its corner's column: hand-drawn boxes are seldom exact. */
const SLACK = 2;
const STEP = /^(?:[A-ZĐ]{1,2})(\d{1,2}(?:[a-z]|\.\d{1,2})?)[.:]?\s+/u;
const FIELD_START = /^(?:\(\+\)|[\p{L} ]{2,20}:|├──|└──|│)/u;

interface Box {
  left: number;
  right: number;
  side: string;
  lines: string[];
}

/** The words inside a box on one line, or null when its border is not there. */
function inside(line: string, box: Box): string | null {
  // The border nearest the corner's column: the box beside may end two characters to its left.
  const offsets = [0, -1, 1, -2, 2].slice(0, 2 * SLACK + 1);
  const from = offsets.map((d) => box.left + d).find((c) => c >= 0 && line[c] === box.side) ?? -1;
  if (from < 0) return null;
  let to = -1;
  for (let c = from + 1; c < line.length; c++)
    if (line[c] === box.side && c >= box.right - SLACK) {
      to = c;
      break;
    }
  return line.slice(from + 1, to < 0 ? undefined : to);
}

/** A box's lines as the outline reads them: fields apart, wrapped words joined, its step renumbered. */
function boxLines(raw: readonly string[]): string[] {
  const joined: string[] = [];
  for (const line of raw) {
    const trimmed = line.trim();
    // "│         ─ Làn: …" under a branch: the branch's words go on.
    if (/^│\s/u.test(trimmed) && joined.length > 0) {
      joined[joined.length - 1] = `${joined.at(-1) ?? ''} ${trimmed.slice(1).trim()}`;
      continue;
    }
    for (const p of trimmed.split(/\s{3,}(?=\S)/u)) {
      const text = p.trim();
      const prev = joined.length - 1;
      if (!text) continue;
      if (prev >= 0 && !FIELD_START.test(text) && !STEP.test(text)) joined[prev] = `${joined[prev]} ${text}`;
      else joined.push(text);
    }
  }
  return joined.map((l) => {
    const branch = /^(?:├──|└──)\s*/u.exec(l);
    const text = branch ? l.slice(branch[0].length) : l;
    const step = STEP.exec(text);
    // A branch is a part of its box's step ("B10.1 Lễ khai mạc" under "B10. Ngày hội"): a bullet under it.
    const numbered = step && !branch ? `${step[1] ?? ''}. ` : '';
    const body = (step ? `${numbered}${text.slice(step[0].length)}` : text)
      // "Lễ khai mạc: 8h00 ngày 17/9 ─ Làn: Văn phòng": a branch's lane after a dash.
      .replace(/\s+─\s+Làn:\s*(.+)$/u, ' (Chủ trì: $1)')
      .replace(/^Làn:\s*/u, 'Chủ trì: ')
      // The legend's "Hạn:" is the day the step must be done by.
      .replace(/^Hạn:\s*/u, 'Thời hạn: ')
      .replace(/^\(\+\)\s*/u, 'Phối hợp: ');
    return branch ? `- ${body}` : body;
  });
}

export function flowchartAsOutline(text: string): string {
  const lines = text.split('\n');
  const total = lines.reduce((n, l) => n + (l.match(TOP)?.length ?? 0), 0);
  if (total < MIN_BOXES) return text;
  const out: string[] = [];
  let open: Box[] = [];
  let closed = 0;
  let after = false;
  for (const line of lines) {
    const tops = [...line.matchAll(TOP)];
    for (const box of open) {
      const from = Math.max(0, box.left - SLACK);
      const corner = line.slice(from, box.left + SLACK + 1).search(/[└╚]/u);
      if (corner >= 0 && BOTTOM.test(line.slice(from + corner))) {
        out.push(...boxLines(box.lines), '');
        closed++;
        box.lines = [];
        box.left = -1;
        continue;
      }
      const words = inside(line, box);
      if (words !== null) box.lines.push(words);
    }
    open = open.filter((b) => b.left >= 0);
    for (const m of tops) {
      const corner = m[0][0] ?? '';
      open.push({
        left: m.index ?? 0,
        right: (m.index ?? 0) + m[0].length - 1,
        side: corner === '╔' ? '║' : '│',
        lines: [],
      });
    }
    if (tops.length > 0 || open.length > 0 || /[└╚][─═]/u.test(line)) continue;
    // Between boxes: arrows, forks and joins, branch labels, decisions — none of them work.
    if (/^[\s│║▼▲◄►↓→←═╦╩─┘┐┌└[\]]*(?:\[(?:Có|Không|Đúng|Sai)\][\s│║▼◄─┘]*)*$/u.test(line)) continue;
    if (/◇/u.test(line)) continue;
    // What follows the last box is the chart's own notes and who answers for the whole, not its last step.
    if (closed === total && !after && line.trim() !== '' && !/^\s*\(.*\)\s*$/u.test(line)) {
      out.push('TỔ CHỨC THỰC HIỆN');
      after = true;
    }
    out.push(line);
  }
  return out.join('\n');
}
