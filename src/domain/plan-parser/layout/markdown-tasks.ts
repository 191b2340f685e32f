/**
 * A plan followed in a Markdown notebook's task list (Obsidian with its Tasks plugin, or any "- [ ]" list):
 * front matter, "## " headings, and one line a task with its people and dates as marks.
 *
 *   ---
 *   ngay-ban-hanh: 2027-01-25
 *   ---
 *   ## 1. Khảo sát, lựa chọn chuỗi
 *   - [ ] Khảo sát 12 HTX … 👤 @[Ban Thị trường] 👥 @[Ban Thành viên] 🛫 2027-02-15 📅 2027-03-31 ⏫
 *   - [x] Họp Thường trực … ✅ 2027-01-22
 *       - [ ] Nộp hồ sơ … 📅 2027-07-15
 *   - [ ] Báo cáo tiến độ … 👤 @[Ban Thị trường] 🔁 every quarter 📅 2027-03-31
 *
 * The headings become roman sections, each open task a numbered item with "Chủ trì:", "Phối hợp:" and
 * time lines under it (👤 leads, 👥 helps, 🛫 starts, 📅 is the day it is due or ends, 🔁 its rhythm); a
 * task done "[x]" or cancelled "[-]" goes with the tasks under it, and a task under another shares its
 * people unless it names its own. Comments ("%% … %%") and callouts ("> …") are the notebook's, not the
 * plan's.
 */

const TASK = /^(\s*)[-*+]\s+\[([ xX\-/>!?])\]\s+(.*)$/u;
/** Tasks it takes to read a text as a task list rather than a plan with one checkbox. */
const MIN_TASKS = 3;
const ISO = /(\d{4})-(\d{2})-(\d{2})/u;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const RHYTHMS: [RegExp, string][] = [
  [/every\s+(?:quarter|3\s+months)|hằng quý|mỗi quý/iu, 'hằng quý'],
  [/every\s+month|hằng tháng|mỗi tháng/iu, 'hằng tháng'],
  [/every\s+week|hằng tuần|mỗi tuần/iu, 'hằng tuần'],
];

const dmy = (iso: string): string => {
  const m = ISO.exec(iso);
  return m ? `${m[3] ?? ''}/${m[2] ?? ''}/${m[1] ?? ''}` : iso;
};

interface People {
  lead: string[];
  support: string[];
}

/** "👤 @[Ban X] 👥 @[Văn phòng] @[Quỹ …]": who leads and who helps. */
function people(text: string): People {
  const out: People = { lead: [], support: [] };
  let role: keyof People | null = null;
  for (const m of text.matchAll(/(👤|👥)|@\[([^\]]+)\]/gu)) {
    if (m[1]) role = m[1] === '👤' ? 'lead' : 'support';
    else if (role && m[2]) out[role].push(m[2].trim());
  }
  return out;
}

/** A task line as the item and its field lines, `who` its people (its own, or its parent's). */
function taskLines(label: string, text: string, who: People): string[] {
  const start = /🛫\s*(\d{4}-\d{2}-\d{2})/u.exec(text)?.[1] ?? null;
  const due = /📅\s*(\d{4}-\d{2}-\d{2})/u.exec(text)?.[1] ?? null;
  const rhythm = RHYTHMS.find(([re]) => re.test(/🔁\s*([^👤👥🛫📅⏳✅⏫🔼🔽🔺⏬]*)/u.exec(text)?.[1] ?? ''));
  const title = text
    .replace(/(?:👤|👥|🛫|📅|⏳|✅|🔁|➕)[^👤👥🛫📅⏳✅🔁➕]*/gu, ' ')
    .replace(/[⏫🔼🔽🔺⏬]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const lines = [`${label} ${title}`];
  if (who.lead.length > 0) lines.push(`Chủ trì: ${who.lead.join(', ')}`);
  if (who.support.length > 0) lines.push(`Phối hợp: ${who.support.join(', ')}`);
  if (rhythm) lines.push(`Thời gian: ${rhythm[1]}`);
  else if (start && due && start !== due) lines.push(`Thời gian: từ ${dmy(start)} đến ${dmy(due)}`);
  else if (start && due) lines.push(`Thời gian: ngày ${dmy(due)}`);
  else if (due) lines.push(`Thời hạn: ${dmy(due)}`);
  else if (start) lines.push(`Thời gian: từ ${dmy(start)}`);
  return lines;
}

/** Front matter "ngay-ban-hanh: 2027-01-25", "co-quan: …" as the lines a plan's head has. */
function frontMatter(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const m = /^([\w-]+)\s*:\s*"?([^"]*)"?\s*$/u.exec(line);
    if (!m) continue;
    const key = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? '').trim();
    if (/co-?quan|don-?vi|organi[sz]ation/.test(key)) out.unshift(value.toUpperCase());
    else if (/ban-?hanh|issued|ngay-?ky/.test(key) && ISO.test(value)) {
      const d = ISO.exec(value);
      out.push(`ngày ${d?.[3] ?? ''} tháng ${d?.[2] ?? ''} năm ${d?.[1] ?? ''}`);
    } else if (/tieu-?de|title/.test(key)) out.push(value);
  }
  return out;
}

export function markdownTasksAsItems(text: string): string {
  const lines = text.replace(/%%[\s\S]*?%%/g, '').split('\n');
  if (lines.filter((l) => TASK.test(l)).length < MIN_TASKS) return text;
  const out: string[] = [];
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      out.push(...frontMatter(lines.slice(1, end)));
      i = end + 1;
    }
  }
  let sections = 0;
  let items = 0;
  // Open tasks by depth: their label and people, for the tasks under them.
  let stack: { indent: number; label: string; people: People; gone: boolean; children: number }[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*>/.test(line)) continue;
    const heading = /^(#{1,6})\s+(.*)$/u.exec(line);
    if (heading) {
      stack = [];
      if ((heading[1] ?? '').length === 1) out.push(heading[2] ?? '');
      else {
        // "## 1. Khảo sát, lựa chọn chuỗi": a part of the plan, its own numbering dropped.
        const words = (heading[2] ?? '').replace(/^\d{1,2}[.)]\s*/, '');
        out.push('', `${ROMAN[sections++] ?? String(sections)}. ${words.toUpperCase()}`);
        items = 0;
      }
      continue;
    }
    const task = TASK.exec(line);
    if (!task) {
      out.push(line);
      continue;
    }
    const indent = (task[1] ?? '').replace(/\t/g, '    ').length;
    stack = stack.filter((s) => s.indent < indent);
    const parent = stack.at(-1);
    const gone = /[xX\-/]/.test(task[2] ?? '') || parent?.gone === true;
    const label = parent ? `${parent.label}.${++parent.children}` : `${sections}.${++items}`;
    const own = people(task[3] ?? '');
    const who =
      own.lead.length + own.support.length > 0 ? own : (parent?.people ?? { lead: [], support: [] });
    stack.push({ indent, label, people: who, gone, children: 0 });
    if (!gone) out.push(...taskLines(`${label}.`, task[3] ?? '', who));
  }
  return out.join('\n');
}
