/** Commands that change a task: /done, /update, /blocked, and replies to reminders. */
import { toLocalDate, workingDaysBetween } from '../../domain/calendar';
import {
  documentNumbers,
  type Evidence,
  type Policy,
  type RefusalCode,
  type TaskAction,
} from '../../domain/task-rules';
import { deadlineOf } from '../../domain/status-report';
import { commitTaskChange, type CommitOutcome } from '../../store/task-commit';
import type { TaskRecord } from '../../store/types';
import { clip, noteArg, percentArg, taskArg } from '../args';
import type { CommandContext, CommandHandler } from '../context';
import { formatDate } from '../../shared/date-format';
import type { Reply } from '../messages';
import { rolesFor } from '../permissions';
import { ReplyBuilder, textReply } from '../reply';
import { splitFirst } from '../command-parser';
import { answerHint, postToLeaders } from '../notify';
import { refusalText, type Asked } from '../refusal';

export const done: CommandHandler = async (ctx, args) => {
  const [num, rest] = splitFirst(args);
  const task = await taskArg(ctx, num, '/done 12');
  if (!task.ok) return [task.reply];
  const note = noteArg(ctx, rest);
  if (!note.ok) return [note.reply];
  return change(ctx, task.value, { kind: 'done', note: note.value, evidence: evidenceOf(ctx, note.value) });
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
  return change(ctx, task.value, {
    kind: 'progress',
    progress: pct.value,
    note: note.value,
    evidence: evidenceOf(ctx, note.value),
  });
};

export const blocked: CommandHandler = async (ctx, args) => {
  const [num, rest] = splitFirst(args);
  const task = await taskArg(ctx, num, '/blocked 12 chờ ý kiến');
  if (!task.ok) return [task.reply];
  if (!rest) return [textReply(ctx.t('errors.missingReason', { number: task.value.number }))];
  const note = noteArg(ctx, rest);
  if (!note.ok) return [note.reply];
  return change(ctx, task.value, { kind: 'blocked', reason: note.value ?? rest });
};

/**
 * /mola 12 lý do (/reopen): the one way a finished task is open again — on purpose, with a reason, by
 * the lead group, the leaders or an admin, and recorded as a reopening.
 */
export const reopen: CommandHandler = async (ctx, args) => {
  const [num, rest] = splitFirst(args);
  const task = await taskArg(ctx, num, '/reopen 12 cần bổ sung số liệu');
  if (!task.ok) return [task.reply];
  if (!rest) return [textReply(ctx.t('rules.reopenReason', { number: task.value.number }))];
  const note = noteArg(ctx, rest);
  if (!note.ok) return [note.reply];
  const outcome = await applyTaskChange(ctx, task.value, { kind: 'reopen', reason: note.value });
  if (outcome.kind === 'refused') return [refusalReply(ctx, outcome.task, outcome.code)];
  if (outcome.kind === 'duplicate') return [textReply(ctx.t('change.duplicate'))];
  return [
    textReply(
      ctx.t('rules.reopened', { number: outcome.task.number, title: outcome.task.title, reason: rest }),
      true,
    ),
  ];
};

/**
 * A reply to a reminder: "xong", "đã hoàn thành", "done" finish the task; "80%" reports progress;
 * anything else is kept as a note, so nothing a user wrote to the bot is dropped.
 */
export async function replyToReminder(
  ctx: CommandContext,
  task: TaskRecord,
  answer: string = ctx.msg.text,
): Promise<Reply[]> {
  const text = answer.normalize('NFC').trim();
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
    return change(ctx, task, {
      kind: 'progress',
      progress: checked.value,
      note: note.value,
      evidence: evidenceOf(ctx, note.value),
    });
  }
  const doneWords = /^(xong|da xong|hoan thanh|da hoan thanh|done|finished|completed)\b[\s.!,:-]*(.*)$/s.exec(
    folded,
  );
  if (doneWords) {
    const note = noteArg(ctx, text.slice(text.length - (doneWords[2] ?? '').length));
    if (!note.ok) return [note.reply];
    return change(ctx, task, { kind: 'done', note: note.value, evidence: evidenceOf(ctx, note.value) });
  }
  const note = noteArg(ctx, text);
  if (!note.ok) return [note.reply];
  return change(ctx, task, {
    kind: 'note',
    note: note.value ?? (ctx.msg.attachment ? ctx.msg.attachment.name : text),
    evidence: evidenceOf(ctx, note.value),
  });
}

export type ChangeOutcome = CommitOutcome;

export interface ChangeOptions {
  /** A button press is deduplicated per (message, button), so pressing it again changes nothing. */
  dedupeKey?: string;
  /** What the audit record says was sent (a press has no text: the button's data). */
  text?: string;
}

