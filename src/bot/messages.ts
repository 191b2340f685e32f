/**
 * The platform-neutral shape of a conversation: what an adapter hands the bot core, and what the core
 * answers. Adapters only translate between these and their platform.
 */
import type { Platform } from '../domain/platform';

export { PLATFORMS, type Platform } from '../domain/platform';

export interface IncomingMessage {
  platform: Platform;
  chat: { id: string; title?: string; isGroup: boolean };
  user: { id: string; name: string };
  /** The platform's id of this message; used to make updates idempotent. Absent only on the console. */
  messageId?: string;
  text: string;
  /** The message this one replies to, when it is a reply. */
  replyTo?: { messageId: string; fromBot: boolean; text?: string };
  /**
   * The bot's own username on platforms that address commands as /cmd@bot; a command aimed at another bot
   * is ignored.
   */
  botUsername?: string;
}

/** A run of text with one style. Adapters escape `text` for their platform (HTML on Telegram). */
export interface Segment {
  text: string;
  style?: 'bold' | 'italic' | 'code';
}

export interface ImageAttachment {
  /** PNG bytes. */
  data: Buffer;
  caption?: string;
}

export interface Reply {
  segments: Segment[];
  image?: ImageAttachment;
  /** Quote the user's message when the platform can. */
  quote?: boolean;
}

/** The bot core's single entry point. */
export interface BotCore {
  handle(message: IncomingMessage): Promise<Reply[]>;
}

export function plainText(reply: Pick<Reply, 'segments'>): string {
  return reply.segments.map((s) => s.text).join('');
}
