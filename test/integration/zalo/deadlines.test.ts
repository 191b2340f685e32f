/**
 * The deadline flows of issue 21 on Zalo, where groups have no buttons: the real Zalo channel adapter,
 * the real bot core, store and reminder scheduler, against the Zalo fake. Everything is said in group
 * messages; the leaders answer by replying (Zalo's "Trả lời") to the bot's post with the words it lists,
 * numbered: "đồng ý 4", "không 4 lý do", "đạt 1", "trả lại 1 lý do", "gia hạn 4 15/8", "đã nắm 4".
 * What each group sees is read from what the fake received; what changed is read from the store.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import pino from 'pino';
import { createBotCore } from '../../../src/bot/core';
import { createZaloChannel, type ZaloChannel } from '../../../src/channels/zalo/channel';
import { createWorkingCalendar } from '../../../src/domain/calendar';
import { createReminderScheduler, type ReminderScheduler } from '../../../src/scheduler/plan-task';
import { taskIndexKey } from '../../../src/scheduler/reminder-queue';
import { fixedClock } from '../../../src/shared/clock';
import { ThreadType } from '../../../src/channels/zalo/zca';
import { redisUrl, testNamespace } from '../../harness/servers';
import { coreDeps } from '../../helpers/core-deps';
import { SCENARIO_NOW, seedScenario } from '../../helpers/scenario';
import { useTestStore, StatusUpdate, Task } from '../../helpers/store';
import { waitFor } from '../../helpers/wait';
import { FakeZaloServer, type FakeSentMessage, type FakeUser } from '../../helpers/zalo-fake';

useTestStore(__filename);

const PLANNING = '5201001';
const OFFICE = '5201002';
const LEADERS = '5201003';
const ADMIN: FakeUser = { id: 'admin', name: 'Quản trị' };
const LAN: FakeUser = { id: '7101', name: 'Lan' };
const MINH: FakeUser = { id: '7102', name: 'Minh' };
const CHU_TICH: FakeUser = { id: '7103', name: 'Chủ tịch' };

const prefix = testNamespace(__filename);
const zalo = new FakeZaloServer({
  groups: { [PLANNING]: 'Phòng KH-TH', [OFFICE]: 'Văn phòng', [LEADERS]: 'Thường trực' },
});
let channel: ZaloChannel;
let connection: IORedis;
let scheduler: ReminderScheduler;

/** Posts to other groups go out through the channel's own sender, as bot-service wires them. */
beforeAll(async () => {
  connection = new IORedis(redisUrl(), { maxRetriesPerRequest: null });
  const calendar = createWorkingCalendar();
  scheduler = createReminderScheduler({
    connection,
    prefix,
    clock: fixedClock(new Date(SCENARIO_NOW)),
    calendar,
    logger: pino({ level: 'silent' }),
  });
  const core = createBotCore(
    coreDeps('zalo', {
      calendar,
      logger: pino({ level: process.env.DEBUG_TEST ? 'debug' : 'silent' }),
      onTaskChanged: async (id) => void (await scheduler.syncTask(id)),
      post: async (_platform, chatId, reply) => {
        // As src/app/bot-service.ts posts: prompted by a command, never held back by the send budget.
        const sent = await channel.sender.send(chatId, reply, { prompted: true });
        return { messageId: sent.messageId };
      },
    }),
  );
  channel = createZaloChannel({
    credentialsFile: join(tmpdir(), 'zalo-deadlines-absent.json'),
    core,
    logger: pino({ level: process.env.DEBUG_TEST ? 'debug' : 'silent' }),
    api: zalo.api,
    login: zalo.login,
    ratePerSecond: 1000,
    burst: 50,
    // The account's default budget (15 a minute): the leaders' posts and the answers must go out through it.
    budget: {},
  });
  await channel.start();
  await seedScenario();
  expect((await say(PLANNING, ADMIN, '/link ke hoach')).text).toMatch(/Đã gắn nhóm này/);
  expect((await say(OFFICE, ADMIN, '/link van phong')).text).toMatch(/Đã gắn nhóm này/);
  expect((await say(LEADERS, ADMIN, '/link leaders')).text).toMatch(/nhóm lãnh đạo/);
  await scheduler.reconcileAll();
});