/** The organisation's settings the task rules read. */
export function policyOf(ctx: CommandContext): Policy {
  return { acceptance: ctx.org?.acceptance === true };
}

export function dedupeKeyOf(ctx: CommandContext, suffix = ''): string {
  const { msg } = ctx;
  return `${msg.platform}:${msg.chat.id}:${msg.messageId ?? `${msg.user.id}:${ctx.now.getTime()}`}${suffix}`;
}

/**
 * The one path every change takes, typed or pressed: the task rules decide (who may, already done, a
 * finished task never reopened by a progress report), the store writes the change with its audit record
 * (unique per platform message or press), and the task's reminders are re-planned.
 */
export async function applyTaskChange(
  ctx: CommandContext,
  task: TaskRecord,
  action: TaskAction,
  opts: ChangeOptions = {},
): Promise<ChangeOutcome> {
  const { msg } = ctx;
  const outcome = await commitTaskChange(
    task,
    action,
    rolesFor(task, ctx.binding, ctx.isAdmin),
    policyOf(ctx),
    {
      by: { platform: msg.platform, chatId: msg.chat.id, userId: msg.user.id, userName: msg.user.name },
      dedupeKey: opts.dedupeKey ?? dedupeKeyOf(ctx),
      messageId: msg.messageId ?? null,
      // A photo or file sent without a caption has no text: the record names what was sent.
      text:
        opts.text ??
        (msg.text || (msg.attachment ? `[${msg.attachment.kind ?? 'file'}: ${msg.attachment.name}]` : '')),
      at: ctx.now,
      today: ctx.today,
    },
  );
  if (outcome.kind === 'applied' && outcome.change.replan) await replan(ctx, task.id);
  return outcome;
}

export async function replan(ctx: CommandContext, taskId: string): Promise<void> {
  await ctx.deps
    .onTaskChanged?.(taskId)
    .catch((err: unknown) => ctx.deps.logger.error({ err, task: taskId }, 'could not re-plan reminders'));
}

/** What a refusal of the task rules tells the person who asked. */
export function refusalReply(
  ctx: CommandContext,
  task: TaskRecord,
  code: RefusalCode,
  asked: Asked = 'report',
): Reply {
  const number = task.number;
  const date = task.completedAt ? formatDate(toLocalDate(task.completedAt, ctx.deps.tz)) : '—';
  switch (code) {
    case 'not-allowed':
      return textReply(refusalText(ctx, task, asked));
    case 'already-done':
      return textReply(ctx.t('errors.alreadyDone', { number, date }));
    case 'finished':
      return textReply(ctx.t('rules.finished', { number, date }));
    default:
      return textReply(ctx.t(`rules.${code}`, { number, date: task.end ? formatDate(task.end) : '—' }));
  }
}

async function change(ctx: CommandContext, task: TaskRecord, action: TaskAction): Promise<Reply[]> {
  const outcome = await applyTaskChange(ctx, task, action);
  if (outcome.kind === 'refused') return [refusalReply(ctx, outcome.task, outcome.code)];
  if (outcome.kind === 'duplicate') return [textReply(ctx.t('change.duplicate'))];

  const t = outcome.task;
  const before = outcome.before;
  const note = 'note' in action ? action.note : null;
  const r = new ReplyBuilder();
  const attached = outcome.change.evidence ?? [];
  if (t.status === 'review' && before.status !== 'review') {
    await postForAcceptance(ctx, t, note, attached);
    r.line(ctx.t('rules.submitted', { number: t.number, title: t.title }));
  } else if (t.status === 'done' && before.status !== 'done') {
    const deadline = deadlineOf(t);
    const lateDays = deadline ? workingDaysBetween(deadline, ctx.today, ctx.deps.calendar) : 0;
    r.line(
      ctx.t('change.done', {
        number: t.number,
        title: t.title,
        late: lateDays > 0 ? ctx.t('change.doneLate', { days: lateDays }) : '',
      }),
    );
  } else if (action.kind === 'blocked') {
    const told = await postBlocker(ctx, t, action.reason);
    r.line(
      ctx.t(told ? 'blockers.reported' : 'change.blocked', {
        number: t.number,
        title: t.title,
        reason: action.reason,
      }),
    );
  } else if (action.kind === 'progress') {
    r.line(
      ctx.t('change.progress', {
        number: t.number,
        title: t.title,
        before: before.progress,
        after: t.progress,
      }),
    );
  } else {
    r.line(ctx.t('change.note', { number: t.number, title: t.title }));
  }
  if (note && action.kind !== 'blocked') r.line(ctx.t('change.noteEcho', { note }));
  if (attached.length)
    r.line(ctx.t('evidence.attached', { list: attached.map((e) => evidenceLabel(ctx, e)).join(', ') }));
  return [r.build(true)];
}

