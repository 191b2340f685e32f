/**
 * The reads of the Monday digest (jobs/weekly-digest.ts): an organisation's tasks and departments, its
 * groups that are muted or unreachable, and the leaders groups the digest goes to.
 */
import type { Platform } from '../domain/platform';
import { ChatBinding, Department, Organisation, Task } from './models';

export interface DigestTask {
  number: number;
  title: string;
  lead?: string[] | null;
  end?: string | null;
  status?: string | null;
  completedAt?: Date | null;
  loadedAt?: Date | null;
}

export interface WeekTask {
  number: number;
  title: string;
  kind?: string | null;
  start?: string | null;
  end?: string | null;
  status?: string | null;
}

export interface QuietGroup {
  title: string;
  chatId: string;
  department: string | null;
  mutedSince: Date | null;
  unreachableSince: Date | null;
}

export interface LeadersChat {
  platform: Platform;
  chatId: string;
  locale: string | null;
}

/** The organisation's name, its departments (by name), every task (by deadline) and its muted groups. */
export async function digestBasis(orgId: string): Promise<{
  orgName: string | null;
  departments: { slug: string; name: string }[];
  tasks: DigestTask[];
  muted: { title: string; chatId: string }[];
}> {
  const [org, departments, tasks, muted] = await Promise.all([
    Organisation.findById(orgId, 'name').lean(),
    Department.find({ org: orgId }, 'slug name').sort({ name: 1 }).lean(),
    Task.find({ org: orgId }, 'number title lead end status completedAt loadedAt')
      .sort({ end: 1, number: 1 })
      .lean<DigestTask[]>(),
    ChatBinding.find({ org: orgId, mutedSince: { $ne: null } }, 'title chatId').lean(),
  ]);
  return {
    orgName: org?.name ?? null,
    departments: departments.map((d) => ({ slug: d.slug, name: d.name })),
    tasks,
    muted: muted.map((b) => ({ title: b.title ?? '', chatId: b.chatId })),
  };
}

/**
 * "This week": open tasks (duties aside) whose window opens in [weekStart, weekEnd], those whose deadline
 * fell in [overdueFrom, today), and the groups that are muted or unreachable.
 */
export async function digestWeek(
  orgId: string,
  window: { weekStart: string; weekEnd: string; overdueFrom: string; today: string },
): Promise<{ starting: WeekTask[]; overdue: WeekTask[]; groups: QuietGroup[] }> {
  const notDone = { org: orgId, status: { $ne: 'done' as const }, kind: { $ne: 'duty' as const } };
  const fields = 'number title kind start end status';
  const [starting, overdue, bindings] = await Promise.all([
    Task.find({ ...notDone, start: { $gte: window.weekStart, $lte: window.weekEnd } }, fields)
      .sort({ start: 1, number: 1 })
      .lean<WeekTask[]>(),
    Task.find({ ...notDone, end: { $gte: window.overdueFrom, $lt: window.today } }, fields)
      .sort({ end: 1, number: 1 })
      .lean<WeekTask[]>(),
    ChatBinding.find(
      { org: orgId, $or: [{ mutedSince: { $ne: null } }, { unreachableSince: { $ne: null } }] },
      'title chatId department mutedSince unreachableSince',
    ).lean(),
  ]);
  const groups = bindings.map((b) => ({
    title: b.title ?? '',
    chatId: b.chatId,
    department: b.department ?? null,
    mutedSince: b.mutedSince ?? null,
    unreachableSince: b.unreachableSince ?? null,
  }));
  return { starting, overdue, groups };
}

/** Every organisation's id. */
export async function allOrgIds(): Promise<string[]> {
  return (await Organisation.find({}, '_id').lean()).map((o) => String(o._id));
}

/** The organisation's leaders groups the bot can still post in. */
export async function reachableLeadersChats(orgId: string): Promise<LeadersChat[]> {
  const chats = await ChatBinding.find({ org: orgId, role: 'leaders', unreachableSince: null }).lean();
  return chats.map((c) => ({ platform: c.platform as Platform, chatId: c.chatId, locale: c.locale ?? null }));
}

/** This group, if it is still a reachable leaders group of the organisation. */
export async function reachableLeadersChat(
  orgId: string,
  platform: Platform,
  chatId: string,
): Promise<LeadersChat | null> {
  const chat = await ChatBinding.findOne({
    platform,
    chatId,
    org: orgId,
    role: 'leaders',
    unreachableSince: null,
  }).lean();
  return chat ? { platform, chatId: chat.chatId, locale: chat.locale ?? null } : null;
}
