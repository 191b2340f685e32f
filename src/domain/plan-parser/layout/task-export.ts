/**
 * A plan's task list exported from a task-tracking or planning system (XML, YAML …) written back as the plan
 * it came from: its letterhead, number and date, its title, a numbered item per open task with "Chủ trì:",
 * "Phối hợp:" and "Thời gian:" lines, and "TỔ CHỨC THỰC HIỆN" with a point per unit. A task done or
 * cancelled is none. A task with sub-tasks and no time of its own is their heading: the sub-tasks are its
 * lettered items and share its units. Grounds (căn cứ) and targets (chỉ tiêu) stay under their own headings.
 * Each export's reader only maps its fields onto these records.
 */
import { fold } from './fold';

/** Field names folded to plain lower-case words ("NhiemVuCon", "cong_viec_con" → "nhiemvucon", "congvieccon"). */
export const fieldKey = (name: string): string => fold(name).replace(/[^a-z]/g, '');

export const TASK_FIELDS = {
  task: new Set(['nhiemvu', 'congviec', 'task']),
  /** A list of tasks under one name, as YAML and JSON exports keep it. */
  taskList: new Set(['nhiemvu', 'danhsachnhiemvu', 'nhiemvucuthe', 'congviec', 'tasks']),
  subtask: new Set(['nhiemvucon', 'congvieccon', 'vieccon', 'subtask', 'subtasks']),
  title: new Set(['noidung', 'ten', 'tencongviec', 'tennhiemvu', 'title']),
  lead: new Set(['chutri', 'donvichutri', 'lead']),
  support: new Set(['phoihop', 'donviphoihop', 'support']),
  time: new Set(['thoigian', 'thoihan', 'time']),
  duties: new Set(['trachnhiem', 'tochucthuchien']),
  grounds: new Set(['cancu']),
  targets: new Set(['chitieu']),
} as const;

/** States of a task no one has to do any more: done, cancelled, withdrawn. */
const CLOSED = /^(?:hoanthanh|dahoanthanh|xong|daxong|dahuy|huy|thuhoi|dathuhoi|done|cancel+ed)$/;
export const isClosedState = (state: string): boolean => CLOSED.test(fieldKey(state));

export interface ExportedTask {
  readonly title: string;
  readonly lead: string;
  readonly support: string;
  /** The time as words ("Hằng quý, trước ngày 10 …"), already worked out from the export's fields. */
  readonly time: string;
  readonly subtasks: readonly ExportedTask[];
}

export interface ExportedPlan {
  readonly body: string;
  readonly number: string;
  /** ISO day the plan was issued. */
  readonly issued: string;
  readonly title: string;
  readonly grounds: readonly string[];
  readonly targets: readonly string[];
  readonly tasks: readonly ExportedTask[];
  readonly duties: readonly { readonly unit: string; readonly text: string }[];
}

/** "2027-02-01" → "01/02/2027". */
export function dayOf(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : null;
}

/** A time kept only as dates, in the words a plan uses. */
export function timeOfDates(from: string, to: string, due = ''): string {
  const start = dayOf(from);
  const end = dayOf(to);
  const deadline = dayOf(due);
  if (start && end) return start === end ? `ngày ${start}` : `từ ngày ${start} đến hết ngày ${end}`;
  if (deadline) return `chậm nhất ngày ${deadline}`;
  if (end) return `đến hết ngày ${end}`;
  return start ? `từ ngày ${start}` : '';
}

function fieldLines(
  task: ExportedTask,
  inherited: { lead: string; support: string },
  indent: string,
): string[] {
  const lead = task.lead || inherited.lead;
  const support = task.support || inherited.support;
  return [
    ...(lead ? [`${indent}- Chủ trì: ${lead}`] : []),
    ...(support ? [`${indent}- Phối hợp: ${support}`] : []),
    ...(task.time ? [`${indent}- Thời gian: ${task.time}`] : []),
  ];
}

