/**
 * The real bot process (src/app/main.ts) against a local Telegram Bot API emulator over HTTP: the product
 * scenario, as people in three groups would type it.
 */
import { connectStore, disconnectStore } from '../../src/store/connect';
import ExcelJS from 'exceljs';
import { mongoUri, processRedisUrl, testNamespace } from '../harness/servers';
import { startProcess, type RunningProcess } from '../helpers/bot-process';
import {
  runScenario,
  seedScenario,
  SCENARIO_NOW,
  type Driver,
  type GroupName,
  type UserName,
} from '../helpers/scenario';
import { readable, startEmulator, type Emulator } from '../helpers/telegram-emulator';
import { CATEGORY_COLOURS, CHART_SCALE, CHART_WIDTH } from '../../src/report/chart';
import { countColour, decodePng, inkFraction } from '../helpers/png';
import { dropTestDatabase } from '../helpers/store';

const dbName = testNamespace(__filename);
const CHATS: Record<GroupName, { chatId: number; chatTitle: string }> = {
  planning: { chatId: -1001000000001, chatTitle: 'Phòng KH-TH' },
  office: { chatId: -1001000000002, chatTitle: 'Văn phòng' },
  leaders: { chatId: -1001000000003, chatTitle: 'Thường trực' },
};
const USERS: Record<UserName, { userId: number; firstName: string }> = {
  admin: { userId: 900, firstName: 'Quản trị' },
  lan: { userId: 501, firstName: 'Lan' },
  minh: { userId: 502, firstName: 'Minh' },
  chu_tich: { userId: 503, firstName: 'Chủ tịch' },
};

let emu: Emulator;
let bot: RunningProcess;

beforeAll(async () => {
  await connectStore(mongoUri(), dbName);
  await seedScenario();
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
}, 60000);

afterAll(async () => {
  expect(await bot?.stop('SIGTERM')).toBe(0); // a clean, graceful shutdown
  await emu?.stop();
  await dropTestDatabase();
  await disconnectStore();
});

const driver: Driver = {
  async send(group, user, text) {
    const client = emu.client({ ...CHATS[group], type: 'supergroup', ...USERS[user], userName: user });
    // Commands typed in groups carry the bot's name, as Telegram clients insert it from the menu.
    const typed = text.startsWith('/') ? text.replace(/^(\/\S+)/, `$1@${'TestNameBot'}`) : text;
    const { updateId } = await emu.sendText(client, typed);
    const first = await emu.waitForBotMessage(CHATS[group].chatId, undefined, 10000);
    // Every reply has been sent once the bot has moved past the update.
    await emu.waitUntilHandled(updateId);
    return [first, ...emu.takeBotMessages(CHATS[group].chatId)].map(readable);
  },
};

describe('Telegram, end to end through the real bot process', () => {
  it('publishes the command menu in Vietnamese and English', () => {
    const vi = emu.state.commands.find(
      (c) => c.language_code === 'vi' && c.scope?.type === 'all_group_chats',
    );
    expect(vi?.commands.map((c) => c.command)).toEqual(
      expect.arrayContaining(['done', 'update', 'status', 'tasks']),
    );
    expect(vi?.commands.find((c) => c.command === 'done')?.description).toMatch(/hoàn thành/);
    const en = emu.state.commands.find((c) => c.language_code === 'en');
    expect(en?.commands.find((c) => c.command === 'done')?.description).toMatch(/done/i);
  });

  it('runs the product scenario', async () => {
    await runScenario(driver);
  });

  it('escapes user and document text in HTML replies', async () => {
    const client = emu.client({ ...CHATS.planning, type: 'supergroup', ...USERS.lan, userName: 'lan' });
    await emu.sendText(client, '/task@TestNameBot 3');
    const m = await emu.waitForBotMessage(CHATS.planning.chatId);
    expect(m.parse_mode).toBe('HTML');
    expect(m.text).toContain('&lt;Ngày HTX&gt; &amp; &quot;Tháng hành động&quot;');
    expect(m.text).not.toContain('<Ngày HTX>');
  });

  it('answers a bare /cmd and ignores commands for another bot', async () => {
    const client = emu.client({ ...CHATS.office, type: 'supergroup', ...USERS.minh, userName: 'minh' });
    const { updateId } = await emu.sendText(client, '/tasks@SomeOtherBot');
    await emu.waitUntilHandled(updateId);
    await emu.expectNoBotMessage(CHATS.office.chatId);
    await emu.sendText(client, '/tasks');
    expect(readable(await emu.waitForBotMessage(CHATS.office.chatId))).toMatch(/Việc đang mở của Văn phòng/);
  });

  it('answers /status Q2 in the leaders group with a chart (a multipart photo) and the report', async () => {
    const client = emu.client({
      ...CHATS.leaders,
      type: 'supergroup',
      ...USERS.chu_tich,
      userName: 'chu_tich',
    });
    const uploads = emu.state.calls.length;
    const { updateId } = await emu.sendText(client, '/status@TestNameBot Q2');
    const photo = await emu.waitForBotMessage(CHATS.leaders.chatId, (m) => m.photo !== undefined, 10000);
    await emu.waitUntilHandled(updateId);
    const text = [photo, ...emu.takeBotMessages(CHATS.leaders.chatId)].map(readable).join('\n');
    expect(text).toMatch(/Tình hình thực hiện Quý II\/2025/);
    expect(text).toMatch(/Phòng Kế hoạch – Tổng hợp: 2 việc/);
    expect(emu.state.calls.slice(uploads).map((c) => c.method)).toContain('sendPhoto');

    const png = decodePng(emu.fileOf(photo));
    expect(photo.photo?.bytes).toBe(emu.fileOf(photo).length);
    expect(png.width).toBe(CHART_WIDTH * CHART_SCALE);
    expect(png.height).toBeGreaterThan(300);
    expect(inkFraction(png)).toBeGreaterThan(0.05);
    // Q2 has tasks done late and tasks under way: both bars are drawn in their colours.
    expect(countColour(png, CATEGORY_COLOURS.doneLate)).toBeGreaterThan(500);
    expect(countColour(png, CATEGORY_COLOURS.inProgress)).toBeGreaterThan(500);
  });

  it('sends /export Q2 as an xlsx document (sendDocument, multipart) that exceljs opens', async () => {
    const client = emu.client({
      ...CHATS.leaders,
      type: 'supergroup',
      ...USERS.chu_tich,
      userName: 'chu_tich',
    });
    await emu.sendText(client, '/xuat@TestNameBot Q2');
    const doc = await emu.waitForBotMessage(CHATS.leaders.chatId, (m) => m.document !== undefined, 10000);
    expect(doc.document?.file_name).toBe('bao-cao-quy-ii-2025.xlsx');
    expect(readable(doc)).toMatch(/Báo cáo Quý II\/2025: 4 việc/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(emu.fileOf(doc) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Nhiệm vụ')?.rowCount).toBe(5);
  });
});
