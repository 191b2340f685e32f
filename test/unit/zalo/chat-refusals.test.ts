import { createLogger } from '../../../src/shared/logger';
import { RateLimitedError, SendDeferredError, SendRefusedError } from '../../../src/channels/sender';
import { guardChatRefusals } from '../../../src/channels/zalo/chat-refusals';
import { createZaloSender, type ZaloSender } from '../../../src/channels/zalo/sender';
import { ZaloApiError } from '../../../src/channels/zalo/zca';
import { FakeZaloServer } from '../../helpers/zalo-fake';

const logger = createLogger('silent');
const BLOCKED = '6200000000000000001';
const OK = '6200000000000000002';
const reply = { segments: [{ text: 'Nhắc việc' }] };

describe('Zalo per-chat refusals for scheduled deliveries', () => {
  let zalo: FakeZaloServer;
  let inner: ZaloSender;
  let now: number;
  let notices: string[];
  let guarded: ZaloSender;

  beforeEach(() => {
    zalo = new FakeZaloServer({ groups: { [BLOCKED]: 'Tổ 1', [OK]: 'Tổ 2', '3': 'Tổ 3', '4': 'Tổ 4' } });
    inner = createZaloSender(zalo.api, { logger, ratePerSecond: 1000, burst: 50 });
    now = 1_000_000;
    notices = [];
    guarded = guardChatRefusals(inner, {
      logger,
      notifyAdmins: async (text) => void notices.push(text),
      titleOf: async (chatId) => `Nhóm ${chatId}`,
      policy: { firstDelayMs: 1_000, maxDelayMs: 8_000, maxRefusals: 4 },
      now: () => now,
    });
  });
  afterEach(() => inner.stop());

  it('defers a refused chat with a growing pause, without calling Zalo during it, then fails at the cap', async () => {
    zalo.refuseChat(BLOCKED, 123);
    const pauses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const err = await guarded.send(BLOCKED, reply).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SendDeferredError);
      pauses.push((err as SendDeferredError).retryAfterMs);
      // Inside the pause: deferred again, and Zalo is not asked.
      const attempts = zalo.sent.length;
      await expect(guarded.send(BLOCKED, reply)).rejects.toBeInstanceOf(SendDeferredError);
      expect(zalo.sent.length).toBe(attempts);
      now += pauses[i] ?? 0;
    }
    await expect(guarded.send(BLOCKED, reply)).rejects.toBeInstanceOf(SendRefusedError);

    expect(pauses).toEqual([1_000, 2_000, 4_000]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`Nhóm ${BLOCKED}`);
    expect(notices[0]).toContain('mã 123');
    // Other chats are untouched.
    await expect(guarded.send(OK, reply)).resolves.toMatchObject({ messageId: expect.any(String) });
  });

  it('starts afresh (and will tell the admins again) once the chat accepts a message', async () => {
    zalo.refuseChat(BLOCKED, 123);
    await expect(guarded.send(BLOCKED, reply)).rejects.toBeInstanceOf(SendDeferredError);
    zalo.acceptChat(BLOCKED);
    now += 1_000;
    await guarded.send(BLOCKED, reply);
    zalo.refuseChat(BLOCKED, 123);
    const err = (await guarded.send(BLOCKED, reply).catch((e: unknown) => e)) as SendDeferredError;

    expect(err.retryAfterMs).toBe(1_000);
    expect(notices).toHaveLength(2);
  });

  it('takes 221 from several chats within a minute for the account’s limit, which pauses everything', async () => {
    zalo.failNextSend(new ZaloApiError('Vượt quá số request cho phép', 221), 3);
    await expect(guarded.send(BLOCKED, reply)).rejects.toBeInstanceOf(SendDeferredError);
    await expect(guarded.send(OK, reply)).rejects.toBeInstanceOf(SendDeferredError);
    await expect(guarded.send('3', reply)).rejects.toBeInstanceOf(RateLimitedError);
  });
});
