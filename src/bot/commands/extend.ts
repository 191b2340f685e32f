/**
 * Asking for more time: /giahan 12 30/6 lý do (/extend), or "⏳ Xin gia hạn" under a reminder. The request
 * goes to the leaders' group with ✅ Đồng ý / ↩ Không đồng ý (on Zalo, a reply "đồng ý 12" or "không 12
 * lý do"); the answer goes back to the group that asked, and an approval re-plans the reminders at once.
 */
import type { LocalDate } from '../../domain/task';
import type { TaskRecord } from '../../store/types';
import { clip, noteArg, taskArg } from '../args';
import { splitFirst } from '../command-parser';
import type { CommandContext, CommandHandler } from '../context';
import { formatDate } from '../../shared/date-format';
import type { Button, Reply } from '../messages';
import { answerHint, postToChat, postToLeaders, type Translator } from '../notify';
import { textReply } from '../reply';
import { applyTaskChange, refusalReply, type ChangeOptions } from './change';
import { dateArg } from './edit';
import { offDayNote } from '../date-note';

export const EXTEND_EXAMPLE = '/extend 12 30/6 chờ số liệu của các huyện';

export const extend: CommandHandler = async (ctx, args) => {
  const [num, rest] = splitFirst(args);
  const task = await taskArg(ctx, num, EXTEND_EXAMPLE);
  if (!task.ok) return [task.reply];
  return extensionFromText(ctx, task.value, rest);
};

/** "30/6 chờ số liệu": the new date, then the reason; typed after /giahan 12 or in reply to the ⏳ prompt. */
export async function extensionFromText(
  ctx: CommandContext,
  task: TaskRecord,
  text: string,
): Promise<Reply[]> {
  const [rawDate, rawReason] = splitFirst(text);
  if (!rawDate) return [textReply(ctx.t('deadlines.usage', { number: task.number }))];
  const year = Number((task.end ?? ctx.today).slice(0, 4));
  const date = dateArg(ctx, rawDate, 'end', year);
  if (!date.ok) return [date.reply];
  const reason = noteArg(ctx, rawReason);
  if (!reason.ok) return [reason.reply];
  return requestExtension(ctx, task, date.value, reason.value);
}

export async function requestExtension(
  ctx: CommandContext,
  task: TaskRecord,
  to: LocalDate,
  reason: string | null,
  opts: ChangeOptions = {},
): Promise<Reply[]> {
  const chat = `${ctx.msg.platform}:${ctx.msg.chat.id}`;
  const outcome = await applyTaskChange(ctx, task, { kind: 'extension-request', to, reason, chat }, opts);
  if (outcome.kind === 'refused') return [refusalReply(ctx, outcome.task, outcome.code)];
  if (outcome.kind === 'duplicate') return [textReply(ctx.t('change.duplicate'))];
  const t = outcome.task;
  const vars = {
    number: t.number,
    title: clip(t.title, 80),
    from: t.end ? formatDate(t.end) : '—',
    to: formatDate(to),
    reason: reason ?? '—',
    who: ctx.msg.user.name,
    department: t.lead.map((s) => ctx.deptName(s)).join(', ') || ctx.t('common.noLead'),
  };
  const posted = await postToLeaders(ctx, (tr, _locale, target) => ({
    segments: [
      { text: `${tr('deadlines.toLeaders', vars)}\n${answerHint(tr, target, 'deadlines', t.number)}` },
    ],
    buttons: [decisionButtons(tr, t.number)],
  }));
  return [
    textReply(
      [
        ctx.t('deadlines.requested', vars),
        posted ? null : ctx.t('deadlines.noLeadersGroup', { number: t.number }),
        offDayNote(ctx, to),
      ]
        .filter(Boolean)
        .join('\n'),
    ),
  ];
}

export function decisionButtons(t: Translator, number: number): Button[] {
  return [
    { label: t('deadlines.approveButton'), data: `ex:ok:${number}` },
    { label: t('deadlines.refuseButton'), data: `ex:no:${number}` },
  ];
}

/** The leaders' answer to a pending request; the group that asked is told either way. */
export async function answerExtension(
  ctx: CommandContext,
  task: TaskRecord,
  approve: boolean,
  reason: string | null,
  opts: ChangeOptions = {},
): Promise<{ ok: boolean; text: string }> {
  const outcome = await applyTaskChange(
    ctx,
    task,
    approve ? { kind: 'extension-approve' } : { kind: 'extension-refuse', reason },
    opts,
  );
  if (outcome.kind === 'refused')
    return {
      ok: false,
      text: refusalReply(ctx, outcome.task, outcome.code, 'decide').segments[0]?.text ?? '',
    };
  if (outcome.kind === 'duplicate') return { ok: false, text: ctx.t('change.duplicate') };
  const request = outcome.before.extensionRequest;
  const vars = {
    number: task.number,
    title: clip(task.title, 80),
    to: request ? formatDate(request.to) : '—',
    from: outcome.before.end ? formatDate(outcome.before.end) : '—',
    who: ctx.msg.user.name,
    reason: reason ?? '',
  };
  const key = approve ? 'deadlines.approved' : 'deadlines.refused';
  await postToChat(ctx, request?.chat, (tr) => ({
    segments: [
      {
        text: `${tr(`${key}ToGroup`, vars)}${!approve && reason ? `\n${tr('deadlines.reason', vars)}` : ''}`,
      },
    ],
  }));
  return { ok: true, text: ctx.t(key, vars) };
}

/** The prompt "⏳ Xin gia hạn" posts: a reply to it is read as "date reason" for that task. */
export function extendPrompt(ctx: CommandContext, task: TaskRecord): Reply {
  return textReply(
    ctx.t('deadlines.prompt', { number: task.number, date: task.end ? formatDate(task.end) : '—' }),
    false,
  );
}

/** The task number a reply to one of the bot's prompts is about, by the prompt's leading icon. */
export function promptOf(text: string | undefined): { icon: string; number: number } | null {
  const m = /^(⏳|🗓|👥|↩)\D*?(\d{1,7})/u.exec(text ?? '');
  return m ? { icon: m[1]!, number: Number(m[2]) } : null;
}
