/**
 * The Monday digest to each organisation's leadership group(s): per lead department, what was finished
 * last week, what is late, what falls due this week. `sendWeeklyDigests` takes its clock from the runtime,
 * so a test can call it for any Monday; in production the cron queues one `weekly-digest` job per week.
 * A group that already got this week's digest is skipped (a Redis mark set after the send: a crash right
 * between send and mark repeats that one digest, which is the lesser harm).
 */
import type { Job, Queue } from 'bullmq';
import type { Platform } from '../src/bot/messages';
import {
  digestChart,
  renderDigest,
  type DigestInput,
  type DigestItem,
  type DigestQuarter,
  type DigestSection,
  type DigestWeek,
} from '../src/bot/digest-message';
import { quarterOf } from '../src/domain/calendar';
import { departmentSummaries, findPeriodTasks } from '../src/report/period-tasks';
import {
  addDays,
  compareDates,
  toLocalDate,
  workingDaysBetween,
  type WorkingCalendar,
} from '../src/domain/calendar';
import type { LocalDate } from '../src/domain/task';
import { endedBeforeLoad } from '../src/domain/reminders';
import {
  DELIVERY_JOB_OPTIONS,
  JOB_NAMES,
  digestDeliveryJobId,
  type DigestDeliveryJobData,
} from '../src/scheduler/reminder-queue';
import { startOfLocalDay, zoneOf } from '../src/scheduler/task-plans';
import { mondayOf } from '../src/scheduler/weeks';
import {
  allOrgIds,
  digestBasis,
  digestWeek,
  reachableLeadersChat,
  reachableLeadersChats,
  type DigestTask,
  type WeekTask,
} from '../src/store/digest-queries';
import type { StoreId } from '../src/store/types';
import type { ReminderRuntime } from './runtime';
import { isUnreachable, markUnreachable } from './unreachable';

function loadedOn(task: DigestTask, zone: string): LocalDate | null {
  return task.loadedAt ? toLocalDate(task.loadedAt, zone) : null;
}

export interface DigestDelivery {
  org: string;
  platform: Platform;
  chatId: string;
  /** 'queued': handed to the process that holds this platform's Sender (see ReminderRuntime.platforms). */
  status: 'sent' | 'already-sent' | 'queued' | 'no-sender' | 'unreachable' | 'failed';
  messages: number;
}

/** The digest's content for one organisation, as of `today` (normally a Monday). */
export async function buildWeeklyDigest(
  org: StoreId | string,
  today: LocalDate,
  zone: string,
  calendar: WorkingCalendar,
): Promise<DigestInput> {
  const orgId = String(org);
  const weekStart = mondayOf(today);
  const weekEnd = addDays(weekStart, 6);
  const from = startOfLocalDay(addDays(weekStart, -7), zone).getTime();
  const until = startOfLocalDay(weekStart, zone).getTime();
  const { orgName, departments, tasks, muted } = await digestBasis(orgId);
  let backlog = 0;
  const sections = new Map<string | null, DigestSection>();
  for (const d of departments) sections.set(d.slug, { department: d.name, done: [], late: [], due: [] });
  const totals = { done: 0, late: 0, due: 0 };

  for (const task of tasks) {
    const item: DigestItem = { number: task.number, title: task.title, end: task.end ?? null };
    let list: 'done' | 'late' | 'due' | null = null;
    const completed = task.completedAt?.getTime();
    if (task.status === 'done') {
      if (completed !== undefined && completed >= from && completed < until) list = 'done';
    } else if (task.end && endedBeforeLoad({ end: task.end, loadedOn: loadedOn(task, zone) })) {
      // An old plan loaded for the record: one count, not a list of "late" items nobody can act on.
      backlog++;
    } else if (task.end && compareDates(task.end, today) < 0) {
      list = 'late';
      item.workingDaysLate = Math.max(1, workingDaysBetween(task.end, today, calendar));
    } else if (task.end && compareDates(task.end, weekEnd) <= 0) {
      list = 'due';
    }
    if (!list) continue;
    totals[list]++;
    const leads = task.lead?.length ? task.lead : [null];
    for (const slug of leads) {
      let section = sections.get(slug);
      if (!section) {
        section = { department: slug, done: [], late: [], due: [] };
        sections.set(slug, section);
      }
      section[list].push(item);
    }
  }
  const kept = [...sections.values()].filter((s) => s.done.length + s.late.length + s.due.length > 0);
  // Tasks with no lead unit last: they are the leadership's own to assign.
  kept.sort((a, b) => Number(a.department === null) - Number(b.department === null));
  const names = new Map(departments.map((d) => [d.slug, d.name]));
  const [week, quarter] = await Promise.all([
    thisWeek(orgId, today, weekStart, weekEnd, zone, names),
    quarterNumbers(orgId, today, zone, names),
  ]);
  return {
    orgName: orgName ?? String(orgId),
    weekStart,
    weekEnd,
    totals,
    sections: kept,
    backlog,
    mutedGroups: muted.map((b) => b.title || b.chatId),
    week,
    quarter,
  };
}

