/**
 * A plan kept as an Emacs Org-mode file (an office that tracks its plan in Org and sends the file):
 *
 *   #+TITLE: Kế hoạch công tác 6 tháng đầu năm 2027 - Liên minh HTX tỉnh …
 *   #+DATE: 2027-01-08
 *   #+TODO: TODO DANGLAM | XONG HUY
 *   * Tháng 01/2027
 *   ** TODO Hội nghị tổng kết …                       :hoinghi:
 *      SCHEDULED: <2027-01-15 Fri 08:00>            (or <a>--<b>, or DEADLINE: <…>, "+1m" repeats)
 *      :PROPERTIES:
 *      :CHU_TRI:  Văn phòng
 *      :PHOI_HOP: Ban …; Ban …
 *      :LAP_DEN:  2027-06                          (the repeat runs up to that month)
 *      :END:
 *
 * It becomes the plan as an agency writes it (`task-export.ts`): a heading with an open keyword is a task,
 * one with a closed keyword (after "|" in "#+TODO:", or DONE, CANCELLED) or under COMMENT is none; a task
 * over tasks and without a time of its own heads them; "Chỉ tiêu" lists targets and "Phân công" the units'
 * duties. A text without Org headings with keywords is left as it is.
 */
import {
  exportedPlanAsText,
  fieldKey,
  isClosedState,
  TASK_FIELDS as F,
  timeOfDates,
  type ExportedTask,
} from './task-export';

interface OrgNode {
  level: number;
  keyword: string | null;
  title: string;
  lines: string[];
  children: OrgNode[];
}

