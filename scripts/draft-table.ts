/** The secretary's review view of a draft: one line per task, then what needs a human look. */
import { formatWindow } from '../src/shared/date-format';
import type { PlanDraft } from '../src/domain/task';

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

export function formatTable(draft: PlanDraft, numbers?: Map<string, number>): string {
  const lines = [
    `${draft.title}${draft.doc_number ? ` (số ${draft.doc_number})` : ''} — ${draft.org}, năm ${draft.year}`,
    `${'Số'.padEnd(4)} ${'Mục'.padEnd(10)} ${'Loại'.padEnd(9)} ${'Chủ trì'.padEnd(28)} ${'Thời gian'.padEnd(25)} Nội dung`,
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
        cut(t.kind, 9),
        cut(t.lead.join(', ') || '—', 28),
        cut(formatWindow(t.start, t.end), 25),
        t.title.length > 90 ? `${t.title.slice(0, 89)}…` : t.title,
      ].join(' '),
    );
  }
  lines.push('', `${draft.tasks.length} nhiệm vụ / tasks.`);
  if (draft.warnings.length) {
    lines.push(`Cần xem lại / to check (${draft.warnings.length}):`);
    for (const w of draft.warnings)
      lines.push(
        `  ! ${w.ref ?? '—'}${w.line ? ` (dòng / line ${w.line})` : ''}: ${WARN[w.code] ?? w.code}${w.detail ? ` — ${w.detail}` : ''}`,
      );
  }
  return lines.join('\n');
}