afterAll(async () => {
  await channel.stop();
  await zalo.close();
  await scheduler.queue.obliterate({ force: true });
  await scheduler.close();
  await connection.quit();
});

/**
 * The bot's answer in `group` to a message, and everything it sent meanwhile (posts to other groups go
 * out before the answer: the core posts, then answers).
 */
async function answered(group: string, from: number): Promise<{ text: string; sent: FakeSentMessage[] }> {
  const reply = await waitFor(
    () => zalo.sent.slice(from).find((s) => s.threadId === group),
    `the bot's answer in ${group}`,
  );
  expect(reply.type).toBe(ThreadType.Group);
  return { text: reply.text, sent: zalo.sent.slice(from) };
}

async function say(group: string, user: FakeUser, text: string) {
  const from = zalo.sent.length;
  zalo.emitGroupText(group, user, text);
  return answered(group, from);
}

/** A reply (Zalo's "Trả lời") to one of the bot's messages. */
async function replyTo(message: FakeSentMessage, user: FakeUser, text: string) {
  const from = zalo.sent.length;
  zalo.emitReplyToBot(message, user, text);
  return answered(message.threadId, from);
}

const to = (sent: FakeSentMessage[], group: string): FakeSentMessage[] =>
  sent.filter((s) => s.threadId === group);
const lastTo = (group: string): FakeSentMessage => zalo.sentTo(group).at(-1)!;

async function queuedDays(id: string): Promise<string[]> {
  const keys = await connection.smembers(taskIndexKey(prefix, id));
  const present = await Promise.all(keys.map(async (k) => ((await scheduler.queue.getJob(k)) ? k : null)));
  return present
    .filter((k): k is string => k !== null)
    .map((k) => k.slice(-10))
    .sort();
}

/** Zalo shows no buttons in groups: a post must never tell its readers to press one. */
function expectNoButtonTalk(text: string): void {
  expect(text).not.toMatch(/Bấm nút|bấm nút|Press a button/);
}

describe('Zalo: asking for more time, answered by numbered replies', () => {
  it('a refusal by reply with a reason, then an approval by reply; the deadline and reminders move', async () => {
    const task = (await Task.findOne({ number: 4 }).lean())!;
    const id = String(task._id);
    expect(await queuedDays(id)).toContain('2025-06-25'); // due soon before 30/06

    const asked = await say(PLANNING, LAN, '/giahan 4 15/7 chờ số liệu của các huyện');
    expect(asked.text).toMatch(/Đã gửi lãnh đạo đề nghị gia hạn việc số 4: 30\/06\/2025 → 15\/07\/2025/);
    const [request] = to(asked.sent, LEADERS);
    expect(request).toBeDefined();
    expect(request!.text).toMatch(
      /Phòng Kế hoạch – Tổng hợp xin gia hạn việc số 4: 30\/06\/2025 → 15\/07\/2025/,
    );
    expect(request!.text).toMatch(/Lý do: chờ số liệu của các huyện/);
    expect(request!.text).toMatch(/Trả lời \(reply\) tin này/);
    expect(request!.text).toMatch(/1\. “đồng ý 4”\n2\. “không 4 <lý do>”/);
    expectNoButtonTalk(request!.text);

    // Refused by a reply with the reason; the department's group is told, with the reason.
    const refused = await replyTo(request!, CHU_TICH, 'Không 4 chưa đủ căn cứ');
    expect(refused.text).toMatch(/Không đồng ý gia hạn việc số 4; hạn vẫn là 30\/06\/2025 \(Chủ tịch\)/);
    const [toldNo] = to(refused.sent, PLANNING);
    expect(toldNo?.text).toMatch(
      /Lãnh đạo \(Chủ tịch\) không đồng ý gia hạn việc số 4; hạn vẫn là 30\/06\/2025/,
    );
    expect(toldNo?.text).toMatch(/Lý do: chưa đủ căn cứ/);
    expect(await Task.findOne({ number: 4 }).lean()).toMatchObject({
      end: '2025-06-30',
      extensionRequest: null,
      extensions: [],
    });
    expect(
      await StatusUpdate.findOne({ taskNumber: 4, action: 'extension-refuse', applied: true }).lean(),
    ).toMatchObject({ platform: 'zalo', userName: 'Chủ tịch' });
    expect(await queuedDays(id)).toContain('2025-06-25');

    // A second request, approved by a reply.
    const again = await say(PLANNING, LAN, '/giahan 4 31/7 chờ kết quả kiểm tra');
    expect(again.text).toMatch(/30\/06\/2025 → 31\/07\/2025/);
    const [second] = to(again.sent, LEADERS);
    const approved = await replyTo(second!, CHU_TICH, 'Đồng ý 4');
    expect(approved.text).toMatch(/Đã đồng ý gia hạn việc số 4 đến 31\/07\/2025 \(Chủ tịch\)/);
    const [toldYes] = to(approved.sent, PLANNING);
    expect(toldYes?.text).toMatch(
      /Lãnh đạo \(Chủ tịch\) đồng ý gia hạn việc số 4 đến 31\/07\/2025\. Lịch nhắc đã được đổi theo hạn mới/,
    );

    const saved = (await Task.findOne({ number: 4 }).lean())!;
    expect(saved).toMatchObject({ end: '2025-07-31', originalEnd: '2025-06-30', extensionRequest: null });
    expect(saved.extensions).toHaveLength(1);
    expect(saved.extensions[0]).toMatchObject({
      from: '2025-06-30',
      to: '2025-07-31',
      via: 'request',
      by: 'Chủ tịch (zalo:7103)',
    });
    const after = await queuedDays(id);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((d) => d <= '2025-06-30')).toEqual([]);
    expect(after.some((d) => d >= '2025-07-20' && d <= '2025-07-31')).toBe(true);

    expect((await say(PLANNING, LAN, '/task 4')).text).toMatch(/gia hạn 1 lần, hạn gốc 30\/06\/2025/);
  });
});

