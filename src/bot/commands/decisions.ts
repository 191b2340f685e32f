/**
 * The leaders' answers, pressed or typed: ✅/↩ under an extension request ("đồng ý 12", "không 12 lý do"
 * on Zalo), and replies to the bot's prompts (⏳ a department's new date). Each goes through the same
 * task rules and audit as the typed commands.
 */
import { foldVietnamese } from '../../domain/calendar';
import { findTaskByNumber } from '../../store/task-repository';
import type { CommandContext } from '../context';
import type { Reply } from '../messages';
import { textReply } from '../reply';
import { answerExtension, extensionFromText, promptOf } from './extend';

const toast = (text: string): Reply => ({ segments: [], toast: text });

/** Button data of the leaders' messages: "ex:ok:12", "ex:no:12". */
export function parseDecisionData(data: string): { kind: 'ex'; verb: string; number: number } | null {
  const m = /^(ex):(ok|no):(\d{1,7})$/.exec(data);
  return m ? { kind: m[1] as 'ex', verb: m[2]!, number: Number(m[3]) } : null;
}

/** A press on a leaders' button; null when the data is not one of these. */
export async function onDecisionPress(ctx: CommandContext): Promise<Reply[] | null> {
  const { msg } = ctx;
  const parsed = msg.press ? parseDecisionData(msg.press.data) : null;
  if (!parsed || !msg.press) return null;
  if (!ctx.org) return [toast(ctx.t('errors.unbound'))];
  const task = await findTaskByNumber(ctx.org.id, parsed.number);
  if (!task) return [toast(ctx.t('errors.taskNotFound', { number: parsed.number }))];
  const pressed = msg.replyTo?.messageId ?? '';
  const opts = {
    dedupeKey: `${msg.platform}:${msg.chat.id}:${pressed}:${msg.press.data}`,
    text: `[${msg.press.data}]`,
  };
  const answer = await answerExtension(ctx, task, parsed.verb === 'ok', null, opts);
  if (!answer.ok) return [toast(answer.text)];
  return [
    toast(answer.text),
    {
      segments: [{ text: `${msg.replyTo?.text ?? ''}\n${answer.text}`.trim() }],
      editsPressed: true,
      buttons: [],
    },
  ];
}

const WORDS: Array<[RegExp, 'approve' | 'refuse']> = [
  [/^(?:dong y|duyet gia han|ok|approve)\s+#?(\d{1,7})\b/, 'approve'],
  [/^(?:khong dong y|khong|refuse)\s+#?(\d{1,7})\b/, 'refuse'],
];

/**
 * A reply to one of the bot's messages that answers it: "đồng ý 12" / "không 12 lý do" from the leaders,
 * or the date and reason in reply to a ⏳ prompt. Null when the reply is none of these.
 */
export async function onDecisionReply(ctx: CommandContext): Promise<Reply[] | null> {
  const { msg } = ctx;
  if (!ctx.org) return null;
  const text = msg.text.normalize('NFC').trim();
  const folded = foldVietnamese(text);
  if (ctx.binding?.role === 'leaders' || ctx.isAdmin) {
    for (const [re, verb] of WORDS) {
      const m = re.exec(folded);
      if (!m) continue;
      const number = Number(m[1]);
      const task = await findTaskByNumber(ctx.org.id, number);
      if (!task) return [textReply(ctx.t('errors.taskNotFound', { number }))];
      // The reason as written (accents kept): whatever follows the task's number.
      const tail = text.replace(/^[^\d#]*#?\d{1,7}\s*/u, '').trim();
      const answer = await answerExtension(ctx, task, verb === 'approve', tail || null);
      return [textReply(answer.text)];
    }
  }
  const prompt = promptOf(msg.replyTo?.text);
  if (prompt?.icon === '⏳') {
    const task = await findTaskByNumber(ctx.org.id, prompt.number);
    if (!task) return [textReply(ctx.t('errors.taskNotFound', { number: prompt.number }))];
    return extensionFromText(ctx, task, text);
  }
  return null;
}