/**
 * A sub-task's title that does not say what it belongs to ("Phát động Cuộc thi", "Nhận hồ sơ dự thi" under
 * 'Cuộc thi "Sản phẩm HTX 2027"'): a reminder of it alone would not say which contest. One that ends with
 * the words its parent's title opens with is completed by the rest of that title; a short one is written
 * after the parent's title and a colon; one that names its own object stays as it is.
 */
const SHORT_SUBTASK_WORDS = 6;
function subTitle(title: string, parent: string): string {
  const words = title.split(/\s+/);
  const parentWords = parent.replace(/[:.]\s*$/, '').split(/\s+/);
  for (let n = Math.min(3, parentWords.length - 1); n >= 2; n--) {
    const head = parentWords.slice(0, n).join(' ');
    if (fold(words.slice(-n).join(' ')) === fold(head))
      return [...words.slice(0, -n), ...parentWords].join(' ');
  }
  if (words.length > SHORT_SUBTASK_WORDS || fold(title).includes(fold(parentWords.slice(0, 3).join(' ')))) {
    return title;
  }
  return `${parentWords.join(' ')}: ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
}

function taskLines(task: ExportedTask, number: number): string[] {
  if (!task.title) return [];
  if (task.subtasks.length === 0 || task.time) {
    return [`${number}. ${task.title}`, ...fieldLines(task, { lead: '', support: '' }, '')];
  }
  // A heading over its sub-tasks: their units are its own unless they name theirs.
  const lines = [`${number}. ${task.title}:`];
  task.subtasks.forEach((sub, i) => {
    if (!sub.title) return;
    lines.push(
      `${String.fromCharCode(97 + (i % 26))}) ${subTitle(sub.title, task.title)}`,
      ...fieldLines(sub, task, '  '),
    );
  });
  return lines;
}

/** Where the document's body says it is: "Liên minh Hợp tác xã tỉnh Đồng Tháp" → "Đồng Tháp". */
function placeOf(body: string): string {
  return /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(body)?.[1]?.trim() ?? '';
}

function headLines(plan: ExportedPlan): string[] {
  const issued = /^(\d{4})-(\d{2})-(\d{2})/.exec(plan.issued);
  const kind = /^(KẾ HOẠCH|CHƯƠNG TRÌNH)\b/iu.exec(plan.title)?.[1]?.toUpperCase() ?? 'KẾ HOẠCH';
  const rest = plan.title.replace(/^(?:kế hoạch|chương trình)\s*/iu, '');
  const dateLine = issued
    ? `${placeOf(plan.body)}, ngày ${issued[3]} tháng ${issued[2]} năm ${issued[1]}`.trim()
    : '';
  return [
    ...(plan.body ? [plan.body.toUpperCase()] : []),
    ...(plan.number ? [`Số: ${plan.number}`] : []),
    ...(dateLine ? [dateLine] : []),
    '',
    kind,
    ...(rest ? [`${rest.charAt(0).toUpperCase()}${rest.slice(1)}`] : []),
    '',
  ];
}

export function exportedPlanAsText(plan: ExportedPlan): string {
  const out = headLines(plan);
  if (plan.grounds.length > 0) out.push('Căn cứ:', ...plan.grounds.map((g) => `- ${g}`), '');
  if (plan.targets.length > 0) out.push('I. CHỈ TIÊU', ...plan.targets.map((g) => `- ${g}`), '');
  out.push('II. NHIỆM VỤ CỤ THỂ');
  plan.tasks.forEach((task, i) => out.push(...taskLines(task, i + 1)));
  const duties = plan.duties.filter((d) => d.text);
  if (duties.length > 0) {
    out.push('', 'III. TỔ CHỨC THỰC HIỆN');
    duties.forEach((d, i) => out.push(`${i + 1}. ${d.unit ? `${d.unit}: ` : ''}${d.text}`));
  }
  return out.join('\n');
}
