/**
 * A plan exported as YAML from an alliance's planning software, sent with (or instead of) the plan:
 *
 *   # Xuất từ phần mềm Quản lý kế hoạch …
 *   ke_hoach:
 *     co_quan: "LIÊN MINH HTX TỈNH …"
 *     so_hieu: "14/KH-LMHTX"
 *     ngay_ban_hanh: 2027-02-10
 *     ten: "Kế hoạch … năm 2027"
 *     nhiem_vu:
 *       - noi_dung: "…"
 *         chu_tri: "Ban …"
 *         phoi_hop: ["…"]
 *         bat_dau: 2027-03-01      # or han: 2027-06-15, or thoi_gian: "Quý II/2027"
 *         ket_thuc: 2027-04-30
 *         lap_lai: {chu_ky: quy}   # over bat_dau … ket_thuc
 *         cong_viec_con: [ … ]     # sharing chu_tri / phoi_hop unless they name their own
 *     trach_nhiem:
 *       - don_vi: "Văn phòng"
 *         noi_dung: "…"
 *
 * It becomes the plan as an agency writes it (`task-export.ts`); a TOML export is read the same way
 * (toml-export.ts). Field names are matched folded
 * ("noi_dung", "noiDung", "Nội dung"), so another program's spelling of the same words reads too. Parsed with
 * the `yaml` package; a text that is not a YAML mapping holding a list of tasks is left as it is.
 */
import { parse } from 'yaml';
import {
  exportedPlanAsText,
  fieldKey as key,
  isClosedState,
  TASK_FIELDS as F,
  timeOfDates,
  type ExportedTask,
} from './task-export';

type Fields = Record<string, unknown>;

const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value of the first field whose folded name is among `names`. */
function field(record: Fields, names: ReadonlySet<string> | readonly string[]): unknown {
  const wanted = new Set(names);
  for (const [name, value] of Object.entries(record)) if (wanted.has(key(name))) return value;
  return undefined;
}

/** A scalar as text; a date the parser made a Date of is written back as its ISO day. */
function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number')
    return String(value).replace(/\s+/g, ' ').trim();
  return '';
}

function units(value: unknown): string {
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ');
  return text(value);
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text).filter(Boolean);
  return [text(value)].filter(Boolean);
}

/** "quy" → "Hằng quý": the rhythm a repeat field gives, in a plan's words. */
const RHYTHM: Record<string, string> = {
  tuan: 'Hằng tuần',
  thang: 'Hằng tháng',
  quy: 'Hằng quý',
  nam: 'Hằng năm',
  weekly: 'Hằng tuần',
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  yearly: 'Hằng năm',
};

function timeOf(task: Fields): string {
  const words = text(field(task, F.time));
  const dates = timeOfDates(
    text(field(task, ['batdau', 'tungay', 'start'])),
    text(field(task, ['ketthuc', 'denngay', 'end'])),
    text(field(task, ['han', 'hanhoanthanh', 'due'])),
  );
  const base = words || dates;
  const repeat = field(task, ['laplai', 'chuky', 'repeat']);
  const cycle = isFields(repeat) ? text(field(repeat, ['chuky', 'cycle'])) : text(repeat);
  const rule = isFields(repeat) ? repeat : {};
  // "lap_lai = { chu_ky = "dot", thang = [6, 11], nam = 2027 }": rounds in the months listed.
  const months = field(rule, ['thang', 'months']);
  const year = text(field(rule, ['nam', 'year']));
  if (Array.isArray(months) && months.length > 0)
    return `${months.map((m) => `tháng ${text(m)}`).join(' và ')}${year ? `/${year}` : ''}`;
  const rhythm = RHYTHM[key(cycle)];
  if (!rhythm) return base;
  // A due day of the period ("ngay_han = 20") or a due written out ("han: trước ngày 10 …").
  const due = text(field(rule, ['han', 'due', 'ngayhan']));
  const dueWords = /^\d{1,2}$/.test(due) ? `, chậm nhất ngày ${due}` : due ? ` (hạn: ${due})` : '';
  // "tu_ky = "2027-04", den_ky = "2027-06"": the periods the rule runs over.
  const from = /^(\d{4})-(\d{2})/.exec(text(field(rule, ['tuky', 'tu', 'from'])));
  const to = /^(\d{4})-(\d{2})/.exec(text(field(rule, ['denky', 'den', 'until'])));
  const span = from && to ? `từ tháng ${Number(from[2])} đến tháng ${Number(to[2])}/${to[1]}` : '';
  return [`${rhythm}${dueWords}`, span || base].filter(Boolean).join(', ');
}

function isOpen(task: Fields): boolean {
  return !isClosedState(text(field(task, ['trangthai', 'status'])));
}

function taskOf(task: Fields): ExportedTask {
  const subtasks = field(task, F.subtask);
  return {
    title: text(field(task, F.title)),
    lead: units(field(task, F.lead)),
    support: units(field(task, F.support)),
    time: timeOf(task),
    subtasks: Array.isArray(subtasks) ? subtasks.filter(isFields).filter(isOpen).map(taskOf) : [],
  };
}

/** The mapping that holds the list of tasks: the document itself or one of its fields ("ke_hoach:"). */
function planOf(doc: unknown): { plan: Fields; tasks: Fields[] } | null {
  if (!isFields(doc)) return null;
  const tasks = field(doc, F.taskList);
  if (Array.isArray(tasks) && tasks.some((t) => isFields(t) && text(field(t, F.title)))) {
    return { plan: doc, tasks: tasks.filter(isFields) };
  }
  for (const value of Object.values(doc)) {
    const found = isFields(value) ? planOf(value) : null;
    if (found) return found;
  }
  return null;
}

/** Only a text laid out as YAML is tried: a "key:" line at the left margin and indented "- " items. */
function looksLikeYaml(text: string): boolean {
  return /^[A-Za-z_][\w]*:\s*$/m.test(text) && /^\s+-\s+[A-Za-z_][\w]*:/m.test(text);
}

export function yamlExportAsText(source: string): string {
  if (!looksLikeYaml(source)) return source;
  let doc: unknown;
  try {
    doc = parse(source);
  } catch {
    return source;
  }
  return exportedDocAsText(doc) ?? source;
}

/**
 * A parsed export (YAML, TOML: a mapping holding a list of tasks) as the plan it came from, or null when
 * it holds no list of tasks.
 */
export function exportedDocAsText(doc: unknown): string | null {
  const found = planOf(doc);
  if (!found) return null;
  const { plan, tasks } = found;
  const duties = field(plan, F.duties);
  // The plan's own fields may sit in a mapping of their own beside the tasks ("[ke_hoach]" in TOML).
  const own = field(plan, ['kehoach', 'plan', 'vanban']);
  const meta = isFields(own) ? own : plan;
  return exportedPlanAsText({
    body: text(field(meta, ['coquan', 'donvi', 'body'])),
    number: text(field(meta, ['sohieu', 'so', 'sokyhieu', 'number'])),
    issued: text(field(meta, ['ngaybanhanh', 'ngay', 'issued'])),
    title: text(field(meta, ['ten', 'trichyeu', 'tieude', 'title'])),
    grounds: list(field(plan, F.grounds)),
    targets: list(field(plan, F.targets)),
    tasks: tasks.filter(isOpen).map(taskOf),
    duties: Array.isArray(duties)
      ? duties.filter(isFields).map((d) => ({
          unit: text(field(d, ['donvi', 'ten', 'unit'])),
          text: text(field(d, F.title)),
        }))
      : [],
  });
}
