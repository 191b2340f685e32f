/**
 * Asking for more time, through the real core, store and reminder scheduler: a department asks by command
 * and by the ⏳ button's prompt; the leaders refuse one by button and approve one by a numbered reply (as on
 * Zalo); the group that asked is told; the reminders move at once; /task and /history keep the original
 * deadline; and the figures judge the task against the deadline that was in force.
 */
import ExcelJS from 'exceljs';
import IORedis from 'ioredis';
import pino from 'pino';
import { createBotCore } from '../../../src/bot/core';
import { plainText, type IncomingMessage, type Reply } from '../../../src/bot/messages';
import { createWorkingCalendar } from '../../../src/domain/calendar';
import { createReminderScheduler, type ReminderScheduler } from '../../../src/scheduler/plan-task';
import { taskIndexKey } from '../../../src/scheduler/reminder-queue';
import { fixedClock, type Clock } from '../../../src/shared/clock';
import { redisUrl, testNamespace } from '../../harness/servers';
import { coreDeps } from '../../helpers/core-deps';
import { SCENARIO_NOW, seedScenario } from '../../helpers/scenario';
import { useTestStore, StatusUpdate, Task } from '../../helpers/store';

useTestStore(__filename);

const prefix = testNamespace(__filename);
let now = new Date(SCENARIO_NOW);
const clock: Clock = { now: () => now };
let connection: IORedis;
let scheduler: ReminderScheduler;
let core: ReturnType<typeof createBotCore>;
const posted: Array<{ chatId: string; reply: Reply }> = [];
const ADMIN = { id: 'admin', name: 'Quản trị' };
const LAN = { id: '501', name: 'Lan' };
const CHU_TICH = { id: '503', name: 'Chủ tịch' };
const PLANNING = { id: '-100301', title: 'Phòng KH-TH', isGroup: true };
const LEADERS = { id: '-100303', title: 'Thường trực', isGroup: true };
let seq = 0;

async function handle(msg: Omit<IncomingMessage, 'platform' | 'messageId'>): Promise<Reply[]> {
  return core.handle({ platform: 'telegram', messageId: String(++seq), ...msg });
}
async function send(
  chat: IncomingMessage['chat'],
  user: IncomingMessage['user'],
  text: string,
  replyTo?: string,
) {
  const replies = await handle({
    chat,
    user,
    text,
    ...(replyTo !== undefined ? { replyTo: { messageId: `bot-${seq}`, fromBot: true, text: replyTo } } : {}),
  });
  return replies.map(plainText).join('\n');
}
async function press(chat: IncomingMessage['chat'], user: IncomingMessage['user'], data: string, text = '') {
  return handle({
    chat,
    user,
    text: '',
    press: { data, id: `p${seq}` },
    replyTo: { messageId: `m${seq}`, fromBot: true, text },
  });
}
const postsTo = (chat: { id: string }) => posted.filter((p) => p.chatId === chat.id);

async function queuedDays(id: string): Promise<string[]> {
  const keys = await connection.smembers(taskIndexKey(prefix, id));
  const present = await Promise.all(keys.map(async (k) => ((await scheduler.queue.getJob(k)) ? k : null)));
  return present
    .filter((k): k is string => k !== null)
    .map((k) => k.slice(-10))
    .sort();
}

beforeAll(async () => {
  connection = new IORedis(redisUrl(), { maxRetriesPerRequest: null });
  const calendar = createWorkingCalendar();
  scheduler = createReminderScheduler({
    connection,
    prefix,
    clock: fixedClock(now),
    calendar,
    logger: pino({ level: 'silent' }),
  });
  core = createBotCore(
    coreDeps('telegram', {
      clock,
      calendar,
      onTaskChanged: async (id) => void (await scheduler.syncTask(id)),
      post: async (_platform, chatId, reply) => {
        posted.push({ chatId, reply });
        return { messageId: `post-${posted.length}` };
      },
    }),
  );
  await seedScenario();
  await send(PLANNING, ADMIN, '/link ke hoach');
  await send(LEADERS, ADMIN, '/link leaders');
  await scheduler.reconcileAll();
});

afterAll(async () => {
  await scheduler.queue.obliterate({ force: true });
  await scheduler.close();
  await connection.quit();
});

