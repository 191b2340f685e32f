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
  /** A file sent with the message (a plan to import); its bytes are fetched only when the core asks. */
  attachment?: IncomingFile;
  /**
   * A button of one of the bot's messages was pressed. `replyTo` is then the message that carried the
   * button and `text` is empty.
   */
  press?: ButtonPress;
}

export interface IncomingFile {
  /** The file name as sent, e.g. "ke-hoach-2026.docx". */
  name: string;
  /** Size in bytes as the platform reports it, so large files are refused before they are downloaded. */
  size: number;
  mimeType?: string;
  /** A photo, or any other file (a document). */
  kind?: 'document' | 'photo';
  /** The platform's reference to the file (Telegram's file_id): kept as a task's evidence. */
  ref?: string;
  /** Downloads the bytes with the platform's file API. */
  download(): Promise<Buffer>;
}

export interface ButtonPress {
  /** What the button carries (at most 64 bytes: Telegram's limit), e.g. "done:12". */
  data: string;
  /** The platform's id of this press, used to answer it (Telegram's callback query id). */
  id: string;
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

/** A file the bot sends: an .xlsx report, an .ics calendar, a plan draft. */
export interface DocumentAttachment {
  data: Buffer;
  filename: string;
  caption?: string;
}

/** A button under a message; pressing it comes back as `IncomingMessage.press` with this `data`. */
export interface Button {
  label: string;
  data: string;
}

export interface Reply {
  segments: Segment[];
  image?: ImageAttachment;
  document?: DocumentAttachment;
  /** Rows of buttons; platforms without buttons in groups (Zalo) leave them out. */
  buttons?: Button[][];
  /** Answer to a button press: a short notice shown to the person who pressed (a toast on Telegram). */
  toast?: string;
  /** Answer to a button press: replace the pressed message with this reply instead of posting a new one. */
  editsPressed?: boolean;
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
