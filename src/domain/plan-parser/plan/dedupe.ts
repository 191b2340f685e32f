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

/** Share of a recap line's words an earlier task must hold for the line to be that task again. */
const SAME_RECAP = 0.7;

function overlaps(a: WorkTask, b: WorkTask): boolean {
  if (!a.start || !a.end || !b.start || !b.end) return false;
  return a.start <= b.end && b.start <= a.end;
}

/**
 * "NHỮNG MỐC CHÍNH NĂM 2027" after an interview, "Tóm tắt các mốc" after the plan: a closing list of
 * lines most of which name work told earlier, at the same time. The lines told earlier are dropped; a
 * line only the recap gives ("15/01: Hội nghị triển khai nhiệm vụ") is work of its own.
 */
function recaps(tasks: readonly WorkTask[]): Set<WorkTask> {
  const out = new Set<WorkTask>();
  const groups = new Map<string, WorkTask[]>();
  for (const t of tasks)
    if (t.meta.origin === 'item') groups.set(t.meta.group, [...(groups.get(t.meta.group) ?? []), t]);
  for (const members of groups.values()) {
    const first = tasks.indexOf(members[0] as WorkTask);
    const earlier = tasks.slice(0, first).filter((t) => !members.includes(t));
    const told = members.filter((m) =>
      earlier.some((e) => overlaps(e, m) && containment(trigrams(m.title), trigrams(e.title)) >= SAME_RECAP),
    );
    if (members.length >= 3 && told.length * 2 >= members.length) for (const m of told) out.add(m);
  }
  return out;
}

export function dropSummaries(tasks: WorkTask[], onDrop?: (t: WorkTask) => void): WorkTask[] {
  const items = tasks.filter((t) => t.meta.origin === 'item');
  const groups = new Map<string, WorkTask[]>();
  for (const t of items) groups.set(t.meta.group, [...(groups.get(t.meta.group) ?? []), t]);
  const order = new Map(tasks.map((t, i) => [t, i]));
  const dropped = new Set([...appendixContainers(tasks), ...recaps(tasks)]);
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
