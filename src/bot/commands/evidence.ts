/** /tailieu 12 (/files): the results attached to a task — files, photos, document numbers — who and when. */
import { toLocalDate } from '../../domain/calendar';
import { taskArg } from '../args';
import type { CommandHandler } from '../context';
import { formatDate } from '../../shared/date-format';
import { ReplyBuilder, bold, textReply } from '../reply';
import { evidenceLabel } from './change';

export const files: CommandHandler = async (ctx, args) => {
  const task = await taskArg(ctx, args.split(/\s+/)[0] ?? '', '/files 12');
  if (!task.ok) return [task.reply];
  const t = task.value;
  if (t.attachments.length === 0) return [textReply(ctx.t('evidence.none', { number: t.number }))];
  const r = new ReplyBuilder().line(
    bold(ctx.t('evidence.title', { number: t.number, count: t.attachments.length })),
  );
  for (const e of t.attachments)
    r.line(
      ctx.t('evidence.line', {
        what: evidenceLabel(ctx, e),
        who: e.by.replace(/ \(.*\)$/, ''),
        date: formatDate(toLocalDate(e.at, ctx.deps.tz)),
      }),
    );
  return [r.build()];
};
