/**
 * The leaders' answers, pressed or typed: ✅/↩ under an extension request or a result waiting for
 * acceptance, the three buttons under a blocker, and replies to the bot's prompts (⏳ a department's new
 * date, 🗓 a leader's new date, 👥 another department, ↩ the reason a result goes back). On Zalo, where
 * groups have no buttons, the same answers are replies: "đồng ý 12", "không 12 lý do", "đạt 12",
 * "trả lại 12 lý do", and to a blocker "gia hạn 12 30/6", "giao lại 12 văn phòng", "đã nắm 12". Each goes
 * through the same task rules and audit as typed commands.
 */
import { foldVietnamese } from '../../domain/calendar';
import { findTaskByNumber } from '../../store/task-repository';
import type { TaskRecord } from '../../store/types';
import { clip, notFoundText } from '../args';
import type { CommandContext } from '../context';
import type { Reply } from '../messages';
import { postToDepartments } from '../notify';
import { textReply } from '../reply';
import { applyTaskChange, refusalReply, type ChangeOptions } from './change';
import { applyEdit } from './edit';
import { answerExtension, extensionFromText, promptOf } from './extend';

const toast = (text: string): Reply => ({ segments: [], toast: text });

type Verb = 'approve' | 'refuse' | 'accept' | 'return' | 'seen' | 'grant' | 'reassign';

const DATA: Record<string, Verb> = {
  'ex:ok': 'approve',
  'ex:no': 'refuse',
  'rv:ok': 'accept',
  'rv:back': 'return',
  'bk:seen': 'seen',
  'bk:ext': 'grant',
  'bk:lead': 'reassign',
};

/** Button data of the leaders' messages: "ex:ok:12", "rv:back:12", "bk:seen:12". */
export function parseDecisionData(data: string): { verb: Verb; number: number } | null {
  const m = /^([a-z]{2}:[a-z]{2,4}):(\d{1,7})$/.exec(data);
  const verb = m ? DATA[m[1]!] : undefined;
  return m && verb ? { verb, number: Number(m[2]) } : null;
}

/** Result of one answer: what the person who answered is told. */
interface Answer {
  ok: boolean;
  text: string;
  /** A prompt to post (the answer needs words a button cannot carry). */
  prompt?: Reply;
}

async function answer(
  ctx: CommandContext,
  task: TaskRecord,
  verb: Verb,
  words: string | null,
  opts: ChangeOptions = {},
): Promise<Answer> {
  const vars = {
    number: task.number,
    title: clip(task.title, 80),
    who: ctx.msg.user.name,
    reason: words ?? '',
  };
  switch (verb) {
    case 'approve':
    case 'refuse':
      return answerExtension(ctx, task, verb === 'approve', words, opts);
    case 'grant':
    case 'reassign':
    case 'return': {
      if (words) return applyWords(ctx, task, verb, words);
      const key = {
        grant: 'blockers.grantPrompt',
        reassign: 'blockers.reassignPrompt',
        return: 'acceptance.returnPrompt',
      }[verb];
      return {
        ok: true,
        text: ctx.t('blockers.promptToast', vars),
        prompt: textReply(ctx.t(key, vars), false),
      };
    }
    case 'accept': {
      const outcome = await applyTaskChange(ctx, task, { kind: 'accept', note: null }, opts);
      if (outcome.kind !== 'applied') return failed(ctx, outcome);
      await postToDepartments(ctx, task.lead, (tr) => ({
        segments: [{ text: tr('acceptance.acceptedToGroup', vars) }],
      }));
      return { ok: true, text: ctx.t('acceptance.accepted', vars) };
    }
    case 'seen': {
      const note = ctx.t('blockers.seenNote', vars);
      const outcome = await applyTaskChange(ctx, task, { kind: 'note', note }, opts);
      if (outcome.kind !== 'applied') return failed(ctx, outcome);
      await postToDepartments(ctx, task.lead, (tr) => ({
        segments: [{ text: tr('blockers.seenToGroup', vars) }],
      }));
      return { ok: true, text: ctx.t('blockers.seen', vars) };
    }
  }
}

function failed(ctx: CommandContext, outcome: Awaited<ReturnType<typeof applyTaskChange>>): Answer {
  if (outcome.kind === 'refused')
    return {
      ok: false,
      text: refusalReply(ctx, outcome.task, outcome.code, 'decide').segments[0]?.text ?? '',
    };
  return { ok: false, text: ctx.t('change.duplicate') };
}

