/** Argument checks shared by commands; each failure is a ready reply in the group's language. */
import { findTaskByNumber } from '../store/task-repository';
import type { TaskRecord } from '../store/types';
import type { CommandContext } from './context';
import type { Reply } from './messages';
import { textReply } from './reply';

import { ALIASES } from './command-parser';

export const MAX_NOTE = 500;

export type Checked<T> = { ok: true; value: T } | { ok: false; reply: Reply };

/**
 * An example command as the reader would type it: in a Vietnamese reply "/xong 12", not "/done 12" (the
 * first Vietnamese alias of the command is its Vietnamese name).
 */
export function localExample(ctx: Pick<CommandContext, 'locale'>, example: string): string {
  if (ctx.locale !== 'vi') return example;
  return example.replace(/^\/([a-z]+)/, (whole, name: string) => {
    const alias = Object.entries(ALIASES).find(([a, target]) => target === name && a !== 'start')?.[0];
    return alias ? `/${alias}` : whole;
  });
}

/** "Không có việc số 99 trong kế hoạch của <tổ chức>.": every command that takes a number says it so. */
export function notFoundText(ctx: Pick<CommandContext, 'org' | 't'>, number: number): string {
  return ctx.t('errors.taskNotFound', { number, org: ctx.org?.name ?? '—' });
}

export async function taskArg(
  ctx: CommandContext,
  raw: string,
  example: string,
): Promise<Checked<TaskRecord>> {
  example = localExample(ctx, example);
  if (!raw) return { ok: false, reply: textReply(ctx.t('errors.missingNumber', { example })) };
  const m = /^#?(\d{1,7})$/.exec(raw);
  if (!m) return { ok: false, reply: textReply(ctx.t('errors.badNumber', { value: clip(raw), example })) };
  const number = Number(m[1]);
  const task = ctx.org ? await findTaskByNumber(ctx.org.id, number) : null;
  if (!task) return { ok: false, reply: textReply(notFoundText(ctx, number)) };
  return { ok: true, value: task };
}

export function noteArg(ctx: CommandContext, raw: string): Checked<string | null> {
  const note = raw.trim();
  if (note.length > MAX_NOTE) {
    return {
      ok: false,
      reply: textReply(ctx.t('errors.noteTooLong', { length: note.length, max: MAX_NOTE })),
    };
  }
  return { ok: true, value: note || null };
}

/** "60%", "60", "60 %" → 60; anything else, or outside 0–100, is an error. */
export function percentArg(ctx: CommandContext, raw: string, number: number): Checked<number> {
  if (!raw) return { ok: false, reply: textReply(ctx.t('errors.missingPercent', { number })) };
  const m = /^(\d{1,3}(?:[.,]\d+)?)\s*%?$/.exec(raw);
  const value = m ? Number(m[1]!.replace(',', '.')) : NaN;
  if (!Number.isFinite(value) || value < 0 || value > 100) {
    return { ok: false, reply: textReply(ctx.t('errors.badPercent', { value: clip(raw) })) };
  }
  return { ok: true, value: Math.round(value) };
}

/** Echoing user input back in an error: short, so a pasted essay does not come back. */
export function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
