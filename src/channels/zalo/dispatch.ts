/** Incoming Zalo messages → core → replies, one thread at a time, each message once. */
import type { BotCore } from '../../bot/messages';
import { askCore } from '../ask-core';
import type { Logger } from '../../shared/logger';
import { describeError, ZaloSessionExpiredError } from './errors';
import { describeContent, toIncomingMessage, type GroupTitleCache } from './inbound';
import type { ZaloSender } from './sender';
import type { Message } from './zca';

export interface DispatcherOptions {
  core: BotCore;
  logger: Logger;
  sender: Pick<ZaloSender, 'sendTo'>;
  titles: GroupTitleCache;
  /** The bot's uid; read per message because it is only known after login. */
  ownId: () => string;
  /** Fetches a file a user sent (its `href`); by default a plain HTTP GET (the channel adds the session). */
  download?: (url: string) => Promise<Buffer>;
}

/**
 * Zalo's file links are HTTPS URLs on its CDN. The web client fetches them with the session's cookies and
 * user agent, and a CDN that checks them would refuse a bare GET, so the channel passes both.
 */
export async function fetchFile(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`zalo: file download failed with HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

export interface Dispatcher {
  push(message: Message): void;
  /** Resolves when every message pushed so far has been answered (or has failed). */
  drain(): Promise<void>;
}

/** Enough to cover a catch-up after a reconnect (old_messages resends recent history); oldest forgotten first. */
const MAX_SEEN = 10_000;

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { core, logger, sender } = options;
  const seen = new Set<string>();
  const threads = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();

  async function answer(message: Message): Promise<void> {
    const incoming = toIncomingMessage(message, {
      ownId: options.ownId(),
      download: options.download ?? fetchFile,
    });
    if (!incoming) {
      logger.debug(
        { threadId: message.threadId, content: describeContent(message) },
        'zalo: message ignored',
      );
      return;
    }
    if (incoming.chat.isGroup) {
      const title = await options.titles.get(incoming.chat.id);
      if (title) incoming.chat.title = title;
    }
    const replies = await askCore(core, incoming, logger, describeError);
    for (const reply of replies) {
      if (!reply.image && !reply.document && reply.segments.every((s) => !s.text.trim())) continue;
      try {
        // Quoting needs the user's raw message (zca-js copies ids, type and content from it).
        await sender.sendTo(
          message.threadId,
          message.type,
          reply,
          reply.quote ? { quote: message.data } : {},
        );
      } catch (err) {
        logger.error({ chatId: incoming.chat.id, err: describeError(err) }, 'zalo: could not send a reply');
        if (err instanceof ZaloSessionExpiredError) return;
      }
    }
  }

  return {
    push(message) {
      const id = `${message.threadId}:${message.data.msgId}`;
      // The same message may come back under another id (#348): same thread, sender, time and content.
      const content =
        typeof message.data.content === 'string'
          ? message.data.content
          : JSON.stringify(message.data.content);
      const same = `${message.threadId}:${message.data.uidFrom}:${message.data.ts}:${content}`;
      if (seen.has(id) || seen.has(same)) return; // zca-js may redeliver after a reconnect
      for (const key of [id, same]) {
        seen.add(key);
        if (seen.size > MAX_SEEN) seen.delete(seen.values().next().value ?? key);
      }
      // Answers come back in the order the questions were asked in each thread.
      const previous = threads.get(message.threadId) ?? Promise.resolve();
      const task = previous
        .then(() => answer(message))
        .catch((err: unknown) => {
          logger.error(
            { threadId: message.threadId, err: describeError(err) },
            'zalo: failed to handle a message',
          );
        });
      threads.set(message.threadId, task);
      inFlight.add(task);
      void task.finally(() => {
        inFlight.delete(task);
        if (threads.get(message.threadId) === task) threads.delete(message.threadId);
      });
    },
    async drain() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
