/**
 * Changing the plan from chat: /edit (title, window, lead, support), /assign, /add, /delete (confirmed
 * with /confirm). Only the leadership group and admins may; every change is audited and re-plans the
 * task's reminders at once.
 */
import { foldVietnamese } from '../../domain/calendar';
import { classifyKind, readTime, yearWindow } from '../../domain/plan-parser';
import type { LocalDate } from '../../domain/task';
import { matchDepartment } from '../../store/org-repository';
import { savePendingDelete, takePending, type PendingRecord } from '../../store/pending-actions';
import { findTaskByNumber } from '../../store/task-repository';
import { addTask, deleteTask, type EditMeta, type TaskPatch } from '../../store/task-edits';
import { applyTaskChange, refusalReply, replan } from './change';
import { postToDepartments } from '../notify';
import type { TaskRecord } from '../../store/types';
import { clip, taskArg, type Checked, notFoundText } from '../args';
import { splitFirst } from '../command-parser';
import type { CommandContext, CommandHandler } from '../context';
import { formatDate, formatWindow } from '../../shared/date-format';
import type { Reply } from '../messages';
import { mayManagePlan } from '../permissions';
import { planRefusalText, refusalText } from '../refusal';
import { offDayNote } from '../date-note';
import { ReplyBuilder, textReply } from '../reply';

const MAX_TITLE = 300;

export type Field = 'title' | 'start' | 'end' | 'lead' | 'support';

/** Field words people type (folded), longest first so "ngay bat dau" wins over "bat dau". */
const FIELD_WORDS: Array<[string, Field]> = [
  ['ngay bat dau', 'start'],
  ['ngay ket thuc', 'end'],
  ['thoi han', 'end'],
  ['han chot', 'end'],
  ['bat dau', 'start'],
  ['ket thuc', 'end'],
  ['chu tri', 'lead'],
  ['phoi hop', 'support'],
  ['noi dung', 'title'],
  ['ten', 'title'],
  ['title', 'title'],
  ['han', 'end'],
  ['due', 'end'],
  ['deadline', 'end'],
  ['end', 'end'],
  ['start', 'start'],
  ['lead', 'lead'],
  ['support', 'support'],
];

function meta(ctx: CommandContext, suffix = ''): EditMeta {
  const { msg } = ctx;
  return {
    by: { platform: msg.platform, chatId: msg.chat.id, userId: msg.user.id, userName: msg.user.name },
    dedupeKey: `${msg.platform}:${msg.chat.id}:${msg.messageId ?? `${msg.user.id}:${ctx.now.getTime()}`}${suffix}`,
    messageId: msg.messageId ?? null,
    text: msg.text,
    at: ctx.now,
  };
}

/** A change of the plan refused: about the task when one is named, else about the group. */
function refused(ctx: CommandContext, task?: TaskRecord): Reply {
  return textReply(task ? refusalText(ctx, task, 'plan') : planRefusalText(ctx, 'plan'));
}

/** Splits "hạn 20/4/2025" into the field and its value; the value keeps its accents and case. */
function fieldOf(rest: string): { field: Field; value: string } | null {
  const words = rest.split(/\s+/).filter(Boolean);
  for (const [phrase, field] of FIELD_WORDS) {
    const n = phrase.split(' ').length;
    if (words.length < n) continue;
    const head = foldVietnamese(words.slice(0, n).join(' ')).replace(/[:=]$/, '');
    if (head === phrase)
      return {
        field,
        value: words
          .slice(n)
          .join(' ')
          .replace(/^[:=]\s*/, ''),
      };
  }
  return null;
}

/** "20/4/2025", "20/4" (this year), or time words ("cuối tháng 5", "trước ngày 15/5") read as the importer reads them. */
const PLAIN_DATE = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/;

export function dateArg(
  ctx: CommandContext,
  raw: string,
  which: 'start' | 'end',
  year: number,
): Checked<LocalDate> {
  const bad = { ok: false as const, reply: textReply(ctx.t('edit.badDate', { value: clip(raw) })) };
  const m = PLAIN_DATE.exec(raw.trim());
  if (m) {
    const y = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : year;
    const month = Number(m[2]);
    const day = Number(m[1]);
    const d = new Date(Date.UTC(y, month - 1, day));
    if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return bad;
    return { ok: true, value: d.toISOString().slice(0, 10) };
  }
  const reading = readTime(raw, { year, plan: yearWindow(year) });
  if (!reading.window) return bad;
  return { ok: true, value: which === 'start' ? reading.window.start : reading.window.end };
}

