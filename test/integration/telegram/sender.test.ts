import { RateLimitedError, UnreachableChatError, type Sender } from '../../../src/channels/sender';
import { ChatMigratedError } from '../../../src/channels/telegram/errors';
import { createTelegramSender } from '../../../src/channels/telegram/sender';
import { startEmulator, type Emulator } from '../../helpers/telegram-emulator';
import { captureLogs } from './log-capture';

const GROUP = '-1001234567890';

let emu: Emulator;
let sender: Sender;
const logs = captureLogs();

beforeAll(async () => {
  emu = await startEmulator();
  sender = createTelegramSender({
    token: emu.token,
    apiRoot: emu.apiRoot,
    logger: logs.logger,
    maxDelaySeconds: 5,
  });
});

afterAll(async () => {
  await emu.stop();
});

describe('createTelegramSender against the emulator', () => {
  it('posts HTML without link previews and returns the id the emulator stored', async () => {
    const { messageId } = await sender.send(GROUP, {
      segments: [{ text: 'Nhắc việc: ' }, { text: 'Báo cáo <quý>', style: 'bold' }],
    });
    const stored = await emu.waitForBotMessage(GROUP);
    expect(messageId).toBe(String(stored.message_id));
    expect(stored.text).toBe('Nhắc việc: <b>Báo cáo &lt;quý&gt;</b>');
    expect(stored.parse_mode).toBe('HTML');
    expect(stored.link_preview_options).toEqual({ is_disabled: true });
    expect(stored.reply_parameters).toBeUndefined();
  });

  it('returns the id of the first message of a split reply', async () => {
    const { messageId } = await sender.send(GROUP, {
      segments: [{ text: `${'dòng nhắc việc\n'.repeat(600)}` }],
    });
    // send() resolves after every part was posted.
    const parts = emu.takeBotMessages(GROUP);
    expect(parts.length).toBe(3);
    expect(messageId).toBe(String(parts[0]?.message_id));
    const lines = parts.flatMap((p) => (p.text ?? '').split('\n').filter(Boolean));
    expect(lines).toEqual(Array(600).fill('dòng nhắc việc'));
  });

  it('sends an image as a photo with its caption, returning the photo message id', async () => {
    const { messageId } = await sender.send(GROUP, {
      segments: [{ text: 'Chi tiết ở trên' }],
      image: { data: Buffer.alloc(100, 1), caption: 'Biểu đồ <Q1>' },
    });
    const photo = await emu.waitForBotMessage(GROUP);
    expect(String(photo.message_id)).toBe(messageId);
    expect(photo).toMatchObject({ caption: 'Biểu đồ &lt;Q1&gt;', parse_mode: 'HTML', photo: { bytes: 100 } });
    expect((await emu.waitForBotMessage(GROUP)).text).toBe('Chi tiết ở trên');
  });

  it('sends a document as a multipart upload with its caption, then the text', async () => {
    const data = Buffer.from('PK\u0003\u0004 bảng tính giả');
    const { messageId } = await sender.send(GROUP, {
      segments: [{ text: 'Mở bằng Excel' }],
      document: { data, filename: 'bao-cao-Q2-2025.xlsx', caption: 'Báo cáo <Q2>' },
    });
    const doc = await emu.waitForBotMessage(GROUP);
    expect(String(doc.message_id)).toBe(messageId);
    expect(doc).toMatchObject({
      caption: 'Báo cáo &lt;Q2&gt;',
      parse_mode: 'HTML',
      document: { bytes: data.length, file_name: 'bao-cao-Q2-2025.xlsx' },
    });
    expect(emu.fileOf(doc).equals(data)).toBe(true);
    expect((await emu.waitForBotMessage(GROUP)).text).toBe('Mở bằng Excel');
  });

  it('puts a short text under a document that has no caption, and sends a photo before a document', async () => {
    const png = Buffer.alloc(64, 3);
    const ics = Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    await sender.send(GROUP, {
      segments: [{ text: 'Lịch của phòng' }],
      document: { data: ics, filename: 'lich.ics' },
    });
    const doc = await emu.waitForBotMessage(GROUP);
    expect(doc.caption).toBe('Lịch của phòng');
    expect(emu.fileOf(doc).equals(ics)).toBe(true);
    await emu.expectNoBotMessage(GROUP);

    await sender.send(GROUP, {
      segments: [{ text: 'Tiến độ' }],
      image: { data: png },
      document: { data: ics, filename: 'lich.ics', caption: 'Lịch' },
    });
    const [photo, second] = emu.takeBotMessages(GROUP);
    expect(photo?.caption).toBe('Tiến độ');
    expect(emu.fileOf(photo!).equals(png)).toBe(true);
    expect(second).toMatchObject({ caption: 'Lịch', document: { file_name: 'lich.ics' } });
  });

  it('throws UnreachableChatError for a chat the bot was kicked from', async () => {
    emu.state.kicked.add('-100777');
    const sending = sender.send('-100777', { segments: [{ text: 'x' }] });
    await expect(sending).rejects.toBeInstanceOf(UnreachableChatError);
    await expect(sending).rejects.toMatchObject({ platform: 'telegram', chatId: '-100777' });
  });

  it('throws ChatMigratedError with the new id when the group became a supergroup', async () => {
    emu.state.migrated.set('-4242', -1004242);
    await expect(sender.send('-4242', { segments: [{ text: 'x' }] })).rejects.toEqual(
      expect.objectContaining({ name: 'ChatMigratedError', chatId: '-4242', newChatId: '-1004242' }),
    );
    await expect(sender.send('-4242', { segments: [{ text: 'x' }] })).rejects.toBeInstanceOf(
      ChatMigratedError,
    );
  });

  it('retries a short 429 itself, and returns a long one at once as RateLimitedError', async () => {
    emu.state.fail429 = 1;
    emu.state.retryAfter = 1;
    await sender.send(GROUP, { segments: [{ text: 'sau 429' }] });
    expect((await emu.waitForBotMessage(GROUP)).text).toBe('sau 429');

    emu.state.fail429 = 1;
    emu.state.retryAfter = 30; // beyond maxDelaySeconds: 5
    const started = Date.now();
    const sending = sender.send(GROUP, { segments: [{ text: 'quá tải' }] });
    await expect(sending).rejects.toBeInstanceOf(RateLimitedError);
    await expect(sending).rejects.toMatchObject({ retryAfterMs: 30_000 });
    expect(Date.now() - started).toBeLessThan(2000);
    await emu.expectNoBotMessage(GROUP);
  });

  it('never logs the token', () => {
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(logs.text()).not.toContain(emu.token);
  });
});
