/**
 * Changing the plan from chat, through the real core, store and reminder scheduler (BullMQ on the test
 * Redis): the old date's reminders leave the queue and the new date's arrive, each change is in /history,
 * a department group may not change the plan, and /add reads time words as the importer does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import IORedis from 'ioredis';
import pino from 'pino';
import { createBotCore } from '../../../src/bot/core';
import { plainText, type IncomingMessage, type Reply } from '../../../src/bot/messages';
import { createWorkingCalendar } from '../../../src/domain/calendar';
import type { OrgDirectory } from '../../../src/domain/task';
import { draftFromText } from '../../../src/import';
import { createReminderScheduler, type ReminderScheduler } from '../../../src/scheduler/plan-task';
import { fixedClock } from '../../../src/shared/clock';
import { taskIndexKey } from '../../../src/scheduler/reminder-queue';
import { redisUrl, testNamespace } from '../../harness/servers';
import { coreDeps } from '../../helpers/core-deps';
import { SCENARIO_NOW, seedScenario } from '../../helpers/scenario';
import { useTestStore, Task, TaskEdit } from '../../helpers/store';

useTestStore(__filename);

const prefix = testNamespace(__filename);
const clock = fixedClock(new Date(SCENARIO_NOW));
let connection: IORedis;
let scheduler: ReminderScheduler;
let core: ReturnType<typeof createBotCore>;
const ADMIN = { id: 'admin', name: 'Quản trị' };
const LAN = { id: '501', name: 'Lan' };
const CHU_TICH = { id: '503', name: 'Chủ tịch' };
const PLANNING = { id: '-100301', title: 'Phòng KH-TH', isGroup: true };
const LEADERS = { id: '-100303', title: 'Thường trực', isGroup: true };
let seq = 0;

async function send(
  chat: IncomingMessage['chat'],
  user: IncomingMessage['user'],
  text: string,
): Promise<string> {
  const replies: Reply[] = await core.handle({
    platform: 'telegram',
    chat,
    user,
    text,
    messageId: String(++seq),
  });
  return replies.map(plainText).join('\n');
}

async function taskId(number: number): Promise<string> {
  const t = await Task.findOne({ number }).lean();
  return String(t!._id);
}

/** The reminder jobs of a task now in the queue, by key (their key ends with the day they are sent). */
async function queuedKeys(id: string): Promise<string[]> {
  const keys = await connection.smembers(taskIndexKey(prefix, id));
  const present = await Promise.all(keys.map(async (k) => ((await scheduler.queue.getJob(k)) ? k : null)));
  return present.filter((k): k is string => k !== null).sort();
}
const dayOf = (key: string): string => key.slice(-10);