/** "văn phòng, phòng kế hoạch" → slugs; each name must match one department. */
function departmentsArg(ctx: CommandContext, raw: string): Checked<string[]> {
  const names = raw
    .split(/\s*(?:,|;|\bvà\b|\bva\b|\+)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0)
    return { ok: false, reply: textReply(ctx.t('edit.missingDepartment', { list: departmentList(ctx) })) };
  const slugs: string[] = [];
  for (const name of names) {
    const found = matchDepartment(ctx.departments, name);
    if (found.length !== 1) {
      const key = found.length > 1 ? 'errors.departmentAmbiguous' : 'errors.departmentNotFound';
      const list = found.length > 1 ? found.map((d) => d.name).join(', ') : departmentList(ctx);
      return { ok: false, reply: textReply(ctx.t(key, { value: clip(name), list })) };
    }
    if (!slugs.includes(found[0]!.slug)) slugs.push(found[0]!.slug);
  }
  return { ok: true, value: slugs };
}

function departmentList(ctx: CommandContext): string {
  return ctx.departments.map((d) => d.name).join(', ');
}

/** "+trung tâm hỗ trợ", "-văn phòng", or a plain list that replaces the supporting departments. */
function supportPatch(ctx: CommandContext, task: TaskRecord, raw: string): Checked<string[]> {
  const parts = raw
    .split(/\s*[,;]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!parts.some((p) => /^[+-]/.test(p))) return departmentsArg(ctx, raw);
  let support = [...task.support];
  for (const part of parts) {
    const sign = part[0] === '-' ? '-' : '+';
    const found = departmentsArg(ctx, part.replace(/^[+-]\s*/, ''));
    if (!found.ok) return found;
    support =
      sign === '+'
        ? [...support, ...found.value.filter((s) => !support.includes(s))]
        : support.filter((s) => !found.value.includes(s));
  }
  return { ok: true, value: support };
}

function show(ctx: CommandContext, field: Field, value: TaskRecord[Field]): string {
  if (field === 'lead' || field === 'support') {
    const list = value as string[];
    return list.length ? list.map((s) => ctx.deptName(s)).join(', ') : '—';
  }
  if (field === 'start' || field === 'end') return value ? formatDate(value as string) : '—';
  return String(value ?? '—');
}

export async function applyEdit(
  ctx: CommandContext,
  task: TaskRecord,
  field: Field,
  value: string,
): Promise<Reply[]> {
  const year = Number((task.end ?? task.start ?? ctx.today).slice(0, 4));
  let patch: TaskPatch;
  switch (field) {
    case 'title': {
      const title = value.normalize('NFC').trim();
      if (!title) return [textReply(ctx.t('edit.missingValue', { number: task.number }))];
      if (title.length > MAX_TITLE)
        return [textReply(ctx.t('edit.titleTooLong', { length: title.length, max: MAX_TITLE }))];
      patch = { title };
      break;
    }
    case 'start':
    case 'end': {
      if (!value) return [textReply(ctx.t('edit.missingValue', { number: task.number }))];
      const d = dateArg(ctx, value, field, year);
      if (!d.ok) return [d.reply];
      const start = field === 'start' ? d.value : task.start;
      const end = field === 'end' ? d.value : task.end;
      if (start && end && start > end)
        return [
          textReply(
            ctx.t('edit.startAfterEnd', {
              start: formatDate(start),
              end: formatDate(end),
              number: task.number,
            }),
          ),
        ];
      // A task that had no window gets a one-day window rather than half of one.
      patch =
        field === 'end'
          ? { end: d.value, ...(task.start ? {} : { start: d.value }) }
          : { start: d.value, ...(task.end ? {} : { end: d.value }) };
      break;
    }
    case 'lead': {
      const d = departmentsArg(ctx, value);
      if (!d.ok) return [d.reply];
      patch = { lead: d.value, support: task.support.filter((s) => !d.value.includes(s)) };
      break;
    }
    case 'support': {
      const d = supportPatch(ctx, task, value);
      if (!d.ok) return [d.reply];
      patch = { support: d.value.filter((s) => !task.lead.includes(s)) };
      break;
    }
  }
  const unchanged = (Object.keys(patch) as Array<keyof TaskPatch>).every(
    (k) => JSON.stringify(patch[k]) === JSON.stringify(task[k]),
  );
  if (unchanged) return [textReply(ctx.t('edit.unchanged', { number: task.number }))];
  const result = await applyTaskChange(ctx, task, { kind: 'edit', patch });
  if (result.kind === 'duplicate') return [textReply(ctx.t('change.duplicate'))];
  if (result.kind === 'refused')
    return [result.code === 'not-allowed' ? refused(ctx, task) : refusalReply(ctx, result.task, result.code)];
  // Work given to a department in chat: its group is told at once, not at the next reminder.
  if (field === 'lead' || field === 'support') {
    const given = result.task[field].filter((s) => !result.before[field].includes(s));
    if (given.length) await announceWork(ctx, result.task, given);
  }
  const r = new ReplyBuilder().line(
    ctx.t('edit.changed', {
      number: task.number,
      field: ctx.t(`edit.field.${field}`),
      before: show(ctx, field, result.before[field]),
      after: show(ctx, field, result.task[field]),
      title: clip(result.task.title, 80),
    }),
  );
  const note = field === 'start' || field === 'end' ? offDayNote(ctx, result.task[field]) : null;
  if (note) r.line(note);
  return [r.build(true)];
}