/** The words a prompt asked for: a new date, a department, the reason a result goes back. */
async function applyWords(
  ctx: CommandContext,
  task: TaskRecord,
  verb: 'grant' | 'reassign' | 'return',
  words: string,
): Promise<Answer> {
  if (verb === 'return') {
    const outcome = await applyTaskChange(ctx, task, { kind: 'return', reason: words });
    if (outcome.kind !== 'applied') return failed(ctx, outcome);
    const vars = { number: task.number, title: clip(task.title, 80), who: ctx.msg.user.name, reason: words };
    await postToDepartments(ctx, task.lead, (tr) => ({
      segments: [{ text: tr('acceptance.returnedToGroup', vars) }],
    }));
    return { ok: true, text: ctx.t('acceptance.returned', vars) };
  }
  const replies = await applyEdit(ctx, task, verb === 'grant' ? 'end' : 'lead', words);
  const text = replies.map((r) => r.segments.map((s) => s.text).join('')).join('\n');
  return { ok: true, text };
}

/** A press on a leaders' button; null when the data is not one of these. */
export async function onDecisionPress(ctx: CommandContext): Promise<Reply[] | null> {
  const { msg } = ctx;
  const parsed = msg.press ? parseDecisionData(msg.press.data) : null;
  if (!parsed || !msg.press) return null;
  if (!ctx.org) return [toast(ctx.t('errors.unbound'))];
  const task = await findTaskByNumber(ctx.org.id, parsed.number);
  if (!task) return [toast(notFoundText(ctx, parsed.number))];
  const pressed = msg.replyTo?.messageId ?? '';
  const opts = {
    dedupeKey: `${msg.platform}:${msg.chat.id}:${pressed}:${msg.press.data}`,
    text: `[${msg.press.data}]`,
  };
  const result = await answer(ctx, task, parsed.verb, null, opts);
  if (!result.ok) return [toast(result.text)];
  if (result.prompt) return [toast(result.text), result.prompt];
  return [
    toast(result.text),
    {
      segments: [{ text: `${msg.replyTo?.text ?? ''}\n${result.text}`.trim() }],
      editsPressed: true,
      buttons: [],
    },
  ];
}

const WORDS: Array<[RegExp, Verb]> = [
  [/^(?:dong y|duyet gia han|approve)\s+#?(\d{1,7})\b/, 'approve'],
  [/^(?:khong dong y|khong|refuse)\s+#?(\d{1,7})\b/, 'refuse'],
  [/^(?:dat|accept)\s+#?(\d{1,7})\b/, 'accept'],
  [/^(?:tra lai|return)\s+#?(\d{1,7})\b/, 'return'],
  [/^(?:da nam|nam|noted)\s+#?(\d{1,7})\b/, 'seen'],
  [/^(?:gia han|extend)\s+#?(\d{1,7})\b/, 'grant'],
  [/^(?:giao lai|reassign)\s+#?(\d{1,7})\b/, 'reassign'],
];

const PROMPTS: Record<string, Verb> = { '🗓': 'grant', '👥': 'reassign', '↩': 'return' };

/**
 * A reply to one of the bot's messages that answers it, or null when the reply is none of these. The
 * leaders' words name the task's number; a reply to a prompt gives the words the prompt asked for.
 */
export async function onDecisionReply(ctx: CommandContext): Promise<Reply[] | null> {
  const { msg } = ctx;
  if (!ctx.org) return null;
  const text = msg.text.normalize('NFC').trim();
  const folded = foldVietnamese(text);
  for (const [re, verb] of WORDS) {
    const m = re.exec(folded);
    if (!m) continue;
    const number = Number(m[1]);
    const task = await findTaskByNumber(ctx.org.id, number);
    if (!task) return [textReply(notFoundText(ctx, number))];
    // The words as written (accents kept): whatever follows the task's number.
    const tail = text.replace(/^[^\d#]*#?\d{1,7}\s*/u, '').trim();
    if (verb === 'return' && !tail) return [textReply(ctx.t('acceptance.returnReason', { number }))];
    // "gia hạn 12 30/6 lý do" from a department (in reply to a reminder, on Zalo where there is no ⏳
    // button) asks for the time; from the leaders it grants it.
    if (verb === 'grant' && ctx.binding?.role !== 'leaders' && !ctx.isAdmin)
      return extensionFromText(ctx, task, tail);
    const result = await answer(ctx, task, verb, tail || null);
    return [result.prompt ?? textReply(result.text)];
  }
  const prompt = promptOf(msg.replyTo?.text);
  if (!prompt) return null;
  const task = await findTaskByNumber(ctx.org.id, prompt.number);
  if (!task) return [textReply(notFoundText(ctx, prompt.number))];
  if (prompt.icon === '⏳') return extensionFromText(ctx, task, text);
  const verb = PROMPTS[prompt.icon];
  if (!verb || !text) return null;
  const result = await answer(ctx, task, verb, text);
  return [textReply(result.text)];
}
