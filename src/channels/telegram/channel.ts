/**
 * The Telegram adapter: receives messages (long polling, or a webhook), hands them to the core, and posts
 * the core's replies back. It decides nothing itself: commands addressed to other bots, permissions and
 * wording are the core's.
 */
import { Bot, type BotError, type Context } from 'grammy';
import { askCore } from '../ask-core';
import type { BotCore } from '../../bot/messages';
import type { Logger } from '../../shared/logger';
import type { Sender, SendPacer } from '../sender';
import { deliverReply, editReply } from './deliver';
import { describeError } from './errors';
import { chatMigration, toIncomingMessage, toIncomingPress } from './inbound';
import { setCommandMenus, type TelegramCommand } from './menus';
import { installAutoRetry, installPacer, senderFromApi, type RetryLimits } from './sender';
import { createOutbox } from './outbox';
import { startWebhook, type RunningWebhook, type WebhookSettings } from './webhook-server';

/** Said when the core fails, so a user's message is never silently dropped. */
export { APOLOGY_VI } from '../ask-core';

export interface TelegramChannelOptions extends RetryLimits {
  token: string;
  /** Bot API root without a trailing slash. */
  apiRoot: string;
  core: BotCore;
  logger: Logger;
  /** The command menu, set at start for group chats and the default scope, in vi, en and the fallback. */
  commands?: readonly TelegramCommand[];
  /** Receive updates through a webhook instead of long polling. */
  webhook?: WebhookSettings;
  /**
   * A group was upgraded to a supergroup and has a new chat id: rebind whatever was bound to the old
   * id. Without it the migration is only logged.
   */
  onChatMigrated?: (fromChatId: string, toChatId: string) => Promise<void> | void;
  /**
   * Shared send limits (overall and per chat, through Redis) that the worker's sends keep too; without
   * one, only grammY's auto-retry answers a 429.
   */
  pacer?: SendPacer;
}

export interface TelegramChannel {
  /** Posts through the bot's own Api (same retry policy). */
  readonly sender: Sender;
  /** Resolves once updates are flowing (polling started, or the webhook registered). */
  start(): Promise<void>;
  /** Stops receiving and waits for messages being handled. */
  stop(): Promise<void>;
}

