/**
 * /caidat (/settings): the organisation's own rules. Today one: "duyet bat|tat" — whether a finished task
 * waits for the leaders' acceptance. The leaders' group or an admin may change it.
 */
import { foldVietnamese } from '../../domain/calendar';
import { setOrgAcceptance } from '../../store/org-repository';
import type { CommandHandler } from '../context';
import { mayManagePlan } from '../permissions';
import { planRefusalText } from '../refusal';
import { textReply } from '../reply';

export const settings: CommandHandler = async (ctx, args) => {
  const org = ctx.org!;
  const words = foldVietnamese(args).split(' ').filter(Boolean);
  const state = ctx.t(org.acceptance ? 'settings.on' : 'settings.off');
  if (words.length === 0) return [textReply(ctx.t('settings.show', { acceptance: state }))];
  const [what, value] = words;
  const on = value && ['bat', 'on', 'co'].includes(value);
  const off = value && ['tat', 'off', 'khong'].includes(value);
  if (!['duyet', 'acceptance'].includes(what ?? '') || (!on && !off))
    return [textReply(ctx.t('settings.usage', { acceptance: state }))];
  if (!mayManagePlan(org.id, ctx.binding, ctx.isAdmin)) return [textReply(planRefusalText(ctx, 'settings'))];
  await setOrgAcceptance(org.id, Boolean(on));
  return [textReply(ctx.t(on ? 'settings.acceptanceOn' : 'settings.acceptanceOff'))];
};
