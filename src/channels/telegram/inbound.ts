/**
 * grammY update → the core's IncomingMessage. Only translation happens here: commands, permissions and
 * wording are the core's business, so a command is passed through as text along with the bot's username.
 */
import type { Context } from 'grammy';
import type { Message } from 'grammy/types';
import type { IncomingFile, IncomingMessage } from '../../bot/messages';

type Author = IncomingMessage['user'];

/** An anonymous group admin's messages come from this bot, with `sender_chat` set to the group itself. */
const GROUP_ANONYMOUS_BOT_ID = 1087968824;

function displayName(user: {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
}): string {
  const full = [user.first_name, user.last_name].filter((p) => p && p.trim() !== '').join(' ');
  return full || (user.username ? `@${user.username}` : String(user.id));
}

function chatTitle(chat: Message['chat']): string | undefined {
  return chat.type === 'group' || chat.type === 'supergroup' ? chat.title : undefined;
}

/**
 * Who wrote the message, or undefined when it should not reach the core: other bots (including posts made
 * "on behalf of" a channel) and channel posts forwarded automatically into a linked discussion group.
 * An anonymous admin is the group itself (user id = chat id), the only identity Telegram gives us.
 */
function authorOf(msg: Message): Author | undefined {
  if (msg.is_automatic_forward) return undefined;
  if (msg.sender_chat) {
    if (msg.sender_chat.id !== msg.chat.id || msg.from?.id !== GROUP_ANONYMOUS_BOT_ID) return undefined;
    return {
      id: String(msg.chat.id),
      name: msg.author_signature ?? chatTitle(msg.chat) ?? String(msg.chat.id),
    };
  }
  if (!msg.from || msg.from.is_bot) return undefined;
  return { id: String(msg.from.id), name: displayName(msg.from) };
}

function replyOf(msg: Message, botId: number): IncomingMessage['replyTo'] {
  const quoted = msg.reply_to_message;
  // In a forum topic every message "replies" to the topic's creation notice; that is not a real reply.
  if (!quoted || quoted.forum_topic_created) return undefined;
  const text = quoted.text ?? quoted.caption;
  return {
    messageId: String(quoted.message_id),
    fromBot: quoted.from?.id === botId,
    ...(text !== undefined ? { text } : {}),
  };
}

/**
 * The core's view of a new message in a group, supergroup or private chat, or undefined when there is
 * nothing for the core: edits and channel posts (not `ctx.message`), messages without text or caption,
 * messages from bots.
 * `ctx.me` must be known (the bot has been initialised).
 */
export function toIncomingMessage(ctx: Context, download?: FileDownloader): IncomingMessage | undefined {
  const msg = ctx.message;
  if (!msg) return undefined;
  const attachment = !download
    ? undefined
    : msg.document
      ? fileOf(msg.document, download)
      : msg.photo?.length
        ? photoOf(msg.photo, download)
        : undefined;
  // A document may come without a caption; other captionless media are not for the bot.
  const text = msg.text ?? msg.caption ?? (attachment ? '' : undefined);
  if (text === undefined) return undefined;
  const user = authorOf(msg);
  if (!user) return undefined;
  const replyTo = replyOf(msg, ctx.me.id);
  return {
    platform: 'telegram',
    chat: chatOf(msg.chat),
    user,
    messageId: String(msg.message_id),
    text,
    ...(replyTo ? { replyTo } : {}),
    ...(attachment ? { attachment } : {}),
    botUsername: ctx.me.username,
  };
}

/** Fetches a file's bytes by its file_id (getFile, then the file URL); the channel knows the token. */
export type FileDownloader = (fileId: string) => Promise<Buffer>;

/** A document message's file; nothing is downloaded until the core asks. */
function fileOf(document: NonNullable<Message['document']>, download: FileDownloader): IncomingFile {
  return {
    name: document.file_name ?? 'file',
    size: document.file_size ?? 0,
    ...(document.mime_type ? { mimeType: document.mime_type } : {}),
    kind: 'document',
    ref: document.file_id,
    download: () => download(document.file_id),
  };
}

/** A photo message: Telegram sends several sizes; the largest is the one worth keeping. */
function photoOf(sizes: NonNullable<Message['photo']>, download: FileDownloader): IncomingFile {
  const best = sizes.reduce((a, b) => ((b.file_size ?? 0) >= (a.file_size ?? 0) ? b : a));
  return {
    name: 'photo.jpg',
    size: best.file_size ?? 0,
    mimeType: 'image/jpeg',
    kind: 'photo',
    ref: best.file_id,
    download: () => download(best.file_id),
  };
}

/** A group upgraded to a supergroup gets a new id; Telegram says so with a service message in the old chat. */
export function chatMigration(ctx: Context): { fromChatId: string; toChatId: string } | undefined {
  const msg = ctx.message;
  if (msg?.migrate_to_chat_id === undefined) return undefined;
  return { fromChatId: String(msg.chat.id), toChatId: String(msg.migrate_to_chat_id) };
}

/**
 * A press on one of the bot's inline buttons, as the core's IncomingMessage: `press` carries the button's
 * data and the callback id, `replyTo` the message that carried the button, `text` is empty.
 */
export function toIncomingPress(ctx: Context): IncomingMessage | undefined {
  const cq = ctx.callbackQuery;
  const msg = cq?.message;
  if (!cq || cq.data === undefined || !msg || cq.from.is_bot) return undefined;
  const text = 'text' in msg ? msg.text : undefined;
  return {
    platform: 'telegram',
    chat: chatOf(msg.chat),
    user: { id: String(cq.from.id), name: displayName(cq.from) },
    text: '',
    replyTo: { messageId: String(msg.message_id), fromBot: true, ...(text !== undefined ? { text } : {}) },
    press: { data: cq.data, id: cq.id },
    botUsername: ctx.me.username,
  };
}

/** The platform-neutral chat of a Telegram message or of the message a button was under. */
function chatOf(chat: Message['chat']): IncomingMessage['chat'] {
  const title = chatTitle(chat);
  return {
    id: String(chat.id),
    ...(title !== undefined ? { title } : {}),
    isGroup: chat.type === 'group' || chat.type === 'supergroup',
  };
}
