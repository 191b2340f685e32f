/**
 * Issue 20's first "done when", end to end: an empty database, only BOT_ADMINS set; the real bot and worker
 * processes on the Telegram Bot API emulator, the service clock (BOT_NOW) at 07:58 on Wednesday 02/12/2026.
 * The deployment admin makes a setup code; the new alliance's secretary claims it, sends the first plan
 * of Liên minh HTX tỉnh Bắc Giang (an organisation the project does not ship), confirms, links three
 * groups with /lienket's buttons and one with a link code a plain member pastes; at 08:00 the first
 * reminders reach those four groups.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import IORedis from 'ioredis';
import { mongoUri, processRedisUrl, withPath } from '../harness/servers';
import { startProcess, type RunningProcess } from '../helpers/bot-process';
import { ChatBinding, Department, OrgAdmin, Organisation, Task, useTestStore } from '../helpers/store';
import { readable, startEmulator, type BotMessage, type Emulator } from '../helpers/telegram-emulator';
import { skipServiceClockTo } from '../helpers/service-clock';

jest.setTimeout(300_000);
const { dbName } = useTestStore(__filename);

const BOT_NOW = '2026-12-02T07:58:00+07:00';
const ADMIN = { userId: 900, firstName: 'Quản trị', userName: 'quantri' };
const SECRETARY = { userId: 501, firstName: 'Hoa', userName: 'hoa_thuky' };
const MEMBER = { userId: 777, firstName: 'Minh', userName: 'minh' };
const GROUPS = {
  khth: { chatId: -1003000000001, chatTitle: 'Phòng KHTH', type: 'supergroup' as const },
  tttd: { chatId: -1003000000002, chatTitle: 'Phòng TT-TĐ', type: 'supergroup' as const },
  vp: { chatId: -1003000000003, chatTitle: 'Văn phòng', type: 'supergroup' as const },
  tuvan: { chatId: -1003000000004, chatTitle: 'Trung tâm Tư vấn', type: 'supergroup' as const },
};
const PLAN = readFileSync(
  path.join(__dirname, '..', 'fixtures', 'alliance', 'bac-giang-cong-tac-thang-12-2026.txt'),
);

let emu: Emulator;
let redis: IORedis;
const running: RunningProcess[] = [];

const privateChat = (user: typeof ADMIN) => ({ ...user, chatId: user.userId, type: 'private' as const });

async function say(chat: { chatId: number }, who: typeof ADMIN, text: string): Promise<BotMessage> {
  await emu.sendText(emu.client({ ...who, ...chat }), text);
  return emu.waitForBotMessage(chat.chatId, undefined, 20_000);
}

beforeAll(async () => {
  redis = new IORedis(processRedisUrl(__filename), { maxRetriesPerRequest: null });
  await redis.flushdb();
  emu = await startEmulator();
  const env = {
    MONGODB_URI: withPath(mongoUri(), `/${dbName}`),
    REDIS_URL: processRedisUrl(__filename),
    TELEGRAM_BOT_TOKEN: emu.token,
    TELEGRAM_API_ROOT: emu.apiRoot,
    BOT_ADMINS: 'telegram:900',
    BOT_NOW,
  };
  running.push(await startProcess('src/app/worker.ts', env, 'WORKER_READY', 120_000));
  running.push(await startProcess('src/app/main.ts', env, 'BOT_READY', 120_000));
}, 260_000);

afterAll(async () => {
  for (const p of running.reverse()) await p.stop('SIGTERM');
  await redis?.flushdb();
  await redis?.quit();
  await emu?.stop();
});

describe('a new alliance sets itself up from the chat', () => {
  let code = '';

  it('starts from an empty database: no organisation, nothing to link', async () => {
    expect(await Organisation.countDocuments()).toBe(0);
    const refused = await say(GROUPS.khth, SECRETARY, '/lienket@TestNameBot');
    expect(readable(refused)).toMatch(/Chỉ quản trị viên/);
    expect(await ChatBinding.countDocuments({ role: { $ne: null } })).toBe(0);
  });

  it('the deployment admin makes a setup code; the secretary claims it in a private chat', async () => {
    const made = readable(await say(privateChat(ADMIN), ADMIN, '/macaidat'));
    code = /CD-[2-9A-Z]{8}/.exec(made)?.[0] ?? '';
    expect(code).not.toBe('');
    expect(readable(await say(privateChat(SECRETARY), SECRETARY, '/batdau CD-ABCD2345'))).toMatch(
      /không dùng được/,
    );
    expect(readable(await say(privateChat(SECRETARY), SECRETARY, `/batdau ${code}`))).toMatch(/Mã hợp lệ/);
  });

  it('her first plan proposes the organisation and its departments; /xacnhan creates them with the plan', async () => {
    const chat = privateChat(SECRETARY);
    await emu.sendDocument(emu.client(chat), { name: 'ke-hoach-thang-12.txt', data: PLAN });
    const review = readable(await emu.waitForBotMessage(chat.chatId, undefined, 20_000));
    expect(review).toMatch(/Tổ chức mới: Liên minh HTX tỉnh Bắc Giang/);
    expect(review).toMatch(/Đơn vị đề xuất \(5\)/);
    expect(review).toMatch(/Phòng Kế hoạch - Tổng hợp \(còn gọi: KHTH, Phòng KHTH\)/);
    expect(review).toMatch(/Trung tâm Tư vấn và Hỗ trợ HTX/);
    // Outside bodies are not departments.
    expect(review).not.toMatch(/\d\. Sở Tài chính|\d\. UBND/);
    expect(await Organisation.countDocuments()).toBe(0); // nothing before /xacnhan

    const done = readable(await say(chat, SECRETARY, '/xacnhan'));
    expect(done).toMatch(/Đã tạo Liên minh HTX tỉnh Bắc Giang với 5 đơn vị .*: 6 việc/);
    const org = await Organisation.findOne({ slug: 'bac-giang' }).lean();
    expect(org?.name).toBe('Liên minh HTX tỉnh Bắc Giang');
    expect(await Department.countDocuments({ org: org?._id })).toBe(5);
    expect(await OrgAdmin.countDocuments({ org: org?._id, userId: '501' })).toBe(1);
    const support = await Task.findOne({ org: org?._id, ref: 'II.4' }).lean();
    expect(support?.lead).toEqual(['van-phong']);
    expect(support?.support).toEqual(['ke-hoach-tong-hop']); // "Phòng KHTH": the plan's abbreviation

    // The code was spent: a second organisation needs a new one.
    expect(readable(await say(chat, SECRETARY, `/batdau ${code}`))).toMatch(/không dùng được/);
  });

  it('links three groups with the buttons of /lienket', async () => {
    const picks: Array<[keyof typeof GROUPS, RegExp]> = [
      ['khth', /Phòng Kế hoạch - Tổng hợp/],
      ['tttd', /Phòng Tuyên truyền - Thi đua/],
      ['vp', /^Văn phòng$/],
    ];
    for (const [key, label] of picks) {
      const group = GROUPS[key];
      const menu = await say(group, SECRETARY, '/lienket@TestNameBot');
      expect(readable(menu)).toMatch(/Chọn đơn vị cho nhóm này \(Liên minh HTX tỉnh Bắc Giang\)/);
      const rows = (
        menu.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
      ).inline_keyboard;
      expect(rows.map((r) => r[0]?.text)).toContain('Nhóm lãnh đạo');
      const button = rows.map((r) => r[0]!).find((b) => label.test(b.text));
      expect(button).toBeDefined();
      // A plain member's press is refused and links nothing.
      const member = emu.client({ ...MEMBER, ...group });
      const refused = await emu.waitForPressAnswer(
        await emu.press(member, menu, button!.callback_data),
        15_000,
      );
      expect(refused.text).toMatch(/Chỉ thư ký \(quản trị\) của Liên minh HTX tỉnh Bắc Giang/);
      expect(await ChatBinding.countDocuments({ chatId: String(group.chatId), role: { $ne: null } })).toBe(0);

      const secretary = emu.client({ ...SECRETARY, ...group });
      const answer = await emu.waitForPressAnswer(
        await emu.press(secretary, menu, button!.callback_data),
        15_000,
      );
      expect(answer.text).toMatch(/Đã gắn nhóm này với/);
    }
    const bound = await ChatBinding.find({ role: 'department' }).lean();
    expect(bound.map((b) => b.department).sort()).toEqual([
      'ke-hoach-tong-hop',
      'tuyen-truyen-thi-dua',
      'van-phong',
    ]);
  });

  it('links the fourth with a code the secretary makes privately and a plain member pastes', async () => {
    const made = readable(await say(privateChat(SECRETARY), SECRETARY, '/malienket Trung tâm Tư vấn'));
    const link = /LK-[2-9A-Z]{8}/.exec(made)?.[0] ?? '';
    expect(link).not.toBe('');
    const linked = readable(await say(GROUPS.tuvan, MEMBER, link));
    expect(linked).toMatch(/Đã gắn nhóm này với Trung tâm Tư vấn và Hỗ trợ HTX/);
    // One use only.
    expect(readable(await say(GROUPS.khth, MEMBER, link))).toMatch(/không dùng được/);
    const khth = await ChatBinding.findOne({ chatId: String(GROUPS.khth.chatId) }).lean();
    expect(khth?.department).toBe('ke-hoach-tong-hop');
  });

  it('at 08:00 the first reminders reach the four groups', async () => {
    // Set-up done: most of the minutes left before 08:00 are skipped, as a secretary would with `:time`.
    await skipServiceClockTo(BOT_NOW, '2026-12-02T07:59:50+07:00');
    for (const group of Object.values(GROUPS)) {
      const reminder = await emu.waitForBotMessage(
        group.chatId,
        (m) => /(Hạn|Thời gian): /.test(readable(m)) && /(#|Việc số )\d+/.test(readable(m)),
        150_000,
      );
      // Answerable in one step: the reminder says how.
      expect(readable(reminder)).toMatch(/\/xong \d+|“xong \d+”/);
    }
    const khth = emu.botMessages(GROUPS.khth.chatId).map(readable).join('\n');
    expect(khth).toMatch(/Tổng hợp báo cáo kết quả hoạt động/);
    const tuvan = emu.botMessages(GROUPS.tuvan.chatId).map(readable).join('\n');
    expect(tuvan).toMatch(/tập huấn nghiệp vụ kế toán/);
  });
});
