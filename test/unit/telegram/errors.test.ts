import { GrammyError, HttpError } from 'grammy';
import { ChatMigratedError, describeError, toSendError } from '../../../src/channels/telegram/errors';
import { RateLimitedError, UnreachableChatError } from '../../../src/channels/sender';

const grammyError = (
  error_code: number,
  description: string,
  parameters: Record<string, number> = {},
): GrammyError =>
  new GrammyError(
    "Call to 'sendMessage' failed!",
    { ok: false, error_code, description, parameters },
    'sendMessage',
    {},
  );

describe('Telegram send errors', () => {
  it.each([
    [403, 'Forbidden: bot was kicked from the group chat'],
    [403, 'Forbidden: bot is not a member of the supergroup chat'],
    [400, 'Bad Request: chat not found'],
    [400, 'Bad Request: group chat was deactivated'],
  ])('%i %s → UnreachableChatError', (code, description) => {
    const mapped = toSendError(grammyError(code, description), '-100123');
    expect(mapped).toBeInstanceOf(UnreachableChatError);
    expect(mapped).toMatchObject({ platform: 'telegram', chatId: '-100123' });
  });

  it('429 → RateLimitedError in milliseconds', () => {
    const mapped = toSendError(grammyError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }), '1');
    expect(mapped).toBeInstanceOf(RateLimitedError);
    expect((mapped as RateLimitedError).retryAfterMs).toBe(7000);
  });

  it('migrate_to_chat_id → ChatMigratedError carrying the new id', () => {
    const mapped = toSendError(
      grammyError(400, 'Bad Request: group chat was upgraded to a supergroup chat', {
        migrate_to_chat_id: -1005555,
      }),
      '-4242',
    );
    expect(mapped).toBeInstanceOf(ChatMigratedError);
    expect(mapped).toMatchObject({ chatId: '-4242', newChatId: '-1005555' });
  });

  it('leaves other errors alone', () => {
    const other = grammyError(400, "Bad Request: can't parse entities");
    expect(toSendError(other, '1')).toBe(other);
    const plain = new Error('boom');
    expect(toSendError(plain, '1')).toBe(plain);
  });

  it('never puts the bot token of a failed request URL in a log description', () => {
    const cause = new Error(
      'request to http://127.0.0.1:9/bot123456:AAE-secret_x/sendMessage failed, reason: ECONNREFUSED',
    );
    const described = JSON.stringify(
      describeError(new HttpError("Network request for 'sendMessage' failed!", cause)),
    );
    expect(described).not.toContain('AAE-secret_x');
    expect(described).toContain('ECONNREFUSED');
    expect(JSON.stringify(describeError(cause))).not.toContain('AAE-secret_x');
  });
});