describe('extension requests', () => {
  it('by command: the leaders get it with buttons, refuse it by button, and the department is told', async () => {
    const reply = await send(PLANNING, LAN, '/giahan 4 15/7 chờ số liệu của các huyện');
    expect(reply).toMatch(/Đã gửi lãnh đạo đề nghị gia hạn việc số 4: 30\/06\/2025 → 15\/07\/2025/);
    const [request] = postsTo(LEADERS);
    expect(plainText(request!.reply)).toMatch(/Phòng Kế hoạch – Tổng hợp xin gia hạn việc số 4/);
    expect(plainText(request!.reply)).toMatch(/Lý do: chờ số liệu của các huyện/);
    // Telegram shows the buttons, so the post names them (Zalo's lists typed replies instead).
    expect(plainText(request!.reply)).toMatch(/Bấm nút, hoặc trả lời tin này “đồng ý 4” hay “không 4 lý do”/);
    expect(request!.reply.buttons).toEqual([
      [
        { label: '✅ Đồng ý', data: 'ex:ok:4' },
        { label: '↩ Không đồng ý', data: 'ex:no:4' },
      ],
    ]);
    // A second request while one waits is refused.
    expect(await send(PLANNING, LAN, '/giahan 4 20/7')).toMatch(/đã có một đề nghị gia hạn đang chờ/);
    // A department may not decide.
    const [denied] = await press(PLANNING, LAN, 'ex:ok:4');
    expect(denied!.toast).toMatch(/chủ trì việc 4: .*duyệt là việc của nhóm lãnh đạo/);

    const answer = await press(LEADERS, CHU_TICH, 'ex:no:4', plainText(request!.reply));
    expect(answer[0]!.toast).toMatch(/Không đồng ý gia hạn việc số 4; hạn vẫn là 30\/06\/2025/);
    expect(answer[1]).toMatchObject({ editsPressed: true, buttons: [] });
    expect(plainText(postsTo(PLANNING).at(-1)!.reply)).toMatch(
      /không đồng ý gia hạn việc số 4; hạn vẫn là 30\/06\/2025/,
    );
    expect(await Task.findOne({ number: 4 }).lean()).toMatchObject({
      end: '2025-06-30',
      extensionRequest: null,
      extensions: [],
    });
    // Pressing again changes nothing.
    expect((await press(LEADERS, CHU_TICH, 'ex:ok:4'))[0]!.toast).toMatch(/không có đề nghị gia hạn/);
  });

  it('by the ⏳ button: the prompt, the reply with a date; approved by a numbered reply; reminders move', async () => {
    const task = (await Task.findOne({ number: 4 }).lean())!;
    const id = String(task._id);
    const before = await queuedDays(id);
    // Due 30/06: reminders before it (due soon on 25/06) and after it (overdue).
    expect(before).toContain('2025-06-25');

    const pressed = await press(PLANNING, LAN, 'rm:extend:4');
    const prompt = plainText(pressed[1]!);
    expect(prompt).toMatch(/⏳ Xin gia hạn việc số 4 \(hạn hiện tại 30\/06\/2025\)/);
    expect(await send(PLANNING, LAN, '31/7 chờ kết quả kiểm tra', prompt)).toMatch(
      /30\/06\/2025 → 31\/07\/2025/,
    );
    const request = postsTo(LEADERS).at(-1)!;

    // On Zalo there are no buttons in groups: the leaders answer by replying with the number.
    expect(await send(LEADERS, CHU_TICH, 'Đồng ý 4', plainText(request.reply))).toMatch(
      /Đã đồng ý gia hạn việc số 4 đến 31\/07\/2025/,
    );
    expect(plainText(postsTo(PLANNING).at(-1)!.reply)).toMatch(/đồng ý gia hạn việc số 4 đến 31\/07\/2025/);
    const saved = (await Task.findOne({ number: 4 }).lean())!;
    expect(saved).toMatchObject({ end: '2025-07-31', originalEnd: '2025-06-30', extensionRequest: null });
    expect(saved.extensions).toHaveLength(1);
    expect(saved.extensions[0]).toMatchObject({
      from: '2025-06-30',
      to: '2025-07-31',
      via: 'request',
      by: 'Chủ tịch (telegram:503)',
    });
    const after = await queuedDays(id);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((d) => d <= '2025-06-30')).toEqual([]);
    expect(after.some((d) => d >= '2025-07-20' && d <= '2025-07-31')).toBe(true);
    expect(
      await StatusUpdate.countDocuments({ taskNumber: 4, action: 'extension-approve', applied: true }),
    ).toBe(1);

    expect(await send(LEADERS, CHU_TICH, '/task 4')).toMatch(/gia hạn 1 lần, hạn gốc 30\/06\/2025/);
    const history = await send(LEADERS, CHU_TICH, '/lichsu 4');
    expect(history).toMatch(/gia hạn 1 lần, hạn gốc 30\/06\/2025/);
    expect(history).toMatch(/Chủ tịch: đồng ý gia hạn/);
    expect(history).toMatch(/Lan: xin gia hạn/);
  });

  it('finished after the original date but before the approved one: on time, with "1 lần gia hạn"', async () => {
    now = new Date('2025-07-10T09:00:00+07:00');
    expect(await send(PLANNING, LAN, '/xong 4 đã gửi báo cáo quý')).toMatch(/hoàn thành/);
    const status = await send(LEADERS, CHU_TICH, '/status Q2');
    expect(status).toMatch(/Phòng Kế hoạch – Tổng hợp: \d+ việc\nĐúng hạn 1 ·/);
    expect(status).toMatch(/#4 \(1 lần gia hạn\)/);
  });

  it('a deadline a leader overwrote after it was late still counts late', async () => {
    // Task 3 was due 31/05/2025; on 10/07 it is late, and a leader moves the date.
    expect(await send(LEADERS, CHU_TICH, '/sua 3 hạn 31/7/2025')).toMatch(/31\/05\/2025 → 31\/07\/2025/);
    const saved = (await Task.findOne({ number: 3 }).lean())!;
    expect(saved).toMatchObject({ end: '2025-07-31', originalEnd: '2025-05-31' });
    expect(saved.extensions[0]).toMatchObject({ via: 'edit', requestedBy: null, on: '2025-07-10' });
    await send({ id: '-100304', title: 'TT', isGroup: true }, ADMIN, '/link thong tin');
    expect(await send({ id: '-100304', title: 'TT', isGroup: true }, LAN, '/xong 3')).toMatch(/hoàn thành/);
    const status = await send(LEADERS, CHU_TICH, '/status Q2');
    expect(status).toMatch(/Phòng Thông tin và Tuyên truyền: 1 việc\nĐúng hạn 0 · Trễ hạn 1/);
    expect(status).toMatch(/Tổng số việc được gia hạn: 2/);

    // The export's summary counts the same way, and the task sheet keeps both deadlines.
    const [xlsx] = await handle({ chat: LEADERS, user: CHU_TICH, text: '/export Q2' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx!.document!.data as unknown as ArrayBuffer);
    const summary = wb.getWorksheet('Tổng hợp')!;
    const rowOf = (name: string) => {
      let found: unknown[] = [];
      summary.eachRow((r) => {
        const v = (r.values as unknown[]).slice(1);
        if (v[0] === name) found = v;
      });
      return found;
    };
    // Đúng hạn, quá hạn, đang làm, quá hạn chưa xong, chưa đến hạn, tổng.
    expect(rowOf('Phòng Thông tin và Tuyên truyền')).toEqual([
      'Phòng Thông tin và Tuyên truyền',
      0,
      1,
      0,
      0,
      0,
      1,
    ]);
    expect(rowOf('Phòng Kế hoạch – Tổng hợp').slice(0, 3)).toEqual(['Phòng Kế hoạch – Tổng hợp', 1, 0]);
    expect(rowOf('Số việc được gia hạn')).toEqual(['Số việc được gia hạn', 2]);
    const tasks = wb.getWorksheet('Nhiệm vụ')!;
    const header = (tasks.getRow(1).values as unknown[]).map(String);
    const task3 = [2, 3, 4, 5].map((r) => tasks.getRow(r)).find((r) => r.getCell(1).value === 3)!;
    expect(task3.getCell(header.indexOf('Số lần gia hạn')).value).toBe(1);
    expect(task3.getCell(header.indexOf('Hạn gốc')).value).toEqual(new Date(Date.UTC(2025, 4, 31)));
    expect(task3.getCell(header.indexOf('Hạn điều chỉnh')).value).toEqual(new Date(Date.UTC(2025, 6, 31)));
  });
});
