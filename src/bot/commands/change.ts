/** Commands that change a task: /done, /update, /blocked, and replies to reminders. */
import { toLocalDate, workingDaysBetween } from '../../domain/calendar';
import { applyChange, type UpdateAction } from '../../store/status-updates';
import type { TaskRecord } from '../../store/types';
import { noteArg, percentArg, taskArg } from '../args';
import type { CommandContext, CommandHandler } from '../context';
import { formatDate } from '../format';
import type { Reply } from '../messages';
import { mayChange, type ChangeKind } from '../permissions';
import { ReplyBuilder, textReply } from '../reply';
import { splitFirst } from '../command-parser';

export const done: CommandHandler = async (ctx, args) => {
  const [num, rest] = splitFirst(args);
  const task = await taskArg(ctx, num, '/done 12');
  if (!task.ok) return [task.reply];
  const note = noteArg(ctx, rest);
  if (!note.ok) return [note.reply];
  return change(ctx, task.value, 'done', { note: note.value });
};

export const update: CommandHandler = async (ctx, args) => {
  const [num, rest] = splitFirst(args);
  const task = await taskArg(ctx, num, '/update 12 60%');
  if (!task.ok) return [task.reply];
  // "60%" or "60 %" followed by an optional note.
  const m = /^(\S+?)(\s*%)?(?:\s+([\s\S]*))?$/.exec(rest);
  const pct = percentArg(ctx, m ? `${m[1]}${m[2] ? '%' : ''}` : '', task.value.number);
  if (!pct.ok) return [pct.reply];
  const note = noteArg(ctx, m?.[3] ?? '');
  if (!note.ok) return [note.reply];
  return change(ctx, task.value, 'progress', { progress: pct.value, note: note.value });
};

export const blocked: CommandHandler = async (ctx, args) => {
  const [num, rest] = splitFirst(args);
  const task = await taskArg(ctx, num, '/blocked 12 chờ ý kiến');
  if (!task.ok) return [task.reply];
  if (!rest) return [textReply(ctx.t('errors.missingReason', { number: task.value.number }))];
  const note = noteArg(ctx, rest);
  if (!note.ok) return [note.reply];
  return change(ctx, task.value, 'blocked', { note: note.value });
};

/**
 * A reply to a reminder: "xong", "đã hoàn thành", "done" finish the task; "80%" reports progress;
 * anything else is kept as a note, so nothing a user wrote to the bot is dropped.
 */
export async function replyToReminder(ctx: CommandContext, task: TaskRecord): Promise<Reply[]> {
  const text = ctx.msg.text.normalize('NFC').trim();
  // Unlike foldVietnamese this keeps every character in place, so the note can be cut from the original text.
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
  const pct = /^(\d{1,3})\s*%\s*(.*)$/s.exec(text);
  if (pct) {
    const checked = percentArg(ctx, `${pct[1]}%`, task.number);
    if (!checked.ok) return [checked.reply];
    const note = noteArg(ctx, pct[2] ?? '');
    if (!note.ok) return [note.reply];
    return change(ctx, task, 'progress', { progress: checked.value, note: note.value });
  }
  const doneWords = /^(xong|da xong|hoan thanh|da hoan thanh|done|finished|completed)\b[\s.!,:-]*(.*)$/s.exec(
    folded,
  );
  if (doneWords) {
    const note = noteArg(ctx, text.slice(text.length - (doneWords[2] ?? '').length));
    if (!note.ok) return [note.reply];
    return change(ctx, task, 'done', { note: note.value });
  }
  const note = noteArg(ctx, text);
  if (!note.ok) return [note.reply];
  return change(ctx, task, 'note', { note: note.value });
}

async function change(
  ctx: CommandContext,
  task: TaskRecord,
  action: UpdateAction,
  opts: { progress?: number; note: string | null },
): Promise<Reply[]> {
  const kind: ChangeKind = action === 'progress' || action === 'note' ? 'progress' : 'state';
  if (!mayChange(task, ctx.binding, ctx.isAdmin, kind)) return [refusal(ctx, task)];
  if (action === 'done' && task.status === 'done' && task.completedAt) {
    return [
      textReply(
        ctx.t('errors.alreadyDone', {
          number: task.number,
          date: formatDate(toLocalDate(task.completedAt, ctx.deps.tz)),
        }),
      ),
    ];
  }
  const { msg } = ctx;
  const result = await applyChange({
    task,
    action,
    progress: opts.progress,
    note: opts.note,
    by: { platform: msg.platform, chatId: msg.chat.id, userId: msg.user.id, userName: msg.user.name },
    dedupeKey: `${msg.platform}:${msg.chat.id}:${msg.messageId ?? `${msg.user.id}:${ctx.now.getTime()}`}`,
    messageId: msg.messageId ?? null,
    text: msg.text,
    at: ctx.now,
  });
  if (result.duplicate) return [textReply(ctx.t('change.duplicate'))];
  await ctx.deps
    .onTaskChanged?.(task.id)
    .catch((err: unknown) => ctx.deps.logger.error({ err, task: task.id }, 'could not re-plan reminders'));

  const t = result.task;
  const r = new ReplyBuilder();
  if (t.status === 'done' && result.before.status !== 'done') {
    const lateDays = t.end ? workingDaysBetween(t.end, ctx.today, ctx.deps.calendar) : 0;
    r.line(
      ctx.t('change.done', {
        number: t.number,
        title: t.title,
        late: lateDays > 0 ? ctx.t('change.doneLate', { days: lateDays }) : '',
      }),
    );
  } else if (action === 'blocked') {
    r.line(ctx.t('change.blocked', { number: t.number, title: t.title, reason: opts.note ?? '' }));
  } else if (action === 'progress') {
    r.line(
      ctx.t('change.progress', {
        number: t.number,
        title: t.title,
        before: result.before.progress,
        after: t.progress,
      }),
    );
  } else {
    r.line(ctx.t('change.note', { number: t.number, title: t.title }));
  }
  if (opts.note && action !== 'blocked') r.line(ctx.t('change.noteEcho', { note: opts.note }));
  return [r.build(true)];
}

function refusal(ctx: CommandContext, task: TaskRecord): Reply {
  const who = [
    task.lead.length
      ? ctx.t('errors.whoLead', { lead: task.lead.map((s) => ctx.deptName(s)).join(', ') })
      : null,
    task.support.length
      ? ctx.t('errors.whoSupport', { support: task.support.map((s) => ctx.deptName(s)).join(', ') })
      : null,
    ctx.t('errors.whoLeaders'),
    ctx.t('errors.whoAdmins'),
  ].filter(Boolean);
  return textReply(
    ctx.t('errors.changeRefused', {
      number: task.number,
      who: who.join(', '),
      what: ctx.t('errors.whatChange'),
    }),
  );
}