beforeAll(async () => {
  connection = new IORedis(redisUrl(), { maxRetriesPerRequest: null });
  const logger = pino({ level: 'silent' });
  const calendar = createWorkingCalendar();
  scheduler = createReminderScheduler({ connection, prefix, clock, calendar, logger });
  // As the bot process does: a change made in chat re-plans that task's reminders at once.
  core = createBotCore(
    coreDeps('telegram', {
      clock,
      calendar,
      onTaskChanged: async (id) => void (await scheduler.syncTask(id)),
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

describe('changing the plan from chat', () => {
  it('/edit 3 hạn moves the deadline, swaps its reminders in the queue, and /history shows it', async () => {
    const id = await taskId(3);
    const before = await queuedKeys(id);
    expect(before.length).toBeGreaterThan(0);
    // Due 31/05/2025 (a Saturday): the due-day reminder goes on Friday 30/05.
    expect(before).toContain(`${id}_due-day_lead_2025-05-30`);

    const reply = await send(LEADERS, CHU_TICH, '/sua 3 hạn 20/6/2025');
    expect(reply).toMatch(/Việc số 3: hạn 31\/05\/2025 → 20\/06\/2025/);
    const after = await queuedKeys(id);
    const gone = before.filter((k) => !after.includes(k));
    expect(gone.length).toBeGreaterThan(0);
    for (const k of gone) expect(await scheduler.queue.getJob(k)).toBeUndefined();
    expect(gone).toContain(`${id}_due-day_lead_2025-05-30`);
    expect(after).toContain(`${id}_due-day_lead_2025-06-20`);
    expect(await scheduler.queue.getJob(`${id}_due-day_lead_2025-06-20`)).toBeDefined();
    expect(after.filter((k) => k.includes('_due-soon_')).every((k) => dayOf(k) > '2025-06-01')).toBe(true);
    expect((await Task.findById(id).lean())!.end).toBe('2025-06-20');

    const history = await send(LEADERS, CHU_TICH, '/lichsu 3');
    expect(history).toMatch(/Lịch sử việc số 3/);
    expect(history).toMatch(/15\/05\/2025 09:00 Chủ tịch: hạn 31\/05\/2025 → 20\/06\/2025/);
    expect(await send(LEADERS, CHU_TICH, '/task 3')).toMatch(
      /Thay đổi kế hoạch gần đây:\n15\/05\/2025 Chủ tịch: hạn 31\/05\/2025 → 20\/06\/2025/,
    );
  });

  it('a department group may not edit; nothing changes and nothing is recorded', async () => {
    const edits = await TaskEdit.countDocuments();
    const t = await Task.findOne({ number: 1 }).lean();
    expect(await send(PLANNING, LAN, '/edit 1 hạn 30/6/2025')).toMatch(
      /sửa kế hoạch là việc của nhóm lãnh đạo/i,
    );
    expect(await send(PLANNING, LAN, '/xoa 1')).toMatch(/sửa kế hoạch là việc của nhóm lãnh đạo/i);
    expect(await send(PLANNING, LAN, '/them Việc mới | hạn: 1/6')).toMatch(
      /sửa kế hoạch là việc của nhóm lãnh đạo/i,
    );
    const same = await Task.findOne({ number: 1 }).lean();
    expect(same!.end).toBe(t!.end);
    expect(same!.revision).toBe(t!.revision);
    expect(await TaskEdit.countDocuments()).toBe(edits);
  });

  it('edits start, lead, support and title; /assign is the lead edit', async () => {
    expect(await send(LEADERS, CHU_TICH, '/edit 2 bắt đầu 15/6')).toMatch(
      /ngày bắt đầu 20\/06\/2025 → 15\/06\/2025/,
    );
    expect(await send(LEADERS, CHU_TICH, '/edit 2 chủ trì kế hoạch')).toMatch(
      /chủ trì Văn phòng → Phòng Kế hoạch – Tổng hợp/,
    );
    expect(await send(LEADERS, CHU_TICH, '/edit 2 phối hợp +trung tâm hỗ trợ, +văn phòng')).toMatch(
      /phối hợp — → Trung tâm Hỗ trợ, Văn phòng/,
    );
    expect(await send(LEADERS, CHU_TICH, '/edit 2 phối hợp -văn phòng')).toMatch(/→ Trung tâm Hỗ trợ\./);
    expect(await send(LEADERS, CHU_TICH, '/giao 2 trung tâm đào tạo')).toMatch(
      /chủ trì Phòng Kế hoạch – Tổng hợp → Trung tâm Đào tạo/,
    );
    const edits = await TaskEdit.countDocuments();
    expect(await send(LEADERS, CHU_TICH, '/edit 2 chủ trì trung tâm đào tạo')).toMatch(
      /không có gì thay đổi/,
    );
    expect(await TaskEdit.countDocuments()).toBe(edits);
    const t = await Task.findOne({ number: 2 }).lean();
    expect(t!.lead).toEqual(['trung-tam-dao-tao']);
    expect(t!.support).toEqual(['trung-tam-ho-tro']);
    expect(t!.start).toBe('2025-06-15');

    // A damaged title is flagged in /task and fixed with /edit … tên.
    await Task.updateOne({ number: 2 }, { $set: { title: 'Hoat déng truyén thong' } });
    expect(await send(LEADERS, CHU_TICH, '/task 2')).toMatch(
      /Tên việc có vẻ bị lỗi khi quét văn bản \(truyén\)\. Sửa: \/sua 2 tên/,
    );
    expect(await send(LEADERS, CHU_TICH, '/edit 2 tên Hoạt động truyền thông')).toMatch(
      /tên Hoat déng truyén thong → Hoạt động truyền thông/,
    );
    expect(await send(LEADERS, CHU_TICH, '/task 2')).not.toMatch(/lỗi khi quét/);
  });

  it('bad edits are answered and change nothing', async () => {
    const t = await Task.findOne({ number: 4 }).lean();
    expect(await send(LEADERS, CHU_TICH, '/edit 4 hạn 31/2/2025')).toMatch(/Không hiểu ngày “31\/2\/2025”/);
    expect(await send(LEADERS, CHU_TICH, '/edit 4 hạn 1/3/2025')).toMatch(
      /Ngày bắt đầu 01\/04\/2025 sau hạn 01\/03\/2025/,
    );
    expect(await send(LEADERS, CHU_TICH, '/edit 4 chủ trì phòng không tồn tại')).toMatch(
      /Không tìm thấy đơn vị/,
    );
    expect(await send(LEADERS, CHU_TICH, '/edit 4 màu xanh')).toMatch(/\/sua 4 hạn 20\/4\/2025/);
    expect(await send(LEADERS, CHU_TICH, '/edit 99 hạn 1/6')).toMatch(/Không có việc số 99/);
    expect((await Task.findOne({ number: 4 }).lean())!.revision).toBe(t!.revision);
  });

  it('/add with “trước ngày 15/5” gets the window the importer gives the same words, and reminders', async () => {
    const reply = await send(
      LEADERS,
      CHU_TICH,
      '/them Báo cáo nhanh tình hình HTX | chủ trì: kế hoạch | hạn: trước ngày 15/5',
    );
    expect(reply).toMatch(/Đã thêm việc số 6: Báo cáo nhanh tình hình HTX/);
    const added = await Task.findOne({ number: 6 }).lean();
    const orgs = JSON.parse(
      readFileSync(join(__dirname, '..', '..', '..', 'data', 'orgs.json'), 'utf8'),
    ) as OrgDirectory;
    const imported = draftFromText(
      'KẾ HOẠCH\nCông tác năm 2025\nII. NỘI DUNG\n1. Báo cáo nhanh tình hình HTX. Đơn vị chủ trì: Phòng Kế hoạch – Tổng hợp; thời gian: trước ngày 15/5.\n',
      'plan.txt',
      { org: 'hai-phong', directory: orgs, year: 2025 },
    ).tasks[0]!;
    expect({ start: added!.start, end: added!.end }).toEqual({ start: imported.start, end: imported.end });
    expect(added!.end).toBe('2025-05-14');
    expect(added!.lead).toEqual(['ke-hoach-tong-hop']);
    expect((await queuedKeys(String(added!._id))).length).toBeGreaterThan(0); // already overdue: reminded
    expect(await send(PLANNING, LAN, '/tasks')).toMatch(/#6 Báo cáo nhanh tình hình HTX/);
    expect(await send(LEADERS, CHU_TICH, '/history 6')).toMatch(
      /Chủ tịch: thêm việc “Báo cáo nhanh tình hình HTX”/,
    );
  });

  it('/delete asks first; /confirm deletes and its reminders leave the queue; /history still tells', async () => {
    const id = await taskId(5);
    expect((await queuedKeys(id)).length).toBeGreaterThan(0);
    expect(await send(LEADERS, CHU_TICH, '/xoa 5')).toMatch(
      /Xoá việc số 5 “Tập huấn nghiệp vụ cho cán bộ HTX”\? .*\/xacnhan/,
    );
    expect(await Task.countDocuments({ number: 5 })).toBe(1);
    expect(await send(LEADERS, CHU_TICH, '/huy')).toMatch(/Đã giữ lại việc số 5/);
    await send(LEADERS, CHU_TICH, '/xoa 5');
    expect(await send(LEADERS, CHU_TICH, '/xacnhan')).toMatch(/Đã xoá việc số 5/);
    expect(await Task.countDocuments({ number: 5 })).toBe(0);
    expect(await queuedKeys(id)).toEqual([]);
    expect(await send(LEADERS, CHU_TICH, '/lichsu 5')).toMatch(
      /Chủ tịch: xoá việc “Tập huấn nghiệp vụ cho cán bộ HTX”/,
    );
  });

  it('/history lists progress reports beside plan changes', async () => {
    await send(PLANNING, LAN, '/update 1 50% đã gửi công văn');
    const h = await send(LEADERS, CHU_TICH, '/history 1');
    expect(h).toMatch(/Lan: đang thực hiện 50% – đã gửi công văn/);
  });
});
