/**
 * A plan's tasks kept as a todo.txt file (todotxt.org) by the office that follows them:
 *
 *   # Danh sách việc theo Kế hoạch số 09/KH-LMHTX ngày 05/02/2027 "Tổ chức Ngày hội …".
 *   # Mã đơn vị: VP = Văn phòng; TTC = Trung tâm …
 *   x 2027-02-05 2027-01-22 Ban hành Kế hoạch … @VP due:2027-02-05
 *   (B) 2027-02-05 Vận động HTX … @TTC ph:VPDDBK +NgayHoiChe t:2027-03-01 due:2027-04-10
 *   (B) 2027-02-05 Báo cáo tiến độ … @PTHTX @TTC due:2027-02-25 rec:thang until:2027-06
 *
 * An open line is a task: its words without the tags are the title, each "@code" a lead, "ph:" (or
 * "phoihop:") the supporting units, "t:" its first day and "due:" its last, "rec:" with "until:" a
 * recurring task. A done line ("x …") or one whose "status:" is closed is none, nor a note with no
 * unit, date or priority. The priority, the creation date and "+project" say nothing the plan needs.
 * It becomes the plan as an agency writes it (task-export.ts), the codes of the notes' legend written out.
 */
import { codeLegend, headerFacts, unitsOfCodes } from './header-notes';
import { dayOf, exportedPlanAsText, isClosedState, timeOfDates, type ExportedTask } from './task-export';

const ISO = String.raw`\d{4}-\d{2}-\d{2}`;
/** "(A) 2027-02-05 Việc … @VP due:2027-03-05": a priority or a unit or a due date marks a task line. */
const TASK_LINE = new RegExp(
  String.raw`^(?:x\s+|\([A-Z]\)\s+)?(?:${ISO}\s+){0,2}\S.*(?:\s@\S+|\sdue:${ISO})`,
);

const looksLikeTodoTxt = (lines: readonly string[]): boolean =>
  lines.filter((l) => TASK_LINE.test(l) && /\s(?:due|t):\d{4}-/.test(l)).length >= 3;

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

function timeOf(tags: ReadonlyMap<string, string>): string {
  const start = tags.get('t') ?? tags.get('start') ?? '';
  const due = tags.get('due') ?? '';
  const rhythm = RHYTHM[(tags.get('rec') ?? '').toLowerCase()];
  // Without "t:" the task runs from the plan's issue, which the parser takes as its start.
  if (!rhythm) return start ? timeOfDates(start, due || start) : timeOfDates('', '', due);
  // "due:2027-02-25 rec:thang until:2027-06": on the 25th of each month, from February through June.
  const first = /^(\d{4})-(\d{2})-(\d{2})/.exec(due || start);
  const last = /^(\d{4})-(\d{2})/.exec(tags.get('until') ?? '');
  const day = first ? `, chậm nhất ngày ${Number(first[3])}` : '';
  const span = first && last ? `, từ tháng ${Number(first[2])} đến tháng ${Number(last[2])}/${last[1]}` : '';
  return `${rhythm}${day}${span || (dayOf(due) ? ` từ ${dayOf(due)}` : '')}`;
}

function taskOfLine(line: string, legend: ReadonlyMap<string, string>): ExportedTask | null {
  if (/^x\s/.test(line)) return null;
  const leads: string[] = [];
  const tags = new Map<string, string>();
  const words: string[] = [];
  const body = line.replace(new RegExp(String.raw`^(?:\([A-Z]\)\s+)?(?:${ISO}\s+)?`), '');
  for (const word of body.split(/\s+/)) {
    const tag = /^([a-z]+):(\S+)$/i.exec(word);
    if (/^@\S/.test(word)) leads.push(word.slice(1));
    else if (tag?.[1] && tag[2] && !/^https?$/i.test(tag[1])) tags.set(tag[1].toLowerCase(), tag[2]);
    else if (!/^\+\S/.test(word)) words.push(word);
  }
  if (isClosedState(tags.get('status') ?? '')) return null;
  const title = words.join(' ').trim();
  if (!title) return null;
  return {
    title,
    lead: unitsOfCodes(leads.join(','), legend),
    support: unitsOfCodes(tags.get('ph') ?? tags.get('phoihop') ?? '', legend),
    time: timeOf(tags),
    subtasks: [],
  };
}

export function todoTxtAsText(source: string): string {
  const lines = source.split('\n').map((l) => l.trim());
  if (!looksLikeTodoTxt(lines)) return source;
  const notes = lines
    .filter((l) => l.startsWith('#'))
    .map((l) => l.replace(/^#+\s?/, ''))
    .join('\n');
  const legend = codeLegend(notes);
  const tasks = lines
    .filter((l) => TASK_LINE.test(l) && !l.startsWith('#'))
    .map((l) => taskOfLine(l, legend))
    .filter((t): t is ExportedTask => t !== null);
  return exportedPlanAsText({ ...headerFacts(notes), grounds: [], targets: [], tasks, duties: [] });
}
