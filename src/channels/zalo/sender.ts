/**
 * Posts core Replies to Zalo through zca-js, one rate-limited queue for the whole account.
 *
 * Zalo's anti-spam (codes 221/123, docs/zalo-zca-js.md §5) watches the account, not the group, and an
 * unofficial client that trips it risks a lock; so every message — scheduled reminders and answers to
 * commands alike — goes through one Bottleneck token bucket: a small burst, then `ratePerSecond`.
 */
import Bottleneck from 'bottleneck';
import type { Reply } from '../../bot/messages';
import type { Logger } from '../../shared/logger';
import { RateLimitedError, SendDeferredError, UnreachableChatError, type Sender } from '../sender';
import type { ZaloSendApi } from './api';
import {
  describeError,
  isZaloApiError,
  toSendError,
  ZaloChatRefusedError,
  ZaloSessionExpiredError,
} from './errors';
import {
  fileAttachment,
  pngAttachment,
  renderSegments,
  splitStyledText,
  withExtension,
  ZALO_TEXT_LIMIT,
} from './outbound';
import { ThreadType, type MessageContent, type SendMessageQuote, type SendMessageResponse } from './zca';

/** Zalo publishes no caption limit either (see ZALO_TEXT_LIMIT); longer texts follow the picture instead. */
export const ZALO_CAPTION_LIMIT = 1000;

export interface ZaloSenderOptions {
  logger: Logger;
  /** Sustained messages per second for the account (default 1). */
  ratePerSecond?: number;
  /** Messages that may go out back to back before the rate applies (default 3). */
  burst?: number;
  /** Longest text chunk in UTF-16 units (default ZALO_TEXT_LIMIT). */
  maxChunkLength?: number;
  /** Called when a send finds the session expired (the channel stops and tells the admins). */
  onSessionExpired?: (err: Error) => void;
}

export interface ZaloSendOptions {
  /** Quote this message (the user's `message.data`) in the first message sent. */
  quote?: SendMessageQuote;
}

export interface ZaloSendResult {
  /** The first message sent (the image when there is one, else the first text chunk). */
  messageId: string;
  /** Every message sent, in order: a reply to any chunk of a long reminder finds its task. */
  messageIds: string[];
}

export interface ZaloSender extends Sender {
  /**
   * Sends to a group or a user thread (the image first when there is one, then the document, then the
   * text chunks). Errors are ZaloSessionExpiredError, UnreachableChatError, RateLimitedError,
   * ZaloChatRefusedError, SendDeferredError (no session yet), or zca-js's own; messages already sent when
   * one fails stay sent.
   */
  sendTo(
    threadId: string,
    type: ThreadType,
    reply: Reply,
    options?: ZaloSendOptions,
  ): Promise<ZaloSendResult>;
  /** Sends to a chat id alone, as a group or a private chat, whichever it is (see threadTypeOf). */
  send(chatId: string, reply: Reply): Promise<ZaloSendResult>;
  /** Records a thread's type as seen on an incoming message. */
  noteThread(threadId: string, type: ThreadType): void;
  /** Lets queued messages go out, then refuses new ones. */
  stop(): Promise<void>;
}

/** Errors that sending the caption instead would only repeat. */
function isFinal(err: unknown): boolean {
  return (
    err instanceof ZaloSessionExpiredError ||
    err instanceof UnreachableChatError ||
    err instanceof ZaloChatRefusedError ||
    err instanceof SendDeferredError ||
    err instanceof RateLimitedError
  );
}