export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const { core, logger } = options;
  const bot = new Bot(options.token, { client: { apiRoot: options.apiRoot } });
  // Under auto-retry, so every retry is paced too (see installPacer).
  if (options.pacer) installPacer(bot.api, options.pacer);
  installAutoRetry(bot.api, options);
  const sender = senderFromApi(bot.api, logger);
  const outbox = createOutbox(async (chatId, entry) => {
    try {
      await deliverReply(bot.api, chatId, entry.reply, {
        ...(entry.quoteMessageId !== undefined ? { quoteMessageId: entry.quoteMessageId } : {}),
        ...(entry.threadId !== undefined ? { threadId: entry.threadId } : {}),
      });
    } catch (err) {
      // One reply that cannot be posted should not keep the others back.
      logger.error({ chatId, err: describeError(err) }, 'telegram: failed to send a reply');
    }
  });
  const inFlight = new Set<Promise<void>>();

  /** getFile, then the file URL (which carries the token, so it is never logged). */
  async function download(fileId: string): Promise<Buffer> {
    const file = await bot.api.getFile(fileId);
    if (!file.file_path) throw new Error('telegram: getFile gave no file_path');
    const res = await fetch(`${options.apiRoot}/file/bot${options.token}/${file.file_path}`);
    if (!res.ok) throw new Error(`telegram: file download failed with HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  const logUpdateError = (err: BotError): void => {
    const msg = err.ctx.msg;
    logger.error(
      {
        chatId: msg?.chat.id,
        messageId: msg?.message_id,
        updateId: err.ctx.update.update_id,
        err: describeError(err.error),
      },
      'telegram: failed to handle an update',
    );
  };

  async function answer(ctx: Context): Promise<void> {
    const migration = chatMigration(ctx);
    if (migration) {
      logger.warn(migration, 'telegram: group upgraded to a supergroup, its chat id changed');
      await options.onChatMigrated?.(migration.fromChatId, migration.toChatId);
      return;
    }
    const incoming = toIncomingMessage(ctx, download);
    const msg = ctx.message;
    if (!incoming || !msg) return;

    const replies = await askCore(core, incoming, logger, describeError);

    const threadId = msg.is_topic_message ? msg.message_thread_id : undefined;
    // Not awaited here: a group waiting for its send slot must not hold up the next update of another
    // group (grammY hands updates over one at a time). stop() waits for the outbox.
    for (const reply of replies)
      void outbox.post(String(msg.chat.id), {
        reply,
        who: incoming.user.name,
        ...(reply.quote ? { quoteMessageId: msg.message_id } : {}),
        ...(threadId !== undefined ? { threadId } : {}),
      });
  }

  /** A button press: always answered (Telegram shows a spinner until then), the message edited if asked. */
  async function answerPress(ctx: Context): Promise<void> {
    const incoming = toIncomingPress(ctx);
    const message = ctx.callbackQuery?.message;
    if (!incoming || !message) {
      await ctx.answerCallbackQuery().catch(() => undefined);
      return;
    }
    const replies = await askCore(core, incoming, logger, describeError);
    const toast = replies.find((r) => r.toast)?.toast;
    try {
      await ctx.answerCallbackQuery(toast ? { text: toast.slice(0, 200) } : {});
    } catch (err) {
      logger.warn(
        { chatId: incoming.chat.id, err: describeError(err) },
        'telegram: could not answer a press',
      );
    }
    for (const reply of replies) {
      try {
        if (reply.editsPressed) await editReply(ctx.api, message.chat.id, message.message_id, reply);
        else if (reply.segments.length) await deliverReply(ctx.api, message.chat.id, reply);
      } catch (err) {
        logger.error(
          { chatId: incoming.chat.id, err: describeError(err) },
          'telegram: failed to answer a button press',
        );
      }
    }
  }

  // Tracked so stop() can wait for them in webhook mode, where grammY does not.
  bot.use(async (_ctx, next) => {
    const run = next();
    inFlight.add(run);
    try {
      await run;
    } finally {
      inFlight.delete(run);
    }
  });
  // The boundary keeps errors inside the bot in both modes; bot.catch alone only covers polling.
  bot.errorBoundary(logUpdateError).on('message', answer);
  bot.errorBoundary(logUpdateError).on('callback_query:data', answerPress);
  bot.catch(logUpdateError);

  let polling: Promise<void> | undefined;
  let webhook: RunningWebhook | undefined;

  async function start(): Promise<void> {
    if (polling || webhook) return;
    if (options.commands) await setCommandMenus(bot.api, options.commands, logger);
    if (options.webhook) {
      await bot.init();
      webhook = await startWebhook(bot, options.webhook, logger);
      logger.info(`telegram: webhook as @${bot.botInfo.username} on port ${options.webhook.port}`);
      return;
    }
    await new Promise<void>((resolve, reject) => {
      let started = false;
      polling = bot
        .start({
          onStart: (me) => {
            started = true;
            logger.info(`telegram: polling as @${me.username}`);
            resolve();
          },
        })
        .catch((err: unknown) => {
          if (!started) {
            polling = undefined;
            reject(err instanceof Error ? err : new Error(String(err)));
            return;
          }
          // 401 (token revoked) or 409 (another instance polling): grammY gives up on these.
          logger.error({ err: describeError(err) }, 'telegram: polling stopped');
        });
    });
  }

  async function stop(): Promise<void> {
    if (webhook) {
      await webhook.close();
      webhook = undefined;
    }
    if (polling) {
      if (bot.isRunning()) {
        await bot.stop().catch((err: unknown) => {
          logger.warn(
            { err: describeError(err) },
            'telegram: could not confirm the last update while stopping',
          );
        });
      }
      // Resolves once the batch being handled is done.
      await polling;
      polling = undefined;
    }
    await Promise.allSettled([...inFlight]);
    await outbox.idle();
  }

  return { sender, start, stop };
}
