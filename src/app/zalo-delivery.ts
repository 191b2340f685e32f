/**
 * Zalo allows one session per account and the bot process holds it (it listens for messages), so the
 * worker only queues Zalo deliveries; this runs their processor inside the bot process, with the Zalo
 * channel's own Sender (and so its account-wide rate limit).
 *
 * Zalo as it behaves (src/channels/zalo/): a chat that refuses the bot (123…) waits on its own back-off
 * without holding up the others (chat-refusals.ts); while there is no session (not logged in yet, or
 * expired until someone runs `npm run zalo:login`) deliveries wait — the ReminderLog row says 'waiting',
 * no attempt is used — and go out as soon as the session is back; those whose day passes meanwhile are
 * recorded 'superseded' by jobs/deliver.ts, not sent late. The admins are told once how many wait.
 * It lives in src/app, the composition root: it wires the jobs' processors to the channel's Sender, whose
 * `session` (declared on Sender) says when sends can go.
 */
import { Queue } from 'bullmq';
import type { ZaloDeliveryStarter } from './bot-service';
import { UnreachableChatError, type SendSession } from '../channels/sender';
import type { ZaloSessionWatch } from '../channels/zalo/channel';
import type { SendBudget } from '../channels/zalo/send-budget';
import { guardChatRefusals, type ChatRefusalPolicy } from '../channels/zalo/chat-refusals';
import { waitingNotice } from '../channels/zalo/notices';
import { logErrorsOf } from '../shared/error-log';
import { chatTitle } from '../store/chat-reach';
import { countWaiting, waitingRows } from '../store/reminder-log';
import { createReminderRuntime } from '../../jobs/runtime';
import { markUnreachable } from '../../jobs/unreachable';
import { startReminderWorkers, type ReminderWorkers } from '../../jobs/workers';
import { DEFAULT_PREFIX, JOB_NAMES, REMINDER_QUEUE } from '../scheduler/reminder-queue';

type StarterOptions = Parameters<ZaloDeliveryStarter>[0];

export interface ZaloDeliveryTuning {
  chatRefusals?: Partial<ChatRefusalPolicy>;
  /** While there is no session, how often to look for waiting reminders to tell the admins about (2 min). */
  waitingNoticeAfterMs?: number;
}

function budgetOf(sender: object): Pick<SendBudget, 'onTurn'> | undefined {
  const budget: unknown = (sender as { budget?: unknown }).budget;
  return typeof budget === 'object' && budget !== null && 'onTurn' in budget
    ? (budget as Pick<SendBudget, 'onTurn'>)
    : undefined;
}

async function promoteChat(workers: ReminderWorkers, chatId: string): Promise<void> {
  const queue = workers.deliveryQueues.get('zalo');
  if (!queue) return;
  for (const job of await queue.getDelayed())
    if (String((job.data as { chatId?: unknown }).chatId) === chatId) await job.promote();
}

/** The Zalo channel's session also says when a group is gone (channel.ts). */
function membershipOf(session: SendSession | undefined): Pick<ZaloSessionWatch, 'onGroupGone'> | undefined {
  return session && 'onGroupGone' in session ? (session as Pick<ZaloSessionWatch, 'onGroupGone'>) : undefined;
}

