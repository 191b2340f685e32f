/** Read-only commands: /tasks, /task, /upcoming, /overdue. */
import { addDays, toLocalDate, workingDaysBetween } from '../../domain/calendar';
import { findTasks } from '../../store/task-repository';
import { recentUpdates } from '../../store/status-updates';
import { evidenceLabel } from './change';
import type { TaskRecord } from '../../store/types';
import { taskArg } from '../args';
import type { CommandContext, CommandHandler } from '../context';
import { formatDate, formatWindow } from '../../shared/date-format';
import type { Reply } from '../messages';
import { ReplyBuilder, bold, textReply } from '../reply';
import { matchDepartment } from '../../store/org-repository';
import { anyDamaged, checkTitle, markDamaged } from '../../domain/ocr-check';
import { deadlineOf, isOverdue } from '../../domain/status-report';
import { recentEdits } from '../../store/task-edits';
import { describeEntry } from './history';

const LIST_LIMIT = 25;

export function taskLine(ctx: CommandContext, task: TaskRecord, department?: string): string {
  const deadline = deadlineOf(task);
  const when = deadline
    ? ctx.t('common.due', { date: formatDate(deadline) })
    : ctx.t(task.kind === 'duty' ? 'common.standing' : 'common.noDate');
  let state =
    task.status === 'open'
      ? ''
      : ` [${ctx.t(`status.${task.status}`)}${task.status === 'in_progress' ? ` ${task.progress}%` : ''}]`;
  if (department && !task.lead.includes(department)) state += ctx.t('tasks.support');
  return ctx.t('tasks.line', { number: task.number, title: markDamaged(task.title), when, state });
}

function listReply(
  ctx: CommandContext,
  title: string,
  tasks: TaskRecord[],
  line: (t: TaskRecord) => string,
): Reply {
  const r = new ReplyBuilder().line(bold(title));
  for (const task of tasks.slice(0, LIST_LIMIT)) r.line(line(task));
  if (tasks.length > LIST_LIMIT) r.line(ctx.t('common.more', { count: tasks.length - LIST_LIMIT }));
  if (anyDamaged(tasks.slice(0, LIST_LIMIT).map((t) => t.title))) r.line(ctx.t('common.damagedLegend'));
  return r.build();
}

/** The department a read command is about: named in the arguments, else the group's own. */
function departmentFor(ctx: CommandContext, args: string): { slug: string } | { reply: Reply } | null {
  if (args) {
    const list = ctx.departments.map((d) => d.name).join(', ');
    const found = matchDepartment(ctx.departments, args);
    if (found.length === 1) return { slug: found[0]!.slug };
    if (found.length > 1)
      return {
        reply: textReply(
          ctx.t('errors.departmentAmbiguous', { value: args, list: found.map((d) => d.name).join(', ') }),
        ),
      };
    return { reply: textReply(ctx.t('errors.departmentNotFound', { value: args, list })) };
  }
  return ctx.binding?.role === 'department' && ctx.binding.department
    ? { slug: ctx.binding.department }
    : null;
}

export const tasks: CommandHandler = async (ctx, args) => {
  const dept = departmentFor(ctx, args);
  if (!dept) return [textReply(ctx.t('errors.noDepartment'))];
  if ('reply' in dept) return [dept.reply];
  const open = await findTasks(ctx.org!.id, { department: dept.slug, open: true });
  const name = ctx.deptName(dept.slug);
  if (open.length === 0) return [textReply(ctx.t('tasks.none', { department: name }))];
  return [
    listReply(ctx, ctx.t('tasks.title', { department: name, count: open.length }), open, (t) =>
      taskLine(ctx, t, dept.slug),
    ),
  ];
};