/** "Tuần này": windows opening this week, deadlines missed in the last seven days, groups not reached. */
async function thisWeek(
  orgId: string,
  today: LocalDate,
  weekStart: LocalDate,
  weekEnd: LocalDate,
  zone: string,
  names: ReadonlyMap<string, string>,
): Promise<DigestWeek> {
  const window = { weekStart, weekEnd, overdueFrom: addDays(weekStart, -7), today };
  const { starting, overdue, groups: bindings } = await digestWeek(orgId, window);
  const item = (task: WeekTask): DigestItem => ({
    number: task.number,
    title: task.title,
    end: task.end ?? null,
    start: task.start ?? null,
  });
  const groups: DigestWeek['groups'] = [];
  for (const b of bindings) {
    const muted = Boolean(b.mutedSince);
    if (!muted && !b.unreachableSince) continue;
    const title = b.title || (b.department ? (names.get(b.department) ?? b.department) : b.chatId);
    groups.push({
      title,
      muted,
      unreachableSince: b.unreachableSince ? toLocalDate(b.unreachableSince, zone) : null,
    });
  }
  return { starting: starting.map(item), becameOverdue: overdue.map(item), groups };
}

/** The current quarter per lead department, counted exactly as /status counts it. */
async function quarterNumbers(
  orgId: string,
  today: LocalDate,
  zone: string,
  names: ReadonlyMap<string, string>,
): Promise<DigestQuarter> {
  const period = quarterOf(today);
  const tasks = await findPeriodTasks(String(orgId), period, zone);
  const rows = departmentSummaries(tasks, today).map((s) => ({
    department: s.department ? (names.get(s.department) ?? s.department) : null,
    counts: s.counts,
  }));
  return { period, asOf: today, rows };
}

async function deliverDigest(
  rt: ReminderRuntime,
  orgId: string,
  input: DigestInput,
  chat: { platform: Platform; chatId: string; locale?: string | null },
): Promise<DigestDelivery> {
  const base = { org: orgId, platform: chat.platform, chatId: chat.chatId };
  const sender = rt.senders.get(chat.platform);
  if (!sender) return { ...base, status: 'no-sender', messages: 0 };
  const mark = `${rt.prefix}:digest:${input.weekStart}:${chat.platform}:${chat.chatId}`;
  if (await rt.connection.exists(mark)) return { ...base, status: 'already-sent', messages: 0 };
  const locale = chat.locale === 'en' || chat.locale === 'vi' ? chat.locale : rt.defaultLocale;
  const replies = renderDigest(input, locale);
  const first = replies[0];
  if (first) {
    try {
      const chart = digestChart(input, locale);
      if (chart) first.image = chart;
    } catch (err) {
      // The words are the digest; a chart that failed to draw must not hold them back.
      rt.logger.error({ err, ...base }, 'weekly digest chart failed');
    }
  }
  try {
    for (const reply of replies) await sender.send(chat.chatId, reply);
  } catch (err) {
    if (isUnreachable(err)) {
      await markUnreachable(rt, chat.platform, chat.chatId, err);
      return { ...base, status: 'unreachable', messages: 0 };
    }
    rt.logger.error({ err, ...base }, 'weekly digest not delivered');
    return { ...base, status: 'failed', messages: 0 };
  }
  await rt.connection.set(mark, '1', 'EX', 8 * 86_400);
  return { ...base, status: 'sent', messages: replies.length };
}

export interface DigestOptions {
  /** Only these organisations (default: all). */
  orgIds?: readonly string[];
  /** Where to hand digests for platforms this process has no Sender for. */
  queues?: ReadonlyMap<Platform, Pick<Queue<DigestDeliveryJobData>, 'add'>>;
}

async function digestInput(rt: ReminderRuntime, orgId: string): Promise<DigestInput> {
  const zone = zoneOf(await rt.settingsFor(orgId));
  return buildWeeklyDigest(orgId, toLocalDate(rt.clock.now(), zone), zone, rt.calendar);
}

/** Sends this week's digest to the leaders groups of every organisation (or of `orgIds`). */
export async function sendWeeklyDigests(
  rt: ReminderRuntime,
  options: DigestOptions = {},
): Promise<DigestDelivery[]> {
  const orgIds = options.orgIds ?? (await allOrgIds());
  const out: DigestDelivery[] = [];
  for (const orgId of orgIds) {
    const chats = await reachableLeadersChats(orgId);
    if (chats.length === 0) {
      rt.logger.warn({ org: orgId }, 'no leaders group for the weekly digest');
      continue;
    }
    const input = await digestInput(rt, orgId);
    for (const chat of chats) {
      const platform = chat.platform;
      const handOff = rt.senders.has(platform) ? undefined : options.queues?.get(platform);
      if (handOff) {
        const data = { orgId, week: input.weekStart, chatId: chat.chatId };
        await handOff.add(JOB_NAMES.deliverDigest, data, {
          ...DELIVERY_JOB_OPTIONS,
          jobId: digestDeliveryJobId(data.week, data.chatId),
        });
        out.push({ org: orgId, platform, chatId: chat.chatId, status: 'queued', messages: 0 });
        continue;
      }
      out.push(await deliverDigest(rt, orgId, input, { platform, chatId: chat.chatId, locale: chat.locale }));
    }
  }
  rt.logger.info(
    { deliveries: out.length, sent: out.filter((d) => d.status === 'sent').length },
    'weekly digest done',
  );
  return out;
}

/** A digest handed over by another process: rebuilt here, for this week only. */
export async function processDigestDelivery(
  rt: ReminderRuntime,
  platform: Platform,
  job: Job<DigestDeliveryJobData>,
): Promise<DigestDelivery> {
  const { orgId, week, chatId } = job.data;
  const chat = await reachableLeadersChat(orgId, platform, chatId);
  const input = await digestInput(rt, orgId);
  if (!chat || input.weekStart !== week)
    return { org: orgId, platform, chatId, status: 'failed', messages: 0 };
  return deliverDigest(rt, orgId, input, { platform, chatId, locale: chat.locale });
}
