/** Sends one core Reply to a Telegram chat: HTML text split to Telegram's limits, a photo, a document. */
import { GrammyError, InputFile, type Api } from 'grammy';
import type { Reply, Segment } from '../../bot/messages';
import { renderHtml } from './html';
import { splitSegments, TELEGRAM_CAPTION_LIMIT } from './split';

export interface DeliverOptions {
  /** Quote this message (the user's) in the first message sent. */
  quoteMessageId?: number;
  /** Forum topic to post in; without it a reply in a topic would land in General. */
  threadId?: number;
}

/** Telegram takes numeric ids as numbers and @channelusername as strings. */
export function toTelegramChatId(chatId: string): number | string {
  return /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
}

interface Placement {
  message_thread_id?: number;
  reply_parameters?: { message_id: number; allow_sending_without_reply: boolean };
  reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
}

/** The core's button rows as Telegram's inline keyboard (an empty one removes the buttons on an edit). */
export function inlineKeyboard(buttons: Reply['buttons']): NonNullable<Placement['reply_markup']> {
  return {
    inline_keyboard: (buttons ?? []).map((row) => row.map((b) => ({ text: b.label, callback_data: b.data }))),
  };
}

/**
 * A photo's or document's caption, and the text left to send as messages after it: the attachment's own
 * caption when it has one, else the whole text when it is short enough to ride along.
 */
function splitCaption(
  segments: Segment[],
  ownCaption: string | undefined,
): {
  caption?: string;
  rest: Segment[][];
} {
  if (ownCaption !== undefined) {
    const html = renderHtml([{ text: ownCaption }]);
    if (html.length <= TELEGRAM_CAPTION_LIMIT) return { caption: html, rest: splitSegments(segments) };
    // Too long for a caption: it goes first among the text messages instead.
    return { rest: splitSegments([{ text: `${ownCaption}\n` }, ...segments]) };
  }
  const chunks = splitSegments(segments);
  const only = chunks.length === 1 && chunks[0] ? renderHtml(chunks[0]) : undefined;
  if (only !== undefined && only.length <= TELEGRAM_CAPTION_LIMIT) return { caption: only, rest: [] };
  return { rest: chunks };
}

async function sendChunk(
  api: Api,
  chatId: number | string,
  chunk: Segment[],
  placement: Placement,
): Promise<number> {
  const options = { ...placement, link_preview_options: { is_disabled: true } };
  try {
    return (await api.sendMessage(chatId, renderHtml(chunk), { ...options, parse_mode: 'HTML' })).message_id;
  } catch (err) {
    // The renderer escapes everything, so this is a bug; the user still gets the words, unformatted.
    if (!(
      err instanceof GrammyError &&
      err.error_code === 400 &&
      /can't parse entities/i.test(err.description)
    )) {
      throw err;
    }
    return (await api.sendMessage(chatId, chunk.map((s) => s.text).join(''), options)).message_id;
  }
}

/**
 * Sends `reply` and returns the ids of the messages it became, in order (a photo first, when there is
 * one, then a document, then the text messages). The text rides as the first attachment's caption when
 * that has none of its own and the text is short enough. An empty reply sends nothing and returns []. Errors are grammY's, unmapped;
 * messages already sent when one fails stay sent.
 */
export async function deliverReply(
  api: Api,
  chatId: number | string,
  reply: Reply,
  options: DeliverOptions = {},
): Promise<number[]> {
  let quote = options.quoteMessageId;
  // Only the first message quotes the user's; the rest simply follow it.
  const nextPlacement = (): Placement => {
    const placement: Placement = {};
    if (options.threadId !== undefined) placement.message_thread_id = options.threadId;
    if (quote !== undefined)
      placement.reply_parameters = { message_id: quote, allow_sending_without_reply: true };
    quote = undefined;
    return placement;
  };

  const ids: number[] = [];
  let chunks: Segment[][] | undefined;
  if (reply.image) {
    const { caption, rest } = splitCaption(reply.segments, reply.image.caption);
    const photo = new InputFile(reply.image.data, 'image.png');
    const sent = await api.sendPhoto(chatId, photo, {
      ...nextPlacement(),
      ...(caption !== undefined ? { caption, parse_mode: 'HTML' as const } : {}),
    });
    ids.push(sent.message_id);
    chunks = rest;
  }
  if (reply.document) {
    const { document } = reply;
    // The text already went with the photo when there was one; only the document's own caption is left.
    const { caption, rest } = chunks
      ? splitCaption([], document.caption)
      : splitCaption(reply.segments, document.caption);
    const file = new InputFile(document.data, document.filename);
    const sent = await api.sendDocument(chatId, file, {
      ...nextPlacement(),
      ...(caption !== undefined ? { caption, parse_mode: 'HTML' as const } : {}),
    });
    ids.push(sent.message_id);
    chunks = chunks ? [...rest, ...chunks] : rest;
  }
  chunks ??= splitSegments(reply.segments);
  for (const [i, chunk] of chunks.entries()) {
    const placement = nextPlacement();
    // The buttons go under the last part, where the reader finishes.
    if (reply.buttons?.length && i === chunks.length - 1)
      placement.reply_markup = inlineKeyboard(reply.buttons);
    ids.push(await sendChunk(api, chatId, chunk, placement));
  }
  return ids;
}

/**
 * Replaces the text and buttons of a message the bot sent (the answer to a button press). A reply too long
 * for one message keeps its first part: an edited reminder only grows by a line per press.
 */
export async function editReply(
  api: Api,
  chatId: number | string,
  messageId: number,
  reply: Reply,
): Promise<void> {
  const first = splitSegments(reply.segments)[0];
  if (!first) return;
  try {
    await api.editMessageText(chatId, messageId, renderHtml(first), {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      reply_markup: inlineKeyboard(reply.buttons),
    });
  } catch (err) {
    // Two presses at once can make the second edit identical to the first: nothing to change.
    if (err instanceof GrammyError && /message is not modified/i.test(err.description)) return;
    throw err;
  }
}
