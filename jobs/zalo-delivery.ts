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
 */
import type { ZaloDeliveryStarter } from '../src/app/bot-service';
import { UnreachableChatError, type Sender } from '../src/channels/sender';
import type { SendBudget } from '../src/channels/zalo/send-budget';
import type { ZaloSessionWatch } from '../src/channels/zalo/channel';
import { guardChatRefusals, type ChatRefusalPolicy } from '../src/channels/zalo/chat-refusals';
import { waitingNotice } from '../src/channels/zalo/notices';
import { ChatBinding, ReminderLog } from '../src/store/models';
import { createReminderRuntime } from './runtime';
import { markUnreachable } from './unreachable';
import { startReminderWorkers, type ReminderWorkers } from './workers';

type StarterOptions = Parameters<ZaloDeliveryStarter>[0];

export interface ZaloDeliveryTuning {
  chatRefusals?: Partial<ChatRefusalPolicy>;
  /** While there is no session, how often to look for waiting reminders to tell the admins about (2 min). */
  waitingNoticeAfterMs?: number;
}

function budgetOf(sender: Sender): Pick<SendBudget, 'onTurn'> | undefined {
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

function sessionOf(sender: Sender): ZaloSessionWatch | undefined {
  const session: unknown = (sender as { session?: unknown }).session;
  if (typeof session !== 'object' || session === null) return undefined;
  return 'ready' in session && 'onChange' in session ? (session as ZaloSessionWatch) : undefined;
}

export async function startZaloDeliveryWith(
  o: StarterOptions,
  tuning: ZaloDeliveryTuning = {},
): Promise<ReminderWorkers> {
  const sender = guardChatRefusals(o.sender, {
    logger: o.logger,
    notifyAdmins: o.notifyAdmins,
    titleOf: async (chatId) =>
      (await ChatBinding.findOne({ platform: 'zalo', chatId }, { title: 1 }).lean())?.title || chatId,
    policy: tuning.chatRefusals,
    now: () => o.clock.now().getTime(),
  });
  const rt = createReminderRuntime({
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
  const session = sessionOf(o.sender);
  const stopWatching = session ? watchSession(session, workers, o, tuning) : () => undefined;
  // A group the account left (membership event or check): its binding is marked at once, admins told once.
  session?.onGroupGone?.((chatId, reason) => {
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
    },
  };
}

export const startZaloDelivery: ZaloDeliveryStarter = (o) => startZaloDeliveryWith(o);

/** Sends the waiting deliveries the moment the session is back, and tells the admins how many wait. */
function watchSession(
  session: ZaloSessionWatch,
  workers: ReminderWorkers,
  o: StarterOptions,
  tuning: ZaloDeliveryTuning,
): () => void {
  const after = tuning.waitingNoticeAfterMs ?? 2 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const waitingRows = () =>
    ReminderLog.find({ platform: 'zalo', state: 'waiting' }, { key: 1, chatId: 1 }).lean<
      Array<{ key: string; chatId: string }>
    >();

  /** While offline, looks every `after` ms; the first time reminders are waiting, says how many, once. */
  const scheduleNotice = (): void => {
    if (timer) return;
    timer = setInterval(() => {
      void (async () => {
        if (closed || session.ready()) return;
        // Rows waiting on a refusing chat are that chat's story (told separately); these wait for a session.
        const count = await ReminderLog.countDocuments({
          platform: 'zalo',
          state: 'waiting',
          error: /\(offline\)/,
        });
        if (count === 0 || !timer) return;
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
    const rows = await waitingRows();
    // A group's waiting message is its delivery job of the day (one per group per slot), delayed.
    const chats = new Set(rows.map((r) => r.chatId));
    if (chats.size > 0)
      for (const job of await queue.getDelayed())
        if (chats.has(String((job.data as { chatId?: unknown }).chatId))) await job.promote();
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
