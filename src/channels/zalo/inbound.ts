/**
 * Zalo → core: turns a zca-js `Message` (GroupMessage or UserMessage) into the platform-neutral
 * IncomingMessage. Nothing is decided here beyond what is not a conversation at all (our own echoes,
 * stickers). A photo goes to the core as a file of kind "photo" with its caption as the text: the core
 * decides whether it is a task's result (a caption "/xong 12", a reply to the bot) or group talk.
 */
import type { IncomingFile, IncomingMessage } from '../../bot/messages';
import type { Logger } from '../../shared/logger';
import type { ZaloApiLike } from './api';
import { describeError } from './errors';
import { ThreadType, type Message, type TAttachmentContent, type TGroupMessage, type TQuote } from './zca';

export interface InboundContext {
  /** The bot account's uid (`api.getOwnId()`): a quote of one of its messages is a reply to the bot. */
  ownId: string;
  /** Fetches a file's bytes from the URL Zalo gives it; without it files are ignored. */
  download?: (url: string) => Promise<Buffer>;
  /** The group's name, when known. */
  groupTitle?: string;
}

/**
 * Ids: `data.msgId` is the server-wide ("global") id — the one sendMessage returns for the bot's own
 * posts and the one a quote carries as `globalMsgId`. `cliMsgId` is only the sender's client-side id, so
 * it is never used to tie a reply to a reminder.
 */
export function toIncomingMessage(message: Message, context: InboundContext): IncomingMessage | undefined {
  // zca-js already drops these unless selfListen is on; guard anyway so an echo can never loop.
  if (message.isSelf || message.data.uidFrom === context.ownId) return undefined;
  const { data } = message;
  // Text arrives as a string; a file as "share.file", a photo as "chat.photo"; stickers, links and polls
  // as objects the core has no use for.
  const attachment = context.download
    ? (fileOf(message, context.download) ?? photoOf(message, context.download))
    : undefined;
  if (typeof data.content !== 'string' && !attachment) return undefined;

  const isGroup = message.type === ThreadType.Group;
  const content =
    typeof data.content === 'string'
      ? data.content
      : attachment?.kind === 'photo'
        ? captionOf(data.content)
        : '';
  const text = isGroup ? stripOwnMentions(content, message.data, context.ownId) : content;
  const incoming: IncomingMessage = {
    platform: 'zalo',
    chat: { id: message.threadId, isGroup },
    user: { id: data.uidFrom, name: data.dName || data.uidFrom },
    messageId: String(data.msgId),
    text,
  };
  if (attachment) incoming.attachment = attachment;
  if (isGroup && context.groupTitle) incoming.chat.title = context.groupTitle;
  const replyTo = replyFromQuote(data.quote, context.ownId);
  if (replyTo) incoming.replyTo = replyTo;
  return incoming;
}

/**
 * A file as Zalo delivers it: msgType "share.file", content.title the file name, content.href where to
 * fetch it, content.params a JSON string with `fileSize` (a string of bytes) and `fileExt`.
 */
function fileOf(message: Message, download: (url: string) => Promise<Buffer>): IncomingFile | undefined {
  const { data } = message;
  if (data.msgType !== 'share.file' || typeof data.content !== 'object' || data.content === null)
    return undefined;
  const content = data.content as Partial<TAttachmentContent>;
  const href = content.href;
  if (typeof href !== 'string' || !href) return undefined;
  let size = 0;
  try {
    const params = JSON.parse(content.params ?? '{}') as { fileSize?: string | number };
    size = Number(params.fileSize ?? 0) || 0;
  } catch {
    // Unreadable params: the size is checked again on the bytes.
  }
  return {
    name: typeof content.title === 'string' && content.title ? content.title : 'file',
    size,
    download: () => download(href),
  };
}

/**
 * A photo as Zalo delivers it: msgType "chat.photo", content.href the picture on Zalo's CDN (params.hd a
 * larger one, when given), content.title the caption typed with it. Zalo says no size; the CDN link is
 * kept as the photo's reference.
 */
