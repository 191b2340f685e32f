/**
 * A plan sent as a file on Zalo, through the adapter and the fake built on zca-js's own message classes:
 * the file arrives as zca-js delivers it (msgType "share.file", href, params.fileSize) and is fetched
 * over HTTP only for someone allowed to load plans.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createBotCore } from '../../src/bot/core';
import { readDraftWorkbook } from '../../src/bot/draft-file';
import { createZaloChannel, type ZaloChannel } from '../../src/channels/zalo/channel';
import { ThreadType } from '../../src/channels/zalo/zca';
import { coreDeps } from '../helpers/core-deps';
import { planDocx } from '../helpers/plan-docx';
import { seedScenario } from '../helpers/scenario';
import { useTestStore, PendingAction, Task } from '../helpers/store';
import { settled, staysQuiet } from '../helpers/wait';
import { FakeZaloServer, type FakeSentMessage } from '../helpers/zalo-fake';

useTestStore(__filename);

const PLANNING = '5002001';
const LEADERS = '5002003';
const ADMIN = { id: 'admin', name: 'Quản trị' };
const LAN = { id: '7001', name: 'Lan' };
const CHU_TICH = { id: '7003', name: 'Chủ tịch' };

const zalo = new FakeZaloServer({ groups: { [PLANNING]: 'Phòng KH-TH', [LEADERS]: 'Thường trực' } });
let channel: ZaloChannel;
let docx: Buffer;

/**
 * Waits until the bot has said `count` more things and then nothing more for the quiet time (the channel
 * tells no one when it has answered), and returns them.
 */
async function sentAfter(before: number, count = 1): Promise<FakeSentMessage[]> {
  await zalo.waitForSent(before + count, 10000);
  await settled(() => zalo.sent.length);
  return zalo.sent.slice(before);
}

async function say(groupId: string, from: { id: string; name: string }, text: string): Promise<string> {
  const before = zalo.sent.length;
  zalo.emitGroupText(groupId, from, text);
  return (await sentAfter(before)).map((s) => s.text).join('\n');
}

async function dm(from: { id: string; name: string }, text: string): Promise<string> {
  const before = zalo.sent.length;
  zalo.emitUserText(from, text);
  return (await sentAfter(before)).map((s) => s.text).join('\n');
}

beforeAll(async () => {
  await seedScenario();
  docx = await planDocx();
  channel = createZaloChannel({
    credentialsFile: join(tmpdir(), 'zalo-plans-absent.json'),
    core: createBotCore(coreDeps('zalo')),
    logger: pino({ level: 'silent' }),
    api: zalo.api,
    login: zalo.login,
    ratePerSecond: 1000,
    burst: 50,
    fileHosts: zalo.fileHosts,
  });
  await channel.start();
  expect(await say(PLANNING, ADMIN, '/link ke hoach')).toMatch(/Đã gắn nhóm này/);
  expect(await say(LEADERS, ADMIN, '/link leaders')).toMatch(/nhóm lãnh đạo/);
});
afterAll(async () => {
  await channel.stop();
  await zalo.close();
});