export const edit: CommandHandler = async (ctx, args) => {
  const [num, rest] = splitFirst(args);
  const task = await taskArg(ctx, num, '/edit 12 hạn 20/4/2025');
  if (!task.ok) return [task.reply];
  if (!mayManagePlan(task.value.org, ctx.binding, ctx.isAdmin)) return [refused(ctx, task.value)];
  const parsed = fieldOf(rest);
  if (!parsed) return [textReply(ctx.t('edit.usage', { number: task.value.number }))];
  return applyEdit(ctx, task.value, parsed.field, parsed.value);
};

/** /assign 12 văn phòng: the lead edit under the word people use for it. */
export const assign: CommandHandler = async (ctx, args) => {
  const [num, rest] = splitFirst(args);
  // A leader replying to a person's message (a meeting's conclusion, a request passed on) with
  // "/giao <phòng> hạn <ngày>": that message becomes a new task, given to the department — no retyping.
  const quoted = ctx.msg.replyTo;
  if (quoted?.text?.trim() && !quoted.fromBot && !/^#?\d+$/.test(num)) {
    if (!num) return [textReply(ctx.t('edit.missingDepartment', { list: departmentList(ctx) }))];
    return add(ctx, taskFromQuote(quoted.text, args, quoted.author?.name));
  }
  const task = await taskArg(ctx, num, '/assign 12 văn phòng');
  if (!task.ok) return [task.reply];
  if (!mayManagePlan(task.value.org, ctx.binding, ctx.isAdmin)) return [refused(ctx, task.value)];
  if (!rest) return [textReply(ctx.t('edit.missingDepartment', { list: departmentList(ctx) }))];
  return applyEdit(ctx, task.value, 'lead', rest.replace(/^(cho|to)\s+/i, ''));
};

/**
 * "/add" arguments for a quoted message given with "/giao văn phòng hạn 30/6": its first line is the title
 * (a "|" in it would split the fields), the department comes before "hạn", and the author is the source.
 */
function taskFromQuote(text: string, args: string, author?: string): string {
  const title = clip(text.trim().split('\n')[0]!.replace(/\|/g, '/'), MAX_TITLE);
  const m = /^(.*?)\s+(?:hạn|han|deadline)\s*:?\s+(.+)$/iu.exec(args.trim());
  const parts = [title, `chủ trì: ${(m ? m[1]! : args).trim()}`];
  if (m) parts.push(`hạn: ${m[2]!.trim()}`);
  if (author) parts.push(`nguồn: tin nhắn của ${clip(author, 60)}`);
  return parts.join(' | ');
}