describe('Zalo: a finished task stays finished until the lead group reopens it', () => {
  it('/capnhat 50% from a supporting group leaves it done and says so; /mola reopens it, audited', async () => {
    // Task 2: led by the office, supported by planning.
    expect((await say(OFFICE, MINH, '/xong 2 đã tổ chức')).text).toMatch(/Đã ghi nhận việc số 2 hoàn thành/);
    const finished = (await Task.findOne({ number: 2 }).lean())!;
    expect(finished).toMatchObject({ status: 'done', progress: 100 });

    const progress = await say(PLANNING, LAN, '/capnhat 2 50%');
    expect(progress.text).toMatch(/Việc số 2 đã hoàn thành từ 15\/05\/2025/);
    expect(progress.text).toMatch(/vẫn là hoàn thành/);
    expect(progress.text).toMatch(/\/mola 2/);
    const still = (await Task.findOne({ number: 2 }).lean())!;
    expect(still).toMatchObject({ status: 'done', progress: 100, revision: finished.revision });
    expect(still.completedAt).toEqual(finished.completedAt);

    expect((await say(PLANNING, LAN, '/mola 2 thiếu số liệu')).text).toMatch(
      /phối hợp việc 2: báo tiến độ bằng \/capnhat 2/,
    );
    expect((await say(OFFICE, MINH, '/mola 2 thiếu biên bản hội nghị')).text).toMatch(
      /Đã mở lại việc số 2: thiếu biên bản hội nghị/,
    );
    expect(await Task.findOne({ number: 2 }).lean()).toMatchObject({
      status: 'in_progress',
      completedAt: null,
    });
    expect(await StatusUpdate.findOne({ taskNumber: 2, action: 'reopen' }).lean()).toMatchObject({
      applied: true,
      platform: 'zalo',
      userName: 'Minh',
      note: 'thiếu biên bản hội nghị',
      before: { status: 'done' },
      after: { status: 'in_progress' },
    });
    expect((await say(OFFICE, MINH, '/lichsu 2')).text).toMatch(/Minh/);
  });
});

