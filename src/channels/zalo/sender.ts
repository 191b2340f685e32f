/**
 * Posts core Replies to Zalo through zca-js, one paced queue for the whole account.
 *
 * Zalo's anti-spam (codes 221/123, docs/zalo-zca-js.md §5) watches the account, not the group, and an
 * unofficial client that trips it risks a lock. So every message — scheduled reminders and answers to
 * commands alike — goes out one at a time, a small burst then `ratePerSecond` (the pacer below), and
 * counts against the account's send budget (send-budget.ts). Scheduled deliveries (`send`) are also held
 * to that budget; answers to users (`sendTo`) are not, since the user is waiting for them.
 *
 * Nothing is dropped: a message Zalo answers with no id (an empty result, #146: what it does past its
 * burst limit) is a refusal, not a success, and a delivery refused halfway through remembers the chunks
 * already posted, so the retry posts only the rest.
 */
import { createHash } from 'node:crypto';
import type { Reply } from '../../bot/messages';
import type { Logger } from '../../shared/logger';
import {
  RateLimitedError,
  SendDeferredError,
  UnreachableChatError,
  type Sender,
  type SendOptions,
} from '../sender';
import type { ZaloSendApi } from './api';
import {
  describeError,
  EMPTY_RESULT_CODE,
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
import type { SendBudget } from './send-budget';
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
  /** The account's send budget; without one, scheduled sends are only paced. */
  budget?: SendBudget;
  /** The account is paused after refusals from several chats (send-budget.ts): tell the admins. */
  onPaused?: (pausedForMs: number) => void;
  /** A group the account is no longer in (membership check): the channel tells whoever marks bindings. */
  onGroupGone?: (chatId: string, reason: string) => void;
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
   * one fails stay sent, and a retry of the same reply sends only the rest.
   */
  sendTo(
    threadId: string,
    type: ThreadType,
    reply: Reply,
    options?: ZaloSendOptions,
  ): Promise<ZaloSendResult>;
  /**
   * A scheduled delivery to a chat id alone, as a group or a private chat, whichever it is (see
   * threadTypeOf), within the send budget: SendDeferredError ('budget' or 'paused') when it must wait.
   */
  send(chatId: string, reply: Reply, options?: SendOptions): Promise<ZaloSendResult>;
  /** Records a thread's type as seen on an incoming message (and that the account is in that group). */
  noteThread(threadId: string, type: ThreadType): void;
  /** The account is no longer in this group (a membership event or check): sends to it fail at once. */
  markGone(chatId: string, reason: string): void;
  /**
   * Asks Zalo which groups the account is in and marks gone every known group that is not among them.
   * A failed lookup marks nothing.
   */
  checkMembership(chatIds?: readonly string[]): Promise<string[]>;
  /** Lets queued messages go out, then refuses new ones. */
  stop(): Promise<void>;
}

