/**
 * A plan sent as a file, through the real core and store: review with counts and the draft attached,
 * /confirm loads it with the CLI's loader, the same file again is 0 new, refusals read nothing.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { createBotCore } from '../../../src/bot/core';
import { readDraftWorkbook } from '../../../src/bot/draft-file';
import { plainText, type IncomingFile, type IncomingMessage, type Reply } from '../../../src/bot/messages';
import type { OrgDirectory } from '../../../src/domain/task';
import { fixedClock } from '../../../src/shared/clock';
import { upsertOrgDirectory } from '../../../src/store/org-repository';
import { coreDeps } from '../../helpers/core-deps';
import { PLAN_PARAGRAPHS, planDocx } from '../../helpers/plan-docx';
import { SCENARIO_NOW } from '../../helpers/scenario';
import { useTestStore, PendingAction, Plan, Task } from '../../helpers/store';

useTestStore(__filename);

const clock = fixedClock(new Date(SCENARIO_NOW));
const planned: string[] = [];
const core = createBotCore(
  coreDeps('telegram', {
    clock,
    onTaskChanged: async (id) => {
      planned.push(id);
    },
  }),
);
const ADMIN = { id: 'admin', name: 'Quản trị' };
const LAN = { id: '501', name: 'Lan' };
const PLANNING = { id: '-100201', title: 'Phòng KH-TH', isGroup: true };
const LEADERS = { id: '-100203', title: 'Thường trực', isGroup: true };
let seq = 0;

function fileOf(name: string, data: Buffer, size = data.length): IncomingFile & { downloads: number } {
  const file = {
    name,
    size,
    downloads: 0,
    async download() {
      file.downloads++;
      return data;
    },
  };
  return file;
}

async function send(
  chat: IncomingMessage['chat'],
  user: IncomingMessage['user'],
  text: string,
  attachment?: IncomingFile,
): Promise<Reply[]> {
  return core.handle({
    platform: 'telegram',
    chat,
    user,
    text,
    messageId: String(++seq),
    ...(attachment ? { attachment } : {}),
  });
}
const dm = (user: { id: string }) => ({ id: user.id, isGroup: false });
const text = (replies: Reply[]): string => replies.map(plainText).join('\n');

let docx: Buffer;

beforeAll(async () => {
  const orgs = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', 'data', 'orgs.json'), 'utf8'),
  ) as OrgDirectory;
  await upsertOrgDirectory('hai-phong', orgs['hai-phong']!);
  await upsertOrgDirectory('nam-dinh', orgs['nam-dinh']!);
  docx = await planDocx();
  expect(text(await send(PLANNING, ADMIN, '/link hai-phong/ke hoach'))).toMatch(/Đã gắn/);
  expect(text(await send(LEADERS, ADMIN, '/link hai-phong/leaders'))).toMatch(/Đã gắn/);
});

describe('a plan sent as a file', () => {
  it('refuses a non-admin in a private chat without reading the file, and stores nothing', async () => {
    const file = fileOf('ke-hoach.docx', docx);
    const replies = await send(dm(LAN), LAN, '', file);
    expect(text(replies)).toMatch(/Chỉ quản trị viên của bot hoặc nhóm lãnh đạo/);
    expect(file.downloads).toBe(0);
    expect(await PendingAction.countDocuments()).toBe(0);
    expect(await Task.countDocuments()).toBe(0);
  });

  it('refuses other types and files over 5 MB before downloading them', async () => {
    const exe = fileOf('setup.exe', Buffer.from('MZ'));
    expect(text(await send(dm(ADMIN), ADMIN, 'hai phong', exe))).toMatch(
      /chỉ đọc kế hoạch dạng .docx, .pdf, .rtf, .txt, .csv, .html hoặc lịch .ics/,
    );
    const big = fileOf('ke-hoach.pdf', Buffer.alloc(10), 6 * 1024 * 1024);
    expect(text(await send(dm(ADMIN), ADMIN, 'hai phong', big))).toMatch(/6,0 MB, quá giới hạn 5,0 MB/);
    expect(exe.downloads + big.downloads).toBe(0);
    expect(await PendingAction.countDocuments()).toBe(0);
  });

  it('without a caption, takes the organisation from the letterhead, else asks', async () => {
    const noLetterhead = fileOf('ke-hoach.docx', await planDocx(PLAN_PARAGRAPHS.slice(1)));
    expect(text(await send(dm(ADMIN), ADMIN, '', noLetterhead))).toMatch(
      /kế hoạch của tổ chức nào\? .*Liên minh Hợp tác xã thành phố Hải Phòng \(hai-phong\)/,
    );
    expect(await PendingAction.countDocuments()).toBe(0);
    const replies = await send(dm(ADMIN), ADMIN, '', fileOf('ke-hoach.docx', docx));
    expect(plainText(replies[0]!)).toMatch(/3 nhiệm vụ: 3 mới/);
    expect(text(await send(dm(ADMIN), ADMIN, '/huy'))).toMatch(/Đã bỏ bản nháp/);
  });

  it('ignores files shared in a department group', async () => {
    const file = fileOf('bien-ban.docx', docx);
    expect(await send(PLANNING, LAN, '', file)).toEqual([]);
    expect(file.downloads).toBe(0);
  });

  it('reviews, attaches the draft, loads on /confirm, and the same file again is 0 new', async () => {
    const replies = await send(
      dm(ADMIN),
      ADMIN,
      'Liên minh HTX Hải Phòng',
      fileOf('ke-hoach-2025.docx', docx),
    );
    const review = plainText(replies[0]!);
    expect(review).toMatch(/Bản nháp kế hoạch: Kế hoạch Triển khai công tác hỗ trợ/);
    expect(review).toMatch(/3 nhiệm vụ: 3 mới, 0 đã có/);
    expect(review).toMatch(/Trung tâm Đào tạo: 1/);
    expect(review).toMatch(/Thời gian: 01\/01\/2025 – 30\/06\/2025/);
    // A title the scan damaged is listed with the repair proposed from known words; nothing is changed yet.
    expect(review).toMatch(/1 tên có vẻ lỗi khi quét; bot đề xuất sửa 1 tên/);
    expect(review).toMatch(
      /II\.3: “Hoat déng truyén thong ve Ngay HTX Viet Nam” → “Hoạt động truyền thông về Ngày HTX Việt Nam”/,
    );
    expect(review).toMatch(/Gõ \/xacnhan sửa tên để nạp với các tên đã đề xuất/);
    expect(review).toMatch(
      /II.1. Tổ chức tập huấn chuyển đổi số cho hợp tác xã — họp, sự kiện — Trung tâm Đào tạo — 01\/06\/2025 – 30\/06\/2025/,
    );
    expect(review).toMatch(/Bản nháp giữ đến 09:00 16\/05\/2025/);
    const attached = replies[1]!.document!;
    expect(attached.filename).toBe('ban-nhap-ke-hoach-2025.xlsx');
    const back = await readDraftWorkbook(attached.data);
    expect(back.tasks.map((t) => t.title)).toEqual([
      'Tổ chức tập huấn chuyển đổi số cho hợp tác xã',
      'Báo cáo kết quả triển khai Luật Hợp tác xã năm 2023',
      'Hoat déng truyén thong ve Ngay HTX Viet Nam',
    ]);
    // The attached draft carries the proposed repair beside the scan's words.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(attached.data as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Nhiệm vụ')!;
    const column = (sheet.getRow(1).values as unknown[]).indexOf('Đề xuất sửa tên');
    expect(column).toBeGreaterThan(0);
    expect(sheet.getRow(4).getCell(column).value).toBe('Hoạt động truyền thông về Ngày HTX Việt Nam');
    expect(sheet.getRow(2).getCell(column).value ?? '').toBe('');
    expect(await Task.countDocuments()).toBe(0); // nothing loaded before /confirm

    const loaded = text(await send(dm(ADMIN), ADMIN, '/xacnhan'));
    expect(loaded).toMatch(/Đã nạp kế hoạch .*: 3 việc mới, 0 cập nhật, 0 không đổi/);
    expect(planned).toHaveLength(3); // reminders planned at once
    expect(text(await send(PLANNING, LAN, '/tasks'))).toMatch(/Báo cáo kết quả triển khai Luật Hợp tác xã/);
    // Loaded as scanned (/xacnhan without "sửa tên"): lists mark the damaged title and say how to fix it.
    const listed = text(await send(LEADERS, LAN, '/tasks Thông tin và Tuyên truyền'));
    expect(listed).toMatch(/Hoat déng truyén thong ve Ngay HTX Viet Nam \(\?\)/);
    expect(listed).toMatch(/\(\?\) tên có vẻ lỗi khi quét: sửa bằng \/sua <số> tên <tên đúng>/);
    const status = text(await send(LEADERS, LAN, '/status Q2 2025'));
    expect(status).toMatch(/#\d+ Hoat déng truyén thong ve Ngay HTX Viet Nam \(\?\) \(hạn 30\/04\/2025\)/);
    expect(status).toMatch(/\(\?\) tên có vẻ lỗi khi quét/);
    expect(text(await send(dm(ADMIN), ADMIN, '/confirm'))).toMatch(/Không có gì đang chờ xác nhận/);

    // The same plan again, now from the leaders' group (no caption needed there).
    const again = await send(LEADERS, LAN, '', fileOf('ke-hoach-2025.docx', docx));
    expect(plainText(again[0]!)).toMatch(/3 nhiệm vụ: 0 mới, 3 đã có/);
    expect(text(await send(LEADERS, LAN, '/confirm'))).toMatch(/0 việc mới, 0 cập nhật, 3 không đổi/);
    expect(await Task.countDocuments()).toBe(3);
    expect(await Plan.countDocuments()).toBe(1);
  });

  it('/cancel drops a draft, and a draft expires after 24 hours by the service clock', async () => {
    await send(LEADERS, LAN, '', fileOf('ke-hoach-2025.docx', docx));
    expect(text(await send(LEADERS, LAN, '/huy'))).toMatch(/Đã bỏ bản nháp/);
    expect(text(await send(LEADERS, LAN, '/confirm'))).toMatch(/Không có gì đang chờ/);

    await send(LEADERS, LAN, '', fileOf('ke-hoach-2025.docx', docx));
    clock.advance(24 * 60 * 60 * 1000 + 1000);
    expect(text(await send(LEADERS, LAN, '/confirm'))).toMatch(/Không có gì đang chờ/);
  });

  it('a plan the parser finds nothing in is answered clearly and not kept', async () => {
    const before = await PendingAction.countDocuments();
    const replies = await send(
      LEADERS,
      LAN,
      '',
      fileOf('thu-moi.txt', Buffer.from('Kính mời các đồng chí dự họp.\n')),
    );
    expect(text(replies)).toMatch(/Không đọc được kế hoạch: .*không tìm thấy nhiệm vụ nào/);
    expect(await PendingAction.countDocuments()).toBe(before);
  });

  it('an edited plan sent again updates its tasks in place, keeping their numbers', async () => {
    const numbers = (await Task.find({}, { number: 1, ref: 1 }).lean()).map((t) => `${t.ref}:${t.number}`);
    const edited = PLAN_PARAGRAPHS.map((p) =>
      p.replace('thời gian: tháng 6/2025', 'thời gian: tháng 7/2025'),
    );
    await send(LEADERS, LAN, '', fileOf('ke-hoach-2025-sua.docx', await planDocx(edited)));
    expect(text(await send(LEADERS, LAN, '/xacnhan'))).toMatch(/0 việc mới, 1 cập nhật, 2 không đổi/);
    expect(await Task.findOne({ ref: 'II.1' }).lean()).toMatchObject({
      start: '2025-07-01',
      end: '2025-07-31',
    });
    expect((await Task.find({}, { number: 1, ref: 1 }).lean()).map((t) => `${t.ref}:${t.number}`)).toEqual(
      numbers,
    );
  });

  it('/xacnhan sửa tên loads the titles the review proposed for a damaged scan', async () => {
    // The original file again (the store holds the edited one): II.1 goes back to June, II.3 is repaired.
    const review = text(await send(LEADERS, LAN, '', fileOf('ke-hoach-2025.docx', docx)));
    expect(review).toMatch(/→ “Hoạt động truyền thông về Ngày HTX Việt Nam”/);
    expect(text(await send(LEADERS, LAN, '/xacnhan sửa tên'))).toMatch(/0 việc mới, 2 cập nhật, 1 không đổi/);
    expect(await Task.findOne({ ref: 'II.3' }).lean()).toMatchObject({
      title: 'Hoạt động truyền thông về Ngày HTX Việt Nam',
    });
    const listed = text(await send(LEADERS, LAN, '/tasks Thông tin và Tuyên truyền'));
    expect(listed).toMatch(/Hoạt động truyền thông về Ngày HTX Việt Nam/);
    expect(listed).not.toMatch(/\(\?\)/);
  });
});
