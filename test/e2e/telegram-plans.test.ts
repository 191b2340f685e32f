/**
 * A plan sent to the real bot process as a Word file, through the Bot API emulator over HTTP: the file
 * is uploaded (multipart) as a user's document message, the bot fetches it with getFile and the file URL,
 * answers with the review and the draft as an .xlsx document, and /confirm loads it.
 */
import { readDraftWorkbook } from '../../src/bot/draft-file';
import { connectStore, disconnectStore } from '../../src/store/connect';
import { mongoUri, processRedisUrl, testNamespace } from '../harness/servers';
import { startProcess, type RunningProcess } from '../helpers/bot-process';
import { planDocx } from '../helpers/plan-docx';
import { SCENARIO_NOW, seedScenario } from '../helpers/scenario';
import { readable, startEmulator, type Emulator } from '../helpers/telegram-emulator';
import { PendingAction, Task, dropTestDatabase } from '../helpers/store';

const dbName = testNamespace(__filename);
const ADMIN = { userId: 900, firstName: 'Quản trị', userName: 'admin' };
const LAN = { userId: 501, firstName: 'Lan', userName: 'lan' };
const PLANNING = { chatId: -1001000000011, chatTitle: 'Phòng KH-TH', type: 'supergroup' as const };

let emu: Emulator;
let bot: RunningProcess;
let docx: Buffer;

const privateChat = (user: typeof ADMIN) => ({ ...user, chatId: user.userId, type: 'private' as const });

async function command(chat: { chatId: number }, who: Parameters<Emulator['client']>[0], text: string) {
  const { updateId } = await emu.sendText(emu.client({ ...who, ...chat }), text);
  const first = await emu.waitForBotMessage(chat.chatId, undefined, 10000);
  // Every reply has been sent once the bot has moved past the update.
  await emu.waitUntilHandled(updateId);
  return [first, ...emu.takeBotMessages(chat.chatId)].map(readable).join('\n');
}

beforeAll(async () => {
  await connectStore(mongoUri(), dbName);
  await seedScenario(); // the organisation, its departments, and an earlier plan (tasks 1–5)
  docx = await planDocx();
  emu = await startEmulator();
  bot = await startProcess(
    'src/app/main.ts',
    {
      MONGODB_URI: `${mongoUri()}/${dbName}`,
      REDIS_URL: processRedisUrl(__filename),
      TELEGRAM_BOT_TOKEN: emu.token,
      TELEGRAM_API_ROOT: emu.apiRoot,
      BOT_ADMINS: 'telegram:900',
      BOT_NOW: SCENARIO_NOW,
    },
    'BOT_READY',
  );
  expect(await command(PLANNING, ADMIN, '/link@TestNameBot ke hoach')).toMatch(/Đã gắn nhóm này/);
}, 60000);

afterAll(async () => {
  expect(await bot?.stop('SIGTERM')).toBe(0);
  await emu?.stop();
  await dropTestDatabase();
  await disconnectStore();
});

describe('a plan sent to the bot as a file on Telegram', () => {
  it("refuses a non-admin's file without downloading it, and stores nothing", async () => {
    const chat = privateChat(LAN);
    const { fileId } = await emu.sendDocument(emu.client(chat), { name: 'ke-hoach.docx', data: docx });
    const reply = await emu.waitForBotMessage(chat.chatId, undefined, 10000);
    expect(readable(reply)).toMatch(/Chỉ quản trị viên của bot hoặc nhóm lãnh đạo/);
    expect(emu.state.downloads).not.toContain(fileId);
    expect(await PendingAction.countDocuments()).toBe(0);
    expect(await Task.countDocuments()).toBe(5);
  });

  it('reviews an admin’s .docx with the draft attached, loads it on /confirm, and the same file again is 0 new', async () => {
    const chat = privateChat(ADMIN);
    const { fileId } = await emu.sendDocument(emu.client(chat), {
      name: 'ke-hoach-2025.docx',
      data: docx,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const review = await emu.waitForBotMessage(chat.chatId, (m) => m.text !== undefined, 15000);
    expect(emu.state.downloads).toContain(fileId);
    expect(readable(review)).toMatch(
      /Bản nháp kế hoạch: Kế hoạch Triển khai công tác hỗ trợ hợp tác xã năm 2025/,
    );
    expect(readable(review)).toMatch(/3 nhiệm vụ: 3 mới, 0 đã có/);
    expect(readable(review)).toMatch(/Phòng Kế hoạch – Tổng hợp: 1/);
    expect(readable(review)).toMatch(/tên có vẻ lỗi khi quét/);
    const draft = await emu.waitForBotMessage(chat.chatId, (m) => m.payload.document !== undefined, 10000);
    expect(draft.document?.file_name).toBe('ban-nhap-ke-hoach-2025.xlsx');
    const sheet = await readDraftWorkbook(emu.fileOf(draft));
    expect(sheet.tasks).toHaveLength(3);
    expect(await Task.countDocuments()).toBe(5); // nothing loaded before /confirm

    expect(await command(chat, ADMIN, '/xacnhan')).toMatch(
      /Đã nạp kế hoạch .*: 3 việc mới, 0 cập nhật, 0 không đổi.*\n.*Số việc: 6–8/s,
    );
    const list = await command(PLANNING, LAN, '/tasks@TestNameBot');
    expect(list).toMatch(/#7 Báo cáo kết quả triển khai Luật Hợp tác xã năm 2023/);

    await emu.sendDocument(emu.client(chat), { name: 'ke-hoach-2025.docx', data: docx });
    const again = await emu.waitForBotMessage(chat.chatId, (m) => m.text !== undefined, 15000);
    expect(readable(again)).toMatch(/3 nhiệm vụ: 0 mới, 3 đã có/);
    await emu.waitForBotMessage(chat.chatId, (m) => m.payload.document !== undefined, 10000);
    expect(await command(chat, ADMIN, '/confirm')).toMatch(/0 việc mới, 0 cập nhật, 3 không đổi/);
    expect(await Task.countDocuments()).toBe(8);
  });

  it('answers a file of another type or over 5 MB without downloading it', async () => {
    const chat = privateChat(ADMIN);
    const big = await emu.sendDocument(emu.client(chat), {
      name: 'ke-hoach.pdf',
      data: Buffer.from('%PDF-1.4'),
      size: 7 * 1024 * 1024,
    });
    expect(readable(await emu.waitForBotMessage(chat.chatId, undefined, 10000))).toMatch(
      /7,0 MB, quá giới hạn 5,0 MB/,
    );
    const photo = await emu.sendDocument(emu.client(chat), { name: 'anh.jpg', data: Buffer.from('jpeg') });
    expect(readable(await emu.waitForBotMessage(chat.chatId, undefined, 10000))).toMatch(
      /chỉ đọc kế hoạch dạng .docx, .pdf, .rtf, .txt, .csv, .html hoặc lịch .ics/,
    );
    expect(emu.state.downloads).not.toContain(big.fileId);
    expect(emu.state.downloads).not.toContain(photo.fileId);
  });
});