/** One message at a time; `burst` back to back, then one per `intervalMs` (a token bucket on real time). */
function createPacer(intervalMs: number, burst: number) {
  let tokens = burst;
  let refilledAt = Date.now();
  let tail: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  async function slot(): Promise<void> {
    const now = Date.now();
    tokens = Math.min(burst, tokens + (now - refilledAt) / intervalMs);
    refilledAt = now;
    if (tokens < 1) {
      await sleep(Math.ceil((1 - tokens) * intervalMs));
      tokens = 1;
      refilledAt = Date.now();
    }
    tokens -= 1;
  }
  return {
    schedule<T>(fn: () => Promise<T>): Promise<T> {
      if (stopped) return Promise.reject(new Error('zalo: the sender is stopped'));
      const run = tail.then(async () => {
        await slot();
        return fn();
      });
      tail = run.catch(() => undefined);
      return run;
    },
    async stop(): Promise<void> {
      stopped = true;
      await tail;
    },
  };
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
  const { logger, budget } = options;
  const rate = options.ratePerSecond ?? 1;
  const burst = Math.max(1, Math.floor(options.burst ?? 3));
  const pacer = createPacer(Math.max(1, Math.round(1000 / rate)), burst);
  /** Groups the account is known not to be in (membership events and checks), with why. */
  const gone = new Map<string, string>();
  /** Chunks of a reply already posted when a later one was refused: the retry sends only the rest. */
  const partial = new Map<string, { fingerprint: string; ids: string[]; done: number; at: number }>();
  const PARTIAL_TTL_MS = 24 * 60 * 60_000;

  async function call(
    threadId: string,
    type: ThreadType,
    content: MessageContent,
  ): Promise<SendMessageResponse> {
    let res: SendMessageResponse;
    try {
      res = await pacer.schedule(() => api.sendMessage(content, threadId, type));
    } catch (err) {
      const mapped = await mapError(err, threadId, type);
      if (mapped instanceof ZaloSessionExpiredError) options.onSessionExpired?.(mapped);
      throw mapped;
    }
    // #146: past its burst limit Zalo answers with nothing rather than an error. Nothing was posted.
    if (!res.message && res.attachment.length === 0)
      throw new ZaloChatRefusedError(
        threadId,
        EMPTY_RESULT_CODE,
        'Zalo gave an empty result (no message id)',
      );
    return res;
  }

  function markGone(chatId: string, reason: string): void {
    if (gone.has(chatId)) return;
    gone.set(chatId, reason);
    logger.warn({ chatId, reason }, 'zalo: the account is no longer in this group');
    options.onGroupGone?.(chatId, reason);
  }

  /**
   * Zalo's "not a member" answers are undocumented: a removed group answers 123 (#328), others a generic
   * parameter error. So when a group send fails with 123 or an error we cannot classify, ask which groups
   * the account is in: absent means the bot was removed (or the group is gone). A failed lookup says nothing.
   */
  async function mapError(err: unknown, threadId: string, type: ThreadType): Promise<unknown> {
    const mapped = toSendError(err, threadId);
    const refused123 = mapped instanceof ZaloChatRefusedError && mapped.code === 123;
    if ((mapped !== err && !refused123) || type !== ThreadType.Group || !isZaloApiError(err)) return mapped;
    try {
      const groups = await api.getAllGroups();
      if (!Object.hasOwn(groups.gridVerMap, threadId)) {
        const reason = `not a member of this group (${describeError(err)})`;
        markGone(threadId, reason);
        return new UnreachableChatError('zalo', threadId, reason);
      }
    } catch (checkErr) {
      logger.debug({ threadId, err: describeError(checkErr) }, 'zalo: membership check failed');
    }
    return mapped;
  }

  interface Step {
    content: MessageContent;
    /** Takes the user's quote when it is sent (zca-js cannot quote an attachment). */
    quotable: boolean;
    /** Which id of the answer stands for this message. */
    pick: 'attachment-first' | 'message-first';
    /** An image whose upload fails: its caption goes as text instead. */
    fallback?: string;
    /** Messages Zalo will show for it (a file's text goes as its own message). */
    messages: number;
  }

  function plan(reply: Reply): Step[] {
    const steps: Step[] = [];
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
      steps.push({
        content: { msg: caption, attachments: [pngAttachment(reply.image.data)] },
        quotable: false,
        pick: 'attachment-first',
        fallback: caption,
        messages: 1,
      });
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
      let quotable = false;
      if (caption === undefined && !reply.image && only) {
        content.msg = only.text;
        if (only.styles.length > 0) content.styles = only.styles;
        quotable = true;
        chunks = [];
      }
      steps.push({ content, quotable, pick: 'message-first', messages: content.msg ? 2 : 1 });
    }
    for (const chunk of chunks) {
      const content: MessageContent = { msg: chunk.text };
      if (chunk.styles.length > 0) content.styles = chunk.styles;
      steps.push({ content, quotable: true, pick: 'message-first', messages: 1 });
    }
    return steps;
  }

  function fingerprintOf(threadId: string, steps: readonly Step[]): string {
    const hash = createHash('sha256').update(threadId);
    for (const step of steps) {
      hash.update('\u0000').update(step.content.msg);
      for (const a of [step.content.attachments ?? []].flat())
        if (typeof a !== 'string') hash.update(a.filename).update(a.data);
    }
    return hash.digest('hex');
  }

  async function post(
    threadId: string,
    type: ThreadType,
    steps: readonly Step[],
    sendOptions: ZaloSendOptions = {},
  ): Promise<ZaloSendResult> {
    let quote = sendOptions.quote;
    const takeQuote = (): { quote?: SendMessageQuote } => {
      const q = quote;
      quote = undefined;
      return q ? { quote: q } : {};
    };
    const fingerprint = fingerprintOf(threadId, steps);
    const now = Date.now();
    for (const [k, v] of partial) if (now - v.at > PARTIAL_TTL_MS) partial.delete(k);
    const earlier = partial.get(threadId);
    const resume = earlier?.fingerprint === fingerprint ? earlier : undefined;
    const ids: string[] = resume ? [...resume.ids] : [];
    const start = resume?.done ?? 0;
    if (resume) logger.info({ threadId, alreadySent: start }, 'zalo: resuming a message refused halfway');
    if (start > 0) quote = undefined; // the quote went with the first part

    for (let i = start; i < steps.length; i++) {
      const step = steps[i]!;
      try {
        if (step.fallback !== undefined) {
          try {
            const res = await call(threadId, type, step.content);
            const id = res.attachment[0]?.msgId ?? res.message?.msgId;
            if (id !== undefined) ids.push(String(id));
          } catch (err) {
            if (isFinal(err)) throw err;
            // Upload failures must not swallow the words: the caption still goes out, as text.
            logger.warn(
              { threadId, err: describeError(err) },
              'zalo: image upload failed, sending its caption as text',
            );
            if (step.fallback.trim()) {
              const res = await call(threadId, type, { msg: step.fallback, ...takeQuote() });
              if (res.message) ids.push(String(res.message.msgId));
            }
          }
        } else {
          const content = step.quotable ? { ...step.content, ...takeQuote() } : step.content;
          const res = await call(threadId, type, content);
          const id =
            step.pick === 'attachment-first'
              ? (res.attachment[0]?.msgId ?? res.message?.msgId)
              : (res.message?.msgId ?? res.attachment[0]?.msgId);
          if (id !== undefined) ids.push(String(id));
        }
      } catch (err) {
        if (i > 0 || ids.length > 0)
          partial.set(threadId, { fingerprint, ids: [...ids], done: i, at: Date.now() });
        throw err;
      }
    }
    partial.delete(threadId);
    budget?.succeeded();
    logger.debug({ threadId, type, messages: ids.length }, 'zalo: reply sent');
    const first = ids[0];
    if (first === undefined) throw new Error(`zalo: nothing was sent to ${threadId} (empty reply)`);
    return { messageId: first, messageIds: ids };
  }

  /** Account-wide refusals pause every scheduled delivery (send-budget.ts); one chat's are that chat's. */
  function onRefusal(err: unknown): unknown {
    if (!(err instanceof ZaloChatRefusedError) || !budget) return err;
    if (budget.refused(err.chatId)) options.onPaused?.(budget.pausedFor());
    const held = budget.pausedFor();
    if (held > 0) {
      logger.warn({ chatId: err.chatId, code: err.code, pausedForMs: held }, 'zalo: account paused');
      const retry = Math.min(held, budget.recheckMs);
      return new SendDeferredError(retry, 'paused', `Zalo refuses the account's messages (${err.message})`);
    }
    return err;
  }

  async function sendTo(
    threadId: string,
    type: ThreadType,
    reply: Reply,
    sendOptions: ZaloSendOptions = {},
  ): Promise<ZaloSendResult> {
    const steps = plan(reply);
    if (steps.length === 0) throw new Error(`zalo: nothing was sent to ${threadId} (empty reply)`);
    await budget?.record(steps.reduce((n, s) => n + s.messages, 0));
    try {
      return await post(threadId, type, steps, sendOptions);
    } catch (err) {
      throw onRefusal(err);
    }
  }

  /**
   * A binding holds only a chat id, and zca-js needs the thread type (sending a private chat's id as a
   * group fails, and vice versa). Known from incoming messages; otherwise a group the account is in is a
   * group, an id Zalo knows as a user is a private chat, and anything else is tried as a group (so that
   * "not a member" is detected as before). A lookup that fails says nothing: the delivery waits and asks
   * again, rather than sending a private chat's id as a group and calling it unreachable.
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
      logger.info({ chatId, err: describeError(err) }, 'zalo: thread type lookup failed; trying later');
      throw new SendDeferredError(60_000, 'offline', `could not tell what kind of chat ${chatId} is`);
    }
    threadTypes.set(chatId, type);
    return type;
  }

  async function send(chatId: string, reply: Reply, sendOptions: SendOptions = {}): Promise<ZaloSendResult> {
    const reason = gone.get(chatId);
    if (reason !== undefined) throw new UnreachableChatError('zalo', chatId, reason);
    const type = await threadTypeOf(chatId);
    const steps = plan(reply);
    if (steps.length === 0) throw new Error(`zalo: nothing was sent to ${chatId} (empty reply)`);
    if (budget && sendOptions.prompted) {
      await budget.record(steps.reduce((n, s) => n + s.messages, 0));
    } else if (budget) {
      const started = partial.get(chatId)?.fingerprint === fingerprintOf(chatId, steps);
      const remaining = steps.slice(started ? (partial.get(chatId)?.done ?? 0) : 0);
      const decision = await budget.admit(
        chatId,
        sendOptions.rank ?? 1,
        remaining.reduce((n, s) => n + s.messages, 0),
        sendOptions.reservedAhead ?? 0,
      );
      if (!decision.ok) throw new SendDeferredError(decision.retryAfterMs, decision.reason, decision.detail);
    }
    try {
      return await post(chatId, type, steps);
    } catch (err) {
      throw onRefusal(err);
    }
  }

  return {
    platform: 'zalo',
    send,
    sendTo,
    noteThread: (threadId, type) => {
      threadTypes.set(threadId, type);
      // A message from the group: the account is (again) in it.
      if (type === ThreadType.Group) gone.delete(threadId);
    },
    markGone,
    async checkMembership(chatIds = []) {
      let groups: Awaited<ReturnType<ZaloSendApi['getAllGroups']>>;
      try {
        groups = await api.getAllGroups();
      } catch (err) {
        logger.info({ err: describeError(err) }, 'zalo: membership check failed; nothing marked');
        return [];
      }
      const left: string[] = [];
      // Bound chats whose type is not known yet may be private chats, which getAllGroups never lists.
      const candidates = new Set(
        [...threadTypes].filter(([, t]) => t === ThreadType.Group).map(([id]) => id),
      );
      for (const id of chatIds) if (threadTypes.get(id) === ThreadType.Group) candidates.add(id);
      for (const chatId of candidates)
        if (!gone.has(chatId) && !Object.hasOwn(groups.gridVerMap, chatId)) {
          markGone(chatId, 'not among the groups the account is in (periodic check)');
          left.push(chatId);
        }
      return left;
    },
    async stop() {
      await pacer.stop();
    },
  };
}