describe('a plan sent as a file on Zalo', () => {
  it("answers a non-admin's file in a private chat without fetching it, and stores nothing", async () => {
    const before = zalo.sent.length;
    await zalo.emitFile(null, LAN, { name: 'ke-hoach.docx', data: docx });
    const [reply] = await sentAfter(before);
    expect(reply).toMatchObject({ threadId: LAN.id, type: ThreadType.User });
    expect(reply!.text).toMatch(/Chỉ quản trị viên của bot hoặc nhóm lãnh đạo/);
    expect(zalo.downloads).toEqual([]);
    expect(await PendingAction.countDocuments()).toBe(0);
  });

  it('ignores files shared in a department group', async () => {
    const before = zalo.sent.length;
    await zalo.emitFile(PLANNING, LAN, { name: 'bien-ban-hop.docx', data: docx });
    await staysQuiet(() => zalo.sent.length > before || zalo.downloads.length > 0, 'answer or download');
    expect(zalo.downloads).toEqual([]);
  });

  it("reviews an admin's file with the draft attached, loads it on /xacnhan, and the leaders' resend is 0 new", async () => {
    const before = zalo.sent.length;
    const { path } = await zalo.emitFile(null, ADMIN, { name: 'ke-hoach-2025.docx', data: docx });
    const replies = await sentAfter(before, 2);
    expect(zalo.downloads).toEqual([path]);
    const review = replies[0]!;
    expect(review).toMatchObject({ threadId: ADMIN.id, type: ThreadType.User });
    expect(review.text).toMatch(/Bản nháp kế hoạch: Kế hoạch Triển khai công tác hỗ trợ hợp tác xã năm 2025/);
    expect(review.text).toMatch(/3 nhiệm vụ: 3 mới, 0 đã có/);
    const file = replies.find((s) => s.attachment !== undefined);
    expect(file).toBeDefined();
    const attachment = file!.attachment!;
    if (typeof attachment === 'string') throw new Error('expected the draft as bytes');
    expect(attachment.filename).toBe('ban-nhap-ke-hoach-2025.xlsx');
    expect((await readDraftWorkbook(attachment.data)).tasks).toHaveLength(3);

    expect(await dm(ADMIN, '/xacnhan')).toMatch(/Đã nạp kế hoạch .*: 3 việc mới, 0 cập nhật, 0 không đổi/);
    expect(await say(PLANNING, LAN, '/tasks')).toMatch(
      /#7 Báo cáo kết quả triển khai Luật Hợp tác xã năm 2023/,
    );

    const again = zalo.sent.length;
    await zalo.emitFile(LEADERS, CHU_TICH, { name: 'ke-hoach-2025.docx', data: docx });
    const [second] = await sentAfter(again, 2);
    expect(second).toMatchObject({ threadId: LEADERS, type: ThreadType.Group });
    expect(second!.text).toMatch(/3 nhiệm vụ: 0 mới, 3 đã có/);
    expect(await say(LEADERS, CHU_TICH, '/confirm')).toMatch(/0 việc mới, 0 cập nhật, 3 không đổi/);
    expect(await Task.countDocuments()).toBe(8);
  });

  it("lets the admin fix a damaged title from the private chat; a non-admin's private chat edits nothing", async () => {
    expect(await dm(ADMIN, '/task 8')).toMatch(/Tên việc có vẻ bị lỗi khi quét văn bản \(truyén, Viet\)/);
    expect(await dm(ADMIN, '/sua 8 tên Hoạt động truyền thông về Ngày HTX Việt Nam')).toMatch(
      /Việc số 8: tên Hoat déng truyén thong ve Ngay HTX Viet Nam → Hoạt động truyền thông về Ngày HTX Việt Nam/,
    );
    expect(await dm(ADMIN, '/task 8')).not.toMatch(/lỗi khi quét/);
    expect(await dm(LAN, '/sua 8 tên X')).toMatch(/chưa được gắn/);
    expect((await Task.findOne({ number: 8 }).lean())!.title).toBe(
      'Hoạt động truyền thông về Ngày HTX Việt Nam',
    );

    // The same scan sent again does not undo the fix.
    const before = zalo.sent.length;
    await zalo.emitFile(LEADERS, CHU_TICH, { name: 'ke-hoach-2025.docx', data: docx });
    await sentAfter(before, 2);
    expect(await say(LEADERS, CHU_TICH, '/xacnhan')).toMatch(/0 việc mới, 0 cập nhật, 3 không đổi/);
    expect((await Task.findOne({ number: 8 }).lean())!.title).toBe(
      'Hoạt động truyền thông về Ngày HTX Việt Nam',
    );
  });

  it('refuses a file Zalo reports as over 5 MB without fetching it', async () => {
    const before = zalo.sent.length;
    const downloads = zalo.downloads.length;
    await zalo.emitFile(LEADERS, CHU_TICH, {
      name: 'ke-hoach.pdf',
      data: Buffer.from('%PDF'),
      size: 8 * 1024 * 1024,
    });
    const [reply] = await sentAfter(before);
    expect(reply!.text).toMatch(/8,0 MB, quá giới hạn 5,0 MB/);
    expect(zalo.downloads.length).toBe(downloads);
  });
});
