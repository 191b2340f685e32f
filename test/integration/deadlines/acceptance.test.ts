/**
 * Results the leaders accept, and blockers that reach them, through the real core and store: with
 * /caidat duyet bat, /done with a photo waits ("chờ duyệt"); ↩ Trả lại with a reason leaves it open and
 * not counted done, and the lead group is told why; ✅ Đạt finishes it; the photo is listed in /task, in
 * /tailieu and in the export. /blocked reaches the leaders' group with its three buttons before the
 * department gets its answer. The leaders answer by button (Telegram) or by numbered reply (Zalo).
 */
import ExcelJS from 'exceljs';
import { createBotCore } from '../../../src/bot/core';
import { plainText, type IncomingFile, type IncomingMessage, type Reply } from '../../../src/bot/messages';
import { coreDeps } from '../../helpers/core-deps';
import { seedScenario } from '../../helpers/scenario';
import { useTestStore, Task } from '../../helpers/store';

useTestStore(__filename);

const posted: Array<{ chatId: string; reply: Reply; at: number }> = [];
const core = createBotCore(
  coreDeps('telegram', {
    post: async (_p, chatId, reply) => {
      posted.push({ chatId, reply, at: Date.now() });
      return { messageId: `post-${posted.length}` };
    },
  }),
);
const ADMIN = { id: 'admin', name: 'Quản trị' };
const LAN = { id: '501', name: 'Lan' };
const CHU_TICH = { id: '503', name: 'Chủ tịch' };
const PLANNING = { id: '-100301', title: 'Phòng KH-TH', isGroup: true };
const LEADERS = { id: '-100303', title: 'Thường trực', isGroup: true };
let seq = 0;

const photo: IncomingFile = {
  name: 'photo.jpg',
  size: 48213,
  mimeType: 'image/jpeg',
  kind: 'photo',
  ref: 'AgACAgUAAxkBAAIB',
  download: async () => Buffer.from('jpeg'),
};

async function handle(msg: Omit<IncomingMessage, 'platform' | 'messageId'>): Promise<Reply[]> {
  return core.handle({ platform: 'telegram', messageId: String(++seq), ...msg });
}
async function send(
  chat: IncomingMessage['chat'],
  user: IncomingMessage['user'],
  text: string,
  extra: Partial<IncomingMessage> = {},
) {
  return (await handle({ chat, user, text, ...extra })).map(plainText).join('\n');
}
async function press(chat: IncomingMessage['chat'], user: IncomingMessage['user'], data: string) {
  return handle({
    chat,
    user,
    text: '',
    press: { data, id: `p${seq}` },
    replyTo: { messageId: `m${seq}`, fromBot: true, text: '…' },
  });
}
const lastTo = (chat: { id: string }) => posted.filter((p) => p.chatId === chat.id).at(-1)!;

beforeAll(async () => {
  await seedScenario();
  await send(PLANNING, ADMIN, '/link ke hoach');
  await send(LEADERS, ADMIN, '/link leaders');
});