/**
 * The result a message carries: its file or photo, and any "số 123/BC-LMHTX" in the note. Kept with the
 * platform's file reference, so the leaders can have it sent again (/tailieu 12).
 */
export function evidenceOf(ctx: CommandContext, note: string | null): Evidence[] {
  const { msg } = ctx;
  const by = `${msg.user.name} (${msg.platform}:${msg.user.id})`;
  const list: Evidence[] = [];
  const file = msg.attachment;
  if (file)
    list.push({
      kind: file.kind === 'photo' || file.mimeType?.startsWith('image/') ? 'photo' : 'file',
      ref: file.ref ?? null,
      platform: msg.platform,
      name: file.name,
      size: file.size,
      at: ctx.now,
      by,
    });
  for (const number of documentNumbers(note))
    list.push({ kind: 'number', ref: null, platform: msg.platform, name: number, size: 0, at: ctx.now, by });
  return list;
}

export function evidenceLabel(ctx: CommandContext, e: Evidence): string {
  if (e.kind === 'number') return ctx.t('evidence.number', { number: e.name });
  return ctx.t(e.kind === 'photo' ? 'evidence.photo' : 'evidence.file', { name: e.name });
}

/** A result waiting for acceptance goes to the leaders with ✅ Đạt / ↩ Trả lại. */
async function postForAcceptance(
  ctx: CommandContext,
  t: TaskRecord,
  note: string | null,
  attached: Evidence[],
) {
  const vars = {
    number: t.number,
    title: clip(t.title, 80),
    who: ctx.msg.user.name,
    department: t.lead.map((s) => ctx.deptName(s)).join(', ') || ctx.t('common.noLead'),
    note: note ?? '—',
    evidence: attached.length ? attached.map((e) => evidenceLabel(ctx, e)).join(', ') : '—',
  };
  return postToLeaders(ctx, (tr, _locale, target) => ({
    segments: [
      { text: `${tr('acceptance.toLeaders', vars)}\n${answerHint(tr, target, 'acceptance', t.number)}` },
    ],
    buttons: [
      [
        { label: tr('acceptance.acceptButton'), data: `rv:ok:${t.number}` },
        { label: tr('acceptance.returnButton'), data: `rv:back:${t.number}` },
      ],
    ],
  }));
}

/** A blocker goes to the leaders at once, with what they can do about it. */
async function postBlocker(ctx: CommandContext, t: TaskRecord, reason: string): Promise<number> {
  const vars = {
    number: t.number,
    title: clip(t.title, 80),
    reason,
    who: ctx.msg.user.name,
    department: t.lead.map((s) => ctx.deptName(s)).join(', ') || ctx.t('common.noLead'),
    date: t.end ? formatDate(t.end) : '—',
  };
  return postToLeaders(ctx, (tr, _locale, target) => ({
    segments: [
      { text: `${tr('blockers.toLeaders', vars)}\n${answerHint(tr, target, 'blockers', t.number)}` },
    ],
    buttons: [
      [
        { label: tr('blockers.extendButton'), data: `bk:ext:${t.number}` },
        { label: tr('blockers.reassignButton'), data: `bk:lead:${t.number}` },
        { label: tr('blockers.seenButton'), data: `bk:seen:${t.number}` },
      ],
    ],
  }));
}

const DONE_WORD = String.raw`(?:xong|da xong|hoan thanh|da hoan thanh|done|finished|completed)`;

/**
 * "xong 12", "12 xong", "80% 12", "12 80%" in a reply to a reminder of several tasks: the task's number
 * and the answer without it, in the form `replyToReminder` reads. Null when no number is given.
 */
export function numberedAnswer(text: string): { number: number; answer: string } | null {
  const clean = text.normalize('NFC').trim();
  const folded = clean
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
  const patterns: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [new RegExp(`^(${DONE_WORD})\\s+#?(\\d{1,7})\\b`), (m) => m[1] ?? ''],
    [new RegExp(`^#?(\\d{1,7})\\s*[:.,-]?\\s+(${DONE_WORD})\\b`), (m) => m[2] ?? ''],
    [/^(\d{1,3}\s*%)\s+#?(\d{1,7})\b/, (m) => m[1] ?? ''],
    [/^#?(\d{1,7})\s*[:.,-]?\s+(\d{1,3}\s*%)/, (m) => m[2] ?? ''],
  ];
  for (const [i, [re, word]] of patterns.entries()) {
    const m = re.exec(folded);
    if (!m) continue;
    const number = Number(i % 2 === 0 ? m[2] : m[1]);
    // The rest is cut from the original text, which folding kept character for character.
    const rest = clean.slice(m[0].length).trim();
    const head = word(m).replace(/\s+/g, '');
    return { number, answer: `${/%$/.test(head) ? head : 'xong'}${rest ? ` ${rest}` : ''}` };
  }
  return null;
}