export function createZaloSender(api: ZaloSendApi, options: ZaloSenderOptions): ZaloSender {
  const { logger } = options;
  const rate = options.ratePerSecond ?? 1;
  const burst = Math.max(1, Math.floor(options.burst ?? 3));
  const intervalMs = Math.max(1, Math.round(1000 / rate));
  let stopped = false;
  const limiter = new Bottleneck({
    maxConcurrent: 1,
    reservoir: burst,
    reservoirIncreaseAmount: 1,
    reservoirIncreaseInterval: intervalMs,
    reservoirIncreaseMaximum: burst,
  });

  async function call(
    threadId: string,
    type: ThreadType,
    content: MessageContent,
  ): Promise<SendMessageResponse> {
    try {
      return await limiter.schedule(() => api.sendMessage(content, threadId, type));
    } catch (err) {
      const mapped = await mapError(err, threadId, type);
      if (mapped instanceof ZaloSessionExpiredError) options.onSessionExpired?.(mapped);
      throw mapped;
    }
  }

  /**
   * Zalo's "not a member" answers are undocumented, so when a group send fails with an error we cannot
   * classify, ask which groups the account is in: absent means the bot was removed (or the group is gone).
   */
  async function mapError(err: unknown, threadId: string, type: ThreadType): Promise<unknown> {
    const mapped = toSendError(err, threadId);
    if (mapped !== err || type !== ThreadType.Group || !isZaloApiError(err)) return mapped;
    try {
      const groups = await api.getAllGroups();
      if (!Object.hasOwn(groups.gridVerMap, threadId)) {
        return new UnreachableChatError(
          'zalo',
          threadId,
          `not a member of this group (${describeError(err)})`,
        );
      }
    } catch (checkErr) {
      logger.debug({ threadId, err: describeError(checkErr) }, 'zalo: membership check failed');
    }
    return err;
  }

  async function sendTo(
    threadId: string,
    type: ThreadType,
    reply: Reply,
    sendOptions: ZaloSendOptions = {},
  ): Promise<ZaloSendResult> {
    let quote = sendOptions.quote;
    const takeQuote = (): { quote?: SendMessageQuote } => {
      const q = quote;
      quote = undefined;
      return q ? { quote: q } : {};
    };
    const ids: string[] = [];

    let chunks = splitStyledText(renderSegments(reply.segments), options.maxChunkLength ?? ZALO_TEXT_LIMIT);
    if (reply.image) {
      let caption = reply.image.caption ?? '';
      const only = chunks.length === 1 ? chunks[0] : undefined;
      // As on Telegram, a short text with no caption of its own rides under the picture: one message, not
      // two (Zalo draws no styles in a caption, so the words arrive unbolded).
      if (
        reply.image.caption === undefined &&
        !reply.document &&
        only &&
        only.text.length <= ZALO_CAPTION_LIMIT
      ) {
        caption = only.text;
        chunks = [];
      }
      try {
        // zca-js cannot quote an attachment; a quote stays for the first text chunk.
        const res = await call(threadId, type, {
          msg: caption,
          attachments: [pngAttachment(reply.image.data)],
        });
        const id = res.attachment[0]?.msgId ?? res.message?.msgId;
        if (id !== undefined) ids.push(String(id));
      } catch (err) {
        if (isFinal(err)) throw err;
        // Upload failures must not swallow the words: the caption still goes out, as text.
        logger.warn(
          { threadId, err: describeError(err) },
          'zalo: image upload failed, sending its caption as text',
        );
        if (caption.trim()) {
          const res = await call(threadId, type, { msg: caption, ...takeQuote() });
          if (res.message) ids.push(String(res.message.msgId));
        }
      }
    }

    if (reply.document) {
      const { data, filename, caption } = reply.document;
      const content: MessageContent = {
        msg: caption ?? '',
        attachments: [fileAttachment(data, withExtension(filename))],
      };
      // zca-js posts a file's text as its own message just before the file (only images take captions),
      // so a one-chunk text with no caption of its own goes there, styled and quoting, and reads as one.
      const only = chunks.length === 1 ? chunks[0] : undefined;
      if (caption === undefined && !reply.image && only) {
        Object.assign(content, { msg: only.text, ...takeQuote() });
        if (only.styles.length > 0) content.styles = only.styles;
        chunks = [];
      }
      const res = await call(threadId, type, content);
      const id = res.message?.msgId ?? res.attachment[0]?.msgId;
      if (id !== undefined) ids.push(String(id));
    }

    for (const chunk of chunks) {
      const content: MessageContent = { msg: chunk.text, ...takeQuote() };
      if (chunk.styles.length > 0) content.styles = chunk.styles;
      const res = await call(threadId, type, content);
      const id = res.message?.msgId ?? res.attachment[0]?.msgId;
      if (id !== undefined) ids.push(String(id));
    }

    logger.debug({ threadId, type, messages: ids.length }, 'zalo: reply sent');
    const first = ids[0];
    if (first === undefined)
      throw new Error(`zalo: nothing was sent to ${threadId} (empty reply or no message id)`);
    return { messageId: first, messageIds: ids };
  }

  /**
   * A binding holds only a chat id, and zca-js needs the thread type (sending a private chat's id as a
   * group fails, and vice versa). Known from incoming messages; otherwise a group the account is in is a
   * group, an id Zalo knows as a user is a private chat, and anything else is tried as a group (so that
   * "not a member" is detected as before).
   */
  const threadTypes = new Map<string, ThreadType>();
  async function threadTypeOf(chatId: string): Promise<ThreadType> {
    const known = threadTypes.get(chatId);
    if (known !== undefined) return known;
    let type: ThreadType = ThreadType.Group;
    try {
      const groups = await api.getAllGroups();
      if (!Object.hasOwn(groups.gridVerMap, chatId)) {
        const users = await api.getUserInfo(chatId);
        const profiles = Object.keys(users.changed_profiles ?? {}).map((k) => k.replace(/_\d+$/, ''));
        if (profiles.includes(chatId)) type = ThreadType.User;
      }
    } catch (err) {
      if (err instanceof SendDeferredError || err instanceof ZaloSessionExpiredError) throw err;
      logger.debug({ chatId, err: describeError(err) }, 'zalo: thread type lookup failed; trying a group');
      return type; // not cached: look again next time
    }
    threadTypes.set(chatId, type);
    return type;
  }

  return {
    platform: 'zalo',
    send: async (chatId, reply) => sendTo(chatId, await threadTypeOf(chatId), reply),
    sendTo,
    noteThread: (threadId, type) => void threadTypes.set(threadId, type),
    async stop() {
      if (stopped) return;
      stopped = true;
      await limiter.stop({ dropWaitingJobs: false });
      await limiter.disconnect();
    },
  };
}
