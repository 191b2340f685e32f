/** /calendar (/lich): the group's department's tasks as an .ics file for the phone's calendar. */
import { foldVietnamese } from '../../domain/calendar';
import { buildCalendar } from '../../report/ics';
import { matchDepartment } from '../../store/org-repository';
import { findTasks } from '../../store/task-repository';
import { clip } from '../args';
import type { CommandHandler } from '../context';
import { textReply } from '../reply';

export const calendar: CommandHandler = async (ctx, args) => {
  const org = ctx.org!;
  // A department's group gets its own; the leaders' group gets everything, or the department it names.
  let department = ctx.binding?.role === 'department' ? (ctx.binding.department ?? undefined) : undefined;
  const wanted = args.trim();
  if (wanted) {
    const found = matchDepartment(ctx.departments, wanted);
    if (found.length !== 1) return [textReply(ctx.t('reports:calendar.badTarget', { value: clip(wanted) }))];
    department = found[0]!.slug;
  }
  const name = department ? ctx.deptName(department) : org.name;
  const tasks = await findTasks(org.id, department ? { department } : {});
  const { ics, events } = buildCalendar({
    t: ctx.t,
    orgSlug: org.slug,
    calName: department ? ctx.t('reports:calendar.calName', { org: org.name, name }) : org.name,
    deptName: ctx.deptName,
    tasks,
    now: ctx.now,
    zone: ctx.deps.tz,
  });
  if (events === 0) return [textReply(ctx.t('reports:calendar.none', { name }))];
  const slug = foldVietnamese(department ?? org.slug)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return [
    {
      segments: [{ text: ctx.t('reports:calendar.caption', { name, count: events }) }],
      document: { data: Buffer.from(ics, 'utf8'), filename: `lich-${slug}.ics` },
      quote: true,
    },
  ];
};