const HEADING = /^(\*+)\s+(.*?)\s*$/;
const TAGS = /\s+:[\w@#%:]+:\s*$/u;
const STAMP = /<(\d{4}-\d{2}-\d{2})[^>]*>/g;
/** Headings with keywords needed before a text is read as Org: one heading is a Markdown-like note. */
const MIN_TASKS = 3;

function states(text: string): { open: Set<string>; closed: Set<string> } {
  const open = new Set(['TODO', 'NEXT', 'WAIT', 'WAITING']);
  const closed = new Set(['DONE', 'CANCELLED', 'CANCELED']);
  for (const m of text.matchAll(/^#\+(?:TODO|SEQ_TODO|TYP_TODO):\s*(.*)$/gim)) {
    const [before = '', after = ''] = (m[1] ?? '').split('|');
    for (const w of before.split(/\s+/).filter(Boolean)) open.add(w.replace(/\(.*\)$/, ''));
    for (const w of after.split(/\s+/).filter(Boolean)) closed.add(w.replace(/\(.*\)$/, ''));
  }
  return { open, closed };
}

function tree(lines: readonly string[], keywords: Set<string>): OrgNode[] {
  const root: OrgNode = { level: 0, keyword: null, title: '', lines: [], children: [] };
  const stack: OrgNode[] = [root];
  for (const line of lines) {
    const m = HEADING.exec(line);
    if (!m) {
      stack[stack.length - 1]?.lines.push(line);
      continue;
    }
    const level = (m[1] ?? '').length;
    let words = (m[2] ?? '').replace(TAGS, '');
    let keyword: string | null = null;
    const comment = /^COMMENT\s+/.exec(words);
    if (comment) {
      keyword = 'COMMENT';
      words = words.slice(comment[0].length);
    }
    const first = /^(\S+)\s+/.exec(words);
    if (first && keywords.has(first[1] ?? '')) {
      keyword = keyword ?? first[1] ?? null;
      words = words.slice(first[0].length);
    }
    const node: OrgNode = {
      level,
      keyword,
      title: words.replace(/^\[#[A-C]\]\s*/, '').trim(),
      lines: [],
      children: [],
    };
    while ((stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
    stack[stack.length - 1]?.children.push(node);
    stack.push(node);
  }
  return root.children;
}

/** ":CHU_TRI: Văn phòng" in the node's drawer, by the folded name. */
function property(node: OrgNode, names: ReadonlySet<string> | readonly string[]): string {
  const wanted = new Set(names);
  for (const line of node.lines) {
    const m = /^\s*:([\w-]+):\s*(.*)$/u.exec(line);
    if (m && wanted.has(fieldKey(m[1] ?? ''))) return (m[2] ?? '').trim();
  }
  return '';
}

const RHYTHM: Record<string, string> = { d: 'ngày', w: 'tuần', m: 'tháng', y: 'năm' };

function timeOf(node: OrgNode): string {
  const planning = node.lines.filter((l) => /^\s*(?:SCHEDULED|DEADLINE|CLOSED):/.test(l)).join(' ');
  const scheduled = /SCHEDULED:\s*(<[^>]*>(?:--<[^>]*>)?)/.exec(planning)?.[1] ?? '';
  const deadline = /DEADLINE:\s*(<[^>]*>)/.exec(planning)?.[1] ?? '';
  const [from = '', to = ''] = Array.from(scheduled.matchAll(STAMP), (m) => m[1] ?? '');
  const due = Array.from(deadline.matchAll(STAMP), (m) => m[1] ?? '')[0] ?? '';
  const repeat = /\+(\d*)([dwmy])>/.exec(`${scheduled}${deadline}`);
  if (repeat && (repeat[1] === '' || repeat[1] === '1') && RHYTHM[repeat[2] ?? '']) {
    // "DEADLINE: <2027-01-20 +1m>" with ":LAP_DEN: 2027-06": before the 20th of each month, January to June.
    const day = (due || from).slice(8, 10);
    const first = (due || from).slice(5, 7);
    const until = /^(\d{4})-(\d{2})/.exec(property(node, ['lapden', 'repeatuntil', 'until']));
    const span = until ? `, từ tháng ${first} đến tháng ${until[2]}/${until[1]}` : '';
    const unit = RHYTHM[repeat[2] ?? ''] ?? 'tháng';
    return unit === 'tháng' && day
      ? `trước ngày ${Number(day) + 1} hằng tháng${span}`
      : `hằng ${unit}${span}`;
  }
  if (from && !to && due) return timeOfDates(from, due);
  return timeOfDates(from, to || (due ? '' : from), due);
}

function isOpen(node: OrgNode, closed: ReadonlySet<string>): boolean {
  return (
    node.keyword !== 'COMMENT' && !(node.keyword && (closed.has(node.keyword) || isClosedState(node.keyword)))
  );
}

function taskOf(node: OrgNode, closed: ReadonlySet<string>): ExportedTask {
  return {
    title: node.title,
    lead: property(node, F.lead).replace(/;\s*/g, ', '),
    support: property(node, F.support).replace(/;\s*/g, ', '),
    time: timeOf(node),
    subtasks: node.children.filter((c) => c.keyword && isOpen(c, closed)).map((c) => taskOf(c, closed)),
  };
}

function tasksUnder(
  nodes: readonly OrgNode[],
  open: ReadonlySet<string>,
  closed: ReadonlySet<string>,
): ExportedTask[] {
  const out: ExportedTask[] = [];
  for (const node of nodes) {
    if (node.keyword === 'COMMENT') continue;
    if (node.keyword && open.has(node.keyword)) out.push(taskOf(node, closed));
    else if (!node.keyword) out.push(...tasksUnder(node.children, open, closed));
  }
  return out;
}

const bullets = (node: OrgNode | undefined): string[] =>
  (node?.lines ?? []).map((l) => /^\s*[-+]\s+(.*)$/.exec(l)?.[1]?.trim() ?? '').filter(Boolean);

export function orgModeAsText(source: string): string {
  const { open, closed } = states(source);
  const keywords = new Set([...open, ...closed]);
  const headings = source.split('\n').filter((l) => {
    const m = HEADING.exec(l);
    return m && keywords.has((m[2] ?? '').split(/\s+/)[0] ?? '');
  });
  if (headings.length < MIN_TASKS) return source;
  const lines = source.split('\n').filter((l) => !/^#(?:\s|$)/.test(l));
  const nodes = tree(
    lines.filter((l) => !/^#\+/.test(l)),
    keywords,
  );
  const meta = (name: string): string =>
    new RegExp(`^#\\+${name}:\\s*(.*)$`, 'im').exec(source)?.[1]?.trim() ?? '';
  const title = meta('TITLE');
  const [name = title, body = ''] = title.split(/\s+[-–—]\s+(?=(?:Liên minh|LIÊN MINH))/u);
  const number = /\b(\d+\/[A-ZĐ]+-[A-ZĐ]+)\b/u.exec(`${meta('SUBTITLE')} ${title}`)?.[1] ?? '';
  const named = (words: RegExp): OrgNode | undefined => nodes.find((n) => !n.keyword && words.test(n.title));
  return exportedPlanAsText({
    body,
    number,
    issued: meta('DATE'),
    title: name,
    grounds: bullets(named(/^căn cứ/iu)),
    targets: bullets(named(/^chỉ tiêu/iu)),
    tasks: tasksUnder(nodes, open, closed),
    duties: bullets(named(/^(?:phân công|tổ chức thực hiện|trách nhiệm)/iu)).map((b) => {
      const [unit = '', ...rest] = b.split(':');
      return rest.length > 0 ? { unit: unit.trim(), text: rest.join(':').trim() } : { unit: '', text: b };
    }),
  });
}
