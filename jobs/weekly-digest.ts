/**
 * The Monday digest to each organisation's leadership group(s): per lead department, what was finished
 * last week, what is late, what falls due this week. `sendWeeklyDigests` takes its clock from the runtime,
 * so a test can call it for any Monday; in production the cron queues one `weekly-digest` job per week.
 * A group that already got this week's digest is skipped (a Redis mark set after the send: a crash right
 * between send and mark repeats that one digest, which is the lesser harm).
 */
import { DelayedError, type Job, type Queue } from 'bullmq';
import { RateLimitedError, SendDeferredError } from '../src/channels/sender';
import type { Platform } from '../src/bot/messages';
import {
  digestChart,
  renderDigest,
  type DigestInput,
  type DigestItem,
  type DigestQuarter,
  type DigestScorecard,
  type DigestSection,
  type DigestWeek,
} from '../src/bot/digest-message';
import { quarterOf } from '../src/domain/calendar';
import { departmentScorecard, departmentSummaries, findPeriodTasks } from '../src/report/period-tasks';
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
  const [week, quarter, scorecard] = await Promise.all([
    thisWeek(orgId, today, weekStart, weekEnd, zone, names),
    quarterNumbers(orgId, today, zone, names),
    quarterScorecard(orgId, weekStart, today, zone, names),
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
    ...(scorecard ? { scorecard } : {}),
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

/**
 * The quarter just ended, ranked by on-time rate — only in the first digest of a quarter: the one whose
 * week opens in a new quarter while the week before opened in the old one. Once a quarter, whichever
 * weekday the quarter starts on (1/7 a Tuesday: the digest of Monday 7/7 carries the second quarter).
 * Judged as of the digest's day, so every task due in that quarter is either done or overdue.
 */
async function quarterScorecard(
  orgId: string,
  weekStart: LocalDate,
  today: LocalDate,
  zone: string,
  names: ReadonlyMap<string, string>,
): Promise<DigestScorecard | undefined> {
  const ended = quarterOf(addDays(weekStart, -7));
  if (quarterOf(weekStart).start === ended.start) return undefined;
  const tasks = await findPeriodTasks(orgId, ended, zone);
  const name = (slug: string): string => names.get(slug) ?? slug;
  const rows = departmentScorecard(tasks, ended, today, name).map((r) => ({
    ...r,
    department: name(r.department),
  }));
  return rows.length ? { period: ended, rows } : undefined;
}

/**
 * What to do when the platform has no session or the chat refuses for now: the queued path waits (the job
 * is delayed and tried again, or released early when the session is back); the in-process path reports.
 */
type OnDeferred = (err: SendDeferredError | RateLimitedError) => Promise<never>;

async function deliverDigest(
  rt: ReminderRuntime,
  orgId: string,
  input: DigestInput,
  chat: { platform: Platform; chatId: string; locale?: string | null },
  onDeferred?: OnDeferred,
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
      const chart = await digestChart(input, locale);
      if (chart) first.image = chart;
    } catch (err) {
      // The words are the digest; a chart that failed to draw must not hold them back.
      rt.logger.error({ err, ...base }, 'weekly digest chart failed');
    }
  }
  // Each part is marked once sent, so a digest resumed after an outage does not post its first part twice.
  const partMark = (i: number) => `${mark}:part:${i}`;
  try {
    for (const [i, reply] of replies.entries()) {
      if (await rt.connection.exists(partMark(i))) continue;
      await sender.send(chat.chatId, reply);
      await rt.connection.set(partMark(i), '1', 'EX', 8 * 86_400);
    }
  } catch (err) {
    if (isUnreachable(err)) {
      await markUnreachable(rt, chat.platform, chat.chatId, err);
      return { ...base, status: 'unreachable', messages: 0 };
    }
    if (onDeferred && (err instanceof SendDeferredError || err instanceof RateLimitedError)) {
      rt.logger.warn({ ...base, err: err.message }, 'weekly digest waits for the platform');
      return onDeferred(err);
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

/** While the platform is away a queued digest waits this long between looks (the session's return releases it). */
export const DIGEST_WAIT_MS = 10 * 60_000;

/**
 * A digest handed over by another process: rebuilt here, for this week only. While the platform has no
 * session, it waits as reminders do — delayed, using up no attempt — until the session is back or the week
 * is over.
 */
export async function processDigestDelivery(
  rt: ReminderRuntime,
  platform: Platform,
  job: Job<DigestDeliveryJobData>,
  token?: string,
): Promise<DigestDelivery> {
  const { orgId, week, chatId } = job.data;
  const chat = await reachableLeadersChat(orgId, platform, chatId);
  const input = await digestInput(rt, orgId);
  if (!chat || input.weekStart !== week)
    return { org: orgId, platform, chatId, status: 'failed', messages: 0 };
  return deliverDigest(rt, orgId, input, { platform, chatId, locale: chat.locale }, async (err) => {
    const wait =
      err instanceof SendDeferredError ? Math.min(err.retryAfterMs, DIGEST_WAIT_MS) : err.retryAfterMs;
    await job.moveToDelayed(Date.now() + Math.max(wait, 1_000), token);
    throw new DelayedError();
  });
}