function photoOf(message: Message, download: (url: string) => Promise<Buffer>): IncomingFile | undefined {
  const { data } = message;
  if (data.msgType !== 'chat.photo' || typeof data.content !== 'object' || data.content === null)
    return undefined;
  const content = data.content as Partial<TAttachmentContent>;
  let href = typeof content.href === 'string' ? content.href : '';
  try {
    const params = JSON.parse(content.params ?? '{}') as { hd?: unknown };
    if (typeof params.hd === 'string' && params.hd) href = params.hd;
  } catch {
    // Unreadable params: the plain link will do.
  }
  if (!href) return undefined;
  let name = '';
  try {
    name = decodeURIComponent(new URL(href).pathname.split('/').pop() ?? '');
  } catch {
    // Not a URL: a generic name below.
  }
  if (!/\.(jpe?g|png|webp|gif|heic)$/i.test(name)) name = 'photo.jpg';
  return { name, size: 0, kind: 'photo', ref: href, download: () => download(href) };
}

function captionOf(content: unknown): string {
  const c = content as Partial<TAttachmentContent>;
  if (typeof c.title === 'string' && c.title.trim()) return c.title;
  return typeof c.description === 'string' ? c.description : '';
}

/** What kind of content a non-text message carried, for a debug line (never its contents). */
export function describeContent(message: Message): string {
  return typeof message.data.content === 'string' ? 'text' : message.data.msgType || 'unknown';
}

function replyFromQuote(quote: TQuote | undefined, ownId: string): IncomingMessage['replyTo'] {
  if (!quote) return undefined;
  // A quote of a message Zalo could not resolve comes back with globalMsgId 0; there is nothing to tie it to.
  if (!quote.globalMsgId) return undefined;
  const replyTo: NonNullable<IncomingMessage['replyTo']> = {
    messageId: String(quote.globalMsgId),
    fromBot: String(quote.ownerId) === ownId,
  };
  if (typeof quote.msg === 'string' && quote.msg) replyTo.text = quote.msg;
  return replyTo;
}

/**
 * "@Bot LMHTX /done" → "/done". Zalo puts mentions in the text itself; the core should see the command,
 * not our display name. Other people's mentions stay. Positions are UTF-16 indexes, like JS strings.
 */
export function stripOwnMentions(text: string, data: Pick<TGroupMessage, 'mentions'>, ownId: string): string {
  const own = (data.mentions ?? [])
    .filter((m) => m.uid === ownId && m.pos >= 0 && m.len > 0 && m.pos + m.len <= text.length)
    .sort((a, b) => b.pos - a.pos);
  if (own.length === 0) return text;
  let result = text;
  for (const m of own) result = result.slice(0, m.pos) + result.slice(m.pos + m.len);
  return result.replace(/[ \t]{2,}/g, ' ').trim();
}

export interface GroupTitleCache {
  /** The group's name, or undefined when Zalo will not say (the lookup never throws). */
  get(groupId: string): Promise<string | undefined>;
}

/**
 * Group names come from getGroupInfo, one request per group; names rarely change, so they are cached for
 * `ttlMs` (failures for a minute, so a flaky lookup is not retried on every message).
 */
export function createGroupTitleCache(
  api: () => Pick<ZaloApiLike, 'getGroupInfo'> | undefined,
  options: { logger: Logger; ttlMs?: number; now?: () => number },
): GroupTitleCache {
  const ttlMs = options.ttlMs ?? 6 * 60 * 60 * 1000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { title: string | undefined; until: number }>();
  return {
    async get(groupId) {
      const hit = cache.get(groupId);
      if (hit && hit.until > now()) return hit.title;
      const current = api();
      if (!current) return hit?.title;
      try {
        const info = await current.getGroupInfo(groupId);
        const name = info.gridInfoMap[groupId]?.name;
        const title = typeof name === 'string' && name ? name : undefined;
        cache.set(groupId, { title, until: now() + ttlMs });
        return title;
      } catch (err) {
        options.logger.debug({ groupId, err: describeError(err) }, 'zalo: group name lookup failed');
        cache.set(groupId, { title: hit?.title, until: now() + 60_000 });
        return hit?.title;
      }
    },
  };
}