export const task: CommandHandler = async (ctx, args) => {
  const checked = await taskArg(ctx, args.split(/\s+/)[0] ?? '', '/task 12');
  if (!checked.ok) return [checked.reply];
  const t = checked.value;
  const names = (slugs: string[]) => slugs.map((s) => ctx.deptName(s)).join(', ');
  const r = new ReplyBuilder().line(bold(ctx.t('task.title', { number: t.number, title: t.title })));
  const ocr = checkTitle(t.title);
  if (ocr.damaged)
    r.line(
      ctx.t(ocr.words.length ? 'task.ocrWords' : 'task.ocrAccents', {
        number: t.number,
        words: ocr.words.join(', '),
      }),
    );
  if (t.planTitle) r.line(ctx.t('task.plan', { plan: t.planTitle }));
  if (t.series) r.line(ctx.t('task.series', { index: t.series.index, count: t.series.count }));
  r.line(ctx.t('task.lead', { lead: t.lead.length ? names(t.lead) : ctx.t('common.noLead') }));
  if (t.support.length) r.line(ctx.t('task.support', { support: names(t.support) }));
  r.line(
    ctx.t('task.window', {
      window: formatWindow(t.start, t.end),
      // The words of the plan only when they say more than the dates ("cuối tháng 6"), not "25/12 (25/12)".
      timeText:
        t.timeText && !/^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$/.test(t.timeText.trim())
          ? ` (${t.timeText})`
          : '',
    }),
  );
  if (t.source) r.line(ctx.t('work.source', { source: t.source }));
  for (const line of deadlineLines(ctx, t)) r.line(line);
  if (t.attachments.length)
    r.line(ctx.t('evidence.inTask', { list: t.attachments.map((e) => evidenceLabel(ctx, e)).join(', ') }));
  r.line(ctx.t('task.state', { status: ctx.t(`status.${t.status}`), progress: t.progress }));
  if (t.status === 'blocked' && t.blockedReason)
    r.line(ctx.t('task.blockedReason', { reason: t.blockedReason }));
  const updates = await recentUpdates(t.id);
  r.line(updates.length ? ctx.t('task.updatesTitle') : ctx.t('task.noUpdates'));
  for (const u of updates) {
    const what = `${ctx.t(`status.${u.after?.status ?? t.status}`)} ${u.after?.progress ?? t.progress}%${u.note ? ` – ${u.note}` : ''}`;
    r.line(
      ctx.t('task.updateLine', { date: formatDate(toLocalDate(u.at, ctx.deps.tz)), user: u.userName, what }),
    );
  }
  const edits = await recentEdits(t.id);
  if (edits.length) r.line(ctx.t('task.editsTitle'));
  for (const e of edits)
    r.line(
      ctx.t('task.updateLine', {
        date: formatDate(toLocalDate(e.at, ctx.deps.tz)),
        user: e.userName,
        what: describeEntry(ctx, { kind: 'edit', ...e }),
      }),
    );
  if (t.status !== 'done') r.line(ctx.t('task.howTo', { number: t.number }));
  return [r.build()];
};

/** "gia hạn 1 lần, hạn gốc 15/05/2025" and a request still waiting, for /task and /history. */
export function deadlineLines(ctx: CommandContext, t: TaskRecord): string[] {
  const lines: string[] = [];
  const original = t.originalEnd ?? t.extensions[0]?.from;
  if (t.extensions.length && original)
    lines.push(ctx.t('deadlines.extended', { count: t.extensions.length, original: formatDate(original) }));
  if (t.extensionRequest) lines.push(ctx.t('deadlines.pending', { to: formatDate(t.extensionRequest.to) }));
  return lines;
}

/** Tasks of this group: its department's, or everyone's in the leadership group. */
async function groupTasks(ctx: CommandContext): Promise<TaskRecord[]> {
  const dept = ctx.binding?.role === 'department' ? (ctx.binding.department ?? undefined) : undefined;
  return findTasks(ctx.org!.id, { department: dept, open: true });
}

export const upcoming: CommandHandler = async (ctx, args) => {
  const raw = args.trim();
  const days = raw ? Number(raw) : 14;
  if (!/^\d{1,3}$/.test(raw || '14') || days < 1 || days > 365)
    return [textReply(ctx.t('errors.badDays', { value: raw.slice(0, 20) }))];
  const until = addDays(ctx.today, days);
  const due = (await groupTasks(ctx)).filter((t) => {
    const deadline = deadlineOf(t);
    return deadline !== null && deadline >= ctx.today && deadline <= until;
  });
  if (due.length === 0) return [textReply(ctx.t('tasks.upcomingNone', { days }))];
  return [
    listReply(ctx, ctx.t('tasks.upcomingTitle', { days, count: due.length }), due, (t) =>
      taskLine(ctx, t, ctx.binding?.department ?? undefined),
    ),
  ];
};

export const overdue: CommandHandler = async (ctx) => {
  const late = (await groupTasks(ctx)).filter((t) => isOverdue(t, ctx.today));
  if (late.length === 0) return [textReply(ctx.t('tasks.overdueNone'))];
  return [
    listReply(ctx, ctx.t('tasks.overdueTitle', { count: late.length }), late, (t) => {
      const days = workingDaysBetween(t.end!, ctx.today, ctx.deps.calendar);
      return `${taskLine(ctx, t, ctx.binding?.department ?? undefined)} (${ctx.t('tasks.lateBy', { days })})`;
    }),
  ];
};
