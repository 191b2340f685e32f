/**
 * What a group is told when it may not do something: one sentence saying who the group is for this task
 * and what it can do instead, with the command to type ("Văn phòng phối hợp việc 20: báo tiến độ bằng
 * /capnhat 20 60%."). Never a list of everyone who may, never the asking group named as one of them.
 */
import type { TaskRecord } from '../store/types';
import { localExample } from './args';
import type { CommandContext } from './context';
import { rolesFor } from './permissions';

/**
 * What was asked, as far as the answer differs: a report (done, blocked, snooze, reopen, more time), a
 * leaders' decision (approve, accept, return), or a change of the plan (edit, assign, delete).
 */
export type Asked = 'report' | 'decide' | 'plan';

function groupName(ctx: CommandContext): string | null {
  const b = ctx.binding;
  return b?.role === 'department' && b.department && b.org === ctx.org?.id
    ? ctx.deptName(b.department)
    : null;
}

const leadNames = (ctx: CommandContext, task: TaskRecord) =>
  task.lead.map((s) => ctx.deptName(s)).join(', ') || ctx.t('common.noLead');

/** The one-sentence refusal for `task`. */
export function refusalText(ctx: CommandContext, task: TaskRecord, asked: Asked = 'report'): string {
  const number = task.number;
  const ex = (example: string) => localExample(ctx, example);
  const roles = rolesFor(task, ctx.binding, ctx.isAdmin);
  const group = groupName(ctx);
  if (group && roles.includes('support'))
    return ctx.t('refuse.support', { group, number, command: ex(`/update ${number} 60%`) });
  if (group && roles.includes('lead'))
    return asked === 'plan'
      ? ctx.t('refuse.leadPlan', {
          group,
          number,
          command: ex(`/extend ${number} 30/6 ${ctx.t('refuse.reason')}`),
        })
      : ctx.t('refuse.leadDecide', { group, number, command: ex(`/done ${number}`) });
  if (group)
    return ctx.t('refuse.other', { group, number, lead: leadNames(ctx, task), command: ex('/tasks') });
  return ctx.t('refuse.unbound', { number, lead: leadNames(ctx, task), command: ex('/link') });
}

/** A change of the plan refused where no task is named (/add, /settings, a plan file): what the group does. */
export function planRefusalText(ctx: CommandContext, what: 'plan' | 'settings' | 'import'): string {
  const group = groupName(ctx);
  const action = ctx.t(`refuse.what.${what}`);
  if (group)
    return ctx.t('refuse.planDepartment', {
      group,
      action,
      command: localExample(ctx, `/update <${ctx.t('refuse.number')}> 60%`),
      list: localExample(ctx, '/tasks'),
    });
  return ctx.t('refuse.planOther', { action });
}
