/** The secretary's review view of a draft: one line per task, then what needs a human look. */
import { formatWindow } from '../src/shared/date-format';
import type { OrgDirectory, PlanDraft } from '../src/domain/task';
import { toLocalDateTime } from '../src/domain/calendar';
import { KIND_VI, reviewChecks, type ReviewCheck } from '../src/import/review-checks';

const WARN: Record<string, string> = {
  'no-lead': 'chưa có đơn vị chủ trì / no lead unit',
  'no-date': 'chưa có thời gian / no date',
  'unknown-unit': 'đơn vị không có trong danh mục / unknown unit',
  'no-items': 'không có nhiệm vụ / no items',
  'unread-table': 'có bảng nhưng không đọc được dòng nào / a table whose rows could not be read',
  'skipped-item': 'bỏ qua / skipped',
  'fuzzy-unit': 'tên đơn vị đoán theo mặt chữ (bản scan) / unit matched by its letters (damaged scan)',
};

function cut(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n);
}

/** The review's checks (src/import/review-checks.ts) in the words of the chat review, Vietnamese first. */
function checkLine(c: ReviewCheck, draft: PlanDraft): string {
  const vn = (d: string): string => d.split('-').reverse().join('/');
  switch (c.code) {
    case 'all-past':
      return `mọi nhiệm vụ đã qua hạn tính đến hôm nay ${vn(c.today)} (hạn muộn nhất ${vn(c.lastEnd)}): bot sẽ không nhắc việc nào; kiểm tra năm của kế hoạch (${draft.year}) / every task is already past`;
    case 'few-leads':
      return `${c.without}/${c.total} nhiệm vụ chưa có đơn vị chủ trì / no lead for most tasks`;
    case 'unknown-unit':
      return `tên đơn vị “${c.name}” không khớp phòng, ban nào (${c.refs.join(', ')}) / matches no department`;
    case 'skipped-item':
      return `${c.ref ?? '—'}${c.line ? ` (dòng / line ${c.line})` : ''}: bỏ qua / skipped — ${c.text}`;
    case 'time-on-demand':
      return `không ghi thời gian (“theo chỉ đạo…”), tạm để cả năm ${draft.year} / no time given: ${c.refs.join(', ')}`;
    case 'unread-table':
      return `có bảng ở dòng ${c.line ?? '—'} nhưng không đọc được từng dòng / a table could not be read`;
    case 'damaged-titles': {
      // The terminal has room: every damaged title, each with its proposed repair.
      const lines = c.titles.map(
        (t) =>
          `    ${t.ref ?? 'tên kế hoạch / plan title'}: “${t.title}”${t.proposed ? `\n      → “${t.proposed}”` : ' (chưa đề xuất được / no repair found)'}`,
      );
      const proposed = c.titles.filter((t) => t.proposed).length;
      return [
        `${c.titles.length} tên có vẻ lỗi khi quét, đề xuất sửa ${proposed} / titles damaged by scanning, ${proposed} repairs proposed:`,
        ...lines,
        proposed
          ? '    Nạp với tên đã đề xuất / load with the proposed titles: thêm / add --sua-ten'
          : '    Sau khi nạp, sửa bằng /sua <số> tên … / fix after loading with /edit',
      ].join('\n');
    }
  }
}

/** A department's name as the directory writes it first ("Văn phòng"), for slugs in the table. */
export function departmentNames(directory: OrgDirectory, org: string): (slug: string) => string {
  const departments = directory[org]?.departments ?? {};
  return (slug) => departments[slug]?.[0] ?? slug;
}

/** Today in Việt Nam, the day the plan would be loaded. */
function today(): string {
  return toLocalDateTime(new Date(), 'Asia/Ho_Chi_Minh').date;
}

export function formatTable(
  draft: PlanDraft,
  numbers?: Map<string, number>,
  names: (slug: string) => string = (s) => s,
  day: string = today(),
): string {
  const lines = [
    `${draft.title}${draft.doc_number ? ` (số ${draft.doc_number})` : ''} — ${draft.org}, năm ${draft.year}`,
    `${'Số'.padEnd(4)} ${'Mục'.padEnd(10)} ${'Loại'.padEnd(16)} ${'Chủ trì'.padEnd(28)} ${'Thời gian'.padEnd(25)} Nội dung`,
  ];
  const seen = new Map<string, number>();
  for (const t of draft.tasks) {
    const n = (seen.get(t.ref) ?? 0) + 1;
    seen.set(t.ref, n);
    const number = numbers?.get(n === 1 ? t.ref : `${t.ref}#${n}`);
    lines.push(
      [
        cut(number ? String(number) : '', 4),
        cut(t.ref, 10),
        cut(KIND_VI[t.kind], 16),
        cut(t.lead.map(names).join(', ') || '—', 28),
        cut(formatWindow(t.start, t.end), 25),
        t.title.length > 90 ? `${t.title.slice(0, 89)}…` : t.title,
      ].join(' '),
    );
  }
  lines.push('', `${draft.tasks.length} nhiệm vụ / tasks.`);
  // The checks first (what to look at), then the remaining per-task notes.
  const checks = reviewChecks(draft, day).map((c) => `  ! ${checkLine(c, draft)}`);
  const worded = new Set(['unknown-unit', 'skipped-item', 'time-on-demand', 'unread-table', 'no-lead']);
  const rest = draft.warnings
    .filter((w) => !worded.has(w.code))
    .map(
      (w) =>
        `  ! ${w.ref ?? '—'}${w.line ? ` (dòng / line ${w.line})` : ''}: ${WARN[w.code] ?? w.code}${w.detail ? ` — ${w.detail}` : ''}`,
    );
  const noLead = draft.tasks.filter((t) => t.lead.length === 0 && t.kind !== 'duty');
  if (noLead.length > 0 && !checks.some((l) => l.includes('/ no lead for most')))
    rest.push(
      `  ! ${noLead.length} nhiệm vụ chưa có đơn vị chủ trì / without a lead: ${noLead.map((t) => t.ref).join(', ')}`,
    );
  if (checks.length + rest.length > 0) {
    lines.push(`Cần xem lại / to check (${checks.length + rest.length}):`, ...checks, ...rest);
  }
  return lines.join('\n');
}