describe('results the leaders accept', () => {
  it('is off by default; only the leaders or an admin turn it on', async () => {
    expect(await send(LEADERS, CHU_TICH, '/caidat')).toMatch(/duyệt kết quả: tắt/);
    expect(await send(PLANNING, LAN, '/caidat duyet bat')).toMatch(/Đổi cài đặt là việc của nhóm lãnh đạo/);
    expect(await send(LEADERS, CHU_TICH, '/caidat duyet bat')).toMatch(/Đã bật duyệt kết quả/);
  });

  it('/done with a photo → chờ duyệt → ↩ Trả lại with a reason → open, not done → ✅ Đạt → done', async () => {
    const answer = await send(PLANNING, LAN, '/xong 4 đã gửi báo cáo số 123/BC-LMHTX', { attachment: photo });
    expect(answer).toMatch(/Việc số 4 đã báo hoàn thành, đang chờ lãnh đạo duyệt/);
    expect(answer).toMatch(/Đã lưu sản phẩm: ảnh photo.jpg, văn bản số 123\/BC-LMHTX/);
    expect(await Task.findOne({ number: 4 }).lean()).toMatchObject({ status: 'review', completedAt: null });
    const toLeaders = lastTo(LEADERS).reply;
    expect(plainText(toLeaders)).toMatch(/báo hoàn thành việc số 4, chờ duyệt/);
    expect(toLeaders.buttons).toEqual([
      [
        { label: '✅ Đạt', data: 'rv:ok:4' },
        { label: '↩ Trả lại', data: 'rv:back:4' },
      ],
    ]);
    expect(await send(LEADERS, CHU_TICH, '/status Q2')).toMatch(
      /Phòng Kế hoạch – Tổng hợp: 2 việc\nĐúng hạn 0 ·/,
    );

    // ↩ asks for the reason; the reply to the prompt returns it.
    const pressed = await press(LEADERS, CHU_TICH, 'rv:back:4');
    const prompt = plainText(pressed[1]!);
    expect(prompt).toMatch(/↩ Trả lại việc số 4: trả lời/);
    expect(
      await send(LEADERS, CHU_TICH, 'thiếu ảnh hiện trường', {
        replyTo: { messageId: 'x', fromBot: true, text: prompt },
      }),
    ).toMatch(/Đã trả lại việc số 4: thiếu ảnh hiện trường/);
    expect(plainText(lastTo(PLANNING).reply)).toMatch(/trả lại kết quả việc số 4: thiếu ảnh hiện trường/);
    const returned = (await Task.findOne({ number: 4 }).lean())!;
    expect(returned).toMatchObject({ status: 'in_progress', completedAt: null, returned: 1 });
    expect(await send(LEADERS, CHU_TICH, '/status Q2')).toMatch(
      /Phòng Kế hoạch – Tổng hợp: 2 việc\nĐúng hạn 0 · Trễ hạn 0/,
    );

    // Sent again, accepted by a numbered reply (as on Zalo).
    expect(await send(PLANNING, LAN, '/xong 4 đã bổ sung ảnh')).toMatch(/chờ lãnh đạo duyệt/);
    expect(
      await send(LEADERS, CHU_TICH, 'Đạt 4', {
        replyTo: { messageId: 'y', fromBot: true, text: plainText(lastTo(LEADERS).reply) },
      }),
    ).toMatch(/Đã duyệt đạt việc số 4/);
    expect(plainText(lastTo(PLANNING).reply)).toMatch(/duyệt đạt việc số 4/);
    expect(await Task.findOne({ number: 4 }).lean()).toMatchObject({ status: 'done', progress: 100 });
    expect(await send(LEADERS, CHU_TICH, '/status Q2')).toMatch(
      /Phòng Kế hoạch – Tổng hợp: 2 việc\nĐúng hạn 1 ·/,
    );

    const detail = await send(LEADERS, CHU_TICH, '/task 4');
    expect(detail).toMatch(/Sản phẩm \/ văn bản: ảnh photo.jpg, văn bản số 123\/BC-LMHTX/);
    expect(await send(LEADERS, CHU_TICH, '/tailieu 4')).toMatch(/• ảnh photo.jpg – Lan, 15\/05\/2025/);
    const history = await send(LEADERS, CHU_TICH, '/lichsu 4');
    expect(history).toMatch(/Chủ tịch: lãnh đạo trả lại: .* – thiếu ảnh hiện trường/);
    expect(history).toMatch(/Chủ tịch: lãnh đạo duyệt đạt/);

    const [xlsx] = await handle({ chat: LEADERS, user: CHU_TICH, text: '/export Q2' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx!.document!.data as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = header.indexOf('Sản phẩm / văn bản');
    expect(col).toBeGreaterThan(0);
    const row = [2, 3, 4, 5].map((r) => ws.getRow(r)).find((r) => r.getCell(1).value === 4)!;
    expect(String(row.getCell(col).value)).toBe('photo.jpg; 123/BC-LMHTX');
    for (const name of ['Hạn gốc', 'Hạn điều chỉnh', 'Số lần gia hạn']) expect(header).toContain(name);
  });
});

describe('blockers reach a decision', () => {
  it('/blocked posts to the leaders at once with Gia hạn… / Giao lại… / Đã nắm; /status names it', async () => {
    const before = posted.length;
    const started = Date.now();
    const answer = await send(PLANNING, LAN, '/vuong 1 chưa có kinh phí');
    const post = posted.slice(before).find((p) => p.chatId === LEADERS.id);
    expect(post).toBeDefined();
    expect(post!.at - started).toBeLessThan(1000);
    expect(answer).toMatch(/Đã báo ngay nhóm lãnh đạo/);
    expect(plainText(post!.reply)).toMatch(
      /báo vướng mắc ở việc số 1 \(hạn 15\/04\/2025\): chưa có kinh phí/,
    );
    expect(post!.reply.buttons).toEqual([
      [
        { label: '🗓 Gia hạn…', data: 'bk:ext:1' },
        { label: '👥 Giao lại…', data: 'bk:lead:1' },
        { label: '👀 Đã nắm', data: 'bk:seen:1' },
      ],
    ]);
    expect(await send(LEADERS, CHU_TICH, '/status Q2')).toMatch(/⛔ #1 .*: chưa có kinh phí/);

    const seen = await press(LEADERS, CHU_TICH, 'bk:seen:1');
    expect(seen[0]!.toast).toMatch(/lãnh đạo đã nắm vướng mắc/);
    expect(plainText(lastTo(PLANNING).reply)).toMatch(/đã nắm vướng mắc ở việc số 1/);

    // 🗓 Gia hạn…: the leader's new date is an extension granted without a request.
    const grant = await press(LEADERS, CHU_TICH, 'bk:ext:1');
    const prompt = plainText(grant[1]!);
    expect(prompt).toMatch(/🗓 Gia hạn việc số 1/);
    expect(
      await send(LEADERS, CHU_TICH, '30/6/2025', {
        replyTo: { messageId: 'z', fromBot: true, text: prompt },
      }),
    ).toMatch(/hạn 15\/04\/2025 → 30\/06\/2025/);
    expect(await Task.findOne({ number: 1 }).lean()).toMatchObject({
      end: '2025-06-30',
      originalEnd: '2025-04-15',
    });
  });
});

describe('work given in chat', () => {
  const OFFICE = { id: '-100302', title: 'Văn phòng', isGroup: true };

  it('a leader replying /giao <phòng> hạn <ngày> to a message makes that message a task for the department', async () => {
    await send(OFFICE, ADMIN, '/link van phong');
    const before = posted.length;
    const quoted = {
      messageId: 'kl-1',
      fromBot: false,
      text: 'Chuẩn bị báo cáo sơ kết 6 tháng công tác hỗ trợ HTX\n(kết luận giao ban sáng nay)',
      author: { id: '504', name: 'Phó Chủ tịch Hà' },
    };
    const answer = await send(LEADERS, CHU_TICH, '/giao văn phòng hạn 30/6/2025', { replyTo: quoted });
    const number = Number(/số (\d+)/.exec(answer)?.[1]);
    expect(answer).toMatch(/Chuẩn bị báo cáo sơ kết 6 tháng công tác hỗ trợ HTX/);
    const task = await Task.findOne({ number }).lean();
    expect(task).toMatchObject({
      title: 'Chuẩn bị báo cáo sơ kết 6 tháng công tác hỗ trợ HTX',
      lead: ['van-phong'],
      end: '2025-06-30',
    });
    const told = posted.slice(before);
    expect(told.map((p) => p.chatId)).toEqual([OFFICE.id]);
    expect(plainText(told[0]!.reply)).toMatch(new RegExp(`📌 Việc mới được giao: #${number}`));
    expect(plainText(told[0]!.reply)).toMatch(/Nguồn: tin nhắn của Phó Chủ tịch Hà/);
    // Only those who manage the plan may: a department's group gets a refusal, and nothing is added.
    const count = await Task.countDocuments();
    const refused = await send(PLANNING, LAN, '/giao văn phòng hạn 30/6/2025', { replyTo: quoted });
    expect(refused).not.toMatch(/Đã thêm/);
    expect(await Task.countDocuments()).toBe(count);
  });

  it('/add with nguồn tells the lead and supporting groups at once; /assign tells the new lead', async () => {
    await send(OFFICE, ADMIN, '/link van phong');
    const before = posted.length;
    const answer = await send(
      LEADERS,
      CHU_TICH,
      '/them Rà soát danh sách HTX kiểu mới | chủ trì: văn phòng | phối hợp: kế hoạch | hạn: 30/6/2025 | nguồn: KL giao ban 12/5',
    );
    const number = Number(/Đã thêm việc số (\d+)/.exec(answer)?.[1] ?? /số (\d+)/.exec(answer)?.[1]);
    expect(number).toBeGreaterThan(5);
    const told = posted.slice(before);
    expect(told.map((p) => p.chatId).sort()).toEqual([PLANNING.id, OFFICE.id].sort());
    for (const p of told) {
      expect(plainText(p.reply)).toMatch(
        new RegExp(`📌 Việc mới được giao: #${number} Rà soát danh sách HTX kiểu mới`),
      );
      expect(plainText(p.reply)).toMatch(/Nguồn: KL giao ban 12\/5/);
    }
    expect(await send(LEADERS, CHU_TICH, `/task ${number}`)).toMatch(/Nguồn: KL giao ban 12\/5/);

    const mark = posted.length;
    expect(await send(LEADERS, CHU_TICH, `/assign ${number} kế hoạch`)).toMatch(/chủ trì/);
    const assigned = posted.slice(mark);
    expect(assigned.map((p) => p.chatId)).toEqual([PLANNING.id]);
    expect(plainText(assigned[0]!.reply)).toMatch(/📌 Việc mới được giao/);
  });
});
