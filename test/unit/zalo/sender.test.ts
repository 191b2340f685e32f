import { createLogger } from '../../../src/shared/logger';
import { RateLimitedError, UnreachableChatError } from '../../../src/channels/sender';
import {
  isAmbiguousLoginFailure,
  isSessionExpired,
  ZaloChatRefusedError,
  ZaloSessionExpiredError,
  toSendError,
} from '../../../src/channels/zalo/errors';
import { createZaloSender, type ZaloSender } from '../../../src/channels/zalo/sender';
import { TextStyle, ThreadType, ZaloApiError } from '../../../src/channels/zalo/zca';
import { FakeZaloServer } from '../../helpers/zalo-fake';

const GROUP = '6209876543210987654';
const USER = '3261854332509022064';
const logger = createLogger('silent');

describe('zalo sender', () => {
  let zalo: FakeZaloServer;
  let sender: ZaloSender;

  beforeEach(() => {
    zalo = new FakeZaloServer({ groups: { [GROUP]: 'Phòng Kế hoạch' } });
    sender = createZaloSender(zalo.api, { logger, ratePerSecond: 1000, burst: 10, maxChunkLength: 100 });
  });
  afterEach(() => sender.stop());

  it('posts to the group with ThreadType.Group and returns the msgId of the message', async () => {
    const result = await sender.send(GROUP, {
      segments: [{ text: 'Nhắc việc: ' }, { text: 'Báo cáo', style: 'bold' }],
    });

    expect(zalo.sent).toHaveLength(1);
    const [sent] = zalo.sent;
    expect(sent).toMatchObject({ threadId: GROUP, type: ThreadType.Group, text: 'Nhắc việc: Báo cáo' });
    expect(sent?.content.styles).toEqual([{ start: 11, len: 7, st: TextStyle.Bold }]);
    expect(result).toEqual({ messageId: sent?.msgId, messageIds: [sent?.msgId] });
    expect(sender.platform).toBe('zalo');
  });

  it('splits a long reply into chunks under the limit and returns the first chunk id', async () => {
    const text = Array.from({ length: 12 }, (_, i) => `Dòng số ${i + 1} của báo cáo`).join('\n');
    const result = await sender.send(GROUP, { segments: [{ text }] });

    expect(zalo.sent.length).toBeGreaterThan(1);
    for (const s of zalo.sent) {
      expect(s.text.length).toBeLessThanOrEqual(100);
      expect(s.type).toBe(ThreadType.Group);
    }
    expect(zalo.sent.map((s) => s.text).join('\n')).toBe(text);
    expect(result.messageId).toBe(zalo.sent[0]?.msgId);
    // Every chunk's id, so a reply to the second chunk of a long reminder still finds it.
    expect(result.messageIds).toEqual(zalo.sent.map((s) => s.msgId));
  });

  it('quotes only the first chunk', async () => {
    const question = zalo.groupText(GROUP, { id: '1', name: 'Lan' }, '/status');
    const text = 'a'.repeat(90) + '\n' + 'b'.repeat(90);
    await sender.sendTo(GROUP, ThreadType.Group, { segments: [{ text }] }, { quote: question.data });

    expect(zalo.sent.map((s) => s.content.quote?.msgId)).toEqual([question.data.msgId, undefined]);
  });

  it('sends an image as a PNG attachment from memory, with its caption, before the text', async () => {
    const data = Buffer.from('fake png bytes');
    const result = await sender.send(GROUP, {
      segments: [{ text: 'Chi tiết ở trên' }],
      image: { data, caption: 'Tiến độ quý II' },
    });

    expect(zalo.sent.map((s) => s.text)).toEqual(['Tiến độ quý II', 'Chi tiết ở trên']);
    expect(zalo.sent[0]?.content.attachments).toEqual([
      { data, filename: 'chart.png', metadata: { totalSize: data.length } },
    ]);
    expect(result.messageId).toBe(zalo.sent[0]?.msgId);
  });

  it('sends a document as a file attachment from memory, its caption as text just before it, then the text', async () => {
    const data = Buffer.from('PK fake xlsx bytes');
    const result = await sender.send(GROUP, {
      segments: [{ text: 'Mở bằng Excel' }],
      document: { data, filename: 'bao-cao-Q2-2025.xlsx', caption: 'Báo cáo quý II' },
    });

    expect(zalo.sent.map((s) => [s.text, s.attachment])).toEqual([
      ['Báo cáo quý II', undefined],
      ['', { data, filename: 'bao-cao-Q2-2025.xlsx', metadata: { totalSize: data.length } }],
      ['Mở bằng Excel', undefined],
    ]);
    expect(result.messageId).toBe(zalo.sent[0]?.msgId);
  });

  it('sends a document without caption or text as the file alone', async () => {
    const data = Buffer.from('BEGIN:VCALENDAR');
    const result = await sender.send(GROUP, { segments: [], document: { data, filename: 'lich.ics' } });

    expect(zalo.sent).toHaveLength(1);
    expect(zalo.sent[0]?.attachment).toEqual({
      data,
      filename: 'lich.ics',
      metadata: { totalSize: data.length },
    });
    expect(result.messageId).toBe(zalo.sent[0]?.msgId);
  });

  it('puts a short text under a picture that has no caption, so the report is one message', async () => {
    const data = Buffer.from('png');
    await sender.send(GROUP, { segments: [{ text: 'Quý II: 4 việc', style: 'bold' }], image: { data } });

    expect(zalo.sent).toHaveLength(1);
    expect(zalo.sent[0]?.text).toBe('Quý II: 4 việc');
    expect(zalo.sent[0]?.attachment).toMatchObject({ filename: 'chart.png' });
  });

  it('sends a short text with a caption-less document just before the file, styled and quoting', async () => {
    const question = zalo.groupText(GROUP, { id: '1', name: 'Lan' }, '/xuat Q2');
    const data = Buffer.from('PK');
    await sender.sendTo(
      GROUP,
      ThreadType.Group,
      { segments: [{ text: 'Báo cáo', style: 'bold' }], document: { data, filename: 'bao-cao.xlsx' } },
      { quote: question.data },
    );

    expect(zalo.sent.map((s) => [s.text, s.attachment?.valueOf() !== undefined])).toEqual([
      ['Báo cáo', false],
      ['', true],
    ]);
    expect(zalo.sent[0]?.content.styles).toEqual([{ start: 0, len: 7, st: TextStyle.Bold }]);
    expect(zalo.sent[0]?.content.quote?.msgId).toBe(question.data.msgId);
  });

  it('falls back to the caption as text when the upload fails', async () => {
    zalo.failNextSend(new ZaloApiError('upload failed', 500));
    const result = await sender.send(GROUP, {
      segments: [],
      image: { data: Buffer.from('x'), caption: 'Biểu đồ' },
    });

    expect(zalo.sent.map((s) => [s.text, s.content.attachments])).toEqual([['Biểu đồ', undefined]]);
    expect(result.messageId).toBe(zalo.sent[0]?.msgId);
  });

  it('maps an expired session to ZaloSessionExpiredError and reports it', async () => {
    const onSessionExpired = jest.fn();
    const s = createZaloSender(zalo.api, { logger, ratePerSecond: 1000, onSessionExpired });
    zalo.failNextSend('session-expired');

    await expect(s.send(GROUP, { segments: [{ text: 'x' }] })).rejects.toBeInstanceOf(
      ZaloSessionExpiredError,
    );
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
    await s.stop();
  });

  it('maps a send to a group the bot was removed from to UnreachableChatError', async () => {
    zalo.removeBotFromGroup(GROUP);

    const err: unknown = await sender.send(GROUP, { segments: [{ text: 'x' }] }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(UnreachableChatError);
    expect(err).toMatchObject({ platform: 'zalo', chatId: GROUP });
  });

  it("keeps an unclassified error as zca-js's own when the bot is still in the group", async () => {
    zalo.failNextSend(new ZaloApiError('Tham số không hợp lệ', 114));

    await expect(sender.send(GROUP, { segments: [{ text: 'x' }] })).rejects.toBeInstanceOf(ZaloApiError);
  });

  it('maps the injected not-a-member failure, a per-chat refusal and an account-wide limit', async () => {
    zalo.failNextSend('rate-limited');
    await expect(sender.send(GROUP, { segments: [{ text: 'x' }] })).rejects.toBeInstanceOf(
      ZaloChatRefusedError,
    );
    zalo.failNextSend(new ZaloApiError('Retry limit', -69));
    await expect(sender.send(GROUP, { segments: [{ text: 'x' }] })).rejects.toBeInstanceOf(RateLimitedError);

    zalo.failNextSend('not-a-member');
    await expect(sender.send(GROUP, { segments: [{ text: 'x' }] })).rejects.toBeInstanceOf(
      UnreachableChatError,
    );
  });

  it('sends to a private chat (a user Zalo knows, not a group) as ThreadType.User', async () => {
    zalo.users.set(USER, 'Trần Văn Minh');

    await sender.send(USER, { segments: [{ text: 'Nhắc việc riêng' }] });
    await sender.send(GROUP, { segments: [{ text: 'Nhắc việc nhóm' }] });

    expect(zalo.sent.map((s) => [s.threadId, s.type])).toEqual([
      [USER, ThreadType.User],
      [GROUP, ThreadType.Group],
    ]);
  });

  it('uses the thread type seen on an incoming message without asking Zalo', async () => {
    sender.noteThread(USER, ThreadType.User);
    zalo.users.set(USER, 'Trần Văn Minh');
    const getAllGroups = jest.spyOn(zalo.api, 'getAllGroups');

    await sender.send(USER, { segments: [{ text: 'x' }] });

    expect(zalo.sent[0]?.type).toBe(ThreadType.User);
    expect(getAllGroups).not.toHaveBeenCalled();
  });

  it('refuses an empty reply instead of returning a fake id', async () => {
    await expect(sender.send(GROUP, { segments: [{ text: '  ' }] })).rejects.toThrow(/nothing was sent/);
  });

  it('spaces messages out once the burst is used up', async () => {
    const slow = createZaloSender(zalo.api, { logger, ratePerSecond: 10, burst: 1 });
    const started = Date.now();
    await Promise.all([1, 2, 3].map((i) => slow.send(GROUP, { segments: [{ text: `m${i}` }] })));

    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(zalo.sent.map((s) => s.text)).toEqual(['m1', 'm2', 'm3']);
    await slow.stop();
  });
});

describe('zalo error mapping', () => {
  it.each([
    [
      'code 102 (session timeout)',
      new ZaloApiError('The session key … has reached its timeout.', 102),
      ZaloSessionExpiredError,
    ],
    [
      'code 221 (too many requests)',
      new ZaloApiError('Vượt quá số request cho phép', 221),
      ZaloChatRefusedError,
    ],
    [
      'code 123 (cannot receive from you)',
      new ZaloApiError('Không thể nhận tin nhắn từ bạn', 123),
      ZaloChatRefusedError,
    ],
    ['code -69 (retry limit)', new ZaloApiError('Retry limit', -69), RateLimitedError],
    [
      '"no longer a member"',
      new ZaloApiError('Bạn không còn là thành viên của nhóm này', 0),
      UnreachableChatError,
    ],
    ['"group does not exist"', new ZaloApiError('Nhóm không tồn tại'), UnreachableChatError],
  ])('maps %s', (_label, err, expected) => {
    expect(toSendError(err, GROUP)).toBeInstanceOf(expected);
  });

  it('returns other errors unchanged, a code-less login failure included (it is not proof of expiry)', () => {
    const err = new TypeError('fetch failed');
    expect(toSendError(err, GROUP)).toBe(err);
    const login = new ZaloApiError('Đăng nhập thất bại');
    expect(toSendError(login, GROUP)).toBe(login);
    expect(isAmbiguousLoginFailure(login)).toBe(true);
    expect(isSessionExpired(login)).toBe(false);
  });
});
