/**
 * The scorecard through the real core and store: /status ranks the departments, a line each, the on-time
 * rate first; /export has the same ranking as the sheet "Xếp hạng đơn vị", printable like the task sheet.
 * The figures come from what happened in chat: an extension approved before the date passed, a date a
 * leader moved after the task was late, a result returned once then accepted.
 */
import ExcelJS from 'exceljs';
import { createBotCore } from '../../src/bot/core';
import { plainText, type IncomingMessage, type Reply } from '../../src/bot/messages';
import { coreDeps } from '../helpers/core-deps';
import { seedScenario } from '../helpers/scenario';
import { useTestStore } from '../helpers/store';

useTestStore(__filename);

let now = new Date('2025-05-15T09:00:00+07:00');
const posted: Array<{ chatId: string; reply: Reply }> = [];
const core = createBotCore(
  coreDeps('telegram', {
    clock: { now: () => now },
    post: async (_p, chatId, reply) => {
      posted.push({ chatId, reply });
      return { messageId: `post-${posted.length}` };
    },
  }),
);
const ADMIN = { id: 'admin', name: 'Quản trị' };
const LAN = { id: '501', name: 'Lan' };
const CHU_TICH = { id: '503', name: 'Chủ tịch' };
const PLANNING = { id: '-100401', title: 'Phòng KH-TH', isGroup: true };
const INFO = { id: '-100402', title: 'Phòng TT-TT', isGroup: true };
const OFFICE = { id: '-100404', title: 'Văn phòng', isGroup: true };
const LEADERS = { id: '-100403', title: 'Thường trực', isGroup: true };
let seq = 0;

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
const lastTo = (chat: { id: string }) => posted.filter((p) => p.chatId === chat.id).at(-1)!;
const on = (day: string) => (now = new Date(`${day}T09:00:00+07:00`));
const asLeaderReply = (text: string) => ({ replyTo: { messageId: 'x', fromBot: true, text } });

beforeAll(async () => {
  await seedScenario();
  await send(PLANNING, ADMIN, '/link ke hoach');
  await send(INFO, ADMIN, '/link thong tin');
  await send(OFFICE, ADMIN, '/link van phong');
  await send(LEADERS, ADMIN, '/link leaders');
  await send(LEADERS, CHU_TICH, '/caidat duyet bat');

  // 15/5. Task 1 (Kế hoạch, due 15/4): finished a month late.
  expect(await send(PLANNING, LAN, '/xong 1 đã gửi')).toMatch(/chờ lãnh đạo duyệt/);
  expect(await send(LEADERS, CHU_TICH, 'Đạt 1', asLeaderReply(plainText(lastTo(LEADERS).reply)))).toMatch(
    /Đã duyệt đạt việc số 1/,
  );
  // Task 3 (Thông tin, due 31/5): moved to 30/6 before its date, finished 10/6 — on time, 1 extension.
  expect(await send(LEADERS, CHU_TICH, '/sua 3 hạn 30/6/2025')).toMatch(/31\/05\/2025 → 30\/06\/2025/);

  // 10/6. Task 3 done; task 4 (Kế hoạch, due 30/6) sent, returned once, sent again on 20/6 and accepted.
  on('2025-06-10');
  await send(INFO, ADMIN, '/xong 3');
  await send(LEADERS, CHU_TICH, 'Đạt 3', asLeaderReply(plainText(lastTo(LEADERS).reply)));
  expect(await send(PLANNING, LAN, '/xong 4')).toMatch(/chờ lãnh đạo duyệt/);
  expect(
    await send(LEADERS, CHU_TICH, 'Trả lại 4 thiếu số liệu', asLeaderReply(plainText(lastTo(LEADERS).reply))),
  ).toMatch(/Đã trả lại việc số 4/);
  on('2025-06-20');
  await send(PLANNING, LAN, '/xong 4 đã bổ sung');
  await send(LEADERS, CHU_TICH, 'Đạt 4', asLeaderReply(plainText(lastTo(LEADERS).reply)));

  // 2/7. Task 2 (Văn phòng, due 30/6) already late: a leader moves it to 31/7; it is finished 3/7 — late.
  on('2025-07-02');
  expect(await send(LEADERS, CHU_TICH, '/sua 2 hạn 31/7/2025')).toMatch(/30\/06\/2025 → 31\/07\/2025/);
  on('2025-07-03');
  await send(OFFICE, ADMIN, '/xong 2');
  await send(LEADERS, CHU_TICH, 'Đạt 2', asLeaderReply(plainText(lastTo(LEADERS).reply)));
});

describe('the scorecard', () => {
  it('/status ranks the departments, a line each, the on-time rate first', async () => {
    const report = await send(LEADERS, CHU_TICH, '/status Q2');
    const lines = report.split('\n');
    const first = lines.indexOf('🏆 Xếp hạng đúng hạn (việc đã đến hạn):');
    expect(first).toBeGreaterThan(0);
    expect(lines.slice(first + 1, first + 5)).toEqual([
      '100% · Phòng Thông tin và Tuyên truyền: 1/1 đúng hạn, 1 gia hạn, 0 trả lại',
      '50% · Phòng Kế hoạch – Tổng hợp: 1/2 đúng hạn, 0 gia hạn, 1 trả lại',
      '0% · Văn phòng: 0/1 đúng hạn, 1 gia hạn, 0 trả lại',
      '',
    ]);
    // Task 5 (Trung tâm Đào tạo, September) is not in Q2; a department with nothing due has no line.
    expect(report).not.toMatch(/% · Trung tâm/);
  });

  it('/status of one department shows only its line', async () => {
    const report = await send(LEADERS, CHU_TICH, '/status van phong');
    expect(report.match(/^\d+% · .*$/gm)).toEqual(['0% · Văn phòng: 0/1 đúng hạn, 1 gia hạn, 0 trả lại']);
  });

  it('/export has the ranking as the sheet "Xếp hạng đơn vị", printable on A4 landscape', async () => {
    const [reply] = await handle({ chat: LEADERS, user: CHU_TICH, text: '/export Q2' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(reply!.document!.data as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Xếp hạng đơn vị')!;
    expect(ws).toBeDefined();
    expect(String(ws.getCell('A1').value)).toBe('XẾP HẠNG ĐƠN VỊ THEO TỶ LỆ ĐÚNG HẠN QUÝ II/2025');
    const values: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n >= 5) values.push((row.values as unknown[]).slice(1));
    });
    expect(values).toEqual([
      [
        'STT',
        'Đơn vị',
        'Đến hạn',
        'Đúng hạn',
        'Trễ hạn',
        'Chưa xong',
        'Tỷ lệ đúng hạn',
        'Gia hạn',
        'Bị trả lại',
      ],
      [1, 'Phòng Thông tin và Tuyên truyền', 1, 1, 0, 0, 1, 1, 0],
      [2, 'Phòng Kế hoạch – Tổng hợp', 2, 1, 1, 0, 0.5, 0, 1],
      [3, 'Văn phòng', 1, 0, 1, 0, 0, 1, 0],
    ]);
    expect(ws.getCell('G6').numFmt).toBe('0%');
    expect(ws.getCell('A5').font?.bold).toBe(true);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      printTitlesRow: '5:5',
      printArea: 'A1:I8',
    });
    expect(ws.headerFooter.oddFooter).toBe('&CTrang &P/&N');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    // The other sheets are still there, first.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Nhiệm vụ', 'Xếp hạng đơn vị']);
  });
});