describe('Zalo: results the leaders accept, with a photo as evidence', () => {
  it('/xong with a photo → chờ duyệt → "trả lại" with a reason → open → /xong → "đạt" → done', async () => {
    expect((await say(PLANNING, LAN, '/caidat duyet bat')).text).toMatch(
      /Đổi cài đặt là việc của nhóm lãnh đạo/,
    );
    expect((await say(LEADERS, CHU_TICH, '/caidat duyet bat')).text).toMatch(/Đã bật duyệt kết quả/);

    // A photo with the command as its caption, the way a Zalo user sends a picture with words.
    const from = zalo.sent.length;
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const { href } = await zalo.emitPhoto(PLANNING, LAN, {
      data: jpeg,
      name: 'bang-ron.jpg',
      caption: '/xong 1 đã treo băng rôn',
    });
    const submitted = await answered(PLANNING, from);
    expect(submitted.text).toMatch(/Việc số 1 đã báo hoàn thành, đang chờ lãnh đạo duyệt/);
    expect(submitted.text).toMatch(/Đã lưu sản phẩm: ảnh bang-ron.jpg/);
    const review = (await Task.findOne({ number: 1 }).lean())!;
    expect(review).toMatchObject({ status: 'review', completedAt: null });
    expect(review.attachments).toEqual([
      expect.objectContaining({ kind: 'photo', platform: 'zalo', name: 'bang-ron.jpg', ref: href }),
    ]);
    const [forLeaders] = to(submitted.sent, LEADERS);
    expect(forLeaders?.text).toMatch(/Phòng Kế hoạch – Tổng hợp báo hoàn thành việc số 1, chờ duyệt/);
    expect(forLeaders?.text).toMatch(/Ghi chú: đã treo băng rôn/);
    expect(forLeaders?.text).toMatch(/Sản phẩm: ảnh bang-ron.jpg/);
    expect(forLeaders?.text).toMatch(/1\. “đạt 1”\n2\. “trả lại 1 <lý do>”/);
    expectNoButtonTalk(forLeaders!.text);

    // "trả lại" needs a reason; with one, the task is open again and the lead group is told why.
    expect((await replyTo(forLeaders!, CHU_TICH, 'trả lại 1')).text).toMatch(/Cần ghi lý do trả lại/);
    expect((await Task.findOne({ number: 1 }).lean())!.status).toBe('review');
    const returned = await replyTo(forLeaders!, CHU_TICH, 'Trả lại 1 thiếu ảnh hiện trường');
    expect(returned.text).toMatch(/Đã trả lại việc số 1: thiếu ảnh hiện trường \(Chủ tịch\)/);
    expect(to(returned.sent, PLANNING)[0]?.text).toMatch(
      /Lãnh đạo \(Chủ tịch\) trả lại kết quả việc số 1: thiếu ảnh hiện trường\. Việc mở lại, chưa tính là hoàn thành/,
    );
    expect(await Task.findOne({ number: 1 }).lean()).toMatchObject({
      status: 'in_progress',
      completedAt: null,
      returned: 1,
    });

    // Sent again; accepted by a reply.
    const resent = await say(PLANNING, LAN, '/xong 1 đã bổ sung ảnh hiện trường');
    expect(resent.text).toMatch(/chờ lãnh đạo duyệt/);
    const [again] = to(resent.sent, LEADERS);
    const accepted = await replyTo(again!, CHU_TICH, 'Đạt 1');
    expect(accepted.text).toMatch(/Đã duyệt đạt việc số 1 \(Chủ tịch\)/);
    expect(to(accepted.sent, PLANNING)[0]?.text).toMatch(/duyệt đạt việc số 1: đã hoàn thành/);
    expect(await Task.findOne({ number: 1 }).lean()).toMatchObject({ status: 'done', progress: 100 });

    expect((await say(LEADERS, CHU_TICH, '/task 1')).text).toMatch(/Sản phẩm \/ văn bản: ảnh bang-ron.jpg/);
    expect((await say(LEADERS, CHU_TICH, '/tailieu 1')).text).toMatch(
      /• ảnh bang-ron.jpg – Lan, 15\/05\/2025/,
    );
    expect(await StatusUpdate.countDocuments({ taskNumber: 1, action: 'return', applied: true })).toBe(1);
    expect(await StatusUpdate.countDocuments({ taskNumber: 1, action: 'accept', applied: true })).toBe(1);
  });

  it("a photo sent in reply to the bot's answer about a task is kept as that task's result", async () => {
    const answer = await say(PLANNING, LAN, '/capnhat 4 70% đã có số liệu 3 huyện');
    expect(answer.text).toMatch(/Việc số 4: tiến độ 0% → 70%/);
    const from = zalo.sent.length;
    await zalo.emitPhoto(PLANNING, LAN, {
      data: Buffer.from([0xff, 0xd8, 0xff, 9]),
      name: 'so-lieu.jpg',
      replyTo: lastTo(PLANNING),
    });
    expect((await answered(PLANNING, from)).text).toMatch(/Đã lưu sản phẩm: ảnh so-lieu.jpg/);
    const saved = (await Task.findOne({ number: 4 }).lean())!;
    expect(saved.attachments.map((a) => a.name)).toEqual(['so-lieu.jpg']);
  });
});

