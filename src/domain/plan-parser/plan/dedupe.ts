/**
 * Summary lists: plans often name their main activities in a short list ("1. Các hoạt động chính: (1) …
 * (2) …") and then describe each in detail. A group of bare items most of which reappear later in the
 * same section is such a summary; its items are dropped in favour of the detailed ones.
 */
import type { WorkTask } from './context';
import { containment, fold, trigrams } from '../layout/fold';
import { APPENDIX_POINTERS } from '../lexicon';

const SAME_TITLE = 0.7;

function sameActivity(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return containment(trigrams(short), trigrams(long)) >= SAME_TITLE;
}

function sectionOf(ref: string): string {
  return ref.split('.')[0] ?? '';
}

const TO_APPENDIX = new RegExp(`\\b(?:${APPENDIX_POINTERS.join('|')})\\s+phu luc\\b`);

/**
 * "3. Tổ chức các lớp đào tạo …: chi tiết tại Phụ lục": when the plan's appendix was read ("PL" tasks),
 * an item that sends the reader there is the heading of the appendix's rows, no task of its own.
 */
function appendixContainers(tasks: readonly WorkTask[]): Set<WorkTask> {
  if (!tasks.some((t) => t.ref.startsWith('PL'))) return new Set();
  return new Set(tasks.filter((t) => t.meta.origin === 'item' && TO_APPENDIX.test(fold(t.title))));
}

export function dropSummaries(tasks: WorkTask[], onDrop?: (t: WorkTask) => void): WorkTask[] {
  const items = tasks.filter((t) => t.meta.origin === 'item');
  const groups = new Map<string, WorkTask[]>();
  for (const t of items) groups.set(t.meta.group, [...(groups.get(t.meta.group) ?? []), t]);
  const order = new Map(tasks.map((t, i) => [t, i]));
  const dropped = appendixContainers(tasks);
  for (const [group, members] of groups) {
    // A summary names activities only: lines that each name who does them ("- Văn phòng: dự thảo …") are
    // the work itself, however alike the later items are.
    if (members.length < 2 || !members.every((m) => m.meta.bare && !m.meta.explicitLead)) continue;
    const firstIndex = order.get(members[0] as WorkTask) ?? 0;
    const later = items.filter(
      (t) =>
        t.meta.group !== group && sectionOf(t.ref) === sectionOf(group) && (order.get(t) ?? 0) > firstIndex,
    );
    const repeated = members.filter((m) => later.some((t) => sameActivity(m.title, t.title))).length;
    if (repeated * 2 >= members.length) for (const m of members) dropped.add(m);
  }
  for (const t of dropped) onDrop?.(t);
  return tasks.filter((t) => !dropped.has(t));
}
