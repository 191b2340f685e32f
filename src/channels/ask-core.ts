/**
 * What every adapter does with an incoming message: ask the core, and if the core fails, log it and
 * apologise, so nothing a user sent goes unanswered.
 */
import type { BotCore, IncomingMessage, Reply } from '../bot/messages';
import type { Logger } from '../shared/logger';

/** The same wording as the core's own `errors.internal`; Vietnamese, as the group's language is unknown here. */
export const APOLOGY_VI = 'Xin lỗi, bot gặp lỗi khi xử lý tin nhắn này. Vui lòng thử lại sau.';

export async function askCore(
  core: BotCore,
  incoming: IncomingMessage,
  logger: Logger,
  /** Platform-specific summary of an error, safe to log (no tokens, no cookies). */
  describe: (err: unknown) => unknown,
): Promise<Reply[]> {
  try {
    return await core.handle(incoming);
  } catch (err) {
    logger.error(
      { chatId: incoming.chat.id, messageId: incoming.messageId, err: describe(err) },
      `${incoming.platform}: the core failed on a message`,
    );
    return [{ segments: [{ text: APOLOGY_VI }], quote: true }];
  }
}