describe('Zalo: a blocker reaches the leaders with its choices', () => {
  it('/blocked is posted to the leaders at once; they answer "đã nắm 4" and "gia hạn 4 15/8"', async () => {
    const from = zalo.sent.length;
    const started = Date.now();
    zalo.emitGroupText(PLANNING, LAN, '/vuong 4 chưa có kinh phí');
    const post = await waitFor(
      () => zalo.sent.slice(from).find((s) => s.threadId === LEADERS),
      'the blocker in the leaders group',
    );
    expect(post.at - started).toBeLessThan(1000);
    const reported = await answered(PLANNING, from);
    expect(reported.text).toMatch(
      /Đã ghi nhận vướng mắc ở việc số 4: chưa có kinh phí\. Đã báo ngay nhóm lãnh đạo/,
    );
    expect(post.text).toMatch(
      /Phòng Kế hoạch – Tổng hợp báo vướng mắc ở việc số 4 \(hạn 31\/07\/2025\): chưa có kinh phí/,
    );
    expect(post.text).toMatch(
      /1\. “gia hạn 4 <hạn mới>”, ví dụ “gia hạn 4 30\/6”\n2\. “giao lại 4 <đơn vị chủ trì mới>”\n3\. “đã nắm 4”/,
    );
    expectNoButtonTalk(post.text);
    expect((await say(LEADERS, CHU_TICH, '/status Q3')).text).toMatch(/⛔ #4 .*: chưa có kinh phí/);

    const seen = await replyTo(post, CHU_TICH, 'đã nắm 4');
    expect(seen.text).toMatch(/Việc số 4: lãnh đạo đã nắm vướng mắc \(Chủ tịch\)/);
    expect(to(seen.sent, PLANNING)[0]?.text).toMatch(/Lãnh đạo \(Chủ tịch\) đã nắm vướng mắc ở việc số 4/);

    // "gia hạn 4 <date>" from the leaders grants the time without a request.
    const granted = await replyTo(post, CHU_TICH, 'gia hạn 4 15/8');
    expect(granted.text).toMatch(/31\/07\/2025 → 15\/08\/2025/);
    const saved = (await Task.findOne({ number: 4 }).lean())!;
    expect(saved).toMatchObject({ end: '2025-08-15', originalEnd: '2025-06-30' });
    expect(saved.extensions).toHaveLength(2);
    expect(saved.extensions[1]).toMatchObject({ from: '2025-07-31', to: '2025-08-15', via: 'edit' });
    expect((await queuedDays(String(saved._id))).some((d) => d > '2025-07-31')).toBe(true);

    // "giao lại 4 <unit>": another lead department.
    const reassigned = await replyTo(post, CHU_TICH, 'giao lại 4 văn phòng');
    expect(reassigned.text).toMatch(/Văn phòng/);
    expect((await Task.findOne({ number: 4 }).lean())!.lead).toEqual(['van-phong']);
  });

  it('"gia hạn 4 <date> <reason>" from a department asks the leaders instead of granting', async () => {
    // Task 1 is done; task 4 now belongs to the office.
    const from = zalo.sent.length;
    zalo.emitGroupText(OFFICE, MINH, '/tasks');
    const list = await answered(OFFICE, from);
    const asked = await replyTo(to(list.sent, OFFICE)[0]!, MINH, 'gia hạn 4 30/8 chờ kinh phí');
    expect(asked.text).toMatch(/Đã gửi lãnh đạo đề nghị gia hạn việc số 4: 15\/08\/2025 → 30\/08\/2025/);
    expect(to(asked.sent, LEADERS)[0]?.text).toMatch(/Văn phòng xin gia hạn việc số 4/);
    expect((await Task.findOne({ number: 4 }).lean())!.end).toBe('2025-08-15');
  });
});