export async function startZaloDeliveryWith(
  o: StarterOptions,
  tuning: ZaloDeliveryTuning = {},
): Promise<ReminderWorkers> {
  const sender = guardChatRefusals(o.sender, {
    logger: o.logger,
    notifyAdmins: o.notifyAdmins,
    titleOf: async (chatId) => (await chatTitle('zalo', chatId)) || chatId,
    policy: tuning.chatRefusals,
    now: () => o.clock.now().getTime(),
  });
  // This process fans out no reminder, but it must know when the worker still is (jobs/morning-order.ts).
  const reminders = new Queue(REMINDER_QUEUE, {
    connection: o.connection,
    prefix: o.prefix ?? DEFAULT_PREFIX,
  });
  logErrorsOf(reminders, `${REMINDER_QUEUE} queue (zalo delivery)`, o.logger);
  const rt = createReminderRuntime({
    pendingFanOut: async () =>
      Object.values(await reminders.getJobCounts('wait', 'active', 'prioritized')).reduce((a, b) => a + b, 0),
    connection: o.connection,
    clock: o.clock,
    calendar: o.calendar,
    logger: o.logger,
    senders: [sender],
    platforms: ['zalo'],
    defaultLocale: o.defaultLocale,
    // Else an item whose overdue step differs from the defaults would be skipped as not due.
    ...(o.reminderDefaults ? { reminderDefaults: o.reminderDefaults } : {}),
    notifyAdmins: o.notifyAdmins,
    prefix: o.prefix,
  });
  const workers = startReminderWorkers(rt, { fanOut: false });
  await workers.ready();
  const session = o.sender.session;
  const stopWatching = session ? watchSession(session, workers, o, tuning) : () => undefined;
  // A group the account left (membership event or check): its binding is marked at once, admins told once.
  membershipOf(session)?.onGroupGone((chatId, reason) => {
    void markUnreachable(rt, 'zalo', chatId, new UnreachableChatError('zalo', chatId, reason)).catch(
      (err: unknown) => o.logger.error({ err: String(err) }, 'zalo: could not mark a group unreachable'),
    );
  });
  // The send budget lets one group through: the next in line goes now, not at its next retry.
  budgetOf(o.sender)?.onTurn((chatId) => {
    void promoteChat(workers, chatId).catch((err: unknown) =>
      o.logger.debug({ err: String(err) }, 'zalo: could not wake the next delivery'),
    );
  });
  o.logger.info('zalo: delivering queued reminders from this process');
  return {
    ...workers,
    close: async () => {
      stopWatching();
      await workers.close();
      await reminders.close();
    },
  };
}

export const startZaloDelivery: ZaloDeliveryStarter = (o) => startZaloDeliveryWith(o);

/** Sends the waiting deliveries the moment the session is back, and tells the admins how many wait. */
function watchSession(
  session: SendSession,
  workers: ReminderWorkers,
  o: StarterOptions,
  tuning: ZaloDeliveryTuning,
): () => void {
  const after = tuning.waitingNoticeAfterMs ?? 2 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  /**
   * While offline, looks every `after` ms; once reminders are waiting and their number held still for one
   * look (a morning's deliveries reach 'waiting' one by one: the first look may catch only some), says how
   * many, once.
   */
  const scheduleNotice = (): void => {
    if (timer) return;
    let last = 0;
    timer = setInterval(() => {
      void (async () => {
        if (closed || session.ready()) return;
        // Rows waiting on a refusing chat are that chat's story (told separately); these wait for a session.
        const count = await countWaiting('zalo', 'offline');
        const settled = count > 0 && count === last;
        last = count;
        if (!settled || !timer) return;
        clearInterval(timer);
        await o.notifyAdmins(waitingNotice(count));
      })().catch((err: unknown) =>
        o.logger.error({ err: String(err) }, 'zalo: waiting-reminders notice failed'),
      );
    }, after);
    timer.unref();
  };

  const release = async (): Promise<void> => {
    const queue = workers.deliveryQueues.get('zalo');
    if (!queue) return;
    // Every waiting row, for a session or on a refusing chat: the chat's own back-off still holds the latter.
    const rows = await waitingRows('zalo');
    // A group's waiting message is its delivery job of the day (one per group per slot), delayed.
    const chats = new Set(rows.map((r) => r.chatId));
    // Digests that waited for the session are released with them.
    for (const job of await queue.getDelayed())
      if (
        job.name === JOB_NAMES.deliverDigest ||
        chats.has(String((job.data as { chatId?: unknown }).chatId))
      )
        await job.promote();
    if (rows.length > 0)
      o.logger.info({ count: rows.length }, 'zalo: session back; sending waiting reminders');
  };

  session.onChange((ready) => {
    if (closed) return;
    if (!ready) return scheduleNotice();
    if (timer) clearInterval(timer);
    timer = undefined;
    void release().catch((err: unknown) =>
      o.logger.error({ err: String(err) }, 'zalo: could not release waiting reminders'),
    );
  });
  if (!session.ready()) scheduleNotice();
  return () => {
    closed = true;
    if (timer) clearInterval(timer);
  };
}