/** "/add Tên việc | chủ trì: văn phòng | phối hợp: … | hạn: trước ngày 15/5" */
export const add: CommandHandler = async (ctx, args) => {
  if (!mayManagePlan(ctx.org?.id ?? null, ctx.binding, ctx.isAdmin)) return [refused(ctx)];
  const [titlePart = '', ...fields] = args.split('|').map((s) => s.trim());
  const title = titlePart.normalize('NFC');
  if (!title) return [textReply(ctx.t('edit.addUsage'))];
  if (title.length > MAX_TITLE)
    return [textReply(ctx.t('edit.titleTooLong', { length: title.length, max: MAX_TITLE }))];
  let lead: string[] = [];
  let support: string[] = [];
  let timeText: string | null = null;
  let source: string | null = null;
  for (const f of fields) {
    // "nguồn: KL giao ban 12/5": where the work came from, kept and told to those who must do it.
    const from = /^(?:nguồn|nguon|source)\s*:?\s*(.+)$/iu.exec(f);
    if (from) {
      source = clip(from[1]!.trim(), 200);
      continue;
    }
    const parsed = fieldOf(f.replace(/^([^:]+):/, '$1 '));
    if (!parsed || parsed.field === 'title' || parsed.field === 'start')
      return [textReply(ctx.t('edit.addBadPart', { part: clip(f) }))];
    if (parsed.field === 'end') timeText = parsed.value;
    else {
      const d = departmentsArg(ctx, parsed.value);
      if (!d.ok) return [d.reply];
      if (parsed.field === 'lead') lead = d.value;
      else support = d.value;
    }
  }
  const year = Number(ctx.today.slice(0, 4));
  let window: { start: LocalDate; end: LocalDate } | null = null;
  let deadline = false;
  if (timeText) {
    const asDate = dateArg(ctx, timeText, 'end', year);
    const reading = readTime(timeText, { year, plan: yearWindow(year) });
    if (reading.window) {
      window = reading.window;
      deadline = reading.deadline;
    } else if (asDate.ok) window = { start: asDate.value, end: asDate.value };
    else return [asDate.reply];
  }
  const kind = classifyKind({ title, committee: false, deadline, hasPeaks: false, recurring: false });
  const { task, duplicate } = await addTask(
    ctx.org!.id,
    year,
    ctx.t('edit.chatPlanTitle', { year }),
    {
      title,
      kind,
      lead,
      support: support.filter((s) => !lead.includes(s)),
      start: window?.start ?? null,
      end: window?.end ?? null,
      timeText,
      source,
    },
    meta(ctx),
  );
  if (duplicate) return [textReply(ctx.t('change.duplicate'))];
  await replan(ctx, task.id);
  await announceWork(ctx, task, [...task.lead, ...task.support]);
  const r = new ReplyBuilder().line(
    ctx.t('edit.added', { number: task.number, title: clip(task.title, 80) }),
  );
  r.line(
    ctx.t('task.lead', {
      lead: lead.length ? lead.map((s) => ctx.deptName(s)).join(', ') : ctx.t('common.noLead'),
    }),
  );
  // The words as typed only when they say more than the dates do ("trước ngày 15/5"), not "25/12 (25/12)".
  const typedDate = timeText !== null && PLAIN_DATE.test(timeText.trim());
  r.line(
    ctx.t('task.window', {
      window: formatWindow(task.start, task.end),
      timeText: timeText && !typedDate ? ` (${timeText})` : '',
    }),
  );
  const note = offDayNote(ctx, task.end);
  if (note) r.line(note);
  // Accepted without a deadline, said plainly: the work is kept as typed (a secretary on a phone should
  // not retype the whole line), and the one command that makes it reminded is given. Refusing would lose
  // what was typed; accepting silently left a task no reminder ever reaches.
  if (!task.end) r.line(ctx.t('edit.noDeadline', { number: task.number }));
  return [r.build(true)];
};

/** "📌 Việc mới được giao: …" to the groups of the departments the work was given to. */
async function announceWork(ctx: CommandContext, task: TaskRecord, departments: string[]): Promise<void> {
  const names = (slugs: string[]) => slugs.map((s) => ctx.deptName(s)).join(', ') || '—';
  const vars = {
    number: task.number,
    title: clip(task.title, 120),
    lead: names(task.lead),
    support: names(task.support),
    window: formatWindow(task.start, task.end),
    source: task.source ?? '—',
    who: ctx.msg.user.name,
  };
  await postToDepartments(ctx, departments, (tr) => ({ segments: [{ text: tr('work.given', vars) }] }));
}

/** /delete 12 asks; /confirm deletes. */
export const remove: CommandHandler = async (ctx, args) => {
  const task = await taskArg(ctx, args.split(/\s+/)[0] ?? '', '/delete 12');
  if (!task.ok) return [task.reply];
  if (!mayManagePlan(task.value.org, ctx.binding, ctx.isAdmin)) return [refused(ctx, task.value)];
  await savePendingDelete(
    { platform: ctx.msg.platform, chatId: ctx.msg.chat.id, userId: ctx.msg.user.id },
    { org: ctx.org!.slug, taskNumber: task.value.number },
    ctx.now,
  );
  return [
    textReply(ctx.t('edit.deleteAsk', { number: task.value.number, title: clip(task.value.title, 80) })),
  ];
};

export async function confirmDelete(
  ctx: CommandContext,
  pending: Extract<PendingRecord, { kind: 'delete' }>,
): Promise<Reply[]> {
  const task = ctx.org ? await findTaskByNumber(ctx.org.id, pending.taskNumber) : null;
  if (!task || ctx.org?.slug !== pending.org) {
    await takePending(pending.id);
    return [textReply(notFoundText(ctx, pending.taskNumber))];
  }
  if (!mayManagePlan(task.org, ctx.binding, ctx.isAdmin)) return [refused(ctx, task)];
  await deleteTask(task, meta(ctx));
  await takePending(pending.id);
  await replan(ctx, task.id); // a deleted task's pending reminders are removed
  return [textReply(ctx.t('edit.deleted', { number: task.number, title: clip(task.title, 80) }))];
}
